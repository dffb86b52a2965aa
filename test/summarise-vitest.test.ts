import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../infra/scripts/summarise-vitest.mjs', import.meta.url));
/** Reports written by vitest 5 itself for made-up test files (see each file's test names), paths rewritten. */
const fixture = (name: string) =>
  fileURLToPath(new URL(`./fixtures/vitest-report-${name}.json`, import.meta.url));

function summarise(report: string): { lines: string[]; status: number | null } {
  const r = spawnSync(process.execPath, [script, report], { encoding: 'utf8' });
  return { lines: r.stdout.trimEnd().split('\n'), status: r.status };
}

describe('infra/scripts/summarise-vitest.mjs (the line CI parses)', () => {
  it('counts a suite whose beforeAll failed as failed, though vitest marked its tests skipped', () => {
    const { lines, status } = summarise(fixture('before-all-failed'));
    expect(lines.at(-1)).toBe('2 passed, 1 failed');
    expect(lines.at(-2)).toBe('2 skipped, 0 todo');
    expect(lines[0]).toMatch(
      /^FAILED FILE .*region-in-before-all\.test\.ts \(a hook failed; 2 of its 2 tests skipped\)$/,
    );
    expect(status).toBe(1);
  });

  it('counts failed tests, failed hooks before and after the tests, and a file that did not load', () => {
    const { lines, status } = summarise(fixture('every-failure'));
    expect(lines.at(-1)).toBe('4 passed, 5 failed');
    expect(lines.at(-2)).toBe('4 skipped, 1 todo');
    expect(lines.filter((l) => l.startsWith('FAILED FILE '))).toHaveLength(4);
    expect(lines.join('\n')).toContain(
      'chromium-in-before-all.test.ts (a hook failed; 1 of its 1 tests skipped): chromium did not start',
    );
    expect(lines.join('\n')).toContain('does-not-load.test.ts (did not load or run): Cannot find module');
    expect(lines.join('\n')).toContain(
      'after-all-fails.test.ts (a hook failed after its tests): teardown failed',
    );
    expect(status).toBe(1);
  });

  it('says 0 failed and exits 0 only when everything passed', () => {
    const { lines, status } = summarise(fixture('passed'));
    expect(lines).toEqual(['0 skipped, 0 todo', '2 passed, 0 failed']);
    expect(status).toBe(0);
  });

  it('counts a missing report as one failure', () => {
    const { lines, status } = summarise(
      fileURLToPath(new URL('./fixtures/no-such-report.json', import.meta.url)),
    );
    expect(lines.at(-1)).toBe('0 passed, 1 failed');
    expect(status).toBe(1);
  });
});
