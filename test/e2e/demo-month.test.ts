import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientOf } from '../attack/support.ts';
import { cwtch } from '../support/cli.ts';
import { useRegion } from '../support/region.ts';

const region = useRegion();

/** The parts of `demo-month-YYYY-MM.json` this test reads. */
interface PlanFile {
  format: string;
  month: string;
  status: string;
  children: { id: string; adult: boolean; nhsNumber: string; home: string }[];
  notifications: {
    id: string;
    kind: string;
    child: string | null;
    from: string;
    to: string[] | null;
    shareId: string;
    recipients: string[];
    respondBy: string | null;
    copies: { agency: string; acknowledgedAt: string | null; responses: { status: string }[] }[];
  }[];
  refused: unknown[];
}

describe('cwtch demo --month', () => {
  it('plays a synthetic month into the region and writes its plan beside region.json', async () => {
    const run = region();
    // From another folder: the command finds its own contract examples.
    const res = await cwtch(['demo', '--month', '--region', join(run.dataDir, 'region.json')], {
      cwd: tmpdir(),
    });
    expect(res.code, res.stderr + res.stdout).toBe(0);
    const path = /plan: (\S+\.json)/.exec(res.stdout)?.[1];
    expect(path && dirname(path)).toBe(run.dataDir);
    const plan = JSON.parse(await readFile(path!, 'utf8')) as PlanFile;
    expect(basename(path!)).toBe(`demo-month-${plan.month}.json`);
    expect(plan).toMatchObject({ format: 'cwtch-demo-month/1', status: 'played', refused: [] });
    expect(res.stdout).toContain(`${plan.notifications.length} notifications sent`);

    const children = plan.children.filter((c) => !c.adult);
    expect(children.length).toBeGreaterThanOrEqual(40);
    expect(new Set(children.map((c) => c.home))).toEqual(
      new Set(['W06000011', 'W06000012', 'W06000006', 'E08000027']),
    );
    expect(plan.notifications.length).toBeGreaterThan(100);
    expect(new Set(plan.notifications.map((n) => n.kind)).size).toBeGreaterThanOrEqual(8);
    for (const n of plan.notifications) {
      expect(n.shareId, n.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(n.recipients.length, n.id).toBeGreaterThan(0);
      if (n.to) expect([...n.recipients].sort()).toEqual([...n.to].sort());
    }
    const copies = plan.notifications.flatMap((n) => n.copies);
    const waiting = copies.filter((c) => c.acknowledgedAt === null).length;
    expect(waiting).toBeGreaterThan(0);
    expect(waiting).toBeLessThan(copies.length / 4);
    expect(
      plan.notifications.some((n) => n.copies.some((c) => c.responses.some((r) => r.status === 'accepted'))),
    ).toBe(true);

    // A sample of the shares, at every recipient: the copy, its sender, its child, its acknowledgement.
    const sample = plan.notifications.filter((_, i) => i % 15 === 0);
    for (const n of sample) {
      for (const copy of n.copies) {
        const item = await clientOf(run, copy.agency, 'frontdoor').get(n.shareId);
        expect(item, `${n.id} at ${copy.agency}`).toMatchObject({
          id: n.shareId,
          kind: n.kind,
          from: n.from,
        });
        expect(item.status).toBe(copy.acknowledgedAt === null ? 'new' : 'acknowledged');
        const child = plan.children.find((c) => c.id === n.child);
        const subject = item.payload.subject as { identifiers: { value: string }[] } | undefined;
        expect(subject?.identifiers[0]?.value).toBe(child?.nhsNumber);
      }
    }

    // A second run into the same month would double the board's figures: refused unless forced.
    const again = await cwtch(['demo', '--month', '--region', join(run.dataDir, 'region.json')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already played');
  });

  it('answers --help with what --month plays', async () => {
    const res = await cwtch(['demo', '--help']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('cwtch demo --month');
    expect(res.stdout).toContain('demo-month-YYYY-MM.json');
  });
});
