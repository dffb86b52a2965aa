import { createHmac } from 'node:crypto';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { b64uEncode } from '../encoding/b64u-encode.ts';
import { secretKeyObject } from '../internal/key-objects.ts';

/** A child's identifier in one scheme, e.g. `{ type: 'nhs', value: '9434765919' }`. */
export interface SubjectIdentifier {
  /** Lower-case scheme name without a colon, so `type:value` is unambiguous. */
  readonly type: string;
  /** The identifier, already normalised by the caller (spaces, case) as the scheme requires. */
  readonly value: string;
}

const TYPE = /^[a-z][a-z0-9-]{0,31}$/;

/**
 * Pseudonymous subject reference for the envelope header:
 * `b64u(HMAC-SHA-256(subjectKey, "cwtch-subject-v1\0" || type || ":" || value))`, 43 characters.
 * Agencies sharing a subject key match the same child without revealing the identifier.
 *
 * @example
 * ```ts
 * const subject = subjectReference(subjectKey, { type: 'nhs', value: '9434765919' });
 * ```
 */
export function subjectReference(subjectKey: Uint8Array, identifier: SubjectIdentifier): string {
  if (subjectKey.length < 32) {
    throw new CwtchError(ErrorCode.BAD_REQUEST, 'subject key must be at least 32 bytes');
  }
  if (!TYPE.test(identifier.type)) throw new CwtchError(ErrorCode.BAD_REQUEST, 'invalid identifier type');
  // A lone surrogate would be encoded as U+FFFD and collide with other values.
  if (identifier.value.length === 0 || /\p{Cs}/u.test(identifier.value)) {
    throw new CwtchError(ErrorCode.BAD_REQUEST, 'identifier value must be non-empty well-formed text');
  }
  const mac = createHmac('sha256', secretKeyObject(subjectKey))
    .update(`cwtch-subject-v1\0${identifier.type}:${identifier.value}`, 'utf8')
    .digest();
  return b64uEncode(new Uint8Array(mac));
}
