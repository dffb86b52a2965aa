import { AgencyId } from '@cwtch/contracts';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { b64uDecode } from '../encoding/b64u-decode.ts';
import { getSodium } from '../init-crypto.ts';
import { keyId } from './key-id.ts';
import { PRIVATE_KEY_FILE_TYPE } from './serialise-private-key-file.ts';
import type { AgencyKeys, KeyCurve } from './types.ts';

/** An agency's keys as read from its private key file. */
export interface PrivateKeyFile {
  readonly agency: string;
  readonly keys: AgencyKeys;
}

function invalid(message: string): CwtchError {
  return new CwtchError(ErrorCode.CONFIG_INVALID, `private key file: ${message}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readJwk(value: unknown, crv: KeyCurve, name: string): { kid: string; x: Uint8Array; d: Uint8Array } {
  if (!isRecord(value)) throw invalid(`${name} must be an object`);
  const keys = Object.keys(value).sort().join(',');
  if (keys !== 'crv,d,kid,kty,use,x') throw invalid(`${name} must have exactly kid, kty, crv, x, d, use`);
  if (value.kty !== 'OKP' || value.crv !== crv || value.use !== (crv === 'Ed25519' ? 'sig' : 'enc')) {
    throw invalid(`${name} must be an OKP ${crv} key`);
  }
  if (typeof value.kid !== 'string' || typeof value.x !== 'string' || typeof value.d !== 'string') {
    throw invalid(`${name} members must be strings`);
  }
  const x = b64uDecode(value.x, ErrorCode.CONFIG_INVALID);
  const d = b64uDecode(value.d, ErrorCode.CONFIG_INVALID);
  if (x.length !== 32 || d.length !== 32) throw invalid(`${name} keys must be 32 bytes`);
  if (keyId(x, crv) !== value.kid) throw invalid(`${name} kid is not the thumbprint of its key`);
  return { kid: value.kid, x, d };
}

/**
 * Reads a private key file written by `serialisePrivateKeyFile`, re-deriving each public key from
 * its private part and checking it against `x` and `kid`. Throws `CONFIG_INVALID` (the message never
 * contains key material).
 */
export function parsePrivateKeyFile(text: string): PrivateKeyFile {
  const sodium = getSodium();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw invalid('not JSON');
  }
  if (!isRecord(raw)) throw invalid('must be an object');
  if (Object.keys(raw).sort().join(',') !== 'agency,encryption,signing,typ,v') {
    throw invalid('must have exactly v, typ, agency, signing, encryption');
  }
  if (raw.v !== 1 || raw.typ !== PRIVATE_KEY_FILE_TYPE) {
    throw invalid(`must be v 1, typ ${PRIVATE_KEY_FILE_TYPE}`);
  }
  const agency = AgencyId.safeParse(raw.agency);
  if (!agency.success) throw invalid('invalid agency id');
  const sig = readJwk(raw.signing, 'Ed25519', 'signing');
  const enc = readJwk(raw.encryption, 'X25519', 'encryption');
  const signing = sodium.crypto_sign_seed_keypair(sig.d);
  sodium.memzero(sig.d);
  if (!sodium.memcmp(signing.publicKey, sig.x)) throw invalid('signing d does not match x');
  if (!sodium.memcmp(sodium.crypto_scalarmult_base(enc.d), enc.x)) {
    throw invalid('encryption d does not match x');
  }
  return {
    agency: agency.data,
    keys: {
      signing: { kid: sig.kid, publicKey: signing.publicKey, secretKey: signing.privateKey },
      encryption: { kid: enc.kid, publicKey: enc.x, secretKey: enc.d },
    },
  };
}
