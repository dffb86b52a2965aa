/**
 * Writes the generated JSON Schemas and AsyncAPI document, and copies each kind's example to
 * `examples/<kind>.json`: `pnpm --filter @cwtch/contracts generate` (or `npx tsx
 * contracts/src/generate.ts`). Removes generated files that no longer have a source. A test
 * fails while the checked-in files are stale.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EXAMPLES_DIR, GENERATED_DIR, renderGeneratedFiles } from './schema/render-generated-files.ts';

const root = resolve(import.meta.dirname, '..');
const files = renderGeneratedFiles();
for (const dir of [`${GENERATED_DIR}/json-schema`, EXAMPLES_DIR]) {
  mkdirSync(join(root, dir), { recursive: true });
  for (const name of readdirSync(join(root, dir))) {
    if (!(`${dir}/${name}` in files)) rmSync(join(root, dir, name));
  }
}
for (const [path, text] of Object.entries(files)) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
process.stdout.write(`wrote ${Object.keys(files).length} files under ${join(root, GENERATED_DIR)}\n`);
