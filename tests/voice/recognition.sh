#!/usr/bin/env bash
# Runs `ppkiosk --recognize` over the files of one set of the test-audio manifest
# (scripts/make-test-audio) and checks the result against a bound:
#   clean/noisy: the share of files recognised as the expected answer >= BOUND
#   reject/human: the share of files accepted as any answer (false accepts) <= BOUND
# Prints one line per question, then the total.
# usage: recognition.sh PPKIOSK CONTENT_DIR MANIFEST SET BOUND
set -euo pipefail
ppkiosk=$1 content=$2 manifest=$3 set=$4 bound=$5
[ -s "$manifest" ] || { echo "recognition.sh: no manifest at $manifest" >&2; exit 1; }
results=$(mktemp)
trap 'rm -f "$results"' EXIT
for q in $(awk -F'\t' -v s="$set" '$1 == s {print $2}' "$manifest" | sort -u); do
  mapfile -t files < <(awk -F'\t' -v s="$set" -v q="$q" '$1 == s && $2 == q {print $4}' "$manifest")
  rc=0
  "$ppkiosk" --content "$content" --recognize "$q" "${files[@]}" >"$results.out" || rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "recognition.sh: ppkiosk --recognize $q failed (exit $rc)" >&2
    exit 1
  fi
  # Join on the file name: SET QUESTION EXPECTED GOT CONFIDENCE
  awk -F'\t' -v s="$set" -v q="$q" 'FNR == NR { if ($1 == s && $2 == q) want[$4] = $3; next }
       { print s "\t" q "\t" want[$1] "\t" $2 "\t" $3 }' "$manifest" "$results.out" >>"$results"
done
rm -f "$results.out"
awk -F'\t' -v set="$set" -v bound="$bound" '
  { n[$2]++; total++
    if (set == "clean" || set == "noisy") {
      if ($3 == $4) { ok[$2]++; good++ } else if ($4 != "-") { wrong[$2]++; bad++ }
    } else if ($4 != "-") { ok[$2]++; good++; print "  accepted: " $2 " -> " $4 " (" $5 ")" }
  }
  END {
    what = (set == "clean" || set == "noisy") ? "accuracy" : "false accepts"
    for (q in n) {
      line = sprintf("%-22s %3d files  %s %5.1f%%", q, n[q], what, 100 * ok[q] / n[q])
      if (wrong[q]) line = line sprintf("  (wrong answer %d)", wrong[q])
      print line
    }
    share = total ? good / total : 0
    printf "%s: %d files, %s %.1f%%", set, total, what, 100 * share
    if (set == "clean" || set == "noisy") printf ", wrong answers %.1f%%", 100 * bad / total
    printf " (bound %.1f%%)\n", 100 * bound
    if (set == "clean" || set == "noisy") exit !(share >= bound)
    exit !(share <= bound)
  }' "$results"
