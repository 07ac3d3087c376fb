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
        meter_superior=name, meter_department="西车间", equipment_code="03", equipment_unit_code="0003"
    )
    return int(data(created)["id"])


def test_named_methods_round_trip(client: meslink.Client, sim: Sim) -> None:
    machine = new_machine(client, "测试机-py")
    meter = int(
        data(client.energy.meters.create("电表-py", "0", machine))["id"]
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
    first = client.energy.machines.list(per_page_counts=1000)
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
        time_type=TimeType.Day,
        time_start=end - datetime.timedelta(days=2),
        time_end=end,
        amount_type=AmountType.BY_METER_TYPE,
    )
    assert answer["Err_No"] in ("0", 0)
    # A date-time the core cannot read is refused before anything is sent, naming it.
    with pytest.raises(meslink.InvalidArgumentError, match="Time_Start"):
        client.energy.consumption.total(
            time_type=TimeType.DAY, time_start="yesterday", time_end=end, amount_type=1
        )


def test_missing_parameter_is_named(client: meslink.Client, sim: Sim) -> None:
    with pytest.raises(TypeError, match="Meter_Name"):
        client.energy.meters.create(meter_type="0")  # type: ignore[call-arg]
    with pytest.raises(meslink.InvalidArgumentError, match="Meter_Name"):
        client.call("energy.meters.create", {"Meter_Type": "0", "Meter_Superior_id": 1})
    assert sim.requests("energy.meters.create") == 0


def test_upload_image_from_bytes_and_path(client: meslink.Client, sim: Sim, tmp_path: Any) -> None:
    machine = new_machine(client, "拍照机")
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
    client.energy.machines.upload_image(machine, png)
    assert sim.state()["energy"]["image_sizes"][str(machine)] == len(png)
    path = tmp_path / "机器.png"
    path.write_bytes(png * 2)
    client.energy.machines.upload_image(machine, machine_image=path)
    assert sim.state()["energy"]["image_sizes"][str(machine)] == 2 * len(png)


def test_wire_name_keywords_still_work_but_are_deprecated(client: meslink.Client, sim: Sim) -> None:
    # The names of the earlier generated methods (the wire names) keep working.
    machine = new_machine(client, "旧名机")
    with pytest.warns(DeprecationWarning, match="Meter_Name"):
        created = client.energy.meters.create(Meter_Name="旧名表", Meter_Type="0", Meter_Superior_id=machine)
    rows = data(client.energy.meters.list(id=int(data(created)["id"])))
    assert rows[0]["Meter_Name"] == "旧名表"
    with pytest.raises(TypeError, match="twice"):
        client.energy.meters.create("a", "0", machine, Meter_Name="b")
    with pytest.raises(TypeError, match="unexpected keyword"):
        client.energy.meters.create("a", "0", machine, Colour="red")
    # Both spellings of an enumeration member.
    assert TimeType.DAY is TimeType.Day and AmountType.BY_METER_TYPE is AmountType.ByMeterType
