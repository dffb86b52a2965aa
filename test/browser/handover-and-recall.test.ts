import { createConnectorClient } from '@cwtch/sdk';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually, example, useRegion } from '../support/region.ts';
import { newPerson, signIn, useChromium, watch } from './support/chromium.ts';

const region = useRegion({ args: ['--demo'] });
const browser = useChromium();
const connector = (agency: string) => region().region.agencies[agency]!.connector;

async function person(agency: string, name: string): Promise<Page> {
  const page = await (await newPerson(browser())).newPage();
  await signIn(page, connector(agency), name);
  return page;
}

describe('handover, outcomes and recall in the browser', () => {
  it('Swansea accepts and records an outcome with a note; Hillside sees it, recalls, and Swansea sees the recall', async () => {
    const a = region().region.agencies.hillside!;
    const hillsideApi = createConnectorClient({ baseUrl: a.connector, token: a.tokens.system });
    const { id } = await hillsideApi.send({
      kind: 'care-home-transition',
      payload: await example('care-home-transition'),
      recipients: ['swansea-cs', 'south-wales-police'],
    });

    const swansea = await person('swansea-cs', 'Siân Hughes');
    const seen = watch(swansea);
    const detail = `${connector('swansea-cs')}/inbox/${id}`;
    await eventually(
      async () => (await swansea.goto(detail))?.status() === 200,
      15_000,
      'the share at Swansea',
    );
    // Every reason code is labelled, in Welsh too.
    await swansea.goto(`${detail}?lang=cy`);
    expect(await swansea.locator('#declined-reason option[value="NOT_OUR_AREA"]').textContent()).toBe(
      'Nid ein hardal ni',
    );
    expect(await swansea.getByRole('button', { name: 'Gwrthod' }).count()).toBe(1);
    await swansea.goto(`${detail}?lang=en`);
    await swansea.getByRole('button', { name: 'Acknowledge' }).click();
    await swansea.locator('#ack-panel .ack-by').waitFor();
    await swansea.getByRole('button', { name: 'Accept: we take responsibility' }).click();
    await swansea.waitForURL(detail);
    expect(await swansea.locator('#respond-panel li[data-status="accepted"]').textContent()).toContain(
      'Siân Hughes',
    );
    // A handover is answered once: the accept and decline forms are gone, outcomes remain.
    expect(await swansea.locator('#accept, #decline').count()).toBe(0);
    await swansea.locator('#actioned-reason').selectOption('CHILD_SEEN');
    await swansea.locator('#actioned-note').fill('Seen at the placement with her key worker');
    await swansea.getByRole('button', { name: 'Record an outcome' }).click();
    await swansea.locator('#respond-panel li[data-status="actioned"]').waitFor();
    expect(await swansea.locator('#respond-panel').textContent()).toContain('Child seen');

    const manager = await person('hillside', 'Dafydd Thomas');
    await manager.getByRole('link', { name: 'Outbox' }).click();
    await manager.waitForURL(`${connector('hillside')}/outbox`);
    const row = manager.locator(`#outbox-list tr[data-id="${id}"]`);
    await eventually(
      async () => {
        await manager.reload();
        return (await row.locator('li[data-agency="swansea-cs"]').getAttribute('data-status')) === 'actioned';
      },
      15_000,
      'the outcome in the outbox list',
    );
    expect(await row.textContent()).toContain('Taken over by');
    await row.getByRole('link').click();
    await manager.waitForURL(`${connector('hillside')}/outbox/${id}`);
    const swanseaRow = manager.locator('#outbox-recipients tr[data-agency="swansea-cs"]');
    expect(await swanseaRow.locator('.note').textContent()).toBe('Seen at the placement with her key worker');
    expect(await manager.locator('.handover').textContent()).toContain('Taken over by');

    await manager.locator('#recall-reason').selectOption('MISDIRECTED');
    await manager.getByRole('button', { name: 'Recall this notification' }).click();
    await manager.waitForURL(`${connector('hillside')}/outbox/${id}`);
    await eventually(
      async () => {
        await manager.reload();
        return (await manager.locator('#outbox-recipients li[data-status="deleted"]').count()) === 2;
      },
      15_000,
      'both proofs of deletion on the outbox page',
    );
    expect(await manager.locator('#recall-form').count()).toBe(0);

    // The recipient sees the recall, and that it had been read, in English and Welsh.
    await swansea.goto(detail);
    const notice = swansea.locator('#recall-notice');
    expect(await notice.textContent()).toContain('Recalled by the sender');
    expect(await notice.locator('.recalled-after-ack').textContent()).toContain('Siân Hughes');
    expect(await swansea.locator('.payload').count()).toBe(0);
    expect(await swansea.locator('#respond-panel form').count()).toBe(0);
    await swansea.goto(`${detail}?lang=cy`);
    expect(await notice.textContent()).toContain('Galwyd yn ôl gan yr anfonwr');
    expect(seen.errors).toEqual([]);

    // A front-door worker at the sender cannot recall.
    const front = await person('hillside', 'Ffion Jones');
    await front.goto(`${connector('hillside')}/outbox/${id}`);
    expect(await front.locator('#recall-form').count()).toBe(0);
  });
});
