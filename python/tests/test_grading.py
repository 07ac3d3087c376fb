"""The grading cabinet MES (seed 001): save one record, newest per barcode."""

import datetime
import json
import os
import subprocess
import sys
from typing import Any

import pytest

import meslink

WIRE = "%Y-%m-%d %H:%M:%S"


def test_save_with_a_naive_datetime(client: meslink.Client, sim: Any) -> None:
    when = datetime.datetime(2024, 5, 6, 7, 8, 9, 654321)
    answer = client.grading_save(
        battery_station="1-01",
        device_code="FR-07",
        barcode="0AVCC26111121G95L0100500",
        test_time=when,
        work_step="3",
        voltage=3.215,
        electricity=1.5,
        volume=2850,
        energy=9.1,
    )
    assert answer["state"] == 1
    assert "msg" in answer
    record = sim.grading_record("0AVCC26111121G95L0100500")
    assert record["testTime"] == "2024-05-06 07:08:09"
    assert record == {
        "batteryStation": "1-01",
        "deviceCode": "FR-07",
        "barcode": "0AVCC26111121G95L0100500",
        "testTime": "2024-05-06 07:08:09",
        "workStep": "3",
        "voltage": 3.215,
        "electricity": 1.5,
        "volume": 2850,
        "energy": 9.1,
    }


def test_an_aware_datetime_is_sent_as_local_time(client: meslink.Client, sim: Any) -> None:
    when = datetime.datetime(2024, 1, 31, 23, 30, 0, tzinfo=datetime.timezone.utc)
    client.grading_save(
        battery_station="S", device_code="D", barcode="B1", test_time=when, work_step="W"
    )
    expected = when.astimezone().strftime(WIRE)
    assert sim.grading_record("B1")["testTime"] == expected
    odd = datetime.timezone(datetime.timedelta(hours=5, minutes=30, seconds=15))
    when = datetime.datetime(2024, 1, 31, 23, 30, 0, tzinfo=odd)
    client.grading_save(
        battery_station="S", device_code="D", barcode="B1", test_time=when, work_step="W"
    )
    assert sim.grading_record("B1")["testTime"] == when.astimezone().strftime(WIRE)


def test_text_times_and_record_objects(client: meslink.Client, sim: Any) -> None:
    rec = meslink.GradingRecord(
        battery_station="S",
        device_code="D",
        barcode="B2",
        test_time="2024-02-03T04:05:06.7",
        work_step="W",
        voltage=3.3,
    )
    assert client.grading_save(rec)["state"] == 1
    stored = sim.grading_record("B2")
    assert stored["testTime"] == "2024-02-03 04:05:06"
    assert stored["voltage"] == 3.3 and "energy" not in stored
    with pytest.raises(TypeError):
        client.grading_save(rec, barcode="other")


def test_newest_record_per_barcode(client: meslink.Client, sim: Any) -> None:
    base = dict(battery_station="S", device_code="D", barcode="B3", work_step="W")
    client.grading_save(**base, test_time=datetime.datetime(2024, 1, 1, 8, 0, 0), voltage=3.1)
    client.grading_save(**base, test_time=datetime.datetime(2024, 1, 1, 9, 0, 0), voltage=3.2)
    state = sim.state()["grading"]
    assert state["record_count"] == 1
    assert state["save_count"] == 2
    record = state["records"]["MES01"]["B3"]
    assert (record["voltage"], record["testTime"]) == (3.2, "2024-01-01 09:00:00")


def test_missing_field_is_refused_before_sending(client: meslink.Client, sim: Any) -> None:
    with pytest.raises(meslink.InvalidArgumentError) as info:
        client.grading_save(
            battery_station="S",
            device_code="D",
            barcode="B4",
            test_time=datetime.datetime.now(),
            work_step=None,  # type: ignore[arg-type]
        )
    assert "workStep" in str(info.value)
    assert info.value.call == "grading.save"
    assert isinstance(info.value, ValueError)
    with pytest.raises(meslink.InvalidArgumentError) as info:
        client.call(
            "grading.save",
            {"batteryStation": "S", "deviceCode": "D", "testTime": "2024-01-01 00:00:00", "workStep": "W"},
        )
    assert "barcode" in str(info.value)
    with pytest.raises(meslink.InvalidArgumentError) as info:
        client.grading_save(
            battery_station="S", device_code="D", barcode="B4", test_time="yesterday", work_step="W"
        )
    assert "testTime" in str(info.value)
    with pytest.raises(meslink.InvalidArgumentError) as info:
        client.grading_save(
            battery_station="S",
            device_code="D",
            barcode="B4",
            test_time="2024-01-01 00:00:00",
            work_step="W",
            voltage="3.2",  # type: ignore[arg-type]
        )
    assert "voltage" in str(info.value)
    assert sim.requests("grading.save") == 0
    assert sim.state()["grading"]["record_count"] == 0


def test_server_refusal_is_a_business_error(make_config: Any, sim: Any) -> None:
    # A blank datasource is refused by the core's config check; the sim's own refusal
    # (state -1) is reached with a datasource of spaces.
    config = make_config()
    config["grading"]["datasource"] = "   "
    with meslink.Client(config) as c:
        with pytest.raises(meslink.BusinessError) as info:
            c.grading_save(
                battery_station="S", device_code="D", barcode="B5",
                test_time="2024-01-01 00:00:00", work_step="W",
            )
    assert info.value.server_code == "-1"
    assert info.value.server_message


def test_one_date_time_rule_the_offset_travels_and_the_core_converts(
    config: Any, sim: Any
) -> None:
    # The language layer sends ISO 8601 with the value's own offset (+08:00 here) ...
    china = datetime.timezone(datetime.timedelta(hours=8))
    when = datetime.datetime(2024, 6, 3, 16, 0, 0, tzinfo=china)
    record = meslink.GradingRecord(
        battery_station="S", device_code="D", barcode="TZ1", test_time=when, work_step="W"
    )
    assert record.to_params()["testTime"] == "2024-06-03T16:00:00+08:00"
    # ... and the core alone converts it: from a station whose zone is UTC, the server
    # receives 08:00 (the conversion to the server's own zone is issue #13's).
    script = (
        "import datetime, json, sys, meslink\n"
        "tz = datetime.timezone(datetime.timedelta(hours=8))\n"
        "with meslink.Client(json.loads(sys.argv[1])) as c:\n"
        "    c.grading_save(battery_station='S', device_code='D', barcode='TZ2', work_step='W',\n"
        "                   test_time=datetime.datetime(2024, 6, 3, 16, 0, 0, tzinfo=tz))\n"
    )
    env = dict(os.environ, TZ="UTC")
    subprocess.run([sys.executable, "-c", script, json.dumps(config)], env=env, check=True, cwd="/")
    assert sim.grading_record("TZ2")["testTime"] == "2024-06-03 08:00:00"
