"""Validation, faults, timeouts and closing."""

import pickle
import socket
from typing import Any, Callable, Dict

import pytest

import meslink

WO = "1037020031"


def test_malformed_params(client: meslink.Client, sim: Any) -> None:
    cases: Dict[str, Any] = {
        "JSON object": ["1037020031"],
        "got a string": "1037020031",
        'unknown parameter "wo"': {"wo": "1037020031"},
        'missing required parameter "work_order"': {},
        "must be a string": {"work_order": [1]},
    }
    for needle, params in cases.items():
        with pytest.raises(meslink.InvalidArgumentError) as info:
            client.call("ate.sn_detail.get", params)
        assert needle in str(info.value), (needle, str(info.value))
        assert info.value.kind == "invalid_argument"
    for bad in ({"work_order": object()}, {"work_order": float("nan")}):
        with pytest.raises(meslink.InvalidArgumentError):
            client.call("ate.sn_detail.get", bad)
    with pytest.raises(meslink.InvalidArgumentError) as info:
        client.call("ate.nope", {})
    assert "ate.sn_detail.get" in str(info.value)
    assert sim.state()["requests"] == {}


def test_nul_and_oversized_parameters_are_refused_before_sending(client: meslink.Client, sim: Any) -> None:
    # A NUL inside a text parameter is refused as in C#, C and the CLI, never sent.
    with pytest.raises(meslink.InvalidArgumentError, match="NUL character"):
        client.ate_sn_detail_upload(WO, "BAJ614\x00KM901584Z")
    with pytest.raises(meslink.InvalidArgumentError, match="NUL character"):
        client.call("ate.sn_detail.get", {"work_order": "1037\x00020031"})
    # A 1 MB path parameter: invalid_argument, not a transport error, and not retried.
    with pytest.raises(meslink.InvalidArgumentError, match="work_order"):
        client.call("ate.sn_detail.get", {"work_order": "W" * (1024 * 1024)})
    assert sim.state()["requests"] == {}


def test_bad_configurations() -> None:
    with pytest.raises(meslink.InvalidArgumentError) as info:
        meslink.Client({"timeout": 5})
    assert "timeout" in str(info.value)
    with pytest.raises(meslink.InvalidArgumentError):
        meslink.Client("{not json")
    with pytest.raises(meslink.InvalidArgumentError) as info:
        meslink.Client({"grading": {"base_url": "ftp://x", "datasource": "A"}})
    assert "grading.base_url" in str(info.value)
    with pytest.raises(TypeError):
        meslink.Client(42)  # type: ignore[arg-type]


def test_config_as_json_text(sim: Any) -> None:
    text = '{"ate": {"base_url": "%s", "emp_no": "ate", "password": "Windows123."}}' % sim.url
    with meslink.Client(text) as c:
        assert c.ate_login().emp_no == "ate"
        with pytest.raises(meslink.InvalidArgumentError) as info:
            c.grading_save(
                battery_station="S", device_code="D", barcode="B",
                test_time="2024-01-01 00:00:00", work_step="W",
            )
        assert "grading" in str(info.value)


def test_503_is_retried_for_a_read(client: meslink.Client, sim: Any) -> None:
    client.ate_login()
    sim.faults(fail_next_503=2)
    assert client.ate_sn_detail_get(WO).sn_qty == 928
    assert sim.requests("ate.sn_detail.get") == 3
    assert sim.state()["faults"]["injected"]["503"] == 2


def test_503_after_the_last_attempt_is_an_http_error(make_config: Callable[..., Any], sim: Any) -> None:
    config = make_config(retry={"max_attempts": 2, "initial_backoff_ms": 1, "max_backoff_ms": 1})
    with meslink.Client(config) as c:
        c.ate_login()
        sim.faults(fail_next_503=5)
        with pytest.raises(meslink.HttpError) as info:
            c.ate_sn_detail_get(WO)
        assert info.value.http_status == 503
        assert sim.requests("ate.sn_detail.get") == 2


def test_upload_is_not_repeated_after_a_503(client: meslink.Client, sim: Any) -> None:
    client.ate_login()
    sim.faults(fail_next_503=1)
    with pytest.raises(meslink.HttpError) as info:
        client.ate_sn_detail_upload(WO, "BAJ614KM901584Z")
    assert info.value.http_status == 503
    assert sim.requests("ate.sn_detail.upload") == 1


def test_garbage_answer_is_a_protocol_error(client: meslink.Client, sim: Any) -> None:
    client.ate_login()
    sim.faults(garbage_next=1)
    with pytest.raises(meslink.ProtocolError) as info:
        client.ate_sn_detail_get(WO)
    assert info.value.http_status == 200
    assert "not JSON" in str(info.value)
    # The next call is fine again.
    assert client.ate_sn_detail_get(WO).sn_qty == 928


def test_dropped_connection_is_retried_for_a_read(client: meslink.Client, sim: Any) -> None:
    client.ate_login()
    sim.faults(drop_next=1)
    assert client.ate_sn_detail_get(WO).sn_qty == 928
    assert sim.state()["faults"]["injected"]["drop"] == 1


def test_dropped_upload_is_a_transport_error(client: meslink.Client, sim: Any) -> None:
    client.ate_login()
    sim.faults(drop_next=1)
    with pytest.raises(meslink.TransportError) as info:
        client.ate_sn_detail_upload(WO, "BAJ614KM901584Z")
    assert isinstance(info.value, ConnectionError)
    assert sim.requests("ate.sn_detail.upload") == 1


def test_unreachable_server_is_a_transport_error() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = {
        "ate": {"base_url": "http://127.0.0.1:%d" % port, "emp_no": "ate", "password": "x"},
        "retry": {"max_attempts": 2, "initial_backoff_ms": 1, "max_backoff_ms": 1},
    }
    with meslink.Client(config) as c:
        with pytest.raises(meslink.TransportError) as info:
            c.ate_login()
    assert isinstance(info.value, ConnectionError)
    assert info.value.call == "ate.login"


def test_timeout(make_config: Callable[..., Any], sim: Any) -> None:
    config = make_config(
        timeout_ms=100, retry={"max_attempts": 1, "initial_backoff_ms": 1, "max_backoff_ms": 1}
    )
    with meslink.Client(config) as c:
        c.ate_login()
        sim.faults(latency_ms=1000)
        with pytest.raises(meslink.MeslinkTimeoutError) as info:
            c.ate_sn_detail_get(WO)
    assert isinstance(info.value, TimeoutError)
    assert info.value.kind == "timeout"


def test_calls_after_close(config: Dict[str, Any], sim: Any) -> None:
    c = meslink.Client(config)
    c.ate_login()
    assert not c.closed
    c.close()
    c.close()  # idempotent
    assert c.closed
    assert "closed" in repr(c)
    for call in (
        lambda: c.ate_login(),
        lambda: c.ate_sn_detail_get(WO),
        lambda: c.call("grading.save", {}),
    ):
        with pytest.raises(meslink.ClosedError) as info:
            call()
        assert info.value.kind == "closed"
    with meslink.Client(config) as c2:
        c2.ate_login()
    assert c2.closed
    with pytest.raises(meslink.ClosedError):
        c2.ate_login()
    assert sim.state()["login_count"] == 2


def test_errors_pickle_with_their_fields(client: meslink.Client) -> None:
    with pytest.raises(meslink.BusinessError) as info:
        client.ate_sn_detail_get("0")
    copy = pickle.loads(pickle.dumps(info.value))
    assert type(copy) is meslink.BusinessError
    assert (str(copy), copy.server_message, copy.http_status, copy.call) == (
        str(info.value),
        "未找到。",
        404,
        "ate.sn_detail.get",
    )
    assert "server_message='未找到。'" in repr(copy)
