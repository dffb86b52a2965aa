import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findNatsServer } from '@cwtch/bus';
import { RegionFile } from '@cwtch/contracts';
import { createConnectorClient } from '@cwtch/sdk';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../bin/cwtch', import.meta.url));
const EXAMPLE = fileURLToPath(
  new URL('../../../../contracts/examples/care-home-transition.json', import.meta.url),
);

/**
 * A nats-server that dies once, just after it says it is ready, while `cwtch dev` is still
 * starting (publishing the directory); every later start is the real server.
 */
const dyingOnce = (real: string, marker: string) => `#!/usr/bin/env bash
if [ "$1" != "-c" ] || [ -e "${marker}" ]; then exec "${real}" "$@"; fi
: > "${marker}"
"${real}" "$@" 2>"${marker}.log" &
pid=$!
until grep -q 'Server is ready' "${marker}.log"; do
  kill -0 "$pid" 2>/dev/null || { cat "${marker}.log" >&2; exit 1; }
  sleep 0.02
done
cat "${marker}.log" >&2
kill -KILL "$pid"
wait "$pid" 2>/dev/null
sleep 0.3
exit 1
`;

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('cwtch dev', () => {
  it('comes up when its nats-server dies and is restarted during start-up, and records the new one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cwtch-dev-restart-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const wrapper = join(dir, 'nats-server');
    await writeFile(wrapper, dyingOnce(findNatsServer(), join(dir, 'died-once')));
    await chmod(wrapper, 0o700);
    const dataDir = join(dir, 'data');

    const child = spawn(CLI, ['dev', '--data', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NATS_SERVER_BIN: wrapper },
    });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    cleanup.push(async () => {
      if (child.exitCode === null) {
        child.kill('SIGINT');
        await exited;
      }
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const up = await Promise.race([
      new Promise<boolean>((resolve) => {
        const check = () => out.includes('Press Ctrl-C to stop.') && resolve(true);
        child.stdout.on('data', check);
      }),
      exited.then(() => false),
    ]);
    expect(up, out).toBe(true);

    expect(out).toContain('nats-server 1 died');
    expect(out).not.toMatch(/restart failed|recording it failed/);
    const region = RegionFile.parse(JSON.parse(await readFile(join(dataDir, 'region.json'), 'utf8')));
    expect(alive(region.nats.pid)).toBe(true);

    // Every service reached the restarted server: a share goes through.
    const client = (agency: string) =>
      createConnectorClient({
        baseUrl: region.agencies[agency]!.connector,
        token: region.agencies[agency]!.tokens.system,
      });
    const { id } = await client('hillside').send({
      kind: 'care-home-transition',
      payload: JSON.parse(await readFile(EXAMPLE, 'utf8')),
      recipients: ['swansea-cs'],
    });
    const deadline = Date.now() + 20_000;
    while (!(await client('swansea-cs').inbox()).some((i) => i.id === id)) {
      if (Date.now() > deadline) throw new Error(`the share did not arrive:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(out).not.toMatch(/restart failed|recording it failed/);
  }, 180_000);
});
