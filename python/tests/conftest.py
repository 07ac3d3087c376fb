"""Fixtures: the simulator binary on an ephemeral loopback port, its control API, and
clients configured for it.

The simulator is `meslink-sim` from the workspace (`cargo build -p meslink-sim`); the
environment variable MESLINK_SIM overrides its path. One simulator per test keeps the
tests independent (it starts in milliseconds).
"""

from __future__ import annotations

import json
import os
import subprocess
import urllib.request
from pathlib import Path
from typing import Any, Dict, Iterator, Optional

import pytest

import meslink

REPO = Path(__file__).resolve().parents[2]
USER = "ate"
PASSWORD = "Windows123."
DATASOURCE = "MES01"
MGM_APP_KEY = "meslink-app"
MGM_APP_SECRET = "meslink-secret"


def sim_binary() -> Path:
    env = os.environ.get("MESLINK_SIM")
    if env:
        return Path(env)
    target = Path(os.environ.get("CARGO_TARGET_DIR") or REPO / "target")
    exe = "meslink-sim.exe" if os.name == "nt" else "meslink-sim"
    return target / "debug" / exe


class Sim:
    """A running `meslink-sim` process and its control API."""

    def __init__(self, binary: Path) -> None:
        self.proc = subprocess.Popen(
            [str(binary)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().decode().strip()
        if not line.startswith("MESLINK_SIM_URL="):
            self.stop()
            raise RuntimeError("meslink-sim did not announce its URL: %r" % line)
        self.url = line.split("=", 1)[1]

    def stop(self) -> None:
        # The simulator exits when its stdin closes.
        if self.proc.stdin:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        if self.proc.stdout:
            self.proc.stdout.close()

    def _request(self, method: str, path: str, body: Optional[Dict[str, Any]] = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(
            self.url + path,
            data=data,
            method=method,
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=10) as resp:
            return json.loads(resp.read().decode())

    def faults(self, **settings: Any) -> Any:
        """POST /_sim/faults, e.g. faults(fail_next_503=2, latency_ms=200)."""
        return self._request("POST", "/_sim/faults", settings)

    def reset_faults(self) -> Any:
        return self._request("POST", "/_sim/reset_faults", {})

    def expire_tokens(self) -> Any:
        return self._request("POST", "/_sim/expire_tokens", {})

    def state(self) -> Dict[str, Any]:
        """GET /_sim/state: counters, fault settings and stored data."""
        result: Dict[str, Any] = self._request("GET", "/_sim/state")
        return result

    def requests(self, route: str) -> int:
        return int(self.state()["requests"].get(route, 0))

    def grading_record(self, barcode: str, datasource: str = DATASOURCE) -> Dict[str, Any]:
        record: Dict[str, Any] = self.state()["grading"]["records"][datasource][barcode]
        return record


@pytest.fixture(scope="session")
def sim_bin() -> Path:
    path = sim_binary()
    if not path.exists():
        pytest.fail(
            "simulator not found at %s: run `cargo build -p meslink-sim` or set MESLINK_SIM"
            % path
        )
    return path


@pytest.fixture
def sim(sim_bin: Path) -> Iterator[Sim]:
    s = Sim(sim_bin)
    try:
        yield s
    finally:
        s.stop()


def make_config(url: str, password: str = PASSWORD, **extra: Any) -> Dict[str, Any]:
    config: Dict[str, Any] = {
        "ate": {"base_url": url, "emp_no": USER, "password": password},
        "grading": {"base_url": url, "datasource": DATASOURCE},
        "trace": {
            "base_url": url,
            "app_key": "meslink-trace",
            "app_secret": "meslink-trace-secret",
        },
        "timeout_ms": 10000,
        # Quick retries keep the fault tests fast.
        "retry": {"max_attempts": 4, "initial_backoff_ms": 10, "max_backoff_ms": 50},
    }
    config.update(extra)
    return config


def mgm_config(
    url: str, secret: str = MGM_APP_SECRET, calls: int = 200, window_ms: int = 60000
) -> Dict[str, Any]:
    """A configuration with the machine-tool IoT platform only (the simulator's app key)."""
    return {
        "mgm": {
            "base_url": url + "/v1",
            "app_key": MGM_APP_KEY,
            "app_secret": secret,
            "rate_limit_calls": calls,
            "rate_limit_window_ms": window_ms,
        },
        "timeout_ms": 10000,
        "retry": {"max_attempts": 4, "initial_backoff_ms": 10, "max_backoff_ms": 50},
    }


@pytest.fixture
def mgm(sim: Sim) -> Iterator[meslink.Client]:
    with meslink.Client(mgm_config(sim.url)) as c:
        yield c


@pytest.fixture
def config(sim: Sim) -> Dict[str, Any]:
    return make_config(sim.url)


@pytest.fixture
def client(config: Dict[str, Any]) -> Iterator[meslink.Client]:
    with meslink.Client(config) as c:
        yield c


@pytest.fixture(name="make_config")
def make_config_fixture(sim: Sim) -> Any:
    """make_config(password=..., **top_level_overrides) -> a config dict for this sim."""

    def make(password: str = PASSWORD, **extra: Any) -> Dict[str, Any]:
        return make_config(sim.url, password, **extra)

    return make
