"""Case 7 of bench/run.sh: N ate.sn_detail.get calls in flight at once with asyncio.gather,
through meslink.AsyncClient, httpx.AsyncClient and aiohttp, on the same simulator endpoint.

    aio_bench.py URL N CLIENT        CLIENT: meslink | httpx | aiohttp

Prints one JSON result line (bench/lib/table.py): the wall time of the gather (after one
warm-up call that logs in and opens a connection) and the p50/p99 of the calls' own
latencies. The plain clients get the token meslink would (one login before timing) and
send the same GET with the same header; every answer is parsed as JSON, as meslink does.
"""

import asyncio
import json
import statistics
import sys
import time

WO = "1037020031"
USER, PASSWORD = "ate", "Windows123."


def token(url: str) -> str:
    """The ATE login as the seed document sends it (multipart form), outside the timing."""
    import requests

    r = requests.post(url + "/api/login/", data={"emp_no": USER, "password": PASSWORD}, files=[])
    r.raise_for_status()
    return "BEARER " + r.json()["token"]


async def timed(call, n: int):
    lat = []

    async def one():
        t0 = time.perf_counter()
        await call()
        lat.append(time.perf_counter() - t0)

    await call()  # warm-up: login / first connection
    start = time.perf_counter()
    await asyncio.gather(*(one() for _ in range(n)))
    return time.perf_counter() - start, lat


async def run_meslink(url: str, n: int):
    import meslink

    config = {"ate": {"base_url": url, "emp_no": USER, "password": PASSWORD}, "timeout_ms": 60000}
    async with meslink.AsyncClient(config) as client:
        return await timed(lambda: client.ate_sn_detail_get(WO), n)


async def run_httpx(url: str, n: int):
    import httpx

    headers = {"Authorization": token(url)}
    limits = httpx.Limits(max_connections=100, max_keepalive_connections=100)
    async with httpx.AsyncClient(headers=headers, limits=limits, timeout=60) as client:
        async def call():
            r = await client.get("%s/api/sn_detail/%s/" % (url, WO))
            r.raise_for_status()
            return r.json()

        return await timed(call, n)


async def run_aiohttp(url: str, n: int):
    import aiohttp

    headers = {"Authorization": token(url)}
    async with aiohttp.ClientSession(headers=headers, connector=aiohttp.TCPConnector(limit=100)) as session:
        async def call():
            async with session.get("%s/api/sn_detail/%s/" % (url, WO)) as r:
                r.raise_for_status()
                return await r.json()

        return await timed(call, n)


ROWS = {
    "meslink": ("meslink AsyncClient, asyncio.gather", run_meslink),
    "httpx": ("httpx.AsyncClient, asyncio.gather", run_httpx),
    "aiohttp": ("aiohttp.ClientSession, asyncio.gather", run_aiohttp),
}


def main() -> None:
    url, n, which = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    row, run = ROWS[which]
    secs, lat = asyncio.run(run(url, n))
    lat.sort()
    print(json.dumps({
        "row": row, "n": n, "secs": secs,
        "p50_us": statistics.median(lat) * 1e6,
        "p99_us": lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1e6,
    }))


if __name__ == "__main__":
    main()
