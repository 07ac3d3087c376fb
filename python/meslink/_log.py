"""meslink's log records on the standard :mod:`logging` loggers.

Records arrive on the logger ``meslink`` and its children per server or part:
``meslink.ate``, ``meslink.grading``, ``meslink.trace``, ``meslink.mgm``,
``meslink.energy``, ``meslink.spool``, ``meslink.tls``, ``meslink.transport``. Levels:
the core's ERROR, WARN, INFO and DEBUG are :data:`logging.ERROR`, ``WARNING``, ``INFO``
and ``DEBUG``; TRACE is :data:`TRACE` (5). Each record carries ``call_id`` (the call id,
or None), ``client_id`` (the client's number, or None) and ``dropped`` (records dropped
just before it because 4096 were waiting).

The core formats only what some ``meslink`` logger wants: the loggers' levels are read
before every call (and four times a second by the reader thread), so
``logging.getLogger("meslink").setLevel(logging.DEBUG)`` takes effect with no
environment variable. The records a call logs are handed to ``logging`` on the caller's
thread before the call returns; records of background work (the spool's forwarder,
streams) by a daemon thread named ``meslink-log``, stopped at exit. A handler that raises is reported the
way :mod:`logging` reports it and never breaks a call; a handler that calls meslink
itself is not re-entered (the records of that call follow afterwards).
"""

from __future__ import annotations

import atexit
import logging
import os
import threading
from typing import Any, Dict, List, Optional, Tuple

from . import _native

__all__ = ["TRACE"]

#: The level of the core's TRACE records (below DEBUG).
TRACE = 5
logging.addLevelName(TRACE, "TRACE")

_PY_LEVEL = {1: logging.ERROR, 2: logging.WARNING, 3: logging.INFO, 4: logging.DEBUG, 5: TRACE}
_PARTS = ("ate", "grading", "trace", "mgm", "energy", "spool", "tls", "transport", "batch")

_root = logging.getLogger("meslink")
_children = [logging.getLogger("meslink." + p) for p in _PARTS]
_loggers: Dict[str, logging.Logger] = {lg.name: lg for lg in [_root] + _children}

_lock = threading.RLock()
_local = threading.local()
_state: Dict[str, Any] = {"level": -1, "reader": None, "stopping": False}
#: How long the reader waits for records per round: also how soon it notices the exit.
_READER_WAIT_S = 0.25


def _native_level(py_level: int) -> int:
    """The most verbose core level (0 off, 1 error ... 5 trace) a Python level lets through."""
    for limit, level in ((TRACE, 5), (logging.DEBUG, 4), (logging.INFO, 3), (logging.WARNING, 2), (logging.ERROR, 1)):
        if py_level <= limit:
            return level
    return 0


def _wanted() -> int:
    """The most verbose level any meslink logger wants: ``meslink``'s effective level, or a
    child's own level when it is set lower."""
    level = _root.getEffectiveLevel()
    for child in _children:
        if child.level and child.level < level:
            level = child.level
    disabled = logging.root.manager.disable
    if disabled >= level:
        level = disabled + 1
    return _native_level(level)


def _sync() -> None:
    """Sets the core's level from the loggers'; starts the reader thread when needed."""
    level = _wanted()
    if level != _state["level"]:
        _native.log_set_level(level)
        _state["level"] = level
    if level and _state["reader"] is None and not _state["stopping"]:
        reader = threading.Thread(target=_read_forever, name="meslink-log", daemon=True)
        _state["reader"] = reader
        reader.start()


def _drain() -> None:
    """Emits every queued record, unless this thread is emitting already (a handler that
    called meslink): then its records wait for the emission in progress.

    Another thread emitting meanwhile is waited for (so a call's records are out when it
    returns), but at most a second: a handler that blocks on this thread cannot hang it;
    the records then go out with the other thread's or the reader's next round."""
    if getattr(_local, "emitting", False):
        return
    if not _lock.acquire(timeout=1.0):
        return
    _local.emitting = True
    try:
        while True:
            batch: List[Tuple[int, str, str, Optional[str], Optional[int], float, int]]
            batch = _native.log_take(256)
            if not batch:
                break
            for item in batch:
                _emit(*item)
    finally:
        _local.emitting = False
        _lock.release()


def _emit(
    level: int, target: str, message: str, call: Optional[str], client: Optional[int], created: float, dropped: int
) -> None:
    logger = _loggers.get(target)
    if logger is None:
        logger = _loggers.setdefault(target, logging.getLogger(target))
    py_level = _PY_LEVEL.get(level, logging.ERROR)
    try:
        if not logger.isEnabledFor(py_level):
            return
        record = logger.makeRecord(
            logger.name,
            py_level,
            "(meslink)",
            0,
            message,
            (),
            None,
            extra={"call_id": call, "client_id": client, "dropped": dropped},
        )
        record.created = created
        record.msecs = (created - int(created)) * 1000
        logger.handle(record)
    except Exception:  # noqa: BLE001 - a broken filter or handler never breaks a call
        pass


def _read_forever() -> None:
    while not _state["stopping"]:
        try:
            if _native.log_wait(_READER_WAIT_S):
                _drain()
            _sync()
        except Exception:  # noqa: BLE001 - the reader outlives any broken handler
            pass


def _stop_reader() -> None:
    """At exit: the reader ends its round and stops before the interpreter finalizes (a
    daemon thread still waiting in the core then would be torn down inside Rust code)."""
    _state["stopping"] = True
    reader = _state["reader"]
    if reader is not None and reader is not threading.current_thread():
        reader.join(timeout=2 * _READER_WAIT_S + 1.0)
    _drain()


atexit.register(_stop_reader)


def _forget_reader() -> None:
    # A forked child has no reader thread; the next call starts one.
    _state["reader"] = None


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_reader)
