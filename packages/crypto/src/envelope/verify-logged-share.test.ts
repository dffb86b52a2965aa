import { describe, expect, it } from 'vitest';
import { b64uEncode } from '../encoding/b64u-encode.ts';
import { initCrypto } from '../init-crypto.ts';
import { generateAgencyKeys } from '../keys/generate-agency-keys.ts';
import { parseEnvelope } from './parse-envelope.ts';
import { sealEnvelope } from './seal-envelope.ts';
import { verifyLoggedShare } from './verify-logged-share.ts';

describe('verifyLoggedShare', async () => {
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
