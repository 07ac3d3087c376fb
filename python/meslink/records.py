"""Typed answers and records of the named calls."""

from __future__ import annotations

import dataclasses
import datetime
from typing import Any, Dict, Optional, Union

__all__ = ["LoginInfo", "SnDetail", "GradingRecord", "DateTimeLike"]

#: A test time: a ``datetime`` (naive = plant local time; aware = converted to this
#: machine's local time), or text in ``yyyy-MM-dd HH:mm:ss`` or ISO 8601 form.
DateTimeLike = Union[datetime.datetime, str]


@dataclasses.dataclass(frozen=True)
class LoginInfo:
    """Who ``ate.login`` logged in. The token stays inside the client."""

    #: 员工编号 (the server's key is ``epm_no``)
    emp_no: str
    #: 员工姓名
    emp_name: str
    #: 公司别
    company: str
    account: bool

    @classmethod
    def _from_answer(cls, raw: Dict[str, Any]) -> "LoginInfo":
        return cls(
            emp_no=str(raw.get("epm_no", raw.get("emp_no", ""))),
            emp_name=str(raw.get("emp_name", "")),
            company=str(raw.get("company", "")),
            account=bool(raw.get("account", False)),
        )


@dataclasses.dataclass(frozen=True)
class SnDetail:
    """A work order (``ate.sn_detail.get``)."""

    #: SERIAL_NUMBER: the greatest SN produced so far
    serial_number: str
    #: FUNCTION_NAME: the name of the SN rule (生产 SN 的规则名称)
    function_name: str
    #: TARGET_QTY: 工单目标生产数量
    target_qty: int
    #: SN_QTY: 工单目前生产数量
    sn_qty: int
    #: The server's answer as it came, fields the document does not name included.
    raw: Dict[str, Any] = dataclasses.field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def _from_answer(cls, raw: Dict[str, Any]) -> "SnDetail":
        # The core has already checked the answer's shape.
        return cls(
            serial_number=raw["SERIAL_NUMBER"],
            function_name=raw["FUNCTION_NAME"],
            target_qty=int(raw["TARGET_QTY"]),
            sn_qty=int(raw["SN_QTY"]),
            raw=raw,
        )


@dataclasses.dataclass
class GradingRecord:
    """One cell's grading record (``grading.save``)."""

    #: batteryStation, 电池工位
    battery_station: str
    #: deviceCode, 设备编码
    device_code: str
    #: barcode, 电芯条码; the MES keeps the newest record per barcode
    barcode: str
    #: testTime, 测试时间; sent as ``yyyy-MM-dd HH:mm:ss`` plant local time
    test_time: DateTimeLike
    #: workStep, 工步
    work_step: str
    #: voltage, 电压
    voltage: Optional[float] = None
    #: electricity, 电流
    electricity: Optional[float] = None
    #: volume, 容量
    volume: Optional[float] = None
    #: energy, 能量
    energy: Optional[float] = None

    def to_params(self) -> Dict[str, Any]:
        """The parameters of the generic call, with the server's field names."""
        params: Dict[str, Any] = {
            "batteryStation": self.battery_station,
            "deviceCode": self.device_code,
            "barcode": self.barcode,
            "testTime": _wire_time(self.test_time),
            "workStep": self.work_step,
        }
        for name in ("voltage", "electricity", "volume", "energy"):
            value = getattr(self, name)
            if value is not None:
                params[name] = value
        return params


def _wire_time(value: Any) -> Any:
    """A ``datetime`` as ISO 8601 text for the core, which sends it as
    ``yyyy-MM-dd HH:mm:ss``: naive values as they are (plant local time), aware ones
    converted to this machine's local time. Anything else goes to the core unchanged
    and is checked there."""
    if isinstance(value, datetime.datetime):
        offset = value.utcoffset()
        if offset is not None and offset.total_seconds() % 60:
            # RFC 3339 has no seconds in offsets; convert here instead of in the core.
            value = value.astimezone().replace(tzinfo=None)
        return value.isoformat()
    return value
