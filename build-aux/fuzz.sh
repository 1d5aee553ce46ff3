#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs each libFuzzer target for a bounded time (FUZZ_SECONDS, 60 by
# default; both at once, one per core) on a copy of its seed corpus, in the
# clang build sanitize.sh uses (_build_asan/, set up here if it is not).
# Nothing is written into the source tree: the corpus grows in a temporary
# folder, and what a fuzzer finds goes to _build_asan/fuzz-artifacts/.
# Fails if a target crashes, leaks or hangs, and says where the input is.
#
#   build-aux/fuzz.sh                     every target, 60 s each
#   FUZZ_SECONDS=600 build-aux/fuzz.sh fuzz-template-expander
set -eu

seconds=${FUZZ_SECONDS:-60}
targets=${*:-fuzz-casefile-reader fuzz-template-expander}

setup_config=asan
setup_targets=$targets
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
. "$here/setup.sh"

export G_SLICE=always-malloc
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export ASAN_SYMBOLIZER_PATH="${ASAN_SYMBOLIZER_PATH:-$(command -v llvm-symbolizer || true)}"
[ -n "$ASAN_SYMBOLIZER_PATH" ] || unset ASAN_SYMBOLIZER_PATH

work=$(mktemp -d "${TMPDIR:-/tmp}/casework-fuzz-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

# Each target: its seeds, its dictionary, the longest input worth trying.
fuzz_one() {
  target=$1
  case $target in
    fuzz-casefile-reader)
      seeds="$top/data/samples/*.xml $top/tests/casefiles/*.xml"
      dict=casefile.dict
      max_len=65536
      ;;
    fuzz-template-expander)
      seeds="$top/tests/fuzz/template-seeds/*"
      dict=template.dict
      max_len=8192
      ;;
    *)
      echo "fuzz.sh: no target $target" >&2
      return 64
      ;;
  esac

  corpus="$work/$target"
  artifacts="$build/fuzz-artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  # The inputs it once crashed on are seeds too.
  # shellcheck disable=SC2086
  cp $seeds "$corpus/"
  for old in "$top/tests/fuzz/regressions/$target"/*; do
    [ -f "$old" ] && cp "$old" "$corpus/"
  done

  status=0
  "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=30 -max_len="$max_len" \
    -dict="$top/tests/fuzz/$dict" -artifact_prefix="$artifacts/" -print_final_stats=1 \
    "$corpus" > "$work/$target.log" 2>&1 || status=$?
  if [ $status -eq 0 ]; then
    echo "$target: no crash in ${seconds} s ($(grep -m1 '^stat::number_of_executed_units' "$work/$target.log" | sed 's/.*: *//') runs, corpus of $(ls "$corpus" | wc -l))"
  else
    tail -n 60 "$work/$target.log"
    echo
    echo "$target FAILED (exit $status)."
    found=$(grep -h -o "Test unit written to .*" "$work/$target.log" | sed 's/^Test unit written to //' || true)
    if [ -n "$found" ]; then
      echo "The input that did it: $found"
      echo "Run it again with: $build/tests/fuzz/$target $found"
      echo "Keep it as a regression test: copy it into tests/fuzz/regressions/$target/"
    fi
  fi
  return $status
}

pids=""
for target in $targets; do
  fuzz_one "$target" &
  pids="$pids $!"
done

failed=0
for pid in $pids; do
  wait "$pid" || failed=1
done
exit $failed
