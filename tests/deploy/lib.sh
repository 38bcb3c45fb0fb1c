# Shared helpers for the display and package tests (sourced).
# skip MESSAGE: CTest counts exit 77 as skipped (SKIP_RETURN_CODE); the reason is printed.
skip() { echo "SKIP: $*"; exit 77; }
# fail MESSAGE: with the kiosk's log (KIOSK_LOG) when there is one.
fail() {
  echo "FAIL: $*" >&2
  [ -z "${KIOSK_LOG:-}" ] || [ ! -s "$KIOSK_LOG" ] || sed 's/^/  kiosk: /' "$KIOSK_LOG" >&2
  exit 1
}
need() { for t in "$@"; do command -v "$t" >/dev/null 2>&1 || skip "$t is not installed (scripts/setup-deps)"; done; }

# start_xvfb WxH OUT_DIR: starts Xvfb on a display it picks itself (-displayfd) and
# exports DISPLAY. Xvfb names its display before it takes the display's lock file, and
# gives up when a stale lock names a live process (a reused pid): the server is kept
# only when it still runs a moment after it answered; otherwise it is started again.
start_xvfb() {
  local try pid d
  for try in 1 2 3; do
    rm -f "$2/display"
    Xvfb -displayfd 3 -screen 0 "$1x24" -nolisten tcp 3>"$2/display" >"$2/xvfb.log" 2>&1 &
    pid=$!
    PIDS+=($pid)
    wait_for 5 grep -q '^[0-9]' "$2/display" || fail "Xvfb did not start: $(cat "$2/xvfb.log")"
    d=$(head -1 "$2/display" | tr -dc 0-9)
    export DISPLAY=:$d
    wait_for 5 xdpyinfo || fail "Xvfb does not answer on $DISPLAY"
    sleep 0.2
    kill -0 "$pid" 2>/dev/null && return 0
    echo "Xvfb on $DISPLAY gave up (try $try): $(tail -1 "$2/xvfb.log")" >&2
    kill "$pid" 2>/dev/null || true
    sleep 0.5
  done
  fail "Xvfb does not keep running: $(cat "$2/xvfb.log")"
}

# wait_for SECONDS COMMAND...: retries COMMAND every 0.1 s; false when time runs out.
wait_for() {
  local left=$(($1 * 10))
  shift
  while ! "$@" >/dev/null 2>&1; do
    left=$((left - 1))
    [ $left -gt 0 ] || return 1
    sleep 0.1
  done
}

# mean_of IMAGE [GEOMETRY]: the mean brightness (0..1) of the image or a crop of it.
mean_of() {
  if [ -n "${2:-}" ]; then convert "$1" -crop "$2" +repage -format '%[fx:mean]' info:
  else convert "$1" -format '%[fx:mean]' info:; fi
}

# same_picture A B: the two pictures differ by at most a little (RMSE below 2%).
same_picture() {
  local d
  d=$(compare -metric RMSE "$1" "$2" null: 2>&1 | sed -n 's/.*(\([0-9.e-]*\)).*/\1/p')
  echo "difference (RMSE) between $(basename "$1") and $(basename "$2"): ${d:-?}"
  awk -v d="${d:-1}" 'BEGIN { exit !(d < 0.02) }'
}

# shot_until SECONDS OUT.png EXPECTED.png: screenshots the root window (import) until
# it looks like EXPECTED; false when time runs out (OUT.png is the last screenshot).
shot_until() {
  local left=$(($1 * 4))
  while :; do
    import -window root "$2"
    same_picture "$2" "$3" >/dev/null && { same_picture "$2" "$3"; return 0; }
    left=$((left - 1))
    [ $left -gt 0 ] || { same_picture "$2" "$3" || true; return 1; }
    sleep 0.25
  done
}

# Kills the processes this test started, by pid, newest first.
PIDS=()
cleanup() {
  local i
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do kill "${PIDS[i]}" 2>/dev/null || true; done
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do wait "${PIDS[i]}" 2>/dev/null || true; done
}
trap cleanup EXIT
