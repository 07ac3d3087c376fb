"""The energy platform from Python: the named methods generated from the catalog, the
documented enumerations, date-times, the page walk and an upload from bytes."""

from __future__ import annotations

import datetime
from typing import Any, Dict, Iterator

import pytest

import meslink
from meslink.energy import AmountType, TimeType

from conftest import Sim


@pytest.fixture
def client(sim: Sim) -> Iterator[meslink.Client]:
    config = {"energy": {"base_url": sim.url, "username": "admin", "password": "admin123"}}
    with meslink.Client(config) as c:
        yield c


def data(answer: Dict[str, Any]) -> Any:
    assert answer["Err_No"] in ("0", 0), answer
    return answer["Data"]


def new_machine(client: meslink.Client, name: str) -> int:
    created = client.energy.machines.create(
        Meter_Superior=name, Meter_Department="西车间", equipmentCode="03", equipmentUnitCode="0003"
    )
    return int(data(created)["id"])


def test_named_methods_round_trip(client: meslink.Client, sim: Sim) -> None:
    machine = new_machine(client, "测试机-py")
    meter = int(
        data(client.energy.meters.create(Meter_Name="电表-py", Meter_Type="0", Meter_Superior_id=machine))["id"]
    )
    rows = data(client.energy.meters.list(id=meter))
    assert rows[0]["Meter_Name"] == "电表-py"
    assert rows[0]["Meter_Superior"] == "测试机-py"
    client.energy.meters.delete(id=meter)
    with pytest.raises(meslink.BusinessError) as e:
        client.energy.meters.delete(id=meter)
    assert e.value.server_code == "4002"
    assert e.value.server_message == "无数据"
    assert sim.state()["energy"]["login_count"] == 1


def test_page_walk_returns_every_record_once(client: meslink.Client) -> None:
    for i in range(5):
        new_machine(client, "机-%d" % i)
    first = client.energy.machines.list(Per_Page_Counts=1000)
    total = int(first["Total_Numbers"])
    assert total >= 5
    for per_page in (1, 2, 3, 1000):
        rows = list(client.energy.machines.list_all(per_page=per_page))
        assert len(rows) == total, per_page
        assert len({r["id"] for r in rows}) == total, per_page


def test_enums_and_datetimes(client: meslink.Client) -> None:
    assert TimeType.Day == 3 and AmountType.ByMeterType == 1
    end = datetime.datetime.now().replace(microsecond=0)
    answer = client.energy.consumption.total(
        Time_Type=TimeType.Day,
        Time_Start=end - datetime.timedelta(days=2),
        Time_End=end,
        Amount_Type=AmountType.ByMeterType,
    )
    assert answer["Err_No"] in ("0", 0)
    # A date-time the core cannot read is refused before anything is sent, naming it.
    with pytest.raises(meslink.InvalidArgumentError, match="Time_Start"):
        client.energy.consumption.total(
            Time_Type=TimeType.Day, Time_Start="yesterday", Time_End=end, Amount_Type=1
        )


def test_missing_parameter_is_named(client: meslink.Client, sim: Sim) -> None:
    with pytest.raises(TypeError):
        client.energy.meters.create(Meter_Type="0")  # type: ignore[call-arg]
    with pytest.raises(meslink.InvalidArgumentError, match="Meter_Name"):
        client.call("energy.meters.create", {"Meter_Type": "0", "Meter_Superior_id": 1})
    assert sim.requests("energy.meters.create") == 0


def test_upload_image_from_bytes_and_path(client: meslink.Client, sim: Sim, tmp_path: Any) -> None:
    machine = new_machine(client, "拍照机")
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
    client.energy.machines.upload_image(Meter_Superior_id=machine, Machine_Image=png)
    assert sim.state()["energy"]["image_sizes"][str(machine)] == len(png)
    path = tmp_path / "机器.png"
    path.write_bytes(png * 2)
    client.energy.machines.upload_image(Meter_Superior_id=machine, Machine_Image=path)
    assert sim.state()["energy"]["image_sizes"][str(machine)] == 2 * len(png)
