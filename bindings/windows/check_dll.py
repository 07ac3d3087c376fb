#!/usr/bin/env python3
"""Static checks of a meslink DLL, before anything runs it.

    check_dll.py --header include/meslink.h [--machine x64|x86] [--version 0.1.0] DLL...

For each DLL:
  * PE machine type: the one given, or the one its path names (win-x64, meslink64 -> x64;
    win-x86, meslink32 -> x86): an x86 folder holding the x64 DLL is a failure;
  * every meslink_* function declared in the header is exported, undecorated (no leading
    underscore, no @N stdcall suffix);
  * it imports system DLLs only (nothing such as libgcc_s_*.dll or libwinpthread-1.dll
    that would have to ship beside it);
  * it has a version resource whose file and product versions are the crate's.
Prints one line per check; the last line is "check_dll: N passed, N failed".
"""

import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cheader  # noqa: E402
import pe  # noqa: E402

# DLLs every supported Windows (10, Server 2016 and later) has in System32. Anything else
# (mingw's runtime DLLs, the VC++ redistributable) would have to be shipped with meslink.
SYSTEM_DLLS = {
    "kernel32.dll", "kernelbase.dll", "ntdll.dll", "advapi32.dll", "ws2_32.dll",
    "userenv.dll", "bcrypt.dll", "bcryptprimitives.dll", "crypt32.dll", "secur32.dll",
    "ncrypt.dll", "msvcrt.dll", "ole32.dll", "oleaut32.dll", "shell32.dll", "user32.dll",
    "iphlpapi.dll", "dnsapi.dll", "mswsock.dll", "powrprof.dll", "psapi.dll",
    "dbghelp.dll", "version.dll", "shlwapi.dll", "rpcrt4.dll", "synchronization.dll",
}
SYSTEM_PATTERNS = [re.compile(r"^api-ms-win-core-[\w-]+\.dll$")]


def is_system_dll(name):
    name = name.lower()
    return name in SYSTEM_DLLS or any(p.match(name) for p in SYSTEM_PATTERNS)


def machine_from_path(path):
    """The machine a DLL's place says it must be, or None."""
    p = path.replace("\\", "/").lower()
    if "win-x64" in p or "meslink64" in p or "x86_64-pc-windows" in p:
        return "x64"
    if "win-x86" in p or "meslink32" in p or "i686-pc-windows" in p:
        return "x86"
    return None


def numeric_version(text):
    parts = [int(x) for x in re.findall(r"\d+", text.split("-")[0])[:3]]
    return ".".join(str(x) for x in (parts + [0, 0, 0, 0])[:4])


def check(dll, functions, machine=None, version=None):
    """[(ok, message)] for one DLL."""
    results = []
    try:
        image = pe.PeFile(dll)
    except (OSError, pe.PeError) as e:
        return [(False, f"{dll}: {e}")]
    want = machine or machine_from_path(dll)
    if want is None:
        results.append((False, f"{dll}: no machine given and none in its path"))
    else:
        results.append(
            (image.machine == want, f"{dll}: machine {image.machine} (want {want})")
        )
    results.append((image.is_dll, f"{dll}: is a DLL"))

    exports = set(image.exports())
    missing = [f.name for f in functions if f.name not in exports]
    decorated = sorted(
        e for e in exports if "meslink_" in e and (e.startswith("_") or "@" in e)
    )
    results.append(
        (
            not missing and not decorated and bool(functions),
            f"{dll}: {len(functions)} header functions exported undecorated"
            + (f"; missing: {', '.join(missing)}" if missing else "")
            + (f"; decorated: {', '.join(decorated)}" if decorated else ""),
        )
    )

    imports = image.imports()
    foreign = sorted({i for i in imports if not is_system_dll(i)})
    results.append(
        (
            not foreign,
            f"{dll}: imports only system DLLs ({', '.join(sorted({i.lower() for i in imports}))})"
            + (f"; NOT system: {', '.join(foreign)}" if foreign else ""),
        )
    )

    info = image.version_resource()
    if info is None:
        results.append((False, f"{dll}: no version resource"))
    else:
        file_v, product_v, strings = info
        ok = True
        detail = f"file {file_v}, product {product_v}, strings {strings}"
        if version:
            want_v = numeric_version(version)
            ok = (
                file_v == want_v
                and product_v == want_v
                and strings.get("FileVersion") == version
                and strings.get("ProductVersion") == version
            )
            detail += f" (want {want_v} / {version})"
        results.append((ok, f"{dll}: version resource: {detail}"))
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--header", required=True)
    ap.add_argument("--machine", choices=sorted(set(pe.MACHINES.values())))
    ap.add_argument("--version")
    ap.add_argument("dlls", nargs="+")
    args = ap.parse_args()
    functions = cheader.parse_file(args.header)
    passed = failed = 0
    for dll in args.dlls:
        for ok, message in check(dll, functions, args.machine, args.version):
            print(("ok    " if ok else "FAIL  ") + message)
            passed += ok
            failed += not ok
    print(f"check_dll: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
