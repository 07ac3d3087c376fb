"""The store-and-forward spool: production records that must never be lost.

A client whose configuration has a ``"spool"`` section keeps its records in a SQLite
file and sends them in the background, in order, until their server acknowledges them::

    config["spool"] = {"path": "station-spool.db", "max_attempts": 0,
                       "backoff_initial_ms": 200, "backoff_max_ms": 30000,
                       "park_after_attempts": 5, "park_after_s": 30, "park_retry_s": 60}
    with meslink.Client(config) as client:
        seq = client.spool.enqueue("ate.sn_detail.upload", {"work_order": wo, "sn": sn})
        ...
        client.spool.drain(timeout=30.0)   # True when nothing is pending

:meth:`Spool.enqueue` returns once the record is on disk. Transient failures (network,
timeouts, 5xx, authentication) are retried after a capped, jittered backoff, forever when
``max_attempts`` is 0; a record still failing after ``park_after_attempts`` attempts and
``park_after_s`` seconds is *parked*: tried again every ``park_retry_s`` while the records
behind it go on (records with the same SN or barcode never overtake it). Records the
server refuses (a failed SN rule check, a validation error) go to the dead letters with
the server's answer; a record refused when sent again after a crash or a timeout goes to
``"resent_refused"`` instead (the server probably has it already). :meth:`Spool.list`
shows each state, :meth:`Spool.retry` sends any record again and :meth:`Spool.discard`
deletes it. Spoolable calls: ``ate.sn_detail.upload``, ``grading.save``,
``energy.product_output.create``, ``energy.prp.manual_data.add``. Delivery is at least
once.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Mapping, Optional

from . import _native
from ._wire import dumps

__all__ = ["Spool"]


class Spool:
    """The spool of one client (``client.spool``). Every method raises
    :class:`~meslink.InvalidArgumentError` when the client has no spool configured, or
    when its spool could not be opened (the client still makes direct calls)."""

    __slots__ = ("_client",)

    def __init__(self, client: Any) -> None:
        # The client (anything with the native client as ``_native``): the spool does
        # not import the client module, the client hands itself over.
        self._client = client

    def enqueue(self, id: str, params: Optional[Mapping[str, Any]] = None) -> int:
        """Stores a record of the spoolable call ``id`` and returns its sequence number
        once it is committed to disk. ``params`` are checked against the catalog first
        (``datetime`` values accepted for date-time parameters); a call that is not
        spoolable raises :class:`~meslink.InvalidArgumentError` and stores nothing."""
        text = dumps({} if params is None else params, "the parameters")
        return int(_native.spool_enqueue(self._client._native, id, text))

    def status(self) -> Dict[str, int]:
        """``{"pending", "parked", "dead", "resent_refused", "delivered", "repairs",
        "salvaged", "lost"}``: counts of records by state, of records delivered since the
        file was created, and of the repairs of a damaged file (records read back,
        records lost)."""
        result: Dict[str, int] = json.loads(_native.spool_status(self._client._native))
        return result

    def list(self, which: str = "pending", limit: int = 100) -> List[Dict[str, Any]]:
        """Up to ``limit`` records, oldest first: ``which`` is ``"pending"``, ``"parked"``,
        ``"dead"`` or ``"resent_refused"``. Each: ``seq``, ``state``, ``call_id``,
        ``params``, ``key`` (SN, barcode...), ``attempts``, ``in_flight``, ``resent``,
        ``last_error``, ``answer`` (dead and resent-refused ones: ``kind``, ``message``,
        ``http_status``, ``server_code``, ``server_message``), ``enqueued_at``,
        ``next_attempt_at`` (parked ones), ``died_at``."""
        if limit < 0:
            from .errors import InvalidArgumentError

            raise InvalidArgumentError("limit must be >= 0, got %d" % limit)
        result: List[Dict[str, Any]] = json.loads(
            _native.spool_list(self._client._native, which, limit)
        )
        return result

    def retry(self, seq: int) -> str:
        """Sends the record ``seq`` again, whatever its state, attempts counted from 0: a
        pending or parked one at the next chance, a dead or resent-refused one back into
        the queue. Answers the state it had; :class:`~meslink.InvalidArgumentError` when
        the spool holds no record ``seq``."""
        return str(_native.spool_retry(self._client._native, seq))

    def discard(self, seq: int) -> str:
        """Deletes the record ``seq`` for good, whatever its state (a pending one being
        sent at that moment may still arrive). Answers the state it had."""
        return str(_native.spool_discard(self._client._native, seq))

    def drain(self, timeout: float) -> bool:
        """Waits up to ``timeout`` seconds for nothing to be pending or parked; True when
        nothing is (dead and resent-refused records do not count). Other threads run
        meanwhile; Ctrl+C interrupts."""
        return bool(_native.spool_drain(self._client._native, float(timeout)))

    def __repr__(self) -> str:
        return "<meslink.Spool of %r>" % (self._client,)
