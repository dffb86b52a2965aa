import { pathToFileURL } from 'node:url';
import { BUNDLED_SERVICES, bundleState, isBundledService, sourceEntry } from './bundle-state.ts';

/**
 * Starts one service the way the systemd units and Compose do (infra/systemd/cwtch-service):
 * from its bundle when that is current, else from its source with a line on stderr saying why.
 * It never builds: a deployed checkout is read-only to the service, and infra/scripts/setup.sh
 * builds the bundles after an update.
 *
 * Usage: node run-service.ts connector|audit
 */
const service = process.argv[2] ?? '';
if (!isBundledService(service)) {
  process.stderr.write(`usage: run-service.ts ${BUNDLED_SERVICES.join('|')}\n`);
  process.exit(2);
}
const state = bundleState(service);
if (!state.current) {
  process.stderr.write(
    `cwtch-service: the ${service} bundle is not current (${state.reason}); running from source. ` +
      'Run infra/scripts/setup.sh to build it.\n',
  );
}
await import(pathToFileURL(state.current ? state.entry : sourceEntry(service)).href);
