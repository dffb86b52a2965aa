import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { decodeStrictBase64, encodeBase64 } from '../encoding/strict-base64.ts';
import { ok, type Result, refuse } from '../result.ts';
import { ED25519_KEY_SIZE } from './ed25519-keys.ts';
import { NoteKeyType, noteKeyId } from './note-key-id.ts';
import { isValidKeyName } from './note-text.ts';

/** A parsed verifier key (`<name>+<hex key id>+<base64(type || public key)>`). */
export interface VerifierKey {
  readonly name: string;
  readonly type: NoteKeyType;
  readonly keyId: number;
  readonly publicKey: Uint8Array;
}

/**
 * Parses a verifier key string as Go's `sumdb/note` and the C2SP witness tools write them, for
 * Ed25519 (type 0x01) and Ed25519 cosignature (type 0x04) keys; the key id must match the key.
 */
export function parseVerifierKey(vkey: string): Result<VerifierKey> {
  const first = vkey.indexOf('+');
  const second = vkey.indexOf('+', first + 1);
  if (first <= 0 || second !== first + 9) return refuse(ErrorCode.CONTRACT_INVALID, 'malformed verifier key');
  const name = vkey.slice(0, first);
  const idHex = vkey.slice(first + 1, second);
  const bytes = decodeStrictBase64(vkey.slice(second + 1));
  if (!isValidKeyName(name) || !/^[0-9a-f]{8}$/.test(idHex) || bytes === undefined) {
    return refuse(ErrorCode.CONTRACT_INVALID, 'malformed verifier key');
  }
  const type = bytes[0];
  if (
    (type !== NoteKeyType.ed25519 && type !== NoteKeyType.cosignatureV1) ||
    bytes.byteLength !== 1 + ED25519_KEY_SIZE
  ) {
    return refuse(ErrorCode.CONTRACT_INVALID, 'unsupported verifier key type');
  }
  const publicKey = bytes.slice(1);
  const keyId = Number.parseInt(idHex, 16);
  if (noteKeyId(name, type, publicKey) !== keyId)
    return refuse(ErrorCode.CONTRACT_INVALID, 'verifier key id mismatch');
  return ok({ name, type, keyId, publicKey });
}

/** Formats a verifier key string for a raw 32-byte Ed25519 public key. */
export function formatVerifierKey(name: string, type: NoteKeyType, publicKey: Uint8Array): string {
  if (!isValidKeyName(name) || publicKey.byteLength !== ED25519_KEY_SIZE) {
    throw new CwtchError(ErrorCode.BAD_REQUEST, 'a verifier key needs a valid name and a 32-byte public key');
  }
  const keyId = noteKeyId(name, type, publicKey).toString(16).padStart(8, '0');
  return `${name}+${keyId}+${encodeBase64(Buffer.concat([Buffer.from([type]), publicKey]))}`;
}
