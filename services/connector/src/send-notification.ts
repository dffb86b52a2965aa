import { shareSubject } from '@cwtch/bus';
import { checkSenderRules, type KindName, kinds, type Priority, parseNotification } from '@cwtch/contracts';
import { b64uEncode, sealEnvelope, sha256 } from '@cwtch/crypto';
import type { Agreement } from '@cwtch/directory';
import { CwtchError, ErrorCode, isCwtchError } from '@cwtch/runtime';
import type { AgencyContext } from './agency-context.ts';
import type { SendWarning } from './collection-state.ts';
import { type RouteAnswer, routeNotification } from './route-notification.ts';
import { subjectReferenceOf } from './subject-reference-of.ts';

/** A send request as the HTTP API accepts it. */
export interface SendRequest {
  readonly kind: string;
  readonly payload: unknown;
  readonly recipients?: readonly string[] | undefined;
  readonly purpose?: string | undefined;
  readonly respondBy?: number | undefined;
  readonly priority?: Priority | undefined;
}

/** A request whose payload met its contract and its sender rules, with the purpose it states. */
export interface PreparedNotification {
  readonly kind: KindName;
  readonly version: number;
  readonly value: unknown;
  readonly purpose: string | undefined;
}

/**
 * Checks a request's payload against its kind's contract and the sender rules for this agency's
 * type, and finds the purpose it states (the request's, else the payload's). Throws
 * UNKNOWN_KIND or CONTRACT_INVALID with the issues.
 */
export function prepareNotification(
  ctx: AgencyContext,
  req: Pick<SendRequest, 'kind' | 'payload' | 'purpose'>,
): PreparedNotification {
  const parsed = parseNotification(req.kind, req.payload);
  if (!parsed.ok) {
    throw new CwtchError(
      ErrorCode[parsed.code],
      parsed.code === 'UNKNOWN_KIND'
        ? `unknown notification kind "${req.kind}"`
        : `the ${req.kind} payload does not meet its contract`,
      { issues: parsed.issues },
    );
  }
  const me = ctx.directory.view.agency(ctx.agency);
  if (!me) throw new CwtchError(ErrorCode.FORBIDDEN_ROLE, 'this agency is not in the directory');
  const senderIssues = checkSenderRules(parsed.kind, parsed.value, me.type);
  if (senderIssues.length > 0) {
    throw new CwtchError(
      ErrorCode.CONTRACT_INVALID,
      `the ${parsed.kind} payload breaks a rule for a ${me.type} sender`,
      { issues: senderIssues },
    );
  }
  // The agreement is chosen for the purpose the request or the payload states.
  const payloadPurpose = (parsed.value as { purpose?: unknown }).purpose;
  const purpose = req.purpose ?? (typeof payloadPurpose === 'string' ? payloadPurpose : undefined);
  return { kind: parsed.kind, version: parsed.version, value: parsed.value, purpose };
}

/** `POST /v1/notifications/route`: who a send without recipients would go to; nothing is sealed. */
export function dryRun(
  ctx: AgencyContext,
  req: Pick<SendRequest, 'kind' | 'payload' | 'purpose'>,
): RouteAnswer {
  const n = prepareNotification(ctx, req);
  return routeNotification(ctx.directory.view, ctx.agency, n.kind, n.value, n.purpose);
}

/**
 * The recipients of a prepared notification and the one agreement that covers them all: the
 * ones named (each known, not this agency, each under an agreement), else those routing derives
 * from the payload's areas (DESIGN §6a).
 */
function recipientsOf(
  ctx: AgencyContext,
  n: PreparedNotification,
  named: readonly string[] | undefined,
): { recipients: string[]; agreement: Agreement } {
  const view = ctx.directory.view;
  if (!named?.length) {
    const route = routeNotification(view, ctx.agency, n.kind, n.value, n.purpose);
    const agreement = view.directory.agreements.find((g) => g.id === route.agreement.id)!;
    return { recipients: route.recipients.map((r) => r.agency), agreement };
  }
  const recipients = [...new Set(named)];
  for (const r of recipients) {
    if (!view.agency(r)) throw new CwtchError(ErrorCode.UNKNOWN_RECIPIENT, `unknown recipient "${r}"`);
    if (r === ctx.agency) throw new CwtchError(ErrorCode.BAD_REQUEST, 'an agency cannot send to itself');
    if (!view.agreementFor(ctx.agency, r, n.kind, n.purpose)) {
      throw new CwtchError(
        ErrorCode.NO_AGREEMENT,
        `no sharing agreement lets ${ctx.agency} send ${n.kind} to ${r}`,
      );
    }
  }
  const agreement = view.agreementFor(ctx.agency, recipients, n.kind, n.purpose);
  if (!agreement) {
    throw new CwtchError(
      ErrorCode.NO_AGREEMENT,
      'no single sharing agreement covers every recipient; send to each group separately',
    );
  }
  return { recipients, agreement };
}

/**
 * Validates, finds the recipients (named, or routed from the payload's areas) and the agreement
 * that covers them, seals one envelope and publishes a copy per recipient, resolving only when
 * JetStream has stored every copy. Refuses the whole request before anything is published when
 * any check fails.
 */
export async function sendNotification(
  ctx: AgencyContext,
  req: SendRequest,
): Promise<{ id: string; recipients: string[]; warnings?: SendWarning[] }> {
  const parsed = prepareNotification(ctx, req);
  const { purpose } = parsed;
  const view = ctx.directory.view;
  const now = Date.now();
  const contract = kinds[parsed.kind];
  const { recipients, agreement } = recipientsOf(ctx, parsed, req.recipients);
  const respondBy = req.respondBy ?? contract.respondBy?.(parsed.value) ?? null;
  const signing = ctx.keyring.signingKey(view, now);
  const sealed = sealEnvelope({
    iat: now,
    exp: now + ctx.maxTtlMs,
    kind: parsed.kind,
    sv: parsed.version,
    agreement: agreement.id,
    purpose: purpose ?? agreement.purposes[0]!,
    basis: agreement.lawfulBasis,
    priority: req.priority ?? contract.priority,
    respondBy,
    subject: subjectReferenceOf(ctx.subjectKey, parsed.kind, parsed.value),
    plaintext: new TextEncoder().encode(JSON.stringify(parsed.value)),
    sender: { agency: ctx.agency, kid: signing.kid, signSecretKey: signing.secretKey },
    recipients: recipients.map((r) => view.currentKey(r, 'enc', now)),
  });
  // Stored before any copy is published, in a group commit with the other sends of this moment.
  await ctx.store.soon(() =>
    ctx.store.addOutbox({
      id: sealed.id,
      kind: parsed.kind,
      createdAt: now,
      headerHash: b64uEncode(sha256(sealed.headerBytes)),
      bodyHash: b64uEncode(sealed.bodyHash),
      recipients,
      respondBy,
      handover: contract.handover(parsed.value),
      subject: sealed.header.subject,
      facts: contract.boardFacts(parsed.value),
    }),
  );
  await Promise.all(
    recipients.map((to) =>
      ctx.publisher
        .publish(shareSubject(to, ctx.agency), sealed.bytes, `${sealed.id}.${to}`)
        .catch((e: unknown) => {
          if (!isCwtchError(e) || e.code !== ErrorCode.BUS_STORAGE_FULL) throw e;
          // Loud for the sender whose quota is full; every other pair goes on.
          ctx.metrics.inc('cwtch_bus_storage_full_total', 'Share copies the bus refused to store', {
            recipient: to,
          });
          ctx.logger.error({ id: sealed.id, recipient: to, err: e }, 'bus storage full: share copy refused');
          throw new CwtchError(
            ErrorCode.BUS_STORAGE_FULL,
            `the bus refused the copy for ${to} (${e.message}): the region's operator must raise its quota`,
            { cause: e },
          );
        }),
    ),
  );
  // A marker only (JetStream holds the copies): it rides on the next commit, the reply does not wait.
  ctx.store
    .soon(() => ctx.store.markPublished(sealed.id), { durable: false })
    .catch((err: unknown) => ctx.logger.warn({ err, id: sealed.id }, 'could not mark the share published'));
  ctx.metrics.inc('cwtch_shares_sent_total', 'Shares published, per kind', { kind: parsed.kind });
  ctx.logger.debug({ id: sealed.id, kind: parsed.kind, recipients }, 'share published');
  // A recipient that has stopped collecting still gets its copy; the sender is told at once.
  const warnings = ctx.collection.warningsFor(recipients);
  return { id: sealed.id, recipients, ...(warnings.length > 0 ? { warnings } : {}) };
}
