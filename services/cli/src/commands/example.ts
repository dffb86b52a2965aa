import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { exampleAsOfToday, kinds } from '@cwtch/contracts';
import { UsageError } from '../cli-errors.ts';

const require = createRequire(import.meta.url);
/** A kind's example payload as committed (contracts/examples/KIND.json). */
export async function readExample(kind: string): Promise<Record<string, unknown>> {
  const text = await readFile(require.resolve(`@cwtch/contracts/examples/${kind}.json`), 'utf8');
  return JSON.parse(text) as Record<string, unknown>;
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
  const out = values['as-written'] ? payload : exampleAsOfToday(payload, Date.now());
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}
