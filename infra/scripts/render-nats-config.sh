#!/usr/bin/env bash
# Fills the {{NAME}} placeholders of a nats-server configuration template (infra/nats/*.tmpl).
#
# Usage: render-nats-config.sh TEMPLATE OUTFILE NAME=VALUE...
#
# Rules, all enforced (exit 1, OUTFILE left untouched):
#   - NAME is upper case letters, digits and _ and must occur in TEMPLATE (catches typos);
#   - a NAME given twice is an error;
#   - only names ending in _BLOCK may have a multi-line VALUE; any other VALUE is one line
#     without the characters that could end a string or start another setting or a comment
#     (" ' \ { } ; , #), so that a single setting cannot smuggle in extra configuration;
#     VALUE may be empty;
#   - VALUE may not contain a double opening brace (no placeholder injection);
#   - after substitution no placeholder may be left in the output.
# OUTFILE is written atomically with mode 0600; run `nats-server -c OUTFILE -t` to check it.
set -euo pipefail
# bash 5.2 expands an unquoted & in a ${var//pattern/string} replacement; the replacement below
# is quoted anyway, this is belt and braces.
shopt -u patsub_replacement 2>/dev/null || true

die() { printf 'render-nats-config: %s\n' "$*" >&2; exit 1; }
[ $# -ge 2 ] || { printf 'usage: %s TEMPLATE OUTFILE NAME=VALUE...\n' "$(basename "$0")" >&2; exit 2; }
template="$1"
outfile="$2"
shift 2
[ -f "$template" ] || die "no such template: $template"

# Read the whole template, keeping its trailing newline (command substitution would drop it).
content="$(cat "$template"; printf x)"
content="${content%x}"

open='{{'
close='}}'
# Characters a single-line value may not contain (a POSIX bracket expression: \ is literal).
single_line_bad=$'["\'\\{};,#\r\n]'
declare -A seen=()
for pair in "$@"; do
  [[ "$pair" == *=* ]] || die "not NAME=VALUE: '$pair'"
  name="${pair%%=*}"
  value="${pair#*=}"
  [[ "$name" =~ ^[A-Z][A-Z0-9_]*$ ]] || die "bad placeholder name: '$name'"
  [ -z "${seen[$name]+x}" ] || die "$name given twice"
  seen[$name]=1
  placeholder="$open$name$close"
  [[ "$content" == *"$placeholder"* ]] || die "$name does not occur in $template"
  if [[ "$name" != *_BLOCK && "$value" =~ $single_line_bad ]]; then
    die "the value of $name has a character a single setting may not have (\" ' \\ { } ; , # or a line break); only *_BLOCK placeholders take those"
  fi
  [[ "$value" != *"$open"* ]] || die "the value of $name contains '$open'"
  content="${content//"$placeholder"/"$value"}"
done

left="$(grep -oE '\{\{[A-Za-z0-9_]+\}\}' <<<"$content" | sort -u | tr '\n' ' ' || true)"
[ -z "$left" ] || die "placeholders left unfilled in $template: $left"

outdir="$(dirname "$outfile")"
[ -d "$outdir" ] || die "no such folder: $outdir"
tmp="$(mktemp "$outdir/.render-nats-config.XXXXXX")"
trap 'rm -f "$tmp"' EXIT
printf '%s' "$content" >"$tmp"
chmod 0600 "$tmp"
mv -f "$tmp" "$outfile"
trap - EXIT
