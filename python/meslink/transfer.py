"""File transfers to the machine-tool IoT platform (``mgm.file_transfer``).

Start one with :meth:`meslink.Client.mgm_transfer`; it runs in the background::

    transfer = client.mgm_transfer("part.nc", cloud_path="/nc", machine_id=machine)
    for p in transfer:                      # progress updates until the end
        print("%d / %d bytes" % (p.sent, p.total))
    print(transfer.wait().request_id)

A transfer that was cut resumes from the server's ``file_seek``; the file is read one
chunk at a time, never held in memory whole.
"""

from __future__ import annotations

import dataclasses
import json
import os
from typing import Any, Dict, Iterator, Optional, Tuple, Union

from . import _native
from ._handle import ContextManaged

__all__ = ["Transfer", "TransferProgress"]

#: How often iterating a transfer looks at its byte count (seconds).
_PROGRESS_POLL = 0.05


@dataclasses.dataclass(frozen=True)
class TransferProgress:
    """Where a transfer stands."""

    #: bytes the server holds or that were handed to the socket
    sent: int
    #: the file's size
    total: int
    #: the server confirmed the file (answered its ``request_id``)
    finished: bool
    file_id: Optional[str] = None
    request_id: Optional[str] = None

    @property
    def fraction(self) -> float:
        """``sent / total`` (1.0 for an empty file)."""
        return 1.0 if self.total == 0 else self.sent / self.total

    @classmethod
    def _from_json(cls, text: str) -> "TransferProgress":
        raw: Dict[str, Any] = json.loads(text)
        return cls(
            sent=int(raw["sent"]),
            total=int(raw["total"]),
            finished=bool(raw["finished"]),
            file_id=raw.get("file_id"),
            request_id=raw.get("request_id"),
        )


class _ProgressNews:
    """What following a transfer reports after each wait: the final progress the wait
    answered or, while the transfer runs, the progress now; ``None`` when neither the
    byte count nor the end changed since the last report (so no update repeats)."""

    __slots__ = ("_transfer", "_last")

    def __init__(self, transfer: "Transfer") -> None:
        self._transfer = transfer
        self._last: Optional[Tuple[int, int, bool]] = None

    def after(self, done: Optional[TransferProgress]) -> Optional[TransferProgress]:
        now = done if done is not None else self._transfer.progress
        key = (now.sent, now.total, now.finished)
        if key == self._last:
            return None
        self._last = key
        return now


class Transfer(ContextManaged):
    """A file transfer running in the background.

    Iterating yields a :class:`TransferProgress` whenever the byte count changes, the
    final one last; if the transfer fails, the iteration raises its error (a
    :class:`~meslink.BusinessError` with the server's 7xx code and meaning,
    :class:`~meslink.TransportError`, ...). As a context manager it cancels the
    transfer on exit unless it finished.
    """

    __slots__ = ("_native",)

    def __init__(self, native: "_native.Transfer") -> None:
        self._native = native

    @property
    def progress(self) -> TransferProgress:
        """The progress now; never blocks."""
        return TransferProgress._from_json(self._native.progress())

    def wait(self, timeout: Optional[float] = None) -> Optional[TransferProgress]:
        """Waits up to ``timeout`` seconds (``None``: until the end) and answers the final
        progress, or ``None`` if the transfer is still running. Raises the transfer's
        error if it failed (:class:`~meslink.ClosedError` if cancelled)."""
        text = self._native.wait(timeout)
        return None if text is None else TransferProgress._from_json(text)

    def cancel(self) -> None:
        """Stops sending. The server keeps what it got, so sending the same file again
        resumes. :meth:`wait` then raises :class:`~meslink.ClosedError`."""
        self._native.cancel()

    def __iter__(self) -> Iterator[TransferProgress]:
        news = _ProgressNews(self)
        while True:
            done = self.wait(_PROGRESS_POLL)
            now = news.after(done)
            if now is not None:
                yield now
            if done is not None:
                return

    def _exit_close(self) -> None:
        if not self.progress.finished:
            self.cancel()

    def __repr__(self) -> str:
        p = self.progress
        return "<meslink.Transfer %d/%d bytes%s>" % (p.sent, p.total, " finished" if p.finished else "")


def _start(
    client_native: "_native.Client",
    path: Union[str, "os.PathLike[str]"],
    **fields: Any,
) -> Transfer:
    request = {"path": os.fspath(path)}
    request.update({k: v for k, v in fields.items() if v is not None})
    return Transfer(_native.Transfer(client_native, json.dumps(request, ensure_ascii=False)))
