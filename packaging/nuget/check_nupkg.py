#!/usr/bin/env python3
"""Unpacks a MesLink .nupkg and checks its layout.

    check_nupkg.py PACKAGE.nupkg [--version 0.1.0] [--extract DIR]

Checks: the entries (wrapper assemblies for netstandard2.0 and net462, the three native
libraries, build/ and buildTransitive/ targets, the nuspec and the OPC parts and nothing
else), the nuspec (id, version, one dependency group per framework), that
[Content_Types].xml covers every extension and _rels/.rels names the nuspec, the PE
machine type of each Windows DLL against its runtimes folder (an x86 folder holding the
x64 DLL fails), the ELF machine of the Linux library, and that the wrappers are managed
(CLI header) DLLs. The last line is "check_nupkg: N passed, N failed".
"""

import argparse
import os
import struct
import sys
import xml.etree.ElementTree as ET
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../bindings/windows"))
import pe  # noqa: E402

REQUIRED = [
    "_rels/.rels",
    "[Content_Types].xml",
    "MesLink.nuspec",
    "lib/netstandard2.0/MesLink.dll",
    "lib/net462/MesLink.dll",
    "runtimes/win-x64/native/meslink.dll",
    "runtimes/win-x86/native/meslink.dll",
    "runtimes/linux-x64/native/libmeslink.so",
    "build/MesLink.targets",
    "buildTransitive/MesLink.targets",
]
OPTIONAL = ["lib/netstandard2.0/MesLink.xml", "lib/net462/MesLink.xml"]
NUSPEC_NS = "{http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd}"
CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def checks(nupkg, version, extract):
    with zipfile.ZipFile(nupkg) as z:
        names = z.namelist()
        yield z.testzip() is None, "the zip's CRCs are intact"
        z.extractall(extract)
    path = lambda n: os.path.join(extract, *n.split("/"))  # noqa: E731

    missing = [n for n in REQUIRED if n not in names]
    extra = [n for n in names if n not in REQUIRED + OPTIONAL]
    yield not missing, f"required entries present{'; missing: ' + ', '.join(missing) if missing else ''}"
    yield not extra, f"no unexpected entries{'; extra: ' + ', '.join(extra) if extra else ''}"
    yield all("\\" not in n for n in names), "entry names use forward slashes"

    meta = ET.parse(path("MesLink.nuspec")).getroot().find(f"{NUSPEC_NS}metadata")
    yield meta is not None, "nuspec has <metadata> in the nuspec namespace"
    if meta is not None:
        pid = meta.findtext(f"{NUSPEC_NS}id")
        pver = meta.findtext(f"{NUSPEC_NS}version")
        yield pid == "MesLink", f"nuspec id {pid!r}"
        if version:
            yield pver == version, f"nuspec version {pver!r} (want {version!r})"
        yield os.path.basename(nupkg) == f"MesLink.{pver}.nupkg", f"file name matches id.version ({os.path.basename(nupkg)})"
        groups = sorted(g.get("targetFramework") for g in meta.iter(f"{NUSPEC_NS}group"))
        yield groups == [".NETFramework4.6.2", ".NETStandard2.0"], f"dependency groups {groups}"

    types = ET.parse(path("[Content_Types].xml")).getroot()
    known = {d.get("Extension").lower() for d in types.iter(f"{CT_NS}Default")}
    exts = {n.rsplit(".", 1)[-1].lower() for n in names if n != "[Content_Types].xml"}
    yield exts <= known, f"content types cover {sorted(exts)} (declared {sorted(known)})"
    targets = [r.get("Target") for r in ET.parse(path("_rels/.rels")).getroot().iter(f"{RELS_NS}Relationship")]
    yield "/MesLink.nuspec" in targets, f"_rels/.rels names the nuspec ({targets})"

    for rid, want in (("win-x64", "x64"), ("win-x86", "x86")):
        dll = path(f"runtimes/{rid}/native/meslink.dll")
        try:
            got = pe.PeFile(dll).machine
        except (OSError, pe.PeError) as e:
            got = str(e)
        yield got == want, f"runtimes/{rid}/native/meslink.dll is {got} (want {want})"

    so = path("runtimes/linux-x64/native/libmeslink.so")
    with open(so, "rb") as f:
        head = f.read(20)
    elf_machine = struct.unpack_from("<H", head, 18)[0] if head[:4] == b"\x7fELF" else None
    yield head[:4] == b"\x7fELF" and head[4] == 2 and elf_machine == 62, "libmeslink.so is ELF64 x86-64"

    for tfm in ("netstandard2.0", "net462"):
        asm = path(f"lib/{tfm}/MesLink.dll")
        try:
            image = pe.PeFile(asm)
            managed = len(image.dirs) > 14 and image.dirs[14][1] > 0
        except (OSError, pe.PeError):
            managed = False
        yield managed, f"lib/{tfm}/MesLink.dll is a managed assembly"

    for t in ("build/MesLink.targets", "buildTransitive/MesLink.targets"):
        try:
            ET.parse(path(t))
            ok = True
        except ET.ParseError:
            ok = False
        yield ok, f"{t} is well-formed XML"
    with open(path("build/MesLink.targets"), encoding="utf-8") as f:
        yield "buildTransitive\\MesLink.targets" in f.read(), "build/ imports buildTransitive/"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("nupkg")
    ap.add_argument("--version")
    ap.add_argument("--extract", default=None)
    args = ap.parse_args()
    extract = args.extract or args.nupkg + ".d"
    passed = failed = 0
    for ok, message in checks(args.nupkg, args.version, extract):
        print(("ok    " if ok else "FAIL  ") + message)
        passed += bool(ok)
        failed += not ok
    print(f"check_nupkg: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
