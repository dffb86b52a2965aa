/**
 * Writes the generated JSON Schemas and AsyncAPI document: `pnpm --filter @cwtch/contracts
 * generate` (or `npx tsx contracts/src/generate.ts`). Removes generated files that no longer
 * have a source. A test fails while the checked-in files are stale.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { GENERATED_DIR, renderGeneratedFiles } from './schema/render-generated-files.ts';

const root = resolve(import.meta.dirname, '..');
const files = renderGeneratedFiles();
const schemaDir = join(root, GENERATED_DIR, 'json-schema');
mkdirSync(schemaDir, { recursive: true });
for (const name of readdirSync(schemaDir)) {
  if (!(`${GENERATED_DIR}/json-schema/${name}` in files)) rmSync(join(schemaDir, name));
}
for (const [path, text] of Object.entries(files)) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
process.stdout.write(`wrote ${Object.keys(files).length} files under ${join(root, GENERATED_DIR)}\n`);
