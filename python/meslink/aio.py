"""meslink for asyncio: :class:`AsyncClient`.

Every typed method of :class:`meslink.Client` is a coroutine here, with the same name,
arguments and answer (generated from the same catalog)::

    async with meslink.AsyncClient(config) as client:
        order, detail = await asyncio.gather(
            client.ate_sn_detail_get("1037020031"),
            client.trace_query("SN001", "forward"),
        )

A call runs on meslink's own runtime, not on a thread of yours: the event loop is woken
when its answer is there, and a thousand calls in flight cost no thread each.
``task.cancel()`` (or ``asyncio.wait_for``'s timeout) aborts the request in the core:
its connection is closed and the answer never read. The loop's records reach
``logging`` as the blocking client's do.

Streams, transfers and the spool's drain wait on the loop's default executor (one
worker thread while a wait is in progress).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import weakref
from types import TracebackType
from typing import Any, AsyncIterator, Dict, Iterable, List, Mapping, Optional, Type

from . import _log, _native
from ._generated import _AsyncClientCalls
from ._wire import dumps as _dumps
from .client import Client, Config
from .errors import ClosedError
from .spool import Spool
from .stream import Stream, StreamEvent
from .transfer import Transfer, TransferProgress, _ProgressNews

__all__ = ["AsyncClient", "AsyncStream", "AsyncTransfer", "AsyncSpool"]

# How long one executor wait of a stream or transfer lasts before it looks again.
_POLL = 0.25


def _drain_log() -> None:
    """Hands the core's queued log records to ``logging`` (when it listens), on the
    loop's thread as an operation ends."""
    if _log._state["level"]:
        _log._drain()


class _LoopCompletions:
    """The ended operations of one event loop: the loop watches the native completion
    socket (``loop.add_reader``) and, when woken, resolves the futures of every operation
    that ended, on its own thread."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.native = _native.Completions()
        self.waiting: Dict[int, "asyncio.Future[None]"] = {}
        self.tokens = itertools.count(1)
        loop.add_reader(self.native.fileno(), self._wake)

    def _wake(self) -> None:
        _drain_log()
        for token in self.native.take():
            future = self.waiting.pop(token, None)
            if future is not None and not future.done():
                future.set_result(None)


# Per loop; None for a loop that cannot watch a socket (Windows' proactor loop).
_loops: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Optional[_LoopCompletions]]"
_loops = weakref.WeakKeyDictionary()


def _completions(loop: asyncio.AbstractEventLoop) -> Optional[_LoopCompletions]:
    try:
        return _loops[loop]
    except KeyError:
        pass
    try:
        completions: Optional[_LoopCompletions] = _LoopCompletions(loop)
    except (NotImplementedError, OSError, AttributeError):
        completions = None
    _loops[loop] = completions
    return completions


async def _await_op(op: Any) -> str:
    """Waits for a started operation without blocking the loop; cancelling the waiting
    task cancels the operation."""
    loop = asyncio.get_running_loop()
    woken = loop.create_future()
    completions = _completions(loop)
    if completions is not None:
        token = next(completions.tokens)
        completions.waiting[token] = woken
        op.watch(completions.native, token)
    else:
        token = 0

        def wake() -> None:
            _drain_log()
            if not woken.done():
                woken.set_result(None)

        op.notify(loop, wake)
    try:
        await woken
    except BaseException:
        if completions is not None:
            completions.waiting.pop(token, None)
        op.cancel()
        raise
    return str(op.result())


class AsyncClient(_AsyncClientCalls):
    """:class:`meslink.Client` for asyncio: the same configuration, the same calls as
    coroutines. Use ``async with``, or call :meth:`aclose`."""

    __slots__ = ("_client",)

    def __init__(self, config: Config) -> None:
        self._client = Client(config)

    @property
    def sync(self) -> Client:
        """The blocking client behind it (same connections, tokens and statistics), for
        code that is not async."""
        return self._client

    # -- lifetime -------------------------------------------------------------------

    async def __aenter__(self) -> "AsyncClient":
        return self

    async def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Closes the client (never blocks). Idempotent; later calls raise
        :class:`~meslink.ClosedError`. Calls in flight finish."""
        self._client.close()

    @property
    def closed(self) -> bool:
        return self._client.closed

    def __repr__(self) -> str:
        return "<meslink.AsyncClient %s>" % self._client._native.describe()

    def stats(self) -> Dict[str, Any]:
        """The client's statistics (:meth:`meslink.Client.stats`)."""
        return self._client.stats()

    def cancel_all(self) -> None:
        """Cancels every call of this client in flight, async and blocking alike: each
        raises :class:`~meslink.CancelledCallError` (a task cancelled this way is not
        itself cancelled)."""
        self._client._native.cancel_all()

    # -- calls ----------------------------------------------------------------------

    async def _start(
        self, id: str, params: Optional[Mapping[str, Any]], mode: str, per_page: int = 100
    ) -> Any:
        text = None if params is None else _dumps(params, "the parameters")
        _log._sync()
        op = self._client._native.start(id, text, mode, per_page)
        return json.loads(await _await_op(op))

    async def call(self, id: str, params: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
        """:meth:`meslink.Client.call` as a coroutine."""
        result: Dict[str, Any] = await self._start(id, params, "call")
        return result

    async def call_all_pages(
        self, id: str, params: Optional[Mapping[str, Any]] = None, per_page: int = 100
    ) -> List[Any]:
        """:meth:`meslink.Client.call_all_pages` as a coroutine."""
        result: List[Any] = await self._start(id, params, "pages", per_page)
        return result

    async def _call_typed(self, id: str, params: Optional[Mapping[str, Any]] = None) -> Any:
        return await self._start(id, params, "typed")

    async def _pages(self, id: str, params: Dict[str, Any], per_page: int) -> AsyncIterator[Any]:
        for item in await self.call_all_pages(id, params, per_page):
            yield item

    # -- streams, transfers, the spool -----------------------------------------------

    def mgm_stream(self, machines: Iterable[str] = (), **options: Any) -> "AsyncStream":
        """:meth:`meslink.Client.mgm_stream` for ``async for`` (it connects before it
        returns, as the blocking one does)."""
        return AsyncStream(self._client.mgm_stream(machines, **options))

    def mgm_transfer(self, path: Any, **fields: Any) -> "AsyncTransfer":
        """:meth:`meslink.Client.mgm_transfer`: ``await`` it for the final progress, or
        ``async for`` its progress."""
        return AsyncTransfer(self._client.mgm_transfer(path, **fields))

    @property
    def spool(self) -> "AsyncSpool":
        """The spool (:class:`meslink.Spool`) with an awaitable :meth:`AsyncSpool.drain`."""
        return AsyncSpool(self._client)


class AsyncStream:
    """A live stream for ``async for``; ``async with`` closes it."""

    __slots__ = ("_stream",)

    def __init__(self, stream: Stream) -> None:
        self._stream = stream

    @property
    def sync(self) -> Stream:
        return self._stream

    def subscribe(self, *machine_ids: str) -> None:
        self._stream.subscribe(*machine_ids)

    async def next(self, timeout: Optional[float] = None) -> Optional[StreamEvent]:
        """The next event, waiting up to ``timeout`` seconds (``None``: until one comes);
        ``None`` when none came in time. Raises :class:`~meslink.ClosedError` once closed."""
        event = self._stream.next(0)
        if event is not None or timeout == 0:
            return event
        loop = asyncio.get_running_loop()
        deadline = None if timeout is None else loop.time() + timeout
        while True:
            wait = _POLL if deadline is None else max(0.0, min(_POLL, deadline - loop.time()))
            event = await loop.run_in_executor(None, self._stream.next, wait)
            if event is not None or (deadline is not None and loop.time() >= deadline):
                return event

    def __aiter__(self) -> "AsyncStream":
        return self

    async def __anext__(self) -> StreamEvent:
        try:
            event = await self.next()
        except ClosedError:
            raise StopAsyncIteration from None
        assert event is not None
        return event

    def close(self) -> None:
        self._stream.close()

    @property
    def stats(self) -> Any:
        return self._stream.stats

    async def __aenter__(self) -> "AsyncStream":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        self.close()


class AsyncTransfer:
    """A file transfer: ``await transfer`` answers the final progress (raising the
    transfer's error); ``async for progress in transfer`` follows it; cancelling the
    awaiting task cancels the transfer."""

    __slots__ = ("_transfer",)

    def __init__(self, transfer: Transfer) -> None:
        self._transfer = transfer

    @property
    def sync(self) -> Transfer:
        return self._transfer

    @property
    def progress(self) -> TransferProgress:
        return self._transfer.progress

    def cancel(self) -> None:
        self._transfer.cancel()

    async def _wait_a_while(self) -> Optional[TransferProgress]:
        """One wait of up to ``_POLL`` on the default executor: the final progress, or
        ``None`` while the transfer runs. Cancelling the awaiting task cancels the
        transfer."""
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(None, self._transfer.wait, _POLL)
        except asyncio.CancelledError:
            self._transfer.cancel()
            raise

    async def wait(self) -> TransferProgress:
        while True:
            done = await self._wait_a_while()
            if done is not None:
                return done

    def __await__(self) -> Any:
        return self.wait().__await__()

    async def __aiter__(self) -> AsyncIterator[TransferProgress]:
        news = _ProgressNews(self._transfer)
        while True:
            done = await self._wait_a_while()
            now = news.after(done)
            if now is not None:
                yield now
            if done is not None:
                return


class AsyncSpool:
    """The spool of an :class:`AsyncClient`: as :class:`meslink.Spool` (its methods do
    not touch the network and return at once), with :meth:`drain` awaitable."""

    __slots__ = ("_spool",)

    def __init__(self, client: Client) -> None:
        self._spool = Spool(client)

    def enqueue(self, id: str, params: Optional[Mapping[str, Any]] = None) -> int:
        return self._spool.enqueue(id, params)

    def status(self) -> Dict[str, int]:
        return self._spool.status()

    def list(self, which: str = "pending", limit: int = 100) -> List[Dict[str, Any]]:
        return self._spool.list(which, limit)

    def retry(self, seq: int) -> str:
        return self._spool.retry(seq)

    def discard(self, seq: int) -> str:
        return self._spool.discard(seq)

    async def drain(self, timeout: float) -> bool:
        """Waits up to ``timeout`` seconds for nothing to be pending or parked, without
        blocking the loop; True when nothing is."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, self._spool.drain, float(timeout))

