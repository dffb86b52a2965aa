import { beforeAll, describe, expect, it } from 'vitest';
import { b64uEncode } from '../encoding/b64u-encode.ts';
import { initCrypto } from '../init-crypto.ts';
import { utf8 } from '../internal/utf8.ts';
import {
  assemble,
  type EnvelopeParts,
  expectCode,
  explode,
  fixedRandom,
  recipientOf,
  routing,
  senderOf,
  type TestAgency,
  testAgency,
} from '../test-support.ts';
import { parseEnvelope } from './parse-envelope.ts';
import { sealEnvelope } from './seal-envelope.ts';

let cs: TestAgency;
let police: TestAgency;
let health: TestAgency;
let original: Uint8Array;
let wire: { h: string; k: string[]; c: string; s: string };
let headerText: string;

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const wireBytes = (w: object) => utf8(JSON.stringify(w));
/** Envelope bytes with `headerText` as H, re-signed so only the header form is at fault. */
const withHeaderText = (h: string) =>
  assemble(explode(original), { headerText: h, signWith: cs.keys.signing.secretKey });
/** Replaces the last character of a base64url string so unused trailing bits become non-zero. */
function dirtyTail(b64: string): string {
  const last = b64.at(-1) ?? 'A';
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return `${b64.slice(0, -1)}${alphabet[alphabet.indexOf(last) + 1]}`;
}

beforeAll(async () => {
  await initCrypto();
  [cs, police, health] = ['swansea-cs', 'swansea-police', 'swansea-health'].map(testAgency) as [
    TestAgency,
    TestAgency,
    TestAgency,
  ];
  original = sealEnvelope({
    ...routing(),
    plaintext: utf8('{"x":1}'),
    sender: senderOf(cs),
    recipients: [recipientOf(police), recipientOf(health)],
    random: fixedRandom('parse'),
  }).bytes;
  wire = JSON.parse(text(original)) as typeof wire;
  headerText = explode(original).headerText;
});

describe('parseEnvelope: accepted input', () => {
  it('parses a sealed envelope, computing the body hash without any key', () => {
    const parsed = parseEnvelope(original);
    expect(text(parsed.headerBytes)).toBe(headerText);
    expect(parsed.wrappedKeys.map((w) => w.length)).toEqual([80, 80]);
    expect(parsed.signature.length).toBe(64);
    expect(parsed.nonce.length).toBe(24);
    expect(parsed.keyCommitment.length).toBe(32);
  });
});

describe('parseEnvelope: size', () => {
  it('refuses an envelope over maxBytes before parsing it', () => {
    expectCode(() => parseEnvelope(original, { maxBytes: original.length - 1 }), 'ENVELOPE_TOO_LARGE');
    expect(() => parseEnvelope(original, { maxBytes: original.length })).not.toThrow();
  });

  it('refuses a maxBytes that would disable the limit', () => {
    expectCode(() => parseEnvelope(original, { maxBytes: Number.NaN }), 'BAD_REQUEST');
    expectCode(() => parseEnvelope(original, { maxBytes: -1 }), 'BAD_REQUEST');
  });

  it('refuses 2 MiB by default', () => {
    expectCode(() => parseEnvelope(new Uint8Array(2 * 1024 * 1024)), 'ENVELOPE_TOO_LARGE');
  });
});

describe('parseEnvelope: the outer JSON must be strict and canonical', () => {
  it.each([
    ['whitespace', () => utf8(JSON.stringify(wire, null, 1))],
    ['reordered members', () => wireBytes({ k: wire.k, h: wire.h, c: wire.c, s: wire.s })],
    ['an unknown member', () => wireBytes({ ...wire, x: 1 })],
    ['a missing member', () => wireBytes({ h: wire.h, k: wire.k, c: wire.c })],
    ['a duplicate member', () => utf8(text(original).replace('{"h":', `{"s":"${wire.s}","h":`))],
    ['a byte order mark', () => utf8(`\uFEFF${text(original)}`)],
    ['invalid UTF-8', () => new Uint8Array([...original.subarray(0, 10), 0xff, ...original.subarray(10)])],
    ['not JSON', () => utf8('{"h":')],
    ['JSON that is not an object', () => utf8('[1,2]')],
    ['no wrapped keys', () => wireBytes({ ...wire, k: [] })],
    ['33 wrapped keys', () => wireBytes({ ...wire, k: Array.from({ length: 33 }, () => wire.k[0]) })],
  ])('refuses %s (ENVELOPE_MALFORMED)', (_, make) => {
    expectCode(() => parseEnvelope(make()), 'ENVELOPE_MALFORMED');
  });
});

describe('parseEnvelope: base64url must be canonical', () => {
  it.each([
    ['h with non-zero trailing bits', () => ({ ...wire, h: dirtyTail(wire.h) })],
    ['k[1] with non-zero trailing bits', () => ({ ...wire, k: [wire.k[0], dirtyTail(wire.k[1] ?? '')] })],
    ['c with non-zero trailing bits', () => ({ ...wire, c: dirtyTail(wire.c) })],
    ['s with non-zero trailing bits', () => ({ ...wire, s: dirtyTail(wire.s) })],
    ['s with padding', () => ({ ...wire, s: `${wire.s.slice(0, -2)}==` })],
    ['s in the standard alphabet', () => ({ ...wire, s: `+/${wire.s.slice(2)}` })],
    ['c with a space', () => ({ ...wire, c: ` ${wire.c.slice(1)}` })],
    [
      'c with an impossible length (4n + 1)',
      () => ({ ...wire, c: wire.c + 'A'.repeat((5 - (wire.c.length % 4)) % 4 || 4) }),
    ],
  ])('refuses %s', (_, make) => {
    const w = make();
    expect(w).not.toEqual(wire);
    expectCode(() => parseEnvelope(wireBytes(w)), 'ENVELOPE_MALFORMED');
  });

  it('the dirty-tail helper really yields a different string that decodes to the same bytes', () => {
    expect(Buffer.from(dirtyTail(wire.s), 'base64url')).toEqual(Buffer.from(wire.s, 'base64url'));
  });
});

describe('parseEnvelope: lengths', () => {
  const b = (n: number) => b64uEncode(new Uint8Array(n).fill(7));
  it.each([
    ['a 63-byte signature', () => ({ ...wire, s: b(63) })],
    ['a 65-byte signature', () => ({ ...wire, s: b(65) })],
    ['a 79-byte wrapped key', () => ({ ...wire, k: [wire.k[0], b(79)] })],
    ['an 81-byte wrapped key', () => ({ ...wire, k: [wire.k[0], b(81)] })],
    ['a 15-byte ciphertext', () => ({ ...wire, c: b(15) })],
    ['an empty header', () => ({ ...wire, h: '' })],
  ])('refuses %s', (_, make) => {
    expectCode(() => parseEnvelope(wireBytes(make())), 'ENVELOPE_MALFORMED');
  });

  it('accepts a 16-byte ciphertext (empty plaintext) structurally', () => {
    expect(parseEnvelope(wireBytes({ ...wire, c: b(16) })).ciphertext.length).toBe(16);
  });

  it('refuses a wrapped-key count different from the recipient count', () => {
    expectCode(() => parseEnvelope(wireBytes({ ...wire, k: [wire.k[0]] })), 'ENVELOPE_MALFORMED');
    expectCode(() => parseEnvelope(wireBytes({ ...wire, k: [...wire.k, wire.k[0]] })), 'ENVELOPE_MALFORMED');
  });
});

describe('parseEnvelope: the header must be canonical (HEADER_NOT_CANONICAL)', () => {
  const obj = () => JSON.parse(headerText) as Record<string, unknown>;
  it.each([
    ['whitespace after a colon', () => headerText.replace('"v":1', '"v": 1')],
    ['a trailing newline', () => `${headerText}\n`],
    ['pretty-printing', () => JSON.stringify(obj(), null, 2)],
    ['n and kc swapped', () => headerText.replace(/"n":("[^"]*"),"kc":("[^"]*")/, '"kc":$2,"n":$1')],
    [
      'from before iat',
      () => {
        const { v, typ, suite, id, from, ...rest } = obj();
        return JSON.stringify({ v, typ, suite, id, from, ...rest });
      },
    ],
    [
      'a duplicate member (first value differs)',
      () => headerText.replace('{"v":1,', '{"v":1,"priority":"urgent",'),
    ],
    [
      'a duplicate member (same value)',
      () => headerText.replace('"kind":"concern"', '"kind":"concern","kind":"concern"'),
    ],
    ['an escaped letter in a member name', () => headerText.replace('"typ"', '"\\u0074yp"')],
    [
      'an escaped character in a value',
      () => headerText.replace('cwtch.notification', 'cwtch\\u002enotification'),
    ],
    ['an escaped slash', () => headerText.replace('"basis":"Children', '"basis":"\\/Children')],
    [
      'a number with an exponent',
      () => headerText.replace(`"iat":${obj().iat}`, `"iat":${Number(obj().iat) / 1e12}e12`),
    ],
    ['a number with a fraction', () => headerText.replace('"sv":1', '"sv":1.0')],
  ])('refuses %s', (_, make) => {
    const h = make();
    expect(h).not.toBe(headerText);
    expectCode(() => parseEnvelope(withHeaderText(h)), 'HEADER_NOT_CANONICAL');
  });

  it('re-assembling the untouched header text is accepted (control)', () => {
    expect(() => parseEnvelope(withHeaderText(headerText))).not.toThrow();
  });
});

describe('parseEnvelope: the header must match its schema (ENVELOPE_MALFORMED)', () => {
  const edit = (f: (h: Record<string, unknown>) => void) => (p: EnvelopeParts) => {
    f(p.header);
    return assemble(p, { signWith: cs.keys.signing.secretKey });
  };
  it.each([
    ['another suite', edit((h) => (h.suite = 'CWTCH1-Ed25519-X25519SealedBox-AES256GCM'))],
    ['another version', edit((h) => (h.v = 2))],
    ['another typ', edit((h) => (h.typ = 'cwtch.receipt.v1'))],
    ['an unknown member', edit((h) => (h.extra = 'x'))],
    ['a missing member', edit((h) => delete h.subject)],
    ['a 23-byte nonce', edit((h) => (h.n = b64uEncode(new Uint8Array(23))))],
    ['a non-canonical nonce', edit((h) => (h.n = `${String(h.n).slice(0, -1)}=`))],
    ['a 31-byte key commitment', edit((h) => (h.kc = b64uEncode(new Uint8Array(31))))],
    ['a key commitment with non-zero trailing bits', edit((h) => (h.kc = dirtyTail(String(h.kc))))],
    ['exp equal to iat', edit((h) => (h.exp = h.iat))],
    ['a negative iat', edit((h) => (h.iat = -1))],
    [
      'a recipient agency listed twice',
      edit((h) => {
        const to = h.to as { agency: string; kid: string }[];
        (to[1] as { agency: string }).agency = to[0]?.agency ?? '';
      }),
    ],
    ['a header that is a JSON array', (p: EnvelopeParts) => assemble(p, { headerText: '[]' })],
    ['a header that is not JSON', (p: EnvelopeParts) => assemble(p, { headerText: '{"v":1' })],
  ])('refuses %s', (_, make) => {
    expectCode(() => parseEnvelope(make(explode(original))), 'ENVELOPE_MALFORMED');
  });

  it('refuses a header that is not UTF-8', () => {
    const bad = wireBytes({ ...wire, h: b64uEncode(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d])) });
    expectCode(() => parseEnvelope(bad), 'ENVELOPE_MALFORMED');
  });
});
