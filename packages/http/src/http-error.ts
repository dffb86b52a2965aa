import { CwtchError, ErrorCode, type Issue } from '@cwtch/runtime';
import { HTTPException } from 'hono/http-exception';

/**
 * HTTP status for each error code: the one table the HTTP layer maps codes through. It is total
 * (a new code does not compile until it has a status), so nothing falls through to 500 unplanned.
 */
const STATUS: Record<ErrorCode, number> = {
  CONTRACT_INVALID: 400,
  UNKNOWN_KIND: 400,
  BAD_REQUEST: 400,
  TEXT_MALFORMED: 400,
  NO_RECIPIENTS: 400,
  NO_ROUTE_FOR_AREA: 422,
  UNKNOWN_RECIPIENT: 400,
  UNAUTHENTICATED: 401,
  TOKEN_INVALID: 401,
  FORBIDDEN_ROLE: 403,
  NO_AGREEMENT: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
  // Envelope and receipt checks: the bytes a caller handed over (a disclosure, a retained envelope).
  ENVELOPE_MALFORMED: 400,
  ENVELOPE_TOO_LARGE: 413,
  HEADER_NOT_CANONICAL: 400,
  SENDER_KEY_UNKNOWN: 422,
  SENDER_KEY_REVOKED: 422,
  SENDER_KEY_EXPIRED: 422,
  SIGNATURE_INVALID: 422,
  NOT_ADDRESSED_TO_ME: 422,
  KEY_COMMITMENT_MISMATCH: 422,
  DECRYPTION_FAILED: 422,
  REPLAYED: 409,
  SUBJECT_REFERENCE_MISMATCH: 422,
  EXPIRED: 422,
  NOT_YET_VALID: 422,
  SUBJECT_MISMATCH: 422,
  RECEIPT_INVALID: 422,
  RECEIPT_UNLINKED: 422,
  RECEIPT_OUT_OF_ORDER: 409,
  // The region itself is not in a state to serve: retry later or call the operator.
  DIRECTORY_SIGNATURE_INVALID: 503,
  DIRECTORY_INVALID: 503,
  BUS_UNAVAILABLE: 503,
  BUS_STORAGE_FULL: 507,
  SIGNING_KEY_UNAVAILABLE: 503,
  CONFIG_INVALID: 500,
  INTERNAL: 500,
};

/** The status an error code maps to. */
export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

/** The JSON error body of DESIGN §9: `{"error": {"code", "message", "issues"?}}`. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly issues?: readonly Issue[] };
}

/** Turns anything thrown into a status and a body that never carries a stack trace. */
export function toErrorResponse(e: unknown): { status: number; body: ErrorBody } {
  if (e instanceof CwtchError) {
    const status = statusOf(e.code);
    const message = status === 500 ? 'internal error' : e.message;
    return {
      status,
      body: {
        error: {
          code: status === 500 ? ErrorCode.INTERNAL : e.code,
          message,
          ...(e.issues ? { issues: e.issues } : {}),
        },
      },
    };
  }
  // Hono's own refusals (malformed JSON, a validator's 400): a client error, said without detail.
  if (e instanceof HTTPException && e.status >= 400 && e.status < 500) {
    const code =
      e.status === 413
        ? ErrorCode.TOO_LARGE
        : e.status === 401
          ? ErrorCode.UNAUTHENTICATED
          : ErrorCode.BAD_REQUEST;
    return {
      status: e.status,
      body: {
        error: {
          code,
          message: e.status === 400 ? 'the request body is not valid JSON' : 'the request was refused',
        },
      },
    };
  }
  return { status: 500, body: { error: { code: ErrorCode.INTERNAL, message: 'internal error' } } };
}
