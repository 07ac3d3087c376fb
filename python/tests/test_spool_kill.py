"""SIGKILL loop of a Python station (CI size): spool_writer.py, enqueuing ATE SN uploads
into a spool, is killed at random moments and restarted; every SN must arrive at the
simulator, none lost, none sent again once acknowledged and recorded as delivered. The
simulator refuses an SN it already has (--refuse-repeated-sn): a record in flight at a
kill that had reached it is refused when sent again, and must end among the spool's
resends refused, never among its dead letters.

The full size (1,000 records, 20 kills) is run by hand, see docs/RELIABILITY.md:
    python3 tests/faults/kill_loop.py --writer "python3 python/tests/spool_writer.py" ...
Here: MESLINK_KILL_LOOP_RECORDS (default 150) records, MESLINK_KILL_LOOP_KILLS (default 5)
kills. Needs the simulator and the CLI (`cargo build -p meslink-sim -p meslink-cli`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, sim_binary


def cli_binary() -> Path:
    env = os.environ.get("MESLINK_CLI")
    if env:
        return Path(env)
    target = Path(os.environ.get("CARGO_TARGET_DIR") or REPO / "target")
    return target / "debug" / ("meslink.exe" if os.name == "nt" else "meslink")


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL loop: POSIX only")
def test_python_station_killed_repeatedly_loses_nothing() -> None:
    cli = cli_binary()
    if not cli.exists():
        pytest.fail("meslink CLI not found at %s: cargo build -p meslink-cli" % cli)
    records = os.environ.get("MESLINK_KILL_LOOP_RECORDS", "150")
    kills = os.environ.get("MESLINK_KILL_LOOP_KILLS", "5")
    writer = "%s %s" % (sys.executable, Path(__file__).with_name("spool_writer.py"))
    out = subprocess.run(
        [
            sys.executable,
            str(REPO / "tests" / "faults" / "kill_loop.py"),
            "--writer", writer,
            "--letter", "P",
            "--records", records,
            "--kills", kills,
            "--sim", str(sim_binary()),
            "--cli", str(cli),
            "--sim-args=--refuse-repeated-sn",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        timeout=600,
    )
    text = out.stdout.decode(errors="replace")
    assert out.returncode == 0, text
    figures = json.loads(
        [line for line in text.splitlines() if line.startswith("FIGURES ")][-1][8:]
    )
    assert figures["lost"] == 0
    assert figures["dead"] == 0  # no false dead letter
    assert figures["duplicates"] == 0  # the simulator refused every repeat
    assert figures["resent_refused"] == figures["refused_repeats"]
    assert figures["kills"] == int(kills)
    assert figures["records"] == int(records)
    assert figures["duplicates"] <= figures["in_flight_at_kill"]
