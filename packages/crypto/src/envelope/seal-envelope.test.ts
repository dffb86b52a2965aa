import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../init-crypto.ts';
import { generateAgencyKeys } from '../keys/generate-agency-keys.ts';
import type { RandomSource } from '../random-source.ts';
import {
  directory,
  expectCode,
  fixedRandom,
  meOf,
  recipientOf,
  routing,
  senderOf,
  type TestAgency,
  testAgency,
} from '../test-support.ts';
import { openEnvelope } from './open-envelope.ts';
import { parseEnvelope } from './parse-envelope.ts';
import { type EnvelopeRouting, sealEnvelope } from './seal-envelope.ts';
import { verifyEnvelope } from './verify-envelope.ts';

interface VectorParty {
  agency: string;
  signingSeed: string;
  encryptionSeed: string;
  signingKid: string;
  encryptionKid: string;
}
interface Vector {
  name: string;
  sender: VectorParty;
  recipients: VectorParty[];
  random: { id: string; cek: string; nonce: string; ephemeralSeeds: string[] };
  routing: EnvelopeRouting;
  plaintext: string;
  expected: { header: string; bodyHash: string; envelope: string };
}

const vectors = (
  JSON.parse(readFileSync(new URL('../fixtures/cwtch1-vectors.json', import.meta.url), 'utf8')) as {
    vectors: Vector[];
  }
).vectors;
const fromHex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));
const text = (b: Uint8Array) => new TextDecoder().decode(b);

function partyKeys(p: VectorParty): TestAgency {
  const keys = generateAgencyKeys({
    signingSeed: fromHex(p.signingSeed),
    encryptionSeed: fromHex(p.encryptionSeed),
  });
  return { agency: p.agency, keys };
}

function vectorRandom(v: Vector): RandomSource {
  return {
    messageId: () => fromHex(v.random.id),
    contentKey: () => fromHex(v.random.cek),
    nonce: () => fromHex(v.random.nonce),
    ephemeralSeed: (i) => fromHex(v.random.ephemeralSeeds[i] ?? ''),
  };
}

beforeAll(async () => {
  await initCrypto();
});

describe('CWTCH1 test vectors (fixtures/cwtch1-vectors.json)', () => {
  it.each(vectors.map((v) => [v.name, v] as const))(
    '%s: sealing reproduces the exact envelope bytes',
    (_, v) => {
      const sender = partyKeys(v.sender);
      const recipients = v.recipients.map(partyKeys);
      expect(sender.keys.signing.kid).toBe(v.sender.signingKid);
      expect(recipients.map((r) => r.keys.encryption.kid)).toEqual(v.recipients.map((r) => r.encryptionKid));
      const sealed = sealEnvelope({
        ...v.routing,
        plaintext: new TextEncoder().encode(v.plaintext),
        sender: senderOf(sender),
        recipients: recipients.map(recipientOf),
        random: vectorRandom(v),
      });
      expect(text(sealed.headerBytes)).toBe(v.expected.header);
      expect(Buffer.from(sealed.bodyHash).toString('hex')).toBe(v.expected.bodyHash);
      expect(text(sealed.bytes)).toBe(v.expected.envelope);
    },
  );

  it.each(vectors.map((v) => [v.name, v] as const))('%s: every recipient opens the stored bytes', (_, v) => {
    const sender = partyKeys(v.sender);
    const recipients = v.recipients.map(partyKeys);
    const parsed = parseEnvelope(new TextEncoder().encode(v.expected.envelope));
    expect(text(parsed.headerBytes)).toBe(v.expected.header);
    const verified = verifyEnvelope(parsed, { resolveSigningKey: directory([sender]) });
    for (const r of recipients) {
      const opened = openEnvelope(verified, { me: meOf(r) });
      expect(text(opened.plaintext)).toBe(v.plaintext);
      expect(Buffer.from(opened.cek).toString('hex')).toBe(v.random.cek);
    }
  });
});

describe('sealEnvelope', () => {
  let cs: TestAgency;
  let police: TestAgency;
  let health: TestAgency;
  let education: TestAgency;
  beforeAll(() => {
    [cs, police, health, education] = [
      'swansea-cs',
      'swansea-police',
      'swansea-health',
      'swansea-education',
    ].map(testAgency) as [TestAgency, TestAgency, TestAgency, TestAgency];
  });

  it.each([0, 1, 2048, 65_536])('round-trips %i plaintext bytes to every recipient', (size) => {
    const plaintext = new Uint8Array(size).map((_, i) => (i * 31) & 0xff);
    const sealed = sealEnvelope({
      ...routing(),
      plaintext,
      sender: senderOf(cs),
      recipients: [police, health, education].map(recipientOf),
    });
    const parsed = parseEnvelope(sealed.bytes);
    expect(parsed.header).toEqual(sealed.header);
    expect(parsed.bodyHash).toEqual(sealed.bodyHash);
    expect(parsed.header.id).toBe(sealed.id);
    const verified = verifyEnvelope(parsed, { resolveSigningKey: directory([cs]) });
    for (const r of [police, health, education]) {
      expect(openEnvelope(verified, { me: meOf(r) }).plaintext).toEqual(plaintext);
    }
    expectCode(() => openEnvelope(verified, { me: meOf(cs) }), 'NOT_ADDRESSED_TO_ME');
  });

  it('puts the header members in schema order and nothing sensitive outside the ciphertext', () => {
    const plaintext = new TextEncoder().encode('{"child":"Jane Doe","dob":"2015-03-01"}');
    const sealed = sealEnvelope({
      ...routing(),
      plaintext,
      sender: senderOf(cs),
      recipients: [recipientOf(police)],
    });
    const header = text(sealed.headerBytes);
    expect(Object.keys(JSON.parse(header))).toEqual([
      'v',
      'typ',
      'suite',
      'id',
      'iat',
      'exp',
      'from',
      'to',
      'kind',
      'sv',
      'agreement',
      'purpose',
      'basis',
      'priority',
      'respondBy',
      'subject',
      'n',
      'kc',
    ]);
    expect(text(sealed.bytes)).not.toContain('Jane');
    expect(header).not.toContain('Jane');
  });

  it('draws fresh id, key, nonce and ephemeral keys each time by default', () => {
    const input = {
      ...routing(),
      plaintext: new Uint8Array(8),
      sender: senderOf(cs),
      recipients: [recipientOf(police)],
    };
    const a = parseEnvelope(sealEnvelope(input).bytes);
    const b = parseEnvelope(sealEnvelope(input).bytes);
    expect(a.header.id).not.toBe(b.header.id);
    expect(a.header.n).not.toBe(b.header.n);
    expect(a.header.kc).not.toBe(b.header.kc);
    expect(a.wrappedKeys[0]?.subarray(0, 32)).not.toEqual(b.wrappedKeys[0]?.subarray(0, 32));
  });

  it('refuses bad input before doing any crypto', () => {
    const base = {
      ...routing(),
      plaintext: new Uint8Array(1),
      sender: senderOf(cs),
      recipients: [recipientOf(police)],
    };
    expectCode(() => sealEnvelope({ ...base, recipients: [] }), 'NO_RECIPIENTS');
    expectCode(
      () => sealEnvelope({ ...base, recipients: [recipientOf(police), recipientOf(police)] }),
      'BAD_REQUEST',
    );
    expectCode(
      () =>
        sealEnvelope({ ...base, recipients: [{ ...recipientOf(police), kid: health.keys.encryption.kid }] }),
      'BAD_REQUEST',
    );
    expectCode(
      () => sealEnvelope({ ...base, sender: { ...senderOf(cs), kid: police.keys.signing.kid } }),
      'BAD_REQUEST',
    );
    expectCode(
      () => sealEnvelope({ ...base, sender: { ...senderOf(cs), agency: 'Not An Agency' } }),
      'CONTRACT_INVALID',
    );
    expectCode(() => sealEnvelope({ ...base, exp: base.iat }), 'CONTRACT_INVALID');
    const err = expectCode(() => sealEnvelope({ ...base, kind: 'BAD KIND' }), 'CONTRACT_INVALID');
    expect(err.issues?.[0]?.path).toEqual(['kind']);
    expectCode(() => sealEnvelope({ ...base, ...({ to: [] } as object) }), 'BAD_REQUEST');
    expectCode(() => sealEnvelope({ ...base, ...({ extra: 1 } as object) }), 'CONTRACT_INVALID');
  });

  it('refuses a random source that gives the wrong number of bytes', () => {
    const random = { ...fixedRandom('short'), nonce: () => new Uint8Array(12) };
    expectCode(
      () =>
        sealEnvelope({
          ...routing(),
          plaintext: new Uint8Array(1),
          sender: senderOf(cs),
          recipients: [recipientOf(police)],
          random,
        }),
      'INTERNAL',
    );
  });
});
