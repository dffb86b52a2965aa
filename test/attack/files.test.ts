import { existsSync } from 'node:fs';
import { chmod, lstat, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  example,
  type RunningRegion,
  removeDataDir,
  startRegion,
  tempDataDir,
} from '../support/region.ts';
import { clientOf, exportAndVerify } from './support.ts';

/**
 * Issue 9, item 7: another local user reads nothing of a region. Every file a running region
 * wrote in its data folder (inbox databases and their write-ahead logs with plaintext, keys,
 * NATS store, logs, region.json) is 0600 and every folder 0700, and a folder an older version
 * left readable is made owner-only when the region starts on it again.
 */
let dataDir: string;
let run: RunningRegion | undefined;
const current = () => {
  if (!run) throw new Error('the region is not running');
  return run;
};

beforeAll(async () => {
  dataDir = await tempDataDir();
  run = await startRegion(dataDir);
});
afterAll(async () => {
  await run?.stop();
  await removeDataDir(dataDir);
});

/** Every entry under the data folder whose mode is not owner-only, as `path mode`. */
async function looseEntries(root: string): Promise<{ loose: string[]; files: string[] }> {
  const loose: string[] = [];
  const files: string[] = [];
  const visit = async (path: string): Promise<void> => {
    const info = await lstat(path).catch(() => undefined);
    if (!info) return; // renamed away between readdir and lstat
    const mode = info.mode & 0o777;
    const name = relative(root, path) || '.';
    if (info.isDirectory()) {
      if (mode !== 0o700) loose.push(`${name}/ ${mode.toString(8)}`);
      for (const child of await readdir(path)) await visit(join(path, child));
    } else if (info.isFile()) {
      files.push(name);
      if (mode !== 0o600) loose.push(`${name} ${mode.toString(8)}`);
    } else loose.push(`${name} is neither a file nor a folder`);
  };
  await visit(root);
  return { loose, files };
}

/** Sends one share to swansea-cs and waits until it rests in its inbox (plaintext in the WAL). */
async function shareToSwansea(): Promise<string> {
  const { id } = await clientOf(current(), 'hillside').send({
    kind: 'care-home-transition',
    payload: await example('care-home-transition'),
    recipients: ['swansea-cs'],
  });
  await eventually(
    async () => (await clientOf(current(), 'swansea-cs').inbox()).some((i) => i.id === id),
    20_000,
    'the share in the Swansea inbox',
  );
  return id;
}

describe('owner-only data folder', () => {
  let shareId: string;

  it('a running region has written every file 0600 and every folder 0700', async () => {
    shareId = await shareToSwansea();
    const { loose, files } = await looseEntries(dataDir);
    const inbox = join('agencies', 'swansea-cs', 'inbox.sqlite');
    // The places plaintext, keys and tokens rest are among what was walked.
    for (const f of [inbox, `${inbox}-wal`, 'region.json', join('secrets', 'issuer.jwk.json')])
      expect(files).toContain(f);
    expect(files.some((f) => f.startsWith(join('nats', 'jetstream')))).toBe(true);
    expect(files.some((f) => f.startsWith(join('agencies', 'swansea-cs', 'keys')))).toBe(true);
    expect(files.some((f) => f.startsWith('logs'))).toBe(true);
    expect(loose).toEqual([]);
  });

  it('a folder an older version left 0644/0755 is owner-only again after a restart, data intact', async () => {
    await current().stop();
    run = undefined;
    // What a region started by an older version left behind.
    const loosen = async (path: string): Promise<void> => {
      const info = await lstat(path);
      if (info.isDirectory()) {
        await chmod(path, 0o755);
        for (const child of await readdir(path)) await loosen(join(path, child));
      } else if (info.isFile()) await chmod(path, 0o644);
    };
    await loosen(dataDir);
    expect((await looseEntries(dataDir)).loose.length).toBeGreaterThan(10);

    run = await startRegion(dataDir);
    expect(current().output()).toMatch(/made \d+ files and folders in .* owner-only/);
    await shareToSwansea();
    const inbox = await clientOf(current(), 'swansea-cs').inbox();
    expect(inbox.map((i) => i.id)).toContain(shareId);
    expect(existsSync(join(dataDir, 'agencies', 'swansea-cs', 'inbox.sqlite-wal'))).toBe(true);
    expect((await looseEntries(dataDir)).loose).toEqual([]);
  });

  it('the whole export still verifies', async () => {
    const result = await exportAndVerify(current());
    expect(result.code, result.stdout + result.stderr).toBe(0);
  }, 120_000);
});
