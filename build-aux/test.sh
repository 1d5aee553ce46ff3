#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sets up Casework and runs every test: the core, the command line, the
# data files and, under a virtual display, the window.
set -eu

EXTRA_PACKAGES="xvfb xauth dbus libxml2-utils poppler-utils"
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
. "$here/setup.sh"

status=0
# The window tests need a display and a session bus, as on a desktop.
xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- \
  meson test -C "$build" --print-errorlogs --num-processes 2 "$@" || status=$?

# One plain closing line, whatever the runner printed above.
python3 - "$build/meson-logs/testlog.json" <<'PY' || true
import json, sys
passed = failed = skipped = 0
with open(sys.argv[1]) as log:
    for line in log:
        result = json.loads(line)["result"]
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY

exit $status
