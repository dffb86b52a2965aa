import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** A workspace package as the rules see it. */
export interface WorkspacePackage {
  readonly name: string;
  readonly dir: string;
  readonly layer: 'contracts' | 'packages' | 'services' | 'test';
  readonly deps: readonly string[];
  /** Source files with their text. */
  readonly files: readonly { path: string; text: string }[];
}

const RANK = { contracts: 0, packages: 1, services: 2, test: 3 } as const;
const IMPORT =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Reads every workspace package under `root`. */
export function readWorkspace(root: string): WorkspacePackage[] {
  const dirs: [WorkspacePackage['layer'], string][] = [
    ['contracts', join(root, 'contracts')],
    ...readdirSync(join(root, 'packages')).map((d): [WorkspacePackage['layer'], string] => [
      'packages',
      join(root, 'packages', d),
    ]),
    ...readdirSync(join(root, 'services')).map((d): [WorkspacePackage['layer'], string] => [
      'services',
      join(root, 'services', d),
    ]),
    ['test', join(root, 'test')],
  ];
  return dirs.map(([layer, dir]) => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      name: string;
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    return {
      name: pkg.name,
      dir,
      layer,
      deps: Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }),
      // The rules' own test holds violating imports inside strings on purpose.
      files: walk(dir)
        .filter((path) => !path.endsWith('architecture.test.ts'))
        .map((path) => ({ path, text: readFileSync(path, 'utf8') })),
    };
  });
}

/**
 * Every forbidden edge in the workspace: imports run contracts → packages → services (test may
 * import anything), services never import each other, workspace packages are imported by name
 * only (no deep `@cwtch/x/src` imports, no relative path into another package), and every
 * workspace import is a declared dependency.
 */
export function findViolations(packages: readonly WorkspacePackage[]): string[] {
  const byName = new Map(packages.map((p) => [p.name, p]));
  const out: string[] = [];
  for (const p of packages) {
    for (const f of p.files) {
      for (const m of f.text.matchAll(IMPORT)) {
        const spec = m[1] ?? m[2] ?? m[3] ?? '';
        const where = `${relative(dirname(p.dir), f.path)} imports ${spec}`;
        if (spec.startsWith('.')) {
          const target = resolve(dirname(f.path), spec);
          if (!target.startsWith(`${p.dir}/`)) out.push(`${where}: relative import leaves ${p.name}`);
          continue;
        }
        const match = /^(@cwtch\/[^/]+)(\/.*)?$/.exec(spec);
        if (!match) continue;
        const [, name = '', sub] = match;
        const target = byName.get(name);
        if (!target) {
          out.push(`${where}: no such workspace package`);
          continue;
        }
        if (sub && !sub.startsWith('/examples/'))
          out.push(`${where}: deep import; use the package's public face`);
        if (!p.deps.includes(name) && name !== p.name)
          out.push(`${where}: ${name} is not a declared dependency`);
        if (p.layer === 'test') continue;
        if (RANK[target.layer] > RANK[p.layer])
          out.push(`${where}: ${p.layer} may not import ${target.layer}`);
        if (p.layer === 'services' && target.layer === 'services' && target !== p)
          out.push(`${where}: services never import each other`);
      }
    }
  }
  return out;
}
