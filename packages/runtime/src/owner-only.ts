import { chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Mode of every file a service writes in its data folder: the owner reads and writes, nobody else. */
export const OWNER_FILE_MODE = 0o600;

/** Mode of every folder in a data folder. */
export const OWNER_DIR_MODE = 0o700;

/**
 * The umask each service and the CLI set first in their entry point, so that every file and
 * folder they create (and their children create: nats-server, sqlite's `-wal`) is owner-only.
 */
export const OWNER_ONLY_UMASK = 0o077;

/** Creates `dir` (and missing parents) owner-only; an existing `dir` is made owner-only too. */
export async function mkdirOwnerOnly(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: OWNER_DIR_MODE });
  await chmod(dir, OWNER_DIR_MODE);
}

/**
 * Makes every folder under `root` (itself included) 0700 and every regular file 0600, for a data
 * folder an older version wrote with looser modes. Symbolic links are neither followed nor
 * changed; a missing `root` is nothing to repair. Resolves with the paths it changed.
 *
 * @example
 * const repaired = await repairOwnerOnly(config.CWTCH_AGENCY_DIR);
 * if (repaired.length) logger.warn({ count: repaired.length }, 'made the data folder owner-only');
 */
export async function repairOwnerOnly(root: string): Promise<string[]> {
  const changed: string[] = [];
  const visit = async (path: string): Promise<void> => {
    let info: Awaited<ReturnType<typeof lstat>>;
    try {
      info = await lstat(path);
    } catch (e) {
      // Gone since its folder was read (a temporary file renamed into place): nothing to repair.
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    const want = info.isDirectory() ? OWNER_DIR_MODE : info.isFile() ? OWNER_FILE_MODE : undefined;
    if (want === undefined) return;
    if ((info.mode & 0o777) !== want) {
      await chmod(path, want);
      changed.push(path);
    }
    if (info.isDirectory()) for (const name of await readdir(path)) await visit(join(path, name));
  };
  await visit(root);
  return changed;
}
