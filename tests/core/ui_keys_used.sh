#!/bin/sh
# The ui strings the program shows are the ones the content loader requires: every
# "prefix.name" literal in src/ whose prefix is one of ui.json's namespaces is listed
# in src/core/ui_keys.c (else content without it loads, and the screen shows the raw
# key), and every key listed there is used (else content authors keep dead strings).
# usage: ui_keys_used.sh SOURCE_DIR
set -eu
src=$1/src
list=$src/core/ui_keys.c
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

key='"[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*"'
files='\.(h|c|pdf|json|conf|wav|png)$' # file names ("summary.h", "summary.pdf") are not keys
grep -oE "$key" "$list" | tr -d '"' | grep -vE "$files" | sort -u >"$tmp/required"
cut -d. -f1 "$tmp/required" | sort -u >"$tmp/prefixes"
find "$src" -name '*.c' ! -path "$list" -exec grep -ohE "$key" {} + | tr -d '"' | sort -u |
  grep -E "^($(paste -sd'|' "$tmp/prefixes"))\." | grep -vE "$files" >"$tmp/used" || true

status=0
missing=$(comm -23 "$tmp/used" "$tmp/required")
if [ -n "$missing" ]; then
  echo "used in src/ but not required by src/core/ui_keys.c:"
  echo "$missing"
  status=1
fi
unused=$(comm -13 "$tmp/used" "$tmp/required")
if [ -n "$unused" ]; then
  echo "required by src/core/ui_keys.c but used nowhere in src/:"
  echo "$unused"
  status=1
fi
exit $status
