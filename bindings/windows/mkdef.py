#!/usr/bin/env python3
"""Writes the module-definition file (.def) of a DLL from its export table.

    mkdef.py meslink.dll > meslink.def

The .def lists every exported name as the loader sees it (meslink's are undecorated cdecl
names on x86 and x64). MSVC makes an import library from it:
`lib /def:meslink.def /machine:x64 /out:meslink.lib` (`/machine:x86` for the 32-bit DLL).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pe  # noqa: E402


def main(argv):
    if len(argv) != 2 or argv[1].startswith("-"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    path = argv[1]
    try:
        names = pe.PeFile(path).exports()
    except (OSError, pe.PeError) as e:
        print(f"mkdef: {path}: {e}", file=sys.stderr)
        return 1
    if not names:
        print(f"mkdef: {path} exports nothing", file=sys.stderr)
        return 1
    sys.stdout.write(f"LIBRARY {os.path.basename(path)}\nEXPORTS\n")
    for name in sorted(names):
        sys.stdout.write(f"    {name}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
