import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AuditConfig } from '@cwtch/audit';
import { ConnectorConfig } from '@cwtch/connector';
import { PagesConfig } from '@cwtch/http';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface Variable {
  readonly required: boolean;
  /** The default as the parsed configuration holds it, written as text; undefined when none. */
  readonly defaultValue: string | undefined;
}

/** Every variable of a service's schema, with whether it is required and its default. */
function schemaVariables(schema: {
  shape: Record<string, { safeParse(value: unknown): { success: boolean; data?: unknown } }>;
}): Map<string, Variable> {
  const out = new Map<string, Variable>();
  for (const [name, field] of Object.entries(schema.shape)) {
    const r = field.safeParse(undefined);
    out.set(name, {
      required: !r.success,
      defaultValue: r.success && r.data !== undefined ? String(r.data) : undefined,
    });
  }
  return out;
}

/** The non-test TypeScript files under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join(dir, f));
}

/**
 * `CWTCH_*` variables read straight from `process.env` (not through a schema) in `dir`; an
 * assignment (`process.env.X = ...`, the bench setting its children's) is not a read.
 */
function directReads(dir: string): Set<string> {
  const names = new Set<string>();
  for (const f of sources(dir))
    for (const m of read(f).matchAll(
      /process\.env(?:\.|\[['"])(CWTCH_[A-Z0-9_]+)(?![A-Z0-9_])['"\]]*(?!\s*=[^=])/g,
    ))
      names.add(m[1]!);
  return names;
}

interface DocRow {
  readonly required: string;
  readonly defaultCell: string;
}

/** The variables documented in each `## ` section of docs/configuration.md. */
function docSections(): Map<string, Map<string, DocRow>> {
  const sections = new Map<string, Map<string, DocRow>>();
  for (const part of read('docs/configuration.md').split(/^## /m).slice(1)) {
    const title = part.slice(0, part.indexOf('\n')).trim();
    const rows = new Map<string, DocRow>();
    for (const m of part.matchAll(/^\|\s*`(CWTCH_[A-Z0-9_]+)`\s*\|([^|]*)\|([^|]*)\|/gm)) {
      expect(rows.has(m[1]!), `${m[1]} twice in "${title}"`).toBe(false);
      rows.set(m[1]!, { required: m[2]!.trim(), defaultCell: m[3]!.trim() });
    }
    sections.set(title, rows);
  }
  return sections;
}

/** An env file's variables: `NAME=value` lines, and `#NAME=value` lines (documented, left unset). */
function envFile(path: string): { named: Set<string>; set: Record<string, string> } {
  const named = new Set<string>();
  const set: Record<string, string> = {};
  for (const m of read(path).matchAll(/^(#?)(CWTCH_[A-Z0-9_]+)=(.*)$/gm)) {
    named.add(m[2]!);
    if (m[1] === '') set[m[2]!] = m[3]!.replace(/^"(.*)"$/, '$1');
  }
  return { named, set };
}

const sorted = (names: Iterable<string>) => [...names].sort();
const docs = docSections();
const section = (title: string) => {
  const s = docs.get(title);
  expect(s, `docs/configuration.md has a "## ${title}" section`).toBeDefined();
  return s!;
};
const pages = schemaVariables(PagesConfig);
const services = [
  {
    name: 'connector',
    dir: 'services/connector/src',
    schema: ConnectorConfig,
    variables: new Map([...schemaVariables(ConnectorConfig), ...pages]),
    section: 'Connector',
    example: 'infra/systemd/connector.env.example',
    unit: 'infra/systemd/cwtch-connector@.service',
  },
  {
    name: 'audit service',
    dir: 'services/audit/src',
    schema: AuditConfig,
    variables: new Map([...schemaVariables(AuditConfig), ...pages]),
    section: 'Audit service',
    example: 'infra/systemd/audit.env.example',
    unit: 'infra/systemd/cwtch-audit.service',
  },
];
const PAGES_SECTION = 'Sign-in to the pages (connector and audit service)';

describe('docs/configuration.md and the example env files name exactly what the code reads', () => {
  for (const s of services) {
    it(`${s.name}: every variable, documented and in ${s.example}, none invented`, () => {
      const code = sorted(s.variables.keys());
      for (const name of directReads(s.dir))
        expect(s.variables.has(name), `${name} is read from process.env outside the schema`).toBe(true);
      const documented = sorted([...section(s.section).keys(), ...section(PAGES_SECTION).keys()]);
      expect(documented, `docs/configuration.md, "${s.section}" and the sign-in section`).toEqual(code);
      expect(sorted(envFile(s.example).named), s.example).toEqual(code);
    });

    it(`${s.name}: required and default columns are the code's`, () => {
      for (const [title, rows] of [
        [s.section, section(s.section)],
        [PAGES_SECTION, section(PAGES_SECTION)],
      ] as const) {
        for (const [name, row] of rows) {
          const v = s.variables.get(name)!;
          expect(row.defaultCell, `${title}: ${name}'s default`).toBe(
            v.defaultValue === undefined ? '' : `\`${v.defaultValue}\``,
          );
          if (v.required) expect(row.required, `${title}: ${name} is required`).toBe('yes');
          else expect(row.required, `${title}: ${name} is optional`).not.toBe('yes');
        }
      }
    });

    it(`${s.name}: the example file's settings parse once its placeholder is replaced, and not before`, () => {
      const { set } = envFile(s.example);
      // What the systemd unit sets itself (Environment=), every name one the service reads.
      const fromUnit: Record<string, string> = {};
      for (const m of read(s.unit).matchAll(/^Environment=(CWTCH_[A-Z0-9_]+)=(.*)$/gm)) {
        expect(s.variables.has(m[1]!), `${s.unit} sets ${m[1]}, which the service does not read`).toBe(true);
        fromUnit[m[1]!] = m[2]!.replaceAll('%i', 'swansea-cs').replace(/%[Sd]/, '/x');
      }
      const env = { ...fromUnit, ...set };
      const placeholder = s.schema.safeParse(env);
      expect(placeholder.success).toBe(false);
      expect(placeholder.error?.issues.map((i) => i.path.join('.'))).toEqual(['CWTCH_GOVERNANCE_KEY']);
      const filled = { ...env, CWTCH_GOVERNANCE_KEY: 'A'.repeat(43) };
      const parsed = s.schema.safeParse(filled);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      const pagesParsed = PagesConfig.safeParse(filled);
      expect(pagesParsed.success, JSON.stringify(pagesParsed.error?.issues)).toBe(true);
    });
  }

  it('the cwtch command line: its own variables, documented, none invented', () => {
    const code = directReads('services/cli/src');
    // Variables of a schema the command line parses itself (the region's storage limits).
    for (const f of sources('services/cli/src'))
      for (const m of read(f).matchAll(/^\s+(CWTCH_[A-Z0-9_]+): (?:z\.|count\b)/gm)) code.add(m[1]!);
    expect(code.size).toBeGreaterThan(0);
    expect(sorted(section('The `cwtch` command line').keys())).toEqual(sorted(code));
  });
});
