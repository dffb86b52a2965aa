import { CwtchApiError } from '@cwtch/sdk';

/** A mistake in how the command was called: reported with exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A service of the region did not answer at `url` (connection refused, no such host, timeout). */
export class RegionUnreachable extends Error {
  override readonly name = 'RegionUnreachable';
  readonly url: string;
  constructor(url: string, what: string, cause: unknown) {
    const reason = networkCode(cause);
    super(
      `cannot reach the ${what} at ${url}${reason ? ` (${reason})` : ''}: is the region running? ` +
        'Start it with cwtch dev (or pass --region FILE for another region)',
    );
    this.url = url;
  }
}

function networkCode(e: unknown): string | undefined {
  const cause = (e as { cause?: { code?: string; errors?: { code?: string }[] } })?.cause;
  return cause?.code ?? cause?.errors?.[0]?.code;
}

/** Whether `e` is fetch failing to connect (rather than an HTTP answer). */
function isNetworkFailure(e: unknown): boolean {
  return e instanceof TypeError && (e.message === 'fetch failed' || networkCode(e) !== undefined);
}

/** `fetch` that turns a refused connection to `base` into a {@link RegionUnreachable} naming it. */
export function fetchReaching(base: string, what: string): typeof fetch {
  return async (input, init) => {
    try {
      return await fetch(input, init);
    } catch (e) {
      if (isNetworkFailure(e)) throw new RegionUnreachable(base, what, e);
      throw e;
    }
  };
}

/** The line(s) the CLI prints for a failure, and its exit code. */
export function describeError(e: unknown): { readonly text: string; readonly code: number } {
  if (e instanceof CwtchApiError) {
    const lines = [`error ${e.status} ${e.message}`];
    for (const i of e.issues ?? []) lines.push(`  ${i.path.join('.')}: ${i.message}`);
    return { text: `${lines.join('\n')}\n`, code: 1 };
  }
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT' && err.path) {
    const hint = err.path.endsWith('region.json')
      ? ' (start a region with cwtch dev, or pass --region FILE of a running one)'
      : '';
    return { text: `error: no such file: ${err.path}${hint}\n`, code: 2 };
  }
  if (err?.code === 'EISDIR')
    return { text: `error: ${err.path ?? 'the path'} is a folder, not a file\n`, code: 2 };
  if (e instanceof SyntaxError) return { text: `error: not valid JSON: ${e.message}\n`, code: 2 };
  if (isNetworkFailure(e)) {
    const c = (e as { cause?: { address?: string; port?: number } }).cause;
    const where = c?.address ? ` at ${c.address}${c.port ? `:${c.port}` : ''}` : '';
    return {
      text: `error: cannot reach the region${where} (${networkCode(e) ?? 'fetch failed'}): is it running? Start it with cwtch dev\n`,
      code: 1,
    };
  }
  if (e instanceof UsageError) return { text: `error: ${e.message}\n`, code: 2 };
  return { text: `error: ${(e as Error)?.message ?? String(e)}\n`, code: 1 };
}
