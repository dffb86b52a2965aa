#!/usr/bin/env bash
# Makes a throw-away certificate authority and the certificates a NATS test set-up needs, with
# openssl only, non-interactively, in well under a second:
#
#   ca.pem, ca-key.pem          the CA (EC P-256, basicConstraints CA:TRUE, pathlen 0)
#   server.pem, server-key.pem  client-facing server certificate (serverAuth)
#   route.pem, route-key.pem    cluster-route / leaf-node certificate (serverAuth + clientAuth: a
#                               route is a TLS server to its peers and a TLS client of them)
#   client.pem, client-key.pem  one client certificate (clientAuth), CN cwtch-test-client
#
# Server and route certificates name IP 127.0.0.1, IP ::1 and DNS localhost, plus every HOSTNAME
# given (an IPv4/IPv6 address becomes an IP name, anything else a DNS name). Keys are 0600.
#
# Usage: make-test-ca.sh [--force] [--days N] OUTDIR [HOSTNAME...]
#   --force   re-create everything even if OUTDIR already holds a set
#   --days N  validity of every certificate (default 2)
#
# Without --force, an existing complete set that still verifies, is valid for another hour and
# names every requested host is left as it is (exit 0); anything else already there (a partial
# set, other names, expired) is refused (exit 1). Test use only: production certificates come
# from the region's own CA, see infra/README.md.
set -euo pipefail

usage() { printf 'usage: %s [--force] [--days N] OUTDIR [HOSTNAME...]\n' "$(basename "$0")" >&2; exit 2; }
die() { printf 'make-test-ca: %s\n' "$*" >&2; exit 1; }

force=0
days=2
while [ $# -gt 0 ]; do
  case "$1" in
    --force) force=1; shift ;;
    --days) [ $# -ge 2 ] || usage; days="$2"; shift 2 ;;
    --days=*) days="${1#--days=}"; shift ;;
    -h|--help) usage ;;
    --) shift; break ;;
    -*) usage ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || usage
outdir="$1"; shift
[[ "$days" =~ ^[1-9][0-9]{0,4}$ ]] || die "--days must be a positive whole number, got '$days'"
command -v openssl >/dev/null || die "openssl not found on PATH"

# Names for the server and route certificates. Reject anything that could break the openssl
# configuration written below.
ipv4_re='^([0-9]{1,3}\.){3}[0-9]{1,3}$'
ipv6_re='^[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*$'
dns_re='^(\*\.)?[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$'
ips=(127.0.0.1 ::1)
dnss=(localhost)
for name in "$@"; do
  if [[ "$name" =~ $ipv4_re || "$name" =~ $ipv6_re ]]; then
    ips+=("$name")
  elif [[ "$name" =~ $dns_re ]]; then
    dnss+=("$name")
  else
    die "not a host name or IP address: '$name'"
  fi
done

files=(ca.pem ca-key.pem server.pem server-key.pem route.pem route-key.pem client.pem client-key.pem)

# True when OUTDIR holds a complete, valid set that names every requested host.
existing_set_ok() {
  local f
  for f in "${files[@]}"; do [ -s "$outdir/$f" ] || return 1; done
  for f in server route client; do
    openssl verify -CAfile "$outdir/ca.pem" "$outdir/$f.pem" >/dev/null 2>&1 || return 1
    openssl x509 -in "$outdir/$f.pem" -noout -checkend 3600 >/dev/null 2>&1 || return 1
  done
  for f in server route; do
    for name in "${ips[@]}"; do
      openssl verify -CAfile "$outdir/ca.pem" -verify_ip "$name" "$outdir/$f.pem" >/dev/null 2>&1 || return 1
    done
    for name in "${dnss[@]}"; do
      openssl verify -CAfile "$outdir/ca.pem" -verify_hostname "$name" "$outdir/$f.pem" >/dev/null 2>&1 || return 1
    done
  done
}

if [ "$force" -eq 0 ]; then
  present=()
  for f in "${files[@]}"; do [ -e "$outdir/$f" ] && present+=("$f"); done
  if [ "${#present[@]}" -gt 0 ]; then
    if existing_set_ok; then
      printf 'make-test-ca: %s already holds a valid set; left as it is (use --force to re-create)\n' "$outdir" >&2
      exit 0
    fi
    die "$outdir already holds ${present[*]} (incomplete, expired or for other names); use --force to overwrite"
  fi
fi

mkdir -p "$outdir"
umask 077
work="$(mktemp -d "$outdir/.make-test-ca.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# subjectAltName list shared by the server and route certificates.
san=""
i=0
for name in "${ips[@]}"; do i=$((i + 1)); san+="IP.$i = $name"$'\n'; done
i=0
for name in "${dnss[@]}"; do i=$((i + 1)); san+="DNS.$i = $name"$'\n'; done

cat >"$work/openssl.cnf" <<EOF
# Written by make-test-ca.sh; self-contained so that the system's openssl.cnf plays no part.
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
[ ca_ext ]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ server_ext ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = @names
[ route_ext ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth, clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = @names
[ client_ext ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ names ]
$san
EOF

newkey() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -pkeyopt ec_param_enc:named_curve -out "$1" 2>/dev/null; }
serial() { printf '0x%s' "$(openssl rand -hex 16)"; }

# The CA: self-signed.
newkey "$work/ca-key.pem"
openssl req -new -x509 -config "$work/openssl.cnf" -extensions ca_ext -sha256 -days "$days" \
  -key "$work/ca-key.pem" -subj "/O=Cwtch test/CN=Cwtch test CA $(date -u +%Y%m%d) $(openssl rand -hex 4)" \
  -set_serial "$(serial)" -out "$work/ca.pem"

# issue NAME CN EXTENSIONS: a key and a certificate signed by the CA.
issue() {
  newkey "$work/$1-key.pem"
  openssl req -new -config "$work/openssl.cnf" -key "$work/$1-key.pem" -subj "/O=Cwtch test/CN=$2" -out "$work/$1.csr"
  openssl x509 -req -sha256 -days "$days" -in "$work/$1.csr" -CA "$work/ca.pem" -CAkey "$work/ca-key.pem" \
    -set_serial "$(serial)" -extfile "$work/openssl.cnf" -extensions "$3" -out "$work/$1.pem" 2>/dev/null
}
issue server "${dnss[-1]}" server_ext
issue route "cwtch-test-route" route_ext
issue client "cwtch-test-client" client_ext

# Check before anything is moved into place.
openssl verify -CAfile "$work/ca.pem" -purpose sslserver "$work/server.pem" >/dev/null
openssl verify -CAfile "$work/ca.pem" -purpose sslserver "$work/route.pem" >/dev/null
openssl verify -CAfile "$work/ca.pem" -purpose sslclient "$work/route.pem" >/dev/null
openssl verify -CAfile "$work/ca.pem" -purpose sslclient "$work/client.pem" >/dev/null
openssl verify -CAfile "$work/ca.pem" -verify_ip 127.0.0.1 "$work/server.pem" >/dev/null
openssl verify -CAfile "$work/ca.pem" -verify_hostname localhost "$work/route.pem" >/dev/null

chmod 0600 "$work"/*-key.pem
chmod 0644 "$work"/ca.pem "$work"/server.pem "$work"/route.pem "$work"/client.pem
for f in "${files[@]}"; do mv -f "$work/$f" "$outdir/$f"; done
printf 'make-test-ca: wrote %s to %s (valid %s day(s); names: %s)\n' \
  "${files[*]}" "$outdir" "$days" "${ips[*]} ${dnss[*]}" >&2
