import {
  agencyPermissions,
  agreementPeers,
  type BusLimits,
  DEFAULT_BUS_LIMITS,
  type NatsPermissions,
} from '@cwtch/bus';
import { DEFAULT_MAX_ENVELOPE_BYTES } from '@cwtch/crypto';
import type { Directory } from '@cwtch/directory';
import { z } from 'zod';

/**
 * An agency's NATS permissions from the signed directory: share subjects only to the agencies its
 * agreements let it send to, receipt subjects only to those that may send to it.
 */
export function agencyNatsPermissions(directory: Directory, agency: string): NatsPermissions {
  const known = new Set(directory.agencies.map((a) => a.id));
  return agencyPermissions(agency, agreementPeers(directory.agreements, agency, known));
}

const count = z.coerce.number().int().positive();

/** `CWTCH_BUS_*` storage limits (each optional; the defaults of `@cwtch/bus` otherwise). */
const BusLimitsEnv = z.object({
  CWTCH_BUS_MAX_MESSAGES_PER_PAIR: count.optional(),
  CWTCH_BUS_SHARES_MAX_BYTES: count.optional(),
  CWTCH_BUS_DEADLETTERS_PER_AGENCY: count.optional(),
  CWTCH_BUS_DEADLETTER_MAX_BYTES: count.optional(),
});

/** The region's stream limits, from `env` over the defaults; throws naming a bad variable. */
export function busLimitsFromEnv(env: Readonly<Record<string, string | undefined>>): BusLimits {
  const parsed = BusLimitsEnv.safeParse(env);
  if (!parsed.success) {
    const bad = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new Error(`${bad}: a positive whole number is needed`);
  }
  const e = parsed.data;
  return {
    maxEnvelopeBytes: DEFAULT_MAX_ENVELOPE_BYTES,
    maxMessagesPerPair: e.CWTCH_BUS_MAX_MESSAGES_PER_PAIR ?? DEFAULT_BUS_LIMITS.maxMessagesPerPair,
    sharesMaxBytes: e.CWTCH_BUS_SHARES_MAX_BYTES ?? DEFAULT_BUS_LIMITS.sharesMaxBytes,
    deadLettersPerAgency: e.CWTCH_BUS_DEADLETTERS_PER_AGENCY ?? DEFAULT_BUS_LIMITS.deadLettersPerAgency,
    deadLetterMaxBytes: e.CWTCH_BUS_DEADLETTER_MAX_BYTES ?? DEFAULT_BUS_LIMITS.deadLetterMaxBytes,
    sharesMaxConsumers: DEFAULT_BUS_LIMITS.sharesMaxConsumers,
  };
}
