import { createConnectorClient } from '@cwtch/sdk';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, example, useRegion } from '../support/region.ts';
import { newPerson, screenshot, signIn, useChromium, watch } from './support/chromium.ts';

const region = useRegion({ args: ['--demo'] });
const browser = useChromium();
const connector = (agency: string) => region().region.agencies[agency]!.connector;
const client = (agency: string, role: 'system' | 'frontdoor' = 'system') =>
  createConnectorClient({
    baseUrl: connector(agency),
    token: region().region.agencies[agency]!.tokens[role],
  });

const NHS_NUMBER = '9434765919';
const SCRIPT = '<script>window.pwned = 1; alert(1)</script>';
const BREAKOUT = '"><img src=x onerror="window.pwned = 2; alert(2)">';

async function person(baseUrl: string, name: string): Promise<Page> {
  const page = await (await newPerson(browser())).newPage();
  await signIn(page, baseUrl, name);
  return page;
}

/** A transition to Swansea whose free text carries markup, acknowledged by Swansea's front door. */
let hostile: string;
beforeAll(async () => {
  const payload = await example('care-home-transition');
  const risks = payload.risks as Record<string, unknown>;
  risks.other = `${SCRIPT} then ${BREAKOUT}`;
  (payload.sharingDecision as Record<string, unknown>).rationale = BREAKOUT;
  ({ id: hostile } = await client('hillside').send({
    kind: 'care-home-transition',
    payload,
    recipients: ['swansea-cs'],
  }));
  const swansea = client('swansea-cs', 'frontdoor');
  await eventually(() => swansea.get(hostile), 15_000, 'the share in Swansea');
  await swansea.acknowledge(hostile);
});

describe('safety in the browser', () => {
  it('renders markup in a payload as text: no script runs, no element is injected', async () => {
    const page = await person(connector('swansea-cs'), 'Siân Hughes');
    const seen = watch(page);
    const res = await page.goto(`${connector('swansea-cs')}/inbox/${hostile}`);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    const other = page.locator('dt[data-path="risks.other"] + dd');
    expect(await other.textContent()).toBe(`${SCRIPT} then ${BREAKOUT}`);
    expect(await page.locator('dt[data-path="sharingDecision.rationale"] + dd').textContent()).toBe(BREAKOUT);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('main script').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(seen.dialogs).toEqual([]);
    expect(seen.errors).toEqual([]);
  });

  it('refuses another agency’s inbox and every audit page to a front-door worker (403)', async () => {
    const page = await person(connector('swansea-cs'), 'Siân Hughes');
    const other = await page.goto(`${connector('npt-cs')}/`);
    expect(other?.status()).toBe(403);
    expect(await page.locator('.error-message').textContent()).toContain('Siân Hughes of swansea-cs');
    for (const path of ['/', `/shares/${hostile}`]) {
      const audit = await page.goto(`${region().region.audit.url}${path}`);
      expect(audit?.status()).toBe(403);
    }
    // A script with the same worker's bearer token is refused alike.
    const token = region().region.agencies['swansea-cs']!.tokens.frontdoor;
    const bearer = { headers: { authorization: `Bearer ${token}` } };
    expect((await fetch(`${connector('npt-cs')}/`, bearer)).status).toBe(403);
    expect((await fetch(`${region().region.audit.url}/`, bearer)).status).toBe(403);
  });

  it('never shows an auditor a payload: connector pages refuse them, audit pages hold none', async () => {
    const auditor = await person(region().region.audit.url, 'Anna Baker');
    const refused = await auditor.goto(`${connector('swansea-cs')}/inbox/${hostile}`);
    expect(refused?.status()).toBe(403);
    expect(await auditor.content()).not.toContain('Cerys');
    const bearer = { headers: { authorization: `Bearer ${region().region.audit.token}` } };
    expect((await fetch(`${connector('swansea-cs')}/inbox/${hostile}`, bearer)).status).toBe(403);
    expect((await fetch(`${connector('swansea-cs')}/v1/inbox/${hostile}`, bearer)).status).toBe(401);
    for (const path of ['/', `/shares/${hostile}`]) {
      await auditor.goto(`${region().region.audit.url}${path}`);
      const text = await auditor.content();
      for (const secret of ['Cerys', 'Evans', 'Has links to adults', NHS_NUMBER])
        expect(text).not.toContain(secret);
    }
  });

  it('an auditor finds the share by the child’s NHS number (POSTed, never in a URL) and sees its full timeline', async () => {
    const audit = region().region.audit.url;
    // The log takes the receipts within moments; wait for both before looking.
    await eventually(async () => {
      const res = await fetch(`${audit}/v1/shares/${hostile}`, {
        headers: { authorization: `Bearer ${region().region.audit.token}` },
      });
      const s = (await res.json()) as { receipts?: { status: string }[] };
      return (s.receipts?.length ?? 0) >= 2;
    });
    const page = await person(audit, 'Anna Baker');
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    await page.getByLabel('NHS number or subject reference').fill(NHS_NUMBER);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator(`#results tr[data-id="${hostile}"]`).waitFor();
    expect(await page.locator('#results-heading').isVisible()).toBe(true);
    expect(await page.locator(`#results tr[data-id="${hostile}"]`).textContent()).toContain(
      'swansea-cs: acknowledged',
    );
    await page.getByRole('button', { name: 'Verify signatures' }).click();
    await page.locator('#verify-result').waitFor();
    expect(await page.locator('#verify-result').textContent()).toMatch(/Verified:.*log signature valid/);
    await screenshot(page, 'audit', true);

    await page.locator(`#results tr[data-id="${hostile}"] a`).click();
    await page.waitForURL(`${audit}/shares/${hostile}`);
    const events = await page
      .locator('#timeline li')
      .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-event')));
    expect(events).toEqual(expect.arrayContaining(['sent', 'logged', 'delivered', 'acknowledged']));
    expect(events.indexOf('sent')).toBeLessThan(events.indexOf('delivered'));
    expect(events.indexOf('delivered')).toBeLessThan(events.indexOf('acknowledged'));
    expect(await page.locator('#timeline li[data-event="acknowledged"]').textContent()).toContain(
      'front door',
    );
    await screenshot(page, 'audit-timeline');

    const exported = await eventually(
      async () => {
        const res = await page.request.get(`${audit}/v1/export?envelopes=0`);
        return res.status() === 200 ? res.text() : undefined;
      },
      30_000,
      'an evidence bundle with a cosigned checkpoint',
    );
    expect(JSON.parse(exported.split('\n')[0]!)).toMatchObject({ typ: 'cwtch.audit.bundle.v1' });
    expect(urls.filter((u) => u.includes(NHS_NUMBER))).toEqual([]);
  });
});
