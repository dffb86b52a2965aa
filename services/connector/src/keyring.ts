import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type EncryptionKeyPair, parsePrivateKeyFile, type SigningKeyPair } from '@cwtch/crypto';
import type { DirectoryView } from '@cwtch/directory';
import { CwtchError, ErrorCode } from '@cwtch/runtime';

/**
 * This agency's private keys, every generation of them (rotation adds a file; old encryption
 * keys stay while retained messages may still need them). Which key to sign with is decided
 * by the signed directory: the newest signing key usable now whose private half is here.
 */
export class Keyring {
  #signing = new Map<string, SigningKeyPair>();
  #encryption = new Map<string, EncryptionKeyPair>();

  private readonly dir: string;
  private readonly agency: string;

  constructor(dir: string, agency: string) {
    this.dir = dir;
    this.agency = agency;
  }

  /** (Re)reads every key file in the folder; refuses a file that belongs to another agency. */
  async load(): Promise<void> {
    const signing = new Map<string, SigningKeyPair>();
    const encryption = new Map<string, EncryptionKeyPair>();
    for (const name of (await readdir(this.dir)).filter((n) => n.endsWith('.json')).sort()) {
      const file = parsePrivateKeyFile(await readFile(join(this.dir, name), 'utf8'));
      if (file.agency !== this.agency)
        throw new CwtchError(ErrorCode.CONFIG_INVALID, `${name} belongs to another agency`);
      signing.set(file.keys.signing.kid, file.keys.signing);
      encryption.set(file.keys.encryption.kid, file.keys.encryption);
    }
    this.#signing = signing;
    this.#encryption = encryption;
  }

  /**
   * The key to sign with now, per the directory; throws SIGNING_KEY_UNAVAILABLE when every key
   * held here is revoked, expired or unknown to the directory (nothing can be signed until rotation).
   */
  signingKey(view: DirectoryView, at: number): SigningKeyPair {
    for (const k of view.usableKeys(this.agency, 'sig', at)) {
      const pair = this.#signing.get(k.kid);
      if (pair) return pair;
    }
    throw new CwtchError(
      ErrorCode.SIGNING_KEY_UNAVAILABLE,
      `${this.agency} holds no signing key the directory accepts now (revoked or expired): the regional operator must rotate it with \`cwtch directory rotate --agency ${this.agency} --use sig\``,
    );
  }

  /** The encryption key pair with this key id, if held. */
  encryptionKey(kid: string): EncryptionKeyPair | undefined {
    return this.#encryption.get(kid);
  }
}
