"""How values travel from the Python layer to the core, and back into models.

The one date-time rule of every language layer: a ``datetime`` goes to the core as ISO
8601 with its offset when it has one (an aware value) and without when it has none (a
naive value, taken as plant time); the core alone converts it to the server's format
(``yyyy-MM-dd HH:mm:ss``). The generated methods (``_generated.py``) and the generic call
use :func:`wire` for every value.
"""

from __future__ import annotations

import base64
import datetime
import decimal
import enum
import json
import os
import warnings
from typing import Any, Dict, Iterable, Mapping, Optional, Type, TypeVar, Union

from .errors import InvalidArgumentError

#: A date-time parameter: a ``datetime`` (naive = plant time; aware = its offset goes along
#: and the core converts), or text in ``yyyy-MM-dd HH:mm:ss`` or ISO 8601 form.
DateTimeLike = Union[datetime.datetime, str]

E = TypeVar("E", bound=enum.Enum)


#: Types the core takes as they are: checked first, with one look-up.
_PLAIN = frozenset((str, int, float, bool, type(None)))


def wire(value: Any) -> Any:
    """A parameter value as the core takes it (see the module notes)."""
    if type(value) in _PLAIN:
        return value
    if isinstance(value, datetime.datetime):
        offset = value.utcoffset()
        if offset is not None and offset.total_seconds() % 60:
            # ISO 8601 offsets have no seconds: send such a value in UTC instead.
            value = value.astimezone(datetime.timezone.utc)
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (bytes, bytearray, memoryview)):
        # A file upload from memory (energy.machines.upload_image).
        return {"base64": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value


def _default(value: Any) -> Any:
    converted = wire(value)
    if converted is value:
        raise TypeError("%s is not JSON serialisable" % type(value).__name__)
    return converted


def dumps(value: Any, what: str) -> str:
    """``value`` as JSON text for the core (values through :func:`wire`); what cannot
    be sent raises :class:`~meslink.InvalidArgumentError` naming ``what``."""
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False, default=_default)
    except (TypeError, ValueError) as e:
        raise InvalidArgumentError("%s cannot be sent as JSON: %s" % (what, e)) from None


class _Missing:
    def __repr__(self) -> str:
        return "<required>"


class _Args:
    """What the generated methods share: collecting their arguments by wire name."""

    MISSING: Any = _Missing()

    def collect(self, named: Mapping[str, Any], legacy: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
        """The parameters (by wire name) of a call, ``None`` left out. ``legacy`` holds
        keywords given by their wire names (``Meter_Name=``), accepted but deprecated."""
        params: Dict[str, Any] = {}
        if legacy:
            unknown = [k for k in legacy if k not in named]
            if unknown:
                raise TypeError("unexpected keyword argument %r" % unknown[0])
            twice = [k for k in legacy if named[k] is not None and named[k] is not self.MISSING]
            if twice:
                raise TypeError("%s given twice (by its name and its wire name)" % twice[0])
            warnings.warn(
                "keywords by wire name (%s) are deprecated; use the snake_case names"
                % ", ".join(sorted(legacy)),
                DeprecationWarning,
                stacklevel=3,
            )
        for key, value in named.items():
            if legacy and key in legacy:
                value = legacy[key]
            if value is self.MISSING:
                raise TypeError("missing required argument (wire name %r)" % key)
            if value is not None:
                params[key] = wire(value)
        return params

    def as_list(self, value: Any, name: str) -> Any:
        """A list argument as a list (any iterable but text, bytes and mappings)."""
        if value is None or value is self.MISSING:
            return value
        if isinstance(value, (str, bytes, bytearray, Mapping)) or not isinstance(value, Iterable):
            raise TypeError("%s must be a list, not %s" % (name, type(value).__name__))
        return list(value)

    def record(self, record: Any, cls: type, named: Mapping[str, Any]) -> Dict[str, Any]:
        """The parameters of a record call: the record, or its fields as keywords."""
        given = any(v is not None for v in named.values())
        if record is None:
            return self.collect(named)
        if not isinstance(record, cls):
            raise TypeError("record must be a %s, not %s" % (cls.__name__, type(record).__name__))
        if given:
            raise TypeError("pass either a %s or keyword arguments, not both" % cls.__name__)
        params: Dict[str, Any] = record.to_params()
        return params


args = _Args()


def _text(value: Any, optional: bool) -> Any:
    if value is None:
        return None if optional else ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def _int(value: Any, optional: bool) -> Any:
    if isinstance(value, bool) or value is None:
        return None if optional else 0
    if isinstance(value, int):
        return value
    try:
        return int(str(value).strip())
    except ValueError:
        return None if optional else 0


def _float(value: Any, optional: bool) -> Any:
    if isinstance(value, bool) or value is None:
        return None if optional else 0.0
    try:
        return float(value)
    except (TypeError, ValueError):
        return None if optional else 0.0


def _bool(value: Any, optional: bool) -> Any:
    if value is None:
        return None if optional else False
    return bool(value)


def _enum(cls: Type[E], value: Any) -> Any:
    try:
        return cls(value)
    except ValueError:
        return value
