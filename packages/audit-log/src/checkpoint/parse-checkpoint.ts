import { ErrorCode } from '@cwtch/runtime';
import { decodeStrictBase64 } from '../encoding/strict-base64.ts';
import { HASH_SIZE } from '../merkle/leaf-hash.ts';
import { isCleanText } from '../note/note-text.ts';
import { ok, type Result, refuse } from '../result.ts';
import type { Checkpoint } from './checkpoint.ts';

/**
 * Parses checkpoint note text (the signed text, not the whole note). Sizes above 2^53 - 1 are
 * refused. Use {@link verifyCheckpoint} for a signed note; this only checks the syntax.
 */
export function parseCheckpoint(text: string): Result<Checkpoint> {
  if (!text.endsWith('\n') || !isCleanText(text)) {
    return refuse(ErrorCode.CONTRACT_INVALID, 'checkpoint text must be clean lines ending in a newline');
  }
  const lines = text.slice(0, -1).split('\n');
  const [origin, sizeLine, rootLine, ...extensions] = lines;
  if (
    origin === undefined ||
    sizeLine === undefined ||
    rootLine === undefined ||
    lines.some((l) => l === '')
  ) {
    return refuse(ErrorCode.CONTRACT_INVALID, 'a checkpoint has at least three non-empty lines');
  }
  if (!/^(0|[1-9][0-9]*)$/.test(sizeLine)) {
    return refuse(ErrorCode.CONTRACT_INVALID, 'the tree size must be decimal without leading zeros');
  }
  const size = Number(sizeLine);
  if (!Number.isSafeInteger(size)) return refuse(ErrorCode.TOO_LARGE, 'the tree size is beyond 2^53 - 1');
  const root = decodeStrictBase64(rootLine);
  if (root === undefined || root.byteLength !== HASH_SIZE) {
    return refuse(ErrorCode.CONTRACT_INVALID, 'the root must be standard base64 of 32 bytes');
  }
  return ok(extensions.length > 0 ? { origin, size, root, extensions } : { origin, size, root });
}
