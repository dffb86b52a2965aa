#!/usr/bin/env bash
# The full chaos suite: 1,000 notifications in flight per scenario (CI runs fewer). Each scenario
# SIGKILLs one process mid-run (nats-server, the recipient connector, the audit service, one node of
# a 3-node cluster) and then checks every notification that got a 202: in its inbox exactly once,
# receipted, in the share log exactly once, and the log gapless with a verifying root.
# Usage: bash infra/scripts/chaos.sh [COUNT]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
bash infra/scripts/setup.sh
[ -x .tools/node24/node_modules/node/bin/node ] && export PATH="$root/.tools/node24/node_modules/node/bin:$PATH"
CWTCH_CHAOS_COUNT="${1:-1000}" node_modules/.bin/vitest run test/chaos
