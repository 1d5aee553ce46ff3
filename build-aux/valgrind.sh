#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the tests under valgrind (memcheck) in their own build, _build_vg/:
# by default the core, command-line and window suites, with every
# casework-cli a test starts followed as well. A test fails on any memory
# error and on any definite leak that the suppressions (GLib's, GTK's and
# tests/valgrind.supp, for what system libraries allocate once) do not
# account for. Extra arguments go to `meson test`, e.g.
#   build-aux/valgrind.sh --suite core --suite cli
set -eu

setup_config=valgrind
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
. "$here/setup.sh"

# GLib 2.74 still has its slice allocator: plain malloc lets valgrind see every block.
export G_SLICE=always-malloc
# Tests that drive GTK's own file chooser skip themselves: it leaves
# allocations at exit that no suppression can name without hiding ours.
export CASEWORK_TEST_LEAK_CHECK=1

# One log per process, the test's own and each command it starts; read below.
logs="$build/meson-logs/valgrind"
rm -rf "$logs"
mkdir -p "$logs"

supp=""
for file in /usr/share/glib-2.0/valgrind/glib.supp /usr/share/gtk-4.0/valgrind/gtk.supp \
            "$top/tests/valgrind.supp"; do
  [ -f "$file" ] && supp="$supp --suppressions=$file"
done

# Children are followed, except the system's own programs (pdftotext,
# xmllint, the shell): what Casework runs is Casework.
wrap="valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite
  --show-leak-kinds=definite --num-callers=40 --gen-suppressions=all
  --trace-children=yes --trace-children-skip=/usr/*,/bin/*,/sbin/*
  --log-file=$logs/%p.log $supp"
wrap=$(echo $wrap)

if [ $# -eq 0 ]; then
  set -- --suite core --suite cli --suite ui
fi

status=0
# Valgrind runs programs 20-50 times slower: give each test that much more time.
run_suite --num-processes 2 --timeout-multiplier 20 --wrap="$wrap" "$@" || status=$?

for log in "$logs"/*.log; do
  [ -e "$log" ] || continue
  if grep -q "ERROR SUMMARY: [1-9]" "$log"; then
    echo "---- $log"
    cat "$log"
    status=1
  fi
done
[ $status -eq 0 ] || echo "valgrind.sh: valgrind or the tests found a problem (logs: $logs)" >&2
exit $status
