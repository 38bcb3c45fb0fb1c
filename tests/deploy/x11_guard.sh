#!/usr/bin/env bash
# The guard against a second press on a new screen (a double tap, a bouncing key), in
# the cases the plain test cannot see: presses that reach the kiosk together while it is
# busy, and the "Are you still there?" box going away; and the PIN pad, where typed
# digits are never held back. Bare X, 1366x768.
# usage: x11_guard.sh PPKIOSK OUT_DIR
set -euo pipefail
. "$(dirname "$0")/lib.sh"
bin=$1 out=$2
need Xvfb xdotool import convert compare
W=1366 H=768
rm -rf "$out" && mkdir -p "$out"
# settings of the test's own: the shortest quiet time before "Are you still there?", and
# a staff PIN (not a real kiosk's)
printf 'idle_seconds = 5\nstaff_pin = 1357\n' >"$out/kiosk.conf"
chmod 600 "$out/kiosk.conf"
for script in attract-tap guard-pin; do
  SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy "$bin" --windowed --no-voice --no-listen \
    --size ${W}x$H --config "$out/kiosk.conf" --script "$(dirname "$0")/$script.script" \
    --shots "$out/expected" >/dev/null
done

trap cleanup EXIT
start_xvfb ${W}x$H "$out"
KIOSK_LOG=$out/kiosk.log
SDL_VIDEODRIVER=x11 SDL_AUDIODRIVER=dummy "$bin" --no-voice --no-listen --config "$out/kiosk.conf" >"$out/kiosk.log" 2>&1 &
kiosk=$!
PIDS+=($kiosk)
wait_for 8 grep -q '^ppkiosk: screen ' "$out/kiosk.log" || fail "the kiosk did not report its screen"
shot_until 5 "$out/attract.png" "$out/expected/attract.png" || fail "no attract screen"
# a new screen takes no press for a moment (a double tap meant for the screen before):
# wait past it, as a person would, before the tap (a tap at once was lost on a loaded machine)
sleep 0.5
# a tap on Start (the bounding box of the primary blue)
box=$(convert "$out/attract.png" -fill black +opaque '#0B3D91' -fill white -opaque '#0B3D91' \
  -trim -format '%w %h %X %Y' info:)
read -r bw bh bx by <<<"$box"
xdotool mousemove $((bx + bw / 2)) $((by + bh / 2)) click 1
shot_until 5 "$out/language.png" "$out/expected/language.png" || fail "a tap on Start did nothing"
sleep 0.5
xdotool key Return
shot_until 5 "$out/privacy.png" "$out/expected/privacy.png" || fail "no privacy screen"
sleep 0.5
xdotool key Return
shot_until 5 "$out/question.png" "$out/expected/question.png" || fail "no first question"
sleep 0.5
# the kiosk is busy for a moment (a heavy screen, a loaded machine) while a key bounces:
# both presses are waiting when it looks again, and only the first may answer (the
# second once answered the next safety question with the old screen's "No")
kill -STOP "$kiosk"
xdotool key --delay 30 2 2
kill -CONT "$kiosk"
shot_until 5 "$out/busy.png" "$out/expected/question2.png" ||
  fail "two presses that came together answered two questions"
# "Are you still there?": a double tap on its Continue closes it and answers nothing
# (the second tap once answered "Not sure" to the question under the box)
sleep 6
import -window root "$out/still.png"
# its Continue: the filled primary blue (the box's thin blue frame eroded away)
box=$(convert "$out/still.png" -fill black +opaque '#0B3D91' -fill white -opaque '#0B3D91' \
  -morphology Erode Square:4 -trim -format '%w %h %X %Y' info:)
read -r bw bh bx by <<<"$box"
[ "${bw:-0}" -gt 40 ] && [ "${bh:-0}" -gt 40 ] || fail "no \"Are you still there?\" box ($box)"
xdotool mousemove $((bx + bw / 2)) $((by + bh / 2)) click --repeat 2 --delay 120 1
sleep 0.5
xdotool key a # a key that does nothing but show the focus, as on the reference picture
shot_until 3 "$out/after.png" "$out/expected/question2.png" ||
  fail "a double tap on \"Are you still there?\" answered the question under it"
# staff type their PIN quickly after Return opened the pad on the urgent screen: every
# digit counts (the first ones, typed in the guard's time, were lost, and a wrong PIN
# just after a start locks the pad for five minutes)
xdotool key 3
sleep 1
xdotool key --delay 60 Return 1 3 5 7
sleep 0.5
import -window root "$out/pin.png"
box=$(convert "$out/pin.png" -fill black +opaque '#0B3D91' -fill white -opaque '#0B3D91' \
  -morphology Erode Square:4 -trim -format '%w %h %X %Y' info:)
read -r bw bh bx by <<<"$box"
[ "${bw:-0}" -gt 20 ] && [ "${bh:-0}" -gt 20 ] || fail "no OK button on the PIN pad ($box)"
xdotool mousemove $((bx + bw / 2)) $((by + bh / 2)) click 1
shot_until 5 "$out/after_pin.png" "$out/expected/question3.png" ||
  fail "the PIN typed quickly after the pad opened did not let her go on"
echo "x11 guard: presses that came together answered once; a double tap closed \"Are you still there?\" and answered nothing; a PIN typed at once counted"
