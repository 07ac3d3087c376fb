"""The fixture call's generated Python method, called against the stub server."""

import sys

import meslink

with meslink.Client({"grading": {"base_url": sys.argv[1], "datasource": "FIX"}}) as mes:
    answer = mes.grading_fixture_echo("PY-1", capacity_mah=5.5)
    print(answer)
    assert answer["resBody"] == {"cellCode": "PY-1", "capacityMah": 5.5}, answer
