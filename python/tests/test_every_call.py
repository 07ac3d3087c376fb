"""Every request-style call of the catalog, once, from Python against the simulator.

The sample parameters come from ``tools/sample_calls.py`` (shared with the C and C#
suites; ``MESLINK_SAMPLE_CALLS`` names a file it wrote, as ``tests/run-all.sh`` does).
A call passes when the simulator answers it in its documented format: a success, or a
refusal in the server's own words (an error carrying the server's code). A call that is
not implemented, rejected by our own parameter check, or answered with something
unparseable fails.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any, Dict, List

import pytest

import meslink

from conftest import DATASOURCE, PASSWORD, REPO, USER, Sim


def samples() -> List[Dict[str, Any]]:
    path = os.environ.get("MESLINK_SAMPLE_CALLS")
    if path:
        with open(path, encoding="utf-8") as f:
            result: List[Dict[str, Any]] = json.load(f)
            return result
    out = subprocess.run(
        [sys.executable, str(REPO / "tools" / "sample_calls.py")],
        cwd=str(REPO),
        check=True,
        capture_output=True,
        text=True,
    )
    result = json.loads(out.stdout)
    return result


def every_server(url: str) -> Dict[str, Any]:
    """A configuration with every server section, for the simulator's default accounts."""
    return {
        "ate": {"base_url": url, "emp_no": USER, "password": PASSWORD},
        "grading": {"base_url": url, "datasource": DATASOURCE},
        "trace": {"base_url": url, "app_key": "meslink-trace", "app_secret": "meslink-trace-secret"},
        "mgm": {"base_url": url + "/v1", "app_key": "meslink-app", "app_secret": "meslink-secret"},
        "energy": {"base_url": url, "username": "admin", "password": "admin123"},
        "timeout_ms": 10000,
        "retry": {"max_attempts": 2, "initial_backoff_ms": 10, "max_backoff_ms": 50},
    }


SAMPLES = samples()


def test_the_samples_cover_every_request_call() -> None:
    sockets = {c["id"] for c in meslink.catalog() if c["method"] == "SOCKET"}
    assert {s["id"] for s in SAMPLES} == set(meslink.calls()) - sockets


@pytest.mark.parametrize("sample", SAMPLES, ids=[s["id"] for s in SAMPLES])
def test_call(sim: Sim, sample: Dict[str, Any]) -> None:
    with meslink.Client(every_server(sim.url)) as client:
        try:
            answer = client.call(sample["id"], sample["params"])
        except (meslink.BusinessError, meslink.InvalidArgumentError, meslink.AuthError) as e:
            # The server's documented refusal, with its code: the call was exercised. Our
            # own checks (no server code) fail the test.
            assert e.server_code is not None, e
            return
        assert isinstance(answer, (dict, list)), answer
