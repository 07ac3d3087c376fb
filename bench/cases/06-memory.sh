#!/usr/bin/env bash
# Case 6, memory: the RSS of a C process after 10,000 and after 1,000,000 calls through
# the C ABI (meslink_client_call of ate.sn_detail.get, one small GET to the simulator, on
# one client shared by 4 threads so the million calls take seconds rather than minutes),
# with checkpoints between; and the size of libmeslink.so stripped (strip of a copy).
# Goal: RSS flat within 5% between 10,000 and 1,000,000 calls.
set -euo pipefail
source "$(dirname "$0")/../lib/case.sh"

if [ "$MESLINK_BENCH_SIZE" = full ]; then calls=1000000; else calls=12000; fi
threads=4
work="$MESLINK_BENCH_WORK/06-memory"
mkdir -p "$work"
out="$work/results.txt"

build_c "$bench_dir/memory/memory.c" "$work/memory"
"$work/memory" "$MESLINK_SIM_URL" "$calls" "$threads" | tee "$out"

cp -f "$MESLINK_LIB_DIR/libmeslink.so" "$work/libmeslink.so"
unstripped=$(stat -c %s "$work/libmeslink.so")
strip "$work/libmeslink.so"
stripped=$(stat -c %s "$work/libmeslink.so")

echo
echo "### Case 6: memory through the C ABI, $MESLINK_BENCH_SIZE size, load $(load_now)"
echo
echo "ate.sn_detail.get through meslink_client_call, one client, $threads threads. RSS after each checkpoint (threads joined)."
echo
awk -F'|' '
    /^RESULT\|/ { rows[++n] = $0; if ($2 == 10000) base = $5 }
    END {
        print "| Calls | Seconds | Calls/s (phase) | VmRSS (MiB) | VmHWM (MiB) | RSS vs 10,000 calls |"
        print "|---:|---:|---:|---:|---:|---:|"
        for (i = 1; i <= n; i++) {
            split(rows[i], f, "|")
            printf "| %d | %.1f | %d | %.2f | %.2f | %s |\n", f[2], f[3], f[4], f[5] / 1024, f[6] / 1024, base ? sprintf("%+.1f%%", (f[5] - base) * 100 / base) : "-"
        }
    }' "$out"
echo
printf '| libmeslink.so | bytes | MiB |\n|---|---:|---:|\n| as built | %d | %.2f |\n| stripped | %d | %.2f |\n' \
    "$unstripped" "$(echo "$unstripped / 1048576" | bc -l)" "$stripped" "$(echo "$stripped / 1048576" | bc -l)"
echo
awk -F'|' -v calls="$calls" '
    /^RESULT\|/ { if ($2 == 10000) base = $5; last = $5; lastn = $2; fails = $7 }
    END {
        growth = base ? (last - base) * 100 / base : 0
        verdict = (calls >= 1000000) ? ((growth <= 5 && growth >= -5 && fails == 0) ? "MET" : "MISSED") : "not judged at smoke size"
        printf "Goal (RSS within 5%% between 10,000 and 1,000,000 calls): %.2f MiB after 10,000, %.2f MiB after %d (%+.1f%%), %d failed calls: %s\n", base / 1024, last / 1024, lastn, growth, fails, verdict
    }' "$out"
