#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sets up and runs Casework from the build tree. Arguments go to the app,
# e.g. build-aux/run.sh --db /tmp/try.db
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
. "$here/setup.sh"

export GSETTINGS_SCHEMA_DIR="$build/data"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  demo=$(mktemp -d)
  cli="$build/src/cli/casework-cli"
  echo "There is no display here, so the window cannot open."
  echo "Instead, this is Casework's command line on a new database in $demo."
  echo
  echo "\$ casework-cli --db $demo/casework.db import data/samples/*.xml"
  "$cli" --db "$demo/casework.db" import "$top"/data/samples/*.xml
  echo
  echo "\$ casework-cli --db $demo/casework.db list"
  "$cli" --db "$demo/casework.db" list
  echo
  echo "\$ casework-cli --db $demo/casework.db export --scope public -o $demo/public.xml"
  "$cli" --db "$demo/casework.db" export --scope public -o "$demo/public.xml"
  echo "(safety notes, private entries and contact details left out; $(wc -l < "$demo/public.xml") lines)"
  echo
  echo "Run this script from a desktop session to see the window."
  exit 0
fi

exec "$build/src/casework" "$@"
