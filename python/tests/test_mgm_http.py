"""The machine-tool IoT platform's resource calls from Python: the ordered organization
tree, sys_info, token renewal and the client-side call limit, against the simulator."""

from __future__ import annotations

import threading
from typing import Any, Dict, List

import pytest

import meslink
from conftest import mgm_config


def knobs(sim: Any, **settings: Any) -> Dict[str, Any]:
    result: Dict[str, Any] = sim._request("POST", "/_sim/mgm/tokens", settings)
    return result


def test_organization_is_an_ordered_tree(mgm: meslink.Client, sim: Any) -> None:
    root = mgm.mgm_organization()
    assert isinstance(root, meslink.OrgNode)
    assert (root.level, root.id, root.factory_id) == ("factory", "8wCx", "8wCx")
    area = root.children[0]
    assert (area.level, area.name) == ("area", "厂区")
    workshop = area.children[0]
    assert workshop.level == "workshop"
    # The server keys this workshop's lines "1" then "0"; children follow the keys.
    assert [(l.key, l.level) for l in workshop.children] == [("0", "line"), ("1", "line")]
    # Machines keyed "0", "2", "10": numeric order, not text order.
    assert [m.key for m in workshop.children[0].children] == ["0", "2", "10"]
    machines = root.machines()
    assert len(machines) == 5
    assert machines[0].machine_id == "8wCxAAAAAAAAABg="
    boxless = root.find("8wCxAAAAAAABAAA=")
    assert boxless is not None
    assert (boxless.level, boxless.name) == ("machine", "盒子未配置")
    assert boxless.raw["machine_id"] == "8wCxAAAAAAABAAA="
    assert root.raw["members"]["0"]["name"] == "厂区"
    assert root.find("nope") is None
    assert sim.requests("mgm.organization") == 1


def test_sys_info_and_its_errors(mgm: meslink.Client, sim: Any) -> None:
    info = mgm.mgm_sys_info(["8wCxAAAAAAAAABg=", "GADIAAAAAgABAAA="])
    assert info["8wCxAAAAAAAAABg="] == meslink.SysInfo("", "", "789")
    assert info["GADIAAAAAgABAAA="].cnc_system == "FANUC"
    assert info["GADIAAAAAgABAAA="].raw["cnc_class"] == "31i-B5"
    with pytest.raises(meslink.BusinessError) as e:
        mgm.mgm_sys_info(["nope"])
    assert e.value.server_code == "3012"
    assert e.value.server_message == "the machine does not exist"
    before = sim.requests("mgm.sys_info")
    with pytest.raises(TypeError):
        mgm.mgm_sys_info("8wCxAAAAAAAAABg=")
    with pytest.raises(meslink.InvalidArgumentError):
        mgm.call("mgm.sys_info", {"machine_list": "8wCx"})
    assert sim.requests("mgm.sys_info") == before


def test_token_calls_never_show_the_token(mgm: meslink.Client, sim: Any) -> None:
    assert mgm.call("mgm.token.get") == {"expires_in": 7200}
    assert mgm.call("mgm.token.refresh") == {"expires_in": 7200}
    mgm.mgm_organization()
    assert sim.requests("mgm.token.get") == 1
    assert sim.state()["mgm"]["tokens"]["tokens_extended"] == 1


def test_wrong_secret_is_an_auth_error_without_the_secret(sim: Any) -> None:
    with meslink.Client(mgm_config(sim.url, secret="wrong-secret")) as c:
        with pytest.raises(meslink.AuthError) as e:
            c.mgm_organization()
    assert e.value.server_code == "3001"
    assert "wrong-secret" not in repr(e.value) and "wrong-secret" not in str(e.value)


def test_expired_tokens_are_renewed_once_for_many_threads(mgm: meslink.Client, sim: Any) -> None:
    mgm.mgm_organization()
    knobs(sim, expire_all=True, access_token_lifetime_ms=60000)
    sim.faults(latency_ms=30)
    errors: List[BaseException] = []

    def work() -> None:
        try:
            mgm.mgm_organization()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sim.requests("mgm.token.refresh") == 1
    assert sim.requests("mgm.token.get") == 1


def test_refused_refresh_token_falls_back_to_get(mgm: meslink.Client, sim: Any) -> None:
    mgm.mgm_organization()
    knobs(sim, expire_all=True, expire_refresh_tokens=True)
    mgm.mgm_organization()
    assert sim.requests("mgm.token.refresh") == 1
    assert sim.requests("mgm.token.get") == 2


def test_five_hundred_calls_without_3009(sim: Any) -> None:
    knobs(sim, rate_limit=100, rate_window_ms=500)
    with meslink.Client(mgm_config(sim.url, calls=100, window_ms=500)) as c:
        for _ in range(500):
            c.call("mgm.organization")
    assert sim.requests("mgm.organization") == 500
    assert sim.state()["mgm"]["tokens"]["rate_limited"] == 0
