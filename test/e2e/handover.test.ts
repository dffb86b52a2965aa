import { CwtchApiError } from '@cwtch/sdk';
import { describe, expect, it } from 'vitest';
import { auditGet, clientOf, exportAndVerify } from '../attack/support.ts';
import { eventually, example, useRegion } from '../support/region.ts';

const region = useRegion();

interface AuditShares {
  items: { id: string; receipts: { agency: string; to: string; status: string; reason: string | null }[] }[];
}

const NOTE = 'Cerys is known to our exploitation team; handed to the Wrexham MASH';

describe('handover and outcomes: accepted, declined, actioned', () => {
  it('a host force accepts a handover, another recipient declines with a sealed note and actions; the sender and the auditor see it', async () => {
    const run = region();
    const sent = await clientOf(run, 'north-wales-police').send({
      kind: 'out-of-area-move',
      payload: await example('out-of-area-move'),
      recipients: ['wrexham-cs', 'south-wales-police'],
    });
    const wrexham = clientOf(run, 'wrexham-cs', 'frontdoor');
    const swp = clientOf(run, 'south-wales-police', 'frontdoor');
    await eventually(async () => (await wrexham.inbox()).some((i) => i.id === sent.id), 15_000, 'delivery');
    await eventually(async () => (await swp.inbox()).some((i) => i.id === sent.id), 15_000, 'delivery');

    const sender = clientOf(run, 'north-wales-police');
    expect((await sender.outbox(sent.id)).takenOverBy).toBeNull();

    const accepted = await swp.respond(sent.id, { status: 'accepted' });
    expect(accepted).toMatchObject({ id: sent.id, status: 'accepted', reason: null });
    await wrexham.respond(sent.id, { status: 'declined', reason: 'NOT_OUR_SERVICE', note: NOTE });
    await wrexham.respond(sent.id, { status: 'actioned', reason: 'REFERRED_ON' });
    await wrexham.respond(sent.id, { status: 'actioned', reason: 'INFORMATION_RECORDED' });

    // Out of order: a handover is answered once; the refusal comes before anything is signed.
    for (const [who, request] of [
      [swp, { status: 'declined', reason: 'OTHER' }],
      [swp, { status: 'accepted' }],
      [wrexham, { status: 'accepted' }],
    ] as const) {
      const refused = await who.respond(sent.id, request).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(CwtchApiError);
      expect((refused as CwtchApiError).status).toBe(409);
      expect((refused as CwtchApiError).code).toBe('CONFLICT');
    }
    // A decline needs a reason; an accept carries no note; the system role may not respond.
    const bad = await swp.respond(sent.id, { status: 'declined' } as never).catch((e: unknown) => e);
    expect((bad as CwtchApiError).status).toBe(400);
    const system = await clientOf(run, 'south-wales-police')
      .respond(sent.id, { status: 'actioned', reason: 'CHILD_SEEN' })
      .catch((e: unknown) => e);
    expect((system as CwtchApiError).status).toBe(403);

    // The home authority's side: who took over and when; the note opened for the sender only.
    const outbox = await eventually(
      async () => {
        const o = await sender.outbox(sent.id);
        const w = o.recipients.find((r) => r.agency === 'wrexham-cs');
        return o.takenOverBy && w && w.statements.length === 3 ? o : undefined;
      },
      15_000,
      'the statements in the sender’s outbox',
    );
    expect(outbox.takenOverBy).toMatchObject({ agency: 'south-wales-police' });
    expect(outbox.takenOverBy?.by).toBeTruthy();
    const w = outbox.recipients.find((r) => r.agency === 'wrexham-cs')!;
    expect(w.statements.map((s) => [s.status, s.reason])).toEqual([
      ['declined', 'NOT_OUR_SERVICE'],
      ['actioned', 'REFERRED_ON'],
      ['actioned', 'INFORMATION_RECORDED'],
    ]);
    expect(w.statements[0]?.note).toBe(NOTE);
    expect(w.status).toBe('actioned');
    expect(outbox.recipients.find((r) => r.agency === 'south-wales-police')?.status).toBe('accepted');
    const list = await sender.outboxList({ limit: 5 });
    expect(list[0]?.id).toBe(sent.id);
    expect(list[0]?.takenOverBy?.agency).toBe('south-wales-police');

    // The auditor's timeline: every statement, in order, with no note text anywhere.
    const share = await eventually(
      async () => {
        const { items } = await auditGet<AuditShares>(
          run,
          '/v1/shares?agency=north-wales-police&kind=out-of-area-move',
        );
        const s = items.find((i) => i.id === sent.id);
        return s && s.receipts.length >= 6 ? s : undefined;
      },
      15_000,
      'the statements in the share log',
    );
    expect(
      share.receipts
        .filter((r) => r.status !== 'delivered' && r.status !== 'acknowledged')
        .map((r) => [r.agency, r.status, r.reason]),
    ).toEqual([
      ['south-wales-police', 'accepted', null],
      ['wrexham-cs', 'declined', 'NOT_OUR_SERVICE'],
      ['wrexham-cs', 'actioned', 'REFERRED_ON'],
      ['wrexham-cs', 'actioned', 'INFORMATION_RECORDED'],
    ]);
    const page = await fetch(`${run.region.audit.url}/shares/${sent.id}`, {
      headers: { authorization: `Bearer ${run.region.audit.token}` },
    });
    const text = await page.text();
    expect(page.status).toBe(200);
    expect(text).toContain('accepted');
    expect(text).toContain('NOT_OUR_SERVICE');
    expect(text).not.toContain('Wrexham MASH');
    expect(JSON.stringify(share)).not.toContain('Wrexham MASH');

    const verified = await exportAndVerify(run);
    expect(verified.stderr + verified.stdout).not.toContain('RECEIPT_OUT_OF_ORDER');
    expect(verified.code).toBe(0);
  });
});
