import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { schemaCodeValues, schemaFieldPaths } from './field-paths.ts';
import { codeName } from './shared/code-names.ts';
import type { LabelGroup } from './shared/label-groups.ts';

/** Folders under `contracts/src/kinds/` that are not kinds. */
const NOT_KINDS = new Set(['shared']);

/** What the folder check needs of a registered kind. */
export interface RegisteredKind {
  readonly name: string;
  readonly schema: z.ZodType;
  readonly labels: LabelGroup;
}

const said = (text: string | undefined) => text !== undefined && text.trim() !== '';

/**
 * Fields of `kind`'s schema without an English and a Welsh label, and code values (`path=value`)
 * without one (an organisation code named by the identifier tables counts as labelled).
 */
export function missingLabels(kind: RegisteredKind): { fields: string[]; values: string[] } {
  const schema = z.toJSONSchema(kind.schema, { io: 'input', unrepresentable: 'any' });
  const label = (path: string) => (Object.hasOwn(kind.labels, path) ? kind.labels[path] : undefined);
  const fields = schemaFieldPaths(schema).filter((path) => {
    const found = label(path);
    return !said(found?.en) || !said(found?.cy);
  });
  const values: string[] = [];
  for (const [path, codes] of schemaCodeValues(schema)) {
    const known = label(path)?.values ?? {};
    for (const code of codes) {
      const found = Object.hasOwn(known, code) ? known[code] : codeName(code);
      if (!said(found?.en) || !said(found?.cy)) values.push(`${path}=${code}`);
    }
  }
  return { fields, values };
}

/**
 * What is missing for each kind to be complete, as sentences that say what to add: a folder
 * under `dir` that is not registered, or a registered kind without its `kind.ts`, example,
 * tests, or English and Welsh labels for every field and code value. Empty when all is well.
 */
export function kindFolderProblems(dir: string, registered: readonly RegisteredKind[]): string[] {
  const problems: string[] = [];
  const names = new Set(registered.map((k) => k.name));
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || NOT_KINDS.has(entry.name) || names.has(entry.name)) continue;
    problems.push(
      `contracts/src/kinds/${entry.name}/ is not registered: import its contract from './${entry.name}/kind.ts' and add it to KIND_LIST in contracts/src/kinds/registry.ts`,
    );
  }
  for (const kind of registered) {
    const folder = join(dir, kind.name);
    const at = `contracts/src/kinds/${kind.name}/`;
    const files = existsSync(folder) ? readdirSync(folder) : [];
    if (!files.includes('kind.ts')) {
      problems.push(`${kind.name} is registered without ${at}kind.ts: define it there with defineKind`);
    }
    if (!files.includes('example.json')) {
      problems.push(
        `${kind.name} has no example: add ${at}example.json (a valid payload about the demo child, Cerys Evans, NHS number 943 476 5919), then run \`npx tsx contracts/src/generate.ts\``,
      );
    }
    if (!files.some((f) => f.endsWith('.test.ts'))) {
      problems.push(
        `${kind.name} has no tests: add ${at}schema.test.ts with a test that makes each cross-field rule refuse`,
      );
    }
    const { fields, values } = missingLabels(kind);
    if (fields.length > 0) {
      problems.push(
        `${kind.name} needs English and Welsh labels in ${at}labels.ts for: ${fields.join(', ')}`,
      );
    }
    if (values.length > 0) {
      problems.push(
        `${kind.name} needs English and Welsh labels for these code values (codes(...) on the field's label in ${at}labels.ts): ${values.join(', ')}`,
      );
    }
  }
  return problems;
}
