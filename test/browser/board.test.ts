import { join } from 'node:path';
import { monthOf } from '@cwtch/runtime';
import { describe, expect, it } from 'vitest';
import { clientOf } from '../attack/support.ts';
import { cwtch } from '../support/cli.ts';
import { example, useRegion } from '../support/region.ts';
import { newPerson, screenshot, signIn, useChromium, watch } from './support/chromium.ts';

const region = useRegion({ env: { CWTCH_BOARD_SCHEDULE_MS: '0' } });
const browser = useChromium();

describe("the board's data sheet in the browser", () => {
  it('shows the sheet, three charts drawn without script from anywhere else, and the reconciliation, in English and Welsh', async () => {
    const run = region();
    const month = monthOf(Date.now());
    // One respond-by that falls due (and is missed) gives the timeliness chart a bar.
    const respondBy = new Date(Date.now() + 1000).toISOString();
    for (const kind of ['cse-protocol-entry', 'missing-episode'] as const)
      await clientOf(run, 'swansea-cs').send({
        kind,
        payload: await example(kind),
        recipients: ['south-wales-police'],
        respondBy,
      });
    await new Promise((r) => setTimeout(r, 1500));
    await clientOf(run, 'north-wales-police').send({
      kind: 'out-of-area-move',
      payload: await example('out-of-area-move'),
      recipients: ['wrexham-cs'],
    });
    const sent = await cwtch([
      'board',
      'send',
      '--month',
      month,
      '--region',
      join(run.dataDir, 'region.json'),
    ]);
    expect(sent.code, sent.stdout + sent.stderr).toBe(0);

    const base = run.region.agencies['wg-board']!.connector;
    const page = await (await newPerson(browser())).newPage();
    const seen = watch(page);
    const origins = new Set<string>();
    page.on('request', (r) => origins.add(new URL(r.url()).origin));
    await signIn(page, base, 'Mererid Lewis');
    await page.getByRole('link', { name: 'Data sheet' }).click();
    await page.waitForURL(`${base}/board`);
    await page.goto(`${base}/board?month=${month}`);
    await page.locator('#board-sheet').waitFor();
    expect(await page.locator('#board-sheet thead th').allTextContents()).toEqual(
      expect.arrayContaining(['Swansea', 'Wrexham', 'Region']),
    );
    expect(
      await page
        .locator(
          '#board-sheet tr[data-item="protocol_children_new"]:not(.breakdown) td[data-column="W06000011"]',
        )
        .textContent(),
    ).toBe('<5');
    const charts = page.locator('#board-charts svg.chart');
    expect(await charts.count()).toBe(3);
    for (let i = 0; i < 3; i++) expect((await charts.nth(i).boundingBox())?.height).toBeGreaterThan(20);
    expect(await page.locator('#reconciliation').getAttribute('data-differences')).toBe('0');
    expect(await page.locator('#reconciliation').textContent()).toContain(
      'Every figure the log can count agrees.',
    );
    const csv = await page.locator('#csv').getAttribute('href');
    expect(csv).toBe(`/board.csv?month=${month}`);
    await screenshot(page, 'board', true);

    await page.goto(`${base}/board?month=${month}&lang=cy`);
    expect(await page.locator('h1').textContent()).toBe('Taflen ddata’r bwrdd');
    expect(await page.locator('#board-sheet thead th').allTextContents()).toContain('Wrecsam');
    // Nothing came from another origin, nothing was blocked, no script error.
    expect([...origins]).toEqual([base]);
    expect(seen.errors).toEqual([]);
  });
});
