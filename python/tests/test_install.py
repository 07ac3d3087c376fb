"""The package under test is the installed wheel, and it looks as documented."""

import os
import sys
from pathlib import Path

import pytest

import meslink
from meslink import _native


@pytest.mark.skipif(
    not os.environ.get("MESLINK_TEST_WHEEL"), reason="only when run-tests.sh tests the wheel"
)
def test_the_installed_wheel_is_tested() -> None:
    prefix = Path(sys.prefix).resolve()
    package = Path(meslink.__file__).resolve()
    assert prefix in package.parents, "%s is not inside the venv %s" % (package, prefix)
    assert "site-packages" in package.parts
    native = Path(_native.__file__).resolve()
    assert prefix in native.parents
    assert ".abi3." in native.name or native.suffix == ".pyd", native.name
    # The source tree must not be importable.
    source = Path(__file__).resolve().parents[1]
    assert all(Path(p or ".").resolve() != source for p in sys.path), sys.path


def test_version_and_catalog() -> None:
    assert meslink.__version__ == _native.CORE_VERSION
    assert meslink.__version__.count(".") >= 2
    assert meslink.calls()[:4] == [
        "ate.login",
        "ate.sn_detail.get",
        "ate.sn_detail.upload",
        "grading.save",
    ]
    assert {"mgm.token.get", "mgm.organization", "mgm.sys_info"} <= set(meslink.calls())
    by_id = {c["id"]: c for c in meslink.catalog()}
    assert set(by_id) == set(meslink.calls())
    save = by_id["grading.save"]
    assert save["method"] == "POST" and save["path"] == "/api/pick/volumeCollectData/save"
    required = [p["name"] for p in save["params"] if p["required"]]
    assert required == ["batteryStation", "deviceCode", "barcode", "testTime", "workStep"]
    assert {p["name"]: p["kind"] for p in save["params"]}["testTime"] == "datetime"


def test_typing_files_are_shipped() -> None:
    package = Path(meslink.__file__).parent
    assert (package / "py.typed").is_file()
    assert (package / "_native.pyi").is_file()


def test_exception_hierarchy() -> None:
    assert issubclass(meslink.InvalidArgumentError, ValueError)
    assert issubclass(meslink.TransportError, ConnectionError)
    assert issubclass(meslink.MeslinkTimeoutError, TimeoutError)
    for cls in (
        meslink.InvalidArgumentError,
        meslink.NotImplementedCallError,
        meslink.TransportError,
        meslink.MeslinkTimeoutError,
        meslink.AuthError,
        meslink.BusinessError,
        meslink.HttpError,
        meslink.ProtocolError,
        meslink.ClosedError,
        meslink.InternalError,
    ):
        assert issubclass(cls, meslink.MeslinkError)
        assert meslink.errors.error_class(cls.kind) is cls
    assert meslink.errors.error_class("some_future_kind") is meslink.MeslinkError
