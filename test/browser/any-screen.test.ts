import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PAGE_CONTENT_SECURITY_POLICY } from '@cwtch/http';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientOf } from '../attack/support.ts';
import { example, useRegion } from '../support/region.ts';
import { newPerson, screenshot, signIn, useChromium, watch } from './support/chromium.ts';

// The page's own globals, for the functions that run in the browser (no DOM library here).
// biome-ignore lint/suspicious/noExplicitAny: an element of the page
type Element = any;
type HTMLElement = Element;
declare const window: { innerWidth: number; innerHeight: number };
declare const document: {
  documentElement: { scrollWidth: number };
  body: Element;
  querySelectorAll(selector: string): Iterable<Element>;
  elementFromPoint(x: number, y: number): Element;
};
declare const getComputedStyle: (e: Element) => { overflowX: string; clipPath: string };

const region = useRegion({ args: ['--demo'] });
const browser = useChromium();
const connector = (agency: string) => region().region.agencies[agency]!.connector;
const require = createRequire(import.meta.url);

/** A phone and a laptop. */
const SCREENS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1366, height: 768 },
] as const;

let axeSource = '';
beforeAll(async () => {
  axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
});

/** What one page at one size looks like, measured in the page. */
interface Layout {
  scrollWidth: number;
  innerWidth: number;
  /** Elements whose right edge is beyond the viewport, outside any box that scrolls or clips. */
  beyond: string[];
  /** Values of a field list narrower than 120 px (where words would break letter by letter). */
  narrowValues: string[];
}

function measure(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const w = window.innerWidth;
    const describe = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.trim().replace(/\s+/g, '.')}` : ''}`;
    const clipped = (e: Element) => {
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX !== 'visible' || s.clipPath !== 'none') return true;
      }
      return false;
    };
    const beyond: string[] = [];
    for (const e of document.querySelectorAll('body *')) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= w + 1 || r.left < -100) continue;
      if (getComputedStyle(e).clipPath !== 'none' || clipped(e)) continue;
      beyond.push(`${describe(e)} (right edge ${Math.round(r.right)} px)`);
    }
    const narrowValues = [...document.querySelectorAll('dl.fields dd')]
      .filter((d) => (d as HTMLElement).offsetWidth > 0 && (d.textContent ?? '').trim().length > 8)
      .filter((d) => (d as HTMLElement).offsetWidth < 120)
      .map((d) => `${(d.textContent ?? '').trim().slice(0, 30)} (${(d as HTMLElement).offsetWidth} px)`);
    // A page that scrolls sideways with nothing found above: name every element past the edge.
    if (beyond.length === 0 && document.documentElement.scrollWidth > w)
      for (const e of document.querySelectorAll('body *')) {
        const r = e.getBoundingClientRect();
        if (r.right > w + 1 && beyond.length < 10)
          beyond.push(`${describe(e)} (right edge ${Math.round(r.right)} px, clipped)`);
      }
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: w,
      beyond: beyond.slice(0, 10),
      narrowValues: narrowValues.slice(0, 10),
    };
  });
}

/** axe-core's WCAG 2 A and AA violations on the page as it is now (id: first targets). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(
            ctx: unknown,
            o: object,
          ): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    return r.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .slice(0, 3)
          .map((n) => JSON.stringify(n.target))
          .join(' ')}`,
    );
  });
  return found;
}

/** Visits `url` at every size and checks it; returns what failed, one line each. */
async function check(
  page: Page,
  label: string,
  url: string,
  extra?: (page: Page, width: number) => Promise<string[]>,
  ready?: string,
): Promise<string[]> {
  const problems: string[] = [];
  for (const s of SCREENS) {
    await page.setViewportSize({ width: s.width, height: s.height });
    await page.goto(url);
    if (ready) await page.locator(ready).first().waitFor();
    const at = `${label} at ${s.width}×${s.height}`;
    const l = await measure(page);
    if (l.scrollWidth > l.innerWidth) problems.push(`${at}: page scrolls sideways (${l.scrollWidth} px)`);
    for (const b of l.beyond) problems.push(`${at}: wider than the screen: ${b}`);
    for (const n of l.narrowValues) problems.push(`${at}: field value too narrow: ${n}`);
    for (const v of await axeViolations(page)) problems.push(`${at}: axe ${v}`);
    if (extra) for (const p of await extra(page, s.width)) problems.push(`${at}: ${p}`);
  }
  return problems;
}

/** A signed-in page for the demo person `name` at `base`. */
async function person(base: string, name: string): Promise<Page> {
  const page = await (await newPerson(browser())).newPage();
  await signIn(page, base, name);
  return page;
}

describe('every page on a phone and a laptop', () => {
  it('fits the screen, breaks no word, keeps the main action in the first screen and has no axe violation', async () => {
    const run = region();
    const swanseaUrl = connector('swansea-cs');
    const hillsideUrl = connector('hillside');
    const auditUrl = run.region.audit.url;
    // One unacknowledged share to open, from Hillside to Swansea, with a respond-by.
    const { id } = await clientOf(run, 'hillside').send({
      kind: 'care-home-transition',
      payload: await example('care-home-transition'),
      recipients: ['swansea-cs'],
      respondBy: new Date(Date.now() + 4 * 3600_000).toISOString(),
    });
    const problems: string[] = [];

    // Signing in, with nobody signed in yet.
    const anonymous = await (await newPerson(browser())).newPage();
    problems.push(...(await check(anonymous, 'sign-in', `${swanseaUrl}/signin`)));
    problems.push(...(await check(anonymous, 'sign-in (Welsh)', `${swanseaUrl}/signin?lang=cy`)));

    const worker = await person(swanseaUrl, 'Siân Hughes');
    const seen = watch(worker);
    problems.push(...(await check(worker, 'inbox', `${swanseaUrl}/`, undefined, '#inbox-rows tr[data-id]')));
    problems.push(
      ...(await check(worker, 'detail', `${swanseaUrl}/inbox/${id}`, async (page) => {
        const top = await page.locator('#acknowledge').evaluate((b) => b.getBoundingClientRect().top);
        const h = await page.evaluate(() => window.innerHeight);
        return top < h ? [] : [`Acknowledge is below the first screen (top ${Math.round(top)} px)`];
      })),
    );
    problems.push(...(await check(worker, 'detail (Welsh)', `${swanseaUrl}/inbox/${id}?lang=cy`)));
    await worker.goto(`${swanseaUrl}/?lang=en`);
    problems.push(...(await check(worker, 'error page', `${swanseaUrl}/no-such-page`)));

    const manager = await person(swanseaUrl, 'Owain Davies');
    problems.push(...(await check(manager, 'overdue', `${swanseaUrl}/overdue`)));

    const hillside = await person(hillsideUrl, 'Ffion Jones');
    problems.push(...(await check(hillside, 'compose chooser', `${hillsideUrl}/compose`)));
    problems.push(
      ...(await check(
        hillside,
        'compose form',
        `${hillsideUrl}/compose?kind=care-home-transition&example=1`,
      )),
    );
    problems.push(...(await check(hillside, 'outbox list', `${hillsideUrl}/outbox`)));
    problems.push(...(await check(hillside, 'outbox page', `${hillsideUrl}/outbox/${id}`)));

    const board = await person(connector('wg-board'), 'Mererid Lewis');
    problems.push(...(await check(board, 'board', `${connector('wg-board')}/board`)));

    const auditor = await person(auditUrl, 'Anna Baker');
    problems.push(
      ...(await check(auditor, 'audit console', `${auditUrl}/`, async (page) => {
        // The checkpoint panel never covers the Verify button.
        await page.locator('#verify').scrollIntoViewIfNeeded();
        const hit = await page.locator('#verify').evaluate((b) => {
          const r = b.getBoundingClientRect();
          const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return top === b || b.contains(top);
        });
        return hit ? [] : ['something covers the Verify button'];
      })),
    );
    problems.push(...(await check(auditor, 'audit search', `${auditUrl}/search`)));
    problems.push(...(await check(auditor, 'audit timeline', `${auditUrl}/shares/${id}`)));
    problems.push(...(await check(auditor, 'subject access form', `${auditUrl}/subject-access`)));
    problems.push(...(await check(auditor, 'audit error page', `${auditUrl}/no-such-page`)));

    // The README's phone screenshots.
    await worker.setViewportSize({ width: 390, height: 844 });
    await worker.goto(`${swanseaUrl}/`);
    await worker.locator('#inbox-rows tr[data-id]').first().waitFor();
    await screenshot(worker, 'phone-inbox');
    await worker.goto(`${swanseaUrl}/inbox/${id}`);
    await screenshot(worker, 'phone-detail');
    await auditor.setViewportSize({ width: 390, height: 844 });
    await auditor.goto(`${auditUrl}/shares/${id}`);
    await screenshot(auditor, 'phone-audit-timeline');
    expect(problems).toEqual([]);
    // The error pages' own 404s are expected; nothing else may fail.
    expect(seen.errors.filter((e) => !e.includes('status of 404'))).toEqual([]);
  });

  it('serves browsers an HTML error page with lang, title and heading (English or Welsh) and the API JSON', async () => {
    const base = connector('swansea-cs');
    const html = { headers: { accept: 'text/html,application/xhtml+xml' } };
    const page = await fetch(`${base}/no-such-page`, html);
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
    const text = await page.text();
    expect(text).toContain('<html lang="en">');
    expect(text).toMatch(/<title>Page not found · /);
    expect(text).toContain('<h1>Page not found</h1>');
    // The apps' own 404 carries the pages' strict policy: no inline script or style.
    expect(page.headers.get('content-security-policy')).toBe(PAGE_CONTENT_SECURITY_POLICY);
    const welsh = await (await fetch(`${base}/no-such-page?lang=cy`, html)).text();
    expect(welsh).toContain('<html lang="cy">');
    expect(welsh).toContain('<h1>Heb ddod o hyd i&#39;r dudalen</h1>');
    const audit = await fetch(`${region().region.audit.url}/nothing/here`, html);
    expect(audit.status).toBe(404);
    expect(audit.headers.get('content-security-policy')).toBe(PAGE_CONTENT_SECURITY_POLICY);
    expect(await audit.text()).toContain('<h1>Page not found</h1>');
    // The API keeps JSON, even for a client that asks for HTML.
    const api = await fetch(`${base}/v1/no-such-route`, html);
    expect(api.headers.get('content-type')).toContain('application/json');
    expect(await api.json()).toMatchObject({ error: { code: expect.any(String) } });
    const client = await fetch(`${base}/no-such-page`, { headers: { accept: 'application/json' } });
    expect(client.status).toBe(404);
    expect(await client.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
