#!/usr/bin/env python3
"""SIGKILL loop: a spooling station killed at random moments must lose nothing.

Starts `meslink-sim --journal J` (its own simulator, a journal of every accepted
record), then runs a writer (bindings/c/tests/spool_writer.c or python/tests/
spool_writer.py; both print "ACK <seq> <sn>" once a record is on disk) that enqueues
RECORDS ATE SN uploads into one spool file. Each run is killed with SIGKILL at a random
moment (after a random number of acknowledged enqueues plus a random delay, or while
it drains), the spool is inspected offline (which record was in flight), and the
writer is started again from the first record it had not acknowledged. After KILLS
kills, a last run drains the spool. Then the journal is checked:

- every SN arrived (none lost), first arrivals in enqueue order;
- an SN arrived more than once only if the spool held it in flight (sent, answer not
  recorded) at a kill: an SN the server acknowledged and the spool recorded as
  delivered is never received again;
- the last run drained: nothing pending, nothing dead.

With --sim-args --refuse-repeated-sn the simulator refuses an SN it already has, as a
MES that keeps one record per SN may: a record in flight at a kill that had reached the
server is then refused when the next run sends it again. Such a refusal must land in the
spool's "resent_refused" records, never in the dead letters (a false failure): the last
run must end with dead 0, and resent_refused at most the records in flight at a kill.

With --sim-kills K, the simulator too is killed with SIGKILL in the first K runs, at a
random moment while the station runs, and started again on the same port and journal;
the last record each killed simulator journaled may then arrive again (accepted, answer
never sent), and only that one.

The spool is read offline with `meslink spool --file S list` when the CLI has that
command, else straight from its SQLite file (table `queue`: seq, params, in_flight).

A record whose enqueue was cut off by the kill (committed or not, no ACK printed) is
looked up in the spool and the journal: if it is there, it was committed and is not
enqueued again; otherwise the next run enqueues it. So the only duplicates are resends.

Usage:
  kill_loop.py --writer CMD --letter C [--records 1000] [--kills 20] [--sim PATH]
               [--cli PATH] [--seed N] [--latency-ms 2] [--sim-args ARGS]
               [--sim-kills K] [--json FILE]
CMD is split like a shell command and gets SPOOL LETTER FIRST COUNT DRAIN_MS appended.
Prints the figures as one "FIGURES {json}" line; exits 1 on any failed check.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Set

ROOT = Path(__file__).resolve().parents[2]
ACK = re.compile(r"^ACK (\d+) (\S+)$")


def target_dir() -> Path:
    return Path(os.environ.get("CARGO_TARGET_DIR") or ROOT / "target")


def sn(letter: str, i: int) -> str:
    return "B%sJ614KM9%05dZ" % (letter, i)


def sn_index(letter: str, value: str) -> Optional[int]:
    m = re.fullmatch(r"B%sJ614KM9(\d{5})Z" % re.escape(letter), value)
    return int(m.group(1)) if m else None


class Simulator:
    """`meslink-sim --journal J`; kill_and_restart() SIGKILLs it and starts another on
    the same port and journal."""

    def __init__(self, binary: Path, journal: Path, latency_ms: int, extra: List[str]) -> None:
        self.args = [str(binary), "--journal", str(journal), "--latency-ms", str(latency_ms)]
        self.args += extra
        self.killed_pids: List[int] = []
        self.err_path = journal.with_name("sim.stderr")
        self._start([])
        self.port = self.url.rsplit(":", 1)[1]

    def _start(self, more: List[str]) -> None:
        with open(self.err_path, "ab") as err:
            self.proc = subprocess.Popen(
                self.args + more, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err
            )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().decode().strip()
        if not line.startswith("MESLINK_SIM_URL="):
            self.stop()
            raise RuntimeError("meslink-sim did not announce its URL: %r (see %s)"
                               % (line, self.err_path))
        self.url = line.split("=", 1)[1]

    def kill_and_restart(self, down_seconds: float) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self.killed_pids.append(self.proc.pid)
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream:
                stream.close()
        time.sleep(down_seconds)
        self._start(["--port", self.port])

    def state(self) -> Dict[str, Any]:
        import urllib.request

        with urllib.request.urlopen(self.url + "/_sim/state", timeout=10) as resp:
            result: Dict[str, Any] = json.loads(resp.read().decode())
            return result

    def stop(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def last_arrival_of(path: Path, letter: str, pid: int) -> Optional[int]:
    """The index of the last SN a given simulator process journaled."""
    last = None
    for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        if rec.get("pid") == pid and rec.get("kind") == "ate.sn_detail.upload":
            i = sn_index(letter, str(rec.get("sn", "")))
            if i is not None:
                last = i
    return last


def read_journal(path: Path, letter: str) -> List[int]:
    """Indexes of this loop's SNs in arrival order (torn last line skipped)."""
    out = []
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        if rec.get("kind") != "ate.sn_detail.upload":
            continue
        i = sn_index(letter, str(rec.get("sn", "")))
        if i is not None:
            out.append(i)
    return out


def spool_pending_sqlite(spool: Path) -> List[Dict[str, Any]]:
    """The pending records read from the spool's SQLite file (its `queue` table)."""
    import sqlite3

    db = sqlite3.connect(str(spool), timeout=30)
    try:
        rows = db.execute("SELECT seq, params, in_flight FROM queue ORDER BY seq").fetchall()
    finally:
        db.close()
    return [{"seq": r[0], "params": json.loads(r[1]), "in_flight": bool(r[2])} for r in rows]


class SpoolReader:
    """Reads a spool's pending and parked records (params, in_flight) offline: with the
    CLI (`meslink spool --file S list [--parked] --limit N`, JSON arrays), or, when the CLI is missing
    or has no spool command, from the SQLite file directly."""

    def __init__(self, cli: Path) -> None:
        self.cli: Optional[Path] = cli if cli.exists() else None

    def how(self) -> str:
        return "by %s spool list" % self.cli if self.cli else "as SQLite"

    def pending(self, spool: Path) -> List[Dict[str, Any]]:
        if not spool.exists():
            return []
        if self.cli is None:
            return spool_pending_sqlite(spool)
        records: List[Dict[str, Any]] = []
        try:
            # Pending, then parked records (a parked one may be in flight at a kill too);
            # a CLI older than parking knows only the first.
            for extra in ([], ["--parked"]):
                out = subprocess.run(
                    [str(self.cli), "spool", "--file", str(spool), "list", "--limit", "1000000"]
                    + extra,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    timeout=60,
                )
                if out.returncode != 0:
                    if extra:
                        break
                    raise ValueError(out.stderr.decode(errors="replace").strip()[:300])
                records += json.loads(out.stdout.decode())
            return records
        except ValueError as e:
            print("kill_loop: %s spool list unusable (%s); reading the SQLite file"
                  % (self.cli, e), flush=True)
            self.cli = None
            return spool_pending_sqlite(spool)


class Run:
    """One writer process; its ACK lines are read on a thread."""

    def __init__(self, cmd: List[str], env: Dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        )
        self.acks: List[str] = []
        self.lines: List[str] = []
        self.cond = threading.Condition()
        self.done = False
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            line = raw.decode(errors="replace").rstrip("\n")
            with self.cond:
                self.lines.append(line)
                m = ACK.match(line)
                if m:
                    self.acks.append(m.group(2))
                self.cond.notify_all()
        with self.cond:
            self.done = True
            self.cond.notify_all()

    def wait_acks(self, n: int, timeout: float) -> None:
        """Until n ACKs were read, the process ended, or timeout."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while len(self.acks) < n and not self.done:
                left = deadline - time.monotonic()
                if left <= 0:
                    return
                self.cond.wait(left)

    def kill(self) -> bool:
        """SIGKILL; False if it had already exited."""
        if self.proc.poll() is not None:
            return False
        self.proc.send_signal(signal.SIGKILL)
        return True

    def finish(self, timeout: float) -> int:
        rc = self.proc.wait(timeout=timeout)
        self.reader.join(timeout=10)
        return rc

    def stderr(self) -> str:
        assert self.proc.stderr is not None
        return self.proc.stderr.read().decode(errors="replace")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--writer", required=True, help="writer command (shell-split)")
    ap.add_argument("--letter", default="C", help="second letter of the SNs (A-Z)")
    ap.add_argument("--records", type=int, default=1000)
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--sim", type=Path, default=None)
    ap.add_argument("--cli", type=Path, default=None)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--latency-ms", type=int, default=2,
                    help="simulator latency: keeps a backlog in the spool")
    ap.add_argument("--sim-args", default="", help="extra meslink-sim options")
    ap.add_argument("--sim-kills", type=int, default=0,
                    help="also SIGKILL the simulator in this many runs, mid-run, and start "
                         "it again on the same port and journal")
    ap.add_argument("--json", type=Path, default=None, help="write the figures here too")
    args = ap.parse_args()

    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    sim_bin = args.sim or Path(os.environ.get("MESLINK_SIM") or target_dir() / "debug" / "meslink-sim")
    cli_bin = args.cli or Path(os.environ.get("MESLINK_CLI") or target_dir() / "debug" / "meslink")
    if not sim_bin.exists():
        print("kill_loop: missing %s (cargo build -p meslink-sim)" % sim_bin, file=sys.stderr)
        return 2
    reader = SpoolReader(cli_bin)
    n, letter = args.records, args.letter
    work = Path(tempfile.mkdtemp(prefix="meslink-kill-loop-"))
    journal, spool = work / "journal.jsonl", work / "spool.db"
    sim = Simulator(sim_bin, journal, args.latency_ms, shlex.split(args.sim_args))
    env = dict(os.environ, MESLINK_SIM_URL=sim.url)  # the port survives restarts
    writer = shlex.split(args.writer)
    failures: List[str] = []

    acked: Set[int] = set()  # enqueues the writer acknowledged (or found committed)
    in_flight_at_kill: List[int] = []  # SNs the spool held in flight at a kill
    committed_unacked = 0  # enqueues cut off after their commit
    kills = runs = killed_while_draining = 0
    next_index = 0
    t0 = time.monotonic()
    print("kill_loop: seed %d, %d records, %d kills, writer %s, work dir %s, spool read %s"
          % (seed, n, args.kills, writer[-1], work, reader.how()),
          flush=True)
    try:
        while kills < args.kills:
            remaining = n - next_index
            kills_left = args.kills - kills
            run = Run(writer + [str(spool), letter, str(next_index), str(remaining), "600000"],
                      env)
            runs += 1
            # Kill after a random share of what is left, spread so the kills cover the
            # records; a target past the end kills while the run drains.
            span = max(2, (2 * remaining) // kills_left)
            target = rng.randint(1, span)
            if len(sim.killed_pids) < args.sim_kills:
                run.wait_acks(rng.randint(0, min(target, remaining)), timeout=120)
                sim.kill_and_restart(rng.uniform(0.1, 0.5))
            run.wait_acks(min(target, remaining), timeout=120)
            if target >= remaining:
                killed_while_draining += 1
                time.sleep(rng.uniform(0.0, 0.3))
            else:
                time.sleep(rng.uniform(0.0, 0.02))
            if not run.kill():
                rc = run.finish(60)
                if rc != 0:
                    failures.append("run %d exited %d before its kill: %s"
                                    % (runs, rc, run.stderr()[-2000:]))
                    break
            else:
                run.finish(60)
                kills += 1
            for value in run.acks:
                i = sn_index(letter, value)
                assert i is not None, value
                acked.add(i)
            next_index = max(acked) + 1 if acked else 0
            # What the spool holds now, nobody forwarding it.
            pending = reader.pending(spool)
            pending_idx = set()
            for rec in pending:
                i = sn_index(letter, str(rec.get("params", {}).get("sn", "")))
                if i is None:
                    continue
                pending_idx.add(i)
                if rec.get("in_flight"):
                    in_flight_at_kill.append(i)
            # An enqueue cut off by the kill: committed if the spool or the server has it.
            if next_index < n and next_index not in acked:
                if next_index in pending_idx or next_index in read_journal(journal, letter):
                    acked.add(next_index)
                    committed_unacked += 1
                    next_index += 1

        # The last run: whatever is left, then drain.
        run = Run(writer + [str(spool), letter, str(next_index), str(n - next_index), "600000"],
                  env)
        runs += 1
        rc = run.finish(900)
        for value in run.acks:
            i = sn_index(letter, value)
            if i is not None:
                acked.add(i)
        if rc != 0 or "DRAINED" not in run.lines:
            failures.append("final run: exit %d, output tail %r, stderr %s"
                            % (rc, run.lines[-3:], run.stderr()[-2000:]))
        status_line = [l for l in run.lines if l.startswith("STATUS ")]
        final_status = json.loads(status_line[-1][7:]) if status_line else {}
        if final_status.get("pending") != 0 or final_status.get("dead") != 0:
            failures.append("final status %r (a dead letter here is a false failure)"
                            % final_status)
        resent_refused = int(final_status.get("resent_refused", 0))
        if resent_refused > len(in_flight_at_kill):
            failures.append("%d resends refused but only %d records in flight at a kill"
                            % (resent_refused, len(in_flight_at_kill)))
        if len(acked) != n:
            failures.append("only %d of %d records were ever acknowledged" % (len(acked), n))

        # The journal: every SN there, first arrivals in order, duplicates only resends.
        arrived = read_journal(journal, letter)
        counts: Dict[int, int] = {}
        first_order: List[int] = []
        for i in arrived:
            if i not in counts:
                first_order.append(i)
            counts[i] = counts.get(i, 0) + 1
        lost = sorted(set(range(n)) - set(counts))
        if lost:
            failures.append("%d records lost, e.g. %s" % (len(lost), [sn(letter, i) for i in lost[:5]]))
        if first_order != sorted(first_order):
            failures.append("first arrivals out of enqueue order")
        unexpected = sorted(set(counts) - set(range(n)))
        if unexpected:
            failures.append("unexpected SNs arrived: %s" % unexpected[:5])
        allowed: Dict[int, int] = {}
        for i in in_flight_at_kill:
            allowed[i] = allowed.get(i, 0) + 1
        # A simulator killed after journaling a record and before answering it: that
        # record (its last) is sent again.
        for pid in sim.killed_pids:
            last = last_arrival_of(journal, letter, pid)
            if last is not None:
                allowed[last] = allowed.get(last, 0) + 1
        duplicates = 0
        for i, c in counts.items():
            if c > 1:
                duplicates += c - 1
                if c - 1 > allowed.get(i, 0):
                    failures.append(
                        "%s arrived %d times but only %d kills (station in flight or "
                        "simulator's last) explain a resend: a record acknowledged and "
                        "recorded delivered was sent again"
                        % (sn(letter, i), c, allowed.get(i, 0)))
        state = sim.state()
        figures = {
            "writer": writer[-1],
            "seed": seed,
            "records": n,
            "kills": kills,
            "simulator_kills": len(sim.killed_pids),
            "runs": runs,
            "killed_while_draining": killed_while_draining,
            "enqueues_cut_off_after_commit": committed_unacked,
            "in_flight_at_kill": len(in_flight_at_kill),
            "arrivals": len(arrived),
            "duplicates": duplicates,
            "lost": len(lost),
            "dead": final_status.get("dead"),
            "resent_refused": resent_refused,
            "refused_repeats": len(state["ate"].get("refused_repeats", [])),
            "upload_requests": state["requests"].get("ate.sn_detail.upload", 0),
            "logins": state["login_count"],
            "injected": state["faults"]["injected"],
            "seconds": round(time.monotonic() - t0, 1),
        }
    finally:
        sim.stop()
    print("FIGURES " + json.dumps(figures), flush=True)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    for f in failures:
        print("FAIL " + f, file=sys.stderr)
    if failures:
        print("kill_loop: work dir kept: %s" % work, file=sys.stderr)
        return 1
    import shutil

    shutil.rmtree(work, ignore_errors=True)
    print("kill_loop: OK", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
