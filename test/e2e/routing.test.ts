import { CwtchApiError } from '@cwtch/sdk';
import { describe, expect, it } from 'vitest';
import { auditGet, clientOf } from '../attack/support.ts';
import { cwtch } from '../support/cli.ts';
import { eventually, example, useRegion } from '../support/region.ts';

const region = useRegion();

/** The contract example, moved to a Dudley child reported missing at home and found at Wrexham station. */
async function dudleyChildFoundAtWrexham(): Promise<Record<string, unknown>> {
  const p = (await example('out-of-area-move')) as Record<string, Record<string, unknown>>;
  p.subject!.responsibleAuthority = 'E08000027';
  (p as Record<string, unknown>).homeLa = 'E08000027';
  (p as Record<string, unknown>).homePfa = 'E23000014';
  p.reportedMissingFrom = {
    ...p.reportedMissingFrom,
    postcode: 'DY1 1HF',
    la: 'E08000027',
    pfa: 'E23000014',
  };
  return p;
}

interface AuditShares {
  items: { id: string; to: string[]; receipts: { agency: string; status: string }[] }[];
}

describe('follow-the-child routing (DESIGN §6a)', () => {
  it('a Dudley child found at Wrexham: the dry run and the share name Dudley, West Midlands Police and Wrexham; the host force accepts', async () => {
    const run = region();
    const nwp = clientOf(run, 'north-wales-police');
    const payload = await dudleyChildFoundAtWrexham();
    const expected = ['dudley-cs', 'west-midlands-police', 'wrexham-cs'];

    const route = await nwp.route({ kind: 'out-of-area-move', payload });
    expect(route.recipients.map((r) => r.agency)).toEqual(expected);
    expect(new Set(route.recipients.map((r) => r.agreement))).toEqual(
      new Set(['waspi-isp-cross-border-missing-2026']),
    );
    expect(route.recipients.find((r) => r.agency === 'dudley-cs')?.because).toContainEqual({
      role: 'front-door',
      area: { la: 'E08000027', role: 'home', name: 'Dudley' },
    });
    expect(route.skipped).toContainEqual(
      expect.objectContaining({ agency: 'north-wales-police', reason: 'SENDER' }),
    );

    const sent = await nwp.send({ kind: 'out-of-area-move', payload });
    expect(sent.recipients).toEqual(expected);

    const wmp = clientOf(run, 'west-midlands-police', 'frontdoor');
    await eventually(
      async () => (await wmp.inbox()).some((i) => i.id === sent.id),
      20_000,
      'delivery to WMP',
    );
    await wmp.respond(sent.id, { status: 'accepted' });

    const outbox = await eventually(
      async () => {
        const o = await nwp.outbox(sent.id);
        return o.takenOverBy ? o : undefined;
      },
      15_000,
      'the acceptance in the sender’s outbox',
    );
    expect(outbox.takenOverBy?.agency).toBe('west-midlands-police');
    expect(outbox.recipients.map((r) => r.agency)).toEqual(expected);

    const logged = await eventually(
      async () => {
        const { items } = await auditGet<AuditShares>(
          run,
          '/v1/shares?agency=north-wales-police&kind=out-of-area-move',
        );
        const s = items.find((i) => i.id === sent.id);
        return s?.receipts.some((r) => r.agency === 'west-midlands-police' && r.status === 'accepted')
          ? s
          : undefined;
      },
      15_000,
      'the acceptance in the share log',
    );
    expect([...logged.to].sort()).toEqual(expected);
  });

  it('an area with no front door in the directory is refused with NO_ROUTE_FOR_AREA naming it, never dropped', async () => {
    const run = region();
    const nwp = clientOf(run, 'north-wales-police');
    const payload = await dudleyChildFoundAtWrexham();
    // Birmingham's children's services are not in the demo directory.
    (payload as Record<string, unknown>).homeLa = 'E08000025';
    for (const call of [
      () => nwp.route({ kind: 'out-of-area-move', payload }),
      () => nwp.send({ kind: 'out-of-area-move', payload }),
    ]) {
      const refused = await call().catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(CwtchApiError);
      expect((refused as CwtchApiError).status).toBe(422);
      expect((refused as CwtchApiError).code).toBe('NO_ROUTE_FOR_AREA');
      expect((refused as CwtchApiError).message).toContain('Birmingham (E08000025)');
    }
    // Named recipients need no routing: the sender can still reach who it chooses.
    const named = await nwp.send({ kind: 'out-of-area-move', payload, recipients: ['wrexham-cs'] });
    expect(named.recipients).toEqual(['wrexham-cs']);
  });

  it('cwtch directory show lists the areas each agency serves and its escalation contact (the signed statement routing reads)', async () => {
    const shown = await cwtch(['directory', 'show', '--data', region().dataDir]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(
      /dudley-cs \(childrens-services\).*\n\s+serves Dudley E08000027\n\s+escalation: Dudley Emergency Duty Team, 01632 960110/,
    );
    expect(shown.stdout).toContain('west-midlands-police (police): West Midlands Police');
  });
});
