/** How long to wait after a failed attempt: doubling from `minMs`, capped at `maxMs`, with jitter. */
export function retryDelay(
  attempts: number,
  backoff: { readonly minMs: number; readonly maxMs: number },
  random: () => number = Math.random,
): number {
  const base = Math.min(backoff.maxMs, backoff.minMs * 2 ** Math.min(Math.max(attempts - 1, 0), 40));
  // Half fixed, half random: receivers coming back up are not hit by every sender at once.
  return Math.round(base / 2 + (random() * base) / 2);
}
