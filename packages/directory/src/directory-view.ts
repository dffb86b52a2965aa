import { CwtchError, ErrorCode } from '@cwtch/runtime';
import type { Agency, Agreement, Directory, DirectoryKey } from './directory.ts';

/** A public key resolved from the directory, ready for a crypto call. */
export interface ResolvedKey {
  readonly agency: string;
  readonly kid: string;
  readonly publicKey: Uint8Array;
}

const raw = (k: DirectoryKey): Uint8Array => new Uint8Array(Buffer.from(k.x, 'base64url'));

/** True when `key` may be used at time `at` (validity window, and not revoked by then). */
export function keyUsableAt(key: DirectoryKey, at: number): boolean {
  if (at < key.nbf) return false;
  if (key.exp !== null && at >= key.exp) return false;
  return !(key.status === 'revoked' && key.revokedAt !== null && at >= key.revokedAt);
}

function covers(
  a: Agreement,
  from: string,
  to: string | readonly string[],
  kind: string,
  purpose?: string,
): boolean {
  const all = typeof to === 'string' ? [to] : to;
  return (
    a.senders.includes(from) &&
    all.every((r) => a.recipients.includes(r)) &&
    (a.kinds as readonly string[]).includes(kind) &&
    (purpose === undefined || a.purposes.includes(purpose))
  );
}

/**
 * Read-only queries over a verified directory: agencies, keys valid at a time, agreements and
 * routes. Build one per directory serial.
 */
export class DirectoryView {
  readonly directory: Directory;
  readonly #agencies: Map<string, Agency>;

  constructor(directory: Directory) {
    this.directory = directory;
    this.#agencies = new Map(directory.agencies.map((a) => [a.id, a]));
  }

  get serial(): number {
    return this.directory.serial;
  }

  /** The agency with this id, or undefined. */
  agency(id: string): Agency | undefined {
    return this.#agencies.get(id);
  }

  /**
   * The signing key `kid` of `agency`, judged at time `at` (receive time for recipients, audit
   * time for the audit service). Throws SENDER_KEY_UNKNOWN, SENDER_KEY_REVOKED or SENDER_KEY_EXPIRED.
   */
  signingKey(agency: string, kid: string, at: number): ResolvedKey {
    const key = this.agency(agency)?.keys.find((k) => k.kid === kid && k.use === 'sig');
    if (!key) throw new CwtchError(ErrorCode.SENDER_KEY_UNKNOWN, 'signing key is not in the directory');
    if (key.status === 'revoked' && key.revokedAt !== null && at >= key.revokedAt) {
      throw new CwtchError(ErrorCode.SENDER_KEY_REVOKED, 'signing key was revoked before this time');
    }
    if (!keyUsableAt(key, at))
      throw new CwtchError(ErrorCode.SENDER_KEY_EXPIRED, 'signing key is not valid at this time');
    return { agency, kid, publicKey: raw(key) };
  }

  /** The keys of a use for `agency` usable at `at`, newest (latest `nbf`) first. */
  usableKeys(agency: string, use: 'sig' | 'enc', at: number): ResolvedKey[] {
    return (this.agency(agency)?.keys ?? [])
      .filter((k) => k.use === use && keyUsableAt(k, at))
      .sort((a, b) => b.nbf - a.nbf)
      .map((k) => ({ agency, kid: k.kid, publicKey: raw(k) }));
  }

  /** The newest usable key of a use for `agency` at `at`, or throws UNKNOWN_RECIPIENT. */
  currentKey(agency: string, use: 'sig' | 'enc', at: number): ResolvedKey {
    const key = this.usableKeys(agency, use, at)[0];
    if (!key) throw new CwtchError(ErrorCode.UNKNOWN_RECIPIENT, `no usable ${use} key for ${agency}`);
    return key;
  }

  /**
   * The agreement that lets `from` send `kind` to `to` (every one of them, when a list), for
   * `purpose` when given, or null. The first match in directory order wins, so the governance
   * statement decides precedence.
   */
  agreementFor(
    from: string,
    to: string | readonly string[],
    kind: string,
    purpose?: string,
  ): Agreement | null {
    return this.directory.agreements.find((a) => covers(a, from, to, kind, purpose)) ?? null;
  }

  /** True when agreement `id` lets `from` send `kind` to `to` for `purpose`. */
  agreementCovers(id: string, from: string, to: string, kind: string, purpose: string): boolean {
    const a = this.directory.agreements.find((x) => x.id === id);
    return a !== undefined && covers(a, from, to, kind, purpose);
  }

  /** Recipients a routing rule gives for `kind` from `from` (empty when none). */
  routeFor(from: string, kind: string): string[] {
    return this.directory.routes.filter((r) => r.kind === kind && r.from === from).flatMap((r) => r.to);
  }
}
