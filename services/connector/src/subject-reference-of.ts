import { type KindName, kinds } from '@cwtch/contracts';
import { subjectReference } from '@cwtch/crypto';

/**
 * The pseudonymous subject reference a share of `kind` about `payload` (already parsed by its
 * contract) carries in its header: the keyed HMAC of the child's identifier, or null when the
 * payload names no child. The sender computes it to seal; the recipient recomputes it to check.
 */
export function subjectReferenceOf(subjectKey: Uint8Array, kind: KindName, payload: unknown): string | null {
  const identifier = kinds[kind].subjectIdentifier(payload);
  return identifier ? subjectReference(subjectKey, identifier) : null;
}
