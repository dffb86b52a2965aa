import { shareSubject } from '@cwtch/bus';
import { b64uEncode, generateAgencyKeys, initCrypto, sealEnvelope, VerifiedSignatures } from '@cwtch/crypto';
import { Directory, DirectoryView } from '@cwtch/directory';
import { describe, expect, it } from 'vitest';
import { checkEvent } from './check-event.ts';

await initCrypto();
const NOW = Date.now();
const agencies = ['a-one', 'b-two', 'c-three', 'd-four'].map((id) => ({ id, keys: generateAgencyKeys() }));
const [sender, ...recipients] = agencies;
if (sender === undefined) throw new Error('no sender');
const key = (kid: string, x: Uint8Array, use: 'sig' | 'enc') => ({
  ...{ kid, kty: 'OKP' as const, crv: use === 'sig' ? ('Ed25519' as const) : ('X25519' as const) },
  ...{ x: b64uEncode(x), use, nbf: NOW - 86_400_000, exp: null, status: 'active' as const },
  ...{ revokedAt: null, reason: null },
});
const directory = Directory.parse({
  ...{
    v: 1,
    typ: 'cwtch.directory.v1',
    region: 'test',
    issuedAt: NOW,
    serial: 1,
    agreements: [],
    routes: [],
  },
  agencies: agencies.map(({ id, keys }) => ({
    ...{ id, name: id, type: 'childrens-services', codes: [], areas: [] },
    keys: [
      key(keys.signing.kid, keys.signing.publicKey, 'sig'),
      key(keys.encryption.kid, keys.encryption.publicKey, 'enc'),
    ],
  })),
});
const view = new DirectoryView(directory);
const nothingLogged = { get: () => undefined };

const sealed = sealEnvelope({
  ...{ iat: NOW, exp: NOW + 86_400_000, kind: 'missing-episode', sv: 1, agreement: 'isp' },
  ...{
    purpose: 'locate_missing_child',
    basis: 'x',
    priority: 'high' as const,
    respondBy: null,
    subject: null,
  },
  plaintext: new Uint8Array([1, 2, 3]),
  sender: { agency: sender.id, kid: sender.keys.signing.kid, signSecretKey: sender.keys.signing.secretKey },
  recipients: recipients.map((r) => ({
    agency: r.id,
    kid: r.keys.encryption.kid,
    publicKey: r.keys.encryption.publicKey,
  })),
});

describe('checkEvent with one signature check for the copies of a share', () => {
  it('logs every copy of a share sent to three recipients, checking its signature once', () => {
    const signatures = new VerifiedSignatures();
    recipients.forEach((r, n) => {
      const src = { seq: n + 1, subj: shareSubject(r.id, sender.id) };
      const body = checkEvent(sealed.bytes, src, NOW, view, nothingLogged, signatures.check);
      expect(body.t).toBe('msg');
    });
    expect(signatures.remembered).toBe(2);
  });

  it('still refuses a copy with the same signature over other bytes, after an authentic copy was checked', () => {
    const signatures = new VerifiedSignatures();
    const first = { seq: 1, subj: shareSubject('b-two', sender.id) };
    expect(checkEvent(sealed.bytes, first, NOW, view, nothingLogged, signatures.check).t).toBe('msg');
    // The ciphertext changed, the signature kept: the body hash, so the signed bytes, differ.
    const wire = JSON.parse(new TextDecoder().decode(sealed.bytes)) as { c: string };
    const c = Buffer.from(wire.c, 'base64url');
    c[0] = (c[0] ?? 0) ^ 1;
    const forged = new TextEncoder().encode(JSON.stringify({ ...wire, c: c.toString('base64url') }));
    const second = { seq: 2, subj: shareSubject('c-three', sender.id) };
    expect(checkEvent(forged, second, NOW, view, nothingLogged, signatures.check)).toMatchObject({
      t: 'reject',
      reason: 'SIGNATURE_INVALID',
    });
    expect(signatures.remembered).toBe(0);
  });
});
