#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sets up Casework and runs every test: the core, the command line, the
# data files and, under a virtual display and a session bus as on a
# desktop, the window. Ends with one line, "N passed, N failed, N skipped".
set -eu

setup_config=test
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
. "$here/setup.sh"

status=0
run_suite --num-processes 2 "$@" || status=$?
exit $status
