#!/usr/bin/env bash
# Checks the Debian/Ubuntu system libraries Qt needs (see ../shared/brief/platform.md).
# Usage: build/check-system.sh test|run|dist
#   test also brings a real X server, a window manager and xdotool (tests/x11).
#   As root: installs what is missing with apt-get. Otherwise: one line with the exact command, exit 1.
#   Not Linux, or no dpkg: nothing to check (Windows/macOS wheels carry their own libraries).
set -euo pipefail
what="${1:-test}"
[ "$(uname -s)" = "Linux" ] || exit 0
command -v dpkg-query >/dev/null 2>&1 || exit 0

pkgs="libgl1 libegl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3"
# the tests in tests/x11 drive the app on a real X server with a window manager; the AT-SPI ones
# also need a session bus, at-spi2-core and pyatspi for the system python3 (what Orca reads)
xpkgs="xvfb xauth openbox xdotool libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 fonts-dejavu-core \
dbus-x11 at-spi2-core python3-pyatspi gir1.2-atspi-2.0"
case "$what" in
  # age: the standard command-line tool, so the tests prove a sealed export opens with it
  test) pkgs="$pkgs $xpkgs age" ;;
  run|screens)
    pkgs="$pkgs libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 \
libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 fonts-dejavu-core"
    [ "$what" = "screens" ] && pkgs="$pkgs xvfb xauth poppler-utils imagemagick"
    ;;
  dist) pkgs="$pkgs libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 \
libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 fontconfig-config fonts-dejavu-core binutils xz-utils \
icu-devtools gcc" ;;
esac

missing=""
for p in $pkgs; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  case "$status" in *"install ok installed"*) ;; *) missing="$missing $p" ;; esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = "0" ]; then
  echo "Installing system libraries:$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "Missing system libraries; run: sudo apt-get install -y --no-install-recommends$missing" >&2
  exit 1
fi
