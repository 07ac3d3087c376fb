"""The client."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Optional, Union

from . import _native
from ._handle import NativeHandle
from .errors import InvalidArgumentError, MeslinkError
from ._generated import _ClientCalls
from ._wire import dumps as _dumps
from .stream import Stream
from .stream import _open as _open_stream
from .transfer import Transfer
from .transfer import _start as _start_transfer

if TYPE_CHECKING:
    from .spool import Spool

__all__ = ["Client"]

Config = Union[Mapping[str, Any], str]


class Client(NativeHandle, _ClientCalls):
    """A connection to the plant's MES servers.

    ``config`` is the client configuration as a dict or JSON text::

        {
          "ate":     {"base_url": "https://epms.example.com", "emp_no": "ate", "password": "..."},
          "grading": {"base_url": "http://mes.example.com:8080", "datasource": "MES01"},
          "timeout_ms": 30000,
          "retry": {"max_attempts": 4, "initial_backoff_ms": 100, "max_backoff_ms": 2000}
        }

    Logging in, token renewal and retries of transient failures happen inside. Every
    call releases the GIL while it waits on the network, and one client may be used
    from many threads at once. Use it as a context manager, or call :meth:`close`.
    """

    __slots__ = ("_native",)

    def __init__(self, config: Config) -> None:
        if isinstance(config, str):
            text = config
        elif isinstance(config, Mapping):
            text = _dumps(dict(config), "the configuration")
        else:
            raise TypeError(
                "config must be a dict or JSON text, not %s" % type(config).__name__
            )
        self._native = _native.Client(text)

    # -- lifetime -------------------------------------------------------------------

    def close(self) -> None:
        """Closes the client's connections and forgets its tokens. Idempotent; later
        calls raise :class:`~meslink.ClosedError`. Calls in flight on other threads finish."""
        self._native.close()

    def __repr__(self) -> str:
        return "<meslink.Client %s>" % self._native.describe()

    def stats(self) -> Dict[str, Any]:
        """The client's statistics since it was opened::

            {"calls": 120, "errors": {"business": 2}, "retries": 4, "logins": 1,
             "token_refreshes": 0, "reconnects": 0, "bytes_sent": 15360,
             "bytes_received": 98304,
             "by_call": {"ate.sn_detail.get": {"calls": 100, "errors": 0,
                                               "p50_ms": 1.8, "p99_ms": 12.5}}}

        ``calls``: finished calls (named, generic, batch and spooled alike) and ``errors``
        their count by kind; ``retries``: requests repeated after a transient failure;
        ``logins``: login and new-token requests answered; ``reconnects``: of live streams;
        bytes of HTTP bodies; per call id the latency percentiles in milliseconds over its
        newest 1,024 calls. Raises :class:`~meslink.ClosedError` once closed."""
        result: Dict[str, Any] = json.loads(self._native.stats())
        return result

    # -- the generic call -----------------------------------------------------------

    def call(self, id: str, params: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
        """Any call of the catalog (:func:`meslink.calls`) by id, parameters named as in
        the server's document; answers the server's JSON. Parameters are checked before
        anything is sent. ``datetime`` values are accepted for date-time parameters."""
        result: Dict[str, Any] = self._native_call(self._native.call_value, id, params)
        return result

    def call_all_pages(
        self, id: str, params: Optional[Mapping[str, Any]] = None, per_page: int = 100
    ) -> List[Any]:
        """Every item of a paged list (the energy platform's ``*.list`` calls with
        ``Per_Page_Counts`` / ``Page_Counts``), fetched page after page until
        ``Total_Numbers`` items are in. ``params`` are the call's other filters."""
        text = None if params is None else _dumps(params, "the parameters")
        result: List[Any] = json.loads(self._native.call_all_pages(id, text, per_page))
        return result

    # -- the store-and-forward spool ------------------------------------------------

    @property
    def spool(self) -> "Spool":
        """The store-and-forward spool of the ``"spool"`` configuration section
        (:class:`meslink.Spool`): ``client.spool.enqueue(id, params)``, ``.status()``,
        ``.list()``, ``.retry(seq)``, ``.discard(seq)``, ``.drain(timeout)``."""
        from .spool import Spool

        return Spool(self)
    def call_batch(
        self,
        id: str,
        params_list: Iterable[Mapping[str, Any]],
        concurrency: int = 8,
    ) -> List[Union[Dict[str, Any], MeslinkError]]:
        """Sends every parameter mapping of ``params_list`` as the call ``id``, at most
        ``concurrency`` requests at a time over the client's connection pool, and answers
        one item per record in the order of the input: the server's JSON, or the record's
        :class:`~meslink.MeslinkError` (returned, not raised; test with ``isinstance``).

        Every record is checked before anything is sent: a bad record gets its own
        :class:`~meslink.InvalidArgumentError` and is not sent, the others are. An
        unknown ``id`` gives every record that error. ``params_list`` that is not a list
        (or other iterable) of mappings raises :class:`~meslink.InvalidArgumentError`.
        The GIL is released while the batch runs."""
        if isinstance(params_list, (str, bytes, Mapping)) or not isinstance(
            params_list, Iterable
        ):
            raise InvalidArgumentError(
                "params_list must be a list of parameter mappings, not %s"
                % type(params_list).__name__
            )
        if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
            raise InvalidArgumentError("concurrency must be a positive int, not %r" % (concurrency,))
        try:
            items: List[Any] = self._native.call_batch_value(id, list(params_list), concurrency)
        except (TypeError, ValueError) as e:
            if isinstance(e, MeslinkError):
                raise
            raise InvalidArgumentError("the batch parameters cannot be sent as JSON: %s" % e) from None
        return items

    # -- typed calls ----------------------------------------------------------------
    # Every request call's typed method (``ate_sn_detail_get``, ``grading_save``,
    # ``trace_query``, ``mgm_organization``, ``client.energy.meters.create``, ...) is
    # generated from the catalog into ``_generated._ClientCalls``; they all come here.

    def _call_typed(self, id: str, params: Optional[Mapping[str, Any]] = None) -> Any:
        """The call ``id`` answering its typed model as JSON, normalised by the core."""
        return self._native_call(self._native.call_typed_value, id, params)

    @staticmethod
    def _native_call(method: Any, id: str, params: Optional[Mapping[str, Any]]) -> Any:
        """``method`` (``call_value`` or ``call_typed_value``): parameters and answer cross
        as Python values, with ``json``'s mapping and :func:`meslink._wire.wire` for the
        rest; what cannot be sent raises :class:`~meslink.InvalidArgumentError`."""
        try:
            return method(id, params)
        except (TypeError, ValueError) as e:
            if isinstance(e, MeslinkError):
                raise
            raise InvalidArgumentError("the parameters cannot be sent as JSON: %s" % e) from None

    # -- the machine-tool IoT platform (seed 003): stream and transfer ---------------

    def mgm_stream(
        self,
        machines: Iterable[str] = (),
        *,
        transport: Optional[str] = None,
        queue_capacity: Optional[int] = None,
        overflow: Optional[str] = None,
        reconnect_initial_ms: Optional[int] = None,
        reconnect_max_ms: Optional[int] = None,
    ) -> Stream:
        """``mgm.realtime``: opens a live stream (connecting before it returns) and
        subscribes ``machines``; iterate it for typed events. ``transport`` is
        ``"sockjs"`` (default: SockJS framing, like the platform's JS client) or
        ``"raw"`` (the plain websocket endpoint). The queue holds ``queue_capacity``
        events (4096); when full, ``overflow`` ``"drop_oldest"`` (default) or
        ``"drop_newest"`` says which is discarded (counted in ``stream.stats.dropped``).
        Reconnects back off from ``reconnect_initial_ms`` (200) to ``reconnect_max_ms``
        (5000). Needs an ``mgm`` section in the configuration."""
        return _open_stream(
            self._native,
            machines,
            transport=transport,
            queue_capacity=queue_capacity,
            overflow=overflow,
            reconnect_initial_ms=reconnect_initial_ms,
            reconnect_max_ms=reconnect_max_ms,
        )

    def mgm_transfer(
        self,
        path: Union[str, "os.PathLike[str]"],
        *,
        cloud_path: str,
        machine_id: str,
        storage_type: int = 0,
        file_name: Optional[str] = None,
        chunk_size: Optional[int] = None,
        md5_of: Optional[str] = None,
        transport: Optional[str] = None,
    ) -> Transfer:
        """``mgm.file_transfer``: starts sending the local file ``path`` to the directory
        ``cloud_path`` of machine ``machine_id`` (``storage_type`` 0: external storage,
        1: internal), as ``file_name`` (default: the local name). Checked first, with
        nothing sent: at most 50 MB, a name of at most 180 ASCII or 60 CJK characters,
        ``storage_type`` 0 or 1 (:class:`~meslink.InvalidArgumentError` otherwise).
        ``chunk_size`` bytes per message (65536), ``md5_of`` ``"base64_text"`` (default)
        or ``"raw_bytes"``: what each chunk's ``file_md5`` is computed over."""
        return _start_transfer(
            self._native,
            path,
            cloud_path=cloud_path,
            machine_id=machine_id,
            storage_type=storage_type,
            file_name=file_name,
            chunk_size=chunk_size,
            md5_of=md5_of,
            transport=transport,
        )
