#!/usr/bin/env python3
"""Checks the cross-built Windows wheel of the Python package.

    check_wheel.py WHEEL.whl --version 0.1.0 --source python/meslink [--platform win32]

Checks: the file name's and the WHEEL file's tag is cp38-abi3-win_amd64 (one wheel for
CPython 3.8 and later on 64-bit Windows; cp38-abi3-win32 with --platform win32, for
32-bit Python); METADATA names meslink and the version; the wheel holds
meslink/_native.pyd, an x64 (x86) DLL exporting PyInit__native that imports the
stable-ABI python3.dll (not a versioned python3X.dll) and otherwise system DLLs only;
every pure module of the source package (*.py, *.pyi, py.typed, read from the source
folder so a new module is checked too) is in the wheel with the same bytes; RECORD lists
every file with a matching sha256. The last line is "check_wheel: N passed, N failed".
"""

import argparse
import base64
import hashlib
import os
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_dll  # noqa: E402
import pe  # noqa: E402

# The wheel platform tag and the PE machine of its extension module.
PLATFORMS = {"win_amd64": "x64", "win32": "x86"}


def checks(wheel, version, source, platform="win_amd64"):
    tag = f"cp38-abi3-{platform}"
    machine = PLATFORMS[platform]
    name = os.path.basename(wheel)
    yield name == f"meslink-{version}-{tag}.whl", f"file name {name} (want meslink-{version}-{tag}.whl)"
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        read = z.read
        info = f"meslink-{version}.dist-info"
        wheel_meta = read(f"{info}/WHEEL").decode() if f"{info}/WHEEL" in names else ""
        tags = [line.split(":", 1)[1].strip() for line in wheel_meta.splitlines() if line.startswith("Tag:")]
        yield tags == [tag], f"WHEEL tags {tags} (want [{tag!r}])"
        yield "Root-Is-Purelib: false" in wheel_meta, "WHEEL: Root-Is-Purelib: false"
        metadata = read(f"{info}/METADATA").decode() if f"{info}/METADATA" in names else ""
        yield "\nName: meslink\n" in metadata and f"\nVersion: {version}\n" in metadata, "METADATA name and version"

        pyd = "meslink/_native.pyd"
        yield pyd in names, f"{pyd} present"
        if pyd in names:
            with tempfile.NamedTemporaryFile(suffix=".pyd") as tmp:
                tmp.write(read(pyd))
                tmp.flush()
                image = pe.PeFile(tmp.name)
                imports = image.imports()
                exports = image.exports()
            yield image.machine == machine and image.is_dll, f"{pyd}: {image.machine} DLL"
            yield "PyInit__native" in exports, f"{pyd} exports PyInit__native"
            lowered = [i.lower() for i in imports]
            yield "python3.dll" in lowered, f"{pyd} imports the stable ABI's python3.dll"
            others = sorted({i for i in lowered if i != "python3.dll" and not check_dll.is_system_dll(i)})
            yield not others, f"{pyd}: no other non-system imports{': ' + ', '.join(others) if others else ''}"

        pure = sorted(
            f for f in os.listdir(source)
            if f.endswith((".py", ".pyi")) or f == "py.typed"
        )
        missing, differ = [], []
        for f in pure:
            entry = f"meslink/{f}"
            if entry not in names:
                missing.append(entry)
            else:
                with open(os.path.join(source, f), "rb") as src:
                    if src.read() != read(entry):
                        differ.append(entry)
        yield bool(pure) and not missing and not differ, (
            f"pure modules {', '.join(pure)}"
            + (f"; missing: {', '.join(missing)}" if missing else "")
            + (f"; differ: {', '.join(differ)}" if differ else "")
        )

        record = read(f"{info}/RECORD").decode() if f"{info}/RECORD" in names else ""
        listed, bad = set(), []
        for line in record.splitlines():
            path, digest, _size = line.rsplit(",", 2)
            listed.add(path)
            if digest:
                algo, want = digest.split("=", 1)
                got = base64.urlsafe_b64encode(hashlib.new(algo, read(path)).digest()).rstrip(b"=").decode()
                if got != want:
                    bad.append(path)
        unlisted = sorted(names - listed)
        yield record and not bad and not unlisted, (
            f"RECORD: {len(listed)} files with matching hashes"
            + (f"; bad hash: {', '.join(bad)}" if bad else "")
            + (f"; unlisted: {', '.join(unlisted)}" if unlisted else "")
        )


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("wheel")
    ap.add_argument("--version", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--platform", choices=sorted(PLATFORMS), default="win_amd64")
    args = ap.parse_args()
    if not os.path.isfile(args.wheel):
        ap.error(f"no such wheel: {args.wheel}")
    passed = failed = 0
    for ok, message in checks(args.wheel, args.version, args.source, args.platform):
        print(("ok    " if ok else "FAIL  ") + message)
        passed += bool(ok)
        failed += not ok
    print(f"check_wheel: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
