"""The server's time zone from Python: a grading section with "time_zone" "+08:00" (or
"Asia/Shanghai") receives China time whatever the station's zone: an aware datetime and
Unix seconds are converted to it, a naive datetime is taken as already in it. Without
"time_zone" the station's zone applies (TZ=UTC here)."""

from __future__ import annotations

import datetime
import time
from typing import Any, Dict

import pytest

import meslink
from conftest import Sim

CHINA = datetime.timezone(datetime.timedelta(hours=8))


def _save(client: meslink.Client, barcode: str, when: Any) -> None:
    client.grading_save(battery_station="ST01", device_code="FR-07", barcode=barcode, test_time=when, work_step="W1")


@pytest.mark.parametrize("zone", ["+08:00", "Asia/Shanghai"])
def test_dates_reach_the_server_in_its_zone(sim: Sim, config: Dict[str, Any], zone: str) -> None:
    config = dict(config, grading=dict(config["grading"], time_zone=zone))
    tag = zone[:3]
    with meslink.Client(config) as client:
        _save(client, tag + "-AWARE", datetime.datetime(2024, 6, 3, 16, 0, 0, tzinfo=CHINA))
        _save(client, tag + "-UTC", datetime.datetime(2024, 6, 3, 8, 0, 0, tzinfo=datetime.timezone.utc))
        _save(client, tag + "-NAIVE", datetime.datetime(2024, 6, 3, 16, 0, 0))
        client.call("grading.save", {"batteryStation": "ST01", "deviceCode": "FR-07", "barcode": tag + "-UNIX",
                                     "testTime": 1717401600, "workStep": "W1"})
    for suffix in ("-AWARE", "-UTC", "-NAIVE", "-UNIX"):
        assert sim.grading_record(tag + suffix)["testTime"] == "2024-06-03 16:00:00", suffix


def test_without_a_zone_the_stations_applies(sim: Sim, config: Dict[str, Any], monkeypatch: Any) -> None:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        with meslink.Client(config) as client:
            _save(client, "LOCAL-AWARE", datetime.datetime(2024, 6, 3, 16, 0, 0, tzinfo=CHINA))
        assert sim.grading_record("LOCAL-AWARE")["testTime"] == "2024-06-03 08:00:00"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_an_unknown_zone_is_refused(config: Dict[str, Any]) -> None:
    config = dict(config, grading=dict(config["grading"], time_zone="China"))
    with pytest.raises(meslink.InvalidArgumentError, match="IANA"):
        meslink.Client(config)
