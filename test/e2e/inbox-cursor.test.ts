import { createConnectorClient } from '@cwtch/sdk';
import { describe, expect, it } from 'vitest';
import { eventually, example, useRegion } from '../support/region.ts';

const region = useRegion();
const client = (agency: string, role: 'system' | 'frontdoor' = 'system') => {
  const a = region().region.agencies[agency]!;
  return createConnectorClient({ baseUrl: a.connector, token: a.tokens[role] });
};

describe('a case system mirrors its inbox through the cursor (DESIGN §9)', () => {
  it('inboxPage pages through real deliveries in order, then picks up only what came since', async () => {
    const swansea = client('swansea-cs');
    /** Everything after `after`, a page of 2 at a time, and the cursor to keep. */
    const mirror = async (after: string | undefined) => {
      const ids: string[] = [];
      for (;;) {
        const page = await swansea.inboxPage({ after, limit: 2 });
        ids.push(...page.items.map((i) => i.id));
        after = page.next;
        if (page.items.length < 2) return { ids, after };
      }
    };
    const start = await mirror(undefined);
    const payload = await example('care-home-transition');
    const sent: string[] = [];
    for (let n = 0; n < 5; n++) {
      const res = await client('hillside').send({
        kind: 'care-home-transition',
        payload,
        recipients: ['swansea-cs'],
      });
      sent.push(res.id);
      // One at a time, so the order they are stored in is the order they were sent.
      await eventually(
        async () => (await swansea.get(res.id).catch(() => undefined))?.id,
        15_000,
        'delivered',
      );
    }
    const since = await mirror(start.after);
    expect(since.ids).toEqual(sent);
    expect((await mirror(since.after)).ids).toEqual([]);
    const all = await mirror(undefined);
    expect(all.ids).toEqual([...start.ids, ...sent]);
    expect(new Set(all.ids).size).toBe(all.ids.length);
  });
});
