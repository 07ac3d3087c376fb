"""The example station program runs against the simulator."""

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
ENV.update(MESLINK_PASSWORD="Windows123.", PYTHONIOENCODING="utf-8")
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "station.py"


def run_example(cwd: Path, *args: str) -> "subprocess.CompletedProcess[str]":
    """Runs examples/station.py with the installed wheel (no PYTHONPATH)."""
    return subprocess.run(
        [sys.executable, str(EXAMPLE), *args],
        cwd=str(cwd),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        env=ENV,
    )


def test_station_example(sim: Any, tmp_path: Path) -> None:
    out = run_example(
        tmp_path,
        "--url", sim.url,
        "--work-order", "1037020031",
        "--sn", "BAJ614KM901584Z",
        "--barcode", "0AVCC26111121G95L0100500",
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "SN_QTY 928 -> 929" in out.stdout, out.stdout
    state = sim.state()
    assert state["ate"]["uploads"] == [{"work_order": "1037020031", "sn": "BAJ614KM901584Z"}]
    assert "0AVCC26111121G95L0100500" in state["grading"]["records"]["MES01"]
    # A refused SN is reported, not a crash with a traceback.
    out = run_example(tmp_path, "--url", sim.url, "--sn", "NOT-A-VALID-SN")
    assert out.returncode == 2, out.stdout + out.stderr
    assert "SN RULER CHECK NG!FIX" in out.stderr
    assert "Traceback" not in out.stderr
