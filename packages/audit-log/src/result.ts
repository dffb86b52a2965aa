import { CwtchError, type ErrorCode } from '@cwtch/runtime';

/**
 * The outcome of parsing or verifying untrusted input: a value, or the reason it was refused.
 * Refusals are data, not exceptions, so callers at a trust boundary cannot forget to catch them.
 */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: CwtchError };

/** A successful {@link Result}. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A refused {@link Result} carrying a {@link CwtchError} with `code` and a message safe to show. */
export function refuse<T>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: new CwtchError(code, message) };
}
