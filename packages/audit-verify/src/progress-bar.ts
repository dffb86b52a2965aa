/** Where a {@link progressBar} writes and how it tells time (injectable for tests). */
export interface ProgressBarOptions {
  /** Default `process.stderr`. */
  readonly stream?: { write(text: string): unknown };
  /** Clock in ms (default `Date.now`). */
  readonly now?: () => number;
  /** Bar width in characters (default 10). */
  readonly width?: number;
  /** Least time between two redraws, ms (default 100: about ten updates a second). */
  readonly intervalMs?: number;
}

/** A progress bar: pass `update` as `onProgress`, call `finish` when done. */
export interface ProgressBar {
  /** Redraws (throttled) for `done` of `total` entries; the last entry always draws. */
  readonly update: (done: number, total?: number) => void;
  /** Draws the final state and ends the line. */
  readonly finish: () => void;
}

/** The bar text for `done` of `total`: `[#####.....] 45% 450000/1000000 entries`. */
export function renderProgress(done: number, total: number, width = 10): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(fraction * width);
  const percent = Math.floor(fraction * 100);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}% ${done}/${total} entries`;
}

/**
 * A one-line progress bar for a terminal, redrawn in place with `\r` at most about ten times a
 * second. Show it only when stderr is a TTY (`process.stderr.isTTY`).
 *
 * @example
 * ```ts
 * const bar = process.stderr.isTTY ? progressBar(header.size) : undefined;
 * const report = await verifyBundle(lines, trust, bar ? { onProgress: bar.update } : {});
 * bar?.finish();
 * ```
 */
export function progressBar(total: number, options: ProgressBarOptions = {}): ProgressBar {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const intervalMs = options.intervalMs ?? 100;
  let last: number | undefined;
  let state = { done: 0, total };
  const draw = () => {
    stream.write(`\r${renderProgress(state.done, state.total, options.width)}`);
  };
  return {
    update(done: number, newTotal: number = state.total) {
      state = { done, total: newTotal };
      const t = now();
      if (done < newTotal && last !== undefined && t - last < intervalMs) return;
      last = t;
      draw();
    },
    finish() {
      draw();
      stream.write('\n');
    },
  };
}
