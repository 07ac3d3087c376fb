"""Lifetime shared by the wrappers of native handles (client, stream, transfer)."""

from __future__ import annotations

from types import TracebackType
from typing import Any, Optional, Type, TypeVar

_H = TypeVar("_H", bound="ContextManaged")


class ContextManaged:
    """``with`` support: ``__exit__`` calls :meth:`_exit_close`."""

    __slots__ = ()

    def _exit_close(self) -> None:
        raise NotImplementedError

    def __enter__(self: _H) -> _H:
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self._exit_close()


class NativeHandle(ContextManaged):
    """``close()``, ``closed`` and ``with`` for a wrapper whose ``_native`` object has
    ``close()`` and ``closed``."""

    __slots__ = ()
    _native: Any

    def close(self) -> None:
        """Closes the handle. Idempotent; later calls raise :class:`~meslink.ClosedError`."""
        self._native.close()

    @property
    def closed(self) -> bool:
        return bool(self._native.closed)

    def _exit_close(self) -> None:
        self.close()
