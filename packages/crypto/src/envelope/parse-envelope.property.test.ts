import { CwtchError, ErrorCode } from '@cwtch/runtime';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { b64uEncode } from '../encoding/b64u-encode.ts';
import { initCrypto } from '../init-crypto.ts';
import { utf8 } from '../internal/utf8.ts';
import {
  directory,
  explode,
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
import { sealEnvelope } from './seal-envelope.ts';
import { verifyEnvelope } from './verify-envelope.ts';

const PARSE_CODES = new Set<string>([
  ErrorCode.ENVELOPE_MALFORMED,
  ErrorCode.ENVELOPE_TOO_LARGE,
  ErrorCode.HEADER_NOT_CANONICAL,
]);
const SETTINGS = { seed: 20260101, numRuns: 400 } as const;

/** Runs `fn`; passes if it returns or throws a CwtchError with one of `codes`. */
function onlyCwtchErrors(fn: () => unknown, codes: ReadonlySet<string>): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CwtchError);
    expect(codes.has((e as CwtchError).code), (e as CwtchError).code).toBe(true);
  }
}

let cs: TestAgency;
let police: TestAgency;
let valid: Uint8Array;

beforeAll(async () => {
  await initCrypto();
  [cs, police] = ['swansea-cs', 'swansea-police'].map(testAgency) as [TestAgency, TestAgency];
  valid = sealEnvelope({
    ...routing(),
    plaintext: utf8('{"p":1}'),
    sender: senderOf(cs),
    recipients: [recipientOf(police)],
    random: fixedRandom('property'),
  }).bytes;
});

describe('parseEnvelope never throws anything but its own CwtchErrors, and always returns', () => {
  it('over arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        onlyCwtchErrors(() => parseEnvelope(bytes, { maxBytes: 2048 }), PARSE_CODES);
      }),
      SETTINGS,
    );
  });

  it('over arbitrary JSON texts', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), (text) => {
        onlyCwtchErrors(() => parseEnvelope(utf8(text)), PARSE_CODES);
      }),
      SETTINGS,
    );
  });

  it('over deeply nested JSON', () => {
    for (const depth of [1_000, 100_000]) {
      onlyCwtchErrors(() => parseEnvelope(utf8(`${'['.repeat(depth)}${']'.repeat(depth)}`)), PARSE_CODES);
      onlyCwtchErrors(() => parseEnvelope(utf8(`{"h":${'['.repeat(depth)}`)), PARSE_CODES);
    }
  });

  it('over envelope-shaped objects with arbitrary members and arbitrary headers', () => {
    const b64 = fc.uint8Array({ maxLength: 120 }).map(b64uEncode);
    const headerish = fc
      .oneof(fc.json({ maxDepth: 3 }), fc.constant(explode(valid).headerText))
      .map((t) => b64uEncode(utf8(t)));
    const member = fc.oneof(b64, fc.string(), fc.integer(), fc.constant(null));
    fc.assert(
      fc.property(
        fc.record(
          {
            h: fc.oneof(headerish, member),
            k: fc.oneof(fc.array(member, { maxLength: 4 }), member),
            c: member,
            s: member,
          },
          { requiredKeys: [] },
        ),
        (wire) => {
          onlyCwtchErrors(() => parseEnvelope(utf8(JSON.stringify(wire))), PARSE_CODES);
        },
      ),
      SETTINGS,
    );
  });
});

describe('every single-byte change of a valid envelope is refused by parse, verify or open', () => {
  const ALL = new Set<string>([
    ...PARSE_CODES,
    ErrorCode.SENDER_KEY_UNKNOWN,
    ErrorCode.SIGNATURE_INVALID,
    ErrorCode.NOT_ADDRESSED_TO_ME,
    ErrorCode.KEY_COMMITMENT_MISMATCH,
    ErrorCode.DECRYPTION_FAILED,
  ]);

  it('replaced bytes', () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000 }), fc.integer({ min: 1, max: 255 }), (at, delta) => {
        const bytes = new Uint8Array(valid);
        const i = at % bytes.length;
        bytes[i] = ((bytes[i] ?? 0) + delta) & 0xff;
        let thrown: unknown;
        try {
          const verified = verifyEnvelope(parseEnvelope(bytes), { resolveSigningKey: directory([cs]) });
          openEnvelope(verified, { me: meOf(police) });
        } catch (e) {
          thrown = e;
        }
        expect(thrown).toBeInstanceOf(CwtchError);
        expect(ALL.has((thrown as CwtchError).code)).toBe(true);
      }),
      SETTINGS,
    );
  });

  it('truncations', () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000 }), (at) => {
        const bytes = valid.subarray(0, at % valid.length);
        onlyCwtchErrors(() => parseEnvelope(bytes), PARSE_CODES);
        expect(() => parseEnvelope(bytes)).toThrow(CwtchError);
      }),
      SETTINGS,
    );
  });
});
