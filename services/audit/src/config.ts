import { z } from 'zod';

/** The audit service's configuration, from `CWTCH_*` environment variables. */
export const AuditConfig = z.object({
  CWTCH_NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
  CWTCH_NATS_CREDS: z.string().optional(),
  /** This service's NATS nkey seed file (0600). */
  CWTCH_NATS_NKEY_FILE: z.string().optional(),
  /** CA certificate for a `tls://` NATS URL. */
  CWTCH_NATS_CA_FILE: z.string().optional(),
  CWTCH_HOST: z.string().default('127.0.0.1'),
  CWTCH_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** Pinned governance public key (base64url, 32 bytes). */
  CWTCH_GOVERNANCE_KEY: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  /** The log's Ed25519 checkpoint-signing key file (base64url seed). Never an encryption key. */
  CWTCH_LOG_KEY_FILE: z.string().min(1),
  /** Region subject-reference HMAC key file: turns an NHS number into its subject reference. */
  CWTCH_SUBJECT_KEY_FILE: z.string().min(1),
  CWTCH_LOG_ORIGIN: z.string().min(1).default('cwtch.example/audit/v1'),
  /** Sign a checkpoint at least this often while the log grows, and every this many entries. */
  CWTCH_CHECKPOINT_INTERVAL_MS: z.coerce.number().int().positive().default(60_000),
  CWTCH_CHECKPOINT_MAX_ENTRIES: z.coerce.number().int().positive().default(10_000),
  /** Pinned witness keys: a JSON file `[{"name", "publicKey" (base64url)}]`. */
  CWTCH_WITNESS_KEYS_FILE: z.string().optional(),
  /** Cosignatures a checkpoint needs before it goes into an evidence bundle. */
  CWTCH_EXPORT_QUORUM: z.coerce.number().int().nonnegative().default(2),
  CWTCH_JWT_ISSUER: z.string().min(1),
  CWTCH_JWKS_FILE: z.string().min(1),
  /** Per-token rate limit: a burst of this many requests, refilled at the rate below. */
  CWTCH_RATE_LIMIT_BURST: z.coerce.number().int().positive().default(200),
  CWTCH_RATE_LIMIT_PER_SECOND: z.coerce.number().positive().default(100),
  /** Read every agency's inbox consumer this often, to see who is collecting. */
  CWTCH_COLLECTION_POLL_MS: z.coerce.number().int().positive().default(5000),
  /** An agency not collecting its inbox for longer than this is silent (health view, warning). */
  CWTCH_SILENCE_THRESHOLD_MS: z.coerce.number().int().positive().default(900_000),
  /**
   * Where the audit keeps its query index and tree hashes (SQLite, derived from the log and
   * rebuilt from it when missing or inconsistent); in memory, rebuilt on every start, when unset.
   */
  CWTCH_DATA_DIR: z.string().min(1).optional(),
  CWTCH_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `true` when a supervisor (`cwtch dev`) holds a pipe on standard input: stop when it closes. */
  CWTCH_STOP_WITH_PARENT: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  CWTCH_READY_FILE: z.string().optional(),
});
export type AuditConfig = z.infer<typeof AuditConfig>;
