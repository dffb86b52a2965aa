import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../services/cli/bin/cwtch', import.meta.url));

/** Runs the real `cwtch` command (in `cwd`, if given) and resolves with its exit code and output. */
export function cwtch(
  args: string[],
  options: { readonly cwd?: string } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(CLI, args, { timeout: 60_000, ...options }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}
