#!/bin/sh
# Runs inside cage (see cage.sh): starts the kiosk, waits until it reports its screen,
# then takes a grim screenshot (OUT_DIR/attract.png) every quarter second until
# OUT_DIR/stop appears or 8 s pass, and stops the kiosk (cage ends with this script).
# usage: cage-inner.sh OUT_DIR PPKIOSK ARGS...
out=$1
shift
"$@" >"$out/kiosk.log" 2>&1 &
kiosk=$!
n=0
while ! grep -q '^ppkiosk: screen ' "$out/kiosk.log" && [ $n -lt 80 ]; do
  sleep 0.1
  n=$((n + 1))
done
n=0
while [ ! -e "$out/stop" ] && [ $n -lt 32 ]; do
  sleep 0.25
  grim "$out/shot.png" && mv "$out/shot.png" "$out/attract.png"
  n=$((n + 1))
done
kill $kiosk
wait $kiosk
