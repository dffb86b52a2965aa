import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  connectBus,
  DIRECTORY_BUCKET,
  freePort,
  Kvm,
  renderAuthorization,
  startNatsServer,
} from '@cwtch/bus';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegionFiles, type RegionFiles, signedDirectoryFile } from '../region/region-files.ts';

const CLI = fileURLToPath(new URL('../../bin/cwtch', import.meta.url));

function cwtch(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(CLI, args, { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

describe('cwtch directory: a change is in force only when the running region took it (DESIGN §9)', () => {
  let dataDir: string;
  let files: RegionFiles;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cwtch-directory-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    files = await loadRegionFiles(dataDir);
  });

  /** Points the folder's region.json at a NATS URL, as `cwtch dev` writes it. */
  async function regionAt(natsUrl: string): Promise<void> {
    const url = `http://127.0.0.1:${await freePort()}`;
    await writeFile(
      join(dataDir, 'region.json'),
      JSON.stringify({
        nats: { url: natsUrl, pid: 1 },
        audit: { url, pid: 1, token: 't' },
        agencies: {},
        trust: { governanceKey: 'g', logKey: 'l' },
      }),
    );
  }

  const serial = async () =>
    JSON.parse((await cwtch(['directory', 'show', '--json', '--data', dataDir])).stdout).serial as number;
  const revokeOne = async () => {
    const kid = files.directory.agencies[0]!.keys.find((k) => k.use === 'enc')!.kid;
    return cwtch(['directory', 'revoke', '--kid', kid, '--reason', 'test', '--data', dataDir]);
  };

  it('with nothing listening at the region address, saves the change for the next start (exit 0)', async () => {
    await regionAt(`nats://127.0.0.1:${await freePort()}`);
    const before = await serial();
    const r = await revokeOne();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `directory serial ${before + 1} signed; the region publishes it at its next start\n`,
    );
    expect(await serial()).toBe(before + 1);
  });

  it('with a region that answers but does not take it, exits 1 saying why and how to publish it, the change saved', async () => {
    // A real nats-server that admits the operator but has no JetStream: the KV bucket cannot be written.
    const port = await freePort();
    const configFile = join(dataDir, 'no-jetstream.conf');
    const operator = files.nats.get('operator')!;
    await writeFile(
      configFile,
      `listen: "127.0.0.1:${port}"\n${renderAuthorization([{ name: 'operator', nkey: operator.publicKey, permissions: null }])}\n`,
    );
    const server = await startNatsServer({ dataDir: join(dataDir, 'nats-plain'), port, configFile });
    cleanup.push(() => server.stop());
    await regionAt(server.url);
    const before = await serial();
    const r = await revokeOne();
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      `directory serial ${before + 1} is saved in ${dataDir}, but the running region at ${server.url} did not take it (`,
    );
    expect(r.stderr).toContain('it is not in force yet');
    expect(r.stderr).toContain(`cwtch directory publish --data ${dataDir}`);
    expect(await serial()).toBe(before + 1);
    await server.stop();
    // With nothing running, publish itself is the error (exit 1); a change waits for the next start.
    const none = await cwtch(['directory', 'publish', '--data', dataDir]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(`no region runs on ${dataDir}`);
  });

  it('cwtch directory publish offers the saved serial again, and the region holds exactly those bytes', async () => {
    const operator = files.nats.get('operator')!;
    const server = await startNatsServer({
      dataDir: join(dataDir, 'nats'),
      extraConfig: renderAuthorization([{ name: 'operator', nkey: operator.publicKey, permissions: null }]),
    });
    cleanup.push(() => server.stop());
    await regionAt(server.url);
    const r = await cwtch(['directory', 'publish', '--data', dataDir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`directory serial ${await serial()} published to the running region\n`);

    const nc = await connectBus({ servers: server.url, name: 'test', nkeySeedFile: operator.seedFile });
    cleanup.push(() => nc.close());
    const held = await (await new Kvm(nc).open(DIRECTORY_BUCKET)).get('current');
    expect(Buffer.from(held!.value).equals(await readFile(signedDirectoryFile(dataDir)))).toBe(true);
  });
});
