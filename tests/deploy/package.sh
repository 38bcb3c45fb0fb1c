#!/usr/bin/env bash
# The Debian package from `cpack -G DEB`: its name, its contents and control data, and
# the extracted program working from a temporary root (it must find the packaged
# content, not the source tree's).
# usage: package.sh BUILD_DIR OUT_DIR SOURCE_DIR
set -euo pipefail
. "$(dirname "$0")/lib.sh"
build=$1 out=$2 src=$3
need cpack dpkg-deb dpkg-shlibdeps
rm -rf "$out" && mkdir -p "$out"
(cd "$build" && cpack -G DEB -B "$out/cpack" >"$out/cpack.log" 2>&1) ||
  fail "cpack failed: $(tail -5 "$out/cpack.log")"
version=$(sed -n 's/^CPACK_PACKAGE_VERSION:STRING=//p;s/^CMAKE_PROJECT_VERSION:STATIC=//p' \
  "$build/CMakeCache.txt" | head -1)
deb="$out/cpack/ppkiosk_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || fail "no $deb: $(ls "$out/cpack")"

dpkg-deb -c "$deb" | awk '{print $NF}' >"$out/contents.txt"
for f in ./usr/bin/ppkiosk ./lib/systemd/system/ppkiosk.service \
  ./lib/systemd/system/cups.service.d/ppkiosk.conf ./lib/systemd/sleep.conf.d/ppkiosk.conf \
  ./lib/sysctl.d/ppkiosk.conf \
  ./usr/share/ppkiosk/assets/content/questions.json ./usr/share/ppkiosk/assets/content/ui.json \
  ./usr/share/ppkiosk/assets/kiosk.conf.sample ./usr/share/ppkiosk/models/voice.conf \
  ./usr/share/ppkiosk/models/extra.dict ./usr/share/doc/ppkiosk/copyright \
  ./usr/share/doc/ppkiosk/changelog.gz ./usr/share/doc/ppkiosk/README.md; do
  grep -qx "$f" "$out/contents.txt" || fail "the package lacks $f"
done
! grep -q '^\./etc/' "$out/contents.txt" || fail "the package ships /etc (postinst makes the configuration)"
! grep -Eq 'assets/(systemd|package)/' "$out/contents.txt" || fail "packaging files among the assets"

depends=$(dpkg-deb -f "$deb" Depends)
for d in cage fonts-dejavu-core pocketsphinx-en-us espeak-ng-data adduser libsdl2-2.0-0 libcups2; do
  grep -Eq "(^|, )$d( |,|$)" <<<"$depends" || fail "Depends lacks $d: $depends"
done
dpkg-deb -e "$deb" "$out/control"
for s in postinst prerm postrm; do
  [ -x "$out/control/$s" ] || fail "no executable $s"
done
! grep -Eq 'systemctl +(enable|start)|deb-systemd-helper +enable|deb-systemd-invoke +start' \
  "$out/control/postinst" || fail "postinst enables or starts the service"
grep -q 'adduser --system' "$out/control/postinst" || fail "postinst does not create the kiosk user"
grep -q 'install -m 0640 -o root -g ppkiosk' "$out/control/postinst" ||
  fail "postinst does not make the configuration readable by root and the kiosk user only"

root="$out/root"
dpkg-deb -x "$deb" "$root"
cmp -s "$root/lib/systemd/system/ppkiosk.service" "$src/assets/systemd/ppkiosk.service" ||
  fail "the packaged unit differs from assets/systemd/ppkiosk.service"
# the drop-in that keeps CUPS's temporary folder in memory: clean for systemd, on cups.service
dropin="$root/lib/systemd/system/cups.service.d/ppkiosk.conf"
# cupsd writes each job's document into its RequestRoot (dNNNNN-001) and its filters
# copy it into TempDir below that: the whole folder must be in memory, not only tmp/
spool=$(sed -n 's/^RequestRoot[[:space:]]\{1,\}//p' /etc/cups/cups-files.conf 2>/dev/null | tail -1)
spool=${spool:-/var/spool/cups}
grep -qx "TemporaryFileSystem=$spool" "$dropin" ||
  fail "the CUPS drop-in does not keep $spool (where the job's document is written) in memory"
if [ -f /lib/systemd/system/cups.service ] && command -v systemd-analyze >/dev/null; then
  units="$out/units"
  mkdir -p "$units"
  cp /lib/systemd/system/cups.service /lib/systemd/system/cups.socket /lib/systemd/system/cups.path "$units/" 2>/dev/null || true
  cp -r "$root/lib/systemd/system/cups.service.d" "$units/"
  verify=$(SYSTEMD_UNIT_PATH="$units:" systemd-analyze verify "$units/cups.service" 2>&1 |
    grep -v -e 'not been booted with systemd' -e 'Failed to connect to bus') || true
  [ -z "$verify" ] || fail "systemd-analyze verify cups.service with the drop-in: $verify"
fi
# no hibernation: it would write the kiosk's memory (the patient's answers) to swap
sleepconf="$root/lib/systemd/sleep.conf.d/ppkiosk.conf"
for key in AllowHibernation AllowSuspendThenHibernate AllowHybridSleep; do
  grep -qx "$key=no" "$sleepconf" || fail "the sleep drop-in does not set $key=no"
done
# no magic SysRq keys: Alt+SysRq+K killed the kiosk (restarted, it takes one staff PIN at
# once on the urgent screen) and Alt+SysRq+B rebooted it; a later file must not turn them
# on again (systemd-sysctl reads the files in name order: Debian's 50-default.conf sets 438)
sysrq="$root/lib/sysctl.d/ppkiosk.conf"
grep -Eqx 'kernel\.sysrq *= *0' "$sysrq" || fail "the sysctl drop-in does not set kernel.sysrq = 0"
[[ "$(basename "$sysrq")" > 50-default.conf ]] || fail "the sysctl drop-in sorts before 50-default.conf"
grep -q 'restart systemd-sysctl' "$out/control/postinst" ||
  fail "postinst does not apply the sysctl drop-in at once"
got=$(cd / && "$root/usr/bin/ppkiosk" --check-content) || fail "--check-content failed: $got"
case "$got" in
  "$root"/usr/bin/../share/ppkiosk/assets/content*"content is valid"*) ;;
  *) fail "the extracted program checked other content: $got" ;;
esac
"$src/tests/e2e/text_interview.sh" "$root/usr/bin/ppkiosk" en "$src/tests/e2e/answers_en.txt" \
  "$src/tests/e2e/expected_en.txt" || fail "the --text session from the extracted package differs"
echo "package: $(basename "$deb"), $(wc -l <"$out/contents.txt") entries; $got"
