import { ensureBundle } from './build-bundle.ts';
import { BUNDLED } from './bundle-state.ts';

/**
 * Builds every bundle (the services', the CLI's) that is missing or stale (infra/scripts/setup.sh runs it after
 * installing the dependencies). Prints one line per service; exits 1 when a build fails.
 */
for (const service of BUNDLED) {
  const started = performance.now();
  try {
    const { built } = await ensureBundle(service);
    const took = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write(
      built
        ? `[setup] built the ${service} bundle in ${took} s (${built})\n`
        : `[setup] the ${service} bundle is current\n`,
    );
  } catch (e) {
    process.stderr.write(`[setup] the ${service} bundle did not build: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
