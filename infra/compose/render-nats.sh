#!/usr/bin/env bash
# Renders the three nats-server configurations of compose.yaml from the repository's cluster
# template (infra/nats/cluster-node.conf.tmpl) with the Compose file's names and paths, and checks
# each with `nats-server -t` when a nats-server is at hand.
#
# Usage: render-nats.sh AUTHORIZATION_FILE [OUTDIR]
#   AUTHORIZATION_FILE  the region's generated authorization file (an `authorization { users = [...] }`
#                       block, see infra/README.md, "Credentials and permissions"); copied beside
#                       each configuration, which includes it.
#   OUTDIR              default: infra/compose/nats (what compose.yaml mounts): OUTDIR/nats1/nats.conf ...
# TLS_DIR (default /etc/nats-tls, where compose.yaml mounts ./tls) is where the configurations look
# for ca.pem, server.pem, server-key.pem (client side, names nats1..3) and route-ca.pem, route.pem,
# route-key.pem (routes, names nats1..3). NATS_SERVER_BIN, .tools/nats or PATH: the nats-server
# for the -t check (skipped, saying so, when none is found or TLS_DIR does not exist here).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
[ $# -ge 1 ] || { printf 'usage: %s AUTHORIZATION_FILE [OUTDIR]\n' "$(basename "$0")" >&2; exit 2; }
authorization="$1"
out="${2:-$here/nats}"
tls="${TLS_DIR:-/etc/nats-tls}"
[ -f "$authorization" ] || { printf 'render-nats: no such file: %s\n' "$authorization" >&2; exit 1; }
grep -q 'authorization' "$authorization" || { printf 'render-nats: %s has no authorization block\n' "$authorization" >&2; exit 1; }
nats=""
for c in "${NATS_SERVER_BIN:-}" "$root/.tools/nats/usr/sbin/nats-server" "$(command -v nats-server || true)"; do
  if [ -n "$c" ] && [ -x "$c" ]; then nats="$c"; break; fi
done
for n in 1 2 3; do
  mkdir -p "$out/nats$n"
  install -m 0600 "$authorization" "$out/nats$n/authorization.conf"
  bash "$root/infra/scripts/render-nats-config.sh" "$root/infra/nats/cluster-node.conf.tmpl" "$out/nats$n/nats.conf" \
    SERVER_NAME="cwtch-nats$n" FAILURE_DOMAIN="nats$n" CLIENT_LISTEN=0.0.0.0:4222 MONITOR_PORT=8222 \
    STORE_DIR=/data MAX_FILE_STORE=20GB JS_DOMAIN=cwtch-region \
    TLS_CERT="$tls/server.pem" TLS_KEY="$tls/server-key.pem" TLS_CA="$tls/ca.pem" CLIENT_TLS_VERIFY=false \
    LEAF_LISTEN=0.0.0.0:7422 CLUSTER_NAME=cwtch-region CLUSTER_LISTEN=0.0.0.0:6222 \
    ROUTE_CERT="$tls/route.pem" ROUTE_KEY="$tls/route-key.pem" ROUTE_CA="$tls/route-ca.pem" \
    ROUTE_URL_1=nats-route://nats1:6222 ROUTE_URL_2=nats-route://nats2:6222 ROUTE_URL_3=nats-route://nats3:6222 \
    AUTHORIZATION_FILE=authorization.conf
  # Readable by the container's nats user, whatever its uid: the folder is mounted read-only.
  chmod 0644 "$out/nats$n/nats.conf" "$out/nats$n/authorization.conf"
  if [ -n "$nats" ] && [ -d "$tls" ]; then
    "$nats" -c "$out/nats$n/nats.conf" -t >/dev/null 2>&1 || { "$nats" -c "$out/nats$n/nats.conf" -t >&2 || true; exit 1; }
    printf 'render-nats: nats%s/nats.conf is valid (nats-server -t)\n' "$n" >&2
  else
    printf 'render-nats: nats%s/nats.conf written; not checked with nats-server -t (no nats-server, or no %s here)\n' "$n" "$tls" >&2
  fi
done
