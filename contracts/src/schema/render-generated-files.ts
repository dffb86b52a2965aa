import { readFileSync } from 'node:fs';
import { exampleUrl } from '../kinds/load-example.ts';
import { KindName } from '../kinds/registry.ts';
import { buildAsyncApi } from './build-async-api.ts';
import { buildJsonSchemas } from './build-json-schemas.ts';

/** Folder (relative to the package root) that holds generated files. */
export const GENERATED_DIR = 'generated';

/**
 * Folder (relative to the package root) of copies of each kind's example, for the path DESIGN §9
 * names (`contracts/examples/<kind>.json`); the example itself lives in the kind's folder.
 */
export const EXAMPLES_DIR = 'examples';

/**
 * Every generated file's text by path relative to the package root: JSON Schemas under
 * `generated/json-schema/` and `generated/asyncapi.json`, two-space JSON with a final newline,
 * and `examples/<kind>.json`, a byte-for-byte copy of `src/kinds/<kind>/example.json`.
 */
export function renderGeneratedFiles(): Record<string, string> {
  const text = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const out: Record<string, string> = {};
  for (const [file, schema] of Object.entries(buildJsonSchemas())) {
    out[`${GENERATED_DIR}/json-schema/${file}`] = text(schema);
  }
  out[`${GENERATED_DIR}/asyncapi.json`] = text(buildAsyncApi());
  for (const kind of KindName.options)
    out[`${EXAMPLES_DIR}/${kind}.json`] = readFileSync(exampleUrl(kind), 'utf8');
  return out;
}
