import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { buildBundle, ensureBundle } from './build-bundle.ts';
import { BUNDLE_FORMAT, bundleState, recordFile, sourceEntry } from './bundle-state.ts';

// A repository of its own in a temporary folder, shaped like this one: a "connector" whose main.ts
// imports a module that reads a file beside itself through import.meta.url, and one written as
// CommonJS that calls require().
let root = '';
/** The fixture's library, as its main.ts imports it. */
const LIB = ['..', '..', '..', 'packages', 'lib', 'src'].join('/');
const made: string[] = [];
const write = (path: string, content: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), content);
};
const run = (entry: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', entry, ...args], {
    encoding: 'utf8',
  });

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cwtch-bundle-'));
  made.push(root);
  write('pnpm-lock.yaml', 'lockfileVersion: 9.0\n');
  write('packages/lib/src/note.txt', 'beside the module\n');
  write(
    'packages/lib/src/lib.ts',
    "import { readFileSync } from 'node:fs';\n" +
      'export const where: string = import.meta.url;\n' +
      "export const note = (): string => readFileSync(new URL('./note.txt', import.meta.url), 'utf8').trim();\n",
  );
  write(
    'packages/lib/src/old.cjs',
    "const os = require('node:os');\nmodule.exports = { eol: JSON.stringify(os.EOL) };\n",
  );
  write(
    'services/connector/src/main.ts',
    `import { note, where } from '${LIB}/lib.ts';\n` +
      `import old from '${LIB}/old.cjs';\n` +
      'console.log(JSON.stringify({ where, note: note(), eol: old.eol, self: import.meta.url }));\n' +
      "console.error(new Error('where').stack?.includes('/.tools/bundles/') ? 'ran the bundle' : 'ran the source');\n",
  );
});

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('a service bundle', () => {
  it('runs as its source does: files beside a module are found where the module lives', async () => {
    expect(bundleState('connector', root)).toEqual({ current: false, reason: 'not built yet' });
    const entry = await buildBundle('connector', root);
    expect(entry.startsWith(join(root, '.tools', 'bundles', 'connector'))).toBe(true);
    expect(existsSync(`${entry}.map`)).toBe(true);
    const fromSource = run(sourceEntry('connector', root));
    const fromBundle = run(entry);
    expect(fromBundle.stderr).toBe('ran the bundle\n');
    expect(fromSource.stderr).toBe('ran the source\n');
    const out = JSON.parse(fromBundle.stdout) as Record<string, string>;
    const source = JSON.parse(fromSource.stdout) as Record<string, string>;
    expect(out).toEqual(source);
    expect(out.where).toBe(pathToFileURL(join(root, 'packages/lib/src/lib.ts')).href);
    expect(out.note).toBe('beside the module');
    const state = bundleState('connector', root);
    expect(state.current && state.entry).toBe(entry);
    // Every file it was built from is recorded, the lock file too.
    expect(Object.keys(state.current ? state.record.inputs : {})).toEqual([
      'packages/lib/src/lib.ts',
      'packages/lib/src/old.cjs',
      'pnpm-lock.yaml',
      'services/connector/src/main.ts',
    ]);
  });

  it('is stale once any file it was built from changes or goes, and a build makes it current again', async () => {
    const first = await buildBundle('connector', root);
    write(
      'packages/lib/src/lib.ts',
      `${readFileSync(join(root, 'packages/lib/src/lib.ts'), 'utf8')}// edited\n`,
    );
    expect(bundleState('connector', root)).toEqual({
      current: false,
      reason: 'packages/lib/src/lib.ts changed',
    });
    const { entry, built } = await ensureBundle('connector', root);
    expect(built).toBe('packages/lib/src/lib.ts changed');
    expect(entry).not.toBe(first);
    expect(existsSync(first)).toBe(true); // kept a while: a service may be starting from it
    expect(await ensureBundle('connector', root)).toEqual({ entry, built: undefined });

    write('pnpm-lock.yaml', 'lockfileVersion: 9.0\n# another install\n');
    expect(bundleState('connector', root)).toEqual({ current: false, reason: 'pnpm-lock.yaml changed' });
    await buildBundle('connector', root);
    rmSync(join(root, 'packages/lib/src/old.cjs'));
    expect(bundleState('connector', root)).toEqual({
      current: false,
      reason: 'packages/lib/src/old.cjs is gone',
    });
  });

  it('is stale when its file is gone or an older build wrote it', async () => {
    const entry = await buildBundle('connector', root);
    const record = JSON.parse(readFileSync(recordFile('connector', root), 'utf8'));
    writeFileSync(recordFile('connector', root), JSON.stringify({ ...record, format: BUNDLE_FORMAT - 1 }));
    expect(bundleState('connector', root)).toEqual({
      current: false,
      reason: `built by an older build (${BUNDLE_FORMAT - 1})`,
    });
    writeFileSync(recordFile('connector', root), JSON.stringify(record));
    expect(bundleState('connector', root).current).toBe(true);
    rmSync(entry);
    expect(bundleState('connector', root)).toEqual({ current: false, reason: `${entry} is gone` });
  });

  it('builds whole when several processes build it at once', async () => {
    const entries = await Promise.all([1, 2, 3].map(() => buildBundle('connector', root)));
    expect(new Set(entries).size).toBe(1);
    const state = bundleState('connector', root);
    expect(state.current && state.entry).toBe(entries[0]);
    expect(JSON.parse(run(entries[0]!).stdout).note).toBe('beside the module');
  });
});

describe('run-service.ts, the launcher of the systemd units and Compose', () => {
  const launcher = () => {
    // A copy inside the temporary repository, so that it takes that folder as its root.
    for (const file of ['run-service.ts', 'bundle-state.ts'])
      copyFileSync(new URL(`./${file}`, import.meta.url), join(root, 'services/cli/src/bundle', file));
    return join(root, 'services/cli/src/bundle/run-service.ts');
  };

  it('runs the current bundle, else the source and says why on stderr', async () => {
    mkdirSync(join(root, 'services/cli/src/bundle'), { recursive: true });
    const start = launcher();
    const fromSource = run(start, 'connector');
    expect(fromSource.status).toBe(0);
    expect(fromSource.stderr).toContain(
      'the connector bundle is not current (not built yet); running from source',
    );
    expect(fromSource.stderr).toContain('ran the source');

    const entry = await buildBundle('connector', root);
    const fromBundle = run(start, 'connector');
    expect(fromBundle.stderr).toBe('ran the bundle\n');
    expect(entry).toContain('/.tools/bundles/connector/');

    const refused = run(start, 'nats');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('usage: run-service.ts connector|audit');
  });
});

describe('the cwtch command (bin/cwtch → run-cli.ts)', () => {
  // The fixture's CLI: the launcher and the build beside it, esbuild from this package's own.
  const launcher = () => {
    mkdirSync(join(root, 'services/cli/src/bundle'), { recursive: true });
    for (const file of ['run-cli.ts', 'bundle-state.ts', 'build-bundle.ts'])
      copyFileSync(new URL(`./${file}`, import.meta.url), join(root, 'services/cli/src/bundle', file));
    symlinkSync(
      fileURLToPath(new URL('../../node_modules', import.meta.url)),
      join(root, 'services/cli/node_modules'),
    );
    return join(root, 'services/cli/src/bundle/run-cli.ts');
  };
  const cli = (said: string) =>
    write(
      'services/cli/src/main.ts',
      `console.log('${said}', JSON.stringify(process.argv.slice(2)));\n` +
        "console.error(new Error('where').stack?.includes('/.tools/bundles/cli/') ? 'ran the bundle' : 'ran the source');\n",
    );

  it('runs from its bundle, built again whenever the source changed, its arguments untouched', () => {
    const start = launcher();
    cli('first');
    const built = run(start, 'send', '--to', 'a b');
    expect(built.status).toBe(0);
    expect(built.stdout).toBe('first ["send","--to","a b"]\n');
    expect(built.stderr).toBe('ran the bundle\n');
    expect(bundleState('cli', root).current).toBe(true);

    cli('second');
    const rebuilt = run(start, 'inbox');
    expect(rebuilt.stdout).toBe('second ["inbox"]\n');
    expect(rebuilt.stderr).toBe('ran the bundle\n');
  });

  it('runs from source, saying why, when its bundle cannot be built', () => {
    const start = launcher();
    cli('only');
    // Where the bundle would go is a file: nothing can be written there.
    write('.tools/bundles/cli', 'not a folder\n');
    const fallback = run(start, 'example');
    expect(fallback.status).toBe(0);
    expect(fallback.stdout).toBe('only ["example"]\n');
    expect(fallback.stderr).toMatch(
      /^cwtch: the CLI bundle is not current \(.+\) and did not build \(.+\); running from source\nran the source\n$/,
    );
  });
});

describe("this repository's services and its CLI", () => {
  it('bundle, and the bundles are current once built', async () => {
    for (const service of ['connector', 'audit', 'cli'] as const) {
      const { entry } = await ensureBundle(service);
      expect(bundleState(service)).toMatchObject({ current: true, entry });
    }
  }, 60_000);
});
