#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every source file with a translatable string is listed in po/POTFILES.in,
and every file listed there exists."""
import pathlib
import re
import sys

top = pathlib.Path(sys.argv[1])
listed = {line.strip() for line in (top / "po" / "POTFILES.in").read_text().splitlines()
          if line.strip() and not line.startswith("#")}
marker = re.compile(r'\b(_|N_|C_)\(|g_dngettext|translatable="yes"')
needed = {str(path.relative_to(top)) for path in (top / "src").rglob("*")
          if path.suffix in (".c", ".ui") and marker.search(path.read_text(encoding="utf-8"))}

problems = [f"po/POTFILES.in: {name} has translatable strings but is not listed"
            for name in sorted(needed - listed)]
problems += [f"po/POTFILES.in: {name} is listed but does not exist"
             for name in sorted(listed) if not (top / name).exists()]
for problem in problems:
    print(problem, file=sys.stderr)
sys.exit(1 if problems else 0)
