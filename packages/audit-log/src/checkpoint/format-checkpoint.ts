import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { encodeBase64 } from '../encoding/strict-base64.ts';
import { HASH_SIZE } from '../merkle/leaf-hash.ts';
import { isTreeIndex } from '../merkle/tree-math.ts';
import { isCleanText } from '../note/note-text.ts';
import type { Checkpoint } from './checkpoint.ts';

/**
 * The checkpoint note text: origin, decimal size, standard base64 root, then any extension lines,
 * each ending in a newline. This is the exact text the log signs.
 *
 * @example
 * ```ts
 * formatCheckpoint({ origin: 'cwtch.example/audit/v1', size: 3, root });
 * // 'cwtch.example/audit/v1\n3\nrrb8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8ynmbnc=\n'
 * ```
 */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  const { origin, size, root, extensions = [] } = checkpoint;
  if (!isLine(origin)) throw new CwtchError(ErrorCode.BAD_REQUEST, 'the origin must be one non-empty line');
  if (!isTreeIndex(size)) throw new CwtchError(ErrorCode.BAD_REQUEST, 'the size must be a safe whole number');
  if (root.byteLength !== HASH_SIZE) throw new CwtchError(ErrorCode.BAD_REQUEST, 'the root must be 32 bytes');
  if (!extensions.every(isLine))
    throw new CwtchError(ErrorCode.BAD_REQUEST, 'extension lines must be non-empty');
  return [origin, String(size), encodeBase64(root), ...extensions].map((line) => `${line}\n`).join('');
}

function isLine(text: string): boolean {
  return text.length > 0 && !text.includes('\n') && isCleanText(text);
}
