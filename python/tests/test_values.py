"""Parameters and answers cross to the core as Python values, with json's mapping."""

import datetime
import decimal
import enum
from typing import Any

import pytest

import meslink


class Station(str, enum.Enum):
    ONE = "ST01"


class Step(enum.IntEnum):
    FIRST = 7


def test_values_travel_as_json_would_carry_them(client: meslink.Client, sim: Any) -> None:
    tz = datetime.timezone(datetime.timedelta(hours=8))
    answer = client.call(
        "grading.save",
        {
            "batteryStation": Station.ONE,
            "deviceCode": "D",
            "barcode": "V1",
            "testTime": datetime.datetime(2024, 3, 4, 5, 6, 7, tzinfo=tz),
            "workStep": Step.FIRST,
            "voltage": decimal.Decimal("3.25"),
            "energy": 12,
        },
    )
    assert answer["state"] == 1 and isinstance(answer["state"], int)
    record = sim.grading_record("V1")
    assert record["batteryStation"] == "ST01"
    assert record["voltage"] == 3.25
    assert record["energy"] == 12
    # The answer comes back as plain dicts, lists and numbers.
    detail = client.call("ate.sn_detail.get", {"work_order": "1037020031"})
    assert isinstance(detail, dict) and isinstance(detail["TARGET_QTY"], int)


@pytest.mark.parametrize(
    "params, needle",
    [
        ({"work_order": float("inf")}, "not JSON compliant"),
        ({1: "1037020031"}, "keys must be str"),
        ({"work_order": {1, 2}}, "set is not JSON serialisable"),
    ],
)
def test_what_json_cannot_carry_is_refused_before_sending(
    client: meslink.Client, sim: Any, params: Any, needle: str
) -> None:
    with pytest.raises(meslink.InvalidArgumentError) as info:
        client.call("ate.sn_detail.get", params)
    assert needle in str(info.value)
    assert "cannot be sent as JSON" in str(info.value)
    assert sim.state()["requests"] == {}


def test_batch_records_as_values(client: meslink.Client, sim: Any) -> None:
    records = [
        {"batteryStation": "S", "deviceCode": "D", "barcode": "VB%d" % i,
         "testTime": "2024-05-06 07:08:09", "workStep": "W", "voltage": 3.0 + i}
        for i in range(3)
    ]
    records.append({"barcode": "incomplete"})
    answers = client.call_batch("grading.save", records, concurrency=2)
    assert [a["state"] for a in answers[:3]] == [1, 1, 1]
    assert isinstance(answers[3], meslink.InvalidArgumentError)
    assert sim.grading_record("VB2")["testTime"] == "2024-05-06 07:08:09"
    with pytest.raises(meslink.InvalidArgumentError):
        client.call_batch("grading.save", [{"voltage": float("nan")}])
