import type { AuditEntry } from '@cwtch/contracts';

/** Where a logged event came from in the SHARES stream. */
export interface Source {
  readonly seq: number;
  readonly subj: string;
}

type WithoutPosition<T> = T extends unknown ? Omit<T, 'v' | 'i' | 'ts' | 'bt'> : never;

/** A share-log entry (the contract's `AuditEntry`) before the writer adds its position and times. */
export type EntryBody = WithoutPosition<AuditEntry>;

/** A complete entry as stored. */
export type Entry = AuditEntry;

/**
 * The exact bytes of an entry: written once, stored verbatim as the AUDIT message and hashed as
 * the Merkle leaf. `bt` is the time the bus stored the event (the time checks are judged on).
 */
export function encodeEntry(body: EntryBody, i: number, ts: number, bt: number): Uint8Array {
  const { t, ...rest } = body;
  return new TextEncoder().encode(JSON.stringify({ v: 1, t, i, ts, bt, ...rest }));
}

/** Parses stored entry bytes (trusted: only this service writes them). */
export function decodeEntry(bytes: Uint8Array): Entry {
  return JSON.parse(new TextDecoder().decode(bytes)) as Entry;
}
