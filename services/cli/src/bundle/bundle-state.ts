import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The services and the `cwtch` command run as one bundled file each, built by esbuild from their
 * source into `.tools/bundles/<name>/` (docs/scale.md §5): Node then loads one module instead of
 * about 570, and a service starts in about half the CPU time and 18 MB less resident. This module
 * only reads the state of the bundles (no dependency beyond Node), so that the launchers (run-service.ts
 * for the systemd units and Compose, run-cli.ts for bin/cwtch) stay small; build-bundle.ts writes them.
 *
 * A bundle is current when every file it was built from (each source file, each dependency's
 * file, the lock file) still has the content it was built from: a checkout, an edit or an install
 * makes it stale, and a stale bundle is never run.
 */

export const BUNDLED_SERVICES = ['connector', 'audit'] as const;
export type BundledService = (typeof BUNDLED_SERVICES)[number];
/** Everything that runs from a bundle: the services, and the `cwtch` command itself (bin/cwtch). */
export const BUNDLED = [...BUNDLED_SERVICES, 'cli'] as const;
export type Bundled = (typeof BUNDLED)[number];

/** Raised whenever the way bundles are built changes, so that older bundles count as stale. */
export const BUNDLE_FORMAT = 1;

/** The repository's root: the folder `services/`, `packages/` and `.tools/` sit in. */
export const REPOSITORY_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** What `current.json` records of the bundle in use. */
export interface BundleRecord {
  readonly format: number;
  /** The folder (under the service's bundle folder) that holds `main.mjs` and its source map. */
  readonly key: string;
  /** Every file the bundle was built from, relative to the root, with the SHA-256 of its content. */
  readonly inputs: Readonly<Record<string, string>>;
}

export const isBundledService = (name: string): name is BundledService =>
  (BUNDLED_SERVICES as readonly string[]).includes(name);

export const bundlesDir = (root = REPOSITORY_ROOT): string => join(root, '.tools', 'bundles');
export const serviceBundleDir = (service: Bundled, root = REPOSITORY_ROOT): string =>
  join(bundlesDir(root), service);
export const recordFile = (service: Bundled, root = REPOSITORY_ROOT): string =>
  join(serviceBundleDir(service, root), 'current.json');
/** The service's entry point in the source, which the bundle is built from. */
export const sourceEntry = (service: Bundled, root = REPOSITORY_ROOT): string =>
  join(root, 'services', service, 'src', 'main.ts');

export const sha256 = (content: Uint8Array | string): string =>
  createHash('sha256').update(content).digest('hex');

export type BundleState =
  | { readonly current: true; readonly entry: string; readonly record: BundleRecord }
  | { readonly current: false; readonly reason: string };

/** Whether the service's bundle matches the files it was built from, and if so where it is. */
export function bundleState(service: Bundled, root = REPOSITORY_ROOT): BundleState {
  let record: BundleRecord;
  try {
    record = JSON.parse(readFileSync(recordFile(service, root), 'utf8')) as BundleRecord;
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      current: false,
      reason: missing ? 'not built yet' : `its record does not read (${(e as Error).message})`,
    };
  }
  if (record.format !== BUNDLE_FORMAT)
    return { current: false, reason: `built by an older build (${record.format})` };
  for (const [path, hash] of Object.entries(record.inputs)) {
    let content: Buffer;
    try {
      content = readFileSync(join(root, path));
    } catch {
      return { current: false, reason: `${path} is gone` };
    }
    if (sha256(content) !== hash) return { current: false, reason: `${path} changed` };
  }
  const entry = join(serviceBundleDir(service, root), record.key, 'main.mjs');
  if (!existsSync(entry)) return { current: false, reason: `${entry} is gone` };
  return { current: true, entry, record };
}
