import { CwtchError, ErrorCode, type Issue } from '@cwtch/runtime';
import { HTTPException } from 'hono/http-exception';

/** HTTP status for each error code: the one table the HTTP layer maps codes through. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  CONTRACT_INVALID: 400,
  UNKNOWN_KIND: 400,
  BAD_REQUEST: 400,
  NO_RECIPIENTS: 400,
  UNKNOWN_RECIPIENT: 400,
  UNAUTHENTICATED: 401,
  TOKEN_INVALID: 401,
  FORBIDDEN_ROLE: 403,
  NO_AGREEMENT: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
  BUS_UNAVAILABLE: 503,
};

/** The status an error code maps to (500 for anything unexpected). */
export function statusOf(code: ErrorCode): number {
  return STATUS[code] ?? 500;
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
