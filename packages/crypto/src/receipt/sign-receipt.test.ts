import type { ReceiptBody } from '@cwtch/contracts';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { b64uDecode } from '../encoding/b64u-decode.ts';
import { b64uEncode } from '../encoding/b64u-encode.ts';
import { sha256 } from '../encoding/sha256.ts';
import { getSodium, initCrypto } from '../init-crypto.ts';
import { concatBytes, u32be } from '../internal/bytes.ts';
import { utf8 } from '../internal/utf8.ts';
import { directory, expectCode, seedFrom, type TestAgency, testAgency } from '../test-support.ts';
import { parseReceipt, parseReceiptMembers } from './parse-receipt.ts';
import { signReceipt } from './sign-receipt.ts';
import { verifyReceipt } from './verify-receipt.ts';

let cs: TestAgency;
let police: TestAgency;
let body: ReceiptBody;
let bytes: Uint8Array;
const text = (b: Uint8Array) => new TextDecoder().decode(b);

beforeAll(async () => {
  await initCrypto();
  [cs, police] = ['swansea-cs', 'swansea-police'].map(testAgency) as [TestAgency, TestAgency];
  body = {
    v: 1,
    typ: 'cwtch.receipt.v1',
    id: b64uEncode(seedFrom('id').subarray(0, 16)),
    status: 'acknowledged',
    by: { agency: 'swansea-police', kid: police.keys.signing.kid },
    to: 'swansea-cs',
    at: 1_767_225_700_000,
    hh: b64uEncode(sha256(utf8('header'))),
    b: b64uEncode(sha256(utf8('body'))),
    actor: 'duty sergeant',
    reason: null,
  };
  bytes = signReceipt(body, police.keys.signing.secretKey);
});

/** Rebuilds receipt wire bytes from a body text, signed by `signWith`. */
function wireFor(bodyText: string, signWith: Uint8Array): Uint8Array {
  const r = utf8(bodyText);
  const s = getSodium().crypto_sign_detached(
    concatBytes([utf8('CWTCH1-RCPT'), new Uint8Array([0]), u32be(r.length), r]),
    signWith,
  );
  return utf8(JSON.stringify({ r: b64uEncode(r), s: b64uEncode(s) }));
}

describe('signReceipt / parseReceipt / verifyReceipt', () => {
  it('round-trip, signing "CWTCH1-RCPT" || 0x00 || u32be(|R|) || R over the canonical body', () => {
    const wire = JSON.parse(text(bytes)) as { r: string; s: string };
    expect(Object.keys(wire)).toEqual(['r', 's']);
    expect(text(b64uDecode(wire.r))).toBe(JSON.stringify(body));
    expect(bytes).toEqual(wireFor(JSON.stringify(body), police.keys.signing.secretKey));
    const verified = verifyReceipt(parseReceipt(bytes), directory([police]));
    expect(verified.body).toEqual(body);
  });

  it('refuses to sign an invalid body or with a key that is not by.kid', () => {
    expectCode(
      () => signReceipt({ ...body, status: 'read' as 'delivered' }, police.keys.signing.secretKey),
      'CONTRACT_INVALID',
    );
    expectCode(() => signReceipt(body, cs.keys.signing.secretKey), 'BAD_REQUEST');
  });

  it('refuses a tampered body or signature (RECEIPT_INVALID)', () => {
    const tampered = wireFor(JSON.stringify({ ...body, status: 'delivered' }), police.keys.signing.secretKey);
    const wire = JSON.parse(text(tampered)) as { r: string; s: string };
    const original = JSON.parse(text(bytes)) as { r: string; s: string };
    const swapped = utf8(JSON.stringify({ r: wire.r, s: original.s }));
    expectCode(() => verifyReceipt(parseReceipt(swapped), directory([police])), 'RECEIPT_INVALID');
  });

  it('refuses a receipt signed by another agency under the recipient name', () => {
    const forged = wireFor(JSON.stringify(body), cs.keys.signing.secretKey);
    expectCode(() => verifyReceipt(parseReceipt(forged), directory([police])), 'RECEIPT_INVALID');
    expectCode(
      () => verifyReceipt(parseReceipt(bytes), () => ({ publicKey: cs.keys.signing.publicKey })),
      'RECEIPT_INVALID',
    );
  });

  it("passes the directory's SENDER_KEY_* errors through", () => {
    const revoked = () => {
      throw new CwtchError(ErrorCode.SENDER_KEY_REVOKED, 'revoked');
    };
    expectCode(() => verifyReceipt(parseReceipt(bytes), revoked), 'SENDER_KEY_REVOKED');
  });

  it.each([
    [
      'a non-canonical body (whitespace)',
      () => wireFor(JSON.stringify(body, null, 1), police.keys.signing.secretKey),
    ],
    [
      'a non-canonical body (reordered)',
      () => {
        const { typ, ...rest } = body;
        return wireFor(JSON.stringify({ typ, ...rest }), police.keys.signing.secretKey);
      },
    ],
    [
      'a non-canonical body (escaped)',
      () =>
        wireFor(
          JSON.stringify(body).replace('acknowledged', 'acknowledge\\u0064'),
          police.keys.signing.secretKey,
        ),
    ],
    [
      'a body with an unknown member',
      () => wireFor(JSON.stringify({ ...body, x: 1 }), police.keys.signing.secretKey),
    ],
    ['a non-canonical wire', () => utf8(` ${text(bytes)}`)],
    ['an unknown wire member', () => utf8(text(bytes).replace('{"r"', '{"x":1,"r"'))],
    [
      'a non-canonical signature',
      () => utf8(text(bytes).replace(/.(?="}$)/, (c) => (c === 'A' ? 'B' : 'A'))),
    ],
    ['too many bytes', () => new Uint8Array(9000)],
    ['invalid UTF-8', () => new Uint8Array([0xff])],
  ])('parseReceipt refuses %s', (_, make) => {
    expectCode(() => verifyReceipt(parseReceipt(make()), directory([police])), 'RECEIPT_INVALID');
  });

  it('parseReceipt throws only RECEIPT_INVALID over arbitrary bytes and JSON', () => {
    const check = (input: Uint8Array) => {
      try {
        parseReceipt(input);
      } catch (e) {
        expect(e).toBeInstanceOf(CwtchError);
        expect((e as CwtchError).code).toBe('RECEIPT_INVALID');
      }
    };
    const settings = { seed: 20260102, numRuns: 300 };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2048 }), check), settings);
    fc.assert(
      fc.property(fc.json({ maxDepth: 5 }), (t) => check(utf8(t))),
      settings,
    );
    fc.assert(
      fc.property(
        fc.record({
          r: fc.oneof(
            fc.json().map((t) => b64uEncode(utf8(t))),
            fc.string(),
          ),
          s: fc.string(),
        }),
        (w) => check(utf8(JSON.stringify(w))),
      ),
      settings,
    );
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 255 }), (at, delta) => {
        const mutated = new Uint8Array(bytes);
        const i = at % mutated.length;
        mutated[i] = ((mutated[i] ?? 0) + delta) & 0xff;
        let thrown: unknown;
        try {
          verifyReceipt(parseReceipt(mutated), directory([police]));
        } catch (e) {
          thrown = e;
        }
        // A change inside `by` names a key the directory does not hold.
        expect(['RECEIPT_INVALID', 'SENDER_KEY_UNKNOWN']).toContain((thrown as CwtchError).code);
      }),
      settings,
    );
  });

  it('parseReceiptMembers gives what parseReceipt gives for the wire of the same members, or the same refusal', () => {
    const outcome = (run: () => unknown) => {
      try {
        return run();
      } catch (e) {
        return `${(e as CwtchError).code}: ${(e as CwtchError).message}`;
      }
    };
    const valid = JSON.parse(text(bytes)) as { r: string; s: string };
    const agree = (members: { r: unknown; s: unknown }) => {
      const parsed = outcome(() => parseReceiptMembers(members));
      expect(parsed).toEqual(outcome(() => parseReceipt(utf8(JSON.stringify(members)))));
      return parsed;
    };
    expect(agree(valid)).toMatchObject({ body, bytes });
    expect(agree({ ...valid, s: valid.r })).toBe('RECEIPT_INVALID: receipt does not match its schema');
    expect(agree({ r: b64uEncode(utf8('x'.repeat(13_000))), s: valid.s })).toBe(
      'RECEIPT_INVALID: receipt is too large',
    );
    fc.assert(
      fc.property(
        fc.record({
          r: fc.oneof(
            fc.constant(valid.r),
            fc.json().map((t) => b64uEncode(utf8(t))),
            fc.string(),
            fc.integer(),
          ),
          s: fc.oneof(fc.constant(valid.s), fc.string(), fc.constant(`${valid.s}A`)),
        }),
        (members) => {
          agree(members);
        },
      ),
      { seed: 20261206, numRuns: 300 },
    );
  });
});
