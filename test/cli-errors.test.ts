import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@cwtch/bus';
import { beforeAll, describe, expect, it } from 'vitest';
import { cwtch } from './support/cli.ts';

const CLI = fileURLToPath(new URL('../services/cli/bin/cwtch', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../contracts/examples/care-home-transition.json', import.meta.url));

/** A region.json whose services are all stopped: every URL a closed port. */
async function stoppedRegion(dir: string): Promise<{ file: string; url: string }> {
  const url = `http://127.0.0.1:${await freePort()}`;
  const agency = (name: string) => ({
    name,
    connector: url,
    pid: 1,
    tokens: { system: 't', frontdoor: 't', manager: 't' },
    natsCreds: null,
  });
  const region = {
    nats: { url: 'nats://127.0.0.1:1', pid: 1 },
    audit: { url, pid: 1, token: 't' },
    agencies: { 'swansea-cs': agency('Swansea'), hillside: agency('Hillside') },
    trust: { governanceKey: 'g', logKey: 'l' },
  };
  const file = join(dir, 'region.json');
  await writeFile(file, JSON.stringify(region));
  return { file, url };
}

const COMMANDS = ['dev', 'demo', 'example', 'send', 'inbox', 'audit', 'board', 'bench', 'directory'];

describe('cwtch explains itself (DESIGN §9)', () => {
  let dir: string;
  let region: { file: string; url: string };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cwtch-cli-'));
    region = await stoppedRegion(dir);
  });
  /** `cwtch send` of a care-home transition as `agency` from `file`, to the stopped region. */
  const sendAs = (agency: string, file: string) => [
    ...['send', '--region', region.file, '--as', agency],
    ...['--kind', 'care-home-transition', '--file', file],
  ];

  it.each(COMMANDS)('cwtch %s --help prints its usage and exits 0, from any folder', async (command) => {
    const r = await cwtch([command, '--help'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`cwtch ${command}`);
    expect(r.code).toBe(0);
  });

  it.each([
    ['audit', 'export'],
    ['audit', 'verify'],
    ['directory', 'rotate'],
    ['board', 'send'],
    ['demo', '--month'],
  ])('cwtch %s %s --help and -h print usage', async (command, verb) => {
    for (const flag of ['--help', '-h']) {
      const r = await cwtch([command, verb, flag], { cwd: dir });
      expect(r.stdout).toContain(`cwtch ${command}`);
      expect(r.code).toBe(0);
    }
  });

  it('cwtch help COMMAND is the same as cwtch COMMAND --help', async () => {
    const [a, b] = await Promise.all([cwtch(['help', 'inbox']), cwtch(['inbox', '--help'])]);
    expect(a.stdout).toBe(b.stdout);
    expect(a.code).toBe(0);
  });

  it('an unknown command says so, then prints the usage (which lists dev --cluster N), exit 2', async () => {
    const r = await cwtch(['frobnicate'], { cwd: dir });
    expect(r.stderr.split('\n')[0]).toBe('error: unknown command "frobnicate"');
    expect(r.stderr).toContain('cwtch dev [--data DIR] [--sync always|2m] [--tls] [--cluster N]');
    expect(r.code).toBe(2);
    const usage = await cwtch(['--help']);
    expect(usage.stdout).toMatch(/--cluster N/);
    expect(usage.code).toBe(0);
  });

  it('an unknown option names itself and points at --help, exit 2', async () => {
    const r = await cwtch(['inbox', '--as', 'swansea-cs', '--bogus'], { cwd: dir });
    expect(r.stderr).toMatch(/^error: Unknown option '--bogus'/);
    expect(r.stderr).toContain('cwtch inbox --help');
    expect(r.code).toBe(2);
  });

  it('a stopped region names the connector URL and suggests cwtch dev', async () => {
    const inbox = await cwtch(['inbox', '--region', region.file, '--as', 'swansea-cs'], { cwd: dir });
    expect(inbox.stderr).toContain(`cannot reach the swansea-cs connector at ${region.url}`);
    expect(inbox.stderr).toContain('ECONNREFUSED');
    expect(inbox.stderr).toContain('cwtch dev');
    expect(inbox.stderr).not.toContain('fetch failed');
    expect(inbox.code).toBe(1);
    const send = await cwtch(sendAs('hillside', EXAMPLE), { cwd: dir });
    expect(send.stderr).toContain(`cannot reach the hillside connector at ${region.url}`);
    expect(send.code).toBe(1);
    const exported = await cwtch(['audit', 'export', '--data', dir, '--out', join(dir, 'b.jsonl')], {
      cwd: dir,
    });
    expect(exported.stderr).toContain(`cannot reach the audit service at ${region.url}`);
    expect(exported.code).toBe(1);
  });

  it('a missing --file or --region says "no such file" with the path, not a raw ENOENT', async () => {
    const missing = join(dir, 'missing.json');
    const send = await cwtch(sendAs('hillside', missing), { cwd: dir });
    expect(send.stderr).toBe(`error: no such file: ${missing}\n`);
    expect(send.code).toBe(2);
    const inbox = await cwtch(['inbox', '--as', 'swansea-cs'], { cwd: dir });
    expect(inbox.stderr).toMatch(
      /^error: no such file: \.cwtch\/dev\/region\.json \(start a region with cwtch dev/,
    );
    expect(inbox.stderr).not.toContain('ENOENT');
    const verify = await cwtch(['audit', 'verify', missing, '--region', region.file], { cwd: dir });
    expect(verify.stderr).toContain(`error: no such file: ${missing}`);
  });

  it('inbox --status bogus is refused, naming new and acknowledged', async () => {
    const r = await cwtch(['inbox', '--region', region.file, '--as', 'swansea-cs', '--status', 'bogus']);
    expect(r.stderr).toBe('error: --status must be new or acknowledged, not "bogus"\n');
    expect(r.code).toBe(2);
  });

  it('send --to or --as an unknown agency lists the valid agency ids', async () => {
    const to = await cwtch([...sendAs('hillside', EXAMPLE), '--to', 'swansea-cs,nosuch']);
    expect(to.stderr).toContain('no agency "nosuch"');
    expect(to.stderr).toContain('the agencies are: swansea-cs, hillside');
    expect(to.code).toBe(2);
    const as = await cwtch(sendAs('nobody', EXAMPLE));
    expect(as.stderr).toContain('no agency "nobody"');
    expect(as.stderr).toContain('swansea-cs, hillside');
  });

  it('example prints a payload dated today, and an unknown kind lists the kinds', async () => {
    const r = await cwtch(['example', 'care-home-transition'], { cwd: dir });
    expect(r.code).toBe(0);
    const occurred = Date.parse((JSON.parse(r.stdout) as { occurredAt: string }).occurredAt);
    expect(Date.now() - occurred).toBeGreaterThanOrEqual(0);
    expect(Date.now() - occurred).toBeLessThan(86_400_000);
    const bad = await cwtch(['example', 'nosuch']);
    expect(bad.stderr).toContain('no kind "nosuch"; the kinds are cse-protocol-entry,');
    expect(bad.code).toBe(2);
  });

  it('directory on a folder without its governance key refuses, and makes no key there', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'cwtch-nokey-'));
    await writeFile(join(folder, 'directory.signed.json'), '{}');
    const r = await cwtch(['directory', 'show', '--data', folder]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no governance key at');
    expect(existsSync(join(folder, 'secrets', 'governance.key'))).toBe(false);
  });

  it('dev --regions refuses options that need one region, and an unknown region lists the demo regions', async () => {
    const both = await cwtch(['dev', '--regions', 'wales,west-midlands', '--cluster', '3']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('not with --cluster');
    const unknown = await cwtch(['dev', '--regions', 'wales,mercia', '--data', join(dir, 'nothing')]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown region mercia: the demo has wales, west-midlands');
  });

  it.skipIf(!existsSync('/usr/bin/script'))(
    'audit export with no --out refuses to pour a bundle onto a terminal, saying what to do',
    async () => {
      // `script` gives the command a real terminal as its standard output.
      const out = await new Promise<string>((resolve) => {
        execFile(
          '/usr/bin/script',
          ['-qec', `${CLI} audit export --region ${region.file}; echo "exit=$?"`, '/dev/null'],
          { cwd: dir, timeout: 60_000 },
          (_error, stdout) => resolve(stdout),
        );
      });
      expect(out).toContain('pass --out BUNDLE');
      expect(out).toContain('exit=2');
    },
  );
});
