"""The exceptions meslink raises.

Every error is a :class:`MeslinkError` carrying the core's fields unchanged:

* ``kind``: the stable lowercase name of the core's ``ErrorKind`` (``"business"``, ...)
* ``message``: meslink's description
* ``call``: the catalog id of the call, when the error belongs to one
* ``http_status``: the HTTP status of the server's answer, when there was one
* ``server_code`` / ``server_message``: the server's own code and words (Chinese
  included), when it gave them
* ``cause``: when the call failed because a call meslink made for it first failed (an
  implicit login or token renewal), that call's error (``cause.call == "ate.login"``),
  also set as ``__cause__``; else None

``str(e)`` is the core's one-line description. No error ever carries a password or token.
"""

from __future__ import annotations

import builtins
from typing import Dict, Optional, Type

__all__ = [
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
    "error_class",
]


class MeslinkError(Exception):
    """Base class of every meslink error."""

    kind: str = "internal"

    def __init__(
        self,
        text: str,
        *,
        kind: Optional[str] = None,
        message: Optional[str] = None,
        call: Optional[str] = None,
        http_status: Optional[int] = None,
        server_code: Optional[str] = None,
        server_message: Optional[str] = None,
        cause: Optional["MeslinkError"] = None,
    ) -> None:
        super().__init__(text)
        self.cause: Optional[MeslinkError] = cause
        if cause is not None:
            self.__cause__ = cause
        if kind is not None:
            self.kind = kind
        self.message: str = text if message is None else message
        self.call: Optional[str] = call
        self.http_status: Optional[int] = http_status
        self.server_code: Optional[str] = server_code
        self.server_message: Optional[str] = server_message

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else self.message

    def __repr__(self) -> str:
        fields = [repr(str(self)), "kind=%r" % self.kind]
        for name in ("call", "http_status", "server_code", "server_message"):
            value = getattr(self, name)
            if value is not None:
                fields.append("%s=%r" % (name, value))
        return "%s(%s)" % (type(self).__name__, ", ".join(fields))

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # Keyword fields survive pickling (multiprocessing, concurrent.futures).
        return (
            _rebuild,
            (
                type(self),
                str(self),
                {
                    "kind": self.kind,
                    "message": self.message,
                    "call": self.call,
                    "http_status": self.http_status,
                    "server_code": self.server_code,
                    "server_message": self.server_message,
                    "cause": self.cause,
                },
            ),
        )


def _rebuild(cls: Type[MeslinkError], text: str, fields: Dict[str, object]) -> MeslinkError:
    return cls(text, **fields)  # type: ignore[arg-type]


class InvalidArgumentError(MeslinkError, ValueError):
    """A missing or mistyped parameter, an unknown call id, a bad configuration.
    Raised before anything is sent."""

    kind = "invalid_argument"


class NotImplementedCallError(MeslinkError):
    """The call is documented but this build does not implement it yet."""

    kind = "not_implemented"


class TransportError(MeslinkError, ConnectionError):
    """The server could not be reached, or the connection broke."""

    kind = "transport"


class MeslinkTimeoutError(MeslinkError, builtins.TimeoutError):
    """The server did not answer within ``timeout_ms``."""

    kind = "timeout"


class AuthError(MeslinkError):
    """Login was refused, or a token was refused even after a fresh login."""

    kind = "auth"


class BusinessError(MeslinkError):
    """The server understood the request and refused it in its own words
    (``server_message``): a failed SN rule check, ``"未找到。"``, ``state: -1``."""

    kind = "business"


class HttpError(MeslinkError):
    """An HTTP error status without a business message (502, 503, ...), after retries."""

    kind = "http"


class ProtocolError(MeslinkError):
    """The server answered something its document does not describe (not JSON, ...)."""

    kind = "protocol"


class ClosedError(MeslinkError):
    """The client was closed."""

    kind = "closed"


class CancelledCallError(MeslinkError):
    """The call was cancelled before its answer was read (``cancel_all``). An asyncio
    task cancelled with ``task.cancel()`` raises :class:`asyncio.CancelledError` as
    usual instead."""

    kind = "cancelled"


class InternalError(MeslinkError):
    """A bug inside meslink; please report it."""

    kind = "internal"


_BY_KIND: Dict[str, Type[MeslinkError]] = {
    "invalid_argument": InvalidArgumentError,
    # Text that cannot be encoded is a bad argument from Python's point of view.
    "encoding": InvalidArgumentError,
    "not_implemented": NotImplementedCallError,
    "transport": TransportError,
    "timeout": MeslinkTimeoutError,
    "auth": AuthError,
    "business": BusinessError,
    "http": HttpError,
    "protocol": ProtocolError,
    "closed": ClosedError,
    "cancelled": CancelledCallError,
    # A stale handle is a closed object: the Python layer holds no handle ids.
    "invalid_handle": ClosedError,
    "internal": InternalError,
}


def error_class(kind: str) -> Type[MeslinkError]:
    """The class raised for a core ``ErrorKind`` name (``MeslinkError`` for a kind
    this version does not know)."""
    return _BY_KIND.get(kind, MeslinkError)


def _from_native(
    kind: str,
    text: str,
    message: str,
    call: Optional[str],
    http_status: Optional[int],
    server_code: Optional[str],
    server_message: Optional[str],
    cause: Optional[MeslinkError] = None,
) -> MeslinkError:
    """Called by the extension module to build the exception for a core error."""
    return error_class(kind)(
        text,
        kind=kind,
        message=message,
        call=call,
        http_status=http_status,
        server_code=server_code,
        server_message=server_message,
        cause=cause,
    )

