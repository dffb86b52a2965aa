import { CwtchError } from '@cwtch/runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../init-crypto.ts';
import { utf8 } from '../internal/utf8.ts';
import {
  directory,
  expectCode,
  recipientOf,
  routing,
  senderOf,
  type TestAgency,
  testAgency,
} from '../test-support.ts';
import { parseEnvelope } from './parse-envelope.ts';
import { sealEnvelope } from './seal-envelope.ts';
import type { ParsedEnvelope } from './types.ts';
import { verifyEnvelope } from './verify-envelope.ts';

let cs: TestAgency;
let police: TestAgency;
let parsed: ParsedEnvelope;

beforeAll(async () => {
  await initCrypto();
  [cs, police] = ['swansea-cs', 'swansea-police'].map(testAgency) as [TestAgency, TestAgency];
  const sealed = sealEnvelope({
    ...routing(),
    plaintext: utf8('x'),
    sender: senderOf(cs),
    recipients: [recipientOf(police)],
  });
  parsed = parseEnvelope(sealed.bytes);
});

describe('verifyEnvelope', () => {
  it('accepts the sender signature and asks the directory for exactly from.agency and from.kid', () => {
    const asked: string[] = [];
    const verified = verifyEnvelope(parsed, {
      resolveSigningKey: (agency, kid) => {
        asked.push(`${agency}/${kid}`);
        return { publicKey: cs.keys.signing.publicKey };
      },
    });
    expect(asked).toEqual([`swansea-cs/${cs.keys.signing.kid}`]);
    expect(verified.header.from.agency).toBe('swansea-cs');
  });

  it.each(['SENDER_KEY_UNKNOWN', 'SENDER_KEY_REVOKED', 'SENDER_KEY_EXPIRED'] as const)(
    "passes the directory's %s through",
    (code) => {
      expectCode(
        () =>
          verifyEnvelope(parsed, {
            resolveSigningKey: () => {
              throw new CwtchError(code, 'directory says no');
            },
          }),
        code,
      );
    },
  );

  it('turns a directory failure that is not a CwtchError into INTERNAL', () => {
    const err = expectCode(
      () =>
        verifyEnvelope(parsed, {
          resolveSigningKey: () => {
            throw new Error('disk on fire');
          },
        }),
      'INTERNAL',
    );
    expect(err.cause).toBeInstanceOf(Error);
  });

  it('refuses a resolved key that is not the one named by from.kid', () => {
    expectCode(
      () =>
        verifyEnvelope(parsed, { resolveSigningKey: () => ({ publicKey: police.keys.signing.publicKey }) }),
      'SENDER_KEY_UNKNOWN',
    );
    expectCode(
      () => verifyEnvelope(parsed, { resolveSigningKey: () => ({ publicKey: new Uint8Array(31) }) }),
      'SENDER_KEY_UNKNOWN',
    );
  });

  it('refuses a signature that does not verify', () => {
    const forged: ParsedEnvelope = { ...parsed, signature: new Uint8Array(64) };
    expectCode(() => verifyEnvelope(forged, { resolveSigningKey: directory([cs]) }), 'SIGNATURE_INVALID');
  });
});
