import { ed25519Sign, initCrypto } from '@cwtch/crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { SignatureChecks } from './signature-checks.ts';
import { SignaturePool } from './signature-pool.ts';
import { party } from './test-scenario.ts';

const signed = (secretKey: Uint8Array, text: string) => {
  const message = new TextEncoder().encode(text);
  return { message, signature: ed25519Sign(message, secretKey) };
};

beforeAll(async () => {
  await initCrypto();
});

describe('SignaturePool', () => {
  it('checks in worker threads: valid, then a changed signature, message and key each refused', async () => {
    const a = party('swansea-cs').keys.signing;
    const b = party('swansea-police').keys.signing;
    const good = signed(a.secretKey, 'a share');
    const flip = (bytes: Uint8Array, at: number) => bytes.map((x, n) => (n === at ? x ^ 1 : x));
    const jobs = [
      { ...good, publicKey: a.publicKey },
      { ...good, signature: flip(good.signature, 5), publicKey: a.publicKey },
      { ...good, message: flip(good.message, 0), publicKey: a.publicKey },
      { ...good, publicKey: b.publicKey },
      { ...signed(b.secretKey, 'a receipt'), publicKey: b.publicKey },
      // With the identity as key, R = B and S = 1 would satisfy the equation for any message.
      {
        message: good.message,
        signature: new Uint8Array([0x58, ...Array<number>(31).fill(0x66), 1, ...Array<number>(31).fill(0)]),
        publicKey: new Uint8Array([1, ...Array<number>(31).fill(0)]),
      },
    ];
    const pool = new SignaturePool(2);
    try {
      expect([...(await pool.check(jobs))]).toEqual([1, 0, 0, 0, 1, 0]);
      const checks = new SignatureChecks(pool);
      const distinct = [jobs[0], jobs[1], jobs[4]].filter((j) => j !== undefined);
      for (const job of distinct) checks.request(job);
      await checks.dispatch();
      expect(distinct.map((j) => checks.check(j.signature, j.message, j.publicKey))).toEqual([
        true,
        false,
        true,
      ]);
      expect(checks.inline).toBe(0);
      // Bytes it was not asked about are checked here, never taken from another job's answer.
      for (const j of [jobs[2], jobs[3]])
        expect(j && checks.check(j.signature, j.message, j.publicKey)).toBe(false);
      expect(checks.inline).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('leaves the checks to this thread once a worker is gone', async () => {
    const a = party('swansea-cs').keys.signing;
    const pool = new SignaturePool(1);
    await pool.close();
    const checks = new SignatureChecks(pool);
    const job = { ...signed(a.secretKey, 'x'), publicKey: a.publicKey };
    checks.request(job);
    await checks.dispatch();
    expect(checks.check(job.signature, job.message, job.publicKey)).toBe(true);
    expect(checks.inline).toBe(1);
  });
});
