import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CwtchApiError } from '@cwtch/sdk';
import { describe, expect, it } from 'vitest';
import { auditGet, clientOf, exportAndVerify } from '../attack/support.ts';
import { eventually, example, useRegion } from '../support/region.ts';

const region = useRegion();

interface AuditShares {
  items: { id: string; receipts: { agency: string; to: string; status: string; reason: string | null }[] }[];
}

/** True when any of the inbox database files holds `text` (as UTF-8 bytes). */
async function databaseHolds(dataDir: string, agency: string, text: string): Promise<boolean> {
  const needle = Buffer.from(text, 'utf8');
  for (const file of ['inbox.sqlite', 'inbox.sqlite-wal']) {
    const bytes = await readFile(join(dataDir, 'agencies', agency, file)).catch(() => Buffer.alloc(0));
    if (bytes.includes(needle)) return true;
  }
  return false;
}

describe('recall with proof of deletion', () => {
  it('the recipients destroy the plaintext, keep a tombstone and sign deleted receipts; the log verifies', async () => {
    const run = region();
    const marker = `Recall-marker-${Date.now().toString(36)}`;
    const payload = await example('care-home-transition');
    const subject = payload.subject as { name: { given: string } };
    subject.name.given = marker;
    const sent = await clientOf(run, 'hillside').send({
      kind: 'care-home-transition',
      payload,
      recipients: ['swansea-cs', 'south-wales-police'],
    });
    const swansea = clientOf(run, 'swansea-cs', 'frontdoor');
    const swp = clientOf(run, 'south-wales-police', 'frontdoor');
    await eventually(async () => (await swansea.inbox()).some((i) => i.id === sent.id), 15_000, 'delivery');
    await eventually(async () => (await swp.inbox()).some((i) => i.id === sent.id), 15_000, 'delivery');
    await swansea.acknowledge(sent.id);
    await eventually(
      () => databaseHolds(run.dataDir, 'swansea-cs', marker),
      5_000,
      'the payload at rest before the recall (the check below can see it)',
    );

    const hillside = clientOf(run, 'hillside');
    // Only the sender's managers or its system may recall.
    const frontdoor = await clientOf(run, 'hillside', 'frontdoor')
      .recall(sent.id, { reason: 'MISDIRECTED' })
      .catch((e: unknown) => e);
    expect((frontdoor as CwtchApiError).status).toBe(403);
    const recalled = await hillside.recall(sent.id, { reason: 'MISDIRECTED', note: 'Wrong placement' });
    expect(recalled.recipients.sort()).toEqual(['south-wales-police', 'swansea-cs']);
    const again = await hillside.recall(sent.id, { reason: 'MISDIRECTED' }).catch((e: unknown) => e);
    expect((again as CwtchApiError).status).toBe(409);

    // The sender holds a signed deletion receipt from every recipient.
    const outbox = await eventually(
      async () => {
        const o = await hillside.outbox(sent.id);
        return o.recipients.every((r) => r.deletedAt !== null) ? o : undefined;
      },
      15_000,
      'proofs of deletion in the outbox',
    );
    expect(outbox.recipients.map((r) => r.status)).toEqual(['deleted', 'deleted']);
    expect(outbox.recipients.every((r) => r.recallReason === 'MISDIRECTED')).toBe(true);

    // The recipient keeps a tombstone: header and hashes, no payload.
    const tomb = (await swansea.get(sent.id)) as Awaited<ReturnType<typeof swansea.get>> & {
      recalled: { reason: string } | null;
    };
    expect(tomb.payload).toEqual({});
    expect(tomb.recalled).toMatchObject({ reason: 'MISDIRECTED' });
    expect(tomb.acknowledgedBy).toBeTruthy();
    expect(await databaseHolds(run.dataDir, 'swansea-cs', marker)).toBe(false);
    expect(await databaseHolds(run.dataDir, 'south-wales-police', marker)).toBe(false);

    // Nothing but a deletion follows a recall.
    const late = await swp.respond(sent.id, { status: 'accepted' }).catch((e: unknown) => e);
    expect((late as CwtchApiError).status).toBe(409);

    // The auditor sees the recall to each recipient and each proof.
    const share = await eventually(
      async () => {
        const { items } = await auditGet<AuditShares>(
          run,
          '/v1/shares?agency=hillside&kind=care-home-transition',
        );
        const s = items.find((i) => i.id === sent.id);
        return s && s.receipts.filter((r) => r.status === 'deleted').length === 2 ? s : undefined;
      },
      15_000,
      'recall and deletion in the share log',
    );
    expect(
      share.receipts
        .filter((r) => r.status === 'recalled' || r.status === 'deleted')
        .map((r) => `${r.agency}→${r.to}:${r.status}`)
        .sort(),
    ).toEqual([
      'hillside→south-wales-police:recalled',
      'hillside→swansea-cs:recalled',
      'south-wales-police→hillside:deleted',
      'swansea-cs→hillside:deleted',
    ]);

    const page = await fetch(`${run.region.audit.url}/shares/${sent.id}`, {
      headers: { authorization: `Bearer ${run.region.audit.token}` },
    });
    const timeline = await page.text();
    expect(timeline).toContain('to <strong>swansea-cs</strong>');
    expect(timeline).toContain('signed proof of deletion');
    expect(timeline).not.toContain('Wrong placement');

    expect((await exportAndVerify(run)).code).toBe(0);
  });
});
