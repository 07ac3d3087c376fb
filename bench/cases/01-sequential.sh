#!/usr/bin/env bash
# Case 1: sequential calls. N x ate.sn_detail.upload and N x ate.sn_detail.get, one call
# at a time, against the run's simulator, from every language, from what stations use
# today (the seed's snippets), from Python's pooled HTTP clients (urllib3.PoolManager,
# httpx.Client) and from `wrk -t1 -c1` on the same request (the floor of one keep-alive
# connection on this machine). Rows are measured round-robin, MESLINK_BENCH_RUNS times
# each; the table shows each row's median run, with the CPU a call cost the client (its
# timed loop's process CPU time), its context switches (every thread of the process) and
# the simulator's CPU (bench/lib/cpu.py): on a loaded shared machine the CPU figures are
# the steadier comparison.
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
wrk_secs="$(pick 1 5)"
MESLINK_BENCH_TOKEN="$(curl -sf -F emp_no=ate -F password=Windows123. "$url/api/login/" |
    python3 -c 'import json, sys; print("BEARER " + json.load(sys.stdin)["token"])')"
export MESLINK_BENCH_TOKEN

# wrk_row CALL: `wrk -t1 -c1` for wrk_secs on the request of CALL; its summary becomes a
# result line with the client's CPU and context switches (cpu.py).
wrk_row() {
    command -v wrk >/dev/null || { echo "wrk is not installed" >&2; return 1; }
    local call="$1" path out
    if [ "$call" = upload ]; then path="/api/sn_detail/"; else path="/api/sn_detail/1037020031/"; fi
    out="$("${cpu[@]}" wrk -t1 -c1 -d"${wrk_secs}s" --latency \
        -s "$MESLINK_BENCH_ROOT/bench/wrk/sn_detail_$call.lua" "$url$path")" || return 1
    python3 "$MESLINK_BENCH_ROOT/bench/lib/wrk_row.py" "wrk -t1 -c1 ($call)" "$out"
}
mono_cmd=(env "LD_LIBRARY_PATH=$MESLINK_LIB_DIR" mono --optimize=all)
for run in $(seq "$MESLINK_BENCH_RUNS"); do
    echo "run $run of $MESLINK_BENCH_RUNS" >&2
    for call in upload get; do
        measure "$results" "${cpu[@]}" "$py" "$pyb" seq "$url" "$n" "$call" snippet || true
        measure "$results" "${cpu[@]}" "$py" "$pyb" seq "$url" "$n" "$call" session || true
        measure "$results" "${cpu[@]}" "$py" "$pyb" seq "$url" "$n" "$call" urllib3 || true
        measure "$results" "${cpu[@]}" "$py" "$pyb" seq "$url" "$n" "$call" httpx || true
        measure "$results" "${cpu[@]}" "$py" "$pyb" seq "$url" "$n" "$call" meslink || true
        measure "$results" "${cpu[@]}" "$MESLINK_BENCH_BIN/bench-c" seq "$url" "$n" "$call" || true
        measure "$results" "${cpu[@]}" "${mono_cmd[@]}" "$cs" seq "$url" "$n" "$call" meslink || true
        measure "$results" "${cpu[@]}" "${mono_cmd[@]}" "$cs" seq "$url" "$n" "$call" httpclient-per-call || true
        measure "$results" "${cpu[@]}" "${mono_cmd[@]}" "$cs" seq "$url" "$n" "$call" httpclient-reused || true
        measure "$results" "${cpu[@]}" "$MESLINK_BENCH_BIN/meslink-bench" seq "$url" "$n" "$call" || true
        measure "$results" wrk_row "$call" || true
    done
done

for call in upload get; do
    snippet="seed snippet: requests.request ($call)"
    session="requests.Session ($call)"
    u3="urllib3.PoolManager ($call)"
    hx="httpx.Client ($call)"
    wrk="wrk -t1 -c1 ($call)"
    mpy="meslink Python ($call)"
    mc="meslink C ABI ($call)"
    mcs="meslink C# on Mono ($call)"
    percall="C# HttpClient per call, as the RestSharp snippet ($call)"
    reused="C# HttpClient reused ($call)"
    rust="meslink Rust API ($call)"
    table "$results" --title "ate.sn_detail.$call, sequential" --baseline "$snippet" \
        --rows "$snippet" "$session" "$u3" "$hx" "$mpy" "$mc" "$mcs" "$percall" "$reused" "$rust" "$wrk" \
        --goal "Python ≥ 10× the seed snippet ($call)::$mpy::$snippet::10" \
        --goal "Python ≥ 3× requests.Session ($call)::$mpy::$session::3" \
        --goal "C ABI within 10% of the Rust API ($call)::$mc::$rust::0.9" \
        --goal "Python ≥ 3× urllib3.PoolManager ($call)::$mpy::$u3::3" \
        --goal "Python ≥ 0.6 of wrk -t1 -c1 ($call)::$mpy::$wrk::0.6" \
        --goal "C ≥ 0.8 of wrk -t1 -c1 ($call)::$mc::$wrk::0.8" \
        --goal "C# ≥ 6× a per-call HttpClient ($call)::$mcs::$percall::6" \
        --max-cpu "C ≤ 40 µs client CPU a call ($call)::$mc::40" \
        --max-csw "C ≤ 1.5 context switches a call ($call)::$mc::1.5" \
        --cpu-above "Python ≤ 25 µs CPU above C ($call)::$mpy::$mc::25" \
        --cpu-above "C# ≤ 20 µs CPU above C ($call)::$mcs::$mc::20" \
        --cpu-goal "Python ≥ 10× the seed snippet ($call)::$mpy::$snippet::10" \
        --cpu-goal "Python ≥ 3× requests.Session ($call)::$mpy::$session::3" \
        --cpu-goal "C# ≥ 6× a per-call HttpClient ($call)::$mcs::$percall::6" \
        --cpu-goal "C ABI within 10% of the Rust API ($call)::$mc::$rust::0.9"
done
