import { CwtchApiError, createConnectorClient } from '@cwtch/sdk';
import { describe, expect, it } from 'vitest';
import { eventually, example, useRegion } from '../support/region.ts';

const region = useRegion();
const client = (agency: string, role: 'system' | 'frontdoor' = 'system') => {
  const a = region().region.agencies[agency]!;
  return createConnectorClient({ baseUrl: a.connector, token: a.tokens[role] });
};
const audit = async (path: string) => {
  const res = await fetch(`${region().region.audit.url}${path}`, {
    headers: { authorization: `Bearer ${region().region.audit.token}` },
  });
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return res.json() as Promise<{
    items: Array<
      Record<string, unknown> & {
        id: string;
        receipts: Array<{ agency: string; status: string; actor: string | null }>;
        subject: string | null;
        copies: unknown[];
      }
    >;
  }>;
};

describe('a sealed share end to end', () => {
  it('hillside → swansea-cs care-home-transition: inbox, outbox, receipts, audit timeline', async () => {
    const payload = await example('care-home-transition');
    const sent = await client('hillside').send({
      kind: 'care-home-transition',
      payload,
      recipients: ['swansea-cs'],
    });
    expect(sent.recipients).toEqual(['swansea-cs']);

    const swansea = client('swansea-cs', 'frontdoor');
    const item = await eventually(
      async () => (await swansea.inbox()).find((i) => i.id === sent.id),
      15_000,
      'the share in Swansea inbox',
    );
    expect(item.payload).toEqual(payload);
    expect(item.from).toBe('hillside');
    expect(item.kind).toBe('care-home-transition');
    expect(await swansea.get(sent.id)).toMatchObject({ id: sent.id, payload });

    const hillside = client('hillside');
    await eventually(
      async () => (await hillside.outbox(sent.id)).recipients[0]?.status === 'delivered',
      15_000,
      'delivered receipt',
    );
    const ack = await swansea.acknowledge(sent.id);
    expect(ack.status).toBe('acknowledged');
    const outbox = await eventually(
      async () => {
        const o = await hillside.outbox(sent.id);
        return o.recipients[0]?.status === 'acknowledged' ? o : undefined;
      },
      15_000,
      'acknowledged receipt',
    );
    expect(outbox.recipients[0]?.acknowledgedBy).toContain('front door');
    await expect(swansea.acknowledge(sent.id)).rejects.toMatchObject({ status: 409, code: 'CONFLICT' });

    const share = await eventually(
      async () => {
        const { items } = await audit(`/v1/shares?agency=hillside&kind=care-home-transition`);
        const s = items.find((i) => i.id === sent.id);
        return s && s.receipts.length >= 2 ? s : undefined;
      },
      15_000,
      'the audit timeline',
    );
    expect(share.receipts.map((r) => [r.agency, r.status])).toEqual([
      ['swansea-cs', 'delivered'],
      ['swansea-cs', 'acknowledged'],
    ]);
    expect(share.subject).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const bySubject = await audit(`/v1/shares?subject=${share.subject}`);
    expect(bySubject.items.map((i) => i.id)).toContain(sent.id);
    expect(JSON.stringify(bySubject)).not.toContain(JSON.stringify(payload).slice(1, 40));
  });

  it('a cse-protocol-entry reaches all three recipients, each seeing the full distribution list', async () => {
    const payload = await example('cse-protocol-entry');
    const to = ['south-wales-police', 'swansea-bay-health', 'barnardos-cymru'];
    const sent = await client('swansea-cs').send({ kind: 'cse-protocol-entry', payload, recipients: to });
    expect(sent.recipients).toEqual(to);
    for (const agency of to) {
      const item = await eventually(
        async () => (await client(agency).inbox()).find((i) => i.id === sent.id),
        15_000,
        `${agency} inbox`,
      );
      expect(item.to).toEqual(to);
      expect(item.payload).toEqual(payload);
    }
    const outbox = await eventually(
      async () => {
        const o = await client('swansea-cs').outbox(sent.id);
        return o.recipients.every((r) => r.status === 'delivered') ? o : undefined;
      },
      15_000,
      'three delivered receipts',
    );
    expect(outbox.recipients.map((r) => r.agency)).toEqual(to);
  });

  it('refuses identifiable shares to wg-board (403 NO_AGREEMENT), invalid payloads (400 with issues), no token (401)', async () => {
    const payload = await example('cse-protocol-entry');
    const refused = await client('swansea-cs')
      .send({ kind: 'cse-protocol-entry', payload, recipients: ['wg-board'] })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CwtchApiError);
    expect(refused).toMatchObject({ status: 403, code: 'NO_AGREEMENT' });

    const invalid = await client('swansea-cs')
      .send({
        kind: 'cse-protocol-entry',
        payload: { ...payload, subject: { dateOfBirth: 'yesterday' } },
        recipients: ['south-wales-police'],
      })
      .catch((e: unknown) => e);
    expect(invalid).toMatchObject({ status: 400, code: 'CONTRACT_INVALID' });
    expect((invalid as CwtchApiError).issues?.length).toBeGreaterThan(0);
    expect((invalid as CwtchApiError).issues?.[0]?.path[0]).toBe('subject');

    const unknownKind = await client('swansea-cs')
      .send({ kind: 'no-such-kind', payload, recipients: ['npt-cs'] })
      .catch((e: unknown) => e);
    expect(unknownKind).toMatchObject({ status: 400, code: 'UNKNOWN_KIND' });

    const res = await fetch(`${region().region.agencies['swansea-cs']!.connector}/v1/notifications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'cse-protocol-entry', payload, recipients: ['south-wales-police'] }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });

    const otherAgencyToken = await fetch(`${region().region.agencies['swansea-cs']!.connector}/v1/inbox`, {
      headers: { authorization: `Bearer ${region().region.agencies['npt-cs']!.tokens.frontdoor}` },
    });
    expect(otherAgencyToken.status).toBe(401);

    const auditorOnConnector = await fetch(`${region().region.agencies['swansea-cs']!.connector}/v1/inbox`, {
      headers: { authorization: `Bearer ${region().region.audit.token}` },
    });
    expect(auditorOnConnector.status).toBe(401);
    const frontdoorOnAudit = await fetch(`${region().region.audit.url}/v1/shares`, {
      headers: { authorization: `Bearer ${region().region.agencies['swansea-cs']!.tokens.frontdoor}` },
    });
    expect(frontdoorOnAudit.status).toBe(401);
  });

  it('serves an OpenAPI 3.1 document generated from the schemas', async () => {
    const doc = (await (
      await fetch(`${region().region.agencies.hillside!.connector}/openapi.json`)
    ).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/notifications',
        '/v1/inbox',
        '/v1/inbox/{id}',
        '/v1/inbox/{id}/acknowledge',
        '/v1/outbox/{id}',
      ]),
    );
  });
});

describe('fuzzing the HTTP API', () => {
  it('any JSON body to POST /v1/notifications gets a coded 4xx, never a crash (fixed seed, bounded runs)', async () => {
    const { default: fc } = await import('fast-check');
    const a = region().region.agencies['swansea-cs']!;
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record({
        kind: fc.constantFrom('cse-protocol-entry', 'missing-episode', 'x'),
        payload: fc.jsonValue(),
        recipients: fc.array(fc.string(), { maxLength: 3 }),
      }),
      fc.record({ kind: fc.string(), payload: fc.dictionary(fc.string(), fc.jsonValue()) }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await fetch(`${a.connector}/v1/notifications`, {
          method: 'POST',
          headers: { authorization: `Bearer ${a.tokens.system}`, 'content-type': 'application/json' },
          body: JSON.stringify(b),
        });
        const json = (await res.json()) as { error?: { code?: string } };
        return res.status >= 400 && res.status < 500 && typeof json.error?.code === 'string';
      }),
      { seed: 20261122, numRuns: 150 },
    );
  });
});
