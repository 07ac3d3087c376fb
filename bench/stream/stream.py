"""Live-stream benchmark, Python iterator (``for event in stream``).

    python stream.py URL BURST RATE SECONDS

Same phases as stream.c: a burst of BURST stamped deltas sent as fast as the simulator
can, then RATE events/s for SECONDS. The delay of an event is the receipt time minus its
``sent_us`` (the simulator's wall clock as it built the frame). Prints
``RESULT|Python|<phase>|<events>|<seconds>|<events/s>|<p50 ms>|<p99 ms>|<dropped>``.
"""

import json
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


def report(phase: str, events: int, secs: float, delays: list, dropped: int) -> None:
    delays.sort()

    def pct(p: float) -> float:
        return delays[int(p * (len(delays) - 1))] / 1000.0 if delays else 0.0

    print(
        "RESULT|Python|%s|%d|%.3f|%.0f|%.3f|%.3f|%d"
        % (phase, events, secs, events / secs if secs > 0 else 0, pct(0.5), pct(0.99), dropped),
        flush=True,
    )


def main() -> None:
    url, burst, rate, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
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

    # ---- paced ----
    if rate > 0 and seconds > 0:
        drops_before = stream.stats.dropped
        knob(url, {"events_per_sec": rate})
        settle = time.monotonic() + 0.5
        while time.monotonic() < settle:
            stream.next(1.0)
        delays = []
        n = 0
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
        report("paced", n, (last - t0) / 1e6, delays, stream.stats.dropped - drops_before)
    knob(url, {"stamp": False, "events_per_sec": 20})
    stream.close()
    client.close()


if __name__ == "__main__":
    main()
