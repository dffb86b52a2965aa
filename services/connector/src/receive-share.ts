import type { Disposition, JsMsg } from '@cwtch/bus';
import { deadLetterSubject, parseSubject, publishDurable, receiptSubject } from '@cwtch/bus';
import type { ReceiptStatus } from '@cwtch/contracts';
import { checkSenderRules, parseNotification } from '@cwtch/contracts';
import {
  authenticateCopy,
  b64uEncode,
  checkTimes,
  openEnvelope,
  parseEnvelope,
  sha256,
  signReceipt,
  verifyEnvelope,
} from '@cwtch/crypto';
import { CwtchError, ErrorCode, isCwtchError } from '@cwtch/runtime';
import type { AgencyContext } from './agency-context.ts';
import type { NewInboxItem } from './inbox-store.ts';
import { applyReceipt, checkReceipt } from './receive-receipt.ts';
import { subjectReferenceOf } from './subject-reference-of.ts';

/** Publishes a signed receipt about `envelope` back to its sender (idempotent per status). */
export async function sendReceipt(
  ctx: AgencyContext,
  envelope: { id: string; from: string; headerHash: string; bodyHash: string },
  status: ReceiptStatus,
  extra: { actor?: string | null; reason?: string | null } = {},
): Promise<void> {
  const signing = ctx.keyring.signingKey(ctx.directory.view, Date.now());
  const bytes = signReceipt(
    {
      v: 1,
      typ: 'cwtch.receipt.v1',
      id: envelope.id,
      status,
      by: { agency: ctx.agency, kid: signing.kid },
      to: envelope.from,
      at: Date.now(),
      hh: envelope.headerHash,
      b: envelope.bodyHash,
      actor: extra.actor ?? null,
      reason: extra.reason ?? null,
    },
    signing.secretKey,
  );
  await ctx.publisher.publish(
    receiptSubject(envelope.from, ctx.agency),
    bytes,
    `rcpt.${envelope.id}.${ctx.agency}.${status}`,
  );
}

/** A copy whose sender is authentic: what a receipt about it names. */
interface CopyRef {
  readonly id: string;
  readonly from: string;
  readonly headerHash: string;
  readonly bodyHash: string;
}

/**
 * Refuses an envelope for good: it goes to the dead-letter stream with its reason (and only once
 * it is stored there is the original terminated), is recorded locally, and counted. Its message id
 * and sender are recorded only when `authentic` (a signature vouches for them).
 */
async function reject(
  ctx: AgencyContext,
  msg: JsMsg,
  code: string,
  authentic?: CopyRef,
): Promise<Disposition> {
  await publishDurable(ctx.js, deadLetterSubject(ctx.agency), msg.data, {
    msgId: `dlq-${ctx.agency}-${msg.seq}`,
    headers: {
      'Cwtch-Reason': code,
      'Cwtch-Source-Subject': msg.subject,
      'Cwtch-Source-Seq': String(msg.seq),
    },
  });
  ctx.store.recordRejection(msg.seq, code, authentic?.from ?? null, authentic?.id ?? null);
  ctx.metrics.inc('cwtch_envelopes_rejected_total', 'Envelopes refused on open, per reason', { code });
  ctx.logger.warn({ seq: msg.seq, code, id: authentic?.id }, 'envelope rejected');
  return 'term';
}

/** Strict UTF-8: a payload that is not well-formed text is refused, never repaired. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A copy that passed every check: what the inbox stores, and what its receipt names. */
interface Accepted {
  readonly item: NewInboxItem;
  readonly ref: CopyRef;
}

/**
 * Checks one share copy addressed to this agency with every check of DESIGN §5 and decides it:
 * settled at once (a refusal, a replay, a redelivery of what is held), or accepted to be stored.
 * `pending` holds the ids accepted earlier in the same batch and not stored yet: a copy with one
 * of those ids answers `wait`, to be checked again once they are stored.
 *
 * A copy whose sender is not authentic ({@link authenticateCopy}, judged at the time the bus stored
 * it, as the audit service judges it) is refused without a receipt: the share log holds no share
 * for it either. Every other refusal is answered with a signed `rejected` receipt naming the
 * reason, which the share log links to the logged share (docs/protocol.md).
 */
async function checkShare(
  ctx: AgencyContext,
  msg: JsMsg,
  pending: ReadonlySet<string>,
): Promise<Disposition | Accepted | 'wait'> {
  const now = Date.now();
  const busTime = Math.floor(msg.info.timestampNanos / 1e6);
  const route = parseSubject(msg.subject);
  if (route?.type !== 'share' || route.to !== ctx.agency) return reject(ctx, msg, ErrorCode.SUBJECT_MISMATCH);
  const authenticate = () => {
    const view = ctx.directory.view;
    return authenticateCopy(msg.data, route, (agency, kid) => view.signingKey(agency, kid, busTime));
  };
  let copy = authenticate();
  // A key this copy of the directory does not know yet may be a rotation still in flight.
  if (!copy.ok && copy.code === ErrorCode.SENDER_KEY_UNKNOWN && (await ctx.directory.refresh()))
    copy = authenticate();
  if (!copy.ok) return reject(ctx, msg, copy.code);
  const verified = copy.envelope;
  const h = verified.header;
  if (pending.has(h.id)) return 'wait';
  // From here the sender is authentic: it hears about a refusal through a signed receipt.
  const ref: CopyRef = {
    id: h.id,
    from: h.from.agency,
    headerHash: b64uEncode(sha256(verified.headerBytes)),
    bodyHash: b64uEncode(verified.bodyHash),
  };
  const refuse = async (code: string): Promise<Disposition> => {
    await sendReceipt(ctx, ref, 'rejected', { reason: code });
    return reject(ctx, msg, code, ref);
  };

  const stored = ctx.store.get(h.id);
  if (stored) {
    // A replay gets no receipt (the original's receipts stand); the audit service refuses it too.
    if (stored.seq !== msg.seq || stored.bodyHash !== ref.bodyHash)
      return reject(ctx, msg, ErrorCode.REPLAYED, ref);
    // Redelivery of the message we already hold: finish what a crash may have interrupted.
    if (!stored.deliveredReceiptSent) {
      await ctx.store.sendReceiptOnce(h.id, 'delivered', () => sendReceipt(ctx, ref, 'delivered'));
    }
    return 'ack';
  }
  const refused = ctx.store.refusedCopy(h.id);
  if (refused !== undefined) {
    // The copy refused before, redelivered after a crash: its receipt is out, only the term is left.
    if (refused === msg.seq) return 'term';
    return reject(ctx, msg, ErrorCode.REPLAYED, ref);
  }
  try {
    checkTimes(h, now, { maxTtlMs: ctx.maxTtlMs });
  } catch (e) {
    return refuse(isCwtchError(e) ? e.code : ErrorCode.EXPIRED);
  }
  let plaintext: Uint8Array;
  try {
    // The envelope names the key it was sealed to; an older generation may still be held.
    const kid = h.to.find((t) => t.agency === ctx.agency)?.kid;
    let me = kid === undefined ? undefined : ctx.keyring.encryptionKey(kid);
    if (!me && kid !== undefined) {
      // Sealed to a key rotated in a moment ago: its file is on disk before the directory names it.
      await ctx.keyring.load();
      me = ctx.keyring.encryptionKey(kid);
    }
    if (!me) return refuse(kid === undefined ? ErrorCode.NOT_ADDRESSED_TO_ME : ErrorCode.DECRYPTION_FAILED);
    plaintext = openEnvelope(verified, {
      me: { agency: ctx.agency, kid: me.kid, publicKey: me.publicKey, secretKey: me.secretKey },
    }).plaintext;
  } catch (e) {
    return refuse(isCwtchError(e) ? e.code : ErrorCode.DECRYPTION_FAILED);
  }
  let payload: unknown;
  try {
    payload = JSON.parse(UTF8.decode(plaintext));
  } catch {
    return refuse(ErrorCode.CONTRACT_INVALID);
  }
  const contract = parseNotification(h.kind, payload);
  if (!contract.ok) return refuse(contract.code);
  if (contract.version !== h.sv) return refuse(ErrorCode.UNKNOWN_KIND);
  const view = ctx.directory.view;
  const senderType = view.agency(h.from.agency)?.type;
  if (!senderType || checkSenderRules(contract.kind, contract.value, senderType).length > 0)
    return refuse(ErrorCode.CONTRACT_INVALID);
  // The header files the share under a child in the log: it must be the child the payload names.
  if (h.subject !== subjectReferenceOf(ctx.subjectKey, contract.kind, contract.value))
    return refuse(ErrorCode.SUBJECT_REFERENCE_MISMATCH);
  if (!view.agreementCovers(h.agreement, h.from.agency, ctx.agency, h.kind, h.purpose))
    return refuse(ErrorCode.NO_AGREEMENT);
  return {
    ref,
    item: {
      id: h.id,
      seq: msg.seq,
      kind: h.kind,
      from: h.from.agency,
      to: h.to.map((t) => t.agency),
      receivedAt: now,
      issuedAt: h.iat,
      expiresAt: h.exp,
      priority: h.priority,
      respondBy: h.respondBy,
      subject: h.subject,
      purpose: h.purpose,
      agreement: h.agreement,
      headerHash: ref.headerHash,
      bodyHash: ref.bodyHash,
      payload: contract.value,
      envelope: msg.data,
    },
  };
}

/**
 * Stores accepted copies in one group commit (one fsync for them all), and only then announces
 * each and sends its signed `delivered` receipt; a copy is acked once its receipt is out (else
 * retried: the redelivery finds it stored and sends the receipt).
 */
async function storeAccepted(ctx: AgencyContext, accepted: readonly Accepted[]): Promise<Disposition[]> {
  await Promise.all(accepted.map((a) => ctx.store.soon(() => ctx.store.insert(a.item))));
  const sent = await Promise.all(
    accepted.map(async ({ item, ref }) => {
      ctx.metrics.inc('cwtch_notifications_received_total', 'Notifications stored in the inbox, per kind', {
        kind: item.kind,
      });
      ctx.logger.debug({ id: item.id, kind: item.kind, from: item.from }, 'notification stored');
      ctx.events.emit('notification', {
        id: item.id,
        kind: item.kind,
        from: item.from,
        priority: item.priority,
        receivedAt: item.receivedAt,
      });
      try {
        await ctx.store.sendReceiptOnce(item.id, 'delivered', () => sendReceipt(ctx, ref, 'delivered'));
      } catch (err) {
        ctx.logger.warn({ err, id: item.id }, 'delivered receipt not sent; will retry');
        return 'retry' as const;
      }
      return 'ack' as const;
    }),
  );
  return sent;
}

/**
 * Takes what the inbox consumer pulled, in stream order: share copies are checked one by one
 * ({@link checkShare}) and the accepted ones stored together; a statement ({@link receiveReceipt})
 * or a second copy of an id still pending is taken only after what precedes it is stored, so the
 * batch has exactly the effect of taking its messages one at a time.
 */
export async function receiveMessages(ctx: AgencyContext, msgs: readonly JsMsg[]): Promise<Disposition[]> {
  const out: Disposition[] = [];
  let accepted: { at: number; accepted: Accepted }[] = [];
  const pending = new Set<string>();
  const flush = async () => {
    if (accepted.length === 0) return;
    const batch = accepted;
    accepted = [];
    pending.clear();
    const settled = await storeAccepted(
      ctx,
      batch.map((b) => b.accepted),
    );
    batch.forEach((b, i) => {
      out[b.at] = settled[i]!;
    });
  };
  // Statements' writes join the same group commit; each settles once its commit is on disk.
  const statements: Promise<void>[] = [];
  for (const [at, msg] of msgs.entries()) {
    if (parseSubject(msg.subject)?.type === 'receipt') {
      const check = checkReceipt(ctx, msg);
      // A recall, or a statement about a copy still pending here, acts on what is stored.
      if ('recall' in check || ('id' in check && pending.has(check.id))) {
        await flush();
        await Promise.all(statements.splice(0));
        out[at] = await applyReceipt(ctx, msg, check);
      } else
        statements.push(
          applyReceipt(ctx, msg, check).then((d) => {
            out[at] = d;
          }),
        );
      continue;
    }
    let checked = await checkShare(ctx, msg, pending);
    if (checked === 'wait') {
      await flush();
      checked = await checkShare(ctx, msg, pending);
    }
    if (typeof checked === 'string') out[at] = checked as Disposition;
    else {
      accepted.push({ at, accepted: checked });
      pending.add(checked.item.id);
    }
  }
  await Promise.all([flush(), ...statements]);
  return out;
}

/** Takes one share copy (see {@link receiveMessages}). */
export async function receiveShare(ctx: AgencyContext, msg: JsMsg): Promise<Disposition> {
  return (await receiveMessages(ctx, [msg]))[0]!;
}

/**
 * The content key of one stored envelope, for a dispute (crypto reference §2.9): it opens that
 * share and no other. Re-runs the checks that matter on the retained envelope.
 */
export function discloseContentKey(ctx: AgencyContext, bytes: Uint8Array): Uint8Array {
  const parsed = parseEnvelope(bytes);
  const view = ctx.directory.view;
  // Judged at the message's own time: a key revoked since does not make it undisclosable.
  const verified = verifyEnvelope(parsed, {
    resolveSigningKey: (agency, kid) => view.signingKey(agency, kid, parsed.header.iat),
  });
  const kid = parsed.header.to.find((t) => t.agency === ctx.agency)?.kid;
  const me = kid === undefined ? undefined : ctx.keyring.encryptionKey(kid);
  if (!me) throw new CwtchError(ErrorCode.NOT_FOUND, 'the key this share was sealed to is no longer held');
  return openEnvelope(verified, {
    me: { agency: ctx.agency, kid: me.kid, publicKey: me.publicKey, secretKey: me.secretKey },
  }).cek;
}
