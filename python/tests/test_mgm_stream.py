"""The live machine stream (mgm.realtime) from Python, against the simulator: typed events
from several machines over both transports, the iterator and context manager, closing
from another thread, and the soak across token expiry.

MESLINK_SOAK_SECONDS (default 60) is how long the soak reads a stream whose token
expires every 3 seconds.
"""

from __future__ import annotations

import os
import threading
import time
from typing import Any, Dict, List

import pytest

import meslink
from conftest import mgm_config

MACHINES = ["8wCxAAAAAAABAAA=", "8wCxAAAAAAAAABg=", "GADIAAAAAgABAAA="]
SOAK_SECONDS = int(os.environ.get("MESLINK_SOAK_SECONDS") or 60)
DATA_EVENTS = (meslink.StatusEvent, meslink.SnapshotEvent, meslink.DeltaEvent)


@pytest.mark.parametrize("transport", ["sockjs", "raw"])
def test_typed_events_from_several_machines(mgm: meslink.Client, transport: str) -> None:
    seen: Dict[str, List[Any]] = {m: [] for m in MACHINES}
    with mgm.mgm_stream(MACHINES, transport=transport) as stream:
        assert stream.machines == MACHINES
        deadline = time.monotonic() + 30
        for event in stream:
            if isinstance(event, DATA_EVENTS):
                assert event.machine_id in seen
                assert isinstance(event.raw, dict)
                seen[event.machine_id].append(event)
            if all(any(isinstance(e, meslink.StatusEvent) for e in v) for v in seen.values()):
                break
            assert time.monotonic() < deadline, "not every machine sent its status: %r" % {
                m: len(v) for m, v in seen.items()
            }
        stats = stream.stats
    for machine, events in seen.items():
        status = next(e for e in events if isinstance(e, meslink.StatusEvent))
        assert status.raw["machine_id"] == machine
        assert status.status is not None and status.status_time
    assert stats.delivered >= sum(len(v) for v in seen.values())
    assert stats.dropped == 0
    assert stream.closed


def test_next_timeout_and_closed(mgm: meslink.Client) -> None:
    stream = mgm.mgm_stream()
    assert stream.next(0) is None
    assert stream.next(0.05) is None  # nothing subscribed: nothing comes
    with pytest.raises(meslink.InvalidArgumentError):
        stream.next(-1)
    stream.subscribe(MACHINES[0])
    stream.subscribe(MACHINES[0])  # a second subscription is a no-op
    assert stream.machines == [MACHINES[0]]
    assert stream.next(10) is not None
    stream.close()
    stream.close()  # idempotent
    with pytest.raises(meslink.ClosedError):
        stream.next(0)
    with pytest.raises(meslink.ClosedError):
        stream.subscribe(MACHINES[1])
    assert list(stream) == []  # a closed stream's iterator ends at once


def test_bad_arguments_are_refused(mgm: meslink.Client, sim: Any) -> None:
    with pytest.raises(meslink.InvalidArgumentError, match="transport|variant"):
        mgm.mgm_stream(transport="carrier-pigeon")
    with pytest.raises(meslink.InvalidArgumentError, match="queue_capacity"):
        mgm.mgm_stream(queue_capacity=0)
    with pytest.raises(TypeError):
        mgm.mgm_stream(MACHINES[0])  # one string, not a list
    with pytest.raises(meslink.InvalidArgumentError):
        mgm.mgm_stream([""])
    with meslink.Client({"grading": {"base_url": sim.url, "datasource": "MES01"}}) as other:
        with pytest.raises(meslink.InvalidArgumentError, match="mgm"):
            other.mgm_stream(MACHINES)


def test_close_from_another_thread_ends_the_iteration(mgm: meslink.Client) -> None:
    stream = mgm.mgm_stream(MACHINES[:1])
    first = stream.next(10)
    assert first is not None
    got: List[Any] = []
    closer = threading.Timer(0.3, stream.close)
    closer.start()
    for event in stream:  # blocks with the GIL released until the closer runs
        got.append(event)
    closer.join()
    assert stream.closed


def test_stream_outlives_its_client(sim: Any) -> None:
    client = meslink.Client(mgm_config(sim.url))
    with client.mgm_stream(MACHINES[2:]) as stream:
        client.close()
        assert stream.next(10) is not None
    with pytest.raises(meslink.ClosedError):
        client.mgm_stream(MACHINES)


def test_soak_across_token_expiry(mgm: meslink.Client, sim: Any) -> None:
    """Tokens live 3 s: the stream keeps delivering for SOAK_SECONDS with no caller
    action, and data arrives after every reconnect."""
    sim._request(
        "POST", "/_sim/mgm/tokens", {"access_token_lifetime_ms": 3000, "expire_all": True}
    )
    after: List[int] = [0]  # data events since the start, then since each reconnect
    reconnecting = 0
    with mgm.mgm_stream(
        MACHINES[:2], reconnect_initial_ms=50, reconnect_max_ms=500
    ) as stream:
        end = time.monotonic() + SOAK_SECONDS
        while time.monotonic() < end:
            event = stream.next(1.0)
            if isinstance(event, meslink.ReconnectedEvent):
                assert event.attempt >= 1
                after.append(0)
            elif isinstance(event, meslink.ReconnectingEvent):
                assert event.reason
                reconnecting += 1
            elif isinstance(event, DATA_EVENTS):
                after[-1] += 1
        stats = stream.stats
    reconnects = len(after) - 1
    assert reconnects >= 2, "only %d reconnects in %d s" % (reconnects, SOAK_SECONDS)
    assert reconnecting >= reconnects
    # after[0] may be 0: the token expired just before the stream opened.
    assert all(n > 0 for n in after[1:]), "a reconnect without data after it: %r" % after
    assert stats.reconnects >= reconnects
    assert sim.state()["mgm"]["realtime"]["expiry_closes"] >= 2
