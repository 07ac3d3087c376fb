"""meslink: one client for the plant's MES servers.

>>> import meslink, datetime
>>> with meslink.Client({"ate": {"base_url": url, "emp_no": "ate", "password": pw}}) as c:
...     wo = c.ate_sn_detail_get("1037020031")
...     c.ate_sn_detail_upload("1037020031", "BAJ614KM901584Z")

The network work happens in the Rust core (``meslink._native``), which releases the GIL
while it waits. Errors are :class:`MeslinkError` subclasses (see :mod:`meslink.errors`).
"""

from __future__ import annotations

import json
from typing import Any, Dict, List

from . import _native
from ._log import TRACE
from .client import Client
from .errors import (
    AuthError,
    BusinessError,
    CancelledCallError,
    ClosedError,
    HttpError,
    InternalError,
    InvalidArgumentError,
    MeslinkError,
    MeslinkTimeoutError,
    NotImplementedCallError,
    ProtocolError,
    TransportError,
)
from .mgm import OrgLevel, OrgNode, SysInfo
from .records import GradingRecord, LoginInfo, SnDetail
from .trace import TraceNode, TraceResult, TraceType
from .stream import (
    DeltaEvent,
    NoticeEvent,
    ReconnectedEvent,
    ReconnectingEvent,
    SnapshotEvent,
    StatusEvent,
    Stream,
    StreamEvent,
    StreamStats,
)
from .spool import Spool
from .transfer import Transfer, TransferProgress
from .aio import AsyncClient, AsyncSpool, AsyncStream, AsyncTransfer

__version__: str = _native.__version__

__all__ = [
    "Client",
    "AsyncClient",
    "AsyncStream",
    "AsyncTransfer",
    "AsyncSpool",
    "TRACE",
    "LoginInfo",
    "SnDetail",
    "GradingRecord",
    "TraceType",
    "TraceNode",
    "TraceResult",
    "OrgNode",
    "OrgLevel",
    "SysInfo",
    "Stream",
    "StreamEvent",
    "StatusEvent",
    "SnapshotEvent",
    "DeltaEvent",
    "NoticeEvent",
    "ReconnectingEvent",
    "ReconnectedEvent",
    "StreamStats",
    "Transfer",
    "TransferProgress",
    "Spool",
    "calls",
    "catalog",
    "MeslinkError",
    "InvalidArgumentError",
    "NotImplementedCallError",
    "TransportError",
    "MeslinkTimeoutError",
    "AuthError",
    "BusinessError",
    "HttpError",
    "ProtocolError",
    "ClosedError",
    "CancelledCallError",
    "InternalError",
    "__version__",
]


def calls() -> List[str]:
    """The ids of every call this build implements (for :meth:`Client.call`)."""
    return list(_native.calls())


def catalog() -> List[Dict[str, Any]]:
    """Every implemented call with its server, HTTP method, path, summary and parameters
    (name, kind ``text``/``number``/``datetime``, location, required, doc)."""
    result: List[Dict[str, Any]] = json.loads(_native.catalog_json())
    return result
