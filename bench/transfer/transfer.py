"""File-transfer benchmark from Python: one file through ``client.mgm_transfer``, RUNS
times.

    python transfer.py URL FILE RUNS [CHUNK]

Before each run the peak-RSS mark is reset (``5`` into /proc/self/clear_refs) and VmRSS
read; after ``transfer.wait()``, VmHWM (the peak since the reset) and VmRSS. Prints
``RESULT|Python|<chunk>|<bytes>|<seconds>|<MB/s>|<rss before KiB>|<peak growth KiB>|<rss after KiB>|<own CPU s>|<sim CPU s>``
(MB = 10^6 bytes; CPU of this process and of the simulator when MESLINK_BENCH_SIM_PID names
it, -1 when unknown).
"""

import os
import sys
import time

import meslink

MACHINE = "8wCxAAAAAAABAAA="


def status_kib(key: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return -1


def sim_cpu_s() -> float:
    pid = os.environ.get("MESLINK_BENCH_SIM_PID")
    if not pid:
        return -1.0
    try:
        with open("/proc/%s/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return -1.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def main() -> None:
    url, path, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    chunk = int(sys.argv[4]) if len(sys.argv) > 4 else 65536
    size = os.path.getsize(path)
    config = {
        "mgm": {"base_url": url + "/v1", "app_key": "meslink-app", "app_secret": "meslink-secret"},
        "timeout_ms": 60000,
    }
    with meslink.Client(config) as client:
        for run in range(runs):
            reset_peak()
            before = status_kib("VmRSS")
            own0, sim0 = time.process_time(), sim_cpu_s()
            t0 = time.monotonic()
            transfer = client.mgm_transfer(
                path,
                cloud_path="/bench",
                machine_id=MACHINE,
                file_name="bench-py-%d-%d.bin" % (run, chunk),
                chunk_size=chunk,
            )
            done = transfer.wait(120)
            secs = time.monotonic() - t0
            if done is None or not done.finished:
                sys.exit("transfer bench: not finished: %r" % (done,))
            peak, after = status_kib("VmHWM"), status_kib("VmRSS")
            own, sim1 = time.process_time() - own0, sim_cpu_s()
            print(
                "RESULT|Python|%d|%d|%.3f|%.1f|%d|%d|%d|%.2f|%.2f"
                % (
                    chunk,
                    size,
                    secs,
                    size / secs / 1e6,
                    before,
                    peak - before,
                    after,
                    own,
                    sim1 - sim0 if sim0 >= 0 and sim1 >= 0 else -1.0,
                ),
                flush=True,
            )


if __name__ == "__main__":
    main()
