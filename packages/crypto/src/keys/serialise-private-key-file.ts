import { AgencyId } from '@cwtch/contracts';
import { CwtchError, ErrorCode } from '@cwtch/runtime';
import { b64uEncode } from '../encoding/b64u-encode.ts';
import type { AgencyKeys } from './types.ts';

/** `typ` of a private key file. */
export const PRIVATE_KEY_FILE_TYPE = 'cwtch.private-keys.v1' as const;

/**
 * The JSON text of an agency's private key file: both pairs as private OKP JWKs (`d` is the
 * Ed25519 seed, resp. the X25519 scalar), base64url. The caller writes it with mode 0600 and never
 * logs it.
 *
 * @example
 * ```ts
 * await writeFile(path, serialisePrivateKeyFile('swansea-cs', keys), { mode: 0o600 });
 * ```
 */
export function serialisePrivateKeyFile(agency: string, keys: AgencyKeys): string {
  if (!AgencyId.safeParse(agency).success) throw new CwtchError(ErrorCode.BAD_REQUEST, 'invalid agency id');
  if (keys.signing.secretKey.length !== 64 || keys.encryption.secretKey.length !== 32) {
    throw new CwtchError(ErrorCode.BAD_REQUEST, 'secret keys have the wrong length');
  }
  const file = {
    v: 1,
    typ: PRIVATE_KEY_FILE_TYPE,
    agency,
    signing: {
      kid: keys.signing.kid,
      kty: 'OKP',
      crv: 'Ed25519',
      x: b64uEncode(keys.signing.publicKey),
      d: b64uEncode(keys.signing.secretKey.subarray(0, 32)),
      use: 'sig',
    },
    encryption: {
      kid: keys.encryption.kid,
      kty: 'OKP',
      crv: 'X25519',
      x: b64uEncode(keys.encryption.publicKey),
      d: b64uEncode(keys.encryption.secretKey),
      use: 'enc',
    },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
