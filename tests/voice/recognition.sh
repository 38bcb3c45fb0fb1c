#!/usr/bin/env bash
# Recognition and rejection in one process with the model loaded once (voice_tool
# recognize), on three kinds of material:
#   real    real human recordings committed in tests/data/voice-real (speakers held out
#           of tuning and adaptation; Speech Commands, CC-BY 4.0): digits on the pain
#           scale, yes/no on a red-flag question, other words on both; one session per
#           speaker, as a kiosk session
#   espeak  one eSpeak NG recording of one phrase of two answers of every question
#           (smoke test: synthetic speech is not the evidence)
#   noise   silence, hiss, white/pink/brown noise and mains hum on both questions
# and checks each class against its bound (a little under scripts/bench-voice's figures).
# usage: recognition.sh VOICE_TOOL CONTENT_DIR MODELS_DIR REAL_DIR SCRATCH_DIR
#                       digits_right digits_wrong yesno_right yesno_wrong oov espeak
set -euo pipefail
tool=$1 content=$2 models=$3 real=$4 dir=$5
b_digits_right=$6 b_digits_wrong=$7 b_yesno_right=$8 b_yesno_wrong=$9 b_oov=${10} b_espeak=${11}
rm -rf "$dir" && mkdir -p "$dir/espeak" "$dir/noise"
list=$dir/list.tsv # SESSION QUESTION MODE FILE EXPECTED CLASS
: >"$list"

# Real speech, one session per speaker.
awk -F'\t' -v d="$real" 'NR > 1 {
    split("zero one two three four five six seven eight nine", w, " ")
    for (i = 1; i <= 10; i++) if ($2 == w[i]) { print $3 "\tpain_now\tanswer\t" d "/" $1 "\t" i - 1 "\tdigits"; next }
    if ($2 == "yes" || $2 == "no") { print $3 "\trf_chest\tanswer\t" d "/" $1 "\t" $2 "\tyesno"; next }
    print $3 "\tpain_now\tanswer\t" d "/" $1 "\t-\toov"
    print $3 "\trf_chest\tanswer\t" d "/" $1 "\t-\toov" }' "$real/MANIFEST.tsv" >>"$list"

# eSpeak NG: the first phrase of the first two answers of every question, what the
# interpreter makes of it typed.
"$tool" phrases "$content" | awk -F'\t' '$1 != "*" && !seen[$1 FS $2]++ && per[$1]++ < 2' |
  "$tool" expect "$content" >"$dir/expected.tsv"
n=0
while IFS=$'\t' read -r q _ phrase want; do
  n=$((n + 1))
  espeak-ng -v en-us -s 140 -w "$dir/espeak/$n.wav" "$phrase"
  printf 'espeak\t%s\tanswer\t%s\t%s\tespeak\n' "$q" "$dir/espeak/$n.wav" "$want" >>"$list"
done <"$dir/expected.tsv"

# Steady sound: never an answer (the level gate).
nz=$dir/noise
sox -R -n -r 16000 -c 1 "$nz/silence.wav" trim 0 1.5
sox -R -n -r 16000 -c 1 "$nz/hiss.wav" synth 1.5 whitenoise vol 0.003
sox -R -n -r 16000 -c 1 "$nz/white.wav" synth 1.5 whitenoise vol 0.3
sox -R -n -r 16000 -c 1 "$nz/pink.wav" synth 1.5 pinknoise vol 0.4
sox -R -n -r 16000 -c 1 "$nz/brown.wav" synth 1.5 brownnoise vol 0.6
sox -R -n -r 16000 -c 1 "$nz/hum50.wav" synth 1.5 sine 50 sine 150 sine 250 remix - vol 0.3
sox -R -n -r 16000 -c 1 "$nz/hum60.wav" synth 1.5 sine 60 sine 120 sine 180 remix - vol 0.3
for f in "$nz"/*.wav; do
  for q in pain_now rf_chest; do
    printf 'noise\t%s\tanswer\t%s\t-\tnoise\n' "$q" "$f" >>"$list"
  done
done

cut -f1-4 "$list" | "$tool" recognize "$content" "$models" - >"$dir/out.tsv"
[ "$(wc -l <"$dir/out.tsv")" -eq "$(wc -l <"$list")" ] ||
  { echo "recognition.sh: $(wc -l <"$dir/out.tsv") results for $(wc -l <"$list") files" >&2; exit 1; }
paste "$list" "$dir/out.tsv" | awk -F'\t' -v dr="$b_digits_right" -v dw="$b_digits_wrong" \
  -v yr="$b_yesno_right" -v yw="$b_yesno_wrong" -v ov="$b_oov" -v es="$b_espeak" '
  { c = $6; want = $5; got = $11; n[c]++; cpu += $18; audio += $17
    if (got == "-") rej[c]++; else if (got == want) ok[c]++; else { bad[c]++
      if (c != "oov" && c != "noise") printf "  %s %s: %s heard as %s\n", c, $2, want, got } }
  function pct(a, c) { return n[c] ? 100 * a / n[c] : 0 }
  function check(what, v, bound, le) {
    pass = le ? v <= 100 * bound : v >= 100 * bound
    printf "%-28s %5.1f%%  (bound %s %.1f%%)%s\n", what, v, le ? "<=" : ">=", 100 * bound,
      pass ? "" : "  FAILED"
    if (!pass) failed = 1 }
  END {
    for (c in n) printf "%-7s %3d files: right %d, wrong %d, rejected %d\n", c, n[c], ok[c], bad[c], rej[c]
    check("real digits right", pct(ok["digits"], "digits"), dr, 0)
    check("real digits accepted wrong", pct(bad["digits"], "digits"), dw, 1)
    check("real yes/no right", pct(ok["yesno"], "yesno"), yr, 0)
    check("real yes/no accepted wrong", pct(bad["yesno"], "yesno"), yw, 1)
    check("real other words accepted", pct(bad["oov"], "oov"), ov, 1)
    check("noise, hum, silence accepted", pct(bad["noise"], "noise"), 0, 1)
    check("eSpeak answers right", pct(ok["espeak"], "espeak"), es, 0)
    printf "real-time factor (processor time, all passes) %.3f\n", audio ? cpu / audio : 0
    exit failed }'
