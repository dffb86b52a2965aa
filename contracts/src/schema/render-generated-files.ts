import { buildAsyncApi } from './build-async-api.ts';
import { buildJsonSchemas } from './build-json-schemas.ts';

/** Folder (relative to the package root) that holds generated files. */
export const GENERATED_DIR = 'generated';

/**
 * Every generated file's text by path relative to the package root: JSON Schemas under
 * `generated/json-schema/` and `generated/asyncapi.json`, two-space JSON with a final newline.
 */
export function renderGeneratedFiles(): Record<string, string> {
  const text = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const out: Record<string, string> = {};
  for (const [file, schema] of Object.entries(buildJsonSchemas())) {
    out[`${GENERATED_DIR}/json-schema/${file}`] = text(schema);
  }
  out[`${GENERATED_DIR}/asyncapi.json`] = text(buildAsyncApi());
  return out;
}
