"""The batch call: every record arrives, answers keep the input order, a bad record
fails alone, and input that is not a list of mappings is a clear error."""

from typing import Any, Dict

import pytest

import meslink


def cell(barcode: str) -> Dict[str, Any]:
    return {
        "batteryStation": "ST01",
        "deviceCode": "FR-07",
        "barcode": barcode,
        "testTime": "2024-05-06 07:08:09",
        "workStep": "W1",
        "voltage": 3.2,
    }


def test_every_record_arrives_in_order(client: meslink.Client, sim: Any) -> None:
    records = [cell("PY-BATCH-%04d" % i) for i in range(250)]
    answers = client.call_batch("grading.save", records, concurrency=8)
    assert len(answers) == 250
    assert all(isinstance(a, dict) and a["state"] == 1 for a in answers)
    state = sim.state()
    assert state["grading"]["save_count"] == 250
    assert set(state["grading"]["records"]["MES01"]) == {r["barcode"] for r in records}

    gets = [{"work_order": "1037020031"}, {"work_order": "NOPE"}, {"work_order": "1037020032"}]
    answers = client.call_batch("ate.sn_detail.get", gets)
    assert answers[0]["TARGET_QTY"] == 928
    assert isinstance(answers[1], meslink.BusinessError)
    assert answers[2]["TARGET_QTY"] == 500


def test_a_bad_record_fails_alone(client: meslink.Client, sim: Any) -> None:
    bad = cell("PY-BAD")
    del bad["barcode"]
    answers = client.call_batch("grading.save", [cell("PY-OK-1"), bad, cell("PY-OK-2")], 2)
    assert answers[0]["state"] == 1 and answers[2]["state"] == 1
    assert isinstance(answers[1], meslink.InvalidArgumentError)
    assert "barcode" in str(answers[1])
    assert answers[1].call == "grading.save"
    assert sim.requests("grading.save") == 2


def test_bad_input_is_a_clear_error(client: meslink.Client, sim: Any) -> None:
    for bad in ('[{"barcode": 1}]', cell("X"), 42, None):
        with pytest.raises(meslink.InvalidArgumentError, match="list of parameter mappings"):
            client.call_batch("grading.save", bad)  # type: ignore[arg-type]
    with pytest.raises(meslink.InvalidArgumentError, match="concurrency"):
        client.call_batch("grading.save", [cell("X")], concurrency=0)
    with pytest.raises(meslink.InvalidArgumentError, match="cannot be sent as JSON"):
        client.call_batch("grading.save", [{"barcode": object()}])
    unknown = client.call_batch("grading.nope", [cell("X"), cell("Y")])
    assert all(isinstance(a, meslink.InvalidArgumentError) for a in unknown)
    assert "unknown call id" in str(unknown[0])
    assert client.call_batch("grading.save", []) == []
    assert sim.requests("grading.save") == 0
