#!/usr/bin/env bash
# ppkiosk --say and --recognize against their contract (DESIGN.md, "Command line").
# usage: cli.sh PPKIOSK CONTENT_DIR SCRATCH_DIR
set -uo pipefail
ppkiosk=$1 content=$2 dir=$3
rm -rf "$dir" && mkdir -p "$dir"
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
run() { "$ppkiosk" --content "$content" "$@"; }

# --say writes speech that is not silence and has a sensible length, in both languages.
for row in "en|Where does it hurt? You can say lower back, or knees.|2|8" \
           "es|¿Dónde le duele? Puede decir la espalda o las rodillas.|2|8"; do
  IFS='|' read -r lang text min max <<<"$row"
  out="$dir/say-$lang.wav"
  run --say "$text" --out "$out" --lang "$lang" || fail "--say ($lang) exited $?"
  len=$(soxi -D "$out" 2>/dev/null || echo 0)
  rms=$(sox "$out" -n stat 2>&1 | awk '/^RMS +amplitude/ {print $3}')
  awk -v l="$len" -v a="$min" -v b="$max" 'BEGIN { exit !(l >= a && l <= b) }' ||
    fail "--say ($lang): $len s long, expected $min..$max"
  awk -v r="${rms:-0}" 'BEGIN { exit !(r > 0.02) }' || fail "--say ($lang): RMS $rms, silent?"
done
run --say "hello" --out /nonexistent-dir/x.wav 2>"$dir/err" && fail "--say to a bad path succeeded"
[ "$(wc -l <"$dir/err")" -eq 1 ] || fail "--say to a bad path: not one line on stderr"
# never written through a symlink; a text far longer than any screen is refused (#13)
echo keep >"$dir/kept.txt" && ln -sf kept.txt "$dir/link.wav"
run --say "hello" --out "$dir/link.wav" 2>"$dir/err" && fail "--say wrote through a symlink"
[ "$(cat "$dir/kept.txt")" = keep ] || fail "--say replaced the file a symlink points at"
long=$(head -c 5000 /dev/zero | tr '\0' a)
run --say "$long" --out "$dir/long.wav" 2>"$dir/err" && fail "--say took 5000 characters"
grep -q "too long" "$dir/err" || fail "--say long text: $(cat "$dir/err")"

# the WAV is made like the other outputs (fifteenth audit: an existing file was
# overwritten and kept its mode, a new one was 0644): 0600, an existing one refused
# without --force and replaced with it; an empty text is refused, not a silent file
[ "$(stat -c %a "$dir/say-en.wav")" = 600 ] || fail "--say: mode $(stat -c %a "$dir/say-en.wav")"
run --say "hello" --out "$dir/say-en.wav" 2>"$dir/err" && fail "--say replaced a file without --force"
grep -q "exists already; give --force" "$dir/err" || fail "--say existing: $(cat "$dir/err")"
chmod 644 "$dir/say-es.wav"
run --say "hola" --out "$dir/say-es.wav" --lang es --force || fail "--say --force exited $?"
[ "$(stat -c %a "$dir/say-es.wav")" = 600 ] || fail "--say --force kept mode $(stat -c %a "$dir/say-es.wav")"
run --say $'\u200b' --out "$dir/zw.wav" 2>"$dir/err" && fail "--say made a silent file of a zero-width space"
[ ! -e "$dir/zw.wav" ] || fail "--say left a silent file"
run --say " " --out "$dir/blank.wav" 2>"$dir/err" && fail "--say took a blank text"
grep -q "no text to speak" "$dir/err" && [ ! -e "$dir/blank.wav" ] ||
  fail "--say blank: $(cat "$dir/err")"

# --recognize: one line per file, in order, with FILE<TAB>ANSWER<TAB>CONFIDENCE; a
# missing or broken file gets "-" and 0, a reason on stderr, and the rest still run.
head -c 3000 /dev/urandom >"$dir/garbage.wav"
sox -n -r 44100 -c 2 "$dir/silence.wav" trim 0 1.5
sox -n -r 8000 -c 1 "$dir/noise.wav" synth 2 whitenoise vol 0.5
files=("$dir/say-en.wav" "$dir/missing.wav" "$dir/garbage.wav" "$dir/silence.wav" "$dir/noise.wav")
run --recognize pain_now "${files[@]}" >"$dir/out" 2>"$dir/err"
rc=$?
[ "$rc" -eq 2 ] || fail "--recognize with a missing file: exit $rc, expected 2"
[ "$(wc -l <"$dir/out")" -eq 5 ] || fail "--recognize: $(wc -l <"$dir/out") lines for 5 files"
awk -F'\t' 'NF != 3 || $3 !~ /^[0-9]+$/ || $3 > 100 { exit 1 }' "$dir/out" ||
  fail "--recognize: a line is not FILE<TAB>ANSWER<TAB>CONFIDENCE"
for i in 1 2 3 4; do
  line=$(sed -n "$((i + 1))p" "$dir/out")
  [ "$line" = "${files[$i]}"$'\t-\t0' ] || fail "--recognize line $((i + 1)): '$line'"
done
grep -q "missing.wav: file is missing" "$dir/err" || fail "no reason for the missing file"
grep -q "garbage.wav: not a WAV file" "$dir/err" || fail "no reason for the garbage file"
[ "$(wc -l <"$dir/err")" -eq 2 ] || fail "--recognize: stderr is not one line per bad file"

# A directory or a FIFO instead of a WAV: its own one-line reason, at once (a FIFO
# without a writer must not hang the run), and the other files still run.
mkdir -p "$dir/a-dir.wav"
rm -f "$dir/fifo.wav" && mkfifo "$dir/fifo.wav"
timeout 20 "$ppkiosk" --content "$content" --recognize pain_now "$dir/a-dir.wav" "$dir/fifo.wav" \
  "$dir/silence.wav" >"$dir/out" 2>"$dir/err"
rc=$?
[ "$rc" -eq 2 ] || fail "--recognize with a directory and a FIFO: exit $rc, expected 2"
[ "$(wc -l <"$dir/out")" -eq 3 ] || fail "--recognize directory/FIFO: $(wc -l <"$dir/out") lines for 3 files"
grep -q "a-dir.wav: is a directory, not a file" "$dir/err" || fail "no reason for the directory"
grep -q "fifo.wav: is a named pipe (FIFO), not a file" "$dir/err" || fail "no reason for the FIFO"
[ "$(wc -l <"$dir/err")" -eq 2 ] || fail "--recognize directory/FIFO: stderr is not one line each"
rm -f "$dir/fifo.wav"

# A WAV with an empty data chunk, or one shorter than a frame (255 channels in 2 bytes):
# nothing to hear, and it says so (it gave "-" and no reason, exit 0: fourteenth audit).
python3 - "$dir" <<'PY'
import struct, sys
def wav(path, data=b'', ch=1, align=None):
    align = align or ch * 2
    fmt = struct.pack('<HHIIHH', 1, ch, 16000, 16000 * align, align, 16)
    body = b'WAVE' + b'fmt ' + struct.pack('<I', 16) + fmt + b'data' + struct.pack('<I', len(data)) + data
    open(path, 'wb').write(b'RIFF' + struct.pack('<I', len(body)) + body)
wav(sys.argv[1] + '/empty.wav')
wav(sys.argv[1] + '/short-frame.wav', data=b'\0\0', ch=255, align=2)
PY
run --recognize rf_chest "$dir/empty.wav" "$dir/short-frame.wav" >"$dir/out" 2>"$dir/err"
rc=$?
[ "$rc" -eq 2 ] || fail "--recognize with empty WAVs: exit $rc, expected 2"
for f in empty short-frame; do
  grep -q "$f.wav: the file holds no sound" "$dir/err" || fail "no reason for $f.wav: $(cat "$dir/err")"
done

# --help says what a session is.
run --help 2>&1 | grep -q "recognize-each" || fail "--help does not explain --recognize sessions"

# An unknown question: exit 2 with one line.
run --recognize no_such_question "$dir/say-en.wav" >"$dir/out" 2>"$dir/err"
rc=$?
[ "$rc" -eq 2 ] || fail "unknown question: exit $rc"
[ "$(wc -l <"$dir/err")" -eq 1 ] && grep -q "no_such_question" "$dir/err" ||
  fail "unknown question: no one-line reason"

# Round trip: a clear synthesised "yes" to a red-flag question.
run --say "yes" --out "$dir/yes.wav"
got=$(run --recognize rf_chest "$dir/yes.wav" | cut -f2)
[ "$got" = "yes" ] || fail "--say yes | --recognize rf_chest gave '$got'"

# "I don't know" to an urgent safety question, which cannot be skipped: "not sure"
# there (the urgent screen), never "no" ("i don't" of it won the answer pass as a no,
# unconfirmed: fourteenth audit). eSpeak, as the audit found it.
for v in en-us en-us+f3 en-us+klatt2; do
  espeak-ng -v "$v" -s 140 -w "$dir/dunno.wav" "i don't know"
  got=$(run --recognize rf_chest "$dir/dunno.wav" | cut -f2)
  case $got in dont_know | not_sure) ;; *) fail "'i don't know' ($v) to rf_chest gave '$got'" ;; esac
done

# Real words that are no answer to the health-history question ("no" heard as "goiter",
# a digit as "none"): the pass without the winner found nothing to compare, which was
# scored as certainty (100) and recorded unasked. Now under the confirm line (50).
real=$(dirname "$0")/../data/voice-real
for f in no__1b4c9b89__0 no__0c40e715__0 yes__0fa1e7a9__0 eight__18f8afd5__3 nine__26b28ea7__0; do
  conf=$(run --recognize history "$real/$f.wav" | cut -f3)
  [ "${conf:-100}" -lt 50 ] || fail "history: $f.wav recorded unasked (confidence $conf)"
done

# A real "yes" 30 dB too loud for the microphone (a third of it at full scale) was a
# sure "no" to chest pain (fourteenth audit): turned away before decoding now.
sox -R "$real/yes__3b4f8f24__2.wav" "$dir/loud-yes.wav" gain 30 2>/dev/null
got=$(run --recognize rf_chest "$dir/loud-yes.wav" | cut -f2)
[ "$got" = - ] || fail "a clipped 'yes' to rf_chest gave '$got', not '-'"

# A spoken answer longer than an utterance may be (max_utterance_ms, 6 s) is not
# understood: its first 6 s were decoded alone, and this 10 s list of places was read as
# its first few (with "lower back" and "left knee", never "upper back and neck").
run --say "my left knee, and my lower back, and my right hip, and my left ankle, and right ankle, upper back and neck, left wrist, right wrist" --out "$dir/long-list.wav"
got=$(run --recognize areas "$dir/long-list.wav" | cut -f2-)
[ "$got" = $'-\t0' ] || fail "--recognize areas on a 10 s answer gave '$got', not '-'"

# With longer utterances allowed (max_utterance_ms = 30000), a list of places with more
# words than the recogniser's text holds is not understood: the words past it were
# dropped and the rest answered ("and my neck" at the end of 27 s never in the answer).
mkdir -p "$dir/data" && rm -rf "$dir/data/models" && cp -r "$(dirname "$0")/../../models" "$dir/data/models"
sed -i 's/^max_utterance_ms = .*/max_utterance_ms = 30000/' "$dir/data/models/voice.conf"
places="left hip, right hip, lower back, left wrist, right wrist, left ankle"
more="right ankle, left knee, right knee, $places, right ankle, left knee, right knee"
run --say "lower back, left knee, right knee, $places, $more, $places, and my neck" --out "$dir/longer-list.wav"
got=$(PPKIOSK_DATA="$dir/data" run --recognize areas "$dir/longer-list.wav" | cut -f2-)
[ "$got" = $'-\t0' ] || fail "--recognize areas on a 27 s list gave '$got', not '-'"

# A model definition cut short (a copy that stopped half way) crashed the run inside
# PocketSphinx, and a text one with a bad line after its header ended it saying nothing
# (eighth audit, #13): one line that names it, and exit 1 as for a missing model.
hmm=$(sed -n 's/^hmm *= *//p' "$(dirname "$0")/../../models/voice.conf")
mdef=$(sed -n 's/^mdef *= *//p' "$(dirname "$0")/../../models/voice.conf")
head -c 2000 "${mdef:-$hmm/mdef}" >"$dir/cut.mdef"
printf '0.3\n1 n_base\n0 n_tri\n4 n_state_map\n1 n_tied_state\n1 n_tied_ci_state\n1 n_tied_tmat\nhello\n' \
  >"$dir/text.mdef"
cp "$(dirname "$0")/../../models/voice.conf" "$dir/voice.conf.orig"
for bad in cut text; do
  sed -e '/^mdef *=/d' -e '/^fallback_hmm *=/d' "$dir/voice.conf.orig" >"$dir/data/models/voice.conf"
  echo "mdef = $dir/$bad.mdef" >>"$dir/data/models/voice.conf"
  PPKIOSK_DATA="$dir/data" run --recognize rf_chest "$dir/say-en.wav" >"$dir/out" 2>"$dir/err"
  rc=$?
  [ "$rc" -eq 1 ] || fail "--recognize with a $bad mdef: exit $rc, expected 1"
  [ "$(wc -l <"$dir/err")" -eq 1 ] && grep -q "$bad.mdef) has a file cut short or damaged" "$dir/err" ||
    fail "--recognize with a $bad mdef: reason '$(cat "$dir/err")'"
done

[ "$fails" -eq 0 ] && echo "voice cli: all checks passed"
exit $((fails > 0))
