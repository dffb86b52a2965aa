import { createConnectorClient } from '@cwtch/sdk';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { example, useRegion } from '../support/region.ts';
import { newPerson, signIn, useChromium, watch } from './support/chromium.ts';

const region = useRegion({ args: ['--demo'] });
const browser = useChromium();
const connector = (agency: string) => region().region.agencies[agency]!.connector;

/** A signed-in page for the demo person `name` of `agency`. */
async function person(agency: string, name: string): Promise<Page> {
  const page = await (await newPerson(browser())).newPage();
  await signIn(page, connector(agency), name);
  return page;
}

const status = (page: Page) => page.locator('#connection-status[role="status"]');

/** Script errors, leaving out the failed loads a stopped connector is expected to cause. */
const scriptErrors = (errors: string[]) =>
  errors.filter((e) => !/Failed to load resource|net::ERR_|EventSource/.test(e));

describe('a live inbox never fails silently', () => {
  it('shows the connector frozen, keeps an acknowledge from vanishing, and on its return shows the notification sent meanwhile, without a reload', {
    timeout: 60_000,
  }, async () => {
    const swansea = await person('swansea-cs', 'Siân Hughes');
    const seen = watch(swansea);
    await status(swansea).filter({ hasText: 'Live' }).waitFor();
    expect(await swansea.locator('body').getAttribute('data-connection')).toBe('live');
    await swansea.evaluate(() => {
      (globalThis as unknown as { sameDocument: boolean }).sameDocument = true;
    });
    // A second tab on a notification still waiting to be acknowledged.
    const waiting = await swansea
      .locator('#inbox-rows tr[data-id]:has(td.status-new)')
      .first()
      .getAttribute('data-id');
    const detail = await swansea.context().newPage();
    await detail.goto(`${connector('swansea-cs')}/inbox/${waiting}`);
    await status(detail).filter({ hasText: 'Live' }).waitFor();

    const pid = region().region.agencies['swansea-cs']!.pid;
    process.kill(pid, 'SIGSTOP');
    try {
      // The socket stays open while the process is frozen: only the missing heartbeat tells.
      await status(swansea)
        .filter({ hasText: /Reconnecting|Offline/ })
        .waitFor({ timeout: 25_000 });
      expect(await status(swansea).textContent()).toMatch(/Reconnecting…|Offline — not receiving/);

      // Meanwhile Hillside sends; the bus keeps it for the frozen connector.
      const hillside = createConnectorClient({
        baseUrl: connector('hillside'),
        token: region().region.agencies.hillside!.tokens.system,
      });
      const { id } = await hillside.send({
        kind: 'care-home-transition',
        payload: await example('care-home-transition'),
        recipients: ['swansea-cs'],
      });

      // Acknowledge while the connector cannot answer: the page says so beside the button.
      await status(detail)
        .filter({ hasText: /Reconnecting|Offline/ })
        .waitFor({ timeout: 25_000 });
      await detail.getByRole('button', { name: 'Acknowledge' }).click();
      const alert = detail.locator('#ack-panel [role="alert"], #ack-panel + [role="alert"]');
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/^Not sent: .*try again/);

      process.kill(pid, 'SIGCONT');
      await status(swansea).filter({ hasText: 'Live' }).waitFor({ timeout: 30_000 });
      await swansea
        .locator(`#inbox-rows tr[data-id="${id}"]`)
        .waitFor({ state: 'attached', timeout: 15_000 });
      expect(
        await swansea.evaluate(() => (globalThis as unknown as { sameDocument?: boolean }).sameDocument),
      ).toBe(true);

      // Back live, the same acknowledge goes through and the alert is gone.
      await status(detail).filter({ hasText: 'Live' }).waitFor({ timeout: 30_000 });
      await detail.getByRole('button', { name: 'Acknowledge' }).click();
      await detail.locator('#ack-panel .ack-by').waitFor();
      expect(await detail.locator('[role="alert"].action-error').count()).toBe(0);
      expect(scriptErrors(seen.errors)).toEqual([]);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
  });

  it('lists what needs action first, with order links; Welsh status and sound asked for with a button', async () => {
    const swansea = await person('swansea-cs', 'Siân Hughes');
    const bands = async () =>
      swansea.locator('#inbox-rows tr[data-id]').evaluateAll((rows) => {
        const now = Date.now();
        const rank: Record<string, number> = { urgent: 1, high: 2, routine: 3 };
        return rows.map((r) => {
          const due = r.querySelector('time[data-countdown]')?.getAttribute('datetime');
          if (!r.querySelector('td.status-new')) return 4;
          if (due && Date.parse(due) < now) return 0;
          return rank[r.getAttribute('data-priority') ?? ''] ?? 3;
        });
      });
    const order = await bands();
    expect(order.length).toBeGreaterThan(1);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(await swansea.locator('.sort-links a[aria-current]').textContent()).toBe('Needs action first');

    await swansea.getByRole('link', { name: 'Received, newest first' }).click();
    await swansea.waitForURL(/sort=received/);
    const received = await swansea
      .locator('#inbox-rows tr[data-id] td:nth-child(5) time')
      .evaluateAll((ts) => ts.map((t) => Date.parse(t.getAttribute('datetime') ?? '')));
    expect(received).toEqual([...received].sort((a, b) => b - a));
    expect(await swansea.locator('#inbox-rows').getAttribute('data-src')).toContain('sort=received');

    // Sound is off until asked for; the button's click is the gesture that lets it play.
    const sound = swansea.locator('#sound-alerts');
    expect(await sound.getAttribute('aria-pressed')).toBe('false');
    expect(await sound.textContent()).toBe('Turn on sound alerts');
    await sound.click();
    await expect.poll(() => sound.getAttribute('aria-pressed')).toBe('true');
    expect(await sound.textContent()).toBe('Turn off sound alerts');
    expect(await swansea.locator('#desktop-alerts').count()).toBe(1);

    await swansea.goto(`${connector('swansea-cs')}/?lang=cy`);
    await status(swansea).filter({ hasText: 'Byw' }).waitFor();
  });
});
