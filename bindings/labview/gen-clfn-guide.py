#!/usr/bin/env python3
"""Writes bindings/labview/CLFN.md: the Call Library Function Node settings of every
function declared in include/meslink.h, derived from the header (types, parameter names,
doc comments), so the guide never lists a function the library does not export or misses
one it does.

    gen-clfn-guide.py             print the guide
    gen-clfn-guide.py --write     rewrite bindings/labview/CLFN.md
    gen-clfn-guide.py --check     exit 1 (with a diff) when CLFN.md is not what the header gives

bindings/windows/run-tests.sh runs --check.
"""

import argparse
import difflib
import os
import re
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "../.."))
sys.path.insert(0, os.path.join(root, "bindings/windows"))
import cheader  # noqa: E402

GUIDE = os.path.join(here, "CLFN.md")
HEADER = os.path.join(root, "include/meslink.h")

# C type -> (LabVIEW type, Pass setting). Pointers to numbers are outputs.
NUMERIC = {
    "int8_t": "Numeric, Signed 8-bit Integer (I8)",
    "uint8_t": "Numeric, Unsigned 8-bit Integer (U8)",
    "int16_t": "Numeric, Signed 16-bit Integer (I16)",
    "uint16_t": "Numeric, Unsigned 16-bit Integer (U16)",
    "int32_t": "Numeric, Signed 32-bit Integer (I32)",
    "uint32_t": "Numeric, Unsigned 32-bit Integer (U32)",
    "int64_t": "Numeric, Signed 64-bit Integer (I64)",
    "uint64_t": "Numeric, Unsigned 64-bit Integer (U64)",
    "double": "Numeric, 8-byte Double (DBL)",
    "float": "Numeric, 4-byte Single (SGL)",
}
# Recommended sizes of output buffers; any size is correct (too small: -3 and the length).
ERROR_TEXT_SIZE = 1024
ANSWER_SIZE = 4096


def output_buffers(fn):
    """Names of `char *` parameters followed by a `uint32_t cap`-like size parameter."""
    names = {}
    for i, p in enumerate(fn.params):
        if p.ctype == "char *" and i + 1 < len(fn.params) and fn.params[i + 1].ctype == "uint32_t":
            names[p.name] = fn.params[i + 1].name
    return names


def reads_thread_state(fn):
    return bool(re.search(r"\bthis thread\b|\bthis thread's\b|kept on this thread", fn.doc))


def returns_status(fn):
    return fn.ret == "int32_t"


def summary(fn):
    para = fn.doc.split("\n\n", 1)[0]
    return " ".join(para.split())


def thread_setting(fn):
    if not returns_status(fn):
        return "**Run in any thread.** No status, no per-thread state."
    if reads_thread_state(fn):
        return (
            "**Run in UI thread**, like the node whose failure or too-small answer it reads: "
            "it reads state that meslink keeps per OS thread, and only the UI thread is "
            "guaranteed to be the same thread from one node to the next."
        )
    blocks = any(p.name == "client" for p in fn.params)
    if output_buffers(fn):
        state, them = "Its last error and a kept too-small answer stay", "them"
        readers = "`meslink_error_last*`, `meslink_answer_fetch`"
    else:
        state, them, readers = "Its last error stays", "it", "`meslink_error_last*`"
    return (
        "**Run in any thread** is safe (thread-safe"
        + (", blocks up to the client's timeout" if blocks else "")
        + f"). {state} on the OS thread that ran it: if the diagram reads {them} afterwards "
        f"({readers}), set this node and those readers to **Run in UI thread**."
    )


def param_row(fn, index, p, buffers, sizes):
    n = index + 1
    if p.ctype == "const char *":
        return (n, p.name, p.ctype, "String", "C String Pointer",
                "input text, NUL-terminated, in the client's encoding")
    if p.name in buffers:
        size = sizes.get(p.name, ANSWER_SIZE)
        return (n, p.name, p.ctype, "String (or Array of U8)",
                "C String Pointer (array: Array Data Pointer)",
                f"**output buffer**: Minimum size = parameter `{buffers[p.name]}`; "
                f"{size} bytes recommended, any size is correct (too small: -3 and the "
                "length needed)")
    if p.ctype == "uint32_t" and p.name in buffers.values():
        return (n, p.name, p.ctype, NUMERIC[p.ctype], "Value",
                "size of the buffer in bytes: wire the same number as its minimum size")
    if p.ctype.rstrip(" *") in NUMERIC and p.ctype.endswith("*"):
        base = p.ctype.rstrip(" *")
        if p.name == "out_len":
            note = "receives the answer's length without the NUL (also the length needed after -3)"
        elif p.name.startswith("out_") and base == "int32_t":
            note = f"receives the new handle ({p.name[4:]}; 0 on failure): close it once"
        else:
            note = "output"
        return (n, p.name, p.ctype, NUMERIC[base], "Pointer to Value", note)
    if p.ctype in NUMERIC:
        note = ""
        if p.name == "client" or p.name.endswith("_handle") or p.name in ("stream", "transfer"):
            note = "handle from the open function"
        elif p.name == "encoding":
            note = "0 UTF-8, 1 GB18030"
        elif p.name.endswith("timeout_ms"):
            note = "milliseconds to wait; keep it short in a polling loop (e.g. 200)"
        return (n, p.name, p.ctype, NUMERIC[p.ctype], "Value", note)
    if p.ctype in ("const uint8_t *", "uint8_t *"):
        return (n, p.name, p.ctype, "Array of U8", "Array Data Pointer",
                "bytes" + (" (input)" if p.ctype.startswith("const") else " (output)"))
    print(f"gen-clfn-guide: no LabVIEW mapping for {p.ctype} {p.name} in {fn.name}", file=sys.stderr)
    return (n, p.name, p.ctype, "(no mapping known: see include/meslink.h)", "", "")


def function_section(fn):
    buffers = output_buffers(fn)
    sizes = {b: ERROR_TEXT_SIZE for b in buffers} if fn.name.startswith("meslink_error_last") else {}
    out = [f"### `{fn.name}`", "", summary(fn), ""]
    if returns_status(fn):
        ret = "Numeric, Signed 32-bit Integer (I32): the status (0 OK, < 0 error, > 0 state)"
    elif fn.ret == "const char *":
        ret = ("String, C String Pointer: a static string owned by the library "
               "(LabVIEW copies it; never free it)")
    else:
        ret = NUMERIC.get(fn.ret, f"(no mapping known for {fn.ret})")
    out += [
        "| setting | value |",
        "|---|---|",
        "| Calling convention | **C** |",
        f"| return type | {ret} |",
        f"| thread | {thread_setting(fn)} |",
        "",
    ]
    if fn.params:
        out += ["| # | parameter | C type | LabVIEW type | Pass | notes |", "|---|---|---|---|---|---|"]
        for i, p in enumerate(fn.params):
            row = param_row(fn, i, p, buffers, sizes)
            out.append("| " + " | ".join(str(c) if c != "" else " " for c in row) + " |")
    else:
        out.append("No parameters.")
    out.append("")
    return out


def guide(functions):
    pollers = [f.name for f in functions if any(p.name.endswith("timeout_ms") for p in f.params)]
    out = [
        "# Call Library Function Node settings, function by function",
        "",
        "<!-- Generated by bindings/labview/gen-clfn-guide.py from include/meslink.h; do not edit. -->",
        "",
        "Generated from `include/meslink.h`, so every exported function is here with the types "
        "the header declares. Library path: `meslink*.*` (LabVIEW loads `meslink32.dll` in "
        "32-bit and `meslink64.dll` in 64-bit LabVIEW; see [README.md](README.md)). Every node: "
        "calling convention **C** (cdecl, also in 32-bit LabVIEW; not stdcall/WINAPI).",
        "",
        f"{len(functions)} functions. Output buffers: pass the buffer's size as the `uint32_t` "
        "that follows it and set the buffer's *Minimum size* to that parameter (in the "
        "parameter's dialog), so LabVIEW allocates it. Functions with a `timeout_ms` "
        "parameter are the polling ones: "
        + (", ".join(f"`{n}`" for n in pollers) if pollers else "none in this build")
        + ".",
        "",
    ]
    for fn in functions:
        out += function_section(fn)
    return "\n".join(out).rstrip() + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true")
    mode.add_argument("--check", action="store_true")
    ap.add_argument("--header", default=HEADER)
    args = ap.parse_args()
    text = guide(cheader.parse_file(args.header))
    if args.write:
        with open(GUIDE, "w", encoding="utf-8") as f:
            f.write(text)
        return 0
    if args.check:
        try:
            with open(GUIDE, encoding="utf-8") as f:
                current = f.read()
        except FileNotFoundError:
            current = ""
        if current != text:
            sys.stdout.writelines(difflib.unified_diff(
                current.splitlines(True), text.splitlines(True), "CLFN.md (committed)", "CLFN.md (from the header)"))
            print("bindings/labview/CLFN.md is not what include/meslink.h gives: "
                  "run python3 bindings/labview/gen-clfn-guide.py --write")
            return 1
        print("bindings/labview/CLFN.md matches include/meslink.h")
        return 0
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
