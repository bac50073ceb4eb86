#!/usr/bin/env bash
# Install the Debian packages Tsunagu needs when they are missing (called by make).
# Fonts: one per script the program shows and prints (design notes, "Fonts").
# Window under Xvfb: xvfb, xauth and the xcb libraries Qt's xcb platform loads.
# PDF checks: poppler-utils (pdftoppm) to look at rendered pages.
# Lock tests: dbus-daemon and dbus-send, for a private bus that delivers a real "screen locked" signal.
set -euo pipefail

PACKAGES=(
  fonts-noto-core fonts-ipaexfont-gothic fonts-wqy-microhei fonts-nanum
  xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libxkbcommon0
  libegl1 libgl1 libfontconfig1 libdbus-1-3 poppler-utils dbus-daemon dbus-bin
)

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "tsunagu: not a Debian system; install fonts and an X server yourself (see README)." >&2
  exit 0
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "tsunagu: installing Debian packages: ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "tsunagu: cannot install packages (not root, no sudo). Run as root: apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "tsunagu: Debian packages installed."
