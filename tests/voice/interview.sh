#!/usr/bin/env bash
# A whole interview driven by voice alone: the SDL kiosk runs headless with a script of
# `audio FILE` lines only ("start", "English", "yes" to the privacy note, then one
# spoken answer per question, made with espeak-ng), and must reach the results screen
# and write the FHIR answers. For each question the recording is taken
# from a few voices and phrases: the first one the recogniser (voice_tool recognize, all
# questions of one voice in one run) accepts as the intended answer with a confidence that needs no confirmation (synthesised speech
# is harder than a person's; see models/voice.conf). Red flags are answered "no" and
# there was no epidural; the questions a C-section brings are asked when it was one.
# usage: interview.sh PPKIOSK VOICE_TOOL CONTENT_DIR MODELS_DIR SCRATCH_DIR
set -euo pipefail
ppkiosk=$1 tool=$2 content=$3 models=$4 dir=$5
confirm_below=50 # VOICE_CONFIRM_BELOW in src/voice/voice.h (FlowConfig.confirm_below)
rm -rf "$dir" && mkdir -p "$dir"
script="$dir/interview.script"
echo "# made by tests/voice/interview.sh" >"$script"
# Voices and speeds, tried in this order until one recording is accepted.
voices=(en-us+f3:140 en-us+klatt:140 en-us+f2:140 en-us+m3:140 en-us+f1:140 en:110
        en-us+m3:170 en-us+klatt2:170 en-us+croak:140 en-us:110 en-us+f4:120)

# say WORD: a recording the kiosk hears as WORD on the screens before the questions.
say() {
  local word=$1 v f got
  for v in "${voices[@]}"; do
    f="$dir/$word-${v//[+:]/_}.wav"
    espeak-ng -v "${v%%:*}" -s "${v##*:}" -w "$f" "$word"
    got=$("$tool" heard "$content" "$models" - "$f" | cut -f2)
    case " $got " in *" $word "*) echo "audio $f" >>"$script"; return 0 ;; esac
  done
  echo "interview.sh: no recording of '$word' was heard as such" >&2
  exit 1
}
say start   # attract
say english # language
say yes     # privacy: continue

"$tool" phrases "$content" >"$dir/phrases.tsv"
"$ppkiosk" --content "$content" --list-questions | cut -f1,2 |
  grep -v -E '^(rf_epidural_site|rf_epidural_pain|rf_epidural_headache)	' >"$dir/questions.tsv" # epidural: none
# Candidate phrases per question: the first phrase of its first two answers, or two
# ways of saying "no" (red flags are answered no, and there was no epidural).
while IFS=$'\t' read -r q kind; do
  case "$q:$kind" in
    *:yesno | epidural:*) want=no ;;
    *) want='*' ;;
  esac
  awk -F'\t' -v q="$q" -v w="$want" \
    '$1 == q && (w == "*" || $2 == w) && per[$2]++ < (w == "*" ? 1 : 6) && !seen[$3]++ &&
     n++ < 2 {print $3}' \
    "$dir/phrases.tsv" >"$dir/phrases-$q.txt"
  [ -s "$dir/phrases-$q.txt" ] || { echo "interview.sh: no phrase for $q" >&2; exit 1; }
  printf '%s\t%s\n' "$q" "$want" >>"$dir/wanted.tsv"
done <"$dir/questions.tsv"

# Voice by voice, every question still without a recording in one decoding run (one
# process, the model loaded once): the first candidate accepted as a wanted answer with
# a confidence that needs no confirmation is kept.
: >"$dir/picked.tsv" # QUESTION FILE ANSWER
for v in "${voices[@]}"; do
  : >"$dir/list.tsv"
  while IFS=$'\t' read -r q _; do
    grep -q "^$q"$'\t' "$dir/picked.tsv" && continue
    p=0
    while IFS= read -r phrase; do
      f="$dir/$q-$p-${v//[+:]/_}.wav"
      espeak-ng -v "${v%%:*}" -s "${v##*:}" -w "$f" "$phrase"
      printf '%s\t%s\tanswer\t%s\n' "$q-$v" "$q" "$f" >>"$dir/list.tsv"
      p=$((p + 1))
    done <"$dir/phrases-$q.txt"
  done <"$dir/wanted.tsv"
  [ -s "$dir/list.tsv" ] || break
  "$tool" recognize "$content" "$models" - <"$dir/list.tsv" |
    awk -F'\t' -v c="$confirm_below" 'FNR == NR { want[$1] = $2; next }
      $5 != "-" && (want[$2] == "*" || $5 == want[$2]) && $6 >= c && !done[$2]++ &&
      $5 !~ /^(repeat|go_back|skip|dont_know|help|start_over|start|done)$/ {
        print $2 "\t" $4 "\t" $5 }' "$dir/wanted.tsv" - >>"$dir/picked.tsv"
done

asked=0
delivery=$(awk -F'\t' '$1 == "delivery" {print $3}' "$dir/picked.tsv")
while IFS=$'\t' read -r q _; do
  [ "$q" = rf_wound ] && [ "$delivery" != csection ] && continue # after a C-section only
  [ "$q" = rf_tear ] && [ "$delivery" != vaginal ] && continue   # after a vaginal birth only
  pick=$(awk -F'\t' -v q="$q" '$1 == q {print $2}' "$dir/picked.tsv")
  if [ -z "$pick" ]; then
    echo "interview.sh: no recording of an answer to $q was accepted" >&2
    exit 1
  fi
  echo "audio $pick" >>"$script"
  asked=$((asked + 1))
done <"$dir/questions.tsv"
echo "wait 200" >>"$script"
echo "interview.sh: $asked questions, answered by voice"

rm -f "$dir/answers.json"
out=$(SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy "$ppkiosk" --content "$content" \
  --windowed --lang en --script "$script" --fhir-out "$dir/answers.json" 2>&1) || {
  echo "$out"
  echo "interview.sh: the kiosk failed" >&2
  exit 1
}
echo "$out" | tail -3
echo "$out" | grep -q "^screen: results$" || { echo "interview.sh: not at the results" >&2; exit 1; }
[ -s "$dir/answers.json" ] || { echo "interview.sh: no FHIR answers written" >&2; exit 1; }
echo "interview.sh: the whole interview was answered by voice"
