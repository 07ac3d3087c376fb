"""The ATE MES (seed 000): login, work orders, SN upload."""

from typing import Any, Callable, Dict

import pytest

import meslink

WO = "1037020031"
GOOD_SN = "BAJ614KM901584Z"


def test_login(client: meslink.Client, sim: Any) -> None:
    info = client.ate_login()
    assert info == meslink.LoginInfo(emp_no="ate", emp_name="ate", company="6300", account=False)
    assert not hasattr(info, "token")
    assert sim.state()["login_count"] == 1


def test_sn_detail_get_typed_and_raw(client: meslink.Client) -> None:
    wo = client.ate_sn_detail_get(WO)
    assert isinstance(wo, meslink.SnDetail)
    assert wo.serial_number == "BZJ614KM901580Z"
    assert wo.function_name == "HWR650RUSN"
    assert (wo.target_qty, wo.sn_qty) == (928, 928)
    assert wo.raw == {
        "SERIAL_NUMBER": "BZJ614KM901580Z",
        "FUNCTION_NAME": "HWR650RUSN",
        "TARGET_QTY": 928,
        "SN_QTY": 928,
    }
    other = client.ate_sn_detail_get("1037020032")
    assert (other.function_name, other.target_qty, other.sn_qty) == ("HWR650EUSN", 500, 0)


def test_first_call_logs_in_by_itself(client: meslink.Client, sim: Any) -> None:
    client.ate_sn_detail_get(WO)
    client.ate_sn_detail_get(WO)
    assert sim.state()["login_count"] == 1


def test_upload_ok_then_sn_qty_increased(client: meslink.Client, sim: Any) -> None:
    before = client.ate_sn_detail_get(WO)
    assert client.ate_sn_detail_upload(WO, GOOD_SN) is None
    after = client.ate_sn_detail_get(WO)
    assert after.sn_qty == before.sn_qty + 1
    # SERIAL_NUMBER is the greatest SN so far; BAJ... sorts below the seeded BZJ...
    assert after.serial_number == max(before.serial_number, GOOD_SN)
    assert sim.state()["ate"]["uploads"] == [{"work_order": WO, "sn": GOOD_SN}]


def test_rule_check_failure(client: meslink.Client, sim: Any) -> None:
    with pytest.raises(meslink.BusinessError) as info:
        client.ate_sn_detail_upload(WO, "XYZ123")
    e = info.value
    assert e.server_message == "SN RULER CHECK NG!FIX"
    assert e.kind == "business"
    assert e.call == "ate.sn_detail.upload"
    assert "SN RULER CHECK NG!FIX" in str(e)
    assert client.ate_sn_detail_get(WO).sn_qty == 928
    assert sim.state()["ate"]["uploads"] == []


def test_unknown_work_order(client: meslink.Client) -> None:
    with pytest.raises(meslink.BusinessError) as info:
        client.ate_sn_detail_get("9999999999")
    e = info.value
    assert e.server_message == "未找到。"
    assert e.http_status == 404
    assert e.call == "ate.sn_detail.get"
    assert "未找到。" in str(e)


SECRET = "Wr0ng-Pa55word!"


def _assert_no_secret(e: BaseException) -> None:
    for text in (str(e), repr(e), *[str(v) for v in vars(e).values()], *map(str, e.args)):
        assert SECRET not in text, text


def test_bad_password(make_config: Callable[..., Dict[str, Any]], sim: Any) -> None:
    with meslink.Client(make_config(password=SECRET)) as c:
        assert SECRET not in repr(c)
        with pytest.raises(meslink.AuthError) as info:
            c.ate_login()
        e = info.value
        assert e.server_message == "无法使用提供的认证信息登录。"
        assert "无法使用提供的认证信息登录。" in str(e)
        assert e.call == "ate.login"
        _assert_no_secret(e)
        # A call that logs in by itself fails the same way: as the call made, the
        # login its cause.
        with pytest.raises(meslink.AuthError) as info:
            c.ate_sn_detail_get(WO)
        _assert_no_secret(info.value)
        e = info.value
        assert e.call == "ate.sn_detail.get"
        assert str(e).startswith("ate.sn_detail.get: the implicit ate.login failed: ")
        assert e.server_message == "无法使用提供的认证信息登录。"
        assert isinstance(e.cause, meslink.AuthError) and e.cause.call == "ate.login"
        assert e.__cause__ is e.cause
        # So does an explicit login with other credentials through the generic call.
        with pytest.raises(meslink.AuthError) as info:
            c.call("ate.login", {"emp_no": "ate", "password": SECRET})
        _assert_no_secret(info.value)
    assert sim.state()["login_count"] == 0


def test_password_never_in_config_errors() -> None:
    # serde would quote a mistyped value; the core names the secret's place instead.
    with pytest.raises(meslink.InvalidArgumentError) as info:
        meslink.Client({"ate": {"base_url": "http://127.0.0.1:9", "emp_no": "ate", "password": 98765432}})
    assert "98765432" not in str(info.value) and "98765432" not in repr(info.value)
    assert "ate.password must be a string" in str(info.value)
    # A short password does not mangle the rest of an unrelated configuration error.
    with pytest.raises(meslink.InvalidArgumentError) as info:
        meslink.Client({"ate": {"base_url": "http://h", "emp_no": "ate", "password": "p"}, "bogus": 1})
    assert "unknown field `bogus`, expected one of" in str(info.value)


def test_token_expiry_logs_in_again(client: meslink.Client, sim: Any) -> None:
    client.ate_login()
    sim.expire_tokens()
    assert client.ate_sn_detail_get(WO).sn_qty == 928
    assert sim.state()["login_count"] == 2
    client.ate_sn_detail_upload(WO, GOOD_SN)
    assert client.ate_sn_detail_get(WO).sn_qty == 929


def test_short_lived_token_is_renewed_ahead_of_expiry(client: meslink.Client, sim: Any) -> None:
    import time

    sim.faults(token_lifetime_secs=2)
    client.ate_login()
    time.sleep(2.1)
    assert client.ate_sn_detail_get(WO).sn_qty == 928
    assert sim.state()["login_count"] == 2
    # Renewed from the token's own expiry, not after a refusal.
    assert sim.requests("ate.sn_detail.get") == 1
