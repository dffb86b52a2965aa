import { createHash } from 'node:crypto';
import type { NatsConnection } from '@cwtch/bus';
import { receiptSubject, shareSubject } from '@cwtch/bus';
import { initCrypto, signReceipt } from '@cwtch/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, example, type RunningRegion, useRegion } from '../support/region.ts';
import {
  agencyKeys,
  auditGet,
  clientOf,
  connectAs,
  exportAndVerify,
  publishRaw,
  regionDirectory,
  type SealOverrides,
  sealAs,
  writeGoldenBundle,
} from './support.ts';

/**
 * Issue 9, items 1-3 and the receive-side refusals: a hostile agency with its own real NATS
 * credentials and signing key tries to break or pollute the share log. Every refusal must be
 * specific, nothing must reach an inbox, a genuine share's record must not change, and the full
 * export must still verify at the end.
 */
const region = useRegion();
let run: RunningRegion;
let hillside: NatsConnection;
let police: NatsConnection;

interface AuditShare {
  id: string;
  from: string;
  to: string[];
  subject: string | null;
  receipts: { agency: string; status: string; reason: string | null }[];
}
interface AuditRejection {
  code: string;
  subject: string;
  id: string | null;
  from: string | null;
  sha256: string;
}

const shareInLog = (id: string, what = `share ${id} in the log`) =>
  eventually(
    async () =>
      (await auditGet<{ items: AuditShare[] }>(run, '/v1/shares?agency=hillside&limit=100000')).items.find(
        (s) => s.id === id,
      ),
    20_000,
    what,
  );
const auditRejection = (sha256: string, code: string) =>
  eventually(
    async () =>
      (await auditGet<{ items: AuditRejection[] }>(run, '/v1/rejections')).items.find(
        (r) => r.sha256 === sha256 && r.code === code,
      ),
    20_000,
    `audit rejection ${code}`,
  );
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64url');
const inboxIds = async (agency: string) =>
  (await clientOf(run, agency).inbox({ limit: 500 })).map((i) => i.id);
const transition = () => example('care-home-transition');

beforeAll(async () => {
  await initCrypto();
  run = region();
  hillside = await connectAs(run, 'hillside');
  police = await connectAs(run, 'south-wales-police');
});
afterAll(async () => {
  await hillside?.close();
  await police?.close();
});

/** Seals as hillside to swansea-cs with `overrides`, publishes it, and waits for the share's refusal. */
async function refusedBySwansea(overrides: SealOverrides, payload?: unknown) {
  const sealed = await sealAs(
    run,
    'hillside',
    ['swansea-cs'],
    'care-home-transition',
    payload ?? (await transition()),
    overrides,
  );
  await publishRaw(hillside, shareSubject('swansea-cs', 'hillside'), sealed.bytes);
  const share = await eventually(
    async () => {
      const s = await shareInLog(sealed.id);
      return s.receipts.some((r) => r.status === 'rejected') ? s : undefined;
    },
    20_000,
    `swansea-cs's signed refusal of ${sealed.id}`,
  );
  expect(await inboxIds('swansea-cs')).not.toContain(sealed.id);
  return { sealed, share, reason: share.receipts.find((r) => r.status === 'rejected')?.reason };
}

describe('a correct refusal keeps the evidence whole (item 1)', () => {
  it('an expired envelope is logged as the share it is, with the recipient’s signed EXPIRED refusal', async () => {
    const long = Date.now() - 10 * 86_400_000;
    const { share, reason } = await refusedBySwansea({ iat: long, exp: long + 3_600_000 });
    expect(reason).toBe('EXPIRED');
    expect(share.receipts.map((r) => r.status)).toEqual(['rejected']);
    const rejected = await auditGet<{ items: AuditShare[] }>(run, '/v1/shares?status=rejected&limit=100000');
    expect(rejected.items.map((s) => s.id)).toContain(share.id);
  });

  it('a lifetime longer than the recipient allows, and a date in the future, are refused the same way', async () => {
    const now = Date.now();
    expect((await refusedBySwansea({ iat: now, exp: now + 30 * 86_400_000 })).reason).toBe('EXPIRED');
    expect((await refusedBySwansea({ iat: now + 86_400_000, exp: now + 2 * 86_400_000 })).reason).toBe(
      'NOT_YET_VALID',
    );
  });

  it('a copy put on the route of an agency its header does not name gets no receipt; both sides say SUBJECT_MISMATCH', async () => {
    const sealed = await sealAs(run, 'hillside', ['swansea-cs'], 'care-home-transition', await transition());
    await publishRaw(hillside, shareSubject('south-wales-police', 'hillside'), sealed.bytes);
    const rejection = await auditRejection(sha(sealed.bytes), 'SUBJECT_MISMATCH');
    // Nothing signed vouches for a misrouted copy's claims: the record stands alone.
    expect(rejection).toMatchObject({ id: null, from: null });
    expect(await inboxIds('south-wales-police')).not.toContain(sealed.id);
  });
});

describe('the record of a share holds only what its parties signed (item 2)', () => {
  let genuine: { id: string; bytes: Uint8Array; headerHash: string; bodyHash: string };

  beforeAll(async () => {
    const sealed = await sealAs(run, 'hillside', ['swansea-cs'], 'care-home-transition', await transition());
    await publishRaw(hillside, shareSubject('swansea-cs', 'hillside'), sealed.bytes);
    await eventually(
      async () => (await shareInLog(sealed.id)).receipts.some((r) => r.status === 'delivered'),
      20_000,
      'the genuine share delivered',
    );
    genuine = {
      id: sealed.id,
      bytes: sealed.bytes,
      headerHash: createHash('sha256').update(sealed.headerBytes).digest('base64url'),
      bodyHash: Buffer.from(sealed.bodyHash).toString('base64url'),
    };
  });

  it("another agency's copy of a genuine share's bytes on its own route is a record of its own", async () => {
    await publishRaw(police, shareSubject('swansea-cs', 'south-wales-police'), genuine.bytes);
    const rejection = await auditRejection(sha(genuine.bytes), 'SUBJECT_MISMATCH');
    expect(rejection).toMatchObject({
      id: null,
      from: null,
      subject: 'cwtch.share.swansea-cs.south-wales-police',
    });
    const share = await shareInLog(genuine.id);
    expect(share.receipts.map((r) => `${r.agency}:${r.status}`)).toEqual(['swansea-cs:delivered']);
    const rejected = await auditGet<{ items: AuditShare[] }>(run, '/v1/shares?status=rejected&limit=100000');
    expect(rejected.items.map((s) => s.id)).not.toContain(genuine.id);
  });

  it('a receipt signed by an agency that is not a recipient, or over other hashes, is never part of the share', async () => {
    const keys = await agencyKeys(run, 'south-wales-police');
    const receipt = (hh: string, b: string) =>
      signReceipt(
        {
          v: 1,
          typ: 'cwtch.receipt.v1',
          id: genuine.id,
          status: 'rejected',
          by: { agency: 'south-wales-police', kid: keys.signing.kid },
          to: 'hillside',
          at: Date.now(),
          hh,
          b,
          actor: null,
          reason: 'NO_AGREEMENT',
        },
        keys.signing.secretKey,
      );
    const madeUp = receipt('A'.repeat(43), 'B'.repeat(43));
    const exact = receipt(genuine.headerHash, genuine.bodyHash);
    for (const bytes of [madeUp, exact]) {
      await publishRaw(police, receiptSubject('hillside', 'south-wales-police'), bytes);
      expect(await auditRejection(sha(bytes), 'RECEIPT_UNLINKED')).toMatchObject({
        id: genuine.id,
        from: 'south-wales-police',
      });
    }
    const share = await shareInLog(genuine.id);
    expect(share.receipts.map((r) => `${r.agency}:${r.status}`)).toEqual(['swansea-cs:delivered']);
  });

  it('a signed envelope of its own that reuses a genuine id is REPLAYED, and the genuine share is untouched', async () => {
    const { nodeRandomSource } = await import('@cwtch/crypto');
    const copycat = await sealAs(
      run,
      'south-wales-police',
      ['swansea-cs'],
      'missing-episode',
      await example('missing-episode'),
      {
        random: {
          ...nodeRandomSource,
          messageId: () => new Uint8Array(Buffer.from(genuine.id, 'base64url')),
        },
      },
    );
    expect(copycat.id).toBe(genuine.id);
    await publishRaw(police, shareSubject('swansea-cs', 'south-wales-police'), copycat.bytes);
    // The id is inside the signed header: reusing one means signing it, so the record names the signer.
    expect(await auditRejection(sha(copycat.bytes), 'REPLAYED')).toMatchObject({
      id: genuine.id,
      from: 'south-wales-police',
    });
    const share = await shareInLog(genuine.id);
    expect(share.from).toBe('hillside');
    expect(share.receipts.map((r) => `${r.agency}:${r.status}`)).toEqual(['swansea-cs:delivered']);
    const item = (await clientOf(run, 'swansea-cs').inbox({ limit: 500 })).filter((i) => i.id === genuine.id);
    expect(item.map((i) => i.kind)).toEqual(['care-home-transition']);
  });

  it('garbage on a receipt route and on a share route is refused with its own code', async () => {
    const junk = new TextEncoder().encode('{"not":"a receipt"}');
    await publishRaw(police, receiptSubject('hillside', 'south-wales-police'), junk);
    await auditRejection(sha(junk), 'RECEIPT_INVALID');
    const junkShare = new TextEncoder().encode('{"h":"x"}');
    await publishRaw(police, shareSubject('swansea-cs', 'south-wales-police'), junkShare);
    await auditRejection(sha(junkShare), 'ENVELOPE_MALFORMED');
  });

  it('a receipt on a route that is not its signer’s is SUBJECT_MISMATCH', async () => {
    const keys = await agencyKeys(run, 'south-wales-police');
    const bytes = signReceipt(
      {
        v: 1,
        typ: 'cwtch.receipt.v1',
        id: genuine.id,
        status: 'delivered',
        by: { agency: 'south-wales-police', kid: keys.signing.kid },
        to: 'swansea-cs',
        at: Date.now(),
        hh: genuine.headerHash,
        b: genuine.bodyHash,
        actor: null,
        reason: null,
      },
      keys.signing.secretKey,
    );
    await publishRaw(police, receiptSubject('hillside', 'south-wales-police'), bytes);
    expect(await auditRejection(sha(bytes), 'SUBJECT_MISMATCH')).toMatchObject({ id: null, from: null });
  });
});

describe('the recipient checks what it opens (item 3 and every refusal after the signature)', () => {
  it("a header filed under another child's reference, or none, is refused: SUBJECT_REFERENCE_MISMATCH", async () => {
    const other = await sealAs(run, 'hillside', ['swansea-cs'], 'care-home-transition', {
      ...(await transition()),
      subject: {
        ...((await transition()).subject as object),
        identifiers: [{ type: 'nhs_number', value: '4010232137' }],
      },
    });
    const header = JSON.parse(
      Buffer.from(JSON.parse(new TextDecoder().decode(other.bytes)).h, 'base64url').toString(),
    );
    expect((await refusedBySwansea({ subject: header.subject })).reason).toBe('SUBJECT_REFERENCE_MISMATCH');
    expect((await refusedBySwansea({ subject: null })).reason).toBe('SUBJECT_REFERENCE_MISMATCH');
  });

  it('a content key sealed to a key this agency does not hold is DECRYPTION_FAILED', async () => {
    const view = await regionDirectory(run);
    const npt = view.currentKey('npt-cs', 'enc', Date.now());
    const sealTo = [{ agency: 'swansea-cs', kid: npt.kid, publicKey: npt.publicKey }];
    expect((await refusedBySwansea({ sealTo })).reason).toBe('DECRYPTION_FAILED');
  });

  it('plaintext that is not JSON, or breaks the contract, is CONTRACT_INVALID', async () => {
    expect((await refusedBySwansea({ plaintext: new TextEncoder().encode('not json') })).reason).toBe(
      'CONTRACT_INVALID',
    );
    expect((await refusedBySwansea({}, { ...(await transition()), subject: 'nobody' })).reason).toBe(
      'CONTRACT_INVALID',
    );
  });

  it('a schema version this connector does not know is UNKNOWN_KIND; an agreement that does not cover it is NO_AGREEMENT', async () => {
    expect((await refusedBySwansea({ sv: 99 })).reason).toBe('UNKNOWN_KIND');
    expect((await refusedBySwansea({ agreement: 'isa-that-does-not-exist' })).reason).toBe('NO_AGREEMENT');
  });
});

describe('after every attack', () => {
  it('the full export verifies offline with the pinned keys', async () => {
    const res = await exportAndVerify(run);
    expect(res.stdout).toMatch(/VERIFIED/);
    expect(res.code).toBe(0);
    // `CWTCH_WRITE_GOLDEN=1` keeps this export as the verifier's golden fixture (see its README).
    if (process.env.CWTCH_WRITE_GOLDEN === '1') await writeGoldenBundle(run, res.bundle);
  });
});
