import { pathToFileURL } from 'node:url';
import { bundleState, sourceEntry } from './bundle-state.ts';

/**
 * Starts the `cwtch` command (bin/cwtch) from its bundle, which loads in about half the CPU of its
 * source's modules. A bundle older than the source (an edit, a checkout, an install) is built
 * again first, in about a second; when it cannot be (a checkout the user may not write), the
 * command runs from its source and says so on stderr. The arguments pass through untouched.
 */
const state = bundleState('cli');
let entry: string;
if (state.current) entry = state.entry;
else {
  try {
    const { buildBundle } = await import('./build-bundle.ts');
    entry = await buildBundle('cli');
  } catch (e) {
    process.stderr.write(
      `cwtch: the CLI bundle is not current (${state.reason}) and did not build (${(e as Error).message}); running from source\n`,
    );
    entry = sourceEntry('cli');
  }
}
await import(pathToFileURL(entry).href);
