import { chmod, mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirOwnerOnly, repairOwnerOnly } from './owner-only.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
const temp = async () => {
  const d = await mkdtemp(join(tmpdir(), 'cwtch-owner-only-'));
  dirs.push(d);
  return d;
};
const mode = async (p: string) => (await stat(p)).mode & 0o777;

describe('repairOwnerOnly', () => {
  it('makes a data folder an older version wrote 0644/0755 owner-only, all the way down', async () => {
    const root = await temp();
    const agency = join(root, 'agencies', 'swansea-cs');
    await mkdir(agency, { recursive: true, mode: 0o755 });
    for (const f of ['inbox.sqlite', 'inbox.sqlite-wal'])
      await writeFile(join(agency, f), 'x', { mode: 0o644 });
    await writeFile(join(root, 'region.json'), '{}', { mode: 0o600 });
    for (const d of [root, join(root, 'agencies'), agency]) await chmod(d, 0o755);
    await symlink('/etc/hostname', join(root, 'link'));

    const changed = await repairOwnerOnly(root);

    expect(changed.sort()).toEqual(
      [
        root,
        join(root, 'agencies'),
        agency,
        join(agency, 'inbox.sqlite'),
        join(agency, 'inbox.sqlite-wal'),
      ].sort(),
    );
    for (const d of [root, join(root, 'agencies'), agency]) expect(await mode(d)).toBe(0o700);
    for (const f of ['inbox.sqlite', 'inbox.sqlite-wal']) expect(await mode(join(agency, f))).toBe(0o600);
    expect(await repairOwnerOnly(root)).toEqual([]);
  });

  it('has nothing to repair in a folder that does not exist yet', async () => {
    expect(await repairOwnerOnly(join(await temp(), 'missing'))).toEqual([]);
  });
});

describe('mkdirOwnerOnly', () => {
  it('creates missing folders 0700 and tightens an existing one', async () => {
    const root = await temp();
    await mkdirOwnerOnly(join(root, 'a', 'b'));
    expect(await mode(join(root, 'a'))).toBe(0o700);
    expect(await mode(join(root, 'a', 'b'))).toBe(0o700);
    await chmod(root, 0o755);
    await mkdirOwnerOnly(root);
    expect(await mode(root)).toBe(0o700);
  });
});
