#!/usr/bin/env bash
# `cmake --install` puts the binary, assets and models where the installed binary
# finds them: it must load the installed content, not the source tree's.
# usage: install.sh BUILD_DIR PREFIX
set -euo pipefail
build=$1 prefix=$2
rm -rf "$prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null
out=$("$prefix/bin/ppkiosk" --check-content)
case "$out" in
  "$prefix"/bin/../share/ppkiosk/assets/content*"content is valid"*) ;;
  *) echo "installed binary used the wrong content: $out" >&2; exit 1 ;;
esac
[ -d "$prefix/share/ppkiosk/models" ] || { echo "models not installed" >&2; exit 1; }
"$prefix/bin/ppkiosk" --text </dev/null >/dev/null
echo "install: ok ($out)"
