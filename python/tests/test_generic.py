"""The generic call reaches every catalog id."""

import datetime
from typing import Any

import meslink


# The servers this client is configured for; other servers' ids have their own tests.
COVERED = ("ate.", "grading.")


def test_generic_call_of_each_id(client: meslink.Client, sim: Any) -> None:
    answers = {}
    for id in filter(lambda i: i.startswith(COVERED), meslink.calls()):
        params = {
            "ate.login": None,
            "ate.sn_detail.get": {"work_order": 1037020032},  # numbers are sent as text
            "ate.sn_detail.upload": {"work_order": "1037020032", "sn": "BAK615KM900001Z"},
            "grading.save": {
                "batteryStation": "S",
                "deviceCode": "D",
                "barcode": "G1",
                "testTime": datetime.datetime(2024, 3, 4, 5, 6, 7),
                "workStep": "W",
                "voltage": 3.25,
                "energy": 12,
            },
        }[id]
        answers[id] = client.call(id, params)
    assert answers["ate.login"]["epm_no"] == "ate"
    assert answers["ate.sn_detail.get"]["FUNCTION_NAME"] == "HWR650EUSN"
    assert answers["ate.sn_detail.upload"] == {"msg": "OK"}
    assert answers["grading.save"]["state"] == 1
    assert sim.grading_record("G1")["testTime"] == "2024-03-04 05:06:07"
    assert sim.grading_record("G1")["energy"] == 12
    assert client.call("ate.sn_detail.get", {"work_order": "1037020032"})["SN_QTY"] == 1
    state = sim.state()["requests"]
    assert all(state[id] >= 1 for id in meslink.calls() if id.startswith(COVERED)), state


def test_unicode_round_trip(client: meslink.Client, sim: Any) -> None:
    client.call(
        "grading.save",
        {
            "batteryStation": "工位一",
            "deviceCode": "分容机-01",
            "barcode": "条码😀",
            "testTime": "2024-01-01 00:00:00",
            "workStep": "工步",
        },
    )
    assert sim.grading_record("条码😀")["batteryStation"] == "工位一"
