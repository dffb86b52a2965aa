import { parseSubject } from '@cwtch/bus';
import {
  b64uEncode,
  checkTimes,
  parseEnvelope,
  parseReceipt,
  sha256,
  verifyEnvelope,
  verifyReceipt,
} from '@cwtch/crypto';
import type { DirectoryView } from '@cwtch/directory';
import { ErrorCode, isCwtchError } from '@cwtch/runtime';
import type { EntryBody, Source } from './entries.ts';

/** What the log already knows, for duplicate checks. */
export interface SeenCopies {
  /** The body hash logged for `(message id, recipient)`, if that copy was logged. */
  copy(id: string, to: string): string | undefined;
}

const codeOf = (e: unknown, fallback: string) => (isCwtchError(e) ? e.code : fallback);

/**
 * Checks one event from the SHARES stream with no decryption key (open steps 1-5 and subject
 * consistency) and turns it into the entry to log: `msg`/`rcpt` when it verifies, else `reject`
 * with the reason. `at` is the time the bus stored the event.
 */
export function checkEvent(
  data: Uint8Array,
  src: Source,
  at: number,
  view: DirectoryView,
  seen: SeenCopies,
): EntryBody {
  const subject = parseSubject(src.subj);
  const rejectWith = (code: string, id: string | null = null, from: string | null = null): EntryBody => ({
    t: 'reject',
    src,
    reason: code,
    sha256: b64uEncode(sha256(data)),
    id,
    from,
  });
  if (subject?.type === 'receipt') {
    try {
      const parsed = parseReceipt(data);
      const body = parsed.body;
      if (body.to !== subject.sender || body.by.agency !== subject.recipient) {
        return rejectWith(ErrorCode.SUBJECT_MISMATCH, body.id, body.by.agency);
      }
      verifyReceipt(parsed, (agency, kid) => view.signingKey(agency, kid, at));
      return { t: 'rcpt', src, r: b64uEncode(parsed.bodyBytes), s: b64uEncode(parsed.signature) };
    } catch (e) {
      return rejectWith(codeOf(e, ErrorCode.RECEIPT_INVALID));
    }
  }
  if (subject?.type !== 'share') return rejectWith(ErrorCode.SUBJECT_MISMATCH);
  let parsed: ReturnType<typeof parseEnvelope>;
  try {
    parsed = parseEnvelope(data);
  } catch (e) {
    return rejectWith(codeOf(e, ErrorCode.ENVELOPE_MALFORMED));
  }
  const h = parsed.header;
  const claim = [h.id, h.from.agency] as const;
  if (subject.from !== h.from.agency || !h.to.some((t) => t.agency === subject.to)) {
    return rejectWith(ErrorCode.SUBJECT_MISMATCH, ...claim);
  }
  try {
    verifyEnvelope(parsed, { resolveSigningKey: (agency, kid) => view.signingKey(agency, kid, at) });
    checkTimes(h, at);
  } catch (e) {
    return rejectWith(codeOf(e, ErrorCode.SIGNATURE_INVALID), ...claim);
  }
  const b = b64uEncode(parsed.bodyHash);
  if (seen.copy(h.id, subject.to) !== undefined) return rejectWith(ErrorCode.REPLAYED, ...claim);
  return { t: 'msg', src, h: b64uEncode(parsed.headerBytes), b, s: b64uEncode(parsed.signature) };
}
