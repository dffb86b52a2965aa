import { generateKeyPairSync } from 'node:crypto';
import { MAX_SIGNED_DIRECTORY_BYTES } from '@cwtch/bus';
import { ErrorCode } from '@cwtch/runtime';
import { describe, expect, it } from 'vitest';
import type { Directory } from './directory.ts';
import { DirectoryWatcher } from './directory-store.ts';
import { DirectoryView } from './directory-view.ts';
import { type GovernanceKey, signDirectory, verifyDirectory } from './sign-directory.ts';

function governanceKey(): GovernanceKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = (b64: unknown) => new Uint8Array(Buffer.from(String(b64), 'base64url'));
  return {
    kid: 'A'.repeat(43),
    publicKey: raw(publicKey.export({ format: 'jwk' }).x),
    secretKey: raw(privateKey.export({ format: 'jwk' }).d),
  };
}

const key = (
  kid: string,
  use: 'sig' | 'enc',
  extra: Partial<Directory['agencies'][number]['keys'][number]> = {},
) => ({
  kid: kid.padEnd(43, 'x'),
  kty: 'OKP' as const,
  crv: use === 'sig' ? ('Ed25519' as const) : ('X25519' as const),
  x: 'B'.repeat(43),
  use,
  nbf: 1000,
  exp: null,
  status: 'active' as const,
  revokedAt: null,
  reason: null,
  ...extra,
});

const doc = (serial: number): Directory => ({
  v: 1,
  typ: 'cwtch.directory.v1',
  region: 'test',
  serial,
  issuedAt: 5000,
  agencies: [
    {
      id: 'aa-one',
      name: 'A',
      type: 'police',
      codes: [],
      areas: [],
      keys: [
        key('s1', 'sig', { status: 'revoked', revokedAt: 3000, reason: 'compromise' }),
        key('s2', 'sig'),
        key('e1', 'enc'),
        key('e2', 'enc', { nbf: 2000 }),
      ],
    },
    {
      id: 'bb-two',
      name: 'B',
      type: 'voluntary',
      codes: [],
      areas: [],
      keys: [key('s3', 'sig', { exp: 4000 })],
    },
  ],
  agreements: [
    {
      id: 'isp-1',
      title: 'T',
      framework: 'WASPI',
      type: 'ISP',
      senders: ['aa-one'],
      recipients: ['bb-two'],
      kinds: ['missing-episode'],
      purposes: ['locate_missing_child'],
      lawfulBasis: 'x',
    },
  ],
  routes: [{ kind: 'missing-episode', from: 'aa-one', to: ['bb-two'] }],
});

describe('signed directory', () => {
  const gov = governanceKey();

  it('verifies with the pinned governance key and refuses any other key or a changed byte', () => {
    const signed = signDirectory(doc(1), gov);
    expect(verifyDirectory(signed, gov.publicKey).serial).toBe(1);
    expect(() => verifyDirectory(signed, governanceKey().publicKey)).toThrow(
      expect.objectContaining({ code: 'DIRECTORY_SIGNATURE_INVALID' }),
    );
    const wire = JSON.parse(new TextDecoder().decode(signed)) as { d: string };
    const body = JSON.parse(Buffer.from(wire.d, 'base64url').toString()) as Directory;
    body.agreements[0]!.recipients.push('cc-three');
    const tampered = { ...wire, d: Buffer.from(JSON.stringify(body)).toString('base64url') };
    expect(() => verifyDirectory(new TextEncoder().encode(JSON.stringify(tampered)), gov.publicKey)).toThrow(
      expect.objectContaining({ code: 'DIRECTORY_SIGNATURE_INVALID' }),
    );
    expect(() => verifyDirectory(new TextEncoder().encode('{"d":1}'), gov.publicKey)).toThrow(
      expect.objectContaining({ code: 'DIRECTORY_INVALID' }),
    );
  });

  it('refuses to sign a directory larger than the share log can carry, and signs one just within it', () => {
    const withAgencies = (count: number): Directory => ({
      ...doc(1),
      agencies: Array.from({ length: count }, (_, i) => ({
        id: `agency-${i}`,
        name: `Agency ${i}`,
        type: 'police' as const,
        codes: [],
        areas: [],
        keys: [key(`s${i}`, 'sig'), key(`e${i}`, 'enc')],
      })),
      agreements: [],
      routes: [],
    });
    const signs = (count: number) => {
      try {
        return signDirectory(withAgencies(count), gov).length;
      } catch (e) {
        expect(e).toMatchObject({
          code: ErrorCode.TOO_LARGE,
          message: expect.stringMatching(/at most 1047552 bytes/),
        });
        return undefined;
      }
    };
    // The most agencies that sign, found by bisection: one more is refused.
    let [lo, hi] = [1, 4000];
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (signs(mid) === undefined) hi = mid;
      else lo = mid;
    }
    expect(signs(lo)).toBeLessThanOrEqual(MAX_SIGNED_DIRECTORY_BYTES);
    expect(signs(lo + 1)).toBeUndefined();
    expect(lo).toBeGreaterThan(1000);
  });

  it('the watcher takes only newer, verified directories', () => {
    const watcher = new DirectoryWatcher(gov.publicKey);
    expect(watcher.accept(signDirectory(doc(2), gov))).toBe(true);
    expect(watcher.accept(signDirectory(doc(1), gov))).toBe(false);
    expect(watcher.accept(signDirectory(doc(3), governanceKey()))).toBe(false);
    expect(watcher.view.serial).toBe(2);
  });

  it('judges signing keys at a time: revoked from revokedAt, expired from exp, unknown otherwise', () => {
    const view = new DirectoryView(doc(1));
    expect(view.signingKey('aa-one', 's1'.padEnd(43, 'x'), 2999).kid).toBe('s1'.padEnd(43, 'x'));
    expect(() => view.signingKey('aa-one', 's1'.padEnd(43, 'x'), 3000)).toThrow(
      expect.objectContaining({ code: 'SENDER_KEY_REVOKED' }),
    );
    expect(() => view.signingKey('bb-two', 's3'.padEnd(43, 'x'), 4000)).toThrow(
      expect.objectContaining({ code: 'SENDER_KEY_EXPIRED' }),
    );
    expect(() => view.signingKey('bb-two', 's1'.padEnd(43, 'x'), 2000)).toThrow(
      expect.objectContaining({ code: 'SENDER_KEY_UNKNOWN' }),
    );
    expect(() => view.signingKey('aa-one', 'e1'.padEnd(43, 'x'), 2000)).toThrow(
      expect.objectContaining({ code: 'SENDER_KEY_UNKNOWN' }),
    );
  });

  it('picks the newest usable encryption key, and agreements by sender, recipient, kind and purpose', () => {
    const view = new DirectoryView(doc(1));
    expect(view.currentKey('aa-one', 'enc', 1500).kid).toBe('e1'.padEnd(43, 'x'));
    expect(view.currentKey('aa-one', 'enc', 2500).kid).toBe('e2'.padEnd(43, 'x'));
    expect(view.agreementFor('aa-one', 'bb-two', 'missing-episode')?.id).toBe('isp-1');
    expect(view.agreementFor('bb-two', 'aa-one', 'missing-episode')).toBeNull();
    expect(view.agreementFor('aa-one', 'bb-two', 'missing-episode', 'intelligence_submission')).toBeNull();
    expect(view.agreementCovers('isp-1', 'aa-one', 'bb-two', 'missing-episode', 'locate_missing_child')).toBe(
      true,
    );
    expect(view.routeFor('aa-one', 'missing-episode')).toEqual(['bb-two']);
  });
});

describe('cross-region statements', () => {
  const gov = governanceKey();
  /** `doc` with bb-two another region's agency, admitted by a statement for missing-episode under isp-1. */
  const federated = (change: (d: Directory) => Directory = (d) => d): Directory =>
    change({
      ...doc(2),
      agencies: doc(2).agencies.map((a) => (a.id === 'bb-two' ? { ...a, region: 'elsewhere' } : a)),
      regions: [
        {
          region: 'elsewhere',
          governanceKey: 'C'.repeat(43),
          governanceKid: 'D'.repeat(43),
          agencies: ['bb-two'],
          kinds: ['missing-episode'],
          agreement: 'isp-1',
          fromSerial: 1,
        },
      ],
    });
  it('admit another region’s agency only under its statement’s agreement and kinds', () => {
    expect(() => signDirectory(federated(), gov)).not.toThrow();
    expect(verifyDirectory(signDirectory(federated(), gov), gov.publicKey).regions?.[0]?.region).toBe(
      'elsewhere',
    );
    // An agency of another region no statement names.
    expect(() =>
      signDirectory(
        federated((d) => ({ ...d, regions: [] })),
        gov,
      ),
    ).toThrow(/admitted by no cross-region/);
    // Party to an agreement other than the statement's.
    expect(() =>
      signDirectory(
        federated((d) => ({ ...d, agreements: [...d.agreements, { ...d.agreements[0]!, id: 'isp-2' }] })),
        gov,
      ),
    ).toThrow(/only isp-1 may/);
    // A kind the statement does not let cross.
    expect(() =>
      signDirectory(
        federated((d) => ({
          ...d,
          agreements: [{ ...d.agreements[0]!, kinds: ['missing-episode', 'intelligence-form'] }],
        })),
        gov,
      ),
    ).toThrow(/intelligence-form cross to elsewhere/);
    // A statement naming an agency the directory does not hold as that region's.
    expect(() =>
      signDirectory(
        federated((d) => ({ ...d, regions: [{ ...d.regions![0]!, agencies: ['bb-two', 'cc-three'] }] })),
        gov,
      ),
    ).toThrow(/names cc-three/);
  });
});
