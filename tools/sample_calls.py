#!/usr/bin/env python3
"""One sample call of every request-style call of the catalog, with parameters the
simulator accepts, as JSON: ``[{"id": ..., "params": {...}}, ...]``.

The "every call" tests of the C, Python and C# layers all read this one list, so each
layer exercises the same 74 - 2 request calls (the two socket sessions, mgm.realtime and
mgm.file_transfer, have their own stream and transfer tests).

    python3 tools/sample_calls.py > calls.json          # uses `cargo run -p meslink-cli`
    MESLINK_CLI=target/debug/meslink python3 tools/sample_calls.py
    python3 tools/sample_calls.py --tsv                 # "id<TAB>params" lines, for C
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Values the simulator's seed data knows, by parameter name.
KNOWN = {
    "work_order": "1037020031",
    "sn": "BAJ614KM900001Z",
    "uniqueCode": "BAJ614KM900001Z",
    "traceType": "forward",
    "machine_list": ["8wCxAAAAAAABAAA="],
    "Usr_Name": "admin",
    "Usr_Password": "admin123",
    "Usr_Email": "admin@example.com",
    "Time_Type": "3",
    "Amount_Type": "1",
    # A file upload from memory: an 8-byte PNG signature.
    "Machine_Image": {"base64": "iVBORw0KGgo=", "file_name": "sample.png"},
}

BY_KIND = {
    "text": "1",
    "integer": 1,
    "number": 1.0,
    "datetime": "2026-01-01 08:00:00",
    "bool": True,
    "list": [],
    "object": {},
    "any": "1",
}


def catalog() -> list:
    exe = os.environ.get("MESLINK_CLI")
    cmd = [exe] if exe else ["cargo", "run", "-q", "-p", "meslink-cli", "--bin", "meslink", "--"]
    out = subprocess.run(cmd + ["catalog", "--json"], cwd=ROOT, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def sample(call: dict) -> dict:
    params = {}
    for p in call["params"]:
        if p["required"] or p["name"] in KNOWN:
            params[p["name"]] = KNOWN.get(p["name"], BY_KIND[p["kind"]])
    return params


def main() -> int:
    calls = [c for c in catalog() if c["method"] != "SOCKET"]
    samples = [{"id": c["id"], "params": sample(c)} for c in calls]
    out = sys.stdout.buffer
    if "--tsv" in sys.argv[1:]:
        for s in samples:
            out.write((s["id"] + "\t" + json.dumps(s["params"], ensure_ascii=False) + "\n").encode("utf-8"))
    else:
        out.write((json.dumps(samples, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
