import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { monthOf } from '@cwtch/runtime';
import { describe, expect, it } from 'vitest';
import { clientOf } from '../attack/support.ts';
import { cwtch } from '../support/cli.ts';
import { eventually, useRegion } from '../support/region.ts';

// The test asks for the figures itself; no scheduled sends.
const region = useRegion({ env: { CWTCH_BOARD_SCHEDULE_MS: '0' } });

/** The parts of the demo's plan file (`demo-month-YYYY-MM.json`) this test reads. */
interface Plan {
  month: string;
  status: string;
  children: { id: string; home: string }[];
  notifications: {
    kind: string;
    child: string | null;
    from: string;
    shareId?: string;
    facts: Record<string, unknown> & { kind: string };
  }[];
}

interface Figure {
  item: string;
  authority: string | null;
  by: string | null;
  value: number | null;
  suppressed?: 'primary' | 'secondary';
}

const key = (item: string, authority: string | null, by: string | null) =>
  `${item}|${authority ?? ''}|${by ?? ''}`;

/**
 * The figures each sender should report for the items below, computed from the demo's own plan
 * with this test's reading of the data sheet's definitions (never the connector's code): counts
 * of notifications by the child's authority, with the agency's whole figure; distinct children
 * for protocol entries.
 */
function expectedFromPlan(plan: Plan): Map<string, Map<string, number>> {
  const home = new Map(plan.children.map((c) => [c.id, c.home]));
  const bySender = new Map<string, Map<string, Set<string>>>();
  plan.notifications.forEach((n, i) => {
    if (!n.shareId) return;
    const seen = bySender.get(n.from) ?? new Map<string, Set<string>>();
    bySender.set(n.from, seen);
    const add = (item: string, authority: string | null | undefined, by: string | null, who = `n${i}`) => {
      for (const a of authority ? [authority, null] : [null])
        for (const b of by === null ? [null] : [by, null]) {
          const k = key(item, a, b);
          seen.set(k, (seen.get(k) ?? new Set()).add(who));
        }
    };
    const f = n.facts;
    const la = n.child ? home.get(n.child) : undefined;
    add('shares_sent', null, n.kind);
    switch (f.kind) {
      case 'missing-episode':
        add(f.episodeType === 'A' ? 'absent_episodes' : 'missing_episodes', la, String(f.policeRiskGrade));
        if (f.foundIn) add('missing_found', la, String(f.foundIn));
        break;
      case 'out-of-area-move':
        add('moves_out', String(f.homeLa), null);
        add('moves_in', String(f.hostLa), null, `n${i}-in`);
        break;
      case 'return-home-interview':
        if (f.offered) add('return_interviews_offered', la, null);
        if (f.accepted) add('return_interviews_accepted', la, null);
        if (f.held && f.withinTimescale) add('return_interviews_in_timescale', la, null);
        break;
      case 'nrm-referral':
        add(f.personType === 'child' ? 'nrm_referrals_child' : 'nrm_referrals_adult', la, null);
        if (f.guardianReferral === 'made') add('guardian_referrals', la, null);
        break;
      case 'care-home-transition':
        add('transitions', String(f.responsibleAuthority), null);
        if (f.notificationTiming === 'before_placement')
          add('transitions_notified_before_arrival', String(f.responsibleAuthority), null);
        break;
      case 'cse-protocol-entry':
        if (f.protocolStatus === 'entered') {
          add('protocol_children_new', la, null, `child:${n.child}`);
          for (const t of f.exploitationTypes as string[])
            add('protocol_children_new', la, t, `child:${n.child}`);
        }
        break;
      case 'intelligence-form':
        add('intelligence_forms_to_police', la, null);
        break;
    }
  });
  return new Map(
    [...bySender].map(([sender, seen]) => [sender, new Map([...seen].map(([k, who]) => [k, who.size]))]),
  );
}

const CHECKED = new Set([
  'shares_sent',
  'missing_episodes',
  'absent_episodes',
  'missing_found',
  'moves_out',
  'moves_in',
  'return_interviews_offered',
  'return_interviews_accepted',
  'return_interviews_in_timescale',
  'nrm_referrals_child',
  'nrm_referrals_adult',
  'guardian_referrals',
  'transitions',
  'transitions_notified_before_arrival',
  'protocol_children_new',
  'intelligence_forms_to_police',
]);

describe('the board’s sheet after a synthetic month (cwtch demo --month)', () => {
  it('has a column per authority and the region, agrees with the plan, withholds small numbers, and reconciles with the log', async () => {
    const run = region();
    const regionFile = join(run.dataDir, 'region.json');
    const played = await cwtch(['demo', '--month', '--region', regionFile]);
    expect(played.code, played.stdout + played.stderr).toBe(0);
    const month = monthOf(Date.now());
    const plan = JSON.parse(await readFile(join(run.dataDir, `demo-month-${month}.json`), 'utf8')) as Plan;
    expect(plan.status).toBe('played');

    const sent = await cwtch(['board', 'send', '--month', month, '--region', regionFile]);
    expect(sent.code, sent.stdout + sent.stderr).toBe(0);
    const senders = [...new Set(plan.notifications.filter((n) => n.shareId).map((n) => n.from))];

    const board = clientOf(run, 'wg-board', 'frontdoor');
    const reports = await eventually(
      async () => {
        const items = await board.inbox({ kind: 'board-statistics', limit: 100 });
        const latest = new Map<string, Figure[]>();
        for (const i of items.reverse()) latest.set(i.from, (i.payload as { figures: Figure[] }).figures);
        return senders.every((s) => latest.has(s)) ? latest : undefined;
      },
      30_000,
      'figures from every agency that sent in the month',
    );

    // Each agency's published figures against the plan: exact where shown, 1–4 always withheld.
    const expected = expectedFromPlan(plan);
    for (const sender of senders) {
      const want = expected.get(sender) ?? new Map<string, number>();
      const got = new Map(
        reports
          .get(sender)!
          .filter((f) => CHECKED.has(f.item))
          .map((f) => [key(f.item, f.authority, f.by), f]),
      );
      for (const [k, n] of want) {
        const f = got.get(k);
        expect(f, `${sender} ${k}`).toBeDefined();
        if (n < 5) expect(f, `${sender} ${k} = ${n}`).toMatchObject({ value: null, suppressed: 'primary' });
        else if (f!.value !== null) expect(f!.value, `${sender} ${k}`).toBe(n);
        else expect(f!.suppressed, `${sender} ${k}`).toBe('secondary');
      }
      for (const k of got.keys()) expect(want.has(k), `${sender} reported ${k}, not in the plan`).toBe(true);
    }

    const sheet = await board.boardSheet(month);
    const authorities = [...new Set(plan.children.map((c) => c.home))];
    expect(sheet.columns.map((c) => c.key)).toEqual(expect.arrayContaining([...authorities, 'region']));
    // Each cell adds up what the agencies published for it, and says how many parts are withheld.
    for (const row of sheet.rows.filter((r) => CHECKED.has(r.item))) {
      for (const [column, cell] of Object.entries(row.cells)) {
        const parts = senders
          .map((s) =>
            reports
              .get(s)!
              .find(
                (f) =>
                  key(f.item, f.authority, f.by) ===
                  key(row.item, column === 'region' ? null : column, row.by),
              ),
          )
          .filter((f): f is Figure => f !== undefined);
        expect(cell.value, `${row.item} ${row.by} ${column}`).toBe(
          parts.reduce((n, f) => n + (f.value ?? 0), 0),
        );
        expect(cell.withheld).toBe(parts.filter((f) => f.value === null).length);
        if (cell.withheld > 0) expect(cell.text).toMatch(/^<\d+$|^\d+\+$/);
      }
    }
    expect(JSON.stringify(sheet.rows)).not.toMatch(/"text":"[1-4]"/);

    expect(sheet.reconciliation.available).toBe(true);
    expect(
      sheet.reconciliation.lines.filter((l) => l.outcome === 'differs' || l.outcome === 'not-reported'),
    ).toEqual([]);
    const swansea = sheet.reconciliation.lines.find((l) => l.agency === 'swansea-cs' && l.kind === null);
    expect(swansea?.logged).toBe(
      plan.notifications.filter((n) => n.shareId && n.from === 'swansea-cs').length,
    );
  });
});
