import type { AgencyContext } from '../agency-context.ts';
import type { ConnectorConfig } from '../config.ts';
import { webhookBody } from './webhook-body.ts';
import { loadWebhookSecret } from './webhook-secret.ts';
import { WebhookSender } from './webhook-sender.ts';

/**
 * Starts delivering webhooks to the case system when `CWTCH_WEBHOOK_URL` is set (the store must
 * have been opened with `webhooks: true`); undefined when it is not.
 */
export async function startWebhooks(
  ctx: AgencyContext,
  config: ConnectorConfig,
): Promise<WebhookSender | undefined> {
  if (config.CWTCH_WEBHOOK_URL === undefined) return undefined;
  const sender = new WebhookSender(ctx.store.webhooks, (event) => webhookBody(ctx.store, event), {
    url: config.CWTCH_WEBHOOK_URL,
    secret: await loadWebhookSecret(config.CWTCH_AGENCY_DIR),
    timeoutMs: config.CWTCH_WEBHOOK_TIMEOUT_MS,
    retry: {
      minMs: config.CWTCH_WEBHOOK_RETRY_MIN_MS,
      maxMs: config.CWTCH_WEBHOOK_RETRY_MAX_MS,
      maxAgeMs: config.CWTCH_WEBHOOK_MAX_AGE_MS,
    },
    metrics: ctx.metrics,
    logger: ctx.logger,
  });
  ctx.events.on('notification', () => sender.wake());
  sender.start();
  // The origin only: a path or query may carry the case system's own token.
  ctx.logger.info({ to: new URL(config.CWTCH_WEBHOOK_URL).origin }, 'webhooks on');
  return sender;
}
