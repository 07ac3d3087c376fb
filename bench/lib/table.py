"""Turns the JSON result lines of a bench case into a markdown table and goal lines.

    table.py RESULTS.jsonl --title T [--baseline ROW] [--rows ROW ...]
             [--goal "LABEL::ROW_A::ROW_B::RATIO"]   ROW_A's rate >= RATIO x ROW_B's
             [--max-ns "LABEL::ROW::NS"]             ROW's ns per call < NS
             [--cpu-goal "LABEL::ROW_A::ROW_B::RATIO"] ROW_B's client CPU/call >= RATIO x ROW_A's
             [--max-cpu "LABEL::ROW::US"]            ROW's client CPU per call <= US
             [--cpu-above "LABEL::ROW_A::ROW_B::US"] ROW_A's client CPU/call <= ROW_B's + US
             [--max-csw "LABEL::ROW::N"]             ROW's context switches per call <= N

A result line is {"row","n","secs","p50_us","p99_us"} (a rate: n/secs calls/s, or MB/s
with "mb") or {"row","n","secs","ns_per_call"}. Optional: "cpu_s" and "csw" (the timed
loop's process CPU seconds and context switches, voluntary + involuntary, of all its
threads), "client_cpu_s" and "client_csw" (the whole process's, from bench/lib/cpu.py),
"sim_cpu_s". A row measured several times (runs) is
shown by its median run (by rate), with the number of runs. Rows appear in the order of
--rows (or of first appearance); a row named but missing is shown as "not run".
"""

import argparse
import json
import operator
import statistics
import sys
from typing import Any, Callable, Dict, List, Optional


def load(path: str) -> Dict[str, List[Dict[str, Any]]]:
    rows: Dict[str, List[Dict[str, Any]]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line.startswith("{"):
                continue
            r = json.loads(line)
            rows.setdefault(r["row"], []).append(r)
    return rows


def rate(r: Dict[str, Any]) -> float:
    if "ns_per_call" in r:
        return 1e9 / r["ns_per_call"] if r["ns_per_call"] else 0.0
    amount = r.get("mb", r["n"])
    return amount / r["secs"] if r["secs"] else 0.0


def median_run(runs: List[Dict[str, Any]]) -> Dict[str, Any]:
    ordered = sorted(runs, key=rate)
    return ordered[(len(ordered) - 1) // 2]


def per_call(r: Dict[str, Any], key: str) -> Optional[float]:
    return r[key] * 1e6 / r["n"] if key in r and r["n"] else None


def client_cpu_us(r: Dict[str, Any]) -> Optional[float]:
    """CPU µs a call cost the client: the timed loop's own (cpu_s) when the row measured
    it, else the whole process's (client_cpu_s, from bench/lib/cpu.py)."""
    return per_call(r, "cpu_s") if "cpu_s" in r else per_call(r, "client_cpu_s")


def client_csw(r: Dict[str, Any]) -> Optional[float]:
    """Context switches a call cost the client: the timed loop's (csw) when the row
    measured them, else the whole process's (client_csw, from bench/lib/cpu.py)."""
    key = "csw" if "csw" in r else "client_csw"
    return r[key] / r["n"] if key in r and r["n"] else None


def fmt(v: Optional[float], digits: int = 0) -> str:
    if v is None:
        return "—"
    return "{:,.{d}f}".format(v, d=digits)


def cpu_above(ra: Optional[Dict[str, Any]], rb: Optional[Dict[str, Any]]) -> Optional[float]:
    """How many client CPU µs a call of row A cost above one of row B (None unless both
    rows ran and measured it)."""
    ca = client_cpu_us(ra) if ra else None
    cb = client_cpu_us(rb) if rb else None
    return None if ca is None or cb is None else ca - cb


def print_limits(specs: List[str], chosen: Dict[str, Dict[str, Any]],
                 measure: Callable[..., Optional[float]],
                 within: Callable[[float, float], bool], shown: str) -> None:
    """The goal lines of one kind of limit. Each spec is "LABEL::ROW::...::LIMIT", with
    as many rows as `measure` takes: it gets their median runs (None for a row that did
    not run) and answers the figure, or None when it was not measured. The goal is met
    when within(figure, LIMIT); `shown` formats (figure, LIMIT) after the verdict."""
    for g in specs:
        label, *rows, limit = g.split("::")
        value = measure(*(chosen.get(row) for row in rows))
        if value is None:
            print("- goal %s: NOT MEASURED" % label)
            continue
        verdict = "MET" if within(value, float(limit)) else "MISSED"
        print("- goal %s: %s %s" % (label, verdict, shown % (value, limit)))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("results")
    ap.add_argument("--title", required=True)
    ap.add_argument("--baseline")
    ap.add_argument("--rows", nargs="*")
    ap.add_argument("--goal", action="append", default=[])
    ap.add_argument("--max-ns", action="append", default=[])
    ap.add_argument("--cpu-goal", action="append", default=[],
                    help="LABEL::ROW_A::ROW_B::RATIO: ROW_B's client CPU per call >= RATIO x ROW_A's")
    ap.add_argument("--max-cpu", action="append", default=[])
    ap.add_argument("--cpu-above", action="append", default=[])
    ap.add_argument("--max-csw", action="append", default=[])
    a = ap.parse_args()

    data = load(a.results)
    chosen = {name: median_run(runs) for name, runs in data.items()}
    names = a.rows if a.rows else list(data)
    ns_mode = any("ns_per_call" in r for r in chosen.values())
    cpu = csw = False
    base = chosen.get(a.baseline) if a.baseline else None

    print("#### " + a.title)
    print()
    if ns_mode:
        print("| row | ns per call | calls/s | runs |")
        print("|---|---:|---:|---:|")
    else:
        unit = "MB/s" if any("mb" in r for r in chosen.values()) else "calls/s"
        ratio_head = "× " + a.baseline if a.baseline else "ratio"
        cpu = any("client_cpu_s" in r or "cpu_s" in r for r in chosen.values())
        csw = any("client_csw" in r or "csw" in r for r in chosen.values())
        extra = " client CPU µs/call | simulator CPU µs/call |" if cpu else ""
        extra += " client ctx switches/call |" if csw else ""
        print("| row | %s | p50 µs | p99 µs | %s | runs |%s" % (unit, ratio_head, extra))
        print("|---|---:|---:|---:|---:|---:|" + ("---:|---:|" if cpu else "")
              + ("---:|" if csw else ""))
    for name in names:
        r = chosen.get(name)
        if r is None:
            cells = 3 if ns_mode else 5 + (2 if cpu else 0) + (1 if csw else 0)
            print("| %s | not run |%s" % (name, " |" * cells))
            continue
        runs = len(data[name])
        if ns_mode:
            print("| %s | %s | %s | %d |" % (name, fmt(r["ns_per_call"], 1), fmt(rate(r)), runs))
        else:
            ratio = rate(r) / rate(base) if base and rate(base) else None
            line = "| %s | %s | %s | %s | %s | %d |" % (
                name, fmt(rate(r), 1 if "mb" in r else 0), fmt(r.get("p50_us"), 0),
                fmt(r.get("p99_us"), 0), fmt(ratio, 2) + ("×" if ratio is not None else ""), runs)
            if cpu:
                line += " %s | %s |" % (fmt(client_cpu_us(r), 0), fmt(per_call(r, "sim_cpu_s"), 0))
            if csw:
                line += " %s |" % fmt(client_csw(r), 2)
            print(line)
    print()
    for g in a.goal:
        label, row_a, row_b, want = g.split("::")
        ra, rb = chosen.get(row_a), chosen.get(row_b)
        if ra is None or rb is None:
            print("- goal %s: NOT MEASURED (a row did not run)" % label)
            continue
        got = rate(ra) / rate(rb)
        verdict = "MET" if got >= float(want) else "MISSED"
        print("- goal %s: %s (%.2f×, wanted ≥ %s×)" % (label, verdict, got, want))
    for g in a.cpu_goal:
        label, row_a, row_b, want = g.split("::")
        ra, rb = chosen.get(row_a), chosen.get(row_b)
        ca = client_cpu_us(ra) if ra else None
        cb = client_cpu_us(rb) if rb else None
        if not ca or not cb:
            print("- goal %s, in client CPU per call: NOT MEASURED" % label)
            continue
        got = cb / ca
        verdict = "MET" if got >= float(want) else "MISSED"
        print("- goal %s, in client CPU per call: %s (%.0f vs %.0f µs, %.2f×, wanted ≥ %s×)"
              % (label, verdict, ca, cb, got, want))
    print_limits(a.max_cpu, chosen, lambda r: client_cpu_us(r) if r else None,
                 operator.le, "(%.0f µs, wanted ≤ %s µs)")
    print_limits(a.cpu_above, chosen, cpu_above, operator.le, "(%.0f µs above, wanted ≤ %s µs)")
    print_limits(a.max_csw, chosen, lambda r: client_csw(r) if r else None,
                 operator.le, "(%.2f a call, wanted ≤ %s)")
    print_limits(a.max_ns, chosen, lambda r: r["ns_per_call"] if r is not None else None,
                 operator.lt, "(%.1f ns, wanted < %s ns)")
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
