import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../init-crypto.ts';
import { utf8 } from '../internal/utf8.ts';
import {
  assemble,
  directory,
  explode,
  flip,
  recipientOf,
  routing,
  senderOf,
  type TestAgency,
  testAgency,
} from '../test-support.ts';
import { authenticateCopy } from './authenticate-copy.ts';
import { sealEnvelope } from './seal-envelope.ts';

let cs: TestAgency;
let police: TestAgency;
let health: TestAgency;
let bytes: Uint8Array;

beforeAll(async () => {
  await initCrypto();
  [cs, police, health] = ['swansea-cs', 'swansea-police', 'health'].map(testAgency) as [
    TestAgency,
    TestAgency,
    TestAgency,
  ];
  bytes = sealEnvelope({
    ...routing(),
    plaintext: utf8('x'),
    sender: senderOf(cs),
    recipients: [recipientOf(police), recipientOf(health)],
  }).bytes;
});

describe('authenticateCopy', () => {
  const keys = () => directory([cs, police, health]);

  it('accepts a copy on a route from its signer to one of its recipients', () => {
    for (const to of ['swansea-police', 'health']) {
      const r = authenticateCopy(bytes, { to, from: 'swansea-cs' }, keys());
      expect(r.ok && r.envelope.header.from.agency).toBe('swansea-cs');
    }
  });

  it('refuses a route the header does not name (SUBJECT_MISMATCH), keeping the parsed claim', () => {
    const notAddressed = authenticateCopy(bytes, { to: 'wrexham-cs', from: 'swansea-cs' }, keys());
    expect(notAddressed).toMatchObject({ ok: false, code: 'SUBJECT_MISMATCH' });
    expect(!notAddressed.ok && notAddressed.parsed?.header.id).toBeTruthy();
    expect(authenticateCopy(bytes, { to: 'health', from: 'swansea-police' }, keys())).toMatchObject({
      ok: false,
      code: 'SUBJECT_MISMATCH',
    });
  });

  it('refuses malformed bytes, an unknown key and a bad signature with their own codes', () => {
    expect(authenticateCopy(utf8('{}'), { to: 'health', from: 'swansea-cs' }, keys())).toMatchObject({
      ok: false,
      code: 'ENVELOPE_MALFORMED',
      parsed: undefined,
    });
    expect(authenticateCopy(bytes, { to: 'health', from: 'swansea-cs' }, directory([police]))).toMatchObject({
      ok: false,
      code: 'SENDER_KEY_UNKNOWN',
    });
    const parts = explode(bytes);
    const forged = assemble({ ...parts, s: flip(parts.s, 3) });
    expect(authenticateCopy(forged, { to: 'health', from: 'swansea-cs' }, keys())).toMatchObject({
      ok: false,
      code: 'SIGNATURE_INVALID',
    });
  });

  it('does not judge times: an expired copy from an authentic sender is authentic', () => {
    const old = sealEnvelope({
      ...routing({ iat: 1000, exp: 2000 }),
      plaintext: utf8('x'),
      sender: senderOf(cs),
      recipients: [recipientOf(police)],
    }).bytes;
    expect(authenticateCopy(old, { to: 'swansea-police', from: 'swansea-cs' }, keys()).ok).toBe(true);
  });
});
