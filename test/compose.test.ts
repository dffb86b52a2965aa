import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AuditConfig } from '@cwtch/audit';
import { ConnectorConfig } from '@cwtch/connector';
import { PagesConfig } from '@cwtch/http';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const composeDir = join(root, 'infra', 'compose');

// No Docker engine here, so `docker compose config` cannot run (the client has no compose
// plugin either): the file is parsed with the YAML parser the workspace already has, vite's own
// (reached through vitest, the root's dev dependency), and checked below field by field.
const vite = createRequire(join(root, 'package.json')).resolve('vite/package.json', {
  paths: [createRequire(join(root, 'package.json')).resolve('vitest/package.json')],
});
const { parse } = createRequire(vite)('yaml') as { parse: (text: string, options?: object) => unknown };

interface Service {
  image: string;
  command?: string[];
  environment?: Record<string, string>;
  env_file?: string[];
  secrets?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
  stop_signal?: string;
}
const compose = parse(readFileSync(join(composeDir, 'compose.yaml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  secrets: Record<string, { file: string }>;
  volumes: Record<string, unknown>;
};
const services = Object.entries(compose.services);
const cwtchServices = services.filter(([, s]) => s.command?.[0] === '/opt/cwtch/infra/systemd/cwtch-service');

const tmp = mkdtempSync(join(tmpdir(), 'cwtch-compose-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('infra/compose/compose.yaml', () => {
  it('describes a small region: three NATS nodes, the audit service, connectors, each with a health check', () => {
    const names = services.map(([n]) => n);
    expect(names).toEqual(expect.arrayContaining(['nats1', 'nats2', 'nats3', 'audit']));
    expect(names.some((n) => n.startsWith('connector-'))).toBe(true);
    for (const [name, s] of services) expect(s.healthcheck?.test.join(' '), name).toContain('/healthz');
    for (const n of ['nats1', 'nats2', 'nats3']) {
      expect(compose.services[n]!.stop_signal, `${n} stops in lame duck mode`).toBe('SIGUSR2');
      expect(compose.services[n]!.volumes).toContain(`${n}-data:/data`);
      expect(compose.volumes).toHaveProperty(`${n}-data`);
    }
  });

  it("gives each Cwtch service only variables it reads, files it is given, and its health check's port", () => {
    expect(cwtchServices.length).toBeGreaterThanOrEqual(2);
    for (const [name, s] of cwtchServices) {
      const service = s.command![1];
      expect(['audit', 'connector'], name).toContain(service);
      const schema = service === 'audit' ? AuditConfig : ConnectorConfig;
      const readable = new Set([...Object.keys(schema.shape), ...Object.keys(PagesConfig.shape)]);
      const env = s.environment ?? {};
      for (const key of Object.keys(env)) expect(readable.has(key), `${name}: ${key} is not read`).toBe(true);
      // Every file named by a variable is a secret given to this service or under a mounted folder.
      const mounts = (s.volumes ?? []).map((v) => v.split(':')[1]!);
      for (const [key, value] of Object.entries(env)) {
        if (!key.endsWith('_FILE') && key !== 'CWTCH_AGENCY_DIR' && key !== 'CWTCH_DATA_DIR') continue;
        const secret = /^\/run\/secrets\/(.+)$/.exec(value)?.[1];
        if (secret) {
          expect(s.secrets, `${name}: ${key}`).toContain(secret);
          expect(compose.secrets[secret], `${name}: secret ${secret}`).toBeDefined();
        } else {
          expect(
            mounts.some((m) => value === m || value.startsWith(`${m}/`)),
            `${name}: ${key}=${value} is under no mount`,
          ).toBe(true);
        }
      }
      // The env files are the operator's copies of the examples the repository documents.
      for (const f of s.env_file ?? [])
        expect(
          existsSync(join(root, 'infra/systemd', `${f.replace(/^\.\//, '')}.example`)),
          `${name}: ${f}`,
        ).toBe(true);
      expect(s.healthcheck!.test.join(' ')).toContain(`http://127.0.0.1:${env.CWTCH_PORT}/healthz`);
      expect(s.ports).toEqual([`127.0.0.1:${env.CWTCH_PORT}:${env.CWTCH_PORT}`]);
      if (service === 'connector') {
        expect(name).toBe(`connector-${env.CWTCH_AGENCY}`);
        for (const n of ['nats1', 'nats2', 'nats3'])
          expect(s.depends_on?.[n]?.condition).toBe('service_healthy');
      }
    }
  });

  it('mounts the repository and the launcher that exist, and only folders inside infra/compose otherwise', () => {
    for (const [name, s] of services) {
      for (const v of s.volumes ?? []) {
        const source = v.split(':')[0]!;
        if (!source.startsWith('.')) {
          expect(compose.volumes, `${name}: named volume ${source}`).toHaveProperty(source);
          continue;
        }
        const path = resolve(composeDir, source);
        if (path === root) {
          expect(existsSync(join(path, 'infra/systemd/cwtch-service')), `${name}: ${v}`).toBe(true);
        } else {
          // What the operator prepares (infra/compose/README.md): never outside this folder.
          expect(path.startsWith(`${composeDir}/`), `${name}: ${v}`).toBe(true);
        }
      }
    }
    for (const [name, { file }] of Object.entries(compose.secrets))
      expect(resolve(composeDir, file).startsWith(`${composeDir}/secrets/`), name).toBe(true);
  });

  it('render-nats.sh renders the three nodes from the cluster template and nats-server -t passes on each', () => {
    const tls = join(tmp, 'tls');
    const routes = join(tmp, 'route-certs');
    for (const dir of [tls, routes]) {
      const r = spawnSync(
        'bash',
        [join(root, 'infra/scripts/make-test-ca.sh'), dir, 'nats1', 'nats2', 'nats3'],
        {
          encoding: 'utf8',
        },
      );
      expect(r.status, r.stderr).toBe(0);
    }
    copyFileSync(join(routes, 'ca.pem'), join(tls, 'route-ca.pem'));
    copyFileSync(join(routes, 'route.pem'), join(tls, 'route.pem'));
    copyFileSync(join(routes, 'route-key.pem'), join(tls, 'route-key.pem'));
    const authorization = join(tmp, 'authorization.conf');
    writeFileSync(
      authorization,
      'authorization {\n  users = [\n    { user: "check", password: "check-only" }\n  ]\n}\n',
    );
    const out = join(tmp, 'nats');
    mkdirSync(out);
    const r = spawnSync('bash', [join(composeDir, 'render-nats.sh'), authorization, out], {
      encoding: 'utf8',
      env: { ...process.env, TLS_DIR: tls },
    });
    expect(r.status, r.stderr).toBe(0);
    for (const n of [1, 2, 3]) {
      expect(r.stderr).toContain(`nats${n}/nats.conf is valid (nats-server -t)`);
      const conf = readFileSync(join(out, `nats${n}`, 'nats.conf'), 'utf8');
      expect(conf).toContain(`server_name: "cwtch-nats${n}"`);
      expect(conf).toContain('nats-route://nats1:6222');
    }
  });
});
