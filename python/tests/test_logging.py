"""meslink's log records on the standard logging loggers: a retry and a re-login seen by
caplog from a call against the simulator with faults on, with call id, client id and the
per-server logger; setLevel alone turning them on and off; no password or token in any
record at TRACE level; a handler that raises or calls meslink itself never breaks a call;
a process that logged exits cleanly."""

from __future__ import annotations

import logging
import re
from typing import Any, Dict, List

import pytest

import meslink
from conftest import MGM_APP_SECRET, PASSWORD, Sim

WO = "1037020031"


@pytest.fixture(autouse=True)
def quiet_meslink() -> Any:
    """Every test starts and ends with meslink's loggers at their defaults."""
    for name in ("meslink", "meslink.ate"):
        logging.getLogger(name).setLevel(logging.NOTSET)
    yield
    for name in ("meslink", "meslink.ate"):
        logging.getLogger(name).setLevel(logging.NOTSET)


def test_caplog_sees_a_retry_and_a_relogin(sim: Sim, config: Dict[str, Any], caplog: Any) -> None:
    caplog.set_level(logging.INFO, logger="meslink")
    with meslink.Client(config) as client:
        client.ate_sn_detail_get(WO)  # logged in
        caplog.clear()
        sim.faults(fail_next_503=1)
        sim.expire_tokens()
        client.ate_sn_detail_get(WO)
    records = [r for r in caplog.records if r.name.startswith("meslink")]
    retry = [r for r in records if r.getMessage().startswith("retrying")]
    relogin = [r for r in records if "logging in again" in r.getMessage()]
    assert retry, [r.getMessage() for r in records]
    assert relogin, [r.getMessage() for r in records]
    for r in retry + relogin:
        assert r.name == "meslink.ate"
        assert r.levelno == logging.INFO
        assert r.call_id == "ate.sn_detail.get"  # type: ignore[attr-defined]
        assert isinstance(r.client_id, int)  # type: ignore[attr-defined]
    assert not [r for r in records if r.levelno < logging.INFO]


def test_set_level_alone_turns_records_on_and_off(sim: Sim, config: Dict[str, Any]) -> None:
    seen: List[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record)

    handler = Keep(level=1)
    logger = logging.getLogger("meslink")
    logger.addHandler(handler)
    try:
        with meslink.Client(config) as client:
            logger.setLevel(logging.WARNING)
            sim.faults(fail_next_503=1)
            client.ate_sn_detail_get(WO)
            assert seen == []
            logger.setLevel(logging.DEBUG)
            client.ate_sn_detail_get(WO)
            assert any(r.levelno == logging.DEBUG and r.getMessage().startswith("answer") for r in seen)
            # A child's own level counts too.
            logger.setLevel(logging.WARNING)
            logging.getLogger("meslink.ate").setLevel(logging.INFO)
            seen.clear()
            sim.faults(fail_next_503=1)
            client.ate_sn_detail_get(WO)
            assert any(r.getMessage().startswith("retrying") for r in seen)
            assert all(r.levelno >= logging.INFO for r in seen)
    finally:
        logger.removeHandler(handler)


def test_no_secret_in_any_record_at_trace(sim: Sim, config: Dict[str, Any], caplog: Any) -> None:
    caplog.set_level(meslink.TRACE, logger="meslink")
    wrong = "wrong-pass-9Z"
    bad = dict(config, ate=dict(config["ate"], password=wrong))
    with meslink.Client(config) as client, meslink.Client(bad) as refused:
        client.ate_sn_detail_get(WO)
        sim.expire_tokens()
        sim.faults(fail_next_503=1)
        client.ate_sn_detail_get(WO)
        with pytest.raises(meslink.AuthError):
            refused.ate_sn_detail_get(WO)
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert len(caplog.records) >= 4, text
    for secret in (PASSWORD, wrong, MGM_APP_SECRET):
        assert secret not in text
    assert not re.search(r"eyJ[A-Za-z0-9_-]{10,}", text), text


def test_a_handler_that_raises_or_calls_meslink(sim: Sim, config: Dict[str, Any]) -> None:
    calls: List[str] = []

    with meslink.Client(config) as client:

        class Nasty(logging.Handler):
            def emit(self, record: logging.LogRecord) -> None:
                calls.append(record.getMessage())
                if len(calls) == 1:
                    client.ate_sn_detail_get(WO)  # meslink from inside a handler
                raise RuntimeError("a broken handler")

            def handleError(self, record: logging.LogRecord) -> None:
                pass  # logging's own report, silenced for the test

        class Raw(logging.Filter):
            def filter(self, record: logging.LogRecord) -> bool:
                raise ValueError("a broken filter")

        logger = logging.getLogger("meslink")
        logger.setLevel(logging.DEBUG)
        handler = Nasty()
        logger.addHandler(handler)
        try:
            sim.faults(fail_next_503=1)
            assert client.ate_sn_detail_get(WO) is not None
            assert calls
            broken = Raw()
            logger.addFilter(broken)
            client.ate_sn_detail_get(WO)
            logger.removeFilter(broken)
        finally:
            logger.removeHandler(handler)


def test_the_reader_thread_stops_at_exit(sim: Sim, config: Dict[str, Any]) -> None:
    """A process that logged exits cleanly: its reader thread is stopped before the
    interpreter finalizes (one torn down inside the core would abort the process)."""
    import json
    import subprocess
    import sys

    script = (
        "import json, logging, sys, time, meslink, meslink._log as log\n"
        "logging.getLogger('meslink').setLevel(logging.DEBUG)\n"
        "c = meslink.Client(json.loads(sys.argv[1]))\n"
        "c.ate_sn_detail_get('1037020031')\n"
        "assert log._state['reader'].is_alive()\n"
        "time.sleep(0.3)\n"
    )
    for _ in range(3):
        done = subprocess.run(
            [sys.executable, "-c", script, json.dumps(config)], capture_output=True, timeout=60
        )
        assert done.returncode == 0, done.stderr.decode(errors="replace")
        assert b"FATAL" not in done.stderr
