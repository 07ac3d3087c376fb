"""A station that spools ATE SN uploads: the process the SIGKILL loop
(tests/faults/kill_loop.py) kills at random moments and starts again.

    python spool_writer.py SPOOL_PATH LETTER FIRST COUNT DRAIN_MS

Same protocol as bindings/c/tests/spool_writer.c: opens a client of $MESLINK_SIM_URL
whose spool is SPOOL_PATH, enqueues ate.sn_detail.upload of B<LETTER>J614KM9<nnnnn>Z for
nnnnn = FIRST .. FIRST+COUNT-1, prints "ACK <seq> <sn>" (flushed) once each record is on
disk, then drains for up to DRAIN_MS and prints "STATUS <json>" and "DRAINED" or
"PENDING". Exits 0 when drained, 3 when not drained in time, 2 on bad arguments.
"""

from __future__ import annotations

import json
import os
import sys

import meslink

WORK_ORDER = "1037020031"  # rule ^B[A-Z]J614KM9\d{5}Z$


def main(argv: list) -> int:
    if len(argv) != 6:
        print(__doc__, file=sys.stderr)
        return 2
    url = os.environ.get("MESLINK_SIM_URL")
    if not url:
        print("set MESLINK_SIM_URL=http://127.0.0.1:PORT", file=sys.stderr)
        return 2
    path, letter = argv[1], argv[2]
    first, count, drain_ms = int(argv[3]), int(argv[4]), int(argv[5])
    config = {
        "ate": {"base_url": url, "emp_no": "ate", "password": "Windows123."},
        "retry": {"max_attempts": 2, "initial_backoff_ms": 5, "max_backoff_ms": 20},
        "timeout_ms": 10000,
        "spool": {
            "path": path,
            "max_attempts": 0,
            "backoff_initial_ms": 5,
            "backoff_max_ms": 100,
        },
    }
    with meslink.Client(config) as client:
        for i in range(first, first + count):
            sn = "B%sJ614KM9%05dZ" % (letter, i)
            seq = client.spool.enqueue(
                "ate.sn_detail.upload", {"work_order": WORK_ORDER, "sn": sn}
            )
            sys.stdout.write("ACK %d %s\n" % (seq, sn))
            sys.stdout.flush()
        drained = client.spool.drain(drain_ms / 1000.0)
        sys.stdout.write("STATUS %s\n" % json.dumps(client.spool.status()))
        sys.stdout.write("DRAINED\n" if drained else "PENDING\n")
        sys.stdout.flush()
        return 0 if drained else 3


if __name__ == "__main__":
    sys.exit(main(sys.argv))
