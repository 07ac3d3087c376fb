"""The fixture call's generated Python method and its coroutine twin, called against the
stub server (the async one last: the shell checks the stub's last request)."""

import asyncio
import sys

import meslink

with meslink.Client({"grading": {"base_url": sys.argv[1], "datasource": "FIX"}}) as mes:
    answer = mes.grading_fixture_echo("PY-1", capacity_mah=5.5)
    print(answer)
    assert answer["resBody"] == {"cellCode": "PY-1", "capacityMah": 5.5}, answer


async def twin() -> None:
    async with meslink.AsyncClient({"grading": {"base_url": sys.argv[1], "datasource": "FIX"}}) as mes:
        answer = await mes.grading_fixture_echo("PY-ASYNC", capacity_mah=6.5)
        print(answer)
        assert answer["resBody"] == {"cellCode": "PY-ASYNC", "capacityMah": 6.5}, answer


asyncio.run(twin())
