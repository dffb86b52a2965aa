import { ErrorCode, isCwtchError } from '@cwtch/runtime';
import type { SignatureCheck } from '../ed25519/verify-ed25519.ts';
import { type ParseEnvelopeOptions, parseEnvelope } from './parse-envelope.ts';
import type { ParsedEnvelope, SigningKeyResolver, VerifiedEnvelope } from './types.ts';
import { verifyEnvelope } from './verify-envelope.ts';

/** The agencies a share copy travelled between: the tokens of `cwtch.share.<to>.<from>`. */
export interface CopyRoute {
  readonly to: string;
  readonly from: string;
}

/** Options of {@link authenticateCopy}: the envelope's size limit and the Ed25519 check. */
export interface AuthenticateCopyOptions extends ParseEnvelopeOptions {
  /** Default `ed25519Verify`; `VerifiedSignatures` checks the copies of one share once. */
  readonly checkSignature?: SignatureCheck;
}

/** The outcome of {@link authenticateCopy}: the verified envelope, or the code of the first failed check. */
export type CopyAuthentication =
  | { readonly ok: true; readonly envelope: VerifiedEnvelope }
  | { readonly ok: false; readonly code: ErrorCode; readonly parsed: ParsedEnvelope | undefined };

/**
 * Decides whether one share copy comes from an authentic sender: it parses, the route it travelled
 * names the header's sender and one of the header's recipients, and the sender's signature verifies
 * with the key the resolver gives (the caller judges it at the time the bus stored the copy).
 *
 * This is the one rule of the share log (docs/protocol.md, "Which copies are shares"): the audit
 * service logs as a share exactly the copies this accepts, and a recipient answers exactly these
 * with a signed receipt (`delivered`, or `rejected` with its reason), so every receipt has a share
 * to link to. Times, decryption, contract and agreement are the recipient's checks, and its signed
 * receipt records what it decided.
 */
export function authenticateCopy(
  bytes: Uint8Array,
  route: CopyRoute,
  resolveSigningKey: SigningKeyResolver,
  options: AuthenticateCopyOptions = {},
): CopyAuthentication {
  let parsed: ParsedEnvelope;
  try {
    parsed = parseEnvelope(bytes, options);
  } catch (e) {
    return { ok: false, code: isCwtchError(e) ? e.code : ErrorCode.ENVELOPE_MALFORMED, parsed: undefined };
  }
  const h = parsed.header;
  if (route.from !== h.from.agency || !h.to.some((t) => t.agency === route.to)) {
    return { ok: false, code: ErrorCode.SUBJECT_MISMATCH, parsed };
  }
  try {
    const envelope = verifyEnvelope(parsed, { resolveSigningKey, checkSignature: options.checkSignature });
    return { ok: true, envelope };
  } catch (e) {
    return { ok: false, code: isCwtchError(e) ? e.code : ErrorCode.SIGNATURE_INVALID, parsed };
  }
}
