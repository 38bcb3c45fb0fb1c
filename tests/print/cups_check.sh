#!/bin/sh
# A real print through CUPS: starts the scheduler if it is not running (as root), adds
# a cups-pdf queue, prints a summary and the test page through the kiosk code, checks
# the printed files hold the text, then the failure paths: a printer that does not
# exist, a disabled one, one that rejects jobs, and one whose device never answers
# (the job must be cancelled and purged, not left queued with patient data).
# Exits 77 (skipped) only when CUPS cannot run here at all. Usage: cups_check.sh DEMO
set -u
demo=$1
PATH=$PATH:/usr/sbin:/sbin
export PATH

skip() { echo "SKIP: $*"; exit 77; }
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

command -v cupsd >/dev/null || skip "cupsd is not installed"
for tool in lpadmin lpstat lpinfo cupsdisable cupsreject pdftotext; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool missing (scripts/setup-deps)"; exit 1; }
done

started_pid=
# Queue names unique to this run, so two test runs on one machine do not collide.
q=ppk-test-$$
pdfq=$q-pdf stoppedq=$q-stopped rejectq=$q-reject deadq=$q-dead
printers="$pdfq $stoppedq $rejectq $deadq"
tmp=$(mktemp -d)
cleanup() {
    for p in $printers; do
        cancel -a -x "$p" >/dev/null 2>&1
        lpadmin -x "$p" >/dev/null 2>&1
    done
    [ -n "$outdir" ] && find "$outdir" -maxdepth 1 -name '*.pdf' -newer "$tmp/mark" \
        -exec rm -f {} + 2>/dev/null
    if [ -n "$started_pid" ]; then
        kill "$started_pid" 2>/dev/null
        wait "$started_pid" 2>/dev/null
    fi
    rm -rf "$tmp"
}
outdir=
trap cleanup EXIT
touch "$tmp/mark"

# The scheduler.
if ! lpstat -r 2>/dev/null | grep -q 'is running'; then
    [ "$(id -u)" -eq 0 ] || skip "the CUPS scheduler is not running and we are not root"
    cupsd -f &
    started_pid=$!
    for _ in $(seq 50); do
        lpstat -r 2>/dev/null | grep -q 'is running' && break
        sleep 0.2
    done
    lpstat -r 2>/dev/null | grep -q 'is running' ||
        skip "cupsd could not start on this machine"
fi

model=$(lpinfo -m 2>/dev/null | awk '/CUPS-PDF_opt/ {print $1; exit}')
[ -n "$model" ] || model=$(lpinfo -m 2>/dev/null | awk '/CUPS-PDF/ {print $1; exit}')
[ -n "$model" ] || { echo "FAIL: no CUPS-PDF model (printer-driver-cups-pdf)"; exit 1; }

# The pdftops renderer keeps the text as text (ghostscript's would draw outlines,
# which pdftotext cannot read back).
add() {
    lpadmin -p "$1" -E -v "$2" -m "$model" -o pdftops-renderer-default=pdftops \
        2>"$tmp/lpadmin.err"
}
if ! add "$pdfq" cups-pdf:/; then
    [ "$(id -u)" -eq 0 ] || skip "cannot add printers without root: $(cat "$tmp/lpadmin.err")"
    echo "FAIL: lpadmin: $(cat "$tmp/lpadmin.err")"
    exit 1
fi

# Where cups-pdf writes: its Out setting, ${HOME} being the printing user's home.
home=$(getent passwd "$(id -un)" | cut -d: -f6)
out=$(sed -n 's/^Out[[:space:]]\{1,\}//p' /etc/cups/cups-pdf.conf 2>/dev/null | tail -1)
[ -n "$out" ] || out='${HOME}/PDF'
outdir=$(printf '%s' "$out" | sed "s|\${HOME}|$home|; s|\${USER}|$(id -un)|")

# Prints with print_demo and returns the new PDF cups-pdf wrote (within 30 s: other
# tests may be running beside this one).
printed() {
    for _ in $(seq 150); do
        f=$(find "$outdir" /var/spool/cups-pdf -name '*.pdf' -newer "$1" 2>/dev/null | head -1)
        [ -n "$f" ] && { echo "$f"; return 0; }
        sleep 0.2
    done
    return 1
}

check_print() { # label, expected text, print_demo arguments...
    label=$1 want=$2
    shift 2
    touch "$tmp/before"
    sleep 1 # -newer has one-second resolution on some file systems
    r=$("$demo" "$@")
    rc=$?
    if [ "$rc" -ne 0 ]; then
        fail "$label: print_demo exit $rc: $r"
        return
    fi
    f=$(printed "$tmp/before") || { fail "$label: no printed file in $outdir"; return; }
    text=$(pdftotext -raw -enc UTF-8 "$f" - | tr -s ' \n\f' '   ')
    case $text in
    *"$want"*) echo "ok $label: $f" ;;
    *) fail "$label: \"$want\" not in the printed file" ;;
    esac
    rm -f "$f"
}

title_en=$("$demo" ui en summary.title | tr -s ' \n' '  ' | sed 's/ $//')
title_es=$("$demo" ui es summary.title | tr -s ' \n' '  ' | sed 's/ $//')
check_print "summary letter en" "$title_en" cups "$pdfq" letter en typical
check_print "summary a4 es long" "$title_es" cups "$pdfq" a4 es long
check_print "summary receipt en" "$title_en" cups "$pdfq" receipt en typical
# a timeout too large for the deadline is the default, not a deadline in the past that
# cancelled the job at once (fifteenth audit)
PPKIOSK_PRINT_TIMEOUT=99999999999999999999 check_print "huge timeout" "$title_en" cups "$pdfq" letter en typical
check_print "test page" "Printer test page" testpage "$pdfq" letter
check_print "test page glyphs" "á é í ó ú ñ ü ¿ ¡" testpage "$pdfq" a4

# Failure paths: quick, the right code, no job left behind. "Quick" is well under the
# job timeout (120 s), which a path that waited for the job would wait out; the margin
# is wide because other tests run beside this one (and under the sanitizers a print
# alone takes seconds).
expect() { # label, exit code, max seconds, print_demo arguments...
    label=$1 code=$2 limit=$3
    shift 3
    t0=$(date +%s)
    r=$("$demo" "$@")
    rc=$?
    dt=$(($(date +%s) - t0))
    before=$failures
    [ "$rc" -eq "$code" ] || fail "$label: exit $rc, want $code ($r)"
    [ "$dt" -le "$limit" ] || fail "$label: took ${dt}s"
    case $r in *"why= "* | *"why=") fail "$label: no reason given" ;; esac
    [ "$failures" -eq "$before" ] && echo "ok $label: ${dt}s, $r"
}
expect "missing printer" 3 45 cups ppk-no-such-printer letter en typical

add "$stoppedq" cups-pdf:/ && cupsdisable "$stoppedq" ||
    fail "could not set up a disabled printer"
expect "disabled printer" 4 45 cups "$stoppedq" letter en typical
expect "disabled printer test page" 4 45 testpage "$stoppedq" letter

add "$rejectq" cups-pdf:/ && cupsreject "$rejectq" ||
    fail "could not set up a rejecting printer"
expect "rejecting printer" 4 45 cups "$rejectq" letter en typical

# A device that never answers: the job is followed, then cancelled and purged.
add "$deadq" socket://127.0.0.1:9 || fail "could not set up an unreachable printer"
export PPKIOSK_PRINT_TIMEOUT=4
expect "unreachable device" 4 60 cups "$deadq" letter en typical
unset PPKIOSK_PRINT_TIMEOUT
# No job of ours stays queued, nor in the history with its document in the spool.
for p in $printers; do
    left=$(lpstat -W all -o "$p" 2>/dev/null)
    [ -z "$left" ] || fail "$p: jobs left in the queue or its history: $left"
done

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "all CUPS checks passed"
