import { sign } from 'node:crypto';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { isTreeIndex } from '../merkle/tree-math.ts';
import { ed25519PrivateKey, rawPublicKey } from '../note/ed25519-keys.ts';
import { NoteKeyType, noteKeyId } from '../note/note-key-id.ts';
import { isValidKeyName } from '../note/note-text.ts';
import type { NoteSignature } from '../note/signed-note.ts';
import { cosignedMessage, TIME_SIZE } from './cosigned-message.ts';
import { parseCheckpoint } from './parse-checkpoint.ts';

/**
 * A witness cosignature (C2SP tlog-cosignature v1, Ed25519) over checkpoint text: an Ed25519
 * signature over `"cosignature/v1\ntime <time>\n" + text`, carried as
 * `— <name> base64(keyId || u64be(time) || signature)` with key id type 0x04.
 *
 * Sign only after verifying the log's signature and a consistency proof from the last checkpoint
 * this witness cosigned. `time` is in Unix seconds and defaults to now.
 *
 * @example
 * ```ts
 * const cosig = cosignCheckpoint(verified.note.text, 'agency-a.example/witness', witnessKey);
 * const cosigned = formatSignedNote({ ...verified.note, signatures: [...verified.note.signatures, cosig] });
 * ```
 */
export function cosignCheckpoint(
  text: string,
  name: string,
  secretKey: Uint8Array,
  time: number = Math.floor(Date.now() / 1000),
): NoteSignature {
  if (!parseCheckpoint(text).ok)
    throw new CwtchError(ErrorCode.BAD_REQUEST, 'only checkpoint text can be cosigned');
  if (!isValidKeyName(name)) throw new CwtchError(ErrorCode.BAD_REQUEST, 'invalid witness name');
  if (!isTreeIndex(time)) throw new CwtchError(ErrorCode.BAD_REQUEST, 'the time must be whole Unix seconds');
  const privateKey = ed25519PrivateKey(secretKey);
  const signature = Buffer.alloc(TIME_SIZE + 64);
  signature.writeBigUInt64BE(BigInt(time), 0);
  sign(null, cosignedMessage(text, time), privateKey).copy(signature, TIME_SIZE);
  return { name, keyId: noteKeyId(name, NoteKeyType.cosignatureV1, rawPublicKey(privateKey)), signature };
}
