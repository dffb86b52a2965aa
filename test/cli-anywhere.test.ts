import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../cwtch', import.meta.url));
const golden = (file: string) =>
  fileURLToPath(new URL(`../packages/audit-verify/src/fixtures/golden/${file}`, import.meta.url));

describe('cwtch from any working directory (DESIGN §9)', () => {
  it('verifies the golden bundle when started from a folder outside the workspace', async () => {
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(
        CLI,
        ['audit', 'verify', golden('bundle.jsonl'), '--trust', golden('trust.json')],
        { cwd: tmpdir(), timeout: 60_000 },
        (error, out) =>
          resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout: out }),
      );
    });
    expect(stdout).toMatch(/VERIFIED/);
    expect(code).toBe(0);
  });
});
