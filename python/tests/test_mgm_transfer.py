"""File transfers (mgm.file_transfer) from Python, against the simulator: a transfer cut
half way resumes from file_seek and the assembled file's md5 matches; the limits are
checked before anything is sent; server refusals are typed; cancel ends it."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any, Dict, List

import pytest

import meslink

MACHINE = "8wCxAAAAAAABAAA="


@pytest.fixture
def program(tmp_path: Path) -> Path:
    """A 1.5 MB file that is not a multiple of the chunk size."""
    path = tmp_path / "part-0001.nc"
    path.write_bytes(os.urandom(1536 * 1024 + 123))
    return path


def transfer_state(sim: Any) -> Dict[str, Any]:
    state: Dict[str, Any] = sim.state()["mgm"]["transfer"]
    return state


def test_cut_half_way_resumes_and_the_md5_matches(
    mgm: meslink.Client, sim: Any, program: Path
) -> None:
    data = program.read_bytes()
    sim._request("POST", "/_sim/mgm/transfer", {"fail_after_bytes": len(data) // 2})
    updates: List[meslink.TransferProgress] = []
    with mgm.mgm_transfer(program, cloud_path="/nc", machine_id=MACHINE) as transfer:
        for p in transfer:
            assert p.total == len(data)
            updates.append(p)
        done = transfer.wait()
    assert done is not None and done.finished
    assert done.sent == done.total == len(data)
    assert done.request_id and done.file_id
    assert done.fraction == 1.0
    assert updates[-1] == done
    assert len(updates) >= 2, "progress was reported only at the end"
    assert transfer.progress == done
    assert transfer.wait(0) == done

    files = [f for f in transfer_state(sim)["files"] if f["file_name"] == program.name]
    assert len(files) == 1
    received = files[0]
    assert received["md5"] == hashlib.md5(data).hexdigest()
    assert received["size"] == len(data)
    assert received["machine_id"] == MACHINE and received["cloud_path"] == "/nc"
    # Two sessions: the first from 0, the second from where the cut left it.
    assert received["seeks"][0] == 0
    assert len(received["seeks"]) >= 2 and received["seeks"][-1] > 0
    assert transfer_state(sim)["cuts"] == 1


def test_raw_bytes_md5_and_the_raw_transport(mgm: meslink.Client, sim: Any, program: Path) -> None:
    sim._request("POST", "/_sim/mgm/transfer", {"md5_of": "raw_bytes"})
    transfer = mgm.mgm_transfer(
        program,
        cloud_path="/nc",
        machine_id=MACHINE,
        storage_type=1,
        file_name="程序-原始.nc",
        md5_of="raw_bytes",
        transport="raw",
        chunk_size=100_000,
    )
    done = transfer.wait(60)
    assert done is not None and done.finished
    (received,) = [f for f in transfer_state(sim)["files"] if f["file_name"] == "程序-原始.nc"]
    assert received["md5"] == hashlib.md5(program.read_bytes()).hexdigest()
    assert received["storage_type"] == 1


def test_limits_are_checked_before_connecting(
    mgm: meslink.Client, sim: Any, tmp_path: Path, program: Path
) -> None:
    big = tmp_path / "big.nc"
    with open(big, "wb") as f:
        f.truncate(50 * 1024 * 1024 + 1)  # sparse: nothing is written
    sessions = transfer_state(sim)["sessions"]
    cases = [
        (dict(path=big), "50"),
        (dict(path=program, file_name="a" * 181), "180"),
        (dict(path=program, file_name="程" * 61), "60"),
        (dict(path=program, storage_type=2), "storage_type"),
        (dict(path=tmp_path / "missing.nc"), "missing.nc"),
        (dict(path=program, md5_of="sha1"), "sha1"),
    ]
    for kwargs, needle in cases:
        fields: Dict[str, Any] = dict(cloud_path="/nc", machine_id=MACHINE)
        fields.update(kwargs)
        with pytest.raises(meslink.InvalidArgumentError, match=needle):
            mgm.mgm_transfer(**fields)
    # At the limits exactly, the names are accepted.
    for name in ("a" * 180, "程" * 60):
        t = mgm.mgm_transfer(program, cloud_path="/nc", machine_id=MACHINE, file_name=name)
        assert t.wait(60) is not None
    assert transfer_state(sim)["sessions"] == sessions + 2


def test_a_refusal_is_a_typed_error(mgm: meslink.Client, sim: Any, program: Path) -> None:
    sim._request("POST", "/_sim/mgm/transfer", {"fail_with_code": 712})
    transfer = mgm.mgm_transfer(program, cloud_path="/nc", machine_id=MACHINE)
    with pytest.raises(meslink.BusinessError) as raised:
        transfer.wait(60)
    assert raised.value.server_code == "712"
    assert raised.value.server_message == "没有足够的存储空间"
    assert raised.value.call == "mgm.file_transfer"
    with pytest.raises(meslink.BusinessError):
        list(transfer)  # the iterator raises it too
    assert not transfer.progress.finished


def test_cancel(mgm: meslink.Client, program: Path) -> None:
    transfer = mgm.mgm_transfer(program, cloud_path="/nc", machine_id=MACHINE, file_name="x.nc")
    transfer.cancel()
    with pytest.raises(meslink.ClosedError):
        transfer.wait(10)
    with pytest.raises(meslink.InvalidArgumentError):
        transfer.wait(-1)
