#!/usr/bin/env bash
# Case 4, live stream: events/s from the simulator's mgm.realtime into a C polling loop
# (meslink_stream_next), a Python iterator and a C# reader (MesLinkStream.Next), with the
# p50/p99 delay from the simulator's send stamp ("sent_us") to the reader's receipt.
#
# Two phases per reader, on one stream of one machine:
#   burst  N deltas sent as fast as the simulator can (POST /_sim/mgm/realtime {"burst":N});
#          events/s from the request to the last receipt; the delay includes queueing.
#   paced  the simulator's rate knob at RATE events/s for S seconds: events/s received
#          and the delay at that offered load (the goal's figure).
# Goal: >= 100,000 events/s into C, p99 < 5 ms.
source "$(dirname "$0")/../lib/case-env.sh"

if [ "$MESLINK_BENCH_SIZE" = full ]; then
    burst_c=1000000 burst_py=300000 burst_cs=300000 rate=100000 secs=5
else
    burst_c=2000 burst_py=2000 burst_cs=2000 rate=2000 secs=0.5
fi
work="$MESLINK_BENCH_WORK/04-stream"
mkdir -p "$work"
out="$work/results.txt"
: >"$out"

build_c "$bench_dir/stream/stream.c" "$work/stream"
"$work/stream" "$MESLINK_SIM_URL" "$burst_c" "$rate" "$secs" | tee -a "$out"
if [ -n "${MESLINK_BENCH_PY:-}" ]; then
    "$MESLINK_BENCH_PY" "$bench_dir/stream/stream.py" "$MESLINK_SIM_URL" "$burst_py" "$rate" "$secs" |
        tee -a "$out"
else
    echo "(Python row skipped: MESLINK_BENCH_PY is not set)"
fi
if build_cs "$bench_dir/stream/Stream.cs" "$work/Stream.exe"; then
    mono "$work/Stream.exe" "$MESLINK_SIM_URL" "$burst_cs" "$rate" "$secs" | tee -a "$out"
else
    echo "(C# row skipped: no Mono or MESLINK_BENCH_DOTNET)"
fi

echo
echo "### Case 4: live stream (mgm.realtime), $MESLINK_BENCH_SIZE size, load $(load_now)"
echo
echo "Paced rows: the simulator offers $rate events/s for $secs s. Burst rows: N events sent as fast as the simulator can. Delay: simulator's send stamp to the reader's receipt (includes queueing)."
echo
awk -F'|' '
    /^RESULT\|/ { rows[++n] = $0; if ($2 == "C") c[$3] = $6 }
    END {
        print "| Reader | Phase | Events | Events/s | p50 delay (ms) | p99 delay (ms) | Dropped | Events/s vs C |"
        print "|---|---|---:|---:|---:|---:|---:|---:|"
        for (i = 1; i <= n; i++) {
            split(rows[i], f, "|")
            ratio = (c[f[3]] > 0) ? sprintf("%.2f", f[6] / c[f[3]]) : "-"
            printf "| %s | %s | %d | %d | %.3f | %.3f | %d | %s |\n", f[2], f[3], f[4], f[6], f[7], f[8], f[9], ratio
        }
    }' "$out"
echo
awk -F'|' -v rate="$rate" '
    $2 == "C" && $3 == "burst" { burst = $6 }
    $2 == "C" && $3 == "paced" { paced = $6; p99 = $8; dropped = $9 }
    END {
        ok_rate = (burst >= 100000 && paced >= 0.95 * rate)
        ok_p99 = (p99 < 5)
        printf "Goal (C: >= 100,000 events/s, p99 < 5 ms at that rate): burst %d events/s, paced %d of %d events/s offered, p99 %.3f ms, %d dropped: %s\n",
            burst, paced, rate, p99, dropped,
            (rate >= 100000 ? ((ok_rate && ok_p99 && dropped == 0) ? "MET" : "MISSED") : "not judged at smoke size")
    }' "$out"
