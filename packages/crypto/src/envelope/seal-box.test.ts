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
import { sealBox } from './seal-box.ts';
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
});
