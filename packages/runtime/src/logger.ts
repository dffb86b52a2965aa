import { type Logger, pino } from 'pino';

export type { Logger } from 'pino';

/** Paths that must never reach a log line: payloads, keys, tokens. */
const REDACT = [
  'payload',
  '*.payload',
  'plaintext',
  '*.plaintext',
  'cek',
  '*.cek',
  'secretKey',
  '*.secretKey',
  'privateKey',
  '*.privateKey',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
];

/** Creates the process logger (only `main.ts` files call this). */
export function createLogger(service: string, level: string = 'info'): Logger {
  return pino({ name: service, level, redact: { paths: REDACT, censor: '[redacted]' }, base: { service } });
}

/** A logger that writes nothing: the default for libraries. */
export const silentLogger: Logger = pino({ level: 'silent' });
