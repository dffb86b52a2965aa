import { allowTestNhsNumbers } from '@cwtch/contracts';
import { z } from 'zod';

/** The connector's configuration, from `CWTCH_*` environment variables. */
export const ConnectorConfig = z.object({
  CWTCH_AGENCY: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/),
  CWTCH_NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
  CWTCH_NATS_CREDS: z.string().optional(),
  /** This service's NATS nkey seed file (0600). */
  CWTCH_NATS_NKEY_FILE: z.string().optional(),
  /** CA certificate for a `tls://` NATS URL. */
  CWTCH_NATS_CA_FILE: z.string().optional(),
  /**
   * The region's JetStream domain, when the connector runs behind its agency's leaf node: the
   * inbox consumer and the directory are reached through it (`$JS.<domain>.API`), while sends are
   * stored by the leaf's outbox. Unset when connected to the region directly.
   */
  CWTCH_NATS_DOMAIN: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
  CWTCH_HOST: z.string().default('127.0.0.1'),
  CWTCH_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** Folder holding this agency's private keys and inbox database. */
  CWTCH_AGENCY_DIR: z.string().min(1),
  /** Pinned governance public key (base64url, 32 bytes). */
  CWTCH_GOVERNANCE_KEY: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  /** Region subject-reference HMAC key file (the same for every agency of the region). */
  CWTCH_SUBJECT_KEY_FILE: z.string().min(1),
  CWTCH_JWT_ISSUER: z.string().min(1),
  /** JSON Web Key Set of the issuer (file path). */
  CWTCH_JWKS_FILE: z.string().min(1),
  CWTCH_MAX_TTL_DAYS: z.coerce.number().positive().default(7),
  CWTCH_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(256 * 1024),
  /** Per-token rate limit: a burst of this many requests, refilled at the rate below. */
  CWTCH_RATE_LIMIT_BURST: z.coerce.number().int().positive().default(200),
  CWTCH_RATE_LIMIT_PER_SECOND: z.coerce.number().positive().default(100),
  /** The share log's checkpoint key (base64url) and origin, pinned for this agency's witness. */
  CWTCH_LOG_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/)
    .optional(),
  CWTCH_LOG_ORIGIN: z.string().min(1).default('cwtch.example/audit/v1'),
  /** The witness's own Ed25519 seed file (base64url); no witness runs without it. */
  CWTCH_WITNESS_KEY_FILE: z.string().optional(),
  /**
   * Each pull request on the inbox lapses after this long (at least 1000): a frozen connector
   * shows as not collecting within it, and a running one renews it.
   */
  CWTCH_PULL_EXPIRES_MS: z.coerce.number().int().min(1000).default(10_000),
  /** A recipient not collecting its inbox for longer than this gets a warning on every send to it. */
  CWTCH_SILENCE_THRESHOLD_MS: z.coerce.number().int().positive().default(900_000),
  /** Ask the audit service this often which agencies are collecting. */
  CWTCH_COLLECTION_POLL_MS: z.coerce.number().int().positive().default(5000),
  /** Escalation step 2 re-alerts this long after a share's respond-by (step 1 is at the respond-by). */
  CWTCH_ESCALATION_STEP2_MS: z.coerce.number().int().positive().default(1_800_000),
  /** How often the escalation ladder looks for respond-by times that have passed. */
  CWTCH_ESCALATION_CHECK_MS: z.coerce.number().int().min(100).default(5000),
  /** Look this often whether last month's figures are due to the board (`0`: never on a schedule). */
  CWTCH_BOARD_SCHEDULE_MS: z.coerce.number().int().min(0).default(3_600_000),
  /** The case system's webhook (Standard Webhooks): every notification stored is POSTed there. Off when unset. */
  CWTCH_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** An attempt that has no answer within this long is retried. */
  CWTCH_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Retries wait from this long, doubling (with jitter) up to the maximum. */
  CWTCH_WEBHOOK_RETRY_MIN_MS: z.coerce.number().int().positive().default(5000),
  CWTCH_WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().positive().default(3_600_000),
  /** An event not delivered within this long of happening is given up (and counted). */
  CWTCH_WEBHOOK_MAX_AGE_MS: z.coerce.number().int().positive().default(259_200_000),
  CWTCH_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `true` when a supervisor (`cwtch dev`) holds a pipe on standard input: stop when it closes. */
  CWTCH_STOP_WITH_PARENT: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Written once listening: `{port, pid}`, so a supervisor learns an ephemeral port. */
  CWTCH_READY_FILE: z.string().optional(),
  /**
   * `true` in a demo region only (`cwtch dev` sets it): NHS test-range numbers (999…) are then
   * accepted. Parsing the configuration sets this for the whole process.
   */
  CWTCH_ALLOW_TEST_NHS_NUMBERS: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => {
      allowTestNhsNumbers(value === 'true');
      return value === 'true';
    }),
});
export type ConnectorConfig = z.infer<typeof ConnectorConfig>;
