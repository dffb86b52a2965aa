import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RegionFile } from '@cwtch/contracts';
import { afterAll, beforeAll } from 'vitest';

const CLI = fileURLToPath(new URL('../../services/cli/bin/cwtch', import.meta.url));

/** region.json as DESIGN §9 fixes it. */
export type Region = RegionFile;

/** A demo region started through the real `cwtch dev` command. */
export interface RunningRegion {
  readonly dataDir: string;
  readonly region: Region;
  readonly process: ChildProcess;
  /** Everything the CLI printed. */
  output(): string;
  /** Ctrl-C: stops the region and waits for the CLI to exit. */
  stop(): Promise<number | null>;
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A fresh data folder. */
export function tempDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'cwtch-e2e-'));
}

/** `cwtch dev --data dataDir ...args`, resolved once it prints that it is up. */
async function launchDev(dataDir: string, extraArgs: string[], env: Record<string, string>) {
  const child = spawn(CLI, ['dev', '--data', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  await Promise.race([
    eventually(() => out.includes('Press Ctrl-C to stop.'), 90_000, 'cwtch dev to start'),
    exited.then((code) => {
      throw new Error(`cwtch dev exited with ${code}:\n${out}`);
    }),
  ]);
  return {
    child,
    output: () => out,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGINT');
      return exited;
    },
  };
}

const readRegion = async (file: string) => RegionFile.parse(JSON.parse(await readFile(file, 'utf8')));

/** Runs `cwtch dev --data dataDir` and resolves once region.json is written and printed. */
export async function startRegion(
  dataDir: string,
  extraArgs: string[] = [],
  env: Record<string, string> = {},
): Promise<RunningRegion> {
  const dev = await launchDev(dataDir, extraArgs, env);
  const region = await readRegion(join(dataDir, 'region.json'));
  return { dataDir, region, process: dev.child, output: dev.output, stop: dev.stop };
}

/** Regions joined by a gateway (`cwtch dev --regions`), each with its region.json in `dataDir/<name>`. */
export interface RunningRegions {
  readonly dataDir: string;
  readonly regions: Readonly<Record<string, Region>>;
  output(): string;
  stop(): Promise<number | null>;
}

/** Runs `cwtch dev --regions a,b --data dataDir` and resolves once every region.json is written. */
export async function startRegions(dataDir: string, names: readonly string[]): Promise<RunningRegions> {
  const dev = await launchDev(dataDir, ['--regions', names.join(',')], {});
  const regions: Record<string, Region> = {};
  for (const name of names) regions[name] = await readRegion(join(dataDir, name, 'region.json'));
  return { dataDir, regions, output: dev.output, stop: dev.stop };
}

/** Removes a data folder after a test. */
export async function removeDataDir(dir: string): Promise<void> {
  if (existsSync(dir)) await rm(dir, { recursive: true, force: true });
}

/** Reads a contract example payload. */
export async function example(kind: string): Promise<Record<string, unknown>> {
  return JSON.parse(
    await readFile(fileURLToPath(new URL(`../../contracts/examples/${kind}.json`, import.meta.url)), 'utf8'),
  );
}

/** True when process `pid` is alive. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts one region for the calling test file (beforeAll) and stops and removes it afterwards;
 * returns a getter for it.
 */
export function useRegion(
  options: { args?: string[]; env?: Record<string, string> } = {},
): () => RunningRegion {
  let run: RunningRegion | undefined;
  beforeAll(async () => {
    run = await startRegion(await tempDataDir(), options.args, options.env);
  });
  afterAll(async () => {
    await run?.stop();
    if (run) await removeDataDir(run.dataDir);
  });
  return () => {
    if (!run) throw new Error('the region has not started');
    return run;
  };
}
