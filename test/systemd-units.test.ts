import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const unitsDir = join(root, 'infra', 'systemd');
const launcher = join(unitsDir, 'cwtch-service');
const analyze = '/usr/bin/systemd-analyze';
const units = ['cwtch.target', 'cwtch-nats.service', 'cwtch-audit.service', 'cwtch-connector@.service'];

/** The nats-server the rest of the repository uses (infra/scripts/check-nats-configs.sh's order). */
function natsServer(): string | undefined {
  const found = spawnSync('bash', ['-c', 'command -v nats-server'], { encoding: 'utf8' }).stdout.trim();
  return [process.env.NATS_SERVER_BIN, join(root, '.tools/nats/usr/sbin/nats-server'), found].find(
    (p) => p && existsSync(p),
  );
}

const tmp = mkdtempSync(join(tmpdir(), 'cwtch-units-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * `systemd-analyze verify` refuses a unit whose ExecStart binary does not exist, and the units
 * name where an operator installs things (/opt/cwtch, /usr/sbin/nats-server), which this machine
 * does not have. So it verifies copies in which only those two paths are rewritten to the
 * repository and the nats-server it uses; every other line is the shipped unit's. The template
 * is verified as an instance (systemd needs an instance name to resolve %i).
 */
function copiesToVerify(nats: string): string[] {
  const paths: string[] = [];
  for (const unit of units) {
    const text = readFileSync(join(unitsDir, unit), 'utf8');
    const rewritten = text
      .replaceAll('/opt/cwtch/infra/systemd/cwtch-service', launcher)
      .replaceAll('/usr/sbin/nats-server', nats);
    const changed = rewritten.split('\n').filter((line, i) => line !== text.split('\n')[i]);
    for (const line of changed)
      expect(line, `${unit}: only Exec lines are rewritten`).toMatch(/^Exec(Start|StartPre)=/);
    const name = unit === 'cwtch-connector@.service' ? 'cwtch-connector@swansea-cs.service' : unit;
    writeFileSync(join(tmp, name), rewritten);
    paths.push(join(tmp, name));
  }
  return paths;
}

describe.skipIf(!existsSync(analyze))('systemd units in infra/systemd', () => {
  let copies: string[] = [];
  beforeAll(() => {
    const nats = natsServer();
    expect(nats, 'a nats-server (run infra/scripts/setup.sh)').toBeDefined();
    copies = copiesToVerify(nats!);
  });

  it('pass systemd-analyze verify without a warning', () => {
    const r = spawnSync(analyze, ['verify', '--man=no', ...copies], { encoding: 'utf8', cwd: tmp });
    expect(r.status, r.stderr).toBe(0);
    // Unknown keys, bad specifiers and missing binaries are warnings with exit 0: none is allowed.
    expect(`${r.stdout}${r.stderr}`.trim()).toBe('');
  });

  it('are hardened: systemd-analyze security rates each service 2.0 or less ("OK")', () => {
    for (const unit of ['cwtch-nats.service', 'cwtch-audit.service', 'cwtch-connector@swansea-cs.service']) {
      const r = spawnSync(analyze, ['security', '--offline=yes', '--no-pager', join(tmp, unit)], {
        encoding: 'utf8',
        cwd: tmp,
      });
      const level = /Overall exposure level for \S+: (\d+\.\d)/.exec(r.stdout)?.[1];
      expect(level, `${unit}: ${r.stdout}${r.stderr}`).toBeDefined();
      expect(Number(level), unit).toBeLessThanOrEqual(2);
    }
  });

  it('run the services through cwtch-service, whose Node and entry point start the real code', () => {
    accessSync(launcher, constants.X_OK);
    // As infra/scripts/setup.sh does after an update.
    const built = spawnSync(process.execPath, [join(root, 'services/cli/src/bundle/build-bundles.ts')], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(built.status, built.stderr).toBe(0);
    for (const unit of ['cwtch-audit.service', 'cwtch-connector@.service']) {
      const service = unit.includes('audit') ? 'audit' : 'connector';
      expect(readFileSync(join(unitsDir, unit), 'utf8')).toContain(
        `ExecStart=/opt/cwtch/infra/systemd/cwtch-service ${service}\n`,
      );
      // With no configuration the service itself refuses to start, naming what is missing: the
      // launcher found Node 24 and ran the service's bundle (setup.sh builds it), not its source.
      const r = spawnSync(launcher, [service], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
        timeout: 60_000,
      });
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toContain('invalid configuration');
      expect(r.stderr).toContain('CWTCH_GOVERNANCE_KEY');
      expect(r.stderr).not.toContain('running from source');
      expect(r.stderr).toContain(`/.tools/bundles/${service}/`);
    }
    const r = spawnSync(launcher, ['nats'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: cwtch-service connector|audit');
  });
});
