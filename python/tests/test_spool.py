"""The store-and-forward spool (client.spool) against the simulator: what was enqueued is
what arrives at the simulator (/_sim/state), in order, whatever the server did meanwhile."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any, Dict, List

import pytest

import meslink

from conftest import Sim

WO = "1037020031"  # rule ^B[A-Z]J614KM9\d{5}Z$


def sn(i: int) -> str:
    return "BAJ614KM9%05dZ" % i


def spool_config(make_config: Any, path: Path, **spool: Any) -> Dict[str, Any]:
    settings: Dict[str, Any] = {"path": str(path), "backoff_initial_ms": 20, "backoff_max_ms": 200}
    settings.update(spool)
    config: Dict[str, Any] = make_config(spool=settings)
    return config


def counts(status: Dict[str, int], *keys: str) -> Dict[str, int]:
    """The counts `keys` of a status (all of pending, dead and delivered by default)."""
    return {k: status[k] for k in (keys or ("pending", "dead", "delivered"))}


def uploads(sim: Sim) -> List[str]:
    return [u["sn"] for u in sim.state()["ate"]["uploads"] if u["work_order"] == WO]


def test_records_enqueued_during_503s_arrive_in_order(
    sim: Sim, make_config: Any, tmp_path: Path
) -> None:
    sim.faults(error_503_ratio=1.0)
    sns = [sn(i) for i in range(500, 515)]
    with meslink.Client(spool_config(make_config, tmp_path / "spool.db")) as client:
        seqs = [client.spool.enqueue("ate.sn_detail.upload", {"work_order": WO, "sn": s}) for s in sns]
        assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
        client.spool.enqueue(
            "grading.save",
            {"batteryStation": "ST01", "deviceCode": "FR-07", "barcode": "PY-SPOOL-1",
             "testTime": datetime.datetime(2024, 5, 6, 7, 8, 9), "workStep": "分容"},
        )
        assert client.spool.drain(0.3) is False
        assert counts(client.spool.status()) == {"pending": 16, "dead": 0, "delivered": 0}
        assert uploads(sim) == []
        pending = client.spool.list("pending", limit=3)
        assert [r["params"]["sn"] for r in pending] == sns[:3]
        sim.reset_faults()
        assert client.spool.drain(30.0) is True
        assert uploads(sim) == sns
        assert sim.grading_record("PY-SPOOL-1")["testTime"] == "2024-05-06 07:08:09"
        assert client.spool.status() == {
            "pending": 0, "parked": 0, "dead": 0, "resent_refused": 0, "delivered": 16,
            "repairs": 0, "salvaged": 0, "lost": 0,
        }


def test_rule_check_ng_is_a_dead_letter_with_the_servers_words(
    sim: Sim, make_config: Any, tmp_path: Path
) -> None:
    with meslink.Client(spool_config(make_config, tmp_path / "spool.db")) as client:
        spool = client.spool
        spool.enqueue("ate.sn_detail.upload", {"work_order": WO, "sn": sn(600)})
        bad = spool.enqueue("ate.sn_detail.upload", {"work_order": WO, "sn": "BAD-SN"})
        spool.enqueue("ate.sn_detail.upload", {"work_order": WO, "sn": sn(601)})
        assert spool.drain(30.0)
        assert uploads(sim) == [sn(600), sn(601)]
        dead = spool.list("dead")
        assert [d["seq"] for d in dead] == [bad]
        assert dead[0]["params"] == {"work_order": WO, "sn": "BAD-SN"}
        assert dead[0]["answer"]["server_message"] == "SN RULER CHECK NG!FIX"
        assert dead[0]["answer"]["kind"] == "business"
        assert counts(spool.status()) == {"pending": 0, "dead": 1, "delivered": 2}
        assert spool.retry(bad) == "dead"
        assert spool.drain(30.0)
        assert spool.status()["dead"] == 1  # refused again
        assert spool.discard(bad) == "dead"
        assert counts(spool.status()) == {"pending": 0, "dead": 0, "delivered": 2}
        with pytest.raises(meslink.InvalidArgumentError, match="no record with seq"):
            spool.discard(bad)
        with pytest.raises(meslink.InvalidArgumentError, match="no record with seq"):
            spool.retry(bad)
        with pytest.raises(meslink.InvalidArgumentError, match="pending"):
            spool.list("everything")


def test_refused_ids_store_nothing(sim: Sim, make_config: Any, tmp_path: Path) -> None:
    with meslink.Client(spool_config(make_config, tmp_path / "spool.db")) as client:
        with pytest.raises(meslink.InvalidArgumentError, match="is not spoolable"):
            client.spool.enqueue("ate.sn_detail.get", {"work_order": WO})
        with pytest.raises(meslink.InvalidArgumentError, match="unknown call id"):
            client.spool.enqueue("ate.nope", {})
        with pytest.raises(meslink.InvalidArgumentError, match='"sn"'):
            client.spool.enqueue("ate.sn_detail.upload", {"work_order": WO})
        assert counts(client.spool.status()) == {"pending": 0, "dead": 0, "delivered": 0}
    with meslink.Client(make_config()) as plain:
        with pytest.raises(meslink.InvalidArgumentError, match="no spool configured"):
            plain.spool.status()
    # A spool that cannot be opened: the client still makes direct calls.
    with meslink.Client(spool_config(make_config, tmp_path / "no" / "such" / "dir.db")) as c:
        c.call("ate.sn_detail.upload", {"work_order": WO, "sn": sn(650)})
        with pytest.raises(meslink.InvalidArgumentError, match="spool could not be opened"):
            c.spool.enqueue("ate.sn_detail.upload", {"work_order": WO, "sn": sn(651)})


def test_a_new_client_forwards_what_a_closed_one_left(
    sim: Sim, make_config: Any, tmp_path: Path
) -> None:
    path = tmp_path / "station-spool.db"
    sim.faults(error_503_ratio=1.0)
    sns = [sn(i) for i in range(700, 705)]
    first = meslink.Client(spool_config(make_config, path))
    for s in sns:
        first.spool.enqueue("ate.sn_detail.upload", {"work_order": WO, "sn": s})
    # A second client of the same file cannot spool while the first forwards it.
    with meslink.Client(spool_config(make_config, path)) as twice:
        with pytest.raises(meslink.InvalidArgumentError, match="already being forwarded"):
            twice.spool.status()
    first.close()
    with pytest.raises(meslink.ClosedError):
        first.spool.status()
    assert uploads(sim) == []
    sim.reset_faults()
    with meslink.Client(spool_config(make_config, path)) as second:
        assert second.spool.drain(30.0)
        assert second.spool.status()["delivered"] == 5
    assert uploads(sim) == sns


def wait_for(predicate: Any, timeout: float = 30.0) -> bool:
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return bool(predicate())


def cell(barcode: str) -> Dict[str, Any]:
    return {"batteryStation": "ST01", "deviceCode": "FR-07", "barcode": barcode,
            "testTime": "2024-05-06 07:08:09", "workStep": "W"}


def test_parked_and_pending_records_are_listed_retried_and_discarded(
    sim: Sim, make_config: Any, tmp_path: Path
) -> None:
    # The grading server unreachable: its records are parked after two attempts and
    # retried hourly; the ATE uploads behind them go on.
    config = spool_config(make_config, tmp_path / "spool.db", park_after_attempts=2,
                          park_after_s=0, park_retry_s=3600)
    config["grading"] = {"base_url": "http://127.0.0.1:1", "datasource": "MES01"}
    config["connect_timeout_ms"] = 1000
    with meslink.Client(config) as client:
        spool = client.spool
        a = spool.enqueue("grading.save", cell("PY-P1"))
        b = spool.enqueue("grading.save", cell("PY-P2"))
        a2 = spool.enqueue("grading.save", cell("PY-P1"))
        spool.enqueue("ate.sn_detail.upload", {"work_order": WO, "sn": sn(800)})
        assert wait_for(lambda: spool.status()["parked"] == 2), spool.status()
        assert wait_for(lambda: uploads(sim) == [sn(800)]), uploads(sim)
        parked = spool.list("parked")
        assert [r["seq"] for r in parked] == [a, b]
        assert all(r["state"] == "parked" and r["next_attempt_at"] for r in parked)
        assert parked[0]["key"] == "PY-P1"
        # The second PY-P1 never overtakes the first: pending, never tried.
        pending = spool.list("pending")
        assert [(r["seq"], r["attempts"]) for r in pending] == [(a2, 0)]
        assert counts(spool.status(), "pending", "parked", "delivered") == {
            "pending": 1, "parked": 2, "delivered": 1}
        assert spool.drain(0.2) is False  # parked records are not delivered
        assert spool.retry(b) == "parked"
        assert b in [r["seq"] for r in spool.list("pending")]
        assert spool.discard(a2) == "pending"
        assert spool.discard(a) == "parked"
        with pytest.raises(meslink.InvalidArgumentError, match="no record with seq"):
            spool.discard(a)
        assert spool.list("resent_refused") == []
        status = spool.status()
        assert status["pending"] + status["parked"] == 1
        assert status["resent_refused"] == 0
