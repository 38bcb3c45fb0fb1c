#!/usr/bin/env bash
# The kiosk under cage (the Wayland kiosk compositor the service uses), headless, with
# SDL's native Wayland driver or through XWayland: the grim screenshot must be the
# attract screen laid out for the output, not a black screen.
#
# cage refuses to run as root, so as root the test runs cage as `nobody`. The output is
# turned (cage -r, a portrait screen): cage 0.1.4 puts a full-screen client's buffer
# straight on an unturned output ("direct scan-out"), and the headless back end then
# hands grim a frame it never drew, black whatever the kiosk shows.
# usage: cage.sh PPKIOSK OUT_DIR wayland|x11
set -euo pipefail
. "$(dirname "$0")/lib.sh"
bin=$(realpath "$1") out=$2 driver=$3
need cage grim convert compare setpriv
[ "$driver" = wayland ] || need Xwayland
W=720 H=1280 # the headless output (1280x720) turned by cage -r
rm -rf "$out" && mkdir -p "$out"
# settings of the test's own, never the machine's /etc/ppkiosk/kiosk.conf
printf '# display test: defaults\n' >"$out/kiosk.conf"
chmod 0644 "$out/kiosk.conf"
SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy "$bin" --windowed --no-voice --no-listen \
  --size ${W}x$H --config "$out/kiosk.conf" --script "$(dirname "$0")/attract-tap.script" \
  --shots "$out/expected" >/dev/null

run_as=()
if [ "$(id -u)" -eq 0 ]; then
  run_as=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  "${run_as[@]}" test -x "$bin" || skip "user nobody cannot run $bin (cage refuses root)"
  "${run_as[@]}" test -r "$(dirname "$0")/cage-inner.sh" || skip "user nobody cannot read the tests"
  chmod 0777 "$out"
fi
runtime=$(mktemp -d)
PIDS=()
trap 'rm -rf "$runtime"; cleanup' EXIT
[ ${#run_as[@]} -eq 0 ] || chown nobody:nogroup "$runtime"
chmod 0700 "$runtime"

timeout 25 "${run_as[@]}" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME="$runtime" \
  XDG_RUNTIME_DIR="$runtime" WLR_BACKENDS=headless WLR_RENDERER=pixman \
  WLR_LIBINPUT_NO_DEVICES=1 SDL_VIDEODRIVER="$driver" SDL_AUDIODRIVER=dummy \
  cage -r -- "$(dirname "$(realpath "$0")")/cage-inner.sh" "$out" "$bin" --no-voice --no-listen \
  --config "$out/kiosk.conf" \
  >"$out/cage.log" 2>&1 &
cage=$!
PIDS+=($cage)
KIOSK_LOG=$out/kiosk.log
# the screenshots come every quarter second: stop once one is the attract screen
for _ in $(seq 60); do
  if [ -s "$out/attract.png" ] && cp "$out/attract.png" "$out/seen.png" &&
    same_picture "$out/seen.png" "$out/expected/attract.png" >/dev/null; then
    break
  fi
  sleep 0.25
done
touch "$out/stop"
wait $cage || true
[ ! -s "$out/seen.png" ] || mv "$out/seen.png" "$out/attract.png"
[ -s "$out/attract.png" ] || fail "no screenshot: $(tail -5 "$out/cage.log" "$out/kiosk.log" 2>&1)"
grep -q '^ppkiosk: screen ' "$out/kiosk.log" || fail "the kiosk did not report its screen"
m=$(mean_of "$out/attract.png")
awk -v m="$m" 'BEGIN { exit !(m > 0.5) }' || fail "the screen is dark (mean $m): the kiosk is not shown"
same_picture "$out/attract.png" "$out/expected/attract.png" ||
  fail "the screenshot is not the attract screen laid out for ${W}x$H"
echo "cage/$driver: $(grep '^ppkiosk: screen' "$out/kiosk.log")"
