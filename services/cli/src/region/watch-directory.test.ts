import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initCrypto } from '@cwtch/crypto';
import type { Directory } from '@cwtch/directory';
import { expect, it } from 'vitest';
import { loadGovernanceKey, saveDirectory } from './region-files.ts';
import { watchDirectory } from './watch-directory.ts';

it('hands on each newer signed directory written to the data folder, once', async () => {
  await initCrypto();
  const dataDir = await mkdtemp(join(tmpdir(), 'cwtch-watch-'));
  const governance = await loadGovernanceKey(dataDir);
  const directory: Directory = {
    v: 1,
    typ: 'cwtch.directory.v1',
    region: 'test',
    serial: 1,
    issuedAt: Date.now(),
    agencies: [],
    agreements: [],
    routes: [],
  };
  await saveDirectory(dataDir, directory, governance);
  const seen: number[] = [];
  let changed!: () => void;
  const next = new Promise<void>((r) => {
    changed = r;
  });
  const stop = watchDirectory(
    { dataDir, governance, directory },
    async (d) => {
      seen.push(d.serial);
      changed();
    },
    () => {},
  );
  try {
    await saveDirectory(dataDir, { ...directory, serial: 2 }, governance);
    await next;
    expect(seen).toEqual([2]);
  } finally {
    stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
