#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest against what Casework promises its users.

Casework keeps human-rights case records on the user's machine only, so the
sandbox must never grant network or filesystem access, any device but the
GPU, or any socket but the display's: files come and go through the portals.
This script fails when the manifest drifts from that.

Usage: check-flatpak-manifest.py MANIFEST.json
Prints "ok" and exits 0 when the manifest passes; otherwise prints one line
per problem to stderr and exits 1 (2 when the file cannot be read).
"""

import json
import sys

APP_ID = "org.example.Casework"
RUNTIME = "org.gnome.Platform"
MIN_RUNTIME_VERSION = 50
REQUIRED_ARGS = ("--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri")
# All the sandbox may open: the display, and the GPU to draw on it.
ALLOWED_SOCKETS = ("wayland", "fallback-x11")
ALLOWED_DEVICES = ("dri",)


def check_identity(manifest):
    app_id = manifest.get("app-id", manifest.get("id"))
    if app_id != APP_ID:
        yield f"app-id is {app_id!r}, expected {APP_ID!r}"


def check_runtime(manifest):
    runtime = manifest.get("runtime")
    if runtime != RUNTIME:
        yield f"runtime is {runtime!r}, expected {RUNTIME!r}"
    version = manifest.get("runtime-version")
    try:
        number = int(str(version).split(".")[0])
    except ValueError:
        yield f"runtime-version is {version!r}, expected a number of at least {MIN_RUNTIME_VERSION}"
        return
    if number < MIN_RUNTIME_VERSION:
        yield f"runtime-version is {version!r}, expected at least {MIN_RUNTIME_VERSION}"


def check_finish_args(manifest):
    args = manifest.get("finish-args", [])
    if not isinstance(args, list) or not all(isinstance(arg, str) for arg in args):
        yield "finish-args must be a list of strings"
        return
    for arg in args:
        if arg == "--share=network":
            yield "finish-args grant network access (--share=network): Casework works offline"
        elif arg == "--filesystem" or arg.startswith("--filesystem="):
            yield f"finish-args grant filesystem access ({arg}): files go through the portals"
        elif arg.startswith("--device=") and arg[len("--device="):] not in ALLOWED_DEVICES:
            yield f"finish-args grant a device ({arg}): only the GPU (--device=dri) is needed"
        elif arg.startswith("--socket=") and arg[len("--socket="):] not in ALLOWED_SOCKETS:
            yield (f"finish-args open a socket ({arg}): only wayland and fallback-x11 are "
                   "needed (no sound, no bus, no SSH or GPG agent)")
    for arg in REQUIRED_ARGS:
        if arg not in args:
            yield f"finish-args lack {arg}"


def check_last_module(manifest):
    modules = manifest.get("modules")
    if not isinstance(modules, list) or not modules:
        yield "the manifest has no modules"
        return
    module = modules[-1]
    if not isinstance(module, dict):
        yield f"the last module is {module!r}, expected the casework module written inline"
        return
    name = module.get("name", "?")
    if module.get("buildsystem") != "meson":
        yield f"the last module ({name}) has buildsystem {module.get('buildsystem')!r}, expected 'meson'"
    sources = module.get("sources", [])
    local = [s for s in sources if isinstance(s, dict) and s.get("type") == "dir" and s.get("path")]
    if not local:
        yield f"the last module ({name}) is not built from a local source directory ({{\"type\": \"dir\"}})"


CHECKS = (check_identity, check_runtime, check_finish_args, check_last_module)


def main(argv):
    if len(argv) != 2:
        print(f"usage: {argv[0]} MANIFEST.json", file=sys.stderr)
        return 2
    path = argv[1]
    try:
        with open(path, encoding="utf-8") as stream:
            manifest = json.load(stream)
    except OSError as error:
        print(f"{path}: cannot read: {error.strerror}", file=sys.stderr)
        return 2
    except json.JSONDecodeError as error:
        print(f"{path}:{error.lineno}:{error.colno}: not valid JSON: {error.msg}", file=sys.stderr)
        return 2
    if not isinstance(manifest, dict):
        print(f"{path}: the manifest is not a JSON object", file=sys.stderr)
        return 1

    problems = [problem for check in CHECKS for problem in check(manifest)]
    for problem in problems:
        print(f"{path}: {problem}", file=sys.stderr)
    if problems:
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
