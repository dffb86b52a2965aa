#!/usr/bin/env bash
# Proves that the nats-server templates in infra/nats/ are valid and work, in a throw-away folder
# on 127.0.0.1, in about 10 seconds:
#   1. makes a test CA for clients and leaf nodes and a second one for routes (make-test-ca.sh),
#      nkey users for an operator, the audit service and one agency, and an authorization file;
#   2. renders every template with render-nats-config.sh and runs `nats-server -c FILE -t`;
#      checks that the renderer refuses a missing or unknown placeholder; a template in the
#      folder that this script has no sample values for fails the check before anything starts;
#   3. starts three cluster nodes and checks that they route to each other over TLS, elect a
#      JetStream meta leader with a cluster of 3, are healthy, and require TLS from clients;
#   4. starts an agency leaf node and checks that it links to the cluster (mutual TLS + nkey);
#   5. with Node.js and the workspace's NATS client (both required: a missing one fails the check):
#      creates SHARES and AUDIT as production does (file storage, R3, deny delete/purge), and
#      checks as the operator, as an agency connected directly and as the same agency behind its
#      leaf node (JetStream domain) what each may and may not do; a refusal counts only with the
#      error that refusal gives (a permissions violation, not a timeout);
#   6. starts a single node (the dev template) and checks that JetStream is healthy;
#   7. stops every server it started.
# Exits 0 and prints "check-nats-configs: OK" on success; otherwise prints what failed and the
# end of the servers' logs, and exits 1. KEEP_TMP=1 keeps the temporary folder.
# nats-server: NATS_SERVER_BIN, then .tools/nats/usr/sbin/nats-server, then PATH (>= 2.11).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# NATS_TEMPLATES_DIR: another folder of templates (the test uses it to prove that an unknown
# template fails the check); infra/nats/ otherwise.
templates="${NATS_TEMPLATES_DIR:-$root/infra/nats}"
log() { printf '[check-nats] %s\n' "$*" >&2; }

# Every template this script renders with sample values and runs `nats-server -t` on. A template
# in the folder that is not listed here fails the check at once: none ships unchecked.
known_templates=(cluster-node.conf.tmpl leaf-node.conf.tmpl single-node.conf.tmpl)
unknown=()
shopt -s nullglob
for t in "$templates"/*.tmpl; do
  name="$(basename "$t")"
  [[ " ${known_templates[*]} " == *" $name "* ]] || unknown+=("$name")
done
shopt -u nullglob
if [ "${#unknown[@]}" -gt 0 ]; then
  for name in "${unknown[@]}"; do
    log "FAIL: $name has no sample values in check-nats-configs.sh, so nats-server -t never checks it: add it to known_templates and render it beside the others"
  done
  exit 1
fi

# --- tools ---------------------------------------------------------------------------------
version_ok() { # BIN: true when it is nats-server >= 2.11
  local v maj min
  v="$("$1" --version 2>/dev/null | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -1)" || return 1
  [ -n "$v" ] || return 1
  maj="${v%%.*}"; min="${v#*.}"; min="${min%%.*}"
  [ "$maj" -gt 2 ] || { [ "$maj" -eq 2 ] && [ "$min" -ge 11 ]; }
}
nats=""
for candidate in "${NATS_SERVER_BIN:-}" "$root/.tools/nats/usr/sbin/nats-server" "$(command -v nats-server || true)"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ] && version_ok "$candidate"; then nats="$candidate"; break; fi
done
[ -n "$nats" ] || { log "FAIL: no nats-server >= 2.11 (set NATS_SERVER_BIN or run infra/scripts/setup.sh)"; exit 1; }
for tool in openssl curl base32 od ss; do
  command -v "$tool" >/dev/null || { log "FAIL: $tool not found"; exit 1; }
done
log "using $nats ($("$nats" --version))"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/cwtch-nats-check.XXXXXX")"
pids=()
logs=()
ok=0
cleanup() {
  local pid i
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ "$ok" -ne 1 ]; then
    for f in "${logs[@]}"; do
      [ -f "$f" ] || continue
      printf '\n----- last lines of %s -----\n' "$f" >&2
      tail -n 25 "$f" >&2
    done
  fi
  if [ "${KEEP_TMP:-0}" = 1 ]; then log "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
fail() { log "FAIL: $*"; exit 1; }

# --- free ports ----------------------------------------------------------------------------
picked=" "
free_port() { # prints a TCP port nobody listens on (and not handed out before by this script)
  local port used
  used=" $(ss -Htln | awk '{ n = split($4, a, ":"); print a[n] }' | tr '\n' ' ') "
  while :; do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    [[ "$used" == *" $port "* || "$picked" == *" $port "* ]] && continue
    picked+="$port "
    printf '%d' "$port"
    return
  done
}

# --- nkeys (user key pairs, as @nats-io/nkeys makes them) ----------------------------------
crc16() { # CRC-16/XMODEM of the decimal byte values given
  local crc=0 b i
  for b in "$@"; do
    crc=$((crc ^ (b << 8)))
    for ((i = 0; i < 8; i++)); do
      if ((crc & 0x8000)); then crc=$((((crc << 1) ^ 0x1021) & 0xffff)); else crc=$(((crc << 1) & 0xffff)); fi
    done
  done
  printf '%d' "$crc"
}
nk_encode() { # decimal bytes -> nkey text (bytes, CRC-16 little-endian, base32 without padding)
  local crc b esc=""
  local bytes=("$@")
  crc="$(crc16 "${bytes[@]}")"
  bytes+=($((crc & 0xff)) $((crc >> 8)))
  for b in "${bytes[@]}"; do esc+="$(printf '\\x%02x' "$b")"; done
  printf '%b' "$esc" | base32 -w0 | tr -d '='
}
raw32() { tail -c 32 | od -An -v -tu1 | tr -s ' \n' '\n' | grep -v '^$'; }
nkey_user() { # FILE: writes the seed (SU...) to FILE (0600) and prints the public key (U...)
  local pem pub=() priv=()
  pem="$(openssl genpkey -algorithm ed25519)"
  mapfile -t priv < <(openssl pkey -outform DER <<<"$pem" | raw32)
  mapfile -t pub < <(openssl pkey -pubout -outform DER <<<"$pem" | raw32)
  (umask 077; nk_encode 149 0 "${priv[@]}" >"$1") # prefix: seed of a user key
  nk_encode 160 "${pub[@]}"                       # prefix: user public key
}

# --- certificates, users, authorization file -----------------------------------------------
certs="$tmp/certs"
route_certs="$tmp/route-certs"
bash "$here/make-test-ca.sh" "$certs" 2>/dev/null || fail "make-test-ca.sh $certs"
bash "$here/make-test-ca.sh" "$route_certs" 2>/dev/null || fail "make-test-ca.sh $route_certs"
for f in server route client; do
  openssl verify -CAfile "$certs/ca.pem" "$certs/$f.pem" >/dev/null || fail "openssl verify $f.pem"
done
# A route certificate from the client CA must not pass as one from the route CA.
if openssl verify -CAfile "$route_certs/ca.pem" "$certs/route.pem" >/dev/null 2>&1; then
  fail "the two test CAs are not independent"
fi
log "certificates made and verified (client CA and route CA)"

agency="swansea-cs"
domain="cwtch-check"
mkdir -p "$tmp/keys"
operator_pub="$(nkey_user "$tmp/keys/operator.nk")"
audit_pub="$(nkey_user "$tmp/keys/audit.nk")"
agency_pub="$(nkey_user "$tmp/keys/$agency.nk")"
# The same shape as the provisioning code's output (packages/bus/src/nats-permissions.ts), cut
# down to what this check needs. The agency's JetStream API subjects are allowed both as
# $JS.API.* (connected directly) and as $JS.<domain>.API.* (behind its leaf node).
agency_js=""
for prefix in "\$JS.API" "\$JS.$domain.API"; do
  agency_js+="\"$prefix.CONSUMER.INFO.SHARES.inbox-$agency\", \"$prefix.CONSUMER.MSG.NEXT.SHARES.inbox-$agency\", "
  agency_js+="\"$prefix.STREAM.INFO.KV_cwtch-directory\", \"$prefix.DIRECT.GET.KV_cwtch-directory.>\", "
done
cat >"$tmp/authorization.conf" <<EOF
authorization {
  users = [
    # operator
    { nkey: "$operator_pub" },
    # audit
    { nkey: "$audit_pub", permissions: { publish: { allow: ["cwtch.audit.entry", "\$JS.API.INFO", "\$JS.API.STREAM.INFO.AUDIT", "\$JS.API.CONSUMER.MSG.NEXT.SHARES.audit", "\$JS.ACK.SHARES.audit.>"] }, subscribe: { allow: ["_INBOX_audit.>"] } } },
    # $agency
    { nkey: "$agency_pub", permissions: { publish: { allow: ["cwtch.share.*.$agency", "cwtch.receipt.*.$agency", $agency_js"\$JS.ACK.SHARES.inbox-$agency.>"] }, subscribe: { allow: ["_INBOX_$agency.>"] } } }
  ]
}
EOF
chmod 0600 "$tmp/authorization.conf"

render() { bash "$here/render-nats-config.sh" "$@" || fail "render-nats-config.sh $*"; }
declare -A tested=()
config_test() { # FILE TEMPLATE: nats-server's own configuration check of FILE, rendered from TEMPLATE
  local out
  out="$("$nats" -c "$1" -t 2>&1)" || fail "nats-server -t rejects $1 (from $(basename "$2")): $out"
  [[ "$out" == *"is valid"* ]] || fail "nats-server -t said: $out"
  tested[$(basename "$2")]=1
  log "nats-server -t: $(basename "$(dirname "$1")")/$(basename "$1") from $(basename "$2") is valid"
}

# --- the renderer refuses what it should ---------------------------------------------------
if bash "$here/render-nats-config.sh" "$templates/single-node.conf.tmpl" "$tmp/bad.conf" SERVER_NAME=x 2>/dev/null; then
  fail "render-nats-config.sh accepted a template with placeholders left unfilled"
fi
if bash "$here/render-nats-config.sh" "$templates/single-node.conf.tmpl" "$tmp/bad.conf" NO_SUCH_NAME=x 2>/dev/null; then
  fail "render-nats-config.sh accepted an unknown placeholder"
fi
if bash "$here/render-nats-config.sh" "$templates/single-node.conf.tmpl" "$tmp/bad.conf" SERVER_NAME=$'x\nlisten: 0.0.0.0:4222' 2>/dev/null; then
  fail "render-nats-config.sh accepted a multi-line value for a single-line placeholder"
fi
[ ! -e "$tmp/bad.conf" ] || fail "render-nats-config.sh wrote output after refusing"
log "render-nats-config.sh refuses unfilled, unknown and multi-line placeholders"

# --- the cluster ---------------------------------------------------------------------------
declare -a client_port monitor_port cluster_port leaf_port
for n in 1 2 3; do
  client_port[n]="$(free_port)"; monitor_port[n]="$(free_port)"
  cluster_port[n]="$(free_port)"; leaf_port[n]="$(free_port)"
done
for n in 1 2 3; do
  dir="$tmp/n$n"
  mkdir -p "$dir/jetstream"
  cp "$tmp/authorization.conf" "$dir/authorization.conf"
  render "$templates/cluster-node.conf.tmpl" "$dir/nats.conf" \
    SERVER_NAME="check-n$n" FAILURE_DOMAIN="fd-$n" \
    CLIENT_LISTEN="127.0.0.1:${client_port[n]}" MONITOR_PORT="${monitor_port[n]}" \
    STORE_DIR="$dir/jetstream" MAX_FILE_STORE=1GB JS_DOMAIN="$domain" \
    TLS_CERT="$certs/server.pem" TLS_KEY="$certs/server-key.pem" TLS_CA="$certs/ca.pem" \
    CLIENT_TLS_VERIFY=false LEAF_LISTEN="127.0.0.1:${leaf_port[n]}" \
    CLUSTER_NAME=check-region CLUSTER_LISTEN="127.0.0.1:${cluster_port[n]}" \
    ROUTE_CERT="$route_certs/route.pem" ROUTE_KEY="$route_certs/route-key.pem" ROUTE_CA="$route_certs/ca.pem" \
    ROUTE_URL_1="nats-route://localhost:${cluster_port[1]}" \
    ROUTE_URL_2="nats-route://localhost:${cluster_port[2]}" \
    ROUTE_URL_3="nats-route://localhost:${cluster_port[3]}" \
    AUTHORIZATION_FILE=authorization.conf
  config_test "$dir/nats.conf" "$templates/cluster-node.conf.tmpl"
done

# The leaf node and the single node are checked with -t now, started later.
leaf="$tmp/leaf"
mkdir -p "$leaf"
leaf_client_port="$(free_port)"; leaf_monitor_port="$(free_port)"
printf 'nkey: "%s"\n' "$(cat "$tmp/keys/$agency.nk")" >"$leaf/leaf-credentials.conf"
chmod 0600 "$leaf/leaf-credentials.conf"
local_pub="$(nkey_user "$tmp/keys/local-connector.nk")"
render "$templates/leaf-node.conf.tmpl" "$leaf/nats.conf" \
  SERVER_NAME="check-leaf-$agency" CLIENT_PORT="$leaf_client_port" MONITOR_PORT="$leaf_monitor_port" \
  STORE_DIR="$leaf/jetstream" JS_DOMAIN="check-leaf-$agency" \
  HUB_URL_1="nats-leaf://127.0.0.1:${leaf_port[1]}" \
  HUB_URL_2="nats-leaf://127.0.0.1:${leaf_port[2]}" \
  HUB_URL_3="nats-leaf://127.0.0.1:${leaf_port[3]}" \
  HUB_CA="$certs/ca.pem" LEAF_CERT="$certs/client.pem" LEAF_KEY="$certs/client-key.pem" \
  LEAF_CREDENTIALS_FILE=leaf-credentials.conf \
  LOCAL_AUTHORIZATION_BLOCK="authorization { users = [ { nkey: \"$local_pub\" } ] }"
config_test "$leaf/nats.conf" "$templates/leaf-node.conf.tmpl"

single="$tmp/single"
mkdir -p "$single/jetstream"
single_port="$(free_port)"; single_monitor_port="$(free_port)"
cp "$tmp/authorization.conf" "$single/authorization.conf"
render "$templates/single-node.conf.tmpl" "$single/nats.conf" \
  SERVER_NAME=check-single CLIENT_PORT="$single_port" MONITOR_PORT="$single_monitor_port" \
  STORE_DIR="$single/jetstream" SYNC_INTERVAL=always \
  TLS_BLOCK="tls {
  cert_file: \"$certs/server.pem\"
  key_file: \"$certs/server-key.pem\"
}" \
  AUTHORIZATION_BLOCK="$(cat "$tmp/authorization.conf")" CLUSTER_BLOCK=
config_test "$single/nats.conf" "$templates/single-node.conf.tmpl"
# The dev region's plain form: no TLS, no authorization, the server's default fsync interval.
render "$templates/single-node.conf.tmpl" "$single/plain.conf" \
  SERVER_NAME=check-plain CLIENT_PORT="$single_port" MONITOR_PORT="$single_monitor_port" \
  STORE_DIR="$single/jetstream" SYNC_INTERVAL=2m TLS_BLOCK= AUTHORIZATION_BLOCK= CLUSTER_BLOCK=
config_test "$single/plain.conf" "$templates/single-node.conf.tmpl"

# Every template in the folder went through nats-server -t above.
for name in "${known_templates[@]}"; do
  [ -n "${tested[$name]+x}" ] || fail "$name is listed in known_templates but was never rendered and checked with nats-server -t"
done
log "nats-server -t passed on every template in $(basename "$templates")/: ${known_templates[*]}"

start() { # NAME CONFIG: starts nats-server in the background, logging to $tmp/NAME.log
  local logfile="$tmp/$1.log"
  "$nats" -c "$2" >"$logfile" 2>&1 &
  pids+=("$!")
  logs+=("$logfile")
}
get() { curl -fsS --max-time 2 "http://127.0.0.1:$1$2" 2>/dev/null; }
wait_for() { # SECONDS DESCRIPTION COMMAND...: retries COMMAND until it succeeds
  local deadline=$((SECONDS + $1)) what="$2" pid
  shift 2
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || fail "timed out waiting for: $what"
    # A server that has exited (its port taken, say) will never answer: say so now, with its log.
    for pid in "${pids[@]}"; do
      kill -0 "$pid" 2>/dev/null || fail "a nats-server exited while waiting for: $what"
    done
    sleep 0.2
  done
}
t0=$SECONDS
for n in 1 2 3; do start "n$n" "$tmp/n$n/nats.conf"; done

routes_ok() { # N: node N has a route to each of the two other nodes
  local body m
  body="$(get "${monitor_port[$1]}" /routez)" || return 1
  for m in 1 2 3; do
    [ "$m" -eq "$1" ] && continue
    [[ "$body" == *"\"remote_name\": \"check-n$m\""* ]] || return 1
  done
}
meta_ok() { # N: node N sees a JetStream meta leader in a meta cluster of 3
  local body
  body="$(get "${monitor_port[$1]}" /jsz)" || return 1
  [[ "$body" =~ \"leader\":\ \"check-n[123]\" ]] || return 1
  [[ "$body" == *'"cluster_size": 3'* ]]
}
healthy() { get "$1" /healthz >/dev/null; }
for n in 1 2 3; do
  wait_for 60 "node $n routes to the two others" routes_ok "$n"
  wait_for 60 "node $n sees a JetStream meta leader of a 3-node cluster" meta_ok "$n"
  wait_for 60 "node $n /healthz" healthy "${monitor_port[n]}"
done
leader="$(get "${monitor_port[1]}" /jsz | grep -oE '"leader": "check-n[123]"' | head -1 | cut -d'"' -f4)"
log "cluster formed in $((SECONDS - t0)) s: routes between all three nodes, JetStream meta leader $leader, all healthy"

# Routes and clients really are TLS, with the settings the template asks for.
for n in 1 2 3; do
  varz="$(get "${monitor_port[n]}" /varz)" || fail "node $n /varz"
  [[ "$varz" =~ \"tls_required\":\ true ]] || fail "node $n does not require TLS from clients"
  [[ "$varz" =~ \"sync_always\":\ true ]] || fail "node $n does not fsync every write (sync_always)"
  [[ "$varz" =~ \"domain\":\ \"$domain\" ]] || fail "node $n is not in JetStream domain $domain"
done
grep -q 'TLS required for client connections' "$tmp/n1.log" || fail "node 1 log does not say TLS is required for clients"
if grep -Eiq 'tls.*(error|fail)|certificate' "$tmp"/n[123].log; then fail "TLS errors in the cluster logs"; fi
grep -q 'JetStream cluster' "$tmp"/n1.log || fail "node 1 log has no JetStream cluster lines"
log "client TLS required, fsync on every write, JetStream domain $domain, on every node; no TLS errors"

# --- the leaf node -------------------------------------------------------------------------
start leaf "$leaf/nats.conf"
leaf_linked() {
  local body
  body="$(get "$leaf_monitor_port" /leafz)" || return 1
  [[ "$body" == *'"leafnodes": 1'* ]]
}
hub_sees_leaf() {
  local n total=0 body
  for n in 1 2 3; do
    body="$(get "${monitor_port[n]}" /leafz)" || return 1
    [[ "$body" == *'"leafnodes": 1'* ]] && total=$((total + 1))
  done
  [ "$total" -eq 1 ]
}
wait_for 60 "the leaf node links to the cluster" leaf_linked
wait_for 60 "one cluster node shows the leaf node" hub_sees_leaf
log "leaf node linked to the cluster (mutual TLS, nkey user $agency)"

# --- what each user may do, through a real client ------------------------------------------
bus_pkg="$root/packages/bus/package.json"
node_bin="$root/.tools/node24/node_modules/node/bin/node"
[ -x "$node_bin" ] || node_bin="$(command -v node || true)"
[ -n "$node_bin" ] || fail "node not found: the permission checks cannot run (run infra/scripts/setup.sh)"
"$node_bin" -e 'const r = require("node:module").createRequire(process.argv[1]); r.resolve("@nats-io/transport-node"); r.resolve("@nats-io/jetstream");' "$bus_pkg" 2>/dev/null ||
  fail "the workspace's @nats-io packages are not installed: the permission checks cannot run (pnpm install)"
cat >"$tmp/client-check.cjs" <<'EOF'
// Written and run by check-nats-configs.sh. argv: the bus package's package.json, the temporary
// folder, cluster URL, leaf-node URL, JetStream domain, agency id. One line per check on stderr;
// exit 1 if any failed.
const { createRequire } = require('node:module');
const fs = require('node:fs');
const [, , pkg, dir, hubUrl, leafUrl, domain, agency] = process.argv;
const r = createRequire(pkg);
const { connect, nkeyAuthenticator } = r('@nats-io/transport-node');
const { jetstream, jetstreamManager } = r('@nats-io/jetstream');
const auth = (who) => nkeyAuthenticator(new TextEncoder().encode(fs.readFileSync(`${dir}/keys/${who}.nk`, 'utf8').trim()));
const tls = { caFile: `${dir}/certs/ca.pem` };
let failed = 0;
const say = (line) => process.stderr.write(`[check-nats]   ${line}\n`);
async function allowed(label, f) {
  try {
    const v = await f();
    say(`ok: ${label}${v ? ` (${v})` : ''}`);
  } catch (e) {
    failed++;
    say(`FAILED: ${label}: ${e.message}`);
  }
}
// A refusal counts only with the error it is expected to give: a timeout or any other error
// proves nothing about the permission and fails the check.
async function refused(label, f, expected) {
  try {
    const v = await f();
    failed++;
    say(`FAILED: ${label} was allowed${v ? ` (${v})` : ''}`);
  } catch (e) {
    const message = String(e?.message);
    if (expected.test(message)) {
      say(`ok: refused: ${label} (${message.slice(0, 90)})`);
    } else {
      failed++;
      say(`FAILED: ${label}: refused, but not with ${expected}: ${message.slice(0, 200)}`);
    }
  }
}
async function pull(js, consumer) {
  const c = await js.consumers.get('SHARES', consumer);
  const m = await c.next({ expires: 10000 });
  if (!m) throw new Error('no message');
  if (!(await m.ackAck({ timeout: 10000 }))) throw new Error('ack not confirmed');
  return m.subject;
}
function stream(name, subjects, maxMsgSize) {
  return {
    name, subjects, storage: 'file', retention: 'limits', discard: 'new', num_replicas: 3,
    duplicate_window: 600e9, deny_delete: true, deny_purge: true, allow_direct: true,
    allow_rollup_hdrs: false, max_msg_size: maxMsgSize,
  };
}
function placed(info) {
  const servers = new Set([info.cluster?.leader, ...(info.cluster?.replicas ?? []).map((x) => x.name)]);
  if (servers.size !== 3) throw new Error(`replicas on ${[...servers]}`);
  return `replicas on ${[...servers].sort().join(', ')}`;
}
(async () => {
  const other = 'npt-cs';
  const op = await connect({ servers: hubUrl, tls, authenticator: auth('operator'), timeout: 15000 });
  const jsm = await jetstreamManager(op);
  await allowed('operator creates SHARES: file, R3, deny delete/purge, 10 min duplicate window, 1 MiB',
    async () => placed(await jsm.streams.add(stream('SHARES', ['cwtch.share.*.*', 'cwtch.receipt.*.*'], 1024 * 1024))));
  await allowed('operator creates AUDIT: file, R3, deny delete/purge, 256 KiB',
    async () => placed(await jsm.streams.add(stream('AUDIT', ['cwtch.audit.entry'], 256 * 1024))));
  for (const a of [agency, other]) {
    await jsm.consumers.add('SHARES', {
      durable_name: `inbox-${a}`, ack_policy: 'explicit',
      filter_subjects: [`cwtch.share.${a}.*`, `cwtch.receipt.${a}.*`],
    });
  }
  const ojs = jetstream(op);
  await ojs.publish(`cwtch.share.${agency}.${other}`, 'one');
  await ojs.publish(`cwtch.share.${agency}.${other}`, 'two');
  await refused('operator deletes a SHARES message', () => jsm.streams.deleteMessage('SHARES', 1), /message delete not permitted/);
  await refused('operator purges AUDIT', () => jsm.streams.purge('AUDIT'), /stream purge not permitted/);
  await refused('300 KiB entry in AUDIT', () => ojs.publish('cwtch.audit.entry', new Uint8Array(300 * 1024)), /message size exceeds maximum/);

  // Connected directly, the server answers a denied action with a permissions violation. Behind
  // the leaf node the hub enforces the agency's permissions on the leaf link, so a denied subject
  // never reaches the hub and the request finds no responder (nats.js: "jetstream is not
  // enabled"), while the allowed ones on the same connection do; the stream count below shows
  // nothing denied was stored.
  const denied = {
    direct: /Permissions Violation for Publish/,
    leaf: /Permissions Violation for Publish|jetstream is not enabled|no responders/,
  };
  for (const [how, servers, who, jsOpts, refusal] of [
    ['directly over TLS', hubUrl, agency, {}, denied.direct],
    ['behind its leaf node', leafUrl, 'local-connector', { domain }, denied.leaf],
  ]) {
    say(`${agency} connected ${how}:`);
    const nc = await connect({
      servers, ...(servers.startsWith('tls') ? { tls } : {}), authenticator: auth(who),
      inboxPrefix: `_INBOX_${agency}`, timeout: 15000,
    });
    (async () => {
      for await (const _ of nc.status()) {
        // permission errors also reject the calls below, which is what is checked
      }
    })();
    const js = jetstream(nc, { timeout: 10000, ...jsOpts });
    const own = `cwtch.share.${other}.${agency}`;
    await allowed(`publishes ${own}`, async () => `stream seq ${(await js.publish(own, 'x', { msgID: how })).seq}`);
    await allowed('its retry with the same Nats-Msg-Id is not stored twice', async () => {
      if (!(await js.publish(own, 'x', { msgID: how })).duplicate) throw new Error('stored twice');
    });
    await refused(`publishes as ${other} (cwtch.share.${agency}.${other})`, () => js.publish(`cwtch.share.${agency}.${other}`, 'x'), refusal);
    await allowed(`pulls and acks from inbox-${agency}`, () => pull(js, `inbox-${agency}`));
    await refused(`pulls from inbox-${other}`, () => pull(js, `inbox-${other}`), refusal);
    await refused('reads stream info', async () => (await jetstreamManager(nc, { timeout: 10000, ...jsOpts })).streams.info('SHARES'), refusal);
    await nc.close();
  }
  await allowed('SHARES holds only the allowed messages', async () => {
    const n = (await jsm.streams.info('SHARES')).state.messages;
    if (n !== 4) throw new Error(`${n} messages, expected 4`);
    return `${n} messages`;
  });
  await op.close();
  process.exit(failed === 0 ? 0 : 1);
})().catch((e) => {
  say(`FAILED: ${e.stack ?? e}`);
  process.exit(1);
});
EOF
log "client checks (operator; $agency directly and behind its leaf node):"
timeout 90 "$node_bin" "$tmp/client-check.cjs" "$bus_pkg" "$tmp" "tls://127.0.0.1:${client_port[1]}" \
  "nats://127.0.0.1:$leaf_client_port" "$domain" "$agency" || fail "client checks"

# --- the single node -----------------------------------------------------------------------
start single "$single/nats.conf"
js_healthy() { get "$single_monitor_port" '/healthz?js-enabled-only=true' >/dev/null; }
wait_for 60 "the single node's JetStream" js_healthy
single_jsz="$(get "$single_monitor_port" /jsz)" || fail "single node /jsz"
[[ "$single_jsz" =~ \"sync_always\":\ true ]] || fail "single node does not fsync every write"
log "single node up with JetStream and TLS"

ok=1
log "all checks passed in ${SECONDS} s"
printf 'check-nats-configs: OK\n'
