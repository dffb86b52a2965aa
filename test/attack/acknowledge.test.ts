import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { normaliseActor } from '@cwtch/contracts';
import { connectorAudience, createDevIssuer, type DevIssuer } from '@cwtch/http';
import { CwtchApiError, createConnectorClient } from '@cwtch/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { cwtch } from '../support/cli.ts';
import { eventually, example, type RunningRegion, useRegion } from '../support/region.ts';
import { auditGet, clientOf, exportAndVerify } from './support.ts';

/**
 * Issue 9, item 4 and the signing-key part of item 11: an acknowledgement is all or nothing. A
 * worker's name the receipt cannot carry is normalised, never refused; a connector that cannot
 * sign refuses before storing anything, with a code that says what to do.
 */
const region = useRegion();
let run: RunningRegion;
let issuer: DevIssuer;

interface AuditShare {
  id: string;
  receipts: { agency: string; status: string; actor: string | null }[];
}

beforeAll(async () => {
  run = region();
  issuer = await createDevIssuer(
    JSON.parse(await readFile(join(run.dataDir, 'secrets', 'issuer.jwk.json'), 'utf8')),
  );
});

/** A front-door worker of `agency` whose token names them `name`. */
async function frontDoor(agency: string, name: string) {
  const token = await issuer.sign({
    agency,
    roles: ['frontdoor'],
    name,
    sub: `${agency}/frontdoor-${Math.random()}`,
    audience: connectorAudience(agency),
  });
  return createConnectorClient({ baseUrl: run.region.agencies[agency]!.connector, token });
}

/** hillside sends a care-home transition to `to`; resolves once `to` holds it and said delivered. */
async function delivered(to: string): Promise<string> {
  const { id } = await clientOf(run, 'hillside').send({
    kind: 'care-home-transition',
    payload: await example('care-home-transition'),
    recipients: [to],
  });
  await eventually(
    async () => (await clientOf(run, 'hillside').outbox(id)).recipients[0]?.status === 'delivered',
    20_000,
    `the delivered receipt from ${to}`,
  );
  return id;
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => (e instanceof CwtchApiError ? { status: e.status, code: e.code, message: e.message } : e),
  );

const auditReceipts = (id: string, status: string) =>
  eventually(
    async () => {
      const { items } = await auditGet<{ items: AuditShare[] }>(
        run,
        '/v1/shares?agency=hillside&limit=100000',
      );
      const share = items.find((s) => s.id === id);
      return share?.receipts.some((r) => r.status === status) ? share.receipts : undefined;
    },
    20_000,
    `the ${status} receipt in the audit timeline`,
  );

describe('acknowledgements are all or nothing', () => {
  it('normalises a 300-character name with controls to what the receipt carries, and the receipt reaches sender and audit', async () => {
    const id = await delivered('swansea-cs');
    const name = `  Front\tdoor\u0000 \u202e${'x'.repeat(300)}`;
    const expected = normaliseActor(name);
    expect(expected).toHaveLength(128);
    expect(expected).toMatch(/^Front door x+…$/);

    const ack = await (await frontDoor('swansea-cs', name)).acknowledge(id);
    expect(ack).toMatchObject({ id, status: 'acknowledged', acknowledgedBy: expected });
    expect(await clientOf(run, 'swansea-cs', 'frontdoor').get(id)).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: expected,
    });
    const outbox = await eventually(
      async () => {
        const o = await clientOf(run, 'hillside').outbox(id);
        return o.recipients[0]?.status === 'acknowledged' ? o : undefined;
      },
      20_000,
      'the signed acknowledged receipt at hillside',
    );
    expect(outbox.recipients[0]?.acknowledgedBy).toBe(expected);
    const receipts = await auditReceipts(id, 'acknowledged');
    expect(receipts.map((r) => [r.agency, r.status, r.actor])).toEqual([
      ['swansea-cs', 'delivered', null],
      ['swansea-cs', 'acknowledged', expected],
    ]);
    // Acknowledged once: the second try conflicts and changes nothing.
    expect(await refusal((await frontDoor('swansea-cs', 'Someone else')).acknowledge(id))).toMatchObject({
      status: 409,
      code: 'CONFLICT',
    });
    expect((await clientOf(run, 'swansea-cs', 'frontdoor').get(id)).acknowledgedBy).toBe(expected);
  });

  it('a name with nothing printable is acknowledged as unnamed, not refused', async () => {
    const id = await delivered('swansea-cs');
    const ack = await (await frontDoor('swansea-cs', ' \u0007\u2066 ')).acknowledge(id);
    expect(ack.acknowledgedBy).toBe('unnamed');
    const receipts = await auditReceipts(id, 'acknowledged');
    expect(receipts.find((r) => r.status === 'acknowledged')?.actor).toBe('unnamed');
  });

  it('a connector whose own signing key is revoked refuses send and acknowledge with SIGNING_KEY_UNAVAILABLE, storing nothing, until the key is rotated', async () => {
    const id = await delivered('npt-cs');
    const show = await cwtch(['directory', 'show', '--json', '--data', run.dataDir]);
    const directory = JSON.parse(show.stdout) as {
      agencies: { id: string; keys: { kid: string; use: string; status: string }[] }[];
    };
    const kid = directory.agencies
      .find((a) => a.id === 'npt-cs')
      ?.keys.find((k) => k.use === 'sig' && k.status === 'active')?.kid;
    expect(kid).toBeDefined();
    const serial = (await clientOf(run, 'npt-cs').health()).directorySerial;
    const revoked = await cwtch([
      'directory',
      'revoke',
      '--kid',
      kid!,
      '--reason',
      'key compromised',
      '--data',
      run.dataDir,
    ]);
    expect(revoked.stdout).toContain('published to the running region');

    // The connector learns of the revocation from the directory it watches.
    await eventually(
      async () => (await clientOf(run, 'npt-cs').health()).directorySerial > serial,
      20_000,
      'npt-cs to see the new directory',
    );
    const npt = clientOf(run, 'npt-cs');
    const frontdoor = clientOf(run, 'npt-cs', 'frontdoor');
    const sentBefore = (await auditGet<{ items: unknown[] }>(run, '/v1/shares?agency=npt-cs&limit=100000'))
      .items.length;
    const sendRefusal = await refusal(
      npt.send({
        kind: 'cse-protocol-entry',
        payload: await example('cse-protocol-entry'),
        recipients: ['south-wales-police'],
      }),
    );
    expect(sendRefusal).toMatchObject({ status: 503, code: 'SIGNING_KEY_UNAVAILABLE' });
    expect((sendRefusal as { message: string }).message).toContain(
      'cwtch directory rotate --agency npt-cs --use sig',
    );

    expect(await refusal(frontdoor.acknowledge(id))).toMatchObject({
      status: 503,
      code: 'SIGNING_KEY_UNAVAILABLE',
      message: expect.stringContaining('cwtch directory rotate'),
    });
    // Nothing half-stored: still new, so it can be acknowledged once the key is rotated.
    expect(await frontdoor.get(id)).toMatchObject({ status: 'new', acknowledgedBy: null });
    expect((await clientOf(run, 'hillside').outbox(id)).recipients[0]?.status).toBe('delivered');
    expect(
      (await auditGet<{ items: unknown[] }>(run, '/v1/shares?agency=npt-cs&limit=100000')).items,
    ).toHaveLength(sentBefore);

    const rotated = await cwtch([
      'directory',
      'rotate',
      '--agency',
      'npt-cs',
      '--use',
      'sig',
      '--data',
      run.dataDir,
    ]);
    expect(rotated.stdout).toContain('published to the running region');
    const ack = await eventually(
      async () => frontdoor.acknowledge(id).catch(() => undefined),
      20_000,
      'the acknowledgement once the key is rotated',
    );
    expect(ack.status).toBe('acknowledged');
    const receipts = await auditReceipts(id, 'acknowledged');
    // The recipient's receipts: one delivered, one acknowledged. (The sender's escalation steps,
    // statements of their own, join them when the wait for the rotation outlasts a respond-by.)
    expect(receipts.filter((r) => r.status !== 'escalated').map((r) => [r.agency, r.status])).toEqual([
      ['npt-cs', 'delivered'],
      ['npt-cs', 'acknowledged'],
    ]);
  });

  it('the whole export still verifies', async () => {
    const result = await exportAndVerify(run);
    expect(result.code, result.stdout + result.stderr).toBe(0);
  }, 120_000);
});
