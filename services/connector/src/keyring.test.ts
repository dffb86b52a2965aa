import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateAgencyKeys, initCrypto, keyId, serialisePrivateKeyFile } from '@cwtch/crypto';
import { type Directory, type DirectoryKey, DirectoryView } from '@cwtch/directory';
import { isCwtchError } from '@cwtch/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keyring } from './keyring.ts';

const NOW = Date.now();
let dir: string;
let keyring: Keyring;
let signingKey: DirectoryKey;

const viewWith = (key: DirectoryKey) =>
  new DirectoryView({
    v: 1,
    typ: 'cwtch.directory.v1',
    region: 'test',
    serial: 1,
    issuedAt: NOW,
    agencies: [
      { id: 'swansea-cs', name: 'Swansea', type: 'childrens-services', codes: [], areas: [], keys: [key] },
    ],
    agreements: [],
    routes: [],
  } as Directory);

beforeAll(async () => {
  await initCrypto();
  dir = await mkdtemp(join(tmpdir(), 'cwtch-keyring-'));
  const keys = generateAgencyKeys();
  await writeFile(join(dir, 'k.json'), serialisePrivateKeyFile('swansea-cs', keys), { mode: 0o600 });
  keyring = new Keyring(dir, 'swansea-cs');
  await keyring.load();
  signingKey = {
    kid: keyId(keys.signing.publicKey, 'Ed25519'),
    kty: 'OKP',
    crv: 'Ed25519',
    x: Buffer.from(keys.signing.publicKey).toString('base64url'),
    use: 'sig',
    nbf: NOW - 60_000,
    exp: null,
    status: 'active',
    revokedAt: null,
    reason: null,
  };
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const refusal = (view: DirectoryView) => {
  try {
    keyring.signingKey(view, NOW);
  } catch (e) {
    return isCwtchError(e) ? { code: e.code, message: e.message } : { code: 'not a CwtchError', message: '' };
  }
  return undefined;
};

describe('Keyring.signingKey', () => {
  it('signs with the key the directory accepts', () => {
    expect(keyring.signingKey(viewWith(signingKey), NOW).kid).toBe(signingKey.kid);
  });

  it('answers SIGNING_KEY_UNAVAILABLE, saying to rotate, when its own key is revoked or expired', () => {
    const revoked = {
      ...signingKey,
      status: 'revoked' as const,
      revokedAt: NOW - 1000,
      reason: 'lost laptop',
    };
    const expired = { ...signingKey, exp: NOW - 1000 };
    for (const key of [revoked, expired]) {
      expect(refusal(viewWith(key))).toMatchObject({
        code: 'SIGNING_KEY_UNAVAILABLE',
        message: expect.stringContaining('cwtch directory rotate --agency swansea-cs --use sig'),
      });
    }
  });
});
