import { ApiError, EscalationStep, OutboxRecipient, OutboxStatus } from '@cwtch/contracts';
import { type Principal, Role, requireRole } from '@cwtch/http';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AgencyContext } from './agency-context.ts';
import { EmbargoRequest, embargoShare, outboxEmbargo } from './embargo-share.ts';
import { escalationContact } from './escalation.ts';
import type { OutboxItem } from './inbox-store.ts';
import { handover, openedNote, recipientStatus } from './outbox-view.ts';
import { RecallRequest, recallShare } from './recall-share.ts';
import { RespondRequest, respondNotification } from './respond-notification.ts';

type Env = { Variables: { principal: Principal } };

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : iso(ms));

const Statement = z.object({
  status: z.enum(['accepted', 'declined', 'actioned', 'deleted']),
  at: z.iso.datetime(),
  by: z.string().nullable(),
  reason: z.string().nullable(),
  note: z.string().nullable().meta({ description: 'Opened for this agency only; never logged' }),
});

/** `GET /v1/outbox/{id}` answer: every recipient's signed statements, and who took over. */
export const OutboxShare = OutboxStatus.extend({
  recipients: z.array(
    OutboxRecipient.extend({
      status: z.enum([
        'sent',
        'delivered',
        'acknowledged',
        'rejected',
        'accepted',
        'declined',
        'actioned',
        'recalled',
        'deleted',
      ]),
      statements: z.array(Statement),
      recalledAt: z.iso.datetime().nullable(),
      recallReason: z.string().nullable(),
      deletedAt: z.iso.datetime().nullable().meta({ description: 'Signed proof of deletion' }),
    }),
  ),
  takenOverBy: z
    .object({ agency: z.string(), at: z.iso.datetime(), by: z.string().nullable() })
    .nullable()
    .meta({ description: 'The first recipient that accepted the handover' }),
  respondBy: z.iso.datetime().nullable(),
  handover: z.boolean().meta({ description: 'A handover: open until a recipient accepts' }),
  escalations: z
    .array(
      z.object({
        by: z.string().meta({ description: 'Who escalated: this agency, or the recipient' }),
        to: z.string(),
        step: EscalationStep,
        at: z.iso.datetime(),
        alerted: z.string().nullable().meta({ description: 'Who was alerted' }),
        contact: z
          .string()
          .nullable()
          .meta({ description: "The recipient's escalation contact from the directory (to phone)" }),
      }),
    )
    .meta({ description: 'Every step of the escalation ladder either party took, oldest first' }),
  embargo: z
    .object({
      reason: z.string(),
      owner: z.string(),
      until: z.iso.datetime().meta({ description: 'Review date: withheld from subject access until then' }),
      at: z.iso.datetime(),
    })
    .nullable()
    .meta({ description: 'The embargo in force (docs/protocol.md §7), if any' }),
}).meta({ id: 'OutboxShare' });
export type OutboxShare = z.infer<typeof OutboxShare>;

/** `GET /v1/outbox` answer. */
export const OutboxList = z.object({ items: z.array(OutboxShare) }).meta({ id: 'OutboxList' });
const OutboxQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(100) });

/** The API view of one share this agency sent. */
export function outboxView(ctx: AgencyContext, o: OutboxItem): OutboxShare {
  const took = handover(o);
  return {
    id: o.id,
    kind: o.kind,
    createdAt: iso(o.createdAt),
    recipients: o.recipients.map((r) => ({
      agency: r.agency,
      status: recipientStatus(r),
      deliveredAt: isoOrNull(r.delivered?.at),
      acknowledgedAt: isoOrNull(r.acknowledged?.at),
      acknowledgedBy: r.acknowledged?.by ?? null,
      rejectedAt: isoOrNull(r.rejected?.at),
      rejectedReason: r.rejected?.reason ?? null,
      statements: r.statements.map((s) => ({
        status: s.status as 'accepted',
        at: iso(s.at),
        by: s.actor,
        reason: s.reason,
        note: openedNote(ctx, s.note),
      })),
      recalledAt: isoOrNull(r.recalled?.at),
      recallReason: r.recalled?.reason ?? null,
      deletedAt: isoOrNull(r.statements.find((s) => s.status === 'deleted')?.at),
    })),
    takenOverBy: took ? { agency: took.agency, at: iso(took.at), by: took.by } : null,
    respondBy: isoOrNull(o.respondBy),
    handover: o.handover,
    escalations: o.recipients
      .flatMap((r) =>
        r.escalations.map((e) => ({
          by: e.side === 'sender' ? ctx.agency : r.agency,
          to: e.side === 'sender' ? r.agency : ctx.agency,
          step: e.step as EscalationStep,
          at: e.at,
          alerted: e.alerted,
          contact: escalationContact(ctx.directory.view, r.agency),
        })),
      )
      .sort((a, b) => a.at - b.at)
      .map((e) => ({ ...e, at: iso(e.at) })),
    embargo: ((e) => (e ? { ...e, until: iso(e.until), at: iso(e.at) } : null))(outboxEmbargo(ctx, o.id)),
  };
}

const json = <S extends z.ZodType>(schema: S, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const errors = {
  400: json(ApiError, 'Invalid request'),
  401: json(ApiError, 'Missing or invalid bearer token'),
  403: json(ApiError, 'Role does not allow this'),
  404: json(ApiError, 'Not found'),
  409: json(ApiError, 'Out of order (docs/protocol.md §7): already answered, or recalled'),
};
const IdParam = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{22}$/)
    .meta({ param: { name: 'id', in: 'path' } }),
});
const readers = [Role.system, Role.frontdoor, Role.manager] as const;

/**
 * The statements between a share's parties (DESIGN §6a, docs/protocol.md §7): a recipient's
 * `POST /v1/inbox/{id}/respond`, the sender's `GET /v1/outbox`, `GET /v1/outbox/{id}`,
 * `POST /v1/outbox/{id}/recall` and `POST /v1/outbox/{id}/embargo`.
 */
export function statementRoutes(app: OpenAPIHono<Env>, ctx: AgencyContext): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/inbox/{id}/respond',
      summary: 'Accept a handover, decline it, or say what was done (signed statement to the sender)',
      security: [{ bearer: [] }],
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: RespondRequest } }, required: true },
      },
      responses: {
        200: json(
          z.object({
            id: z.string(),
            status: z.enum(['accepted', 'declined', 'actioned']),
            reason: z.string().nullable(),
            at: z.iso.datetime(),
            by: z.string(),
          }),
          'Signed, stored and published',
        ),
        ...errors,
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      requireRole(principal, [Role.frontdoor, Role.manager]);
      const r = await respondNotification(ctx, c.req.valid('param').id, principal.name, c.req.valid('json'));
      return c.json({ ...r, at: iso(r.at) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/outbox',
      summary: "This agency's shares, newest first, with each recipient's latest status",
      security: [{ bearer: [] }],
      request: { query: OutboxQuery },
      responses: { 200: json(OutboxList, 'Newest first'), ...errors },
    }),
    (c) => {
      requireRole(c.get('principal'), readers);
      const { limit } = c.req.valid('query');
      return c.json({ items: ctx.store.outboxList(limit).map((o) => outboxView(ctx, o)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/outbox/{id}',
      summary: 'Every recipient’s signed statements about a share this agency sent',
      security: [{ bearer: [] }],
      request: { params: IdParam },
      responses: { 200: json(OutboxShare, 'Per-recipient status'), ...errors },
    }),
    (c) => {
      requireRole(c.get('principal'), readers);
      const o = ctx.store.outbox(c.req.valid('param').id);
      if (!o) throw new CwtchError(ErrorCode.NOT_FOUND, 'no such share in this outbox');
      return c.json(outboxView(ctx, o), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/outbox/{id}/recall',
      summary: 'Recall a share: each recipient destroys its copy and answers with a signed deleted receipt',
      security: [{ bearer: [] }],
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: RecallRequest } }, required: true },
      },
      responses: {
        202: json(
          z.object({ id: z.string(), recipients: z.array(z.string()), recalledAt: z.iso.datetime() }),
          'Signed recalls on the bus; proofs of deletion follow in the outbox',
        ),
        ...errors,
      },
    }),
    async (c) => {
      requireRole(c.get('principal'), [Role.manager, Role.system]);
      const r = await recallShare(ctx, c.req.valid('param').id, c.req.valid('json'));
      return c.json({ id: r.id, recipients: r.recipients, recalledAt: iso(r.at) }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/outbox/{id}/embargo',
      summary:
        'Withhold a share from subject access reports until a review date (a date today or earlier lifts it)',
      security: [{ bearer: [] }],
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: EmbargoRequest } }, required: true },
      },
      responses: {
        202: json(
          z.object({
            id: z.string(),
            recipients: z.array(z.string()),
            until: z.iso.datetime(),
            inForce: z.boolean().meta({ description: 'False when the review date has come: lifted' }),
          }),
          'Signed embargo statements on the bus, one to each recipient',
        ),
        ...errors,
      },
    }),
    async (c) => {
      requireRole(c.get('principal'), [Role.manager, Role.system]);
      const r = await embargoShare(ctx, c.req.valid('param').id, c.req.valid('json'));
      return c.json({ id: r.id, recipients: r.recipients, until: iso(r.until), inForce: r.inForce }, 202);
    },
  );
}
