#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs a libFuzzer target once on each input: each file named, and each
file in each folder named (a folder that is not there yet holds none).

Given files rather than folders, libFuzzer runs them and writes nothing,
so the source tree stays as it is. Exits with the fuzzer's status.

    run-inputs.py FUZZER FILE-OR-FOLDER...
"""
import os
import sys

fuzzer, *paths = sys.argv[1:]
inputs = []
for path in paths:
    if os.path.isdir(path):
        inputs += sorted(
            os.path.join(path, name)
            for name in os.listdir(path)
            if not name.startswith((".", "README"))
            and os.path.isfile(os.path.join(path, name))
        )
    elif os.path.exists(path):
        inputs.append(path)

if not inputs:
    print("no inputs", file=sys.stderr)
    sys.exit(1)
print(f"{len(inputs)} inputs", flush=True)
os.execv(fuzzer, [fuzzer] + inputs)
