#!/usr/bin/env bash
# The systemd unit: `systemd-analyze verify` is clean, and the settings the kiosk
# relies on are there (restart within 2 s for ever, the kiosk user on tty1, the
# hardening) while nothing blocks the display, input and sound devices.
# usage: unit.sh UNIT_FILE
set -euo pipefail
. "$(dirname "$0")/lib.sh"
unit=$1
need systemd-analyze
[ -x /usr/bin/cage ] || skip "cage is not installed: systemd-analyze verify checks ExecStart's program"
out=$(systemd-analyze verify "$unit" 2>&1) || fail "systemd-analyze verify: $out"
[ -z "$out" ] || fail "systemd-analyze verify warns: $out"

value() { sed -n "s/^$1=//p" "$unit" | tail -1; }
expect() { [ "$(value "$1")" = "$2" ] || fail "$1 is '$(value "$1")', want '$2'"; }
expect Restart always
expect StartLimitIntervalSec 0
expect User ppkiosk
expect TTYPath /dev/tty1
expect PAMName login
expect NoNewPrivileges yes
expect ProtectSystem strict
expect ProtectHome yes
expect PrivateTmp yes
expect LimitCORE 0
expect MemorySwapMax 0
expect CapabilityBoundingSet ""
sec=$(value RestartSec)
awk -v s="${sec%s}" 'BEGIN { exit !(s + 0 <= 2) }' || fail "RestartSec=$sec: restart within 2 s"
grep -q '^ExecStart=/usr/bin/cage .*-- /usr/bin/ppkiosk' "$unit" || fail "ExecStart does not run ppkiosk under cage"
for key in PrivateDevices DeviceAllow DevicePolicy ProtectClock; do
  ! grep -q "^$key=" "$unit" || fail "$key= would block the display, input or sound devices"
done
echo "unit: verify clean; Restart=always RestartSec=$sec; hardening present; devices open"
