import { CwtchError, ErrorCode } from '@cwtch/runtime';
import sodium from 'libsodium-wrappers';

/** The libsodium-wrappers module, usable once {@link initCrypto} has resolved. */
export type Sodium = typeof sodium;

let ready = false;

/**
 * Loads libsodium (WebAssembly) once. Await it at start-up; every other function of this
 * package is synchronous and throws `INTERNAL` if called before it resolves.
 *
 * @example
 * ```ts
 * await initCrypto();
 * const keys = generateAgencyKeys();
 * ```
 */
export async function initCrypto(): Promise<void> {
  await sodium.ready;
  ready = true;
}

/** The initialised libsodium module (internal to this package). */
export function getSodium(): Sodium {
  if (!ready) throw new CwtchError(ErrorCode.INTERNAL, 'initCrypto() has not completed');
  return sodium;
}
