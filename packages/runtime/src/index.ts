export { parseConfig } from './config.ts';
export { CwtchError, ErrorCode, type Issue, isCwtchError } from './errors.ts';
export { createLogger, type Logger, silentLogger } from './logger.ts';
