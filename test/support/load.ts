import { type ConnectorClient, CwtchApiError } from '@cwtch/sdk';

/** What a burst of sends achieved: the ids that got a 202, and the refusals by code. */
export interface LoadResult {
  readonly accepted: string[];
  readonly refused: Map<string, number>;
}

/**
 * Sends notifications with `concurrency` in flight until `count` have been accepted (202),
 * calling `onProgress` after each acceptance. Refused sends (a 503 while the bus is down) are
 * counted by code and not retried: a new notification is sent instead, as a case system would.
 */
export async function sendUntil(
  client: ConnectorClient,
  request: Parameters<ConnectorClient['send']>[0],
  count: number,
  options: { concurrency?: number; onProgress?: (accepted: number) => void } = {},
): Promise<LoadResult> {
  const accepted: string[] = [];
  const refused = new Map<string, number>();
  let inFlight = 0;
  const worker = async () => {
    while (accepted.length + inFlight < count) {
      inFlight++;
      try {
        accepted.push((await client.send(request)).id);
        options.onProgress?.(accepted.length);
      } catch (e) {
        const code = e instanceof CwtchApiError ? e.code : 'NETWORK';
        refused.set(code, (refused.get(code) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 50));
      } finally {
        inFlight--;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 16 }, worker));
  return { accepted, refused };
}
