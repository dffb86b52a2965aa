import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { kinds } from '@cwtch/contracts';
import { UsageError } from '../cli-errors.ts';

const require = createRequire(import.meta.url);
const DAY = 86_400_000;

/** Moves every ISO date and date-time in `value` by whole `days`, keeping their relations. */
export function shiftDates(value: unknown, days: number): unknown {
  if (typeof value === 'string') {
    const date = /^(\d{4}-\d{2}-\d{2})(T.*)?$/.exec(value);
    if (!date?.[1] || Number.isNaN(Date.parse(date[1]))) return value;
    return new Date(Date.parse(date[1]) + days * DAY).toISOString().slice(0, 10) + (date[2] ?? '');
  }
  if (Array.isArray(value)) return value.map((v) => shiftDates(v, days));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftDates(v, days)]));
  return value;
}

/** A kind's example payload as committed (contracts/examples/KIND.json). */
export async function readExample(kind: string): Promise<Record<string, unknown>> {
  const text = await readFile(require.resolve(`@cwtch/contracts/examples/${kind}.json`), 'utf8');
  return JSON.parse(text) as Record<string, unknown>;
}

/**
 * The example with its dates moved by whole days so that it happened today (its `occurredAt`
 * on today's date, or yesterday's if that time of day is still to come): sent now, it arrives
 * as new, with its respond-by ahead of it as the kind computes it.
 */
export function asOfToday(payload: Record<string, unknown>, now: number): Record<string, unknown> {
  const occurred = typeof payload.occurredAt === 'string' ? Date.parse(payload.occurredAt) : Number.NaN;
  if (Number.isNaN(occurred)) return payload;
  let days = Math.round(
    (Date.parse(new Date(now).toISOString().slice(0, 10)) -
      Date.parse(new Date(occurred).toISOString().slice(0, 10))) /
      DAY,
  );
  if (occurred + days * DAY > now) days -= 1;
  return shiftDates(payload, days) as Record<string, unknown>;
}

export const EXAMPLE_HELP = `cwtch example KIND [--as-written]

  Prints an example payload of KIND (contracts/examples/KIND.json) with its dates moved so that
  it happened today, ready for cwtch send --file or the HTTP API; the committed examples tell a
  story in 2025 and would arrive long overdue. Without KIND, lists the kinds.

  --as-written    print the committed example unchanged
`;

/** `cwtch example [KIND]`: a payload to start from, dated today. */
export async function exampleCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'as-written': { type: 'boolean' } },
  });
  const names = Object.keys(kinds);
  const kind = positionals[0];
  if (!kind) {
    process.stdout.write(
      `${names.map((k) => `${k.padEnd(26)} ${kinds[k as keyof typeof kinds].title.en}`).join('\n')}\n`,
    );
    return;
  }
  if (!names.includes(kind)) throw new UsageError(`no kind "${kind}"; the kinds are ${names.join(', ')}`);
  const payload = await readExample(kind);
  const out = values['as-written'] ? payload : asOfToday(payload, Date.now());
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}
