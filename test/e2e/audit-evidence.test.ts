import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createConnectorClient } from '@cwtch/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { cwtch } from '../support/cli.ts';
import { eventually, example, type RunningRegion, useRegion } from '../support/region.ts';

const region = useRegion();
let run: RunningRegion;
const NHS = '943 476 5919';
type Share = {
  id: string;
  kind: string;
  from: string;
  to: string[];
  receipts: { agency: string; status: string; loggedAt: string; index: number }[];
};

const client = (agency: string, role: 'system' | 'frontdoor' | 'manager' = 'system') => {
  const a = run.region.agencies[agency]!;
  return createConnectorClient({ baseUrl: a.connector, token: a.tokens[role] });
};
const audit = async <T>(path: string): Promise<T> =>
  (await (
    await fetch(`${run.region.audit.url}${path}`, {
      headers: { authorization: `Bearer ${run.region.audit.token}` },
    })
  ).json()) as T;
const sent: Record<string, { id: string; to: string[] }> = {};

beforeAll(async () => {
  run = region();
  // One child's shares, from five agencies.
  const stories: [string, string, string[]][] = [
    ['hillside', 'care-home-transition', ['swansea-cs']],
    ['swansea-cs', 'cse-protocol-entry', ['south-wales-police', 'swansea-bay-health', 'barnardos-cymru']],
    ['barnardos-cymru', 'intelligence-form', ['south-wales-police']],
    ['swansea-cs', 'missing-episode', ['south-wales-police']],
    ['north-wales-police', 'out-of-area-move', ['wrexham-cs']],
  ];
  for (const [from, kind, to] of stories) {
    const { id } = await client(from).send({ kind, payload: await example(kind), recipients: to });
    sent[kind] = { id, to };
  }
  for (const { id, to } of Object.values(sent)) {
    for (const agency of to)
      await eventually(
        async () => (await client(agency).inbox({ limit: 500 })).some((i) => i.id === id),
        15_000,
        `${id} at ${agency}`,
      );
  }
  await client('swansea-cs', 'frontdoor').acknowledge(sent['care-home-transition']!.id);
  await client('south-wales-police', 'frontdoor').acknowledge(sent['cse-protocol-entry']!.id);
});

describe('auditor queries', () => {
  it("querying by the child's NHS number returns every share about the child from every agency, receipts in order", async () => {
    const { items } = await eventually(
      async () => {
        const r = await audit<{ items: Share[] }>(`/v1/shares?subject=${encodeURIComponent(NHS)}`);
        const acked = r.items
          .find((s) => s.id === sent['care-home-transition']!.id)
          ?.receipts.some((x) => x.status === 'acknowledged');
        return r.items.length >= 5 && acked ? r : undefined;
      },
      20_000,
      'all five shares with receipts',
    );
    expect(new Set(items.map((s) => s.from))).toEqual(
      new Set(['hillside', 'swansea-cs', 'barnardos-cymru', 'north-wales-police']),
    );
    expect(items.map((s) => s.id).sort()).toEqual(
      Object.values(sent)
        .map((s) => s.id)
        .sort(),
    );
    const transition = items.find((s) => s.id === sent['care-home-transition']!.id)!;
    expect(transition.receipts.map((r) => r.status)).toEqual(['delivered', 'acknowledged']);
    expect(transition.receipts[0]!.index).toBeLessThan(transition.receipts[1]!.index);
    const cse = items.find((s) => s.id === sent['cse-protocol-entry']!.id)!;
    expect(
      cse.receipts
        .filter((r) => r.status === 'delivered')
        .map((r) => r.agency)
        .sort(),
    ).toEqual(['barnardos-cymru', 'south-wales-police', 'swansea-bay-health']);
    // An NHS number that fails its check digit is refused, not silently unmatched.
    const bad = await fetch(`${run.region.audit.url}/v1/shares?subject=9434765918`, {
      headers: { authorization: `Bearer ${run.region.audit.token}` },
    });
    expect(bad.status).toBe(400);
  });
});

describe('evidence bundle, verified offline', () => {
  let bundle = '';
  let lines: string[] = [];
  const verify = async (text: string) => {
    const file = join(run.dataDir, `bundle-${Math.random().toString(36).slice(2)}.jsonl`);
    await writeFile(file, text);
    return cwtch(['audit', 'verify', file, '--region', join(run.dataDir, 'region.json')]);
  };

  beforeAll(async () => {
    const file = join(run.dataDir, 'bundle.jsonl');
    // Wait for a checkpoint the witnesses have cosigned that covers everything logged so far.
    const { size } = await audit<{ size: number }>('/v1/shares?kind=none');
    bundle = await eventually(
      async () => {
        const res = await cwtch([
          'audit',
          'export',
          '--region',
          join(run.dataDir, 'region.json'),
          '--out',
          file,
        ]);
        if (res.code !== 0) return undefined;
        const text = await readFile(file, 'utf8');
        return (JSON.parse(text.slice(0, text.indexOf('\n'))) as { size: number }).size >= size
          ? text
          : undefined;
      },
      30_000,
      'an export with a cosigned checkpoint covering the log',
    );
    lines = bundle.split('\n').filter(Boolean);
  });

  it('an untouched export verifies (exit 0)', async () => {
    const res = await verify(bundle);
    expect(res.stdout).toMatch(/VERIFIED/);
    expect(res.code).toBe(0);
  });

  it('one changed byte, a deleted, reordered or inserted entry each make verify exit 1 and name the entry', async () => {
    const entryLine = (k: number) => lines[1 + k]!;
    const header = JSON.parse(lines[0]!) as { size: number };
    expect(header.size).toBeGreaterThan(8);
    const k = 5;
    // A changed byte inside a signed field of entry k.
    const e = JSON.parse(entryLine(k)) as { i: number; e: string };
    const bytes = Buffer.from(e.e, 'base64');
    const at = bytes.indexOf(Buffer.from('"s":"')) + 6;
    bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
    const changed = [...lines];
    changed[1 + k] = JSON.stringify({ i: e.i, e: bytes.toString('base64') });
    const deleted = lines.filter((_, n) => n !== 1 + k);
    const reordered = [...lines];
    [reordered[1 + k], reordered[2 + k]] = [reordered[2 + k]!, reordered[1 + k]!];
    const inserted = [...lines.slice(0, 2 + k), entryLine(k), ...lines.slice(2 + k)];
    for (const [what, text] of [
      ['changed byte', changed],
      ['deleted', deleted],
      ['reordered', reordered],
      ['inserted', inserted],
    ] as const) {
      const res = await verify(`${text.join('\n')}\n`);
      expect(res.code, what).toBe(1);
      expect(res.stdout, what).toMatch(new RegExp(`entry ${k}\\b|#${k}\\b|\\[${k}\\]|index ${k}\\b`));
      expect(res.stdout, what).toMatch(/FINDINGS/);
    }
  });

  it('a disclosed content key opens that one share and no other', async () => {
    const id = sent['care-home-transition']!.id;
    const swansea = run.region.agencies['swansea-cs']!;
    const res = await fetch(`${swansea.connector}/v1/inbox/${id}/disclose`, {
      method: 'POST',
      headers: { authorization: `Bearer ${swansea.tokens.manager}` },
    });
    expect(res.status).toBe(200);
    const { cek } = (await res.json()) as { cek: string };
    const frontdoor = await fetch(`${swansea.connector}/v1/inbox/${id}/disclose`, {
      method: 'POST',
      headers: { authorization: `Bearer ${swansea.tokens.frontdoor}` },
    });
    expect(frontdoor.status).toBe(403);

    const file = join(run.dataDir, 'bundle.jsonl');
    const opened = await cwtch([
      'audit',
      'disclose',
      file,
      '--id',
      id,
      '--key',
      cek,
      '--region',
      join(run.dataDir, 'region.json'),
    ]);
    expect(opened.code, opened.stderr).toBe(0);
    const payload = await example('care-home-transition');
    expect(opened.stdout).toContain(JSON.stringify(payload, null, 2).split('\n')[1]!.trim());
    const other = await cwtch([
      'audit',
      'disclose',
      file,
      '--id',
      sent['cse-protocol-entry']!.id,
      '--key',
      cek,
      '--region',
      join(run.dataDir, 'region.json'),
    ]);
    expect(other.code).not.toBe(0);
    expect(other.stderr).toMatch(/KEY_COMMITMENT_MISMATCH|commitment/i);
  });
});
