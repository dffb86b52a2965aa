#!/usr/bin/env bash
# Fetches what a fresh machine lacks into .tools/ (git-ignored): Node 24 when the system Node is
# older, a current nats-server (Debian sid package, unpacked without touching the system), and the
# workspace dependencies; then it builds the services' bundles when their source changed.
# Idempotent: a second run does nothing that is already done.
# Usage: source infra/scripts/env.sh after running this, or call it through infra/scripts/run.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tools="$root/.tools"
mkdir -p "$tools"
log() { printf '[setup] %s\n' "$*" >&2; }

# --- Node 24 -------------------------------------------------------------------------------
node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if command -v node >/dev/null && [ "$(node_major node)" -ge 24 ]; then
  log "system node $(node --version) is new enough"
elif [ -x "$tools/node24/node_modules/node/bin/node" ] && [ "$(node_major "$tools/node24/node_modules/node/bin/node")" -ge 24 ]; then
  log "node 24 already in .tools"
else
  log "installing node 24 from the npm registry into .tools/node24"
  mkdir -p "$tools/node24"
  # A package.json of its own, or npm would walk up and install into the workspace root.
  echo '{"name":"cwtch-tools-node","private":true}' > "$tools/node24/package.json"
  (cd "$tools/node24" && npm install --no-audit --no-fund --no-save --loglevel=error node@24 >/dev/null)
  [ -x "$tools/node24/node_modules/node/bin/node" ] || { log "node 24 did not install"; exit 1; }
fi
if [ -x "$tools/node24/node_modules/node/bin/node" ]; then
  export PATH="$tools/node24/node_modules/node/bin:$PATH"
fi
log "node $(node --version)"

# --- nats-server >= 2.12 ---------------------------------------------------------------------
nats_ok() { # prints the version when the binary is >= 2.12 (atomic batch publish)
  local v; v="$("$1" --version 2>/dev/null | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -1)" || return 1
  [ -n "$v" ] || return 1
  local maj min; maj="${v%%.*}"; min="$(echo "$v" | cut -d. -f2)"
  { [ "$maj" -gt 2 ] || { [ "$maj" -eq 2 ] && [ "$min" -ge 12 ]; }; } && echo "$v"
}
nats_bin="$tools/nats/usr/sbin/nats-server"
if [ -n "${NATS_SERVER_BIN:-}" ] && nats_ok "$NATS_SERVER_BIN" >/dev/null; then
  log "using NATS_SERVER_BIN=$NATS_SERVER_BIN"
elif [ -x "$nats_bin" ] && nats_ok "$nats_bin" >/dev/null; then
  log "nats-server $(nats_ok "$nats_bin") already in .tools"
elif command -v nats-server >/dev/null && nats_ok "$(command -v nats-server)" >/dev/null; then
  log "using nats-server on PATH"
else
  log "fetching nats-server from Debian sid (private apt lists; system state untouched)"
  apt_dir="$tools/apt"; mkdir -p "$apt_dir/lists/partial" "$apt_dir/archives/partial"
  echo 'deb http://deb.debian.org/debian sid main' > "$apt_dir/sources.list"
  opts=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
        -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache::Archives=$apt_dir/archives"
        -o APT::Sandbox::User=root -o Debug::NoLocking=1)
  apt-get "${opts[@]}" -qq update >/dev/null
  (cd "$apt_dir" && apt-get "${opts[@]}" -qq download nats-server >/dev/null)
  rm -rf "$tools/nats"; mkdir -p "$tools/nats"
  dpkg -x "$(ls "$apt_dir"/nats-server_*.deb | head -1)" "$tools/nats"
  rm -rf "$apt_dir/lists"
  nats_ok "$nats_bin" >/dev/null || { log "fetched nats-server is not >= 2.12"; exit 1; }
  log "nats-server $(nats_ok "$nats_bin") installed into .tools/nats"
fi

# --- Chromium for the browser tests (Debian's package; browser downloads do not work here) ------
if [ -x /usr/bin/chromium ]; then
  log "chromium $(/usr/bin/chromium --version 2>/dev/null | grep -oE '[0-9]+\.[0-9.]+' | head -1) present"
elif [ "${CWTCH_SKIP_BROWSER:-}" = "1" ]; then
  log "skipping chromium (CWTCH_SKIP_BROWSER=1): browser tests will fail"
elif [ "$(id -u)" = "0" ]; then
  log "installing Debian's chromium"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 || {
    apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  }
else
  log "chromium is missing; install it with: sudo apt-get install -y chromium"
fi

# --- workspace dependencies -----------------------------------------------------------------
if [ -f "$root/package.json" ]; then
  stamp="$root/node_modules/.cwtch-lock-stamp"
  want="$(cat "$root/pnpm-lock.yaml" "$root/package.json" 2>/dev/null | sha256sum | cut -c1-16)-$(node --version)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    log "installing workspace dependencies with pnpm"
    (cd "$root" && npx -y pnpm@10 install --frozen-lockfile=false --reporter=silent)
    echo "$want" > "$stamp"
  else
    log "workspace dependencies up to date"
  fi
fi

# --- the services' bundles (services/cli/src/bundle): one file each, rebuilt when the source changed
if [ -f "$root/services/cli/src/bundle/build-bundles.ts" ]; then
  node --disable-warning=ExperimentalWarning "$root/services/cli/src/bundle/build-bundles.ts" ||
    { log "the services' bundles did not build; they run from source until they do"; }
fi
