"""Calls release the GIL: other Python threads run while one waits on the network."""

import threading
import time
from typing import Any

import pytest

import meslink

LATENCY_S = 0.2


def test_eight_threads_overlap(client: meslink.Client, sim: Any) -> None:
    client.ate_login()
    sim.faults(latency_ms=int(LATENCY_S * 1000))
    errors = []
    barrier = threading.Barrier(8)

    def work() -> None:
        try:
            barrier.wait()
            assert client.ate_sn_detail_get("1037020031").sn_qty == 928
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(8)]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    assert not errors, errors
    # Serialised, 8 calls would take 8 x 200 ms; overlapped, about one latency.
    assert elapsed < 4 * LATENCY_S, elapsed
    assert sim.requests("ate.sn_detail.get") == 8


def test_another_thread_runs_during_a_call(client: meslink.Client, sim: Any) -> None:
    client.ate_login()
    sim.faults(latency_ms=500)
    ticks = 0
    done = threading.Event()

    def count() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0.001)

    t = threading.Thread(target=count)
    t.start()
    try:
        time.sleep(0.02)
        before = ticks
        client.ate_sn_detail_get("1037020031")
        during = ticks - before
    finally:
        done.set()
        t.join()
    # Holding the GIL for 500 ms would freeze the counter entirely.
    assert during > 50, during


def test_close_while_another_thread_calls(client: meslink.Client, sim: Any) -> None:
    client.ate_login()
    sim.faults(latency_ms=300)
    result = {}

    def work() -> None:
        try:
            result["ok"] = client.ate_sn_detail_get("1037020031").sn_qty
        except meslink.MeslinkError as e:
            result["error"] = e

    t = threading.Thread(target=work)
    t.start()
    time.sleep(0.1)
    client.close()
    t.join()
    # The call in flight finishes; later ones are refused.
    assert result == {"ok": 928}
    try:
        client.ate_sn_detail_get("1037020031")
    except meslink.ClosedError:
        pass
    else:
        raise AssertionError("expected ClosedError")


class Interrupted(Exception):
    pass


@pytest.mark.parametrize("how", ["call", "batch"])
def test_ctrl_c_interrupts_a_waiting_call(client: meslink.Client, sim: Any, how: str) -> None:
    import signal

    assert threading.current_thread() is threading.main_thread()
    client.ate_login()
    sim.faults(latency_ms=5000)

    def on_sigint(signum: int, frame: Any) -> None:
        raise Interrupted()

    previous = signal.signal(signal.SIGINT, on_sigint)
    main = threading.main_thread().ident
    assert main is not None
    timer = threading.Timer(0.3, lambda: signal.pthread_kill(main, signal.SIGINT))
    try:
        timer.start()
        start = time.monotonic()
        try:
            if how == "call":
                client.ate_sn_detail_get("1037020031")
            else:
                # A blocking batch runs on this thread's own event loop too.
                client.call_batch("ate.sn_detail.get", [{"work_order": "1037020031"}] * 4, 2)
        except Interrupted:
            pass
        else:
            raise AssertionError("the call was not interrupted")
        elapsed = time.monotonic() - start
    finally:
        timer.cancel()
        signal.signal(signal.SIGINT, previous)
    # Without the signal check the call would wait out the 5 s latency.
    assert elapsed < 2.0, elapsed
    sim.faults(latency_ms=0)
    assert client.ate_sn_detail_get("1037020031").sn_qty == 928
