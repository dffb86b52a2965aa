export { parseConfig } from './config.ts';
export { CwtchError, ErrorCode, type Issue, isCwtchError } from './errors.ts';
export { createLogger, type Logger, silentLogger } from './logger.ts';
export { isMonth, monthOf, monthRange, previousMonth } from './month.ts';
export {
  mkdirOwnerOnly,
  OWNER_DIR_MODE,
  OWNER_FILE_MODE,
  OWNER_ONLY_UMASK,
  repairOwnerOnly,
} from './owner-only.ts';
export { type MetricFamily, type MetricSample, MetricType, renderMetrics } from './render-metrics.ts';
export { onStopSignals } from './stop-signals.ts';
export { checkpointInBackground, type WalCheckpoints } from './wal-checkpoints.ts';
