"""The Python rows of the benchmarks (bench/cases).

    bench.py seq   URL N upload|get ROW     ROW: snippet | session | urllib3 | httpx | meslink
    bench.py batch URL N CONCURRENCY ROW    ROW: meslink | threadpool
    bench.py ffi   N LIBDIR                 ns per call without I/O: PyO3 and ctypes

Prints one JSON line per row: {"row":..,"n":..,"secs":..,"p50_us":..,"p99_us":..}; the
sequential rows add the timed loop's process CPU time ("cpu_s") and context switches
("csw", voluntary + involuntary, every thread: getrusage).

The "snippet" row is the seed document's Python code as written: a module-level
``requests.request(...)`` per call (a new connection each time) with the Authorization
header. Like a station would, every requests row logs in once (POST /api/login/) before
timing and reuses the token.
"""

import ctypes
import json
import os
import resource
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Dict, List, Optional

WO = "1037020031"


def sn(prefix: str, i: int) -> str:
    return "B%sJ614KM9%05dZ" % (prefix, i % 100000)


def cell(prefix: str, i: int) -> Dict[str, Any]:
    return {
        "batteryStation": "ST01",
        "deviceCode": "FR-07",
        "barcode": "%s-%06d" % (prefix, i),
        "testTime": "2024-05-06 07:08:09",
        "workStep": "W1",
        "voltage": 3.2,
    }


def pct(lat: List[float], p: float) -> Optional[float]:
    if not lat:
        return None
    lat = sorted(lat)
    i = min(len(lat), max(1, int(len(lat) * p + 0.999999)))
    return round(lat[i - 1], 1)


_cpu: Optional[float] = None
_csw: Optional[int] = None


def switches() -> int:
    """Context switches of this process so far, every thread, voluntary + involuntary."""
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_nvcsw + ru.ru_nivcsw


def emit(row: str, n: int, secs: float, lat: List[float]) -> None:
    r = {"row": row, "n": n, "secs": secs, "p50_us": pct(lat, 0.5), "p99_us": pct(lat, 0.99)}
    if _cpu is not None:
        r["cpu_s"] = _cpu
    if _csw is not None:
        r["csw"] = _csw
    print(json.dumps(r, ensure_ascii=False), flush=True)


def timed(n: int, one: Callable[[int], None]) -> "tuple[float, List[float]]":
    """Runs one(i) n times; the wall time, per-call latencies in µs, and (for emit) the
    process CPU time of the loop."""
    global _cpu, _csw
    lat = []
    csw = switches()
    cpu = time.process_time()
    start = time.perf_counter()
    for i in range(n):
        t = time.perf_counter()
        one(i)
        lat.append((time.perf_counter() - t) * 1e6)
    secs = time.perf_counter() - start
    _cpu = time.process_time() - cpu
    _csw = switches() - csw
    return secs, lat


def login_token(url: str) -> str:
    import requests

    r = requests.request("POST", url + "/api/login/",
                         data={"emp_no": "ate", "password": "Windows123."}, files=[])
    r.raise_for_status()
    return "BEARER " + r.json()["token"]


def meslink_client(url: str) -> Any:
    import meslink

    return meslink.Client({
        "ate": {"base_url": url, "emp_no": "ate", "password": "Windows123."},
        "grading": {"base_url": url, "datasource": "MES01"},
        "timeout_ms": 30000,
    })


def seq(url: str, n: int, what: str, row: str) -> None:
    if row == "meslink":
        c = meslink_client(url)
        c.call("ate.sn_detail.get", {"work_order": WO})  # log in before timing
        if what == "upload":
            def one(i: int) -> None:
                c.ate_sn_detail_upload(WO, sn("P", i))
        else:
            def one(i: int) -> None:
                c.ate_sn_detail_get(WO)
        secs, lat = timed(n, one)
        emit("meslink Python (%s)" % what, n, secs, lat)
        return

    import requests

    headers = {"Authorization": login_token(url)}
    if row == "snippet":
        # The seed's snippet as written: requests.request, a new connection a call.
        if what == "upload":
            def one(i: int) -> None:
                payload = {"work_order": WO, "sn": sn("S", i)}
                files: List[Any] = []
                response = requests.request("POST", url + "/api/sn_detail/", headers=headers,
                                            data=payload, files=files)
                assert response.status_code == 200, response.text
        else:
            def one(i: int) -> None:
                payload: Dict[str, str] = {}
                response = requests.request("GET", url + "/api/sn_detail/%s/" % WO,
                                            headers=headers, data=payload)
                assert response.status_code == 200, response.text
        label = "seed snippet: requests.request (%s)"
    elif row == "session":
        s = requests.Session()
        s.headers.update(headers)
        if what == "upload":
            def one(i: int) -> None:
                r = s.post(url + "/api/sn_detail/", data={"work_order": WO, "sn": sn("T", i)})
                assert r.status_code == 200, r.text
        else:
            def one(i: int) -> None:
                r = s.get(url + "/api/sn_detail/%s/" % WO)
                assert r.status_code == 200, r.text
        label = "requests.Session (%s)"
    elif row == "urllib3":
        import urllib3

        pool = urllib3.PoolManager(headers=headers)
        if what == "upload":
            def one(i: int) -> None:
                r = pool.request("POST", url + "/api/sn_detail/",
                                 fields={"work_order": WO, "sn": sn("U", i)}, encode_multipart=False)
                assert r.status == 200, r.data
        else:
            def one(i: int) -> None:
                r = pool.request("GET", url + "/api/sn_detail/%s/" % WO)
                assert r.status == 200, r.data
        label = "urllib3.PoolManager (%s)"
    elif row == "httpx":
        import httpx

        hc = httpx.Client(headers=headers)
        if what == "upload":
            def one(i: int) -> None:
                r = hc.post(url + "/api/sn_detail/", data={"work_order": WO, "sn": sn("H", i)})
                assert r.status_code == 200, r.text
        else:
            def one(i: int) -> None:
                r = hc.get(url + "/api/sn_detail/%s/" % WO)
                assert r.status_code == 200, r.text
        label = "httpx.Client (%s)"
    else:
        raise SystemExit("unknown row %r" % row)
    secs, lat = timed(n, one)
    emit(label % what, n, secs, lat)


def batch(url: str, n: int, concurrency: int, row: str) -> None:
    if row == "meslink":
        c = meslink_client(url)
        records = [cell("PB", i) for i in range(n)]
        start = time.perf_counter()
        answers = c.call_batch("grading.save", records, concurrency=concurrency)
        secs = time.perf_counter() - start
        bad = [a for a in answers if not isinstance(a, dict)]
        if bad:
            raise SystemExit("a record failed: %s" % bad[0])
        emit("meslink batch, Python (c=%d)" % concurrency, n, secs, [])
    elif row == "threadpool":
        import threading

        import requests

        local = threading.local()
        save = url + "/api/pick/volumeCollectData/save"

        def one(i: int) -> float:
            s = getattr(local, "s", None)
            if s is None:
                s = local.s = requests.Session()
                s.headers["x-request-datasource"] = "MES01"
            t = time.perf_counter()
            r = s.post(save, json=cell("TP", i))
            assert r.status_code == 200 and r.json()["state"] == 1, r.text
            return (time.perf_counter() - t) * 1e6

        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            start = time.perf_counter()
            lat = list(pool.map(one, range(n)))
            secs = time.perf_counter() - start
        emit("Python ThreadPool(%d) over requests.Session" % concurrency, n, secs, lat)
    else:
        raise SystemExit("unknown row %r" % row)


def ffi(n: int, libdir: str) -> None:
    import meslink

    def ns(row: str, f: Callable[[], Any]) -> None:
        # Thread CPU time: the cost of the call, not the scheduler of a shared machine.
        start = time.thread_time()
        for _ in range(n):
            f()
        secs = time.thread_time() - start
        print(json.dumps({"row": row, "n": n, "secs": secs, "ns_per_call": secs * 1e9 / n}),
              flush=True)

    ns("Python: empty loop (the loop's own cost)", lambda: None)
    lib = ctypes.CDLL(os.path.join(libdir, "libmeslink.so"))
    lib.meslink_status_str.restype = ctypes.c_char_p
    lib.meslink_status_str.argtypes = [ctypes.c_int32]
    status_str = lib.meslink_status_str
    ns("Python ctypes: meslink_status_str", lambda: status_str(-9))
    buf = ctypes.create_string_buffer(256)
    length = ctypes.c_uint32()
    error_last = lib.meslink_error_last
    ns("Python ctypes: meslink_error_last (empty)",
       lambda: error_last(buf, 256, ctypes.byref(length)))
    c = meslink.Client({"grading": {"base_url": "http://127.0.0.1:9", "datasource": "X"}})
    native = c._native
    ns("Python (PyO3): native client.closed getter", lambda: native.closed)


def main(argv: List[str]) -> None:
    if len(argv) == 5 and argv[0] == "seq":
        seq(argv[1], int(argv[2]), argv[3], argv[4])
    elif len(argv) == 5 and argv[0] == "batch":
        batch(argv[1], int(argv[2]), int(argv[3]), argv[4])
    elif len(argv) == 3 and argv[0] == "ffi":
        ffi(int(argv[1]), argv[2])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
