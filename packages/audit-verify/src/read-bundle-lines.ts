import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/**
 * Reads a bundle file line by line (UTF-8, LF or CRLF) without loading it whole: the input of
 * {@link verifyBundle} and {@link disclose}. The file is closed when iteration ends or stops early.
 *
 * @example
 * ```ts
 * const report = await verifyBundle(readBundleLines('audit-2026-01.jsonl'), trust);
 * ```
 */
export async function* readBundleLines(path: string): AsyncGenerator<string, void, undefined> {
  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) yield line;
  } finally {
    lines.close();
    input.destroy();
  }
}
