import { EpochMs, hotSchema } from '@cwtch/contracts';
import { z } from 'zod';

/** Type string of the first line of an audit bundle. */
export const BUNDLE_TYPE = 'cwtch.audit.bundle.v1';

/**
 * Line 1 of an audit bundle: the log, its size, when it was exported, and the signed note text of
 * the checkpoint (checkpoint body, blank line, log signature line, cosignature lines).
 */
export const BundleHeader = z.strictObject({
  typ: z.literal(BUNDLE_TYPE),
  origin: z.string().min(1).max(256),
  size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  exportedAt: EpochMs,
  checkpoint: z.string().min(1).max(1_000_000),
});
export type BundleHeader = z.infer<typeof BundleHeader>;

/** An entry line: leaf index and standard base64 of the exact entry bytes. */
export const EntryLine = z.strictObject({
  i: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  e: z.string(),
});
export type EntryLine = z.infer<typeof EntryLine>;

/** A retained envelope line: the SHARES stream sequence and standard base64 of the envelope bytes. */
export const EnvelopeLine = z.strictObject({
  envelope: z.strictObject({ seq: z.number().int().positive(), b: z.string().min(1) }),
});
export type EnvelopeLine = z.infer<typeof EnvelopeLine>;

/** A bundle line after the header, classified. */
export type BundleLine =
  | { readonly kind: 'entry'; readonly line: EntryLine }
  | { readonly kind: 'envelope'; readonly seq: number; readonly b: string }
  | { readonly kind: 'invalid'; readonly message: string };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Parses the header line; `undefined` when it is not one. */
export function parseHeaderLine(text: string): BundleHeader | undefined {
  const parsed = BundleHeader.safeParse(parseJson(text));
  return parsed.success ? parsed.data : undefined;
}

/** Classifies a line after the header as an entry line, a retained envelope, or invalid. */
export function classifyLine(text: string): BundleLine {
  const value = parseJson(text);
  if (typeof value !== 'object' || value === null) return { kind: 'invalid', message: 'not a JSON object' };
  if ('envelope' in value) {
    const parsed = EnvelopeLine.safeParse(value);
    return parsed.success
      ? { kind: 'envelope', seq: parsed.data.envelope.seq, b: parsed.data.envelope.b }
      : { kind: 'invalid', message: 'malformed envelope line' };
  }
  const parsed = hotSchema(EntryLine).safeParse(value);
  return parsed.success
    ? { kind: 'entry', line: parsed.data }
    : { kind: 'invalid', message: 'neither an entry line nor an envelope line' };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 JSON bytes; `undefined` when they are not. */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(utf8.decode(bytes));
  } catch {
    return undefined;
  }
}
