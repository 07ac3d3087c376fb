#!/usr/bin/env bash
# Case 1: sequential calls. N x ate.sn_detail.upload and N x ate.sn_detail.get, one call
# at a time, against the run's simulator, from every language and from what stations use
# today (the seed's snippets). Rows are measured round-robin, MESLINK_BENCH_RUNS times
# each; the table shows each row's median run, with the CPU a call cost the client (its
# timed loop's process CPU time) and the simulator (bench/lib/cpu.py): on a loaded shared
# machine the CPU figures are the steadier comparison.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../lib/case.sh"

n="$(pick 20 3000)"
url="$MESLINK_SIM_URL"
py="$MESLINK_BENCH_PY"
pyb="$MESLINK_BENCH_ROOT/bench/python/bench.py"
cs="$MESLINK_BENCH_DOTNET/Bench.exe"
results="$MESLINK_BENCH_WORK/01-sequential.jsonl"
: >"$results"

echo "### Case 1: sequential calls (N = $n each, $MESLINK_BENCH_RUNS run(s) a row)"
echo
cpu=(python3 "$MESLINK_BENCH_ROOT/bench/lib/cpu.py" "$MESLINK_SIM_PID" --)
mono_cmd=(env "LD_LIBRARY_PATH=$MESLINK_LIB_DIR" mono --optimize=all)
for run in $(seq "$MESLINK_BENCH_RUNS"); do
    echo "run $run of $MESLINK_BENCH_RUNS" >&2
    for call in upload get; do
        measure "$results" "${cpu[@]}" "$py" "$pyb" seq "$url" "$n" "$call" snippet || true
        measure "$results" "${cpu[@]}" "$py" "$pyb" seq "$url" "$n" "$call" session || true
        measure "$results" "${cpu[@]}" "$py" "$pyb" seq "$url" "$n" "$call" meslink || true
        measure "$results" "${cpu[@]}" "$MESLINK_BENCH_BIN/bench-c" seq "$url" "$n" "$call" || true
        measure "$results" "${cpu[@]}" "${mono_cmd[@]}" "$cs" seq "$url" "$n" "$call" meslink || true
        measure "$results" "${cpu[@]}" "${mono_cmd[@]}" "$cs" seq "$url" "$n" "$call" httpclient-per-call || true
        measure "$results" "${cpu[@]}" "${mono_cmd[@]}" "$cs" seq "$url" "$n" "$call" httpclient-reused || true
        measure "$results" "${cpu[@]}" "$MESLINK_BENCH_BIN/meslink-bench" seq "$url" "$n" "$call" || true
    done
done

for call in upload get; do
    snippet="seed snippet: requests.request ($call)"
    session="requests.Session ($call)"
    mpy="meslink Python ($call)"
    mc="meslink C ABI ($call)"
    mcs="meslink C# on Mono ($call)"
    percall="C# HttpClient per call, as the RestSharp snippet ($call)"
    reused="C# HttpClient reused ($call)"
    rust="meslink Rust API ($call)"
    table "$results" --title "ate.sn_detail.$call, sequential" --baseline "$snippet" \
        --rows "$snippet" "$session" "$mpy" "$mc" "$mcs" "$percall" "$reused" "$rust" \
        --goal "Python ≥ 10× the seed snippet ($call)::$mpy::$snippet::10" \
        --goal "Python ≥ 3× requests.Session ($call)::$mpy::$session::3" \
        --goal "C# ≥ 5× a per-call HttpClient ($call)::$mcs::$percall::5" \
        --goal "C ABI within 10% of the Rust API ($call)::$mc::$rust::0.9" \
        --cpu-goal "Python ≥ 10× the seed snippet ($call)::$mpy::$snippet::10" \
        --cpu-goal "Python ≥ 3× requests.Session ($call)::$mpy::$session::3" \
        --cpu-goal "C# ≥ 5× a per-call HttpClient ($call)::$mcs::$percall::5" \
        --cpu-goal "C ABI within 10% of the Rust API ($call)::$mc::$rust::0.9"
done
