#!/usr/bin/env bash
# A whole interview typed into `ppkiosk --text`: the output (summary included) must
# match the expected transcript, apart from the date line. Exit 0 is required.
# usage: text_interview.sh PPKIOSK LANG ANSWERS EXPECTED
set -euo pipefail
bin=$1 lang=$2 answers=$3 expected=$4
out=$("$bin" --text --lang "$lang" <"$answers")
got=$(printf '%s\n' "$out" | sed -E 's/^(Date|Fecha): .*/\1: DATE/')
if ! diff -u "$expected" <(printf '%s\n' "$got"); then
  echo "transcript differs from $expected" >&2
  exit 1
fi
