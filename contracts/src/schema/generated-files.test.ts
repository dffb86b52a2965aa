import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { KindName } from '../kinds/registry.ts';
import { buildAsyncApi } from './build-async-api.ts';
import { buildJsonSchemas } from './build-json-schemas.ts';
import { EXAMPLES_DIR, GENERATED_DIR, renderGeneratedFiles } from './render-generated-files.ts';

const root = resolve(import.meta.dirname, '../..');
const STALE =
  'stale: edit src/kinds/<kind>/ (never the copies), run `npx tsx contracts/src/generate.ts` and commit contracts/generated and contracts/examples';

describe('generated JSON Schema and AsyncAPI', () => {
  it('checked-in files match a fresh build', () => {
    for (const [path, text] of Object.entries(renderGeneratedFiles())) {
      expect(existsSync(join(root, path)), `${path} missing: ${STALE}`).toBe(true);
      expect(readFileSync(join(root, path), 'utf8'), `${path} ${STALE}`).toBe(text);
    }
  });

  it('has no generated file without a source', () => {
    const expected = new Set(Object.keys(renderGeneratedFiles()));
    const onDisk = [`${GENERATED_DIR}/json-schema`, EXAMPLES_DIR].flatMap((dir) =>
      readdirSync(join(root, dir)).map((f) => `${dir}/${f}`),
    );
    expect(
      onDisk.filter((path) => !expected.has(path)),
      STALE,
    ).toEqual([]);
  });

  it('builds a versioned schema per kind and for the envelope, receipt and audit entry', () => {
    const files = Object.keys(buildJsonSchemas()).sort();
    for (const kind of KindName.options) expect(files).toContain(`${kind}.v1.json`);
    for (const wire of ['envelope-header', 'envelope-wire', 'receipt-body', 'receipt-wire', 'audit-entry']) {
      expect(files).toContain(`${wire}.v1.json`);
    }
    expect(buildJsonSchemas()['missing-episode.v1.json']).toMatchObject({
      additionalProperties: false,
      type: 'object',
    });
  });

  it('is pure: two builds are equal', () => {
    expect(buildAsyncApi()).toEqual(buildAsyncApi());
    expect(buildJsonSchemas()).toEqual(buildJsonSchemas());
  });

  it('parses with @asyncapi/parser without errors', async () => {
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(buildAsyncApi()));
    const errors = diagnostics.filter((d) => d.severity === 0);
    expect(errors.map((d) => `${d.code} ${d.path.join('.')}: ${d.message}`)).toEqual([]);
    expect(
      document
        ?.channels()
        .all()
        .map((c) => c.address())
        .sort(),
    ).toEqual(['cwtch.audit.entry', 'cwtch.receipt.{sender}.{recipient}', 'cwtch.share.{to}.{from}']);
    expect(document?.operations().all().length).toBe(6);
  });
});
