import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import {
  BUNDLE_FORMAT,
  type Bundled,
  type BundleRecord,
  bundleState,
  REPOSITORY_ROOT,
  recordFile,
  serviceBundleDir,
  sha256,
  sourceEntry,
} from './bundle-state.ts';

/**
 * `import.meta`, spelt so that this file holds it only where it means it: the CLI's bundle is built
 * by this very plugin, which rewrites every occurrence in a file's text, strings included.
 */
const META = ['import', 'meta'].join('.');

/** A bundle no longer current is removed once it is this old (a service may be starting from it). */
const KEEP_OLD_MS = 10 * 60_000;

/**
 * Code that finds a file beside itself (`new URL('./cwtch.css', import.meta.url)`, a
 * `createRequire(import.meta.url)` resolving htmx, a worker's script) must still find it once its
 * module sits inside a bundle elsewhere: `import.meta.url`, `.dirname` and `.filename` become the
 * original file's. The plugin also reads every file the bundle is built from and records the hash of
 * exactly the content bundled, so that an edit made during the build leaves the bundle stale.
 */
function sourceFiles(root: string, inputs: Map<string, string>): Plugin {
  return {
    name: 'cwtch-source-files',
    setup(build) {
      build.onLoad({ filter: /\.(?:[cm]?[jt]s|json)$/ }, async (args) => {
        const bytes = await readFile(args.path);
        inputs.set(relative(root, args.path), sha256(bytes));
        let contents = bytes.toString('utf8');
        if (contents.includes(`${META}.`)) {
          const url = pathToFileURL(args.path);
          contents = contents
            .replaceAll(`${META}.url`, JSON.stringify(url.href))
            .replaceAll(`${META}.dirname`, JSON.stringify(join(args.path, '..')))
            .replaceAll(`${META}.filename`, JSON.stringify(args.path));
        }
        const loader = args.path.endsWith('.json') ? 'json' : /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js';
        return { contents, loader };
      });
    },
  };
}

/**
 * Builds the service's bundle from its source and makes it the current one. Safe when several
 * processes build at once (test files starting regions side by side): each writes a folder of
 * its own, named by the hash of its inputs, and moves it into place; the record is replaced
 * atomically, so a reader sees a whole bundle or none.
 */
export async function buildBundle(service: Bundled, root = REPOSITORY_ROOT): Promise<string> {
  // Resolved beside this file: inside the CLI's own bundle it is left out (esbuild runs its native
  // binary from its package) and must still be found from the source folder, which `import.meta.url`
  // names there too.
  const { build } = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  const inputs = new Map<string, string>();
  const lock = 'pnpm-lock.yaml';
  inputs.set(lock, sha256(await readFile(join(root, lock))));
  const result = await build({
    absWorkingDir: root,
    entryPoints: [sourceEntry(service, root)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    outfile: 'main.mjs',
    write: false,
    // The map is written beside the bundle but Node reads it only with --enable-source-maps, which
    // costs a service about 0.3 s of CPU and 70 MB at start (docs/scale.md §5): the bundle is not
    // minified and names each module it holds, so its stack traces read without it.
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'silent',
    // Dependencies written as CommonJS call require(); an ES module has none of its own.
    banner: {
      js: `import { createRequire as cwtchCreateRequire } from 'node:module';\nconst require = cwtchCreateRequire(${META}.url);`,
    },
    plugins: [sourceFiles(root, inputs)],
  });
  const sorted = Object.fromEntries([...inputs].sort(([a], [b]) => a.localeCompare(b)));
  const key = sha256(JSON.stringify({ format: BUNDLE_FORMAT, inputs: sorted })).slice(0, 20);
  const dir = serviceBundleDir(service, root);
  const unique = `${process.pid}-${randomUUID()}`;
  const staging = join(dir, `.building-${unique}`);
  await mkdir(staging, { recursive: true });
  for (const file of result.outputFiles)
    await writeFile(join(staging, relative(root, file.path)), file.contents);
  try {
    await rename(staging, join(dir, key));
  } catch (e) {
    // Another build of the same inputs got there first: its bundle is this one.
    if (!['EEXIST', 'ENOTEMPTY'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
    await rm(staging, { recursive: true, force: true });
  }
  const record: BundleRecord = { format: BUNDLE_FORMAT, key, inputs: sorted };
  const next = `${recordFile(service, root)}.${unique}`;
  await writeFile(next, `${JSON.stringify(record, null, 1)}\n`);
  await rename(next, recordFile(service, root));
  await removeOld(dir, key);
  return join(dir, key, 'main.mjs');
}

async function removeOld(dir: string, keep: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (name === keep || name === 'current.json') continue;
    const path = join(dir, name);
    const { mtimeMs } = await stat(path).catch(() => ({ mtimeMs: Date.now() }));
    if (Date.now() - mtimeMs > KEEP_OLD_MS) await rm(path, { recursive: true, force: true });
  }
}

/** The service's current bundle, built first when it is missing or stale. */
export async function ensureBundle(
  service: Bundled,
  root = REPOSITORY_ROOT,
): Promise<{ entry: string; built: string | undefined }> {
  const state = bundleState(service, root);
  if (state.current) return { entry: state.entry, built: undefined };
  return { entry: await buildBundle(service, root), built: state.reason };
}
