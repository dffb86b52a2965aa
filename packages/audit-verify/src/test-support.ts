/**
 * Builds real audit bundles for this package's tests and benchmark (not exported from index.ts):
 * real agency keys, a governance-signed directory, sealed envelopes, signed receipts, entry bytes
 * as the audit service writes them, an RFC 9162 tree, a log-signed and witness-cosigned checkpoint.
 */
import {
  cosignCheckpoint,
  formatCheckpoint,
  formatSignedNote,
  MerkleTree,
  parseSignedNote,
  signCheckpoint,
} from '@cwtch/audit-log';
import type { ReceiptStatus } from '@cwtch/contracts';
import {
  type AgencyKeys,
  b64uEncode,
  generateAgencyKeys,
  parseEnvelope,
  type SealedEnvelope,
  sealEnvelope,
  sha256,
  signReceipt,
} from '@cwtch/crypto';
import { type Directory, type DirectoryKey, type GovernanceKey, signDirectory } from '@cwtch/directory';
import type { Trust } from './trust.ts';

/** The log origin the tests use. */
export const ORIGIN = 'cwtch.example/audit/v1';
/** 2026-01-01T00:00:00Z: the bus time of the first entry. */
export const T0 = 1_767_225_600_000;

const seed = (label: string) => sha256(new TextEncoder().encode(`audit-verify test: ${label}`));
/** Fixed keys for a label (agency name, "governance", "log", a witness name). */
export const keysFor = (label: string): AgencyKeys =>
  generateAgencyKeys({ signingSeed: seed(`${label}/sig`), encryptionSeed: seed(`${label}/enc`) });
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** An agency of the test region. */
export interface Party {
  readonly agency: string;
  readonly keys: AgencyKeys;
}

/** A key revocation to write into a directory. */
export interface Revocation {
  readonly agency: string;
  readonly revokedAt: number;
}

/** One directory key of `agency`: active, or revoked from `revokedAt`. */
function directoryKey(kid: string, x: Uint8Array, use: 'sig' | 'enc', revokedAt?: number): DirectoryKey {
  return {
    kid,
    kty: 'OKP',
    crv: use === 'sig' ? 'Ed25519' : 'X25519',
    x: b64uEncode(x),
    use,
    nbf: T0 - 86_400_000,
    exp: null,
    status: revokedAt === undefined ? 'active' : 'revoked',
    revokedAt: revokedAt ?? null,
    reason: revokedAt === undefined ? null : 'key compromise',
  };
}

/** The region's directory over `parties`, optionally revoking signing keys. */
export function directoryOf(
  parties: readonly Party[],
  serial: number,
  revoked: Revocation[] = [],
): Directory {
  const agencies = parties.map(({ agency, keys }) => ({
    ...{ id: agency, name: agency, type: 'childrens-services' as const, codes: [], areas: [] },
    keys: [
      directoryKey(
        keys.signing.kid,
        keys.signing.publicKey,
        'sig',
        revoked.find((r) => r.agency === agency)?.revokedAt,
      ),
      directoryKey(keys.encryption.kid, keys.encryption.publicKey, 'enc'),
    ],
  }));
  const base = { v: 1 as const, typ: 'cwtch.directory.v1' as const, region: 'test', issuedAt: T0 };
  return { ...base, serial, agencies, agreements: [], routes: [] };
}

/** Writes a log entry by entry and exports it as bundle lines. */
export class BundleBuilder {
  readonly governance: GovernanceKey;
  readonly entries: Uint8Array[] = [];
  readonly envelopes: { seq: number; bytes: Uint8Array }[] = [];
  readonly #log = keysFor('log').signing;
  readonly #witnesses = ['w1.example/witness', 'w2.example/witness', 'w3.example/witness'];
  #seq = 0;
  /** Bus time of the next entry; advances one second per entry. */
  clock = T0;

  constructor() {
    const { kid, publicKey, secretKey } = keysFor('governance').signing;
    this.governance = { kid, publicKey, secretKey };
  }

  /** The pinned keys for this log: all three witnesses, quorum 2 unless given. */
  trust(quorum = 2): Trust {
    const witnesses = this.#witnesses.map((name) => ({
      name,
      publicKey: b64uEncode(keysFor(name).signing.publicKey),
    }));
    const keys = {
      governanceKey: b64uEncode(this.governance.publicKey),
      logKey: b64uEncode(this.#log.publicKey),
    };
    return { ...keys, logOrigin: ORIGIN, witnesses, quorum };
  }

  /** Appends an entry as the audit service encodes it (`v, t, i, ts, bt, ...rest`); returns its index. */
  append(body: { t: string } & Record<string, unknown>): number {
    const { t, ...rest } = body;
    const i = this.entries.length;
    const bt = this.clock;
    this.clock += 1000;
    const json = JSON.stringify({ v: 1, t, i, ts: bt + 3, bt, ...rest });
    this.entries.push(new TextEncoder().encode(json));
    return i;
  }

  /** Logs a directory statement signed by `governance` (default: this log's governance key). */
  keyStatement(directory: Directory, governance = this.governance, serial = directory.serial): number {
    const wire = JSON.parse(new TextDecoder().decode(signDirectory(directory, governance))) as object;
    return this.append({ t: 'key', serial, ...wire });
  }

  /** Seals `text` from `from` to `to`, dated at the builder's clock. */
  seal(from: Party, to: readonly Party[], text: string): SealedEnvelope {
    return sealEnvelope({
      ...{ iat: this.clock - 500, exp: this.clock + 86_400_000, kind: 'concern', sv: 1 },
      ...{ agreement: 'isa-test', purpose: 'safeguarding', basis: 'Children Act 1989 s47' },
      ...{ priority: 'routine', respondBy: null, subject: null },
      plaintext: new TextEncoder().encode(text),
      sender: { agency: from.agency, kid: from.keys.signing.kid, signSecretKey: from.keys.signing.secretKey },
      recipients: to.map((p) => ({
        agency: p.agency,
        kid: p.keys.encryption.kid,
        publicKey: p.keys.encryption.publicKey,
      })),
    });
  }

  /** Logs the copy of `sealed` for recipient `to` (and retains its envelope unless told not to). */
  share(sealed: SealedEnvelope, to: string, retain = true): number {
    const seq = ++this.#seq;
    const parsed = parseEnvelope(sealed.bytes);
    if (retain) this.envelopes.push({ seq, bytes: sealed.bytes });
    const src = { seq, subj: `cwtch.share.${to}.${sealed.header.from.agency}` };
    const [h, b, s] = [parsed.headerBytes, parsed.bodyHash, parsed.signature].map(b64uEncode);
    return this.append({ t: 'msg', src, h, b, s });
  }

  /** Logs `by`'s signed statement about `sealed` (to its sender unless `options.to`). */
  receipt(
    by: Party,
    sealed: SealedEnvelope,
    status: ReceiptStatus = 'delivered',
    options: { to?: string; reason?: string; actor?: string; until?: number } = {},
  ): number {
    const to = options.to ?? sealed.header.from.agency;
    const reason = options.reason ?? (status === 'rejected' ? 'NOT_ADDRESSED_TO_ME' : null);
    const body = {
      ...{ v: 1 as const, typ: 'cwtch.receipt.v1' as const, id: sealed.id, status },
      ...{ by: { agency: by.agency, kid: by.keys.signing.kid }, to, at: this.clock },
      ...{ hh: b64uEncode(sha256(sealed.headerBytes)), b: b64uEncode(sealed.bodyHash) },
      ...{ actor: options.actor ?? null, reason },
      ...(options.until === undefined ? {} : { until: options.until }),
    };
    const wire = JSON.parse(new TextDecoder().decode(signReceipt(body, by.keys.signing.secretKey))) as object;
    const src = { seq: ++this.#seq, subj: `cwtch.receipt.${to}.${by.agency}` };
    return this.append({ t: 'rcpt', src, ...wire });
  }

  /** Logs a rejected event. */
  reject(subj: string, reason: string): number {
    const sha = b64uEncode(sha256(new TextEncoder().encode(reason)));
    return this.append({
      t: 'reject',
      src: { seq: ++this.#seq, subj },
      reason,
      sha256: sha,
      id: null,
      from: null,
    });
  }

  /** The signed note for the whole log: log signature plus `cosigners` witness cosignatures. */
  checkpoint(cosigners = 3): string {
    const tree = new MerkleTree();
    for (const entry of this.entries) tree.appendEntry(entry);
    const text = formatCheckpoint({ origin: ORIGIN, size: tree.size, root: tree.root() });
    const note = parseSignedNote(signCheckpoint(text, ORIGIN, this.#log.secretKey));
    if (!note.ok) throw note.error;
    const time = Math.floor(this.clock / 1000);
    const cosigs = this.#witnesses
      .slice(0, cosigners)
      .map((name) => cosignCheckpoint(text, name, keysFor(name).signing.secretKey, time));
    return formatSignedNote({ text, signatures: [...note.value.signatures, ...cosigs] });
  }

  /** The bundle as JSON Lines (without newlines): header, entries, retained envelopes. */
  lines(cosigners = 3): string[] {
    const header = { typ: 'cwtch.audit.bundle.v1', origin: ORIGIN, size: this.entries.length };
    return [
      JSON.stringify({ ...header, exportedAt: this.clock, checkpoint: this.checkpoint(cosigners) }),
      ...this.entries.map((e, i) => JSON.stringify({ i, e: b64(e) })),
      ...this.envelopes.map(({ seq, bytes }) => JSON.stringify({ envelope: { seq, b: b64(bytes) } })),
    ];
  }
}
