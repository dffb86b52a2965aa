import { receiptSubject } from '@cwtch/bus';
import type { ReceiptStatus, Statement } from '@cwtch/contracts';
import { sealNote, signReceipt } from '@cwtch/crypto';
import type { AgencyContext } from './agency-context.ts';
import type { InboxItem, StatementOut } from './inbox-store.ts';

/** What a statement is about: one share, by its id and the hashes the log links it with. */
export interface ShareRef {
  readonly id: string;
  readonly headerHash: string;
  readonly bodyHash: string;
}

/** The statements already made between this agency and the other party of a share it received. */
export function inboxStatements(ctx: AgencyContext, item: InboxItem): Statement[] {
  const me = ctx.agency;
  const out: Statement[] = [{ by: me, to: item.from, status: 'delivered', reason: null }];
  if (item.status === 'acknowledged')
    out.push({ by: me, to: item.from, status: 'acknowledged', reason: null });
  if (item.recalled) out.push({ by: item.from, to: me, status: 'recalled', reason: item.recalled.reason });
  for (const s of ctx.store.statementsMade(item.id))
    out.push({ by: me, to: s.addressee, status: s.status, reason: s.reason });
  return out;
}

/**
 * Signs a statement about `share` to `to` (docs/protocol.md §7), with its note sealed to the
 * addressee's current encryption key, and stores it before anything is published, so a crash or
 * outage leaves it for {@link flushStatements}. Publishes it; a refusal from the bus is logged
 * (never the note) and left for the flush. Returns the stored statement.
 */
export async function sendStatement(
  ctx: AgencyContext,
  share: ShareRef,
  to: string,
  status: ReceiptStatus,
  extra: {
    actor?: string | null;
    reason?: string | null;
    note?: string | undefined;
    /** The review date of an `embargoed` statement. */
    until?: number | undefined;
  } = {},
): Promise<StatementOut> {
  const now = Date.now();
  const view = ctx.directory.view;
  const signing = ctx.keyring.signingKey(view, now);
  const note =
    extra.note === undefined || extra.note === ''
      ? undefined
      : sealNote(extra.note, view.currentKey(to, 'enc', now).publicKey);
  const bytes = signReceipt(
    {
      v: 1,
      typ: 'cwtch.receipt.v1',
      id: share.id,
      status,
      by: { agency: ctx.agency, kid: signing.kid },
      to,
      at: now,
      hh: share.headerHash,
      b: share.bodyHash,
      actor: extra.actor ?? null,
      reason: extra.reason ?? null,
      ...(note === undefined ? {} : { note }),
      ...(extra.until === undefined ? {} : { until: extra.until }),
    },
    signing.secretKey,
  );
  // Statuses stated once per pair share one key (a retry is deduplicated); outcomes are many.
  // Escalations are one per step and addressee (a sender escalates to each late recipient);
  // embargoes are many, one per addressee each time.
  const key = `rcpt.${share.id}.${ctx.agency}.${status}${status === 'actioned' ? `.${now}` : ''}${status === 'recalled' ? `.${to}` : ''}${status === 'escalated' ? `.${extra.reason}.${to}` : ''}${status === 'embargoed' ? `.${to}.${now}` : ''}`;
  const statement: StatementOut = {
    key,
    id: share.id,
    addressee: to,
    status,
    at: now,
    actor: extra.actor ?? null,
    reason: extra.reason ?? null,
    bytes,
    sent: false,
  };
  await ctx.store.soon(() => ctx.store.addStatement(statement));
  try {
    await publishStatement(ctx, statement);
  } catch (err) {
    ctx.logger.warn({ err, id: share.id, status }, 'statement stored; it waits for the receipt flush');
  }
  return statement;
}

async function publishStatement(ctx: AgencyContext, s: StatementOut): Promise<void> {
  await ctx.publisher.publish(receiptSubject(s.addressee, ctx.agency), s.bytes, s.key);
  await ctx.store.soon(() => ctx.store.markStatementSent(s.key), { durable: false });
}

/** Publishes the signed statements not yet on the bus, each on its own, oldest first. */
export async function flushStatements(ctx: AgencyContext): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (const s of ctx.store.pendingStatements()) {
    try {
      await publishStatement(ctx, s);
      sent++;
    } catch (err) {
      failed++;
      ctx.logger.warn({ err, id: s.id, status: s.status }, 'pending statement not published; retried');
    }
  }
  return { sent, failed };
}
