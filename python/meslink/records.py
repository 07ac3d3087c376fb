"""The ATE and grading models and records (generated from the catalog in ``_generated``);
kept as a module for the names it has always offered."""

from __future__ import annotations

from ._generated import GradingRecord, LoginInfo, SnDetail
from ._wire import DateTimeLike

__all__ = ["LoginInfo", "SnDetail", "GradingRecord", "DateTimeLike"]
