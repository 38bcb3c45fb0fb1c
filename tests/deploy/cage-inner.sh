#!/bin/sh
# Runs inside cage (see cage.sh): starts the kiosk, waits until it reports its screen,
# takes a screenshot with grim, and stops it (cage ends with this script).
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
sleep 1.5
grim "$out/attract.png"
kill $kiosk
wait $kiosk
