import { type AuditMsgEntry, type AuditReceiptEntry, EnvelopeHeader } from '@cwtch/contracts';
import {
  b64uDecode,
  b64uEncode,
  type ParsedLoggedShare,
  type ParsedReceipt,
  parseLoggedShare,
  parseReceiptMembers,
  type SignatureCheck,
  sha256,
  verifyParsedLoggedShare,
  verifyReceipt,
} from '@cwtch/crypto';
import type { DirectoryView } from '@cwtch/directory';
import { ErrorCode, isCwtchError } from '@cwtch/runtime';
import { parseJsonBytes } from './bundle-lines.ts';
import { FindingCode, type FindingSink } from './finding.ts';
import type { ShareLedger } from './share-ledger.ts';
import type { SignerLog } from './signer-log.ts';

/** What the per-entry checks read and write. */
export interface EntryContext {
  /** The directory as it stood at this point of the log (latest verified key statement). */
  readonly view: DirectoryView | undefined;
  readonly sink: FindingSink;
  readonly ledger: ShareLedger;
  readonly signers: SignerLog;
  readonly checkSignature: SignatureCheck;
}

/** A value worked out ahead (by `EntryVerifier.read`), or what it threw. */
export type Attempt<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: unknown };

/** Runs `work`, keeping what it returns or throws. */
export function attempt<T>(work: () => T): Attempt<T> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    return { ok: false, error };
  }
}

const codeOf = (e: unknown, fallback: string): string => (isCwtchError(e) ? e.code : fallback);
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The two agency tokens of `cwtch.<share|receipt>.<a>.<b>` (the schema already checked the form). */
function tokens(subject: string): [string, string] {
  const parts = subject.split('.');
  return [parts[2] ?? '', parts[3] ?? ''];
}

/** Reads id and sender from header bytes without trusting them, so a bad share still links. */
function peekHeader(h: string): EnvelopeHeader | undefined {
  try {
    const parsed = EnvelopeHeader.safeParse(parseJsonBytes(b64uDecode(h)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A `msg` entry: the sender's signature over `H || B` with the key the directory of that point
 * gives at the entry's bus time, and the subject's tokens against the header's `from` and `to`.
 * Times are the recipient's check (docs/protocol.md): a copy that had expired at bus time is
 * noted, and only a receipt accepting it is a finding. The copy goes to the ledger even when a
 * check fails.
 */
export function checkShare(
  entry: AuditMsgEntry,
  ctx: EntryContext,
  share: Attempt<ParsedLoggedShare> = attempt(() => parseLoggedShare(entry)),
): void {
  const { sink, view } = ctx;
  const index = entry.i;
  let header: EnvelopeHeader | undefined;
  if (view === undefined) {
    sink.add(index, FindingCode.NO_DIRECTORY, 'share logged before any verified key statement');
  } else {
    try {
      if (!share.ok) throw share.error;
      const resolve = (agency: string, kid: string) => view.signingKey(agency, kid, entry.bt);
      const verified = verifyParsedLoggedShare(share.value, resolve, ctx.checkSignature);
      header = verified;
      ctx.signers.record(verified.from.agency, verified.from.kid, index, entry.bt);
    } catch (e) {
      sink.add(index, codeOf(e, ErrorCode.SIGNATURE_INVALID), `share: ${messageOf(e)}`);
    }
  }
  // A share whose header parsed but whose signature failed still links by that header.
  header ??= share.ok ? share.value.header : peekHeader(entry.h);
  if (header === undefined) return;
  const [to, from] = tokens(entry.src.subj);
  if (from !== header.from.agency || !header.to.some((p) => p.agency === to)) {
    sink.add(
      index,
      ErrorCode.SUBJECT_MISMATCH,
      `subject ${entry.src.subj} does not match a share from ${header.from.agency}`,
    );
  }
  const hh = b64uEncode(sha256(share.ok ? share.value.headerBytes : b64uDecode(entry.h)));
  ctx.ledger.addShare(
    index,
    {
      id: header.id,
      from: header.from.agency,
      to,
      hh,
      b: entry.b,
      seq: entry.src.seq,
      ts: entry.ts,
      expired: entry.bt > header.exp,
    },
    sink,
  );
}

/**
 * An `rcpt` entry: the receipt wire `{r, s}` parses, its signature verifies with the recipient's
 * key from the directory of that point at bus time, and the subject names its sender and signer.
 * Only a verified receipt counts for its share.
 */
export function checkReceipt(
  entry: AuditReceiptEntry,
  ctx: EntryContext,
  receipt: Attempt<ParsedReceipt> = attempt(() => parseReceiptMembers(entry)),
): void {
  const { sink, view } = ctx;
  const index = entry.i;
  if (!receipt.ok) {
    const e = receipt.error;
    sink.add(index, codeOf(e, ErrorCode.RECEIPT_INVALID), `receipt: ${messageOf(e)}`);
    return;
  }
  const parsed = receipt.value;
  const body = parsed.body;
  const [sender, recipient] = tokens(entry.src.subj);
  if (sender !== body.to || recipient !== body.by.agency) {
    sink.add(
      index,
      ErrorCode.SUBJECT_MISMATCH,
      `subject ${entry.src.subj} does not match a receipt from ${body.by.agency} to ${body.to}`,
    );
  }
  if (view === undefined) {
    sink.add(index, FindingCode.NO_DIRECTORY, 'receipt logged before any verified key statement');
    return;
  }
  try {
    verifyReceipt(parsed, (agency, kid) => view.signingKey(agency, kid, entry.bt), ctx.checkSignature);
  } catch (e) {
    sink.add(index, codeOf(e, ErrorCode.RECEIPT_INVALID), `receipt: ${messageOf(e)}`);
    return;
  }
  ctx.signers.record(body.by.agency, body.by.kid, index, entry.bt);
  ctx.ledger.addReceipt(index, body, sink);
}
