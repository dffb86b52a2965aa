import type { EnvelopeHeader } from '@cwtch/contracts';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { DEFAULT_MAX_TTL_MS, DEFAULT_SKEW_MS } from './constants.ts';

/** Time policy of {@link checkTimes}. */
export interface TimePolicy {
  /** Longest `exp - iat` accepted (default 7 days; not longer than the stream's max_age). */
  readonly maxTtlMs?: number;
  /** Tolerated sender clock skew on `iat` (default 2 minutes). */
  readonly skewMs?: number;
}

/**
 * Time checks of reference §2.8, judged at `nowMs`: `NOT_YET_VALID` if `iat > now + skew`;
 * `EXPIRED` if `now > exp`, or if `exp - iat` exceeds the policy's TTL (back-dating). A recipient's
 * backlog after an outage stays valid until `exp`: there is no window on `iat` alone.
 */
export function checkTimes(
  header: Pick<EnvelopeHeader, 'iat' | 'exp'>,
  nowMs: number,
  policy: TimePolicy = {},
): void {
  const maxTtlMs = policy.maxTtlMs ?? DEFAULT_MAX_TTL_MS;
  const skewMs = policy.skewMs ?? DEFAULT_SKEW_MS;
  if (![nowMs, maxTtlMs, skewMs].every(Number.isFinite) || maxTtlMs <= 0 || skewMs < 0) {
    throw new CwtchError(ErrorCode.BAD_REQUEST, 'time policy and clock must be finite, non-negative numbers');
  }
  if (header.iat > nowMs + skewMs) {
    throw new CwtchError(ErrorCode.NOT_YET_VALID, 'message is dated in the future');
  }
  if (header.exp <= header.iat || header.exp - header.iat > maxTtlMs) {
    throw new CwtchError(ErrorCode.EXPIRED, 'message lifetime exceeds the policy');
  }
  if (nowMs > header.exp) throw new CwtchError(ErrorCode.EXPIRED, 'message has expired');
}
