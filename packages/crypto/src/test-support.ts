/**
 * Helpers shared by this package's tests (not exported from index.ts): fixed keys from fixed seeds,
 * a fixed random source, a key directory, and tools to take an envelope apart and rebuild it.
 */
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { expect } from 'vitest';
import { b64uDecode } from './encoding/b64u-decode.ts';
import { b64uEncode } from './encoding/b64u-encode.ts';
import { sha256 } from './encoding/sha256.ts';
import type { EnvelopeRouting } from './envelope/seal-envelope.ts';
import { computeBodyHash, envelopeSigningInput } from './envelope/signing-input.ts';
import type { SigningKeyResolver } from './envelope/types.ts';
import { getSodium } from './init-crypto.ts';
import { utf8 } from './internal/utf8.ts';
import { generateAgencyKeys } from './keys/generate-agency-keys.ts';
import type { AgencyKeys } from './keys/types.ts';
import type { RandomSource } from './random-source.ts';

/** 32 bytes derived from a label: SHA-256("cwtch test seed: " || label). */
export function seedFrom(label: string): Uint8Array {
  return sha256(utf8(`cwtch test seed: ${label}`));
}

/** An agency with keys from fixed seeds. */
export interface TestAgency {
  readonly agency: string;
  readonly keys: AgencyKeys;
}

/** Fixed keys for `agency`, derived from its name. */
export function testAgency(agency: string): TestAgency {
  return {
    agency,
    keys: generateAgencyKeys({
      signingSeed: seedFrom(`${agency}/sig`),
      encryptionSeed: seedFrom(`${agency}/enc`),
    }),
  };
}

/** A random source whose bytes are SHA-256 of a label, purpose and counter (fresh copies each call). */
export function fixedRandom(label: string): RandomSource {
  const take = (purpose: string, length: number) => seedFrom(`${label}/${purpose}`).slice(0, length);
  return {
    messageId: () => take('id', 16),
    contentKey: () => take('cek', 32),
    nonce: () => take('nonce', 24),
    ephemeralSeed: (i) => take(`eph/${i}`, 32),
  };
}

/** Default routing members for tests, with a fixed clock. */
export const T0 = 1_767_225_600_000; // 2026-01-01T00:00:00Z
export function routing(overrides: Partial<EnvelopeRouting> = {}): EnvelopeRouting {
  return {
    iat: T0,
    exp: T0 + 24 * 60 * 60 * 1000,
    kind: 'concern',
    sv: 1,
    agreement: 'isa-swansea-2025-07',
    purpose: 'safeguarding',
    basis: 'Children Act 1989 s47',
    priority: 'high',
    respondBy: null,
    subject: null,
    ...overrides,
  };
}

/** The sender argument of sealEnvelope for a test agency. */
export function senderOf(a: TestAgency) {
  return { agency: a.agency, kid: a.keys.signing.kid, signSecretKey: a.keys.signing.secretKey };
}

/** The recipient argument of sealEnvelope for a test agency. */
export function recipientOf(a: TestAgency) {
  return { agency: a.agency, kid: a.keys.encryption.kid, publicKey: a.keys.encryption.publicKey };
}

/** The `me` argument of openEnvelope for a test agency. */
export function meOf(a: TestAgency) {
  return {
    agency: a.agency,
    kid: a.keys.encryption.kid,
    publicKey: a.keys.encryption.publicKey,
    secretKey: a.keys.encryption.secretKey,
  };
}

/** A key directory over the given agencies' signing keys. */
export function directory(agencies: readonly TestAgency[]): SigningKeyResolver {
  return (agency, kid) => {
    const found = agencies.find((a) => a.agency === agency && a.keys.signing.kid === kid);
    if (found === undefined) throw new CwtchError(ErrorCode.SENDER_KEY_UNKNOWN, 'unknown signing key');
    return { publicKey: found.keys.signing.publicKey };
  };
}

/** An envelope taken apart: the header as an object, and the decoded parts. */
export interface EnvelopeParts {
  header: Record<string, unknown>;
  headerText: string;
  k: Uint8Array[];
  c: Uint8Array;
  s: Uint8Array;
}

/** Takes envelope bytes apart (for tampering). */
export function explode(bytes: Uint8Array): EnvelopeParts {
  const wire = JSON.parse(new TextDecoder().decode(bytes)) as {
    h: string;
    k: string[];
    c: string;
    s: string;
  };
  const headerText = new TextDecoder().decode(b64uDecode(wire.h));
  return {
    header: JSON.parse(headerText) as Record<string, unknown>,
    headerText,
    k: wire.k.map((x) => b64uDecode(x)),
    c: b64uDecode(wire.c),
    s: b64uDecode(wire.s),
  };
}

/**
 * Rebuilds envelope bytes from parts. The header is `headerText` if given, else JSON of `header`.
 * With `signWith`, a fresh signature over the new header and body replaces `s`.
 */
export function assemble(parts: EnvelopeParts, options: { headerText?: string; signWith?: Uint8Array } = {}) {
  const headerText = options.headerText ?? JSON.stringify(parts.header);
  const headerBytes = utf8(headerText);
  let s = parts.s;
  if (options.signWith !== undefined) {
    const b = computeBodyHash(parts.k, parts.c);
    s = getSodium().crypto_sign_detached(envelopeSigningInput(headerBytes, b), options.signWith);
  }
  const wire = {
    h: b64uEncode(headerBytes),
    k: parts.k.map(b64uEncode),
    c: b64uEncode(parts.c),
    s: b64uEncode(s),
  };
  return utf8(JSON.stringify(wire));
}

/** A copy of `bytes` with byte `index` XOR-ed with `mask`. */
export function flip(bytes: Uint8Array, index = 0, mask = 0x01): Uint8Array {
  const out = new Uint8Array(bytes);
  out[index] = (out[index] ?? 0) ^ mask;
  return out;
}

/** Asserts that `fn` throws a CwtchError with `code` and returns it. */
export function expectCode(fn: () => unknown, code: string): CwtchError {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, `expected ${code}`).toBeInstanceOf(CwtchError);
  expect((thrown as CwtchError).code).toBe(code);
  return thrown as CwtchError;
}
