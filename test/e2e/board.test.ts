import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { nhsCheckDigit } from '@cwtch/contracts';
import { monthOf } from '@cwtch/runtime';
import { describe, expect, it } from 'vitest';
import { clientOf } from '../attack/support.ts';
import { cwtch } from '../support/cli.ts';
import { eventually, example, type RunningRegion, useRegion } from '../support/region.ts';

// No scheduled sends in the test region: the test asks for the figures itself.
const region = useRegion({ env: { CWTCH_BOARD_SCHEDULE_MS: '0' } });

/** A valid NHS number in the 999 test range, one per child. */
function nhsNumber(n: number): string {
  for (let i = n; ; i++) {
    const nine = `999${String(100000 + i).padStart(6, '0')}`;
    const check = nhsCheckDigit(nine);
    if (check !== null) return `${nine}${check}`;
  }
}

const CANARY = { name: 'Zebedee-Canary', narrative: 'canary-narrative-7731', postcode: 'SA9 9QQ' };

/** A protocol entry about child `n`, entered (new) with the given exploitation types. */
async function protocolEntry(n: number, types: string[], canary = false): Promise<Record<string, unknown>> {
  const p = (await example('cse-protocol-entry')) as Record<string, unknown> & {
    subject: Record<string, unknown>;
    incidentLocations: Record<string, unknown>[];
  };
  p.subject.identifiers = [{ type: 'nhs_number', value: nhsNumber(n * 17), verified: true }];
  p.subject.name = { family: canary ? CANARY.name : `Child${n}`, given: 'Test' };
  p.exploitationTypes = types;
  p.protocolStatus = 'entered';
  p.previouslyOnProtocol = n % 2 === 0;
  if (!p.previouslyOnProtocol) delete p.previousProtocolPeriods;
  if (canary) {
    p.concernsNarrative = `${CANARY.narrative}: seen near the station`;
    p.incidentLocations = [{ ...p.incidentLocations[0], postcode: CANARY.postcode }];
  }
  return p;
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}

async function containsAny(path: string, needles: readonly string[]): Promise<string[]> {
  const text = (await readFile(path)).toString('latin1');
  return needles.filter((n) => text.includes(n));
}

async function sendAll(run: RunningRegion, month: string): Promise<string> {
  const res = await cwtch(['board', 'send', '--month', month, '--region', join(run.dataDir, 'region.json')]);
  expect(res.code, res.stderr + res.stdout).toBe(0);
  return res.stdout;
}

describe("the board's monthly data sheet (DESIGN §6b)", () => {
  it('merges the agencies’ figures by authority, suppresses small numbers, and agrees with the share log', async () => {
    const run = region();
    const month = monthOf(Date.now());
    const swansea = clientOf(run, 'swansea-cs');
    // Seven Swansea children enter the protocol (one of them twice: still one child).
    const types = [
      ['cse'],
      ['cse'],
      ['cse', 'online_sexual_abuse'],
      ['cse'],
      ['cse'],
      ['county_lines'],
      ['cse'],
    ];
    for (const [i, t] of types.entries())
      await swansea.send({
        kind: 'cse-protocol-entry',
        payload: await protocolEntry(i + 1, t, i === 0),
        recipients: ['south-wales-police'],
      });
    await swansea.send({
      kind: 'cse-protocol-entry',
      payload: await protocolEntry(2, ['cse']),
      recipients: ['south-wales-police'],
    });
    // North Wales Police: two moves out of Swansea into Wrexham.
    const nwp = clientOf(run, 'north-wales-police');
    for (let i = 0; i < 2; i++)
      await nwp.send({
        kind: 'out-of-area-move',
        payload: await example('out-of-area-move'),
        recipients: ['wrexham-cs'],
      });

    const out = await sendAll(run, month);
    expect(out).toMatch(/swansea-cs\s+sent \d+ figures to wg-board/);
    expect(out).not.toMatch(/wg-board\s+sent/);

    const board = clientOf(run, 'wg-board', 'frontdoor');
    const sheet = await eventually(
      async () => {
        const s = await board.boardSheet(month);
        return s.reporters.length >= 10 ? s : undefined;
      },
      20_000,
      'every partner’s figures at the board',
    );
    expect(sheet.columns.map((c) => c.key)).toEqual(
      expect.arrayContaining(['W06000011', 'W06000006', 'region']),
    );
    const cell = (item: string, by: string | null, column: string) =>
      sheet.rows.find((r) => r.item === item && r.by === by)?.cells[column]?.text;
    // Counted independently of the connectors: 7 distinct children, 6 with CSE, 1 county lines.
    expect(cell('protocol_children_new', null, 'W06000011')).toBe('7');
    expect(cell('protocol_children_new', 'cse', 'W06000011')).toBe('6');
    expect(cell('protocol_children_new', 'county_lines', 'W06000011')).toBe('<5');
    expect(cell('protocol_children_open', null, 'region')).toBe('7');
    // 3 of 7 were on the protocol before: withheld, never shown as 3.
    expect(cell('protocol_children_previously', null, 'W06000011')).toBe('<5');
    expect(cell('moves_out', null, 'W06000011')).toBe('<5');
    expect(cell('moves_in', null, 'W06000006')).toBe('<5');
    expect(JSON.stringify(sheet)).not.toMatch(/"text":"[1-4]"/);

    expect(sheet.reconciliation.available).toBe(true);
    const differ = sheet.reconciliation.lines.filter(
      (l) => l.outcome === 'differs' || l.outcome === 'not-reported',
    );
    expect(differ).toEqual([]);
    expect(sheet.reconciliation.lines).toContainEqual(
      expect.objectContaining({
        agency: 'swansea-cs',
        kind: 'cse-protocol-entry',
        reported: 8,
        logged: 8,
        outcome: 'agrees',
      }),
    );

    const a = run.region.agencies['wg-board']!;
    const csv = await fetch(`${a.connector}/v1/board/sheet?month=${month}`, {
      headers: { authorization: `Bearer ${a.tokens.frontdoor}`, accept: 'text/csv' },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toContain('Swansea');
    expect(text).toContain('protocol_children_new,Children entering the exploitation protocol,,children,');

    // A non-board connector has no sheet.
    const notBoard = await clientOf(run, 'swansea-cs')
      .boardSheet(month)
      .catch((e: unknown) => e);
    expect((notBoard as { status: number }).status).toBe(404);
  });

  it('a canary in a child’s name, narrative and full postcode never reaches the board: not its database, its logs or its sheet', async () => {
    const run = region();
    const month = monthOf(Date.now());
    // The canary was sent in the first test; send the figures again (the board keeps the latest).
    await sendAll(run, month);
    const a = run.region.agencies['wg-board']!;
    const needles = [CANARY.name, CANARY.narrative, CANARY.postcode, CANARY.postcode.replace(' ', '')];
    // The canary is at the edge that sent it (the police inbox received the entry)...
    const police = await filesUnder(join(run.dataDir, 'agencies', 'south-wales-police'));
    const atPolice = (await Promise.all(police.map((f) => containsAny(f, [CANARY.name])))).flat();
    expect(atPolice).toContain(CANARY.name);
    // ...and nowhere at the board.
    for (const file of await filesUnder(join(run.dataDir, 'agencies', 'wg-board')))
      expect(await containsAny(file, needles), file).toEqual([]);
    const log = join(run.dataDir, 'logs', 'connector-wg-board.log');
    expect(await containsAny(log, needles)).toEqual([]);
    for (const path of [`/v1/board/sheet?month=${month}`, '/v1/inbox?kind=board-statistics&limit=100']) {
      const res = await fetch(`${a.connector}${path}`, {
        headers: { authorization: `Bearer ${a.tokens.frontdoor}` },
      });
      const body = await res.text();
      for (const n of needles) expect(body).not.toContain(n);
    }
    const page = await fetch(`${a.connector}/board?month=${month}`, {
      headers: { authorization: `Bearer ${a.tokens.frontdoor}` },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const n of needles) expect(html).not.toContain(n);
    expect(html).toContain('id="reconciliation" data-differences="0"');
  });
});
