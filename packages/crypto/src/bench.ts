/**
 * CWTCH1 benchmark: seal and open of 2 KiB to 3 recipients, one call in flight. Not a test.
 *   npx tsx packages/crypto/src/bench.ts [seconds per case, default 2]
 */
import { randomFillSync } from 'node:crypto';
import { cpus } from 'node:os';
import { ed25519Sign } from './ed25519/sign-ed25519.ts';
import { ed25519Verify } from './ed25519/verify-ed25519.ts';
import { checkTimes } from './envelope/check-times.ts';
import { openEnvelope } from './envelope/open-envelope.ts';
import { parseEnvelope } from './envelope/parse-envelope.ts';
import { sealEnvelope } from './envelope/seal-envelope.ts';
import type { SigningKeyResolver } from './envelope/types.ts';
import { verifyEnvelope } from './envelope/verify-envelope.ts';
import { getSodium, initCrypto } from './init-crypto.ts';
import { generateAgencyKeys } from './keys/generate-agency-keys.ts';

const seconds = Number(process.argv[2] ?? 2);

function measure(name: string, fn: () => void): void {
  for (let i = 0; i < 200; i++) fn(); // warm-up
  const deadline = performance.now() + seconds * 1000;
  const start = performance.now();
  let n = 0;
  while (performance.now() < deadline) {
    for (let i = 0; i < 50; i++) fn();
    n += 50;
  }
  const elapsed = (performance.now() - start) / 1000;
  const perSecond = n / elapsed;
  console.log(
    `${name.padEnd(44)} ${perSecond.toFixed(0).padStart(8)} ops/s  ${((1e6 * elapsed) / n).toFixed(1).padStart(8)} µs/op`,
  );
}

const initStart = performance.now();
await initCrypto();
console.log(`initCrypto: ${(performance.now() - initStart).toFixed(1)} ms`);
console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${seconds} s per case`);

const sender = { agency: 'swansea-cs', keys: generateAgencyKeys() };
const recipients = ['swansea-police', 'swansea-health', 'swansea-education'].map((agency) => ({
  agency,
  keys: generateAgencyKeys(),
}));
const plaintext = randomFillSync(new Uint8Array(2048));
const now = Date.now();
const input = {
  iat: now,
  exp: now + 86_400_000,
  kind: 'concern',
  sv: 1,
  agreement: 'isa-bench',
  purpose: 'safeguarding',
  basis: 'bench',
  priority: 'routine' as const,
  respondBy: null,
  subject: null,
  plaintext,
  sender: {
    agency: sender.agency,
    kid: sender.keys.signing.kid,
    signSecretKey: sender.keys.signing.secretKey,
  },
  recipients: recipients.map((r) => ({
    agency: r.agency,
    kid: r.keys.encryption.kid,
    publicKey: r.keys.encryption.publicKey,
  })),
};
const resolveSigningKey: SigningKeyResolver = () => ({ publicKey: sender.keys.signing.publicKey });
const me = recipients[0];
if (me === undefined) throw new Error('no recipient');
const meKey = { agency: me.agency, ...me.keys.encryption };

const sealed = sealEnvelope(input);
console.log(`envelope size: ${sealed.bytes.length} bytes (2 KiB plaintext, 3 recipients)`);

measure('seal (2 KiB, 3 recipients)', () => {
  sealEnvelope(input);
});
measure('parse + verify (audit path, no key)', () => {
  verifyEnvelope(parseEnvelope(sealed.bytes), { resolveSigningKey });
});
measure('open (parse + verify + checkTimes + open)', () => {
  const verified = verifyEnvelope(parseEnvelope(sealed.bytes), { resolveSigningKey });
  checkTimes(verified.header, now);
  openEnvelope(verified, { me: meKey });
});
const signed = randomFillSync(new Uint8Array(300));
const secretKey = sender.keys.signing.secretKey;
const publicKey = sender.keys.signing.publicKey;
const signature = ed25519Sign(signed, secretKey);
const sodium = getSodium();
measure('Ed25519 sign, 300 B (node:crypto)', () => {
  ed25519Sign(signed, secretKey);
});
measure('Ed25519 sign, 300 B (libsodium, before)', () => {
  sodium.crypto_sign_detached(signed, secretKey);
});
measure('Ed25519 verify, 300 B (node:crypto)', () => {
  ed25519Verify(signature, signed, publicKey);
});
measure('Ed25519 verify, 300 B (libsodium, before)', () => {
  sodium.crypto_sign_verify_detached(signature, signed, publicKey);
});
