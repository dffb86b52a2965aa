import { beforeAll, describe, expect, it } from 'vitest';
import { b64uEncode } from '../encoding/b64u-encode.ts';
import { initCrypto } from '../init-crypto.ts';
import { expectCode, seedFrom } from '../test-support.ts';
import { generateAgencyKeys } from './generate-agency-keys.ts';
import { parsePrivateKeyFile } from './parse-private-key-file.ts';
import { serialisePrivateKeyFile } from './serialise-private-key-file.ts';

let keys: ReturnType<typeof generateAgencyKeys>;
let text: string;
beforeAll(async () => {
  await initCrypto();
  keys = generateAgencyKeys({ signingSeed: seedFrom('a'), encryptionSeed: seedFrom('b') });
  text = serialisePrivateKeyFile('swansea-cs', keys);
});

describe('private key files', () => {
  it('round-trip an agency and both key pairs', () => {
    expect(parsePrivateKeyFile(text)).toEqual({ agency: 'swansea-cs', keys });
  });

  it('are JSON with private OKP JWKs in base64url', () => {
    const file = JSON.parse(text) as { signing: Record<string, string>; encryption: Record<string, string> };
    expect(file.signing).toMatchObject({ kty: 'OKP', crv: 'Ed25519', use: 'sig', kid: keys.signing.kid });
    expect(file.signing.d).toBe(b64uEncode(seedFrom('a')));
    expect(file.encryption).toMatchObject({
      kty: 'OKP',
      crv: 'X25519',
      use: 'enc',
      kid: keys.encryption.kid,
    });
    expect(file.encryption.d).toBe(b64uEncode(keys.encryption.secretKey));
  });

  const edit = (f: (file: Record<string, Record<string, unknown>>) => void) => () => {
    const file = JSON.parse(text) as Record<string, Record<string, unknown>>;
    f(file);
    return JSON.stringify(file);
  };
  it.each([
    ['not JSON', () => 'nope'],
    ['another typ', edit((f) => ((f as Record<string, unknown>).typ = 'x'))],
    ['an extra member', edit((f) => ((f as Record<string, unknown>).extra = 1))],
    ['a bad agency', edit((f) => ((f as Record<string, unknown>).agency = 'Swansea CS'))],
    [
      'a signing d that does not match x',
      edit((f) => ((f.signing as Record<string, unknown>).d = b64uEncode(seedFrom('z')))),
    ],
    [
      'an encryption d that does not match x',
      edit((f) => ((f.encryption as Record<string, unknown>).d = b64uEncode(seedFrom('z')))),
    ],
    [
      'a kid that is not the thumbprint',
      edit((f) => ((f.signing as Record<string, unknown>).kid = keys.encryption.kid)),
    ],
    ['swapped key pairs', edit((f) => ([f.signing, f.encryption] = [f.encryption ?? {}, f.signing ?? {}]))],
    ['a short d', edit((f) => ((f.signing as Record<string, unknown>).d = b64uEncode(new Uint8Array(16))))],
    ['a public key only', edit((f) => delete (f.signing as Record<string, unknown>).d)],
  ])('refuse %s with CONFIG_INVALID and no key material in the message', (_, make) => {
    const bad = make();
    const err = expectCode(() => parsePrivateKeyFile(bad), 'CONFIG_INVALID');
    for (const secret of [
      b64uEncode(seedFrom('a')),
      b64uEncode(keys.encryption.secretKey),
      b64uEncode(seedFrom('z')),
    ]) {
      expect(err.message).not.toContain(secret);
      expect(JSON.stringify(err.issues ?? [])).not.toContain(secret);
    }
  });

  it('refuse to serialise a bad agency id', () => {
    expectCode(() => serialisePrivateKeyFile('Not Valid', keys), 'BAD_REQUEST');
  });
});
