import { decodeStrictBase64, leafHash, MerkleFrontier } from '@cwtch/audit-log';
import { AuditEntry, type AuditMsgEntry, type EnvelopeHeader } from '@cwtch/contracts';
import {
  b64uDecode,
  b64uEncode,
  decryptWithDisclosedKey,
  initCrypto,
  type ParsedEnvelope,
  parseEnvelope,
  verifyEnvelope,
} from '@cwtch/crypto';
import type { DirectoryView } from '@cwtch/directory';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { classifyLine, parseHeaderLine, parseJsonBytes } from './bundle-lines.ts';
import { checkCheckpoint } from './check-checkpoint.ts';
import { DirectoryHistory } from './directory-history.ts';
import { FindingSink } from './finding.ts';
import { decodeTrust, type Trust } from './trust.ts';

/** What a recipient discloses in a dispute: one message id and that message's content key. */
export interface DisclosureRequest {
  /** Message id (`header.id`). */
  readonly id: string;
  /** The 32-byte content key (CEK) of that message. */
  readonly cek: Uint8Array;
  /** The recipient whose logged copy to use (default: the first copy logged). */
  readonly recipient?: string;
}

/** A disclosed message: its signed header, its content, and where the log holds it. */
export interface Disclosure {
  readonly header: EnvelopeHeader;
  readonly plaintext: Uint8Array;
  /** Leaf index of the logged copy. */
  readonly index: number;
  /** SHARES stream sequence of the retained envelope that was opened. */
  readonly seq: number;
}

const same = (a: Uint8Array, b: string) => b64uEncode(a) === b;

/** Reads the id in a logged header without trusting it (the envelope's signature is checked later). */
function headerId(entry: AuditMsgEntry): string | undefined {
  try {
    const header = parseJsonBytes(b64uDecode(entry.h)) as { id?: unknown } | undefined;
    return typeof header?.id === 'string' ? header.id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Opens one logged share with a disclosed content key (reference §2.9). Finds the `msg` entry of
 * that message id (and recipient), the retained envelope whose header bytes, body hash and
 * signature are the logged ones, verifies the sender's signature with the directory as it stood
 * at that point of the log (at bus time), and decrypts: the CEK must match the signed key
 * commitment. The bundle's checkpoint must verify (log signature and quorum) and its root must
 * cover the entries, so the result rests on the log, not on the file alone.
 * Throws `CwtchError`: `NOT_FOUND` (no such share or no retained envelope),
 * `KEY_COMMITMENT_MISMATCH` (the key belongs to another message), `SIGNATURE_INVALID`
 * (checkpoint or root), `SENDER_KEY_*`, `CONTRACT_INVALID` or `BAD_REQUEST`.
 *
 * @example
 * ```ts
 * const { header, plaintext } = await disclose(readBundleLines('audit.jsonl'), { id, cek }, trust);
 * ```
 */
export async function disclose(
  bundleLines: AsyncIterable<string> | Iterable<string>,
  request: DisclosureRequest,
  trust: Trust,
): Promise<Disclosure> {
  await initCrypto();
  if (request.cek.length !== 32)
    throw new CwtchError(ErrorCode.BAD_REQUEST, 'the content key must be 32 bytes');
  const keys = decodeTrust(trust);
  if (!keys.ok) throw new CwtchError(ErrorCode.BAD_REQUEST, keys.message);
  const sink = new FindingSink();
  const frontier = new MerkleFrontier();
  const directory = new DirectoryHistory(keys.value.governanceKey);
  let checkpoint: ReturnType<typeof checkCheckpoint>['checkpoint'];
  let started = false;
  let found: { entry: AuditMsgEntry; view: DirectoryView | undefined } | undefined;
  const seqs = new Set<number>();
  let opened: { parsed: ParsedEnvelope; seq: number } | undefined;
  for await (const text of bundleLines) {
    if (text.trim() === '') continue;
    if (!started) {
      const header = parseHeaderLine(text);
      if (header === undefined) throw new CwtchError(ErrorCode.CONTRACT_INVALID, 'not an audit bundle');
      const outcome = checkCheckpoint(header, keys.value, Date.now(), 120_000, sink);
      if (!outcome.logSignatureValid || outcome.cosignaturesValid < outcome.cosignaturesRequired) {
        throw new CwtchError(
          ErrorCode.SIGNATURE_INVALID,
          'the checkpoint does not verify with the pinned keys',
        );
      }
      checkpoint = outcome.checkpoint;
      started = true;
      continue;
    }
    const line = classifyLine(text);
    if (line.kind === 'entry') {
      const bytes = decodeStrictBase64(line.line.e);
      if (bytes === undefined)
        throw new CwtchError(ErrorCode.CONTRACT_INVALID, `entry ${line.line.i} is not base64`);
      frontier.append(leafHash(bytes));
      const parsed = AuditEntry.safeParse(parseJsonBytes(bytes));
      if (!parsed.success) continue;
      const entry = parsed.data;
      if (entry.t === 'key') directory.apply(entry, entry.i, sink);
      if (entry.t !== 'msg' || headerId(entry) !== request.id) continue;
      seqs.add(entry.src.seq);
      const to = entry.src.subj.split('.')[2];
      if (found === undefined && (request.recipient === undefined || request.recipient === to)) {
        found = { entry, view: directory.current };
      }
    } else if (
      line.kind === 'envelope' &&
      found !== undefined &&
      seqs.has(line.seq) &&
      opened?.seq !== found.entry.src.seq
    ) {
      // Any retained copy of the same envelope will do; the one logged for this copy is preferred.
      const bytes = decodeStrictBase64(line.b);
      if (bytes === undefined) continue;
      const parsed = parseEnvelope(bytes, { maxBytes: Number.MAX_SAFE_INTEGER });
      const { h, b, s } = found.entry;
      const matches = same(parsed.headerBytes, h) && same(parsed.bodyHash, b) && same(parsed.signature, s);
      if (matches && (opened === undefined || line.seq === found.entry.src.seq)) {
        opened = { parsed, seq: line.seq };
      }
    }
  }
  if (checkpoint === undefined || Buffer.compare(frontier.root(), checkpoint.root) !== 0) {
    throw new CwtchError(ErrorCode.SIGNATURE_INVALID, 'the entries do not match the signed checkpoint');
  }
  const who = request.recipient === undefined ? '' : ` for ${request.recipient}`;
  if (found === undefined)
    throw new CwtchError(ErrorCode.NOT_FOUND, `no share of message ${request.id}${who} is logged`);
  if (opened === undefined) {
    throw new CwtchError(
      ErrorCode.NOT_FOUND,
      `the envelope of message ${request.id} is not retained in the bundle`,
    );
  }
  const { view, entry } = found;
  if (view === undefined) throw new CwtchError(ErrorCode.SENDER_KEY_UNKNOWN, 'no directory before the share');
  const verified = verifyEnvelope(opened.parsed, {
    resolveSigningKey: (agency, kid) => view.signingKey(agency, kid, entry.bt),
  });
  const plaintext = decryptWithDisclosedKey(verified, request.cek);
  return { header: verified.header, plaintext, index: entry.i, seq: opened.seq };
}
