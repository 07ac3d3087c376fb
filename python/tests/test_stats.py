"""Per-client statistics from Python: calls, errors by kind, retries, logins, bytes and
latency percentiles by call id, counted against the simulator."""

from __future__ import annotations

from typing import Any, Dict

import pytest

import meslink
from conftest import Sim

WO = "1037020031"


def test_client_stats(sim: Sim, config: Dict[str, Any]) -> None:
    with meslink.Client(config) as client:
        sim.faults(fail_next_503=1)
        client.ate_sn_detail_get(WO)
        client.ate_sn_detail_get(WO)
        with pytest.raises(meslink.BusinessError):
            client.ate_sn_detail_upload(WO, "NOT-A-VALID-SN")
        s = client.stats()
    assert s["calls"] == 3 and s["errors"] == {"business": 1}
    assert s["retries"] == 1 and s["logins"] == 1
    assert s["bytes_received"] > 0
    get = s["by_call"]["ate.sn_detail.get"]
    assert get["calls"] == 2 and 0 < get["p50_ms"] <= get["p99_ms"]
    with pytest.raises(meslink.ClosedError):
        client.stats()
