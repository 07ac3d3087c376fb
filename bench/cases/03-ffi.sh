#!/usr/bin/env bash
# Case 3: FFI overhead. Exports that do no I/O, in ns per call, from C, C# (P/Invoke on
# Mono) and Python (ctypes on the C ABI, and a getter of the PyO3 extension).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../lib/case.sh"

n="$(pick 10000 2000000)"
results="$MESLINK_BENCH_WORK/03-ffi.jsonl"
: >"$results"

echo "### Case 3: FFI overhead (N = $n calls a row, $MESLINK_BENCH_RUNS run(s))"
echo
for run in $(seq "$MESLINK_BENCH_RUNS"); do
    measure "$results" "$MESLINK_BENCH_BIN/bench-c" ffi "$n" "$MESLINK_SIM_URL" || true
    measure "$results" mono_run "$MESLINK_BENCH_DOTNET/Bench.exe" ffi "$n" || true
    measure "$results" "$MESLINK_BENCH_PY" "$MESLINK_BENCH_ROOT/bench/python/bench.py" ffi "$n" "$MESLINK_LIB_DIR" || true
done
table "$results" --title "no-I/O calls across the boundary" \
    --max-ns "FFI < 1 µs from C (meslink_status_str)::C: meslink_status_str::1000" \
    --max-ns "FFI < 1 µs from C (meslink_error_last)::C: meslink_error_last (empty)::1000" \
    --max-ns "FFI < 1 µs from C (kept answer)::C: meslink_answer_fetch (kept answer, length query)::1000"
