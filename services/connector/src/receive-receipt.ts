import type { Disposition, JsMsg } from '@cwtch/bus';
import { parseSubject } from '@cwtch/bus';
import { parseReceipt, verifyReceipt } from '@cwtch/crypto';
import { isCwtchError } from '@cwtch/runtime';
import type { AgencyContext } from './agency-context.ts';

/**
 * Takes a receipt addressed to this agency (as sender): checks its signature against the
 * directory, that its signer is the subject's recipient and that it names one of our shares, and
 * records it for the outbox. Anything else is terminated and logged.
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
    const ok = ctx.store.addReceipt({
      id: body.id,
      agency: body.by.agency,
      status: body.status,
      at: body.at,
      actor: body.actor,
      reason: body.reason,
      headerHash: body.hh,
      bodyHash: body.b,
    });
    if (!ok) {
      ctx.logger.warn({ seq: msg.seq, id: body.id }, 'receipt for an unknown share');
      return 'term';
    }
    ctx.metrics.inc('cwtch_receipts_received_total', 'Receipts recorded, per status', {
      status: body.status,
    });
    ctx.events.emit('receipt', { id: body.id, agency: body.by.agency, status: body.status });
    return 'ack';
  } catch (e) {
    ctx.logger.warn({ seq: msg.seq, code: isCwtchError(e) ? e.code : 'INTERNAL' }, 'receipt refused');
    return 'term';
  }
}
