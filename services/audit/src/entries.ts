/** Where a logged event came from in the SHARES stream. */
export interface Source {
  readonly seq: number;
  readonly subj: string;
}

/** Share-log entry bodies (without the position and times the writer adds). Member order is the wire order. */
export type EntryBody =
  | { readonly t: 'msg'; readonly src: Source; readonly h: string; readonly b: string; readonly s: string }
  | { readonly t: 'rcpt'; readonly src: Source; readonly r: string; readonly s: string }
  | {
      readonly t: 'reject';
      readonly src: Source;
      readonly code: string;
      /** SHA-256 of the raw bytes refused (base64url). */
      readonly sha256: string;
      /** Message id and sender the bytes claimed, when they could be read. */
      readonly id: string | null;
      readonly from: string | null;
    }
  | { readonly t: 'dir'; readonly serial: number; readonly d: string; readonly kid: string; readonly s: string };

/** A complete entry as stored: `{v, t, i, ts, bt, ...body}`. */
export type Entry = EntryBody & { readonly v: 1; readonly i: number; readonly ts: number; readonly bt: number };

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
