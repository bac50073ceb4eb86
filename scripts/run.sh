#!/usr/bin/env bash
# Start the program: on the desktop when there is one, under Xvfb when there is not, and
# otherwise say in one line how to run it (never a Qt abort for want of a display).
set -uo pipefail
BIN=.venv/bin/tsunagu
if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
  exec "$BIN" "$@"
elif command -v xvfb-run >/dev/null 2>&1; then
  echo "tsunagu: no display; starting on a virtual screen (Xvfb). Stop with Ctrl+C."
  exec xvfb-run -a -s "-screen 0 1366x768x24" "$BIN" "$@"
else
  echo "tsunagu: no display found. Run 'make run' from a desktop session, or install xvfb (apt-get install xvfb)." >&2
  exit 1
fi
