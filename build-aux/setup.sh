#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what Casework needs to build (Debian packages), then configures
# and builds it in _build/. Sourced by run.sh and test.sh; EXTRA_PACKAGES
# adds what the caller needs on top.
set -eu

top=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
build="$top/_build"

build_packages="meson ninja-build pkg-config gcc libglib2.0-dev libglib2.0-dev-bin
  libgtk-4-dev libadwaita-1-dev libsqlite3-dev libxml2-dev libpango1.0-dev libcairo2-dev
  gettext desktop-file-utils appstream python3
  librsvg2-common fonts-dejavu-core"

missing_packages() {
  for p in $build_packages ${EXTRA_PACKAGES:-}; do
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
    meson setup "$build" "$top" -Dwerror=true
  fi
  meson compile -C "$build"
}

install_packages
configure_and_build
