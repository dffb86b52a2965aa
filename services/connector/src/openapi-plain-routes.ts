import { ApiError, InboxItem } from '@cwtch/contracts';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';

const json = (schema: z.ZodType, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
/** The rate limiter's refusal (packages/http), as every `/v1` route documents it. */
export const TOO_MANY_REQUESTS = {
  ...json(ApiError, 'Too many requests for this identity (RATE_LIMITED); wait Retry-After seconds'),
  headers: z.object({ 'Retry-After': z.string().meta({ description: 'Seconds to wait (an integer)' }) }),
};
const refused = {
  401: json(ApiError, 'Missing or invalid bearer token'),
  403: json(ApiError, 'Role does not allow this, or the token is for another agency'),
  429: TOO_MANY_REQUESTS,
};
const Id = z
  .string()
  .regex(/^[A-Za-z0-9_-]{22}$/)
  .meta({ param: { name: 'id', in: 'path' } });

/**
 * Documents in the OpenAPI document the connector's routes that are plain Hono handlers (a
 * stream, text, or kept outside zod validation), so every route an agency developer can call is
 * described (DESIGN §9).
 */
// biome-ignore lint/suspicious/noExplicitAny: any Env of the connector's app
export function documentPlainRoutes(app: OpenAPIHono<any>): void {
  const r = app.openAPIRegistry;
  r.registerPath({
    method: 'get',
    path: '/v1/inbox/stream',
    summary: 'Live inbox events (Server-Sent Events)',
    description:
      'Events: `ready` once subscribed, `notification` (an inbox item as JSON) on each arrival, ' +
      '`receipt` (a delivery or acknowledgement receipt for this agency’s outbox), and `ping` every 15 s. ' +
      'After a reconnect, catch up with `GET /v1/inbox?after=CURSOR`.',
    security: [{ bearer: [] }],
    responses: {
      200: { description: 'An event stream', content: { 'text/event-stream': { schema: z.string() } } },
      ...refused,
    },
  });
  r.registerPath({
    method: 'post',
    path: '/v1/inbox/{id}/disclose',
    summary: 'Disclose one notification’s content key (manager; for a dispute or an audit)',
    description:
      'Returns the content key of the envelope as received, so an auditor can open exactly this ' +
      'share in an evidence bundle (`cwtch audit disclose`). Logged and counted.',
    security: [{ bearer: [] }],
    request: { params: z.object({ id: Id }) },
    responses: {
      200: json(
        z.object({ id: z.string(), cek: z.string().meta({ description: 'The content key, base64url' }) }),
        'The content key',
      ),
      404: json(ApiError, 'No such notification in this inbox'),
      ...refused,
    },
  });
  r.registerPath({
    method: 'get',
    path: '/v1/rejections',
    summary: 'Copies this connector refused, and why (manager or system)',
    security: [{ bearer: [] }],
    responses: {
      200: json(
        z.object({
          items: z.array(
            z.object({
              seq: z.number().int().meta({ description: 'Stream sequence of the refused copy' }),
              at: z.iso.datetime(),
              sender: z.string().nullable(),
              messageId: z.string().nullable(),
              code: z.string().meta({ description: 'Why it was refused, e.g. BAD_SIGNATURE' }),
            }),
          ),
        }),
        'Refused copies, in stream order',
      ),
      ...refused,
    },
  });
  r.registerPath({
    method: 'get',
    path: '/healthz',
    summary: 'Health (no token needed)',
    responses: {
      200: json(
        z.object({
          status: z.enum(['ok', 'log-fork']),
          agency: z.string(),
          directorySerial: z.number().int(),
          witness: z.unknown().meta({ description: 'The log witness’s state, or null' }),
          collection: z.object({ at: z.iso.datetime().nullable(), stale: z.boolean() }),
          webhooks: z
            .object({ queued: z.number().int(), oldestAt: z.iso.datetime().nullable(), gone: z.boolean() })
            .nullable()
            .meta({ description: 'Webhook events waiting for the case system (null: webhooks off)' }),
        }),
        'Healthy',
      ),
      503: json(z.object({ status: z.literal('log-fork') }).passthrough(), 'The witness saw the log fork'),
    },
  });
  r.registerWebhook({
    method: 'post',
    path: 'notification.received',
    summary: 'A notification was stored in this inbox (sent to CWTCH_WEBHOOK_URL)',
    description:
      'Standard Webhooks: `webhook-signature` is `v1,` then the base64 HMAC-SHA256 of ' +
      '`webhook-id.webhook-timestamp.body` under the key in the connector’s `webhook-secret` file ' +
      '(after `whsec_`, base64). Check it on the raw body, refuse a timestamp older than 5 minutes, ' +
      'and drop a `webhook-id` already seen: a retry carries the same id. Any non-2xx answer, a ' +
      'timeout or a refused connection is retried with backoff until CWTCH_WEBHOOK_MAX_AGE_MS; ' +
      '410 Gone stops delivery until the connector restarts.',
    request: {
      headers: z.object({
        'webhook-id': z.string().meta({ description: 'The event id: the same on every retry' }),
        'webhook-timestamp': z
          .string()
          .meta({ description: 'Seconds since 1970 when this attempt was signed' }),
        'webhook-signature': z.string().meta({ description: '`v1,<base64 HMAC-SHA256>`' }),
      }),
      body: {
        content: {
          'application/json': {
            schema: z.object({
              id: z.string().meta({ description: 'The same as `webhook-id`' }),
              type: z.literal('notification.received'),
              timestamp: z.iso.datetime().meta({ description: 'When the notification was stored' }),
              data: InboxItem.meta({ description: 'The inbox item, as `GET /v1/inbox/{id}` returns it' }),
            }),
          },
        },
        required: true,
      },
    },
    responses: {
      200: { description: 'Any 2xx: delivered, never sent again' },
      410: { description: 'Gone: the connector stops delivering until it restarts (the queue is kept)' },
    },
  });
  r.registerPath({
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus metrics (per-kind traffic only with this agency’s token)',
    responses: {
      200: {
        description: 'Prometheus text exposition format 0.0.4',
        content: { 'text/plain': { schema: z.string() } },
      },
      403: json(ApiError, 'The token is for another agency'),
    },
  });
}
