/**
 * A small, realistic log for this package's tests (not exported from index.ts): three agencies,
 * two directory statements, three messages with their copies and receipts, one rejected event.
 */
import { initCrypto, openEnvelope, parseEnvelope, type SealedEnvelope, verifyEnvelope } from '@cwtch/crypto';
import { BundleBuilder, directoryOf, keysFor, type Party } from './test-support.ts';

/** A fixed-key party. */
export const party = (agency: string): Party => ({ agency, keys: keysFor(agency) });

/** The content key `me` recovers from `sealed`, as a recipient would before disclosing it. */
export function cekOf(sealed: SealedEnvelope, me: Party, sender: Party): Uint8Array {
  const verified = verifyEnvelope(parseEnvelope(sealed.bytes), {
    resolveSigningKey: () => ({ publicKey: sender.keys.signing.publicKey }),
  });
  const { encryption } = me.keys;
  return openEnvelope(verified, { me: { agency: me.agency, ...encryption } }).cek;
}

/** The scenario's parties, messages and the builder holding its log. */
export interface Scenario {
  readonly builder: BundleBuilder;
  readonly cs: Party;
  readonly police: Party;
  readonly wrexham: Party;
  /** cs to police and wrexham (entries 1-4). */
  readonly m1: SealedEnvelope;
  /** police to cs (entries 5, 7). */
  readonly m2: SealedEnvelope;
  /** wrexham to cs and police (entries 9-12). */
  readonly m3: SealedEnvelope;
}

/**
 * Entries: 0 key (serial 1); 1-2 m1 copies; 3-4 their receipts; 5 m2 copy; 6 a rejected event;
 * 7 m2's receipt; 8 key (serial 2); 9-10 m3 copies; 11-12 their receipts (one `rejected`).
 */
export async function scenario(): Promise<Scenario> {
  await initCrypto();
  const [cs, police, wrexham] = ['swansea-cs', 'swansea-police', 'wrexham-cs'].map(party) as [
    Party,
    Party,
    Party,
  ];
  const builder = new BundleBuilder();
  builder.keyStatement(directoryOf([cs, police, wrexham], 1));
  const m1 = builder.seal(cs, [police, wrexham], 'first concern');
  builder.share(m1, police.agency);
  builder.share(m1, wrexham.agency);
  builder.receipt(police, m1);
  builder.receipt(wrexham, m1);
  const m2 = builder.seal(police, [cs], 'second concern');
  builder.share(m2, cs.agency);
  builder.reject(`cwtch.share.${cs.agency}.${wrexham.agency}`, 'SIGNATURE_INVALID');
  builder.receipt(cs, m2);
  builder.keyStatement(directoryOf([cs, police, wrexham], 2));
  const m3 = builder.seal(wrexham, [cs, police], 'third concern');
  builder.share(m3, cs.agency);
  builder.share(m3, police.agency);
  builder.receipt(cs, m3);
  builder.receipt(police, m3, 'rejected');
  return { builder, cs, police, wrexham, m1, m2, m3 };
}

/** Decodes, changes and re-encodes the entry on line `index + 1` (its `i` is kept). */
export function editEntry(lines: string[], index: number, edit: (bytes: Buffer) => Buffer): string[] {
  const out = [...lines];
  const line = JSON.parse(out[index + 1] ?? '') as { i: number; e: string };
  out[index + 1] = JSON.stringify({ i: line.i, e: edit(Buffer.from(line.e, 'base64')).toString('base64') });
  return out;
}

/** Codes of the findings at `index` (null: bundle-wide). */
export const codesAt = (findings: readonly { index: number | null; code: string }[], index: number | null) =>
  findings.filter((f) => f.index === index).map((f) => f.code);
