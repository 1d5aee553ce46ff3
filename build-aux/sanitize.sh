#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds Casework with clang, AddressSanitizer and UndefinedBehaviorSanitizer
# in _build_asan/ (the libFuzzer targets too) and runs the whole suite there,
# window tests included, as test.sh does. Any sanitizer report fails the
# test it happens in: UBSan errors abort, and a leak fails the program at
# exit unless tests/lsan.supp puts it down to a system library.
# Extra arguments go to `meson test`, e.g. build-aux/sanitize.sh --suite core
set -eu

setup_config=asan
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
. "$here/setup.sh"

# GLib 2.74 still has its slice allocator: plain malloc lets ASan see every block.
export G_SLICE=always-malloc
# Tests that drive GTK's own file chooser skip themselves: it leaves
# allocations at exit that no suppression can name without hiding ours.
export CASEWORK_TEST_LEAK_CHECK=1
# Reports go to files, one per process: a command-line run a test spawns
# cannot hide one in the output the test reads, and each is shown below.
reports="$build/meson-logs/sanitizer"
rm -rf "$reports"
mkdir -p "$reports"
asan_options="halt_on_error=1:print_summary=1:fast_unwind_on_malloc=0:malloc_context_size=40:log_path=$reports/report"
export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$reports/report"
export ASAN_SYMBOLIZER_PATH="${ASAN_SYMBOLIZER_PATH:-$(command -v llvm-symbolizer || true)}"
[ -n "$ASAN_SYMBOLIZER_PATH" ] || unset ASAN_SYMBOLIZER_PATH

# Sanitized programs run 2-3 times slower: give each test more time.
status=0
if [ $# -gt 0 ]; then
  ASAN_OPTIONS="detect_leaks=1:$asan_options" \
    run_suite --num-processes 2 --timeout-multiplier 10 "$@" || status=$?
else
  # Every test for memory errors and undefined behaviour; leaks in the core,
  # the command line and the fuzz seeds. GTK 4.8 leaves allocations of its
  # own behind that, its symbols stripped, no suppression can tell from
  # Casework's: valgrind.sh checks the window tests for leaks with
  # suppressions that can.
  ASAN_OPTIONS="detect_leaks=1:$asan_options" \
    run_suite --num-processes 2 --timeout-multiplier 10 --no-suite ui || status=$?
  ASAN_OPTIONS="detect_leaks=0:$asan_options" \
    run_suite --num-processes 2 --timeout-multiplier 10 --suite ui || status=$?
fi

for report in "$reports"/*; do
  [ -e "$report" ] || continue
  echo "---- $report"
  cat "$report"
  status=1
done
[ $status -eq 0 ] || echo "sanitize.sh: the sanitizers or the tests found a problem (reports: $reports)" >&2
exit $status
