"""The live machine stream of the machine-tool IoT platform (``mgm.realtime``).

Open one with :meth:`meslink.Client.mgm_stream`::

    with client.mgm_stream(machines=["8wCxAAAAAAABAAA="]) as stream:
        for event in stream:
            if isinstance(event, meslink.StatusEvent):
                print(event.machine_id, event.status)

The stream reconnects by itself (a token expiry, a dropped connection): the loop sees a
:class:`ReconnectingEvent` and a :class:`ReconnectedEvent` between the data and never
ends unless the stream is closed.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any, Dict, Iterable, Iterator, List, Optional, Union

from . import _native
from ._handle import NativeHandle
from .errors import ClosedError

__all__ = [
    "Stream",
    "StreamEvent",
    "StatusEvent",
    "SnapshotEvent",
    "DeltaEvent",
    "NoticeEvent",
    "ReconnectingEvent",
    "ReconnectedEvent",
    "StreamStats",
]


@dataclasses.dataclass(frozen=True)
class StatusEvent:
    """A machine's state: ``raw`` is the server's message ``{status, status_time,
    machine_id}`` plus the alarm fields when the machine is in alarm."""

    machine_id: str
    raw: Dict[str, Any]

    @property
    def status(self) -> Any:
        return self.raw.get("status")

    @property
    def status_time(self) -> Any:
        return self.raw.get("status_time")


@dataclasses.dataclass(frozen=True)
class SnapshotEvent:
    """The full axis / spindle / program record of a machine (``raw`` has ``id``)."""

    machine_id: str
    raw: Dict[str, Any]


@dataclasses.dataclass(frozen=True)
class DeltaEvent:
    """A partial change of a machine's record (``raw`` has ``id`` and the changed fields)."""

    machine_id: str
    raw: Dict[str, Any]


@dataclasses.dataclass(frozen=True)
class NoticeEvent:
    """Any other server message, e.g. the token-expiry notice before the server closes."""

    raw: Any


@dataclasses.dataclass(frozen=True)
class ReconnectingEvent:
    """The connection ended (``reason``); attempt ``attempt`` to restore it starts.
    ``raw`` is the event as the core reports it."""

    attempt: int
    reason: str
    raw: Dict[str, Any]


@dataclasses.dataclass(frozen=True)
class ReconnectedEvent:
    """Attempt ``attempt`` succeeded: every machine is subscribed again, data follows."""

    attempt: int
    raw: Dict[str, Any]


StreamEvent = Union[
    StatusEvent, SnapshotEvent, DeltaEvent, NoticeEvent, ReconnectingEvent, ReconnectedEvent
]

_MACHINE_EVENTS = {"status": StatusEvent, "snapshot": SnapshotEvent, "delta": DeltaEvent}


def _event(text: str) -> StreamEvent:
    """The typed event of the core's JSON ``{"type", "machine_id"?, "data"?, ...}``."""
    e: Dict[str, Any] = json.loads(text)
    kind = e.get("type")
    machine_event = _MACHINE_EVENTS.get(kind)  # type: ignore[arg-type]
    if machine_event is not None:
        return machine_event(machine_id=e["machine_id"], raw=e["data"])
    if kind == "reconnecting":
        return ReconnectingEvent(attempt=int(e["attempt"]), reason=str(e.get("reason", "")), raw=e)
    if kind == "reconnected":
        return ReconnectedEvent(attempt=int(e["attempt"]), raw=e)
    return NoticeEvent(raw=e.get("data", e))


@dataclasses.dataclass(frozen=True)
class StreamStats:
    #: events handed to the reader
    delivered: int
    #: events discarded because the queue was full (see ``overflow``)
    dropped: int
    #: sessions opened again after a close or a drop
    reconnects: int
    #: events waiting now
    queued: int


class Stream(NativeHandle):
    """A live stream of machine events; an iterator and a context manager.

    Iterating blocks until the next event (the GIL is released meanwhile; Ctrl+C
    interrupts) and stops once the stream is closed, from this thread or another.
    :meth:`next` waits with a timeout instead.
    """

    __slots__ = ("_native",)

    def __init__(self, native: "_native.Stream") -> None:
        self._native = native

    def subscribe(self, *machine_ids: str) -> None:
        """Follows these machines from now on (remembered across reconnects; a machine
        already followed is not followed twice)."""
        for machine_id in machine_ids:
            self._native.subscribe(machine_id)

    @property
    def machines(self) -> List[str]:
        return list(self._native.machines())

    def next(self, timeout: Optional[float] = None) -> Optional[StreamEvent]:
        """The next event, waiting up to ``timeout`` seconds (``None``: until one comes;
        0: no wait); ``None`` when none came in time. Raises :class:`~meslink.ClosedError`
        once the stream is closed."""
        text = self._native.next(timeout)
        return None if text is None else _event(text)

    def __iter__(self) -> Iterator[StreamEvent]:
        return self

    def __next__(self) -> StreamEvent:
        try:
            event = self.next()
        except ClosedError:
            raise StopIteration from None
        assert event is not None  # no timeout: only an event or ClosedError
        return event

    @property
    def stats(self) -> StreamStats:
        return StreamStats(**json.loads(self._native.stats()))

    def close(self) -> None:
        """Disconnects; waiting readers stop (iterators end, :meth:`next` raises
        :class:`~meslink.ClosedError`). Idempotent."""
        self._native.close()

    def __repr__(self) -> str:
        state = "closed" if self.closed else "open"
        return "<meslink.Stream %s machines=%s>" % (state, self.machines)


def _options(
    transport: Optional[str],
    queue_capacity: Optional[int],
    overflow: Optional[str],
    reconnect_initial_ms: Optional[int],
    reconnect_max_ms: Optional[int],
) -> str:
    options = {
        "transport": transport,
        "queue_capacity": queue_capacity,
        "overflow": overflow,
        "reconnect_initial_ms": reconnect_initial_ms,
        "reconnect_max_ms": reconnect_max_ms,
    }
    return json.dumps({k: v for k, v in options.items() if v is not None})


def _open(
    client_native: "_native.Client",
    machines: Iterable[str],
    **options: Any,
) -> Stream:
    if isinstance(machines, str):
        raise TypeError("machines must be a list of machine ids, not one string")
    stream = Stream(_native.Stream(client_native, _options(**options)))
    try:
        stream.subscribe(*machines)
    except BaseException:
        stream.close()
        raise
    return stream
