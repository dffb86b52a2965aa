import { createUser, fromSeed } from '@nats-io/nkeys';
import { credsAuthenticator, nkeyAuthenticator } from '@nats-io/transport-node';
import { describe, expect, it } from 'vitest';
import { createNkeyUser, credsAuth, nkeyAuth, nkeyPublicKey } from './nkey-native.ts';

const te = new TextEncoder();

describe('nkeys through node:crypto (the NATS client library is the oracle)', () => {
  it('reads a seed to the same public key and answers a nonce with the same signature, for users and operators', () => {
    for (let n = 0; n < 20; n++) {
      const seed = new TextDecoder().decode(createUser().getSeed());
      expect(nkeyPublicKey(seed)).toBe(fromSeed(te.encode(seed)).getPublicKey());
      const nonce = `nonce-${n}-${'x'.repeat(n)}`;
      expect(nkeyAuth(`${seed}\n`)(nonce)).toEqual(nkeyAuthenticator(te.encode(seed))(nonce));
    }
  });

  it('creates seeds the client library reads to the same public key', () => {
    for (let n = 0; n < 20; n++) {
      const { seed, publicKey } = createNkeyUser();
      expect(seed).toMatch(/^SU[A-Z2-7]{56}$/);
      expect(publicKey).toMatch(/^U[A-Z2-7]{55}$/);
      expect(fromSeed(te.encode(seed)).getPublicKey()).toBe(publicKey);
    }
  });

  it('answers a creds file as the client library does: its JWT, public key and signature', () => {
    const seed = new TextDecoder().decode(createUser().getSeed());
    const creds = `-----BEGIN NATS USER JWT-----\neyJhbGciOiJlZDI1NTE5In0.eyJzdWIiOiJVIn0.c2ln\n------END NATS USER JWT------\n\n************************* IMPORTANT *************************\nNKEY Seed printed below can be used to sign and prove identity.\n\n-----BEGIN USER NKEY SEED-----\n${seed}\n------END USER NKEY SEED------\n\n*************************************************************\n`;
    expect(credsAuth(creds)('abc')).toEqual(credsAuthenticator(te.encode(creds))('abc'));
  });

  it('refuses what is not a seed: a public key, a changed character, another alphabet, a creds file without a seed', () => {
    const seed = new TextDecoder().decode(createUser().getSeed());
    const flipped = seed.slice(0, 20) + (seed[20] === 'A' ? 'B' : 'A') + seed.slice(21);
    for (const bad of [nkeyPublicKey(seed), flipped, seed.toLowerCase(), `${seed}A`, ''])
      expect(() => nkeyAuth(bad), bad).toThrow(/not an nkey seed/);
    expect(() => credsAuth('-----BEGIN NATS USER JWT-----\nabc\n------END NATS USER JWT------\n')).toThrow(
      /not a NATS creds file/,
    );
  });
});
