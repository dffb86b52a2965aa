import type { ConsumerInfo, JetStreamManager } from '@nats-io/jetstream';
import { inboxConsumer, SHARES_STREAM } from './subjects.ts';

const PREFIX = inboxConsumer('');

/**
 * Every agency's inbox consumer on SHARES, by agency, from one listing (a request per 256
 * consumers) rather than a request per agency: the audit service reads them for every metrics
 * scrape and every collection poll, and a region may have a thousand agencies.
 */
export async function readInboxConsumers(jsm: JetStreamManager): Promise<Map<string, ConsumerInfo>> {
  const out = new Map<string, ConsumerInfo>();
  for await (const info of jsm.consumers.list(SHARES_STREAM))
    if (info.name.startsWith(PREFIX)) out.set(info.name.slice(PREFIX.length), info);
  return out;
}
