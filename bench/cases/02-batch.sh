#!/usr/bin/env bash
# Case 2: batch. N grading.save records (20,000 at full size) through meslink's batch
# call from Rust, C, Python and C#, against a Python thread pool over requests.Session,
# and against wrk posting the same body to the same endpoint: the loopback limit of this
# machine with this simulator (which shares the cores with the client). Each row also
# shows the CPU a record cost the client and the simulator (bench/lib/cpu.py): on two
# shared cores, that sum is what bounds the rate.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../lib/case.sh"

n="$(pick 200 20000)"
conc="${MESLINK_BENCH_BATCH_CONCURRENCY:-8}"
wrk_secs="$(pick 2 10)"
url="$MESLINK_SIM_URL"
py="$MESLINK_BENCH_PY"
pyb="$MESLINK_BENCH_ROOT/bench/python/bench.py"
results="$MESLINK_BENCH_WORK/02-batch.jsonl"
: >"$results"

# wrk: as many connections as the batch's concurrency, 2 threads (the cores), the same
# body and headers as a grading.save of meslink. Its summary becomes a result line
# (bench/lib/wrk_row.py, as in case 1).
wrk_row() {
    command -v wrk >/dev/null || { echo "wrk is not installed" >&2; return 1; }
    local out
    out="$(python3 "$MESLINK_BENCH_ROOT/bench/lib/cpu.py" "$MESLINK_SIM_PID" -- wrk -t2 -c"$conc" -d"${wrk_secs}s" --latency -s "$MESLINK_BENCH_ROOT/bench/wrk/grading_save.lua" \
        "$url/api/pick/volumeCollectData/save")" || return 1
    python3 "$MESLINK_BENCH_ROOT/bench/lib/wrk_row.py" "wrk -c$conc (loopback limit)" "$out"
}

echo "### Case 2: batch of grading.save (N = $n, concurrency $conc, $MESLINK_BENCH_RUNS run(s) a row)"
echo
cpu=(python3 "$MESLINK_BENCH_ROOT/bench/lib/cpu.py" "$MESLINK_SIM_PID" --)
mono_cmd=(env "LD_LIBRARY_PATH=$MESLINK_LIB_DIR" mono --optimize=all)
for run in $(seq "$MESLINK_BENCH_RUNS"); do
    echo "run $run of $MESLINK_BENCH_RUNS" >&2
    measure "$results" "${cpu[@]}" "$MESLINK_BENCH_BIN/meslink-bench" batch "$url" "$n" "$conc" || true
    measure "$results" "${cpu[@]}" "$MESLINK_BENCH_BIN/bench-c" batch "$url" "$n" "$conc" || true
    measure "$results" "${cpu[@]}" "$py" "$pyb" batch "$url" "$n" "$conc" meslink || true
    measure "$results" "${cpu[@]}" "${mono_cmd[@]}" "$MESLINK_BENCH_DOTNET/Bench.exe" batch "$url" "$n" "$conc" || true
    measure "$results" "${cpu[@]}" "$py" "$pyb" batch "$url" "$n" "$conc" threadpool || true
    measure "$results" wrk_row || true
done

wrk="wrk -c$conc (loopback limit)"
table "$results" --title "grading.save × $n, concurrency $conc" --baseline "$wrk" \
    --rows "meslink batch, Rust (c=$conc)" "meslink batch, C ABI (c=$conc)" \
    "meslink batch, Python (c=$conc)" "meslink batch, C# (c=$conc)" \
    "Python ThreadPool($conc) over requests.Session" "$wrk" \
    --goal "batch ≥ 70% of wrk (Rust)::meslink batch, Rust (c=$conc)::$wrk::0.7" \
    --goal "batch ≥ 70% of wrk (C)::meslink batch, C ABI (c=$conc)::$wrk::0.7" \
    --goal "batch ≥ 70% of wrk (Python)::meslink batch, Python (c=$conc)::$wrk::0.7" \
    --goal "batch ≥ 70% of wrk (C#)::meslink batch, C# (c=$conc)::$wrk::0.7"
echo "Batch rows time the whole batch (calls/s = N / wall time); per-record latency is not"
echo "observable through the batch call, so their p50/p99 are blank. CPU columns: user + system"
echo "time of the client process and growth of the simulator's, per record (the client's includes"
echo "building the records and, for Python and C#, starting the interpreter)."
echo
