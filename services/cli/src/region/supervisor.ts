import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopProcess } from '@cwtch/bus';
import { mkdirOwnerOnly, OWNER_FILE_MODE } from '@cwtch/runtime';

/** One supervised service: how to start it, and what it told us once ready. */
export interface ServiceSpec {
  readonly name: string;
  /** The service's bundle (services/cli/src/bundle), or its `main.ts`, whose types Node 24 strips. */
  readonly entry: string;
  readonly env: Readonly<Record<string, string>>;
  readonly logFile: string;
}

/** A running service. */
export interface ServiceState {
  port: number;
  pid: number;
  restarts: number;
  child: ChildProcess;
}

/**
 * Where Node keeps the services' compiled modules (NODE_COMPILE_CACHE) unless the environment says:
 * beside the Node that setup.sh fetched, owned by whoever ran it. A service that starts again, or
 * beside ten others, then loads its code without stripping its types or compiling it afresh:
 * about 25 MB less resident each (no type stripper loaded at all) and a start in three quarters
 * of the time (docs/scale.md §5). Node checks each entry against its source and recompiles what
 * changed.
 */
const COMPILE_CACHE = fileURLToPath(new URL('../../../../.tools/node-compile-cache', import.meta.url));

/**
 * Starts services as child processes, waits until each is listening, and restarts any that dies
 * on the same port with the same data, calling `onChange` so region.json can be rewritten.
 */
export class Supervisor {
  readonly #states = new Map<string, ServiceState>();
  #stopping = false;

  private readonly runDir: string;
  private readonly onChange: (name: string, state: ServiceState) => void;
  private readonly log: (line: string) => void;

  constructor(
    runDir: string,
    onChange: (name: string, state: ServiceState) => void,
    log: (line: string) => void,
  ) {
    this.runDir = runDir;
    this.onChange = onChange;
    this.log = log;
  }

  state(name: string): ServiceState | undefined {
    return this.#states.get(name);
  }

  /** Starts `spec` (on `port`, 0 for any) and resolves once it is listening. */
  async start(spec: ServiceSpec, port = 0): Promise<ServiceState> {
    await mkdirOwnerOnly(this.runDir);
    const readyFile = join(this.runDir, `${spec.name}.ready.json`);
    await rm(readyFile, { force: true });
    const { openSync } = await import('node:fs');
    const out = openSync(spec.logFile, 'a', OWNER_FILE_MODE);
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', spec.entry], {
      env: {
        NODE_COMPILE_CACHE: COMPILE_CACHE,
        ...process.env,
        ...spec.env,
        CWTCH_PORT: String(port),
        CWTCH_READY_FILE: readyFile,
        CWTCH_STOP_WITH_PARENT: 'true',
      },
      // The service holds the other end of this pipe: when this process dies, however it dies,
      // the pipe closes and the service stops with it.
      stdio: ['pipe', out, out],
    });
    const ready = await new Promise<{ port: number; pid: number }>((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(new Error(`${spec.name} exited (${code}) before it was ready; see ${spec.logFile}`));
      child.once('exit', onExit);
      const poll = setInterval(async () => {
        if (!existsSync(readyFile)) return;
        try {
          const info = JSON.parse(await readFile(readyFile, 'utf8')) as { port: number; pid: number };
          clearInterval(poll);
          child.off('exit', onExit);
          resolve(info);
        } catch {
          // Written but not complete yet: the next poll reads it again.
        }
      }, 50);
      child.once('exit', () => clearInterval(poll));
    });
    const previous = this.#states.get(spec.name);
    const state: ServiceState = {
      port: ready.port,
      pid: ready.pid,
      restarts: previous ? previous.restarts + 1 : 0,
      child,
    };
    this.#states.set(spec.name, state);
    child.once('exit', (code, signal) => {
      if (this.#stopping || this.#states.get(spec.name)?.child !== child) return;
      this.log(`${spec.name} died (${signal ?? code}); restarting on port ${state.port}`);
      setTimeout(() => void this.restart(spec, state.port), 300);
    });
    this.onChange(spec.name, state);
    return state;
  }

  /** Restarts a dead service; keeps trying while the region runs. */
  async restart(spec: ServiceSpec, port: number): Promise<void> {
    for (let attempt = 0; !this.#stopping; attempt++) {
      try {
        await this.start(spec, port);
        return;
      } catch (e) {
        this.log(`${spec.name} restart failed: ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, Math.min(5000, 300 * 2 ** attempt)));
      }
    }
  }

  /** Stops every service (SIGTERM, then SIGKILL after the grace period). */
  async stopAll(graceMs = 8000): Promise<void> {
    this.#stopping = true;
    await Promise.all([...this.#states.values()].map((s) => stopProcess(s.child, graceMs)));
  }
}
