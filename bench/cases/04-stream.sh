#!/usr/bin/env bash
# Case 4, live stream: events/s from the simulator's mgm.realtime into a C polling loop
# (meslink_stream_next), a Python iterator and a C# reader (MesLinkStream.Next), with the
# p50/p99 delay from the simulator's send stamp ("sent_us") to the reader's receipt.
#
# Two phases per reader, on one stream of one machine:
#   burst  N deltas sent as fast as the simulator can (POST /_sim/mgm/realtime {"burst":N});
#          events/s from the request to the last receipt; the delay includes queueing.
#   paced  the simulator's rate knob at R events/s for S seconds (100,000 and 10,000): events/s received
#          and the delay at that offered load (the goal's figure).
# Goal: >= 100,000 events/s into C, p99 < 5 ms.
set -euo pipefail
source "$(dirname "$0")/../lib/case.sh"

if [ "$MESLINK_BENCH_SIZE" = full ]; then
    burst_c=1000000 burst_py=300000 burst_cs=300000 rates=100000,10000 secs=5
else
    burst_c=2000 burst_py=2000 burst_cs=2000 rates=2000 secs=0.5
fi
rate="${rates%%,*}" # the goal's rate: the first
work="$MESLINK_BENCH_WORK/04-stream"
mkdir -p "$work"
out="$work/results.txt"
: >"$out"

# The simulator's process (listening on the URL's port), for its CPU time per event.
port="${MESLINK_SIM_URL##*:}"
port="${port%%/*}"
MESLINK_BENCH_SIM_PID="$(ss -ltnpH "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)"
export MESLINK_BENCH_SIM_PID

build_c "$bench_dir/stream/stream.c" "$work/stream"
"$work/stream" "$MESLINK_SIM_URL" "$burst_c" "$rates" "$secs" | tee -a "$out"
if [ -n "${MESLINK_BENCH_PY:-}" ]; then
    "$MESLINK_BENCH_PY" "$bench_dir/stream/stream.py" "$MESLINK_SIM_URL" "$burst_py" "$rates" "$secs" |
        tee -a "$out"
else
    echo "(Python row skipped: MESLINK_BENCH_PY is not set)"
fi
if build_cs "$bench_dir/stream/Stream.cs" "$work/Stream.exe"; then
    mono "$work/Stream.exe" "$MESLINK_SIM_URL" "$burst_cs" "$rates" "$secs" | tee -a "$out"
else
    echo "(C# row skipped: no Mono or MESLINK_BENCH_DOTNET)"
fi

echo
echo "### Case 4: live stream (mgm.realtime), $MESLINK_BENCH_SIZE size, load $(load_now)"
echo
echo "Paced rows (paced-R): the simulator offers R events/s for $secs s. Burst rows: N events sent as fast as the simulator can. Delay: simulator's send stamp to the reader's receipt (includes queueing). CPU/event: CPU time of the reader's process (all its threads, meslink's included) and of the simulator over the phase, divided by the events: what the machine's load does not change."
echo
awk -F'|' '
    /^RESULT\|/ { rows[++n] = $0; if ($2 == "C") c[$3] = $6 }
    END {
        print "| Reader | Phase | Events | Events/s | p50 delay (ms) | p99 delay (ms) | Dropped | Events/s vs C | Reader CPU (us/event) | Simulator CPU (us/event) |"
        print "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
        for (i = 1; i <= n; i++) {
            split(rows[i], f, "|")
            ratio = (c[f[3]] > 0) ? sprintf("%.2f", f[6] / c[f[3]]) : "-"
            printf "| %s | %s | %d | %d | %.3f | %.3f | %d | %s | %.2f | %.2f |\n", f[2], f[3], f[4], f[6], f[7], f[8], f[9], ratio, f[10], f[11]
        }
    }' "$out"
echo
awk -F'|' -v rate="$rate" '
    $2 == "C" && $3 == "burst" { burst = $6; own = $10; sim = $11 }
    $2 == "C" && $3 == "paced-" rate { paced = $6; p99 = $8; dropped = $9 }
    END {
        ok_rate = (burst >= 100000 && paced >= 0.95 * rate)
        ok_p99 = (p99 < 5)
        printf "Goal (C: >= 100,000 events/s, p99 < 5 ms at that rate): burst %d events/s, paced %d of %d events/s offered, p99 %.3f ms, %d dropped: %s\n",
            burst, paced, rate, p99, dropped,
            (rate >= 100000 ? ((ok_rate && ok_p99 && dropped == 0) ? "MET" : "MISSED") : "not judged at smoke size")
        if (own > 0 && sim > 0) {
            # Two cores shared by reader and simulator: their CPU per event together bounds the rate.
            printf "CPU bound of the burst: reader %.2f us + simulator %.2f us of CPU per event; 2 idle cores give at most %d events/s\n", own, sim, 2e6 / (own + sim)
        }
    }' "$out"
