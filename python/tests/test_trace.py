"""The quality-trace API (seed 002): signed queries, typed trees, gateway refusals and the
answer code table, against the simulator."""

import json
from typing import Any, Dict

import pytest

import meslink
from meslink import TraceType

WO = "1037020031"
SN = "BAJ614KM901600Z"
CELL = "0AVCC26111121G95L0100042"
TRACE = {"app_key": "meslink-trace", "app_secret": "meslink-trace-secret", "source": "SAAS"}


def trace_client(sim: Any, make_config: Any, secret: str = TRACE["app_secret"]) -> meslink.Client:
    trace: Dict[str, Any] = dict(TRACE, base_url=sim.url, app_secret=secret)
    return meslink.Client(make_config(trace=trace))


def produce(client: meslink.Client, sim: Any) -> None:
    """An SN on the ATE MES, its own grading record and a graded cell assembled into it."""
    client.ate_sn_detail_upload(WO, SN)
    for barcode, step in ((SN, "EOL"), (CELL, "分容")):
        client.grading_save(
            battery_station="S1", device_code="FR-07", barcode=barcode,
            test_time="2024-05-06 07:08:09", work_step=step, voltage=3.3,
        )
    sim._request("POST", "/_sim/trace/bind", {"sn": SN, "material": CELL})


def test_forward_and_reverse_trees(sim: Any, make_config: Any) -> None:
    with trace_client(sim, make_config) as c:
        produce(c, sim)
        fwd = c.trace_query(SN, TraceType.FORWARD)
        assert fwd.code == 200
        (root,) = fwd.tree_list
        assert (root.kind, root.unique_code) == ("ProductionReport", SN)
        assert (root.from_, root.id) == (None, None)
        assert [(n.kind, n.unique_code) for n in root.children] == [
            ("ProductionReport", WO),
            ("QualityControl", SN),
            ("MaterialConsumption", CELL),
        ]
        consumed = root.children[2]
        assert consumed.from_ == "DestUniqueCode" and isinstance(consumed.id, int)
        (cell_qc,) = consumed.children
        assert (cell_qc.kind, cell_qc.step_code) == ("QualityControl", "分容")
        assert cell_qc.raw["deviceCode"] == "FR-07"
        assert len(list(fwd.nodes())) == 5
        assert json.loads(fwd.data_raw)["treeList"][0]["uniqueCode"] == SN

        # Reverse from the cell and from the work order: both lead to the SN.
        rev = c.trace_query(CELL, "reverse")
        (root,) = rev.tree_list
        assert root.kind == "MaterialConsumption"
        assert [n.unique_code for n in root.children] == [SN]
        assert root.children[0].children[0].unique_code == WO
        rev = c.trace_query(WO, TraceType.REVERSE)
        assert [n.unique_code for n in rev.tree_list[0].children] == [SN]
        assert c.trace_query("NOTHING-HERE", TraceType.FORWARD).tree_list == []


def test_generic_call_returns_parsed_data_and_raw_string(sim: Any, make_config: Any) -> None:
    with trace_client(sim, make_config) as c:
        c.ate_sn_detail_upload(WO, SN)
        answer = c.call("trace.query", {"uniqueCode": SN, "traceType": "forward", "userId": "u7"})
        assert answer["code"] == 200
        assert answer["data"]["treeList"][0]["trees"][0]["uniqueCode"] == WO
        assert isinstance(answer["data_raw"], str)
        assert json.loads(answer["data_raw"])["treeList"][0]["uniqueCode"] == SN
        assert str(TraceType.REVERSE) == "reverse"


def test_wrong_secret_is_an_auth_error_with_the_gateway_message(sim: Any, make_config: Any) -> None:
    with trace_client(sim, make_config, secret="not-the-secret") as c:
        with pytest.raises(meslink.AuthError) as info:
            c.trace_query(SN, TraceType.FORWARD)
    e = info.value
    assert e.http_status == 400 and e.server_code == "A400IS"
    assert e.server_message is not None
    expected = "Invalid Signature, Server StringToSign:`POST#application/json#"
    assert e.server_message.startswith(expected)
    assert e.server_message in str(e)
    assert "not-the-secret" not in str(e) and "not-the-secret" not in repr(e)
    assert sim.state()["trace"]["refusals"] == {"A400IS": 1}


def test_bad_trace_type_is_refused_before_sending(sim: Any, make_config: Any) -> None:
    with trace_client(sim, make_config) as c:
        with pytest.raises(meslink.InvalidArgumentError) as info:
            c.trace_query(SN, "sideways")
        assert "forward" in str(info.value)
        with pytest.raises(meslink.InvalidArgumentError):
            c.call("trace.query", {"traceType": "forward"})
    assert sim.requests("trace.query") == 0


@pytest.mark.parametrize(
    "code, error",
    [
        (20003, meslink.HttpError),
        (20004, meslink.HttpError),
        (20055, meslink.InvalidArgumentError),
        (20056, meslink.MeslinkTimeoutError),
        (401, meslink.AuthError),
        (403, meslink.AuthError),
        (500, meslink.HttpError),
    ],
)
def test_answer_codes_are_typed(sim: Any, make_config: Any, code: int, error: Any) -> None:
    sim._request("POST", "/_sim/trace/fail", {"code": code, "message": "canned %d" % code})
    with trace_client(sim, make_config) as c:
        with pytest.raises(error) as info:
            c.trace_query(SN, TraceType.FORWARD)
    assert info.value.server_code == str(code)
    assert info.value.server_message == "canned %d" % code
    assert info.value.call == "trace.query"
