import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { decodeStrictBase64, encodeBase64 } from '../encoding/strict-base64.ts';
import { ok, type Result, refuse } from '../result.ts';
import { isCleanText, isValidKeyName, isValidNoteText } from './note-text.ts';

/** One signature line of a signed note: `— <name> base64(keyId(4) || signature)`. */
export interface NoteSignature {
  /** Key name (no spaces, no `+`). */
  readonly name: string;
  /** The 4-byte key id as a big-endian uint32. */
  readonly keyId: number;
  /** The bytes after the key id (for a cosignature: `u64be(time) || Ed25519 signature`). */
  readonly signature: Uint8Array;
}

/** A C2SP signed note: text ending in a newline, then its signatures. */
export interface SignedNote {
  /** The signed text, including its final newline, without the blank separator line. */
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

/** Most signature lines a note may carry (C2SP requires accepting at least 16). */
export const MAX_NOTE_SIGNATURES = 100;
/** Largest note accepted, in UTF-16 code units. */
export const MAX_NOTE_LENGTH = 1_000_000;

const DASH = '\u2014 ';
const KEY_ID_SIZE = 4;

/**
 * Parses a C2SP signed note (`text`, blank line, signature lines). Only the syntax is checked;
 * the text must not be trusted until a signature from a known key verifies.
 */
export function parseSignedNote(note: string | Uint8Array): Result<SignedNote> {
  let source: string;
  if (typeof note === 'string') {
    source = note;
  } else {
    try {
      source = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(note);
    } catch {
      return refuse(ErrorCode.CONTRACT_INVALID, 'the note is not valid UTF-8');
    }
  }
  if (source.length > MAX_NOTE_LENGTH) return refuse(ErrorCode.TOO_LARGE, 'the note is too large');
  if (!isCleanText(source)) return refuse(ErrorCode.CONTRACT_INVALID, 'the note contains control characters');
  const split = source.lastIndexOf('\n\n');
  if (split < 0 || !source.endsWith('\n')) {
    return refuse(ErrorCode.CONTRACT_INVALID, 'the note has no signature block');
  }
  const text = source.slice(0, split + 1);
  const lines = source.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES)
    return refuse(ErrorCode.TOO_LARGE, 'the note has too many signatures');
  const signatures: NoteSignature[] = [];
  for (const line of lines) {
    const signature = parseSignatureLine(line);
    if (signature === undefined)
      return refuse(ErrorCode.CONTRACT_INVALID, 'the note has a malformed signature line');
    signatures.push(signature);
  }
  return ok({ text, signatures });
}

function parseSignatureLine(line: string): NoteSignature | undefined {
  if (!line.startsWith(DASH)) return undefined;
  const rest = line.slice(DASH.length);
  const space = rest.indexOf(' ');
  if (space < 0) return undefined;
  const name = rest.slice(0, space);
  const bytes = decodeStrictBase64(rest.slice(space + 1));
  if (!isValidKeyName(name) || bytes === undefined || bytes.byteLength <= KEY_ID_SIZE) return undefined;
  const keyId = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).readUInt32BE(0);
  return { name, keyId, signature: bytes.slice(KEY_ID_SIZE) };
}

/** Formats one signature line, newline included. */
export function formatSignatureLine(signature: NoteSignature): string {
  if (
    !isValidKeyName(signature.name) ||
    !Number.isInteger(signature.keyId) ||
    signature.keyId < 0 ||
    signature.keyId > 0xffffffff
  ) {
    throw new CwtchError(
      ErrorCode.BAD_REQUEST,
      'a signature line needs a valid key name and a uint32 key id',
    );
  }
  const bytes = Buffer.alloc(KEY_ID_SIZE + signature.signature.byteLength);
  bytes.writeUInt32BE(signature.keyId, 0);
  bytes.set(signature.signature, KEY_ID_SIZE);
  return `${DASH}${signature.name} ${encodeBase64(bytes)}\n`;
}

/** Formats a signed note: the text, a blank line, one line per signature (at least one). */
export function formatSignedNote(note: SignedNote): string {
  if (!isValidNoteText(note.text) || note.signatures.length === 0) {
    throw new CwtchError(
      ErrorCode.BAD_REQUEST,
      'a signed note needs clean text ending in a newline and a signature',
    );
  }
  return `${note.text}\n${note.signatures.map(formatSignatureLine).join('')}`;
}
