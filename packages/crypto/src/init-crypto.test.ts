import { describe, expect, it } from 'vitest';
import { initCrypto } from './init-crypto.ts';
import { generateAgencyKeys } from './keys/generate-agency-keys.ts';
import { expectCode } from './test-support.ts';

describe('initCrypto', () => {
  it('must complete before any other call, which then works synchronously', async () => {
    expectCode(() => generateAgencyKeys(), 'INTERNAL');
    await initCrypto();
    await initCrypto(); // idempotent
    expect(generateAgencyKeys().signing.publicKey.length).toBe(32);
  });
});
