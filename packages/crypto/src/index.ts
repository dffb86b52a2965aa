export { ed25519Sign } from './ed25519/sign-ed25519.ts';
export { VerifiedSignatures } from './ed25519/verified-signatures.ts';
export { ed25519Verify, type SignatureCheck } from './ed25519/verify-ed25519.ts';
export { b64uDecode } from './encoding/b64u-decode.ts';
export { b64uEncode } from './encoding/b64u-encode.ts';
export { sha256 } from './encoding/sha256.ts';
export {
  type AuthenticateCopyOptions,
  authenticateCopy,
  type CopyAuthentication,
  type CopyRoute,
} from './envelope/authenticate-copy.ts';
export { checkTimes, type TimePolicy } from './envelope/check-times.ts';
export { DEFAULT_MAX_ENVELOPE_BYTES, DEFAULT_MAX_TTL_MS, DEFAULT_SKEW_MS } from './envelope/constants.ts';
export { decryptWithDisclosedKey } from './envelope/decrypt-with-disclosed-key.ts';
export {
  type OpenEnvelopeOptions,
  type OpenedEnvelope,
  openEnvelope,
  type RecipientKey,
} from './envelope/open-envelope.ts';
export { type ParseEnvelopeOptions, parseEnvelope } from './envelope/parse-envelope.ts';
export type { ReplayEntry, ReplayStore, ReplayVerdict } from './envelope/replay-store.ts';
export {
  type EnvelopeRecipient,
  type EnvelopeRouting,
  type EnvelopeSender,
  type SealEnvelopeInput,
  type SealedEnvelope,
  sealEnvelope,
} from './envelope/seal-envelope.ts';
export { envelopeSigningInput } from './envelope/signing-input.ts';
export type { ParsedEnvelope, SigningKey, SigningKeyResolver, VerifiedEnvelope } from './envelope/types.ts';
export { type VerifyEnvelopeOptions, verifyEnvelope } from './envelope/verify-envelope.ts';
export {
  type LoggedShare,
  type ParsedLoggedShare,
  parseLoggedShare,
  verifyLoggedShare,
  verifyParsedLoggedShare,
} from './envelope/verify-logged-share.ts';
export { initCrypto } from './init-crypto.ts';
export { fromJwk, type PublicKeyFromJwk } from './keys/from-jwk.ts';
export { type AgencyKeySeeds, generateAgencyKeys } from './keys/generate-agency-keys.ts';
export { keyId } from './keys/key-id.ts';
export { type PrivateKeyFile, parsePrivateKeyFile } from './keys/parse-private-key-file.ts';
export { PRIVATE_KEY_FILE_TYPE, serialisePrivateKeyFile } from './keys/serialise-private-key-file.ts';
export { type PublicJwk, toJwk } from './keys/to-jwk.ts';
export type { AgencyKeys, EncryptionKeyPair, KeyCurve, SigningKeyPair } from './keys/types.ts';
export { nodeRandomSource, type RandomSource } from './random-source.ts';
export { type ParseReceiptOptions, parseReceipt, parseReceiptMembers } from './receipt/parse-receipt.ts';
export { receiptSigningInput } from './receipt/receipt-signing-input.ts';
export { openNote, sealNote } from './receipt/seal-note.ts';
export { signReceipt } from './receipt/sign-receipt.ts';
export type { ParsedReceipt, VerifiedReceipt } from './receipt/types.ts';
export { verifyReceipt } from './receipt/verify-receipt.ts';
export { type SubjectIdentifier, subjectReference } from './subject/subject-reference.ts';
