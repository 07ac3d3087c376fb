"""The client."""

from __future__ import annotations

import datetime
import decimal
import json
import os
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Optional, Union

from . import _native
from ._handle import NativeHandle
from .errors import InvalidArgumentError, MeslinkError
from .records import DateTimeLike, GradingRecord, LoginInfo, SnDetail
from .trace import TraceResult, TraceType

from .mgm import OrgNode, SysInfo
from .stream import Stream
from .stream import _open as _open_stream
from .transfer import Transfer
from .transfer import _start as _start_transfer

if TYPE_CHECKING:
    from .energy import Energy
    from .spool import Spool

__all__ = ["Client"]

Config = Union[Mapping[str, Any], str]


class Client(NativeHandle):
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

    # -- the generic call -----------------------------------------------------------

    def call(self, id: str, params: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
        """Any call of the catalog (:func:`meslink.calls`) by id, parameters named as in
        the server's document; answers the server's JSON. Parameters are checked before
        anything is sent. ``datetime`` values are accepted for date-time parameters."""
        text = None if params is None else _dumps(params, "the parameters")
        result: Dict[str, Any] = json.loads(self._native.call(id, text))
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
        text = _dumps(list(params_list), "the batch parameters")
        items = self._native.call_batch(id, text, concurrency)
        return [json.loads(i) if isinstance(i, str) else i for i in items]

    # -- named calls ----------------------------------------------------------------

    @property
    def energy(self) -> "Energy":
        """The energy platform's calls as named methods, grouped as in its document:
        ``client.energy.meters.create(Meter_Name=..., ...)``, ``client.energy.meters.list_all()``."""
        from .energy import Energy

        return Energy(self)

    def ate_login(self) -> LoginInfo:
        """``ate.login`` with the configured credentials. Not needed before other calls,
        which log in on first use; useful to check the credentials at start-up."""
        return LoginInfo._from_answer(self.call("ate.login"))

    def ate_sn_detail_get(self, work_order: str) -> SnDetail:
        """``ate.sn_detail.get``: the work order's SN counters. An unknown work order
        raises :class:`~meslink.BusinessError` with ``server_message == "未找到。"``."""
        return SnDetail._from_answer(self.call("ate.sn_detail.get", {"work_order": work_order}))

    def ate_sn_detail_upload(self, work_order: str, sn: str) -> None:
        """``ate.sn_detail.upload``: records ``sn`` against ``work_order``. A failed SN rule
        check raises :class:`~meslink.BusinessError` with the server's text
        (``"SN RULER CHECK NG!FIX"``). Not retried once the request may have arrived."""
        self.call("ate.sn_detail.upload", {"work_order": work_order, "sn": sn})

    def grading_save(
        self,
        record: Optional[GradingRecord] = None,
        *,
        battery_station: Optional[str] = None,
        device_code: Optional[str] = None,
        barcode: Optional[str] = None,
        test_time: Optional[DateTimeLike] = None,
        work_step: Optional[str] = None,
        voltage: Optional[float] = None,
        electricity: Optional[float] = None,
        volume: Optional[float] = None,
        energy: Optional[float] = None,
    ) -> Dict[str, Any]:
        """``grading.save``: one cell's record, as a :class:`GradingRecord` or as keyword
        arguments; answers the server's ``{"state": 1, "msg": ..., "resBody": ...}``.

        ``test_time`` is a ``datetime`` (naive = plant local time; aware = converted to
        this machine's local time) or text; it is sent as ``yyyy-MM-dd HH:mm:ss``. A
        missing required field raises :class:`~meslink.InvalidArgumentError` naming it,
        before anything is sent. The MES keeps the newest record per barcode.
        """
        fields = {
            "battery_station": battery_station,
            "device_code": device_code,
            "barcode": barcode,
            "test_time": test_time,
            "work_step": work_step,
            "voltage": voltage,
            "electricity": electricity,
            "volume": volume,
            "energy": energy,
        }
        if record is None:
            record = GradingRecord(**fields)  # type: ignore[arg-type]
        elif not isinstance(record, GradingRecord):
            raise TypeError("record must be a GradingRecord, not %s" % type(record).__name__)
        elif any(v is not None for v in fields.values()):
            raise TypeError("pass either a GradingRecord or keyword arguments, not both")
        return self.call("grading.save", record.to_params())

    def trace_query(self, unique_code: str, trace_type: Union[TraceType, str]) -> TraceResult:
        """``trace.query``: the forward or reverse quality trace of ``unique_code`` as a
        :class:`~meslink.TraceResult` (typed tree, raw ``data`` string, whole answer).
        ``trace_type`` is a :class:`~meslink.TraceType` or ``"forward"``/``"reverse"``.
        ``corpId``, ``userId`` and ``source`` come from the ``trace`` configuration; pass
        them to :meth:`call` to set them per call. A signature refused by the gateway
        raises :class:`~meslink.AuthError` quoting its ``X-Ca-Error-Message``."""
        kind = trace_type.value if isinstance(trace_type, TraceType) else trace_type
        answer = self.call("trace.query", {"uniqueCode": unique_code, "traceType": kind})
        return TraceResult._from_answer(answer)
    # -- the machine-tool IoT platform (seed 003): resources ------------------------

    def mgm_organization(self) -> OrgNode:
        """``mgm.organization``: the factory tree this app may see, as the root
        :class:`~meslink.OrgNode` (level ``"factory"``) whose ``children`` follow the
        numeric keys of the server's ``members``; ``node.raw`` is the server's JSON.
        Tokens and the platform's call limit are handled inside."""
        return OrgNode._from_data(self.call("mgm.organization"))

    def mgm_sys_info(self, machines: Iterable[str]) -> Dict[str, SysInfo]:
        """``mgm.sys_info``: each machine's ``cnc_system``, ``cnc_class`` and
        ``cnc_model``, by machine id. An unknown machine raises
        :class:`~meslink.BusinessError` with ``server_code == "3012"``."""
        if isinstance(machines, (str, bytes)):
            raise TypeError("machines must be a list of machine ids, not a single string")
        answer = self.call("mgm.sys_info", {"machine_list": list(machines)})
        return {str(k): SysInfo._from_data(v) for k, v in answer.items()}

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


def _default(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        from .records import _wire_time

        return _wire_time(value)
    if isinstance(value, decimal.Decimal):
        return float(value)
    raise TypeError("%s is not JSON serialisable" % type(value).__name__)


def _dumps(value: Any, what: str) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False, default=_default)
    except (TypeError, ValueError) as e:
        raise InvalidArgumentError("%s cannot be sent as JSON: %s" % (what, e)) from None
