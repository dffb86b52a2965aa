import {
  AcknowledgeResponse,
  ApiError,
  addKindPayloads,
  InboxItem as InboxItemSchema,
  InboxList,
  InboxQuery,
  RouteRequest,
  RouteResponse,
  SendNotificationRequest,
  SendNotificationResponse,
} from '@cwtch/contracts';
import {
  identityKey,
  limitBody,
  type PageAuth,
  type PageFallbacks,
  type Principal,
  Role,
  rateLimit,
  requireRole,
  strictBody,
  type TokenVerifier,
  toErrorResponse,
} from '@cwtch/http';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { acknowledgeNotification } from './acknowledge-notification.ts';
import type { AgencyContext } from './agency-context.ts';
import { boardRoutes } from './board/board-routes.ts';
import { decodeInboxCursor, encodeInboxCursor } from './inbox-cursor.ts';
import { inboxView, iso, isoOrNull } from './inbox-view.ts';
import { connectorGauges } from './metrics.ts';
import { documentPlainRoutes, TOO_MANY_REQUESTS } from './openapi-plain-routes.ts';
import { mountPages } from './pages/mount-pages.ts';
import { discloseContentKey } from './receive-share.ts';
import { schemaRoutes } from './schema-routes.ts';
import { dryRun, sendNotification } from './send-notification.ts';
import { statementRoutes } from './statement-routes.ts';
import type { WebhookSender } from './webhook/webhook-sender.ts';
import type { Witness } from './witness.ts';

type Env = { Variables: { principal: Principal } };

const json = <S extends z.ZodType>(schema: S, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const errors = {
  400: json(ApiError, 'Invalid request or payload (zod issues included)'),
  401: json(ApiError, 'Missing or invalid bearer token'),
  403: json(ApiError, 'Role or sharing agreement does not allow this'),
  404: json(ApiError, 'Not found'),
  413: json(ApiError, 'Request too large'),
  429: TOO_MANY_REQUESTS,
  503: json(ApiError, 'The bus cannot durably accept this now'),
};
const IdParam = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{22}$/)
    .meta({ param: { name: 'id', in: 'path' } }),
});

const senders = [Role.system, Role.frontdoor, Role.manager] as const;
const readers = [Role.system, Role.frontdoor, Role.manager] as const;

/** Builds the connector's HTTP API (DESIGN §9), with its OpenAPI 3.1 document at `/openapi.json`. */
export function createApp(
  ctx: AgencyContext,
  verifyToken: TokenVerifier,
  options: {
    maxBodyBytes: number;
    rateLimit: { capacity: number; refillPerSecond: number };
    witness?: Witness | undefined;
    /** The case system's webhook delivery, when `CWTCH_WEBHOOK_URL` is set. */
    webhooks?: WebhookSender | undefined;
    /** Sign-in and sessions for the front door's pages (DESIGN §9); no pages without it. */
    pages?: PageAuth | undefined;
  },
) {
  const app = new OpenAPIHono<Env>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => ({
          path: i.path as (string | number)[],
          message: i.message,
          code: i.code,
        }));
        return c.json(
          { error: { code: ErrorCode.BAD_REQUEST, message: 'the request is not valid', issues } },
          400,
        );
      }
      return undefined;
    },
  });
  let forBrowsers: PageFallbacks | undefined;
  app.onError((e, c) => {
    const { status, body } = toErrorResponse(e);
    if (status >= 500) ctx.logger.error({ err: e }, 'request failed');
    // A person's browser gets an HTML page in the console's language; API clients keep JSON.
    return forBrowsers?.error(c, e) ?? c.json(body, status as 400);
  });
  app.notFound(
    (c) =>
      forBrowsers?.notFound(c) ??
      c.json({ error: { code: ErrorCode.NOT_FOUND, message: 'no such route' } }, 404),
  );
  app.use('*', secureHeaders());
  app.use(
    '/v1/*',
    limitBody({
      maxSize: options.maxBodyBytes,
      onError: (c) =>
        c.json(
          {
            error: {
              code: ErrorCode.TOO_LARGE,
              message: `request body exceeds ${options.maxBodyBytes} bytes`,
            },
          },
          413,
        ),
    }),
  );
  app.use('/v1/*', async (c, next) => {
    const principal = await verifyToken(c.req.header('authorization'));
    if (principal.agency !== ctx.agency)
      throw new CwtchError(ErrorCode.FORBIDDEN_ROLE, 'this token is for another agency');
    c.set('principal', principal);
    await next();
  });
  // Keyed by who the verified token speaks for, never by the token string.
  app.use('/v1/*', rateLimit<Env>({ ...options.rateLimit, keyOf: (c) => identityKey(c.get('principal')) }));
  // Every body is read as strict UTF-8 text: no U+FFFD stands in for bad bytes, no lone surrogate.
  app.use('/v1/*', strictBody());

  app.get('/healthz', (c) => {
    const witness = options.witness?.status() ?? null;
    const collection = ctx.collection.status();
    // A witness that saw the log fork keeps the connector unhealthy until an operator looks.
    return c.json(
      {
        status: witness?.state === 'fork' ? 'log-fork' : 'ok',
        agency: ctx.agency,
        directorySerial: ctx.directory.view.serial,
        witness,
        // How fresh this connector's knowledge of who is collecting is (send-time warnings).
        collection: { at: isoOrNull(collection.at), stale: collection.stale },
        webhooks: ((w) => (w ? { ...w, oldestAt: isoOrNull(w.oldestAt) } : null))(options.webhooks?.status()),
      },
      witness?.state === 'fork' ? 503 : 200,
    );
  });
  app.get('/metrics', async (c) => {
    // Per-kind traffic only for a token of this agency; without one, the witness's health alone.
    const authorization = c.req.header('authorization');
    if (authorization !== undefined && (await verifyToken(authorization)).agency !== ctx.agency)
      throw new CwtchError(ErrorCode.FORBIDDEN_ROLE, 'this token is for another agency');
    const text = ctx.metrics.render(
      { full: authorization !== undefined },
      connectorGauges(ctx, options.witness?.status(), options.webhooks?.status()),
    );
    return c.text(text, 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
  });

  if (options.pages)
    forBrowsers = mountPages(app, ctx, {
      auth: options.pages,
      maxBodyBytes: options.maxBodyBytes,
      rateLimit: options.rateLimit,
    });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/notifications',
      summary: 'Send a notification',
      security: [{ bearer: [] }],
      request: {
        body: { content: { 'application/json': { schema: SendNotificationRequest } }, required: true },
      },
      responses: {
        202: json(SendNotificationResponse, 'Sealed and stored on the bus for every recipient'),
        ...errors,
      },
    }),
    async (c) => {
      requireRole(c.get('principal'), senders);
      const body = c.req.valid('json');
      const result = await sendNotification(ctx, {
        kind: body.kind,
        payload: body.payload,
        recipients: body.recipients,
        purpose: body.purpose,
        respondBy: body.respondBy ? Date.parse(body.respondBy) : undefined,
        priority: body.priority,
      });
      return c.json(result, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/notifications/route',
      summary: 'Who a send without recipients would go to (a dry run: nothing is sealed or sent)',
      security: [{ bearer: [] }],
      request: { body: { content: { 'application/json': { schema: RouteRequest } }, required: true } },
      responses: {
        200: json(RouteResponse, 'The recipients routing derives from the payload, each with its agreement'),
        422: json(
          ApiError,
          'NO_ROUTE_FOR_AREA: an area the payload names has no front door in the directory',
        ),
        ...errors,
      },
    }),
    (c) => {
      requireRole(c.get('principal'), senders);
      const body = c.req.valid('json');
      return c.json(dryRun(ctx, body), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/inbox',
      summary: 'List the inbox',
      security: [{ bearer: [] }],
      request: { query: InboxQuery },
      responses: {
        200: json(InboxList, 'Newest first; with `after`, oldest first from the cursor, and `next`'),
        ...errors,
      },
    }),
    (c) => {
      requireRole(c.get('principal'), readers);
      const q = c.req.valid('query');
      if (q.after === undefined) return c.json({ items: ctx.store.list(q).map(inboxView) }, 200);
      const page = ctx.store.page({ ...q, after: decodeInboxCursor(q.after) });
      return c.json({ items: page.items.map(inboxView), next: encodeInboxCursor(page.last) }, 200);
    },
  );

  app.get('/v1/inbox/stream', (c) => {
    requireRole(c.get('principal'), readers);
    return streamSSE(c, async (stream) => {
      const onNotification = (n: unknown) =>
        void stream.writeSSE({ event: 'notification', data: JSON.stringify(n) });
      const onReceipt = (r: unknown) => void stream.writeSSE({ event: 'receipt', data: JSON.stringify(r) });
      ctx.events.on('notification', onNotification);
      ctx.events.on('receipt', onReceipt);
      stream.onAbort(() => {
        ctx.events.off('notification', onNotification);
        ctx.events.off('receipt', onReceipt);
      });
      await stream.writeSSE({ event: 'ready', data: '{}' });
      while (!stream.aborted) {
        await stream.sleep(15_000);
        await stream.writeSSE({ event: 'ping', data: '{}' });
      }
    });
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/inbox/{id}',
      summary: 'One notification',
      security: [{ bearer: [] }],
      request: { params: IdParam },
      responses: { 200: json(InboxItemSchema, 'The notification, decrypted'), ...errors },
    }),
    (c) => {
      requireRole(c.get('principal'), readers);
      const item = ctx.store.get(c.req.valid('param').id);
      if (!item) throw new CwtchError(ErrorCode.NOT_FOUND, 'no such notification in this inbox');
      return c.json(inboxView(item), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/inbox/{id}/acknowledge',
      summary: 'Acknowledge a notification (signed receipt to the sender)',
      security: [{ bearer: [] }],
      request: { params: IdParam },
      responses: {
        200: json(AcknowledgeResponse, 'Acknowledged'),
        409: json(ApiError, 'Already acknowledged'),
        ...errors,
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      requireRole(principal, [Role.frontdoor, Role.manager, Role.system]);
      const ack = await acknowledgeNotification(ctx, c.req.valid('param').id, principal.name);
      return c.json(
        {
          id: ack.id,
          status: 'acknowledged' as const,
          acknowledgedAt: iso(ack.acknowledgedAt),
          acknowledgedBy: ack.acknowledgedBy,
        },
        200,
      );
    },
  );

  statementRoutes(app, ctx);
  boardRoutes(app, ctx);

  app.post('/v1/inbox/:id/disclose', async (c) => {
    const principal = c.get('principal');
    requireRole(principal, [Role.manager]);
    const id = c.req.param('id');
    const bytes = ctx.store.envelope(id);
    if (!bytes) throw new CwtchError(ErrorCode.NOT_FOUND, 'no such notification in this inbox');
    const cek = discloseContentKey(ctx, bytes);
    ctx.logger.warn({ id, by: principal.subject }, 'content key disclosed');
    ctx.metrics.inc('cwtch_content_keys_disclosed_total', 'Content keys disclosed for a dispute');
    return c.json({ id, cek: Buffer.from(cek).toString('base64url') });
  });

  app.get('/v1/rejections', (c) => {
    requireRole(c.get('principal'), [Role.manager, Role.system]);
    return c.json({ items: ctx.store.rejections().map((r) => ({ ...r, at: iso(r.at) })) });
  });

  documentPlainRoutes(app);
  schemaRoutes(app);
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  // The send body is described per kind (one payload schema each, discriminated by `kind`).
  let openApi: ReturnType<typeof app.getOpenAPI31Document> | undefined;
  app.get('/openapi.json', (c) => {
    openApi ??= addKindPayloads(
      app.getOpenAPI31Document({
        openapi: '3.1.0',
        info: { title: `Cwtch connector (${ctx.agency})`, version: '1.0.0' },
      }),
    );
    return c.json(openApi);
  });
  return app;
}
