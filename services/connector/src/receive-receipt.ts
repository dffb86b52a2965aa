import type { Disposition, JsMsg } from '@cwtch/bus';
import { parseSubject } from '@cwtch/bus';
import { parseReceipt, verifyReceipt } from '@cwtch/crypto';
import { isCwtchError } from '@cwtch/runtime';
import type { AgencyContext } from './agency-context.ts';
import { destroyRecalled } from './destroy-recalled.ts';

/**
 * Takes a statement addressed to this agency: checks its signature against the directory and
 * that its signer is the subject's recipient; a recipient's statement about one of our shares is
 * recorded for the outbox (a note stays sealed until one of our users views it), a sender's
 * `recalled` about a notification in our inbox destroys our copy, and its `escalated` and
 * `embargoed` are recorded beside it. Anything else is terminated and logged (never a note).
 */
export async function receiveReceipt(ctx: AgencyContext, msg: JsMsg): Promise<Disposition> {
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
      return 'term';
    }
    const view = ctx.directory.view;
    verifyReceipt(parsed, (agency, kid) => view.signingKey(agency, kid, now));
    // The sender of a share in our inbox recalls it: destroy our copy and prove it.
    if (body.status === 'recalled') {
      if (await destroyRecalled(ctx, body)) return 'ack';
      ctx.logger.warn({ seq: msg.seq, id: body.id }, 'recall for no share of that sender here');
      return 'term';
    }
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
        return 'term';
      }
      ctx.events.emit('escalated', {
        id: body.id,
        side: 'sender',
        agency: body.by.agency,
        step: body.reason,
      });
      return 'ack';
    }
    // The sender embargoes a notification in our inbox (withheld from subject access): noted here.
    if (body.status === 'embargoed') {
      if (!ctx.store.addStatementFromSender(fields)) {
        ctx.logger.warn({ seq: msg.seq, id: body.id }, 'embargo for no share of that sender here');
        return 'term';
      }
      return 'ack';
    }
    const ok = ctx.store.addReceipt({ ...fields, note: body.note });
    if (!ok) {
      ctx.logger.warn({ seq: msg.seq, id: body.id }, 'receipt for an unknown share');
      return 'term';
    }
    ctx.metrics.inc('cwtch_receipts_received_total', 'Receipts recorded, per status', {
      status: body.status,
    });
    ctx.events.emit(body.status === 'escalated' ? 'escalated' : 'receipt', {
      id: body.id,
      agency: body.by.agency,
      status: body.status,
      ...(body.status === 'escalated' ? { side: 'recipient', step: body.reason } : {}),
    });
    return 'ack';
  } catch (e) {
    ctx.logger.warn({ seq: msg.seq, code: isCwtchError(e) ? e.code : 'INTERNAL' }, 'receipt refused');
    return 'term';
  }
}
