import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { describe, expect, it } from 'vitest';
import { b64uEncode } from '../encoding/b64u-encode.ts';
import { initCrypto } from '../init-crypto.ts';
import { generateAgencyKeys } from '../keys/generate-agency-keys.ts';
import { parseEnvelope } from './parse-envelope.ts';
import { sealEnvelope } from './seal-envelope.ts';
import { verifyLoggedShare } from './verify-logged-share.ts';

await initCrypto();
const a = generateAgencyKeys();
const b = generateAgencyKeys();
const sealed = sealEnvelope({
  iat: 1000,
  exp: 2000,
  kind: 'missing-episode',
  sv: 1,
  agreement: 'isp',
  purpose: 'locate_missing_child',
  basis: 'x',
  priority: 'high',
  respondBy: null,
  subject: null,
  plaintext: new Uint8Array([1, 2, 3]),
  sender: { agency: 'aa-one', kid: a.signing.kid, signSecretKey: a.signing.secretKey },
  recipients: [{ agency: 'bb-two', kid: b.encryption.kid, publicKey: b.encryption.publicKey }],
});
const parsed = parseEnvelope(sealed.bytes);
const entry = {
  h: b64uEncode(parsed.headerBytes),
  b: b64uEncode(parsed.bodyHash),
  s: b64uEncode(parsed.signature),
};
const resolve = () => ({ publicKey: a.signing.publicKey });

describe('verifyLoggedShare', () => {
  it('verifies what the log keeps of a genuine share', () => {
    expect(verifyLoggedShare(entry, resolve).id).toBe(sealed.id);
  });
  it('refuses a changed body hash, signature or header, and another key', () => {
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    expect(() => verifyLoggedShare({ ...entry, b: flip(entry.b) }, resolve)).toThrow(
      expect.objectContaining({ code: 'SIGNATURE_INVALID' }),
    );
    expect(() => verifyLoggedShare({ ...entry, s: flip(entry.s) }, resolve)).toThrow(
      expect.objectContaining({ code: 'SIGNATURE_INVALID' }),
    );
    const header = Buffer.from(entry.h, 'base64url')
      .toString()
      .replace('"priority":"high"', '"priority":"routine"');
    expect(() =>
      verifyLoggedShare({ ...entry, h: Buffer.from(header).toString('base64url') }, resolve),
    ).toThrow(expect.objectContaining({ code: 'SIGNATURE_INVALID' }));
    expect(() => verifyLoggedShare(entry, () => ({ publicKey: b.signing.publicKey }))).toThrow(
      expect.objectContaining({ code: 'SENDER_KEY_UNKNOWN' }),
    );
  });
});

// Each refusal below comes from one change to the genuine entry, which verifies (above).
describe('verifyLoggedShare: each refusal', () => {
  const b64u = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');
  const refusal = (code: string, message: RegExp) =>
    expect.objectContaining({ code, message: expect.stringMatching(message) });

  it('refuses base64url that is not canonical in h, b or s: ENVELOPE_MALFORMED', () => {
    for (const member of ['h', 'b', 's'] as const) {
      expect(() => verifyLoggedShare({ ...entry, [member]: `${entry[member]}=` }, resolve)).toThrow(
        refusal('ENVELOPE_MALFORMED', /not canonical base64url/),
      );
    }
  });
  it('refuses a body hash that is not 32 bytes or a signature that is not 64: ENVELOPE_MALFORMED', () => {
    const bad = [
      { ...entry, b: b64u(new Uint8Array(31)) },
      { ...entry, s: b64u(new Uint8Array(65)) },
    ];
    for (const e of bad) {
      expect(() => verifyLoggedShare(e, resolve)).toThrow(
        refusal('ENVELOPE_MALFORMED', /wrong hash or signature length/),
      );
    }
  });
  it('refuses header bytes that are not UTF-8: ENVELOPE_MALFORMED', () => {
    const h = b64u(
      new Uint8Array([...sealed.headerBytes.subarray(0, 10), 0xff, ...sealed.headerBytes.subarray(10)]),
    );
    expect(() => verifyLoggedShare({ ...entry, h }, resolve)).toThrow(
      refusal('ENVELOPE_MALFORMED', /not UTF-8/),
    );
  });
  it('refuses a header that is not JSON, or not an envelope header: ENVELOPE_MALFORMED', () => {
    expect(() => verifyLoggedShare({ ...entry, h: b64u('{"v":1,') }, resolve)).toThrow(
      refusal('ENVELOPE_MALFORMED', /header is not JSON/),
    );
    const v2 = new TextDecoder().decode(sealed.headerBytes).replace('{"v":1,', '{"v":2,');
    expect(() => verifyLoggedShare({ ...entry, h: b64u(v2) }, resolve)).toThrow(
      refusal('ENVELOPE_MALFORMED', /header does not match its schema/),
    );
  });
  it('refuses header bytes that begin with a byte order mark, as parseEnvelope does: ENVELOPE_MALFORMED', () => {
    const h = b64u(new Uint8Array([0xef, 0xbb, 0xbf, ...sealed.headerBytes]));
    expect(() => verifyLoggedShare({ ...entry, h }, resolve)).toThrow(
      refusal('ENVELOPE_MALFORMED', /header is not JSON/),
    );
    expect(() => parseEnvelope(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), sealed.bytes]))).toThrow(
      expect.objectContaining({ code: 'ENVELOPE_MALFORMED' }),
    );
  });
  it('refuses a header that is valid JSON but not its canonical form: HEADER_NOT_CANONICAL', () => {
    const spaced = new TextDecoder().decode(sealed.headerBytes).replace('{"v":1,', '{"v": 1,');
    expect(() => verifyLoggedShare({ ...entry, h: b64u(spaced) }, resolve)).toThrow(
      refusal('HEADER_NOT_CANONICAL', /not in canonical form/),
    );
  });
  it("passes on the key resolver's own refusal unchanged (a revoked key stays SENDER_KEY_REVOKED)", () => {
    const revoked = new CwtchError(ErrorCode.SENDER_KEY_REVOKED, 'revoked before this entry');
    let thrown: unknown;
    try {
      verifyLoggedShare(entry, () => {
        throw revoked;
      });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBe(revoked);
  });
  it('turns a resolver that fails for another reason into INTERNAL, keeping the cause', () => {
    const broken = new TypeError('directory not loaded');
    expect(() =>
      verifyLoggedShare(entry, () => {
        throw broken;
      }),
    ).toThrow(expect.objectContaining({ code: 'INTERNAL', cause: broken }));
  });
  it('refuses a resolved key that is not the one from.kid names, or not 32 bytes: SENDER_KEY_UNKNOWN', () => {
    const other = generateAgencyKeys().signing.publicKey;
    for (const publicKey of [other, a.signing.publicKey.subarray(0, 31)]) {
      expect(() => verifyLoggedShare(entry, () => ({ publicKey }))).toThrow(
        refusal('SENDER_KEY_UNKNOWN', /does not match from\.kid/),
      );
    }
  });
  it('refuses a signature that does not verify over H and B: SIGNATURE_INVALID', () => {
    const s = Buffer.from(entry.s, 'base64url');
    s[10]! ^= 1;
    expect(() => verifyLoggedShare({ ...entry, s: b64u(s) }, resolve)).toThrow(
      refusal('SIGNATURE_INVALID', /logged signature is invalid/),
    );
  });
});
