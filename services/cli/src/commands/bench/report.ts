import type { PipelineResult, RefusedRoute } from './pipeline.ts';
import type { BaselineResult } from './raw-baseline.ts';
import type { ScalePoint } from './scale.ts';
import type { BenchRoute } from './scenarios.ts';
import type { Memory } from './stats.ts';

/** One scenario run at saturation. */
export interface ScenarioReport {
  readonly name: string;
  readonly title: string;
  readonly routes: readonly BenchRoute[];
  /** Routes the region refused when probed, left out of the run. */
  readonly refusedRoutes: readonly RefusedRoute[];
  readonly saturation: PipelineResult;
  /** Delivered copies per second over the best raw figure in notification-equivalents per second. */
  readonly ratio: number;
}

/** One durability mode's figures. */
export interface ModeReport {
  readonly mode: string;
  readonly syncInterval: string;
  readonly baseline: BaselineResult;
  /** One recipient at a fixed offered rate. */
  /** One recipient at each fixed offered rate (`--rate`), lowest first. */
  readonly fixed: readonly PipelineResult[];
  readonly scenarios: readonly ScenarioReport[];
  /** Every region process's memory at the end of the mode's runs. */
  readonly memory: Readonly<Record<string, Memory>>;
}

/** Everything `cwtch bench` measured. */
export interface BenchReport {
  readonly machine: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly kernel: string;
  readonly node: string;
  readonly natsServer: string;
  readonly at: string;
  readonly settings: Readonly<Record<string, number | string>>;
  readonly modes: readonly ModeReport[];
  /** The scale curve (`--agencies`): nats-server and its permissions with simulated agencies. */
  readonly scale?: readonly ScalePoint[];
}
