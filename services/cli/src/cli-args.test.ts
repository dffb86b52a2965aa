import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { joinDashValues } from './cli-args.ts';

const options = { id: { type: 'string' }, key: { type: 'string' }, region: { type: 'string' } } as const;
const parse = (args: string[]) =>
  parseArgs({
    args: joinDashValues(args, ['id', 'key'], Object.keys(options)),
    allowPositionals: true,
    options,
  });

describe('joinDashValues', () => {
  it('passes a base64url value that begins with a dash to its option', () => {
    const { values, positionals } = parse([
      'b.jsonl',
      '--id',
      '-Ab_c',
      '--key',
      '--9xY',
      '--region',
      'r.json',
    ]);
    expect(values).toEqual({ id: '-Ab_c', key: '--9xY', region: 'r.json' });
    expect(positionals).toEqual(['b.jsonl']);
  });

  it('still reports a missing value when the next token is an option of the command', () => {
    expect(() => parse(['b.jsonl', '--id', '--key', 'K'])).toThrow(/ambiguous/);
  });

  it('leaves other options and plain values as they were', () => {
    expect(joinDashValues(['--region', '-r', '--id', 'abc'], ['id'], ['id', 'region'])).toEqual([
      '--region',
      '-r',
      '--id',
      'abc',
    ]);
  });

  it('without it, parseArgs refuses the same command line (what the helper is for)', () => {
    expect(() => parseArgs({ args: ['--key', '-Ab'], options })).toThrow(/ambiguous/);
  });
});
