import { createConnectorClient } from '@cwtch/sdk';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually, example, useRegion } from '../support/region.ts';
import { newPerson, signIn, useChromium, watch } from './support/chromium.ts';

const region = useRegion();
const browser = useChromium();
const connector = (agency: string) => region().region.agencies[agency]!.connector;
const NHS_NUMBER = '9434765919';

async function person(baseUrl: string, name: string): Promise<Page> {
  const page = await (await newPerson(browser())).newPage();
  await signIn(page, baseUrl, name);
  return page;
}

describe('subject access in the browser', () => {
  it('a manager embargoes a share from the outbox; the auditor’s report withholds it and says until when', async () => {
    const a = region().region.agencies.hillside!;
    const hillside = createConnectorClient({ baseUrl: a.connector, token: a.tokens.system });
    const payload = await example('care-home-transition');
    const open = await hillside.send({ kind: 'care-home-transition', payload, recipients: ['swansea-cs'] });
    const secret = await hillside.send({ kind: 'care-home-transition', payload, recipients: ['swansea-cs'] });

    const manager = await person(connector('hillside'), 'Dafydd Thomas');
    const seen = watch(manager);
    const outbox = `${connector('hillside')}/outbox/${secret.id}`;
    await manager.goto(`${outbox}?lang=cy`);
    expect(await manager.locator('#embargo-heading').textContent()).toBe('Embargo mynediad gwrthrych');
    expect(
      await manager.locator('#embargo-reason option[value="CRIMINAL_INVESTIGATION"]').textContent(),
    ).toBe('Ymchwiliad troseddol');
    await manager.goto(`${outbox}?lang=en`);
    await manager.locator('#embargo-reason').selectOption('CHILD_PROTECTION_ENQUIRY');
    await manager.locator('#embargo-owner').fill('Dafydd Thomas');
    await manager.locator('#embargo-review').fill('2099-01-31');
    await manager.getByRole('button', { name: 'Withhold until the review date' }).click();
    await manager.waitForURL(outbox);
    expect(await manager.locator('#embargo-status').textContent()).toContain(
      'Withheld from subject access until 31 January 2099',
    );
    expect(seen.errors).toEqual([]);

    const audit = region().region.audit;
    await eventually(
      async () => {
        const res = await fetch(`${audit.url}/v1/shares?status=embargoed`, {
          headers: { authorization: `Bearer ${audit.token}` },
        });
        return ((await res.json()) as { items: { id: string }[] }).items.some((i) => i.id === secret.id);
      },
      15_000,
      'the embargo in the share log',
    );
    const auditor = await person(audit.url, 'Tomos Ellis');
    const audited = watch(auditor);
    await auditor.getByRole('link', { name: 'Subject access' }).click();
    await auditor.locator('#sa-subject').fill('943 476 5919');
    await auditor.locator('#sa-lang').selectOption('cy');
    await auditor.getByRole('button', { name: 'Produce the report' }).click();
    await auditor.locator('#subject-access-report').waitFor();
    expect(await auditor.locator(`#report-entries tr[data-id="${open.id}"]`).count()).toBe(1);
    // The number went in the form body: neither the address nor the history holds it.
    expect(auditor.url()).toBe(`${audit.url}/subject-access`);
    expect(auditor.url()).not.toContain('5919');
    expect(await auditor.locator('html').getAttribute('lang')).toBe('cy');
    expect(await auditor.locator(`#report-entries tr[data-id="${secret.id}"]`).count()).toBe(0);
    expect(await auditor.locator('#report-withheld').textContent()).toContain(
      'Mae rhai cofnodion wedi’u hatal tan 31 Ionawr 2099',
    );
    expect(await auditor.locator('#report-subject').textContent()).toBe('Rhif GIG yn gorffen â 5919');
    expect(await auditor.content()).not.toContain(NHS_NUMBER);
    expect(audited.errors).toEqual([]);
  });
});
