#!/bin/sh
# scripts/bench-voice-curve on a small made-up set of decodes (no audio, no model): the
# ceiling, the shipped point and the best point under a cap on wrong accepts come out
# as counted by hand below; with --learned, the learned confidence is fitted and shown.
# usage: curve.sh BENCH_VOICE_CURVE WORK_DIR
set -eu
curve=$1 dir=$2
rm -rf "$dir" && mkdir -p "$dir"
cat >"$dir/voice.conf" <<'EOF'
reject_llr = -10
min_margin = 5
yesno_reject_llr = -10
yesno_min_margin = 5
EOF
# list: SESSION QUESTION MODE FILE EXPECTED CLASS; decodes: the columns voice_tool
# recognize prints (answer 5, runner-up 7, margin 9, range 10, llr per word frame 15,
# word frames 16, unexplained 18).
: >"$dir/list.tsv"
: >"$dir/open-debian.tsv"
row() { # CLASS QUESTION EXPECTED ANSWER LLR MARGIN
  printf 's\t%s\tanswer\tf\t%s\t%s\n' "$2" "$3" "$1" >>"$dir/list.tsv"
  printf 's\t%s\tanswer\tf\t%s\t50\t-\t0\t%s\t40\t900\t40\t3\t0\t%s\t40\t90\t0.1\t1\n' \
    "$2" "$4" "$6" "$5" >>"$dir/open-debian.tsv"
}
# digits            expected heard llr margin
row digits pain_now 1 1 -2 20 # right, sure
row digits pain_now 2 2 -3 12 # right
row digits pain_now 3 3 -8 6  # right, low margin
row digits pain_now 4 4 -12 9 # right, low llr: rejected as shipped
row digits pain_now 5 6 -4 10 # wrong, confident
row digits pain_now 6 - 0 0   # nothing heard
row other pain_now - 7 -5 8   # other word taken for 7
row other pain_now - - 0 0
# yes/no
row yesno rf_chest yes yes -1 15
row yesno rf_chest no yes -9 4 # wrong, low margin
for k in "$dir/open-adapt.tsv"; do cp "$dir/open-debian.tsv" "$k"; done
out=$("$curve" "$dir" "$dir/voice.conf")
printf '%s\n' "$out"
fail=0
want() {
  printf '%s\n' "$out" | grep -qF -- "$1" || { echo "FAIL: missing: $1"; fail=1; }
}
# digits: 6 clips; nothing rejected: 4 right (66.7%), 1 wrong (16.7%); the other word 1 of 2
want "digits on pain_now, model debian: 6 clips, 2 other words"
want "ceiling (nothing rejected): right 66.7%  wrong 16.7%  other words accepted 50.0%"
# shipped llr > -10, margin >= 5: 1, 2, 3 right, 6 wrong, the other word accepted
want "shipped llr > -10.0, margin >= 5.0: right 50.0%  wrong 16.7%  rejected 33.3%  other 50.0%"
# no wrong accepts: llr > -4 keeps 1 and 2 only; a 20% cap lets the wrong 6 in: all
# four right with the other word, or (margin >= 8.25, to turn the other word away) 1, 2, 4
want "      0.0% |  33.3   0.0  66.7   0.0 |  33.3   0.0  66.7   0.0 |"
want "     20.0% |  66.7  16.7  16.7  50.0 |  50.0  16.7  33.3   0.0 |"
# yes/no: one right, one wrong; the wrong one has margin 4: dropped at margin >= 4.25
want "yesno on rf_chest, model debian: 2 clips, 0 other words"
want "ceiling (nothing rejected): right 50.0%  wrong 50.0%"
want "      0.0% |  50.0   0.0  50.0   0.0 |  50.0   0.0  50.0   0.0 |"
# the learned confidence, fitted on the same decodes (standing in for tuning speakers)
out=$("$curve" "$dir" "$dir/voice.conf" --learned "$dir" debian)
want "learned confidence, fitted on the tuning speakers, llr > -10.0"
want "learned, other <= 5%"
exit $fail
