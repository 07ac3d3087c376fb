"""Live-stream benchmark, Python iterator (``for event in stream``).

    python stream.py URL BURST RATES SECONDS

Same phases as stream.c: a burst of BURST stamped deltas sent as fast as the simulator
can, then each of RATES (comma-separated) events/s for SECONDS (phase ``paced-RATE``). The delay of an event is the receipt time minus its
``sent_us`` (the simulator's wall clock as it built the frame). Prints
``RESULT|Python|<phase>|<events>|<seconds>|<events/s>|<p50 ms>|<p99 ms>|<dropped>|<own CPU
us/event>|<sim CPU us/event>`` (CPU over the phase: this process's, and the simulator's when
MESLINK_BENCH_SIM_PID names it; -1 when unknown).
"""

import json
import os
import sys
import time
import urllib.request

import meslink

MACHINE = "8wCxAAAAAAABAAA="


def knob(url: str, body: dict) -> None:
    req = urllib.request.Request(
        url + "/_sim/mgm/realtime",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    urllib.request.urlopen(req, timeout=10).read()


def now_us() -> int:
    return time.time_ns() // 1000


def sim_cpu_us() -> float:
    pid = os.environ.get("MESLINK_BENCH_SIM_PID")
    if not pid:
        return -1.0
    try:
        with open("/proc/%s/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return -1.0
    return (int(fields[11]) + int(fields[12])) * 1e6 / os.sysconf("SC_CLK_TCK")


_cpu0 = (0.0, 0.0)


def cpu_start() -> None:
    global _cpu0
    _cpu0 = (time.process_time() * 1e6, sim_cpu_us())


def report(phase: str, events: int, secs: float, delays: list, dropped: int) -> None:
    own = time.process_time() * 1e6 - _cpu0[0]
    sim = sim_cpu_us()
    sim_per = (sim - _cpu0[1]) / events if events and sim >= 0 and _cpu0[1] >= 0 else -1.0
    delays.sort()

    def pct(p: float) -> float:
        return delays[int(p * (len(delays) - 1))] / 1000.0 if delays else 0.0

    print(
        "RESULT|Python|%s|%d|%.3f|%.0f|%.3f|%.3f|%d|%.2f|%.2f"
        % (
            phase,
            events,
            secs,
            events / secs if secs > 0 else 0,
            pct(0.5),
            pct(0.99),
            dropped,
            own / events if events else 0,
            sim_per,
        ),
        flush=True,
    )


def main() -> None:
    url, burst, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[4])
    rates = [int(r) for r in sys.argv[3].split(",") if int(r) > 0]
    knob(url, {"events_per_sec": 0, "stamp": True})
    config = {
        "mgm": {"base_url": url + "/v1", "app_key": "meslink-app", "app_secret": "meslink-secret"},
        "timeout_ms": 20000,
    }
    client = meslink.Client(config)
    stream = client.mgm_stream([MACHINE], queue_capacity=1 << 20)
    events = iter(stream)
    next(events), next(events)  # status and full record

    # ---- burst: the iterator, as a station would write it ----
    delays = []
    n = 0
    cpu_start()
    t0 = now_us()
    last = t0
    knob(url, {"burst": burst})
    for event in events:
        got = now_us()
        sent = event.raw.get("sent_us") if isinstance(event, meslink.DeltaEvent) else None
        if sent:
            delays.append(got - sent)
        last = got
        n += 1
        if n >= burst:
            break
    report("burst", n, (last - t0) / 1e6, delays, stream.stats.dropped)

    # ---- paced, at each rate ----
    for rate in rates if seconds > 0 else []:
        drops_before = stream.stats.dropped
        knob(url, {"events_per_sec": rate})
        settle = time.monotonic() + 0.5
        while time.monotonic() < settle:
            stream.next(1.0)
        delays = []
        n = 0
        cpu_start()
        t0 = now_us()
        end = t0 + int(seconds * 1e6)
        for event in events:
            got = now_us()
            sent = event.raw.get("sent_us") if isinstance(event, meslink.DeltaEvent) else None
            if sent:
                delays.append(got - sent)
            n += 1
            if got >= end:
                break
        last = now_us()
        knob(url, {"events_per_sec": 0})
        report("paced-%d" % rate, n, (last - t0) / 1e6, delays, stream.stats.dropped - drops_before)
        while stream.next(0.2) is not None:  # what was sent before the rate went to 0
            pass
    knob(url, {"stamp": False, "events_per_sec": 20})
    stream.close()
    client.close()


if __name__ == "__main__":
    main()
