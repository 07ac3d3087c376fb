"""The energy-management platform's calls, grouped as its document groups them
(``client.energy.meters.create(...)``), and its documented enumerations (``TimeType``,
``AmountType``, ...). Both are generated from the catalog into ``_generated``; this module
keeps the names it has always offered."""

from __future__ import annotations

from . import _generated
from ._generated import *  # noqa: F401,F403

__all__ = [n for n in _generated.__all__ if n.startswith("Energy") or n[:1].isupper()]
