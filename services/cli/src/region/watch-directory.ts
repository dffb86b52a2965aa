import { type FSWatcher, watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Directory } from '@cwtch/directory';
import { loadDirectory, type RegionFiles, signedDirectoryFile } from './region-files.ts';

/**
 * Calls `onChange` with each newer signed directory written to the region's data folder (by
 * `cwtch directory`), verified with the governance key; a failed check or handler is logged and
 * the watch goes on. Returns the function that stops watching.
 */
export function watchDirectory(
  files: Pick<RegionFiles, 'dataDir' | 'governance' | 'directory'>,
  onChange: (directory: Directory) => Promise<void>,
  log: (line: string) => void,
): () => void {
  const file = signedDirectoryFile(files.dataDir);
  let serial = files.directory.serial;
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const check = () => {
    running = running.then(async () => {
      try {
        const { directory } = await loadDirectory(files.dataDir, files.governance);
        if (directory.serial <= serial) return;
        serial = directory.serial;
        await onChange(directory);
      } catch (e) {
        log(`directory change not applied to NATS permissions: ${(e as Error).message}`);
      }
    });
  };
  // The file is replaced by a rename: watch its folder.
  const watcher: FSWatcher = watch(dirname(file), (_event, name) => {
    if (name !== basename(file)) return;
    clearTimeout(timer);
    timer = setTimeout(check, 100);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
