import { beforeAll, describe, expect, it } from 'vitest';
import { getSodium, initCrypto } from '../init-crypto.ts';
import { concatBytes } from '../internal/bytes.ts';
import {
  assemble,
  directory,
  explode,
  meOf,
  recipientOf,
  routing,
  seedFrom,
  senderOf,
  testAgency,
} from '../test-support.ts';
import { openEnvelope } from './open-envelope.ts';
import { parseEnvelope } from './parse-envelope.ts';
import { openBox, sealBox } from './seal-box.ts';
import { sealEnvelope } from './seal-envelope.ts';
import { verifyEnvelope } from './verify-envelope.ts';

beforeAll(async () => {
  await initCrypto();
});

describe('sealBox (crypto_box_seal rebuilt with an injected ephemeral seed)', () => {
  it("is opened by libsodium's crypto_box_seal_open", () => {
    const sodium = getSodium();
    const recipient = sodium.crypto_box_keypair();
    const message = seedFrom('message');
    const sealed = sealBox(message, recipient.publicKey, seedFrom('eph'));
    expect(sealed.length).toBe(32 + sodium.crypto_box_SEALBYTES);
    expect(sodium.crypto_box_seal_open(sealed, recipient.publicKey, recipient.privateKey)).toEqual(message);
  });

  it("without a seed takes a fresh ephemeral key each time, and libsodium's crypto_box_seal_open opens it", () => {
    const sodium = getSodium();
    const recipient = sodium.crypto_box_keypair();
    const message = seedFrom('message');
    const one = sealBox(message, recipient.publicKey);
    const two = sealBox(message, recipient.publicKey);
    expect(Buffer.from(one.subarray(0, 32))).not.toEqual(Buffer.from(two.subarray(0, 32)));
    for (const sealed of [one, two])
      expect(sodium.crypto_box_seal_open(sealed, recipient.publicKey, recipient.privateKey)).toEqual(message);
    expect(openBox(one, { publicKey: recipient.publicKey, secretKey: recipient.privateKey })).toEqual(
      message,
    );
  });

  it("has the layout of libsodium's crypto_box_seal: epk || box(m, nonce = BLAKE2b-192(epk || pk))", () => {
    const sodium = getSodium();
    const recipient = sodium.crypto_box_keypair();
    const message = seedFrom('message');
    const theirs = sodium.crypto_box_seal(message, recipient.publicKey);
    const epk = theirs.subarray(0, 32);
    const nonce = sodium.crypto_generichash(24, concatBytes([epk, recipient.publicKey]), null);
    expect(sodium.crypto_box_open_easy(theirs.subarray(32), nonce, epk, recipient.privateKey)).toEqual(
      message,
    );
    // Same seed, same ephemeral key pair: ours is epk || crypto_box_easy(m, nonce, pk, esk).
    const seed = seedFrom('eph');
    const ephemeral = sodium.crypto_box_seed_keypair(seed);
    const ours = sealBox(message, recipient.publicKey, seed.slice());
    const ourNonce = sodium.crypto_generichash(
      24,
      concatBytes([ephemeral.publicKey, recipient.publicKey]),
      null,
    );
    expect(ours).toEqual(
      concatBytes([
        ephemeral.publicKey,
        sodium.crypto_box_easy(message, ourNonce, recipient.publicKey, ephemeral.privateKey),
      ]),
    );
  });

  it('zeroes the ephemeral seed it was given', () => {
    const seed = seedFrom('eph');
    sealBox(new Uint8Array(32), getSodium().crypto_box_keypair().publicKey, seed);
    expect(seed.every((b) => b === 0)).toBe(true);
  });

  it("opens an envelope whose wrapped key came from libsodium's own crypto_box_seal", () => {
    const sodium = getSodium();
    const [cs, police] = [testAgency('swansea-cs'), testAgency('swansea-police')];
    const cek = seedFrom('cek');
    const random = {
      messageId: () => seedFrom('id').slice(0, 16),
      contentKey: () => cek.slice(),
      nonce: () => seedFrom('n').slice(0, 24),
      ephemeralSeed: () => seedFrom('e'),
    };
    const sealed = sealEnvelope({
      ...routing(),
      plaintext: new TextEncoder().encode('interop'),
      sender: senderOf(cs),
      recipients: [recipientOf(police)],
      random,
    });
    const parts = explode(sealed.bytes);
    parts.k[0] = sodium.crypto_box_seal(cek, police.keys.encryption.publicKey);
    const bytes = assemble(parts, { signWith: cs.keys.signing.secretKey });
    const verified = verifyEnvelope(parseEnvelope(bytes), { resolveSigningKey: directory([cs]) });
    expect(new TextDecoder().decode(openEnvelope(verified, { me: meOf(police) }).plaintext)).toBe('interop');
  });

  it("opens what libsodium's crypto_box_seal sealed, and refuses what crypto_box_seal_open refuses", () => {
    const sodium = getSodium();
    const me = sodium.crypto_box_keypair();
    const keys = { publicKey: me.publicKey, secretKey: me.privateKey };
    for (let i = 0; i < 50; i++) {
      const message = seedFrom(`m${i}`).subarray(0, i % 33);
      expect(openBox(sodium.crypto_box_seal(message, me.publicKey), keys)).toEqual(message);
      expect(
        sodium.crypto_box_seal_open(
          sealBox(message, me.publicKey, seedFrom(`e${i}`)),
          me.publicKey,
          me.privateKey,
        ),
      ).toEqual(message);
    }
    const sealed = sodium.crypto_box_seal(seedFrom('m'), me.publicKey);
    const refused = (bytes: Uint8Array, with_ = keys) => {
      expect(() => sodium.crypto_box_seal_open(bytes, with_.publicKey, with_.secretKey)).toThrow();
      expect(() => openBox(bytes, with_)).toThrow(expect.objectContaining({ code: 'DECRYPTION_FAILED' }));
    };
    for (const at of [0, 31, 32, 47, sealed.length - 1]) {
      const flipped = sealed.slice();
      flipped[at]! ^= 1;
      refused(flipped);
    }
    refused(sealed.subarray(0, 47));
    const other = sodium.crypto_box_keypair();
    refused(sealed, { publicKey: other.publicKey, secretKey: other.privateKey });
    // An ephemeral key of small order (here the point of order 1 and one of order 8) agrees on an
    // all-zero secret: refused before any MAC is checked.
    for (const small of [
      '0100000000000000000000000000000000000000000000000000000000000000',
      'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800',
    ]) {
      const forged = sealed.slice();
      forged.set(Buffer.from(small, 'hex'), 0);
      refused(forged);
    }
  });

  it('refuses to seal to a public key of small order', () => {
    expect(() => sealBox(seedFrom('m'), new Uint8Array(32), seedFrom('e'))).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST' }),
    );
  });
});
