/**
 * Stable error codes. A caller acts on `code`; the HTTP layer maps it to a status in one table.
 */
export const ErrorCode = {
  // Input and contracts
  CONTRACT_INVALID: 'CONTRACT_INVALID',
  UNKNOWN_KIND: 'UNKNOWN_KIND',
  BAD_REQUEST: 'BAD_REQUEST',
  TOO_LARGE: 'TOO_LARGE',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  // HTTP authentication and authorisation
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  TOKEN_INVALID: 'TOKEN_INVALID',
  FORBIDDEN_ROLE: 'FORBIDDEN_ROLE',
  NO_AGREEMENT: 'NO_AGREEMENT',
  UNKNOWN_RECIPIENT: 'UNKNOWN_RECIPIENT',
  NO_RECIPIENTS: 'NO_RECIPIENTS',
  /** Routing found an area the payload names with no front door (or none reachable) in the directory. */
  NO_ROUTE_FOR_AREA: 'NO_ROUTE_FOR_AREA',
  /** Text that is not well-formed Unicode: invalid UTF-8 bytes or a lone surrogate. */
  TEXT_MALFORMED: 'TEXT_MALFORMED',
  RATE_LIMITED: 'RATE_LIMITED',
  // Envelope checks (DESIGN §5)
  ENVELOPE_MALFORMED: 'ENVELOPE_MALFORMED',
  ENVELOPE_TOO_LARGE: 'ENVELOPE_TOO_LARGE',
  HEADER_NOT_CANONICAL: 'HEADER_NOT_CANONICAL',
  SENDER_KEY_UNKNOWN: 'SENDER_KEY_UNKNOWN',
  SENDER_KEY_REVOKED: 'SENDER_KEY_REVOKED',
  SENDER_KEY_EXPIRED: 'SENDER_KEY_EXPIRED',
  SIGNATURE_INVALID: 'SIGNATURE_INVALID',
  NOT_ADDRESSED_TO_ME: 'NOT_ADDRESSED_TO_ME',
  KEY_COMMITMENT_MISMATCH: 'KEY_COMMITMENT_MISMATCH',
  DECRYPTION_FAILED: 'DECRYPTION_FAILED',
  REPLAYED: 'REPLAYED',
  /** The header's subject reference is not the one the payload's identifier gives. */
  SUBJECT_REFERENCE_MISMATCH: 'SUBJECT_REFERENCE_MISMATCH',
  EXPIRED: 'EXPIRED',
  NOT_YET_VALID: 'NOT_YET_VALID',
  SUBJECT_MISMATCH: 'SUBJECT_MISMATCH',
  RECEIPT_INVALID: 'RECEIPT_INVALID',
  /** A verified receipt that answers no share copy logged for its signer with the same hashes. */
  RECEIPT_UNLINKED: 'RECEIPT_UNLINKED',
  /** A statement between a share's parties that breaks their order (docs/protocol.md §7). */
  RECEIPT_OUT_OF_ORDER: 'RECEIPT_OUT_OF_ORDER',
  // Directory
  DIRECTORY_SIGNATURE_INVALID: 'DIRECTORY_SIGNATURE_INVALID',
  DIRECTORY_INVALID: 'DIRECTORY_INVALID',
  // Infrastructure
  BUS_UNAVAILABLE: 'BUS_UNAVAILABLE',
  /** A stream refused a publish because this agency's share of the bus store is full. */
  BUS_STORAGE_FULL: 'BUS_STORAGE_FULL',
  /** This connector holds no usable signing key (revoked or expired in the directory). */
  SIGNING_KEY_UNAVAILABLE: 'SIGNING_KEY_UNAVAILABLE',
  CONFIG_INVALID: 'CONFIG_INVALID',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One issue of a failed validation, as zod reports it (path and message, no values). */
export interface Issue {
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
  readonly code?: string;
}

/**
 * The one error base of Cwtch: a stable string `code`, a message safe to show, optional issues.
 * Messages never carry payload content or key material.
 */
export class CwtchError extends Error {
  readonly code: ErrorCode;
  readonly issues: readonly Issue[] | undefined;
  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; issues?: readonly Issue[] } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CwtchError';
    this.code = code;
    this.issues = options.issues;
  }
}

/** True when `e` is a CwtchError (optionally with the given code). */
export function isCwtchError(e: unknown, code?: ErrorCode): e is CwtchError {
  return e instanceof CwtchError && (code === undefined || e.code === code);
}
