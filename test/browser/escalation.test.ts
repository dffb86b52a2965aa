import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clientOf } from '../attack/support.ts';
import { example, useRegion } from '../support/region.ts';
import { newPerson, screenshot, signIn, useChromium, watch } from './support/chromium.ts';

// A short ladder: step 1 at the respond-by, step 2 four seconds later.
const region = useRegion({ env: { CWTCH_ESCALATION_STEP2_MS: '4000', CWTCH_ESCALATION_CHECK_MS: '500' } });
const browser = useChromium();
const connector = (agency: string) => region().region.agencies[agency]!.connector;

async function manager(agency: string, name: string): Promise<Page> {
  const page = await (await newPerson(browser())).newPage();
  await signIn(page, connector(agency), name);
  return page;
}

describe('the escalation ladder in the browser', () => {
  it('open overdue pages at both ends show each step live, with the contact to call; the detail page lists them', async () => {
    const police = await manager('south-wales-police', 'DS Carys Lloyd');
    const policeErrors = watch(police);
    await police.goto(`${connector('south-wales-police')}/overdue`);
    await police.locator('body[data-live="ready"]').waitFor();
    expect(await police.locator('.escalation-contact').textContent()).toContain(
      'Public Protection Unit duty inspector, 01632 960103',
    );

    const swansea = await manager('swansea-cs', 'Owain Davies');
    await swansea.goto(`${connector('swansea-cs')}/overdue`);
    await swansea.locator('body[data-live="ready"]').waitFor();

    const { id } = await clientOf(region(), 'swansea-cs').send({
      kind: 'cse-protocol-entry',
      payload: await example('cse-protocol-entry'),
      recipients: ['south-wales-police'],
      respondBy: new Date(Date.now() + 1500).toISOString(),
    });

    // Without a reload: the recipient's managers see the share escalated, then escalated again.
    const row = police.locator(`#inbox-rows tr[data-id="${id}"]`);
    await row.locator('.escalated').waitFor({ timeout: 15_000 });
    expect(await row.locator('.escalated').textContent()).toBe('Escalated (step 1)');
    await row.locator('.escalated', { hasText: 'Escalated again (step 2)' }).waitFor({ timeout: 15_000 });
    // The sender's managers: the share waiting on South Wales Police, with the number to call.
    const waiting = swansea.locator(`#sent-overdue-rows li[data-id="${id}"]`);
    await waiting.waitFor({ timeout: 15_000 });
    expect(await waiting.textContent()).toContain('Call Public Protection Unit duty inspector, 01632 960103');
    await screenshot(police, 'overdue-escalated');

    await police.locator(`#inbox-rows tr[data-id="${id}"] a`).click();
    await police.waitForURL(`${connector('south-wales-police')}/inbox/${id}`);
    const steps = police.locator('#escalations li');
    expect(await steps.count()).toBeGreaterThanOrEqual(3);
    expect(await police.locator('#escalations').textContent()).toContain('the sender is chasing an answer');
    expect(await police.locator('#escalations').textContent()).toContain(
      'alerted: managers; Public Protection Unit duty inspector',
    );
    await police.goto(`${connector('south-wales-police')}/inbox/${id}?lang=cy`);
    expect(await police.locator('#escalations h2').textContent()).toBe('Uwchgyfeiriadau');
    expect(policeErrors.errors).toEqual([]);
  });
});
