import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  freePort,
  type NatsServerHandle,
  type NatsServerOptions,
  startNatsServer,
  writeNatsConfig,
} from '@cwtch/bus';
import { writeFileAtomic } from './region-files.ts';

interface NodePorts {
  readonly port: number;
  readonly monitorPort: number;
  readonly clusterPort: number;
}

/**
 * The region's nats-servers: one, or a loopback cluster of `count` with JetStream replicas. Each
 * keeps its ports across restarts of the region (nats/nodes.json) and is restarted on the same
 * ports and store if it dies, with `onChange` told so region.json can be rewritten.
 */
export class NatsNodes {
  readonly #handles: NatsServerHandle[] = [];
  #ports: NodePorts[] = [];
  #stopping = false;
  #extraConfig: string | undefined;

  private readonly dataDir: string;
  private readonly count: number;
  private readonly base: Omit<
    NatsServerOptions,
    'dataDir' | 'port' | 'monitorPort' | 'cluster' | 'serverName'
  >;
  private readonly log: (line: string) => void;
  private readonly onChange: () => void;
  private readonly clusterName: string | undefined;

  constructor(
    dataDir: string,
    count: number,
    base: Omit<NatsServerOptions, 'dataDir' | 'port' | 'monitorPort' | 'cluster' | 'serverName'>,
    log: (line: string) => void,
    onChange: () => void,
    /** Name the node(s) as this cluster even when there is one (a region of a federation's super-cluster). */
    clusterName?: string,
  ) {
    this.dataDir = dataDir;
    this.count = count;
    this.base = base;
    this.log = log;
    this.onChange = onChange;
    this.clusterName = clusterName;
  }

  get urls(): string {
    return this.#handles.map((h) => h.url).join(',');
  }

  get nodes(): { url: string; pid: number }[] {
    return this.#handles.map((h) => ({ url: h.url, pid: h.process.pid ?? 0 }));
  }

  #options(i: number): NatsServerOptions {
    const p = this.#ports[i]!;
    return {
      ...this.base,
      ...(this.#extraConfig === undefined ? {} : { extraConfig: this.#extraConfig }),
      dataDir: join(this.dataDir, this.count === 1 ? '' : `node-${i + 1}`),
      port: p.port,
      monitorPort: p.monitorPort,
      serverName:
        this.count === 1 && !this.clusterName ? 'cwtch-dev' : `${this.clusterName ?? 'cwtch-dev'}-${i + 1}`,
      // JetStream across gateways needs routes configured: a lone node of a federation routes to itself.
      ...(this.count > 1 || this.clusterName
        ? {
            cluster: {
              name: this.clusterName ?? 'cwtch-dev',
              port: p.clusterPort,
              routes: this.#ports.map((x) => x.clusterPort),
            },
          }
        : {}),
    };
  }

  /** Starts every node (reusing the ports of an earlier start on this folder). */
  async start(): Promise<void> {
    const file = join(this.dataDir, 'nodes.json');
    const saved = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as NodePorts[]) : [];
    for (let i = 0; i < this.count; i++) {
      this.#ports.push(
        saved[i] ?? { port: await freePort(), monitorPort: await freePort(), clusterPort: await freePort() },
      );
    }
    await writeFileAtomic(file, JSON.stringify(this.#ports));
    const handles = await Promise.all(this.#ports.map((_, i) => startNatsServer(this.#options(i))));
    handles.forEach((h, i) => {
      this.#supervise(i, h);
    });
  }

  #supervise(i: number, handle: NatsServerHandle): void {
    this.#handles[i] = handle;
    handle.process.once('exit', (code, signal) => {
      if (this.#stopping) return;
      this.log(`nats-server ${i + 1} died (${signal ?? code}); restarting on port ${handle.port}`);
      const again = async (attempt: number): Promise<void> => {
        let restarted: NatsServerHandle;
        try {
          restarted = await startNatsServer(this.#options(i));
        } catch (e) {
          this.log(`nats-server ${i + 1} restart failed: ${(e as Error).message}`);
          if (!this.#stopping) setTimeout(() => void again(attempt + 1), Math.min(5000, 300 * 2 ** attempt));
          return;
        }
        // Running and supervised again whatever the listener does: a second start would collide.
        this.#supervise(i, restarted);
        try {
          this.onChange();
        } catch (e) {
          this.log(`nats-server ${i + 1} restarted, but recording it failed: ${(e as Error).message}`);
        }
      };
      setTimeout(() => void again(0), 200);
    });
  }

  /**
   * Rewrites every node's configuration with a new authorization block (the permissions of a
   * changed directory) and has each running server reload it (SIGHUP), without a restart; a node
   * restarted later starts with it too.
   */
  async reload(extraConfig: string): Promise<void> {
    this.#extraConfig = extraConfig;
    await Promise.all(
      this.#handles.map(async (h, i) => {
        const o = this.#options(i);
        await writeNatsConfig({ ...o, port: o.port ?? h.port, monitorPort: this.#ports[i]!.monitorPort });
        h.process.kill('SIGHUP');
      }),
    );
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    await Promise.all(this.#handles.map((h) => h.stop(10_000)));
  }
}
