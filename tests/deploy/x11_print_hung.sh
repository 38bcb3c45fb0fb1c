#!/usr/bin/env bash
# The staff menu closed while a print job is stuck (a print service that takes the
# connection and never answers): the screen goes back to the patient's at once, never
# frozen on the menu until the job gives up (it once waited there for the job). Bare X,
# the small test content. No CUPS needed: a listener of our own stands in for it.
# usage: x11_print_hung.sh PPKIOSK OUT_DIR CONTENT_DIR
set -euo pipefail
. "$(dirname "$0")/lib.sh"
bin=$1 out=$2 content=$3
need Xvfb xdotool import compare python3
W=1366 H=768
rm -rf "$out" && mkdir -p "$out"
printf 'staff_pin = 1357\n' >"$out/kiosk.conf" # not a real kiosk's
chmod 600 "$out/kiosk.conf"
SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy "$bin" --windowed --no-voice --no-listen \
  --size ${W}x$H --config "$out/kiosk.conf" --content "$content" \
  --script "$(dirname "$0")/print-hung.script" --shots "$out/expected" >/dev/null
# the middle of a button of a laid-out screen, from its structure dump
center() {
  python3 -c 'import json, sys
b = [b for b in json.load(open(sys.argv[1]))["boxes"] if b["id"] == sys.argv[2]][0]
print(b["x"] + b["w"] // 2, b["y"] + b["h"] // 2)' "$1" "$2"
}
read -r skip_x skip_y <<<"$(center "$out/expected/where.json" skip)"

trap cleanup EXIT
python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.bind(sys.argv[1])
s.listen(64)
held = []
while True:
    c, _ = s.accept()
    held.append(c)  # read nothing, answer nothing
' "$out/cups.sock" &
PIDS+=($!)
wait_for 5 test -S "$out/cups.sock" || fail "the stand-in print service did not start"
start_xvfb ${W}x$H "$out"
KIOSK_LOG=$out/kiosk.log
CUPS_SERVER=$out/cups.sock SDL_VIDEODRIVER=x11 SDL_AUDIODRIVER=dummy "$bin" --no-voice --no-listen \
  --config "$out/kiosk.conf" --content "$content" --printer ppkiosk-test-hung >"$out/kiosk.log" 2>&1 &
PIDS+=($!)
wait_for 8 grep -q '^ppkiosk: screen ' "$out/kiosk.log" || fail "the kiosk did not report its screen"
sleep 1
# Start, English, Continue, "No", the first birth answer; Skip; 5; Print (the focus)
for key in Return Return Return 2 1; do
  xdotool key $key
  sleep 0.7
done
xdotool mousemove "$skip_x" "$skip_y" click 1
sleep 0.7
xdotool key 5
sleep 0.7
xdotool key Return
sleep 1
xdotool key ctrl+alt+s
sleep 1
import -window root "$out/menu.png"
xdotool key Escape
sleep 2
import -window root "$out/closed.png"
if same_picture "$out/closed.png" "$out/menu.png"; then
  fail "the staff menu stayed on the screen while the print job was stuck"
fi
echo "x11 print hung: the staff menu closed at once while the job was stuck"
