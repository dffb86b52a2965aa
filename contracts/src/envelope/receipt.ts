import { z } from 'zod';
import { AgencyId, B64u, EpochMs, KeyId } from './header.ts';
import {
  ActionOutcome,
  DeclineReason,
  EmbargoReason,
  EscalationStep,
  RecallReason,
} from './receipt-reasons.ts';

/** Longest `actor` a receipt carries, in UTF-16 code units (what `string.length` counts). */
export const ACTOR_MAX_LENGTH = 128;

/** What a receipt names when a worker's name has nothing printable left. */
export const UNNAMED_ACTOR = 'unnamed';

// Controls, lone surrogates, and the bidirectional controls that can make a name read as another.
const INVISIBLE = /[\p{Cc}\p{Cs}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * A worker's name (a token's `name` claim) as a receipt's `actor` can carry it: NFC, whitespace
 * runs collapsed to one space, control and bidirectional characters and lone surrogates removed,
 * trimmed, and cut on a code-point boundary with an ellipsis to at most
 * {@link ACTOR_MAX_LENGTH} code units. Never refuses: a name with nothing left is `unnamed`.
 *
 * @example
 * normaliseActor('  Ann\tJones\u202e ') // 'Ann Jones'
 */
export function normaliseActor(name: string): string {
  const clean = name
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .replace(INVISIBLE, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  if (clean.length === 0) return UNNAMED_ACTOR;
  if (clean.length <= ACTOR_MAX_LENGTH) return clean;
  let cut = '';
  for (const cp of clean) {
    if (cut.length + cp.length > ACTOR_MAX_LENGTH - 1) break;
    cut += cp;
  }
  return `${cut.trimEnd()}\u2026`;
}

/**
 * What a statement between the parties of a share says (docs/protocol.md §7). A recipient signs
 * `delivered`, `rejected` (`reason`: the check that failed), `acknowledged`, `accepted`,
 * `declined` (a {@link DeclineReason}), `actioned` (an {@link ActionOutcome}) and `deleted`; the
 * sender signs `recalled` (a {@link RecallReason}) and `embargoed` (an {@link EmbargoReason}, with
 * its owner as `actor` and its review date as `until`); either signs `escalated` (an {@link EscalationStep}).
 */
export const ReceiptStatus = z.enum([
  'delivered',
  'acknowledged',
  'rejected',
  'accepted',
  'declined',
  'actioned',
  'escalated',
  'recalled',
  'deleted',
  'embargoed',
]);
export type ReceiptStatus = z.infer<typeof ReceiptStatus>;

/** Longest note a statement may carry, in characters, before it is sealed to the addressee. */
export const NOTE_MAX_LENGTH = 1000;

/** The codes `reason` may hold for each status that needs one (`rejected` takes any error code). */
const REASONS: Partial<Record<ReceiptStatus, z.ZodType<string>>> = {
  declined: DeclineReason,
  actioned: ActionOutcome,
  recalled: RecallReason,
  escalated: EscalationStep,
  embargoed: EmbargoReason,
};
const NEEDS_REASON = new Set<ReceiptStatus>([
  'rejected',
  'declined',
  'actioned',
  'recalled',
  'escalated',
  'embargoed',
]);
const MAY_HAVE_NOTE = new Set<ReceiptStatus>(['declined', 'actioned', 'recalled']);

/**
 * A signed receipt body: who (recipient agency and signing kid) says what happened to which
 * message (id, SHA-256 of its header bytes, its body hash) and when. Canonical like the header.
 */
export const ReceiptBody = z
  .strictObject({
    v: z.literal(1),
    typ: z.literal('cwtch.receipt.v1'),
    id: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
    status: ReceiptStatus,
    by: z.strictObject({ agency: AgencyId, kid: KeyId }),
    /** The original sender, to whom the receipt is addressed. */
    to: AgencyId,
    at: EpochMs,
    hh: B64u.length(43),
    b: B64u.length(43),
    /** Role or name of the worker who acknowledged (never child data); null for `delivered`. */
    actor: z.string().min(1).max(ACTOR_MAX_LENGTH).nullable(),
    /** The code a status needs: the failed check (`rejected`), or its list's code; else null. */
    reason: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]{1,63}$/)
      .nullable(),
    /**
     * Free text for the addressee only (`declined`, `actioned`, `recalled`): sealed with
     * `crypto_box_seal` to its current encryption key, base64url. Absent when there is none.
     */
    note: B64u.min(1).max(8192).optional(),
    /**
     * The review date of an `embargoed` statement (and only of one): the share is withheld from
     * subject access reports until then. One at or before `at` lifts the embargo.
     */
    until: EpochMs.optional(),
  })
  .superRefine((r, ctx) => {
    if (NEEDS_REASON.has(r.status) !== (r.reason !== null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: NEEDS_REASON.has(r.status) ? `${r.status} needs a reason` : `${r.status} takes no reason`,
      });
    }
    const codes = REASONS[r.status];
    if (codes && r.reason !== null && !codes.safeParse(r.reason).success) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: `is not a reason ${r.status} may give`,
      });
    }
    if (r.note !== undefined && !MAY_HAVE_NOTE.has(r.status)) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: `${r.status} carries no note` });
    }
    if ((r.status === 'embargoed') !== (r.until !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['until'],
        message:
          r.status === 'embargoed' ? 'embargoed needs a review date' : `${r.status} has no review date`,
      });
    }
    if (r.status === 'embargoed' && r.actor === null) {
      ctx.addIssue({ code: 'custom', path: ['actor'], message: 'embargoed names its owner' });
    }
  });
export type ReceiptBody = z.infer<typeof ReceiptBody>;

/** Receipt on the wire: canonical body bytes and an Ed25519 signature, both base64url. */
export const ReceiptWire = z.strictObject({ r: B64u.min(1), s: B64u.length(86) });
export type ReceiptWire = z.infer<typeof ReceiptWire>;
