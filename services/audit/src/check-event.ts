import { parseSubject } from '@cwtch/bus';
import { type Statement, statementOrderIssue } from '@cwtch/contracts';
import {
  authenticateCopy,
  b64uEncode,
  ed25519Verify,
  parseReceipt,
  type SignatureCheck,
  sha256,
  verifyReceipt,
} from '@cwtch/crypto';
import type { DirectoryView } from '@cwtch/directory';
import { ErrorCode, isCwtchError } from '@cwtch/runtime';
import type { EntryBody, Source } from './entries.ts';

/**
 * What the log holds of one message id: its sender, hashes, the recipients of its logged copies,
 * and the statements between its parties logged so far, in log order.
 */
export interface LoggedMessage {
  readonly from: string;
  /** base64url SHA-256 of the header bytes, as receipts carry it. */
  readonly headerHash: string;
  readonly bodyHash: string;
  readonly copies: readonly { readonly to: string }[];
  readonly statements: readonly Statement[];
}

/** What the log already knows, for the duplicate and linking checks. */
export interface LoggedShares {
  /** The message logged under `id`, if any copy of it was logged as a share. */
  get(id: string): LoggedMessage | undefined;
}

const codeOf = (e: unknown, fallback: string) => (isCwtchError(e) ? e.code : fallback);

/**
 * Checks one event from the SHARES stream with no decryption key and turns it into the entry to
 * log (docs/protocol.md, "Which copies are shares"):
 *
 * - a share copy whose sender is authentic ({@link authenticateCopy}, judged at bus time `at`) is
 *   a `msg`, whatever its times: expiry and the rest are the recipient's checks, answered by its
 *   signed receipt. A second copy of a logged id with other hashes, or for the same recipient
 *   again, is `REPLAYED`;
 * - a receipt (a statement between a share's parties, §7) is an `rcpt` only when its signature
 *   verifies, it names a logged share by its header and body hashes, it is between that share's
 *   parties (a recipient of a logged copy and the sender) and in order for them
 *   (`statementOrderIssue`). Otherwise it is `RECEIPT_UNLINKED` or `RECEIPT_OUT_OF_ORDER`;
 * - anything else is a `reject` with its reason, a record of its own. Its `id` and `from` are
 *   set only when a signature vouches for them (the sender or receipt signer), never from a claim.
 *
 * The events come in stream order, and a recipient receipts a copy only after reading it from the
 * stream, so a receipt's share is always logged before the receipt is checked. `checkShareSignature`
 * checks a share copy's signature (a `VerifiedSignatures` check, so the copies of a share sent to
 * several recipients are checked once).
 */
export function checkEvent(
  data: Uint8Array,
  src: Source,
  at: number,
  view: DirectoryView,
  logged: LoggedShares,
  checkShareSignature: SignatureCheck = ed25519Verify,
): EntryBody {
  const subject = parseSubject(src.subj);
  const rejectWith = (code: string, signed?: { id: string; from: string }): EntryBody => ({
    t: 'reject',
    src,
    reason: code,
    sha256: b64uEncode(sha256(data)),
    id: signed?.id ?? null,
    from: signed?.from ?? null,
  });
  if (subject?.type === 'receipt') {
    let body: ReturnType<typeof parseReceipt>['body'];
    let parsed: ReturnType<typeof parseReceipt>;
    try {
      parsed = parseReceipt(data);
      body = parsed.body;
      if (body.to !== subject.sender || body.by.agency !== subject.recipient) {
        return rejectWith(ErrorCode.SUBJECT_MISMATCH);
      }
      verifyReceipt(parsed, (agency, kid) => view.signingKey(agency, kid, at));
    } catch (e) {
      return rejectWith(codeOf(e, ErrorCode.RECEIPT_INVALID));
    }
    const signed = { id: body.id, from: body.by.agency };
    const message = logged.get(body.id);
    if (message === undefined || message.headerHash !== body.hh || message.bodyHash !== body.b) {
      return rejectWith(ErrorCode.RECEIPT_UNLINKED, signed);
    }
    const issue = statementOrderIssue(
      { from: message.from, recipients: message.copies.map((c) => c.to) },
      message.statements,
      { by: body.by.agency, to: body.to, status: body.status, reason: body.reason },
    );
    if (issue) {
      return rejectWith(
        issue.kind === 'order' ? ErrorCode.RECEIPT_OUT_OF_ORDER : ErrorCode.RECEIPT_UNLINKED,
        signed,
      );
    }
    return { t: 'rcpt', src, r: b64uEncode(parsed.bodyBytes), s: b64uEncode(parsed.signature) };
  }
  if (subject?.type !== 'share') return rejectWith(ErrorCode.SUBJECT_MISMATCH);
  const copy = authenticateCopy(data, subject, (agency, kid) => view.signingKey(agency, kid, at), {
    checkSignature: checkShareSignature,
  });
  if (!copy.ok) return rejectWith(copy.code);
  const envelope = copy.envelope;
  const h = envelope.header;
  const headerHash = b64uEncode(sha256(envelope.headerBytes));
  const b = b64uEncode(envelope.bodyHash);
  const before = logged.get(h.id);
  if (
    before !== undefined &&
    (before.headerHash !== headerHash ||
      before.bodyHash !== b ||
      before.copies.some((c) => c.to === subject.to))
  ) {
    return rejectWith(ErrorCode.REPLAYED, { id: h.id, from: h.from.agency });
  }
  return { t: 'msg', src, h: b64uEncode(envelope.headerBytes), b, s: b64uEncode(envelope.signature) };
}
