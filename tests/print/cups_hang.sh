#!/bin/sh
# A print service that takes the connection and never answers (a wedged scheduler):
# printing gives up with a reason in bounded time, never waits for ever (the kiosk
# ignores the patient's input while a job is being sent). No CUPS needed: a listener on
# a socket of our own stands in for it. Usage: cups_hang.sh DEMO
set -u
demo=$1
command -v python3 >/dev/null || { echo "SKIP: python3 is not installed"; exit 77; }
tmp=$(mktemp -d)
sock=$tmp/cups.sock
python3 -c '
import socket, sys, time
s = socket.socket(socket.AF_UNIX)
s.bind(sys.argv[1])
s.listen(64)
held = []
while True:
    c, _ = s.accept()
    held.append(c)  # read nothing, answer nothing
' "$sock" &
listener=$!
trap 'kill $listener 2>/dev/null; wait $listener 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 50); do [ -S "$sock" ] && break; sleep 0.1; done
fails=0
for mode in cups testpage; do
  if [ $mode = cups ]; then set -- cups ppk-hung letter en typical; else set -- testpage ppk-hung letter; fi
  t0=$(date +%s)
  r=$(CUPS_SERVER=$sock timeout 90 "$demo" "$@" 2>&1)
  rc=$?
  dt=$(($(date +%s) - t0))
  if [ $rc -eq 124 ] || [ $dt -gt 45 ]; then
    echo "FAIL $mode: still waiting after ${dt}s"
    fails=$((fails + 1))
  elif [ $rc -eq 0 ]; then
    echo "FAIL $mode: printing said it worked: $r"
    fails=$((fails + 1))
  else
    echo "ok $mode: gave up after ${dt}s (exit $rc): $r"
  fi
done
exit $fails
