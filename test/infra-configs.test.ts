import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../infra/scripts/check-nats-configs.sh', import.meta.url));
const templatesDir = fileURLToPath(new URL('../infra/nats/', import.meta.url));

describe('production NATS configurations in infra/', () => {
  it('render, pass nats-server -t, and run: a 3-node TLS cluster with JetStream R3, a leaf node, a single node', () => {
    const run = () => spawnSync('bash', [script], { encoding: 'utf8', timeout: 120_000 });
    let r = run();
    // Its free ports can be taken by a parallel test's servers between choosing and binding.
    if (r.status !== 0 && `${r.stdout}${r.stderr}`.includes('address already in use')) r = run();
    expect(r.status, `${r.stdout}\n${r.stderr}`.slice(-3000)).toBe(0);
    // nats-server -t passed on every template the repository ships, each named in the output.
    const templates = readdirSync(templatesDir).filter((f) => f.endsWith('.tmpl'));
    expect(templates.length).toBeGreaterThanOrEqual(3);
    for (const t of templates)
      expect(r.stderr, `nats-server -t on ${t}`).toMatch(new RegExp(`from ${t} is valid`));
    // Longer than the script's own waits (a minute each), so a failure shows its output, twice over.
  }, 250_000);

  it('fails, naming it, on a template it has no sample values for', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cwtch-templates-'));
    try {
      cpSync(templatesDir, dir, { recursive: true });
      writeFileSync(join(dir, 'new-node.conf.tmpl'), 'server_name: "{{SERVER_NAME}}"\n');
      const r = spawnSync('bash', [script], {
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, NATS_TEMPLATES_DIR: dir },
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('FAIL: new-node.conf.tmpl has no sample values in check-nats-configs.sh');
      expect(r.stderr).not.toContain('check-nats-configs: OK');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
