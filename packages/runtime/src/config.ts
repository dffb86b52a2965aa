import type { z } from 'zod';
import { CwtchError, ErrorCode } from './errors.ts';

/**
 * Parses `env` (normally `process.env`) with a zod schema once, failing fast with a readable
 * message that names each bad variable.
 */
export function parseConfig<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined>,
): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new CwtchError(ErrorCode.CONFIG_INVALID, `invalid configuration:\n${lines.join('\n')}`);
}
