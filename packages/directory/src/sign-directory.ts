import { MAX_SIGNED_DIRECTORY_BYTES } from '@cwtch/bus';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { Directory, SignedDirectory } from './directory.ts';
import { ed25519Sign, ed25519Verify } from './ed25519.ts';

const LABEL = new TextEncoder().encode('CWTCH1-DIR\0');
const b64u = (b: Uint8Array) => Buffer.from(b).toString('base64url');

function signingInput(d: Uint8Array): Uint8Array {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(d.length);
  return Buffer.concat([LABEL, len, d]);
}

/** The region's governance key pair (raw Ed25519) and its key id. */
export interface GovernanceKey {
  readonly kid: string;
  readonly publicKey: Uint8Array;
  readonly secretKey: Uint8Array;
}

/**
 * Signs a directory document with the governance key: `{d, kid, s}` where `s` is Ed25519 over
 * `"CWTCH1-DIR" 0x00 || u32be(|d|) || d` and `d` the canonical JSON bytes of the document.
 * Refuses (`TOO_LARGE`) a directory whose signed form the region could not carry: the audit
 * service logs every directory whole, and would stop at one larger than a share-log entry.
 */
export function signDirectory(directory: Directory, governance: GovernanceKey): Uint8Array {
  const d = new TextEncoder().encode(JSON.stringify(Directory.parse(directory)));
  const s = ed25519Sign(signingInput(d), governance.secretKey);
  const signed = new TextEncoder().encode(JSON.stringify({ d: b64u(d), kid: governance.kid, s: b64u(s) }));
  if (signed.length > MAX_SIGNED_DIRECTORY_BYTES) {
    const perAgency = Math.round(signed.length / Math.max(1, directory.agencies.length));
    throw new CwtchError(
      ErrorCode.TOO_LARGE,
      `the signed directory would be ${signed.length} bytes (${directory.agencies.length} agencies, about ${perAgency} bytes each); ` +
        `a region carries one of at most ${MAX_SIGNED_DIRECTORY_BYTES} bytes, the largest entry its share log takes`,
    );
  }
  return signed;
}

/**
 * Verifies a signed directory against the pinned governance public key and returns the
 * document. Never trusts anything unsigned: `DIRECTORY_SIGNATURE_INVALID` or `DIRECTORY_INVALID`.
 */
export function verifyDirectory(bytes: Uint8Array, governancePublicKey: Uint8Array): Directory {
  let wire: SignedDirectory;
  try {
    wire = SignedDirectory.parse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
  } catch (cause) {
    throw new CwtchError(ErrorCode.DIRECTORY_INVALID, 'signed directory is malformed', { cause });
  }
  const d = new Uint8Array(Buffer.from(wire.d, 'base64url'));
  const s = new Uint8Array(Buffer.from(wire.s, 'base64url'));
  if (!ed25519Verify(s, signingInput(d), governancePublicKey)) {
    throw new CwtchError(
      ErrorCode.DIRECTORY_SIGNATURE_INVALID,
      'directory signature does not verify with the pinned governance key',
    );
  }
  const parsed = Directory.safeParse(JSON.parse(new TextDecoder().decode(d)));
  if (!parsed.success) {
    throw new CwtchError(ErrorCode.DIRECTORY_INVALID, 'signed directory document is invalid', {
      issues: parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })),
    });
  }
  return parsed.data;
}
