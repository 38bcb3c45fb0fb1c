#!/usr/bin/env bash
# The kiosk on a bare X server (no window manager, what `xinit ppkiosk` gives): the
# window must cover the whole screen (no black border) and a tap on Start must reach
# the language screen. Both screens must look as the headless renderer draws them at
# the screen's size, so the layout was made for the real drawable.
# usage: x11_bare.sh PPKIOSK OUT_DIR [wm]   (wm: run matchbox-window-manager first)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
bin=$1 out=$2 wm=${3:-}
need Xvfb xdotool import convert compare
[ -z "$wm" ] || need matchbox-window-manager
W=1366 H=768 # not the window's first size (1280x800): full screen must be made
rm -rf "$out" && mkdir -p "$out"
# settings of the test's own, never the machine's /etc/ppkiosk/kiosk.conf
printf '# display test: defaults\n' >"$out/kiosk.conf"

# what the screens should look like at this size
SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy "$bin" --windowed --no-voice --no-listen \
  --size ${W}x$H --config "$out/kiosk.conf" --script "$(dirname "$0")/attract-tap.script" \
  --shots "$out/expected" >/dev/null

start_xvfb ${W}x$H "$out"
if [ -n "$wm" ]; then
  matchbox-window-manager -use_titlebar no >"$out/wm.log" 2>&1 &
  PIDS+=($!)
  sleep 0.3
fi
KIOSK_LOG=$out/kiosk.log
SDL_VIDEODRIVER=x11 SDL_AUDIODRIVER=dummy "$bin" --no-voice --no-listen --config "$out/kiosk.conf" >"$out/kiosk.log" 2>&1 &
PIDS+=($!)
wait_for 8 xdotool search --name '^ppkiosk$' || fail "no kiosk window"
# the window covers the screen once the kiosk says so
wait_for 8 grep -q '^ppkiosk: screen ' "$out/kiosk.log" || fail "the kiosk did not report its screen"
win=$(xdotool search --name '^ppkiosk$' | head -1)
covers() { xdotool getwindowgeometry "$win" | grep -q "Geometry: ${W}x$H"; }
# another client unmaps the kiosk, and it shows itself again, covering the screen (it
# once stayed off the screen, running, with the empty desktop in its place; under a
# window manager SDL did not always report the unmap, and one in three to ten left it
# off, most often the first one after the start)
need xwininfo
mapped() { xwininfo -id "$win" | grep -q 'IsViewable'; }
for try in 1 2 3 4 5; do
  xdotool windowunmap "$win"
  sleep 0.5
  wait_for 10 mapped || fail "the kiosk stayed unmapped (unmap $try)"
  wait_for 10 covers || fail "the kiosk came back $(xdotool getwindowgeometry "$win" | sed -n 's/.*Geometry: //p') after unmap $try"
done
shot_until 5 "$out/attract.png" "$out/expected/attract.png" ||
  fail "the attract screen is not the one laid out for ${W}x$H"
for strip in ${W}x8+0+0 ${W}x8+0+$((H - 8)) 8x$H+0+0 8x$H+$((W - 8))+0; do
  m=$(mean_of "$out/attract.png" $strip)
  awk -v m="$m" 'BEGIN { exit !(m > 0.9) }' || fail "dark border at $strip (mean $m): the window does not cover the screen"
done

# the Start button: the bounding box of the primary blue
box=$(convert "$out/attract.png" -fill black +opaque '#0B3D91' -fill white -opaque '#0B3D91' \
  -trim -format '%w %h %X %Y' info:)
read -r bw bh bx by <<<"$box"
[ "${bw:-0}" -gt 40 ] && [ "${bh:-0}" -gt 40 ] || fail "no Start button found on the screen ($box)"
xdotool mousemove $((bx + bw / 2)) $((by + bh / 2)) click 1
shot_until 5 "$out/language.png" "$out/expected/language.png" ||
  fail "a tap on Start at $((bx + bw / 2)),$((by + bh / 2)) did not reach the language screen"
# a key held down (a tactile keypad, a patient leaning on it) answers once: its
# repeats never run on through the screens (a held Return once answered "yes" to every
# urgent safety question in a second and a half). First the time anyone takes to see
# the new screen: a press sooner than that is held back on purpose (the input guard),
# and a loaded machine once took the whole wait to draw it.
sleep 0.5
xdotool keydown Return
sleep 1.5
xdotool keyup Return
shot_until 5 "$out/held.png" "$out/expected/privacy.png" ||
  fail "a held Return went on past the privacy screen"
# two presses in quick succession (a double tap, a bouncing key): the second comes
# before anyone could read the new screen and answers nothing (it once answered the
# first safety question, unread)
xdotool key --delay 100 Return Return
shot_until 5 "$out/double.png" "$out/expected/question.png" ||
  fail "a second press 0.1 s after Continue answered the first question"
# another client shrinks the kiosk (no window manager to undo it): it covers the
# screen again (it once stayed 300x200 over the bare desktop)
xdotool windowsize "$win" 300 200
sleep 0.5
wait_for 10 covers || fail "the kiosk stayed $(xdotool getwindowgeometry "$win" | sed -n 's/.*Geometry: //p') after a resize"
echo "x11${wm:+ + $wm}: $(grep '^ppkiosk: screen' "$out/kiosk.log" | tail -1); tap on Start reached the language screen; a held Return and a double press answered once; five unmaps and a resize were undone"
