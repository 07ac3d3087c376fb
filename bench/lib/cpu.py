"""Runs a bench row and adds what it cost in CPU, on both sides of the loopback.

    cpu.py SIM_PID -- COMMAND...

The client's CPU is the command's (and its children's) user + system time; the
simulator's is the growth of /proc/SIM_PID/stat's utime + stime while the command ran.
Every JSON line the command prints gets "client_cpu_s", "client_csw" (the command's
context switches, voluntary + involuntary, of all its threads) and "sim_cpu_s"; other
output is passed through, followed by a line "#cpu client_cpu_s=X sim_cpu_s=Y client_csw=Z".
"""

import json
import os
import resource
import subprocess
import sys


def sim_cpu(pid: str) -> float:
    with open("/proc/%s/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # utime and stime are fields 14 and 15 of stat(5); here after "(comm)": 12 and 13.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> int:
    pid, sep, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
    assert sep == "--" and cmd, __doc__
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    s0 = sim_cpu(pid)
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)
    s1 = sim_cpu(pid)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    client = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    csw = (after.ru_nvcsw - before.ru_nvcsw) + (after.ru_nivcsw - before.ru_nivcsw)
    sim = s1 - s0
    plain = False
    for line in proc.stdout.splitlines():
        if line.startswith("{"):
            row = json.loads(line)
            row["client_cpu_s"] = round(client, 3)
            row["client_csw"] = csw
            row["sim_cpu_s"] = round(sim, 3)
            print(json.dumps(row, ensure_ascii=False))
        else:
            plain = True
            print(line)
    if plain:
        print("#cpu client_cpu_s=%.3f sim_cpu_s=%.3f client_csw=%d" % (client, sim, csw))
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
