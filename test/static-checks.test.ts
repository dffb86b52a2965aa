import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (bin: string, args: string[]) => {
  try {
    execFileSync(`${root}node_modules/.bin/${bin}`, args, { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return `${err.stdout ?? ''}${err.stderr ?? ''}`.slice(0, 4000) || 'failed';
  }
};

describe('static checks', () => {
  it('the whole workspace typechecks under the strict settings', () => {
    expect(run('tsc', ['-p', 'tsconfig.json', '--noEmit'])).toBe('');
  });
  it('the linter and formatter find nothing', () => {
    expect(run('biome', ['check', '.'])).toBe('');
  });
});
