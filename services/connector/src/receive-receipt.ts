import type { Disposition, JsMsg } from '@cwtch/bus';
import { parseSubject } from '@cwtch/bus';
import type { ReceiptBody } from '@cwtch/contracts';
import { parseReceipt, verifyReceipt } from '@cwtch/crypto';
import { isCwtchError } from '@cwtch/runtime';
import type { AgencyContext } from './agency-context.ts';
import { destroyRecalled } from './destroy-recalled.ts';

/** What checking a statement decided: settled at once, a recall to act on, or writes to store. */
export type ReceiptCheck =
  | { readonly settled: Disposition }
  | { readonly recall: ReceiptBody }
  | {
      readonly id: string;
      /** The store writes (synchronous, inside a group commit); `announce` runs once they are on disk. */
      readonly apply: () => { disposition: Disposition; announce?: () => void };
    };

/**
 * Checks a statement addressed to this agency: its signature against the directory and that its
 * signer is the subject's recipient. A recipient's statement about one of our shares is recorded
 * for the outbox (a note stays sealed until one of our users views it), a sender's `recalled`
 * about a notification in our inbox destroys our copy, and its `escalated` and `embargoed` are
 * recorded beside it. Anything else is terminated and logged (never a note).
 */
export function checkReceipt(ctx: AgencyContext, msg: JsMsg): ReceiptCheck {
  const now = Date.now();
  try {
    const parsed = parseReceipt(msg.data);
    const body = parsed.body;
    const subject = parseSubject(msg.subject);
    if (
      subject?.type !== 'receipt' ||
      subject.sender !== ctx.agency ||
      body.to !== ctx.agency ||
      body.by.agency !== subject.recipient
    ) {
      ctx.logger.warn({ seq: msg.seq }, 'receipt subject mismatch');
      return { settled: 'term' };
    }
    const view = ctx.directory.view;
    verifyReceipt(parsed, (agency, kid) => view.signingKey(agency, kid, now));
    if (body.status === 'recalled') return { recall: body };
    return { id: body.id, apply: () => applyStatement(ctx, msg, body) };
  } catch (e) {
    ctx.logger.warn({ seq: msg.seq, code: isCwtchError(e) ? e.code : 'INTERNAL' }, 'receipt refused');
    return { settled: 'term' };
  }
}

function applyStatement(
  ctx: AgencyContext,
  msg: JsMsg,
  body: ReceiptBody,
): { disposition: Disposition; announce?: () => void } {
  const fields = {
    id: body.id,
    agency: body.by.agency,
    status: body.status,
    at: body.at,
    actor: body.actor,
    reason: body.reason,
    headerHash: body.hh,
    bodyHash: body.b,
  };
  // The sender of a notification in our inbox escalates it: our managers see the sender chasing.
  if (body.status === 'escalated' && ctx.store.get(body.id)?.from === body.by.agency) {
    if (!ctx.store.addStatementFromSender(fields)) {
      ctx.logger.warn({ seq: msg.seq, id: body.id }, 'escalation does not match the share held here');
      return { disposition: 'term' };
    }
    return {
      disposition: 'ack',
      announce: () =>
        ctx.events.emit('escalated', {
          id: body.id,
          side: 'sender',
          agency: body.by.agency,
          step: body.reason,
        }),
    };
  }
  // The sender embargoes a notification in our inbox (withheld from subject access): noted here.
  if (body.status === 'embargoed') {
    if (!ctx.store.addStatementFromSender(fields)) {
      ctx.logger.warn({ seq: msg.seq, id: body.id }, 'embargo for no share of that sender here');
      return { disposition: 'term' };
    }
    return { disposition: 'ack' };
  }
  if (!ctx.store.addReceipt({ ...fields, note: body.note })) {
    ctx.logger.warn({ seq: msg.seq, id: body.id }, 'receipt for an unknown share');
    return { disposition: 'term' };
  }
  return {
    disposition: 'ack',
    announce: () => {
      ctx.metrics.inc('cwtch_receipts_received_total', 'Receipts recorded, per status', {
        status: body.status,
      });
      ctx.events.emit(body.status === 'escalated' ? 'escalated' : 'receipt', {
        id: body.id,
        agency: body.by.agency,
        status: body.status,
        ...(body.status === 'escalated' ? { side: 'recipient', step: body.reason } : {}),
      });
    },
  };
}

/** Acts on a checked statement: a recall at once, anything else in the next group commit. */
export async function applyReceipt(
  ctx: AgencyContext,
  msg: JsMsg,
  check: ReceiptCheck,
): Promise<Disposition> {
  if ('settled' in check) return check.settled;
  if ('recall' in check) {
    // The sender of a share in our inbox recalls it: destroy our copy and prove it.
    if (await destroyRecalled(ctx, check.recall)) return 'ack';
    ctx.logger.warn({ seq: msg.seq, id: check.recall.id }, 'recall for no share of that sender here');
    return 'term';
  }
  const { disposition, announce } = await ctx.store.soon(check.apply);
  announce?.();
  return disposition;
}

/** Takes one statement addressed to this agency ({@link checkReceipt}, then {@link applyReceipt}). */
export async function receiveReceipt(ctx: AgencyContext, msg: JsMsg): Promise<Disposition> {
  return applyReceipt(ctx, msg, checkReceipt(ctx, msg));
}
