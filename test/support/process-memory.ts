import { open, readFile } from 'node:fs/promises';

/**
 * True when any needle occurs in the readable memory of process `pid` (Linux /proc; needs the
 * right to ptrace it, e.g. root or a child). Scans region by region in 8 MiB windows.
 */
export async function findInProcessMemory(pid: number, needles: readonly Buffer[]): Promise<boolean> {
  const maps = await readFile(`/proc/${pid}/maps`, 'utf8');
  const mem = await open(`/proc/${pid}/mem`, 'r');
  const overlap = Math.max(...needles.map((n) => n.length));
  const window = Buffer.alloc(8 * 1024 * 1024 + overlap);
  try {
    for (const line of maps.split('\n')) {
      const m = /^([0-9a-f]+)-([0-9a-f]+) r/.exec(line);
      if (!m || line.includes('[vvar]') || line.includes('[vsyscall]')) continue;
      const start = Number.parseInt(m[1]!, 16);
      const end = Number.parseInt(m[2]!, 16);
      for (let at = start; at < end; at += window.length - overlap) {
        const len = Math.min(window.length, end - at);
        let read = 0;
        try {
          ({ bytesRead: read } = await mem.read(window, 0, len, at));
        } catch {
          break;
        }
        const chunk = window.subarray(0, read);
        if (needles.some((n) => chunk.includes(n))) return true;
      }
    }
    return false;
  } finally {
    await mem.close();
  }
}
