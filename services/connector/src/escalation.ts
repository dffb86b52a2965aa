import { EscalationStep, KindName, kinds, normaliseActor } from '@cwtch/contracts';
import type { DirectoryView } from '@cwtch/directory';
import type { AgencyContext } from './agency-context.ts';
import type { InboxItem, OutboxItem } from './inbox-store.ts';
import { handover } from './outbox-view.ts';
import { sendStatement } from './send-statement.ts';

/** When each step of the ladder falls due, after the share's respond-by. */
export interface EscalationTiming {
  /** Step 2 re-alerts this long after the respond-by (step 1 is at the respond-by). */
  readonly step2AfterMs: number;
}

const [STEP_1, STEP_2] = EscalationStep.options as [EscalationStep, EscalationStep];

/** The steps due at `now` for a respond-by, in order. */
function dueSteps(respondBy: number, now: number, timing: EscalationTiming): EscalationStep[] {
  if (now < respondBy) return [];
  return now >= respondBy + timing.step2AfterMs ? [STEP_1, STEP_2] : [STEP_1];
}

/** An agency's escalation contact from the directory, in one line ("name, phone (hours)"), or null. */
export function escalationContact(view: DirectoryView, agency: string): string | null {
  const e = view.agency(agency)?.escalation;
  if (!e) return null;
  return `${e.name}${e.phone ? `, ${e.phone}` : ''}${e.hours ? ` (${e.hours})` : ''}`;
}

/** True when a kind's payload hands a child over (it needs an acceptance). */
function isHandover(kind: string, payload: unknown): boolean {
  const name = KindName.safeParse(kind);
  return name.success && kinds[name.data].handover(payload);
}

/**
 * True when this agency owes the sender an answer past the respond-by: not acknowledged, or a
 * handover it has neither accepted nor declined. A recalled copy owes nothing.
 */
export function lateAsRecipient(ctx: AgencyContext, item: InboxItem): boolean {
  if (item.recalled) return false;
  if (item.status === 'new') return true;
  if (!isHandover(item.kind, item.payload)) return false;
  return !ctx.store.statementsMade(item.id).some((s) => s.status === 'accepted' || s.status === 'declined');
}

/**
 * The recipients of a share this agency sent that owe it an answer: not acknowledged, or, for a
 * handover nobody has taken over yet, neither accepted nor declined. A recalled, refused or
 * deleted copy owes nothing.
 */
export function lateRecipients(o: OutboxItem): string[] {
  const taken = handover(o) !== null;
  return o.recipients
    .filter((r) => {
      if (r.recalled || r.rejected || r.statements.some((s) => s.status === 'deleted')) return false;
      if (!r.acknowledged) return true;
      if (!o.handover || taken) return false;
      return !r.statements.some((s) => s.status === 'accepted' || s.status === 'declined');
    })
    .map((r) => r.agency);
}

/**
 * One pass of the escalation ladder (DESIGN §6a) over this agency's stored shares, so a deadline
 * survives a restart: a connector down at the respond-by escalates on its first pass back.
 *
 * - As a recipient: a notification still owed an answer alerts this agency's managers (live, and on
 *   the overdue page) naming its escalation contact, and signs an `escalated` statement to the sender.
 * - As a sender: each recipient still owing an answer is flagged in the outbox, this agency's
 *   managers are alerted with that recipient's escalation contact, and an `escalated` statement
 *   goes to the recipient.
 *
 * Each step is signed once per share and party (the store's statement keys), and logged by the
 * audit service, so an auditor can show the ladder ran. Returns the steps taken.
 */
export async function runEscalations(
  ctx: AgencyContext,
  now: number,
  timing: EscalationTiming,
): Promise<number> {
  const view = ctx.directory.view;
  let taken = 0;
  const alert = (side: 'recipient' | 'sender', id: string, agency: string, step: EscalationStep) => {
    taken++;
    ctx.metrics.inc('cwtch_escalations_total', 'Escalation steps taken, per side and step', { side, step });
    ctx.logger.warn({ id, side, agency, step }, 'share escalated: respond-by passed without an answer');
    ctx.events.emit('escalated', { id, side, agency, step });
  };

  for (const item of ctx.store.watchedInbox(now)) {
    if (!lateAsRecipient(ctx, item) || item.respondBy === null) {
      ctx.store.endWatch('inbox', item.id);
      continue;
    }
    const done = new Set(
      ctx.store
        .statementsMade(item.id)
        .filter((s) => s.status === 'escalated')
        .map((s) => s.reason),
    );
    const contact = escalationContact(view, ctx.agency);
    for (const step of dueSteps(item.respondBy, now, timing)) {
      if (done.has(step)) continue;
      await sendStatement(ctx, item, item.from, 'escalated', {
        reason: step,
        actor: normaliseActor(`managers${contact ? `; ${contact}` : ''}`),
      });
      done.add(step);
      alert('recipient', item.id, item.from, step);
    }
    if (done.has(STEP_2)) ctx.store.endWatch('inbox', item.id);
  }

  for (const o of ctx.store.watchedOutbox(now)) {
    const late = lateRecipients(o);
    if (late.length === 0 || o.respondBy === null) {
      ctx.store.endWatch('outbox', o.id);
      continue;
    }
    const done = new Set(
      ctx.store
        .statementsMade(o.id)
        .filter((s) => s.status === 'escalated')
        .map((s) => `${s.reason}.${s.addressee}`),
    );
    for (const to of late) {
      const contact = escalationContact(view, to);
      for (const step of dueSteps(o.respondBy, now, timing)) {
        if (done.has(`${step}.${to}`)) continue;
        await sendStatement(ctx, o, to, 'escalated', {
          reason: step,
          actor: normaliseActor(`managers${contact ? `; call ${contact}` : ''}`),
        });
        done.add(`${step}.${to}`);
        alert('sender', o.id, to, step);
      }
    }
    if (late.every((to) => done.has(`${STEP_2}.${to}`))) ctx.store.endWatch('outbox', o.id);
  }
  return taken;
}

/** Runs {@link runEscalations} every `intervalMs` (one pass at a time); returns a stop function. */
export function watchEscalations(
  ctx: AgencyContext,
  timing: EscalationTiming,
  intervalMs: number,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runEscalations(ctx, Date.now(), timing)
      .catch((err) => ctx.logger.error({ err }, 'escalation pass failed'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  return () => clearInterval(timer);
}
