#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what Casework needs to build (Debian packages), then configures
# and builds it. Sourced by run.sh and test.sh, which build in _build/, and
# by the sanitizer, fuzz and valgrind scripts, which set setup_config before
# sourcing it to build elsewhere:
#
#   (unset)   _build/       the compiler meson finds, -Dwerror=true
#   test      _build/       the same, and what the suite needs to run
#   asan      _build_asan/  clang, AddressSanitizer + UBSan (every UBSan error
#                           fatal), -Dwerror=true, and the libFuzzer targets
#   valgrind  _build_vg/    the compiler meson finds, -Dwerror=true, for valgrind
#
# EXTRA_PACKAGES adds what the caller needs on top; setup_targets, if set,
# names the only targets to build.
set -eu

top=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)

build_packages="meson ninja-build pkg-config gcc libglib2.0-dev libglib2.0-dev-bin
  libgtk-4-dev libadwaita-1-dev libsqlite3-dev libxml2-dev zlib1g-dev libpango1.0-dev libcairo2-dev
  gettext desktop-file-utils appstream python3
  librsvg2-common fonts-dejavu-core"

# Everything the suite needs to run, window tests included.
test_packages="xvfb xauth dbus libxml2-utils poppler-utils"

config_packages=""
config_cc=""
config_options=""
case "${setup_config:-}" in
  "")
    build="$top/_build"
    ;;
  test)
    build="$top/_build"
    config_packages="$test_packages"
    ;;
  asan)
    build="$top/_build_asan"
    # llvm brings llvm-symbolizer, for readable stack traces.
    config_packages="clang llvm libclang-rt-dev $test_packages"
    config_cc=clang
    config_options="-Db_sanitize=address,undefined -Db_lundef=false -Dfuzzing=true
      -Dc_args=-fno-sanitize-recover=all -Dc_link_args=-fno-sanitize-recover=all"
    ;;
  valgrind)
    build="$top/_build_vg"
    config_packages="valgrind $test_packages"
    ;;
  *)
    echo "setup.sh: unknown setup_config '$setup_config'" >&2
    exit 64
    ;;
esac

missing_packages() {
  for p in $build_packages $config_packages ${EXTRA_PACKAGES:-}; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || echo "$p"
  done
}

install_packages() {
  if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "This is not a Debian-like system: install the packages the README lists for yours." >&2
    return 0
  fi
  missing=$(missing_packages | tr '\n' ' ')
  [ -z "$missing" ] && return 0

  echo "Installing: $missing"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -q
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
}

configure_and_build() {
  if [ ! -f "$build/build.ninja" ]; then
    # shellcheck disable=SC2086
    if [ -n "$config_cc" ]; then
      CC=$config_cc meson setup "$build" "$top" -Dwerror=true $config_options
    else
      meson setup "$build" "$top" -Dwerror=true $config_options
    fi
  elif [ -n "$config_options" ]; then
    # An older set-up of this build keeps up with the options above.
    # shellcheck disable=SC2086
    meson configure "$build" -Dwerror=true $config_options
  fi
  # shellcheck disable=SC2086
  meson compile -C "$build" ${setup_targets:-}
}

# Runs the suite in $build as test.sh does, under a virtual display and a
# session bus, with meson test's arguments; then prints one closing line,
# "N passed, N failed, N skipped". Returns meson test's status.
run_suite() {
  suite_status=0
  xvfb-run -a -s "-screen 0 1280x800x24" \
    dbus-run-session -- \
    meson test -C "$build" --print-errorlogs "$@" || suite_status=$?

  # meson names the log after a --wrap program (testlog-valgrind.json).
  suite_log=$(ls -t "$build"/meson-logs/testlog*.json 2>/dev/null | head -n 1)
  python3 - "$suite_log" <<'PY' || true
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
  return $suite_status
}

install_packages
configure_and_build
