"""meslink.AsyncClient against the simulator: typed coroutines, gather, real
cancellation (the simulator never answers a cancelled request and its connection is
closed), cancel_all, errors, log records, the energy groups, streams and the spool.

Plain pytest: each test runs its own event loop with asyncio.run."""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from typing import Any, Dict

import pytest

import meslink
from conftest import Sim

WO = "1037020031"
ROUTE = "ate.sn_detail.get"


def _settled_connections(sim: Sim) -> int:
    """The simulator's open connections once the control requests' own are gone."""
    return min(sim.state()["connections"] for _ in range(5) if time.sleep(0.03) is None)


def test_typed_coroutines_answer_models(sim: Sim, config: Dict[str, Any]) -> None:
    async def main() -> Any:
        async with meslink.AsyncClient(config) as client:
            detail = await client.ate_sn_detail_get(WO)
            raw = await client.call(ROUTE, {"work_order": WO})
            return detail, raw, client.stats()

    detail, raw, stats = asyncio.run(main())
    assert isinstance(detail, meslink.SnDetail)
    assert detail.serial_number == raw["SERIAL_NUMBER"]
    assert stats["calls"] == 2 and stats["logins"] == 1


def test_gather_of_200_calls(sim: Sim, config: Dict[str, Any]) -> None:
    threads_before = threading.active_count()

    async def main() -> Any:
        async with meslink.AsyncClient(config) as client:
            return await asyncio.gather(*(client.ate_sn_detail_get(WO) for _ in range(200)))

    details = asyncio.run(main())
    assert len(details) == 200 and len({d.serial_number for d in details}) == 1
    assert sim.requests(ROUTE) == 200
    # No thread per call: at most the one notifier thread (and the log reader) appear.
    assert threading.active_count() <= threads_before + 2


def test_cancelled_task_aborts_the_request(sim: Sim, config: Dict[str, Any]) -> None:
    async def main() -> None:
        async with meslink.AsyncClient(config) as client:
            await client.ate_sn_detail_get(WO)  # logged in, one pooled connection
            sim.faults(latency_ms=1500)
            before = sim.state()
            connections = _settled_connections(sim)
            task = asyncio.ensure_future(client.ate_sn_detail_get(WO))
            await asyncio.sleep(0.2)
            started = time.monotonic()
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            assert time.monotonic() - started < 1.0
            # Abandoned by the simulator, never answered; its connection closed.
            for _ in range(100):
                if sim.state()["abandoned"].get(ROUTE, 0) > before["abandoned"].get(ROUTE, 0):
                    break
                await asyncio.sleep(0.02)
            await asyncio.sleep(1.6)
            after = sim.state()
            assert after["abandoned"].get(ROUTE, 0) == before["abandoned"].get(ROUTE, 0) + 1
            assert after["answered"].get(ROUTE, 0) == before["answered"].get(ROUTE, 0)
            assert _settled_connections(sim) == connections - 1
            sim.faults(latency_ms=0)
            # The client goes on.
            assert (await client.ate_sn_detail_get(WO)).serial_number
            others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            assert others == []

    asyncio.run(main())


def test_wait_for_timeout_cancels(sim: Sim, config: Dict[str, Any]) -> None:
    async def main() -> None:
        async with meslink.AsyncClient(config) as client:
            await client.ate_sn_detail_get(WO)
            sim.faults(latency_ms=1000)
            with pytest.raises(asyncio.TimeoutError):
                await asyncio.wait_for(client.ate_sn_detail_get(WO), 0.2)

    asyncio.run(main())
    sim.faults(latency_ms=0)
    time.sleep(1.0)
    assert sim.state()["abandoned"].get(ROUTE, 0) == 1


def test_cancel_all_ends_async_and_blocking_calls(sim: Sim, config: Dict[str, Any]) -> None:
    async def main() -> Any:
        async with meslink.AsyncClient(config) as client:
            await client.ate_sn_detail_get(WO)
            sim.faults(latency_ms=2000)
            blocking: Dict[str, Any] = {}

            def call_blocking() -> None:
                try:
                    client.sync.ate_sn_detail_get(WO)
                except meslink.MeslinkError as e:
                    blocking["error"] = e

            thread = threading.Thread(target=call_blocking)
            thread.start()
            task = asyncio.ensure_future(client.ate_sn_detail_get(WO))
            await asyncio.sleep(0.2)
            client.cancel_all()
            with pytest.raises(meslink.CancelledCallError) as info:
                await task
            await asyncio.get_running_loop().run_in_executor(None, thread.join)
            sim.faults(latency_ms=0)
            assert (await client.ate_sn_detail_get(WO)).serial_number
            return info.value, blocking.get("error")

    async_error, blocking_error = asyncio.run(main())
    assert async_error.kind == "cancelled" and async_error.call == ROUTE
    assert isinstance(blocking_error, meslink.CancelledCallError)


def test_errors_are_raised_in_the_awaiting_task(sim: Sim, config: Dict[str, Any], make_config: Any) -> None:
    async def main() -> None:
        async with meslink.AsyncClient(config) as client:
            with pytest.raises(meslink.BusinessError):
                await client.ate_sn_detail_upload(WO, "NOT-A-VALID-SN")
            # Refused before anything starts: raised by the call itself.
            with pytest.raises(meslink.InvalidArgumentError):
                await client.call("ate.nope", {})
            with pytest.raises(meslink.InvalidArgumentError):
                await client.call(ROUTE, {})
        async with meslink.AsyncClient(make_config(password="wrong")) as bad:
            with pytest.raises(meslink.AuthError) as info:
                await bad.ate_sn_detail_get(WO)
            assert info.value.call == ROUTE
        with pytest.raises(meslink.ClosedError):
            await client.ate_sn_detail_get(WO)

    asyncio.run(main())


def test_log_records_of_async_calls(sim: Sim, config: Dict[str, Any], caplog: Any) -> None:
    caplog.set_level(logging.INFO, logger="meslink")

    async def main() -> None:
        async with meslink.AsyncClient(config) as client:
            await client.ate_sn_detail_get(WO)
            caplog.clear()
            sim.faults(fail_next_503=1)
            sim.expire_tokens()
            await client.ate_sn_detail_get(WO)

    asyncio.run(main())
    messages = [r.getMessage() for r in caplog.records if r.name.startswith("meslink")]
    assert any("retrying" in m for m in messages), messages
    assert any("logging in again" in m for m in messages), messages
    assert not any("Windows123." in m for m in messages)


def test_energy_groups_and_pages(sim: Sim) -> None:
    cfg = {"energy": {"base_url": sim.url, "username": "admin", "password": "admin123"}}

    async def main() -> Any:
        async with meslink.AsyncClient(cfg) as client:
            first = await client.energy.meters.list(per_page_counts=1, page_counts=1)
            every = [m async for m in client.energy.meters.list_all(per_page=1)]
            return first, every, client.sync.energy.meters.list_all(per_page=1)

    first, every, blocking = asyncio.run(main())
    assert isinstance(first, dict)
    assert every == list(blocking) and len(every) >= 1


def test_async_stream(sim: Sim) -> None:
    from conftest import mgm_config

    machine = "8wCxAAAAAAABAAA="

    async def main() -> Any:
        async with meslink.AsyncClient(mgm_config(sim.url)) as client:
            async with client.mgm_stream([machine]) as stream:
                async for event in stream:
                    if isinstance(event, meslink.StatusEvent):
                        return event
        return None

    event = asyncio.run(asyncio.wait_for(main(), 30))
    assert event is not None and event.machine_id == machine


def test_async_transfer(sim: Sim, tmp_path: Any) -> None:
    """``async for`` reports each change of a transfer once, the final progress last;
    ``await`` answers the final progress; cancelling the awaiting task cancels it."""
    from conftest import mgm_config

    machine = "8wCxAAAAAAABAAA="
    program = tmp_path / "part-0001.nc"
    program.write_bytes(os.urandom(1536 * 1024 + 123))

    async def main() -> Any:
        async with meslink.AsyncClient(mgm_config(sim.url)) as client:
            transfer = client.mgm_transfer(program, cloud_path="/nc", machine_id=machine)
            updates = [p async for p in transfer]
            done = await transfer
            stopped = client.mgm_transfer(
                program, cloud_path="/nc", machine_id=machine, file_name="stopped.nc"
            )
            waiting = asyncio.ensure_future(stopped.wait())
            await asyncio.sleep(0)
            waiting.cancel()
            with pytest.raises(asyncio.CancelledError):
                await waiting
            return updates, done, stopped

    updates, done, stopped = asyncio.run(asyncio.wait_for(main(), 30))
    assert done.finished and done.sent == done.total == program.stat().st_size
    assert done.request_id and updates[-1] == done
    keys = [(p.sent, p.total, p.finished) for p in updates]
    assert len(set(keys)) == len(keys), keys
    with pytest.raises(meslink.ClosedError):
        stopped.sync.wait(10)


def test_max_concurrent_calls_bounds_the_calls_on_the_wire(sim: Sim, make_config: Any) -> None:
    async def main() -> Any:
        async with meslink.AsyncClient(make_config(max_concurrent_calls=4)) as client:
            await client.ate_sn_detail_get(WO)
            sim.faults(latency_ms=50)
            return await asyncio.gather(*(client.ate_sn_detail_get(WO) for _ in range(40)))

    details = asyncio.run(main())
    assert len(details) == 40
    # The simulator saw at most four requests at once (and more than one: they overlap).
    peak = sim.state()["in_flight_max"]
    assert 2 <= peak <= 4, peak
    with pytest.raises(meslink.InvalidArgumentError, match="max_concurrent_calls"):
        meslink.AsyncClient(make_config(max_concurrent_calls=0))
