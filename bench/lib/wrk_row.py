"""A wrk summary (run under bench/lib/cpu.py) as a bench result line.

    wrk_row.py ROW OUTPUT

Prints {"row","n","secs","p50_us","p99_us","client_cpu_s","client_csw","sim_cpu_s"};
exits non-zero when wrk saw answers other than 2xx/3xx.
"""

import json
import re
import sys


def us(text: str) -> float:
    m = re.match(r"([\d.]+)(us|ms|s)$", text)
    assert m, text
    return float(m.group(1)) * {"us": 1, "ms": 1e3, "s": 1e6}[m.group(2)]


def main() -> int:
    row, out = sys.argv[1], sys.argv[2]
    reqs = int(re.search(r"(\d+) requests in", out).group(1))
    secs_m = re.search(r"requests in ([\d.]+)(ms|s|m)", out)
    secs = float(secs_m.group(1)) * {"ms": 1e-3, "s": 1, "m": 60}[secs_m.group(2)]
    # Anchored: "68.50%" in the Stdev columns must not pass for the 50th percentile.
    p50 = us(re.search(r"^\s*50%\s+(\S+)", out, re.M).group(1))
    p99 = us(re.search(r"^\s*99%\s+(\S+)", out, re.M).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        sys.exit("wrk: %s non-2xx answers" % non2xx.group(1))
    cpu = re.search(r"#cpu client_cpu_s=([\d.]+) sim_cpu_s=([\d.]+) client_csw=(\d+)", out)
    print(json.dumps({"row": row, "n": reqs, "secs": secs, "p50_us": p50, "p99_us": p99,
                      "client_cpu_s": float(cpu.group(1)), "sim_cpu_s": float(cpu.group(2)),
                      "client_csw": int(cpu.group(3))}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
