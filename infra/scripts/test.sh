#!/usr/bin/env bash
# The project's test command (README): fetches what is missing, runs every vitest suite against
# a real nats-server, and prints "N passed, N failed" as its last line.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
bash infra/scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }
[ -x .tools/node24/node_modules/node/bin/node ] && export PATH="$root/.tools/node24/node_modules/node/bin:$PATH"
mkdir -p test/artifacts
rm -f test/artifacts/vitest.json
node_modules/.bin/vitest run "$@"
status=$?
node infra/scripts/summarise-vitest.mjs test/artifacts/vitest.json
summary=$?
[ $status -eq 0 ] && exit $summary
exit $status
