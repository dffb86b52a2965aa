export { CwtchError, ErrorCode, isCwtchError, type Issue } from './errors.ts';
export { createLogger, silentLogger, type Logger } from './logger.ts';
export { parseConfig } from './config.ts';
