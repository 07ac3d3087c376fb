#!/usr/bin/env bash
# Tests the meslink C ABI from C: builds libmeslink (shared and static) and the simulator,
# compiles tests/test_meslink.c, tests/test_stream.c, tests/test_log.c (log records) and
# tests/test_op.c (operations: start, wait, cancel, completion queues) against include/meslink.h twice
# each (shared library with an rpath; static library), tests/test_every_call.c (every
# request call through the generic call), tests/test_trace.c, tests/test_batch.c (the batch
# call), tests/test_spool.c (the store-and-forward spool), tests/spool_writer.c (the station of the SIGKILL loop,
# tests/faults/kill_loop.py) and tests/test_stress.c (16 threads on shared handles closed
# and reopened under them), compiles examples/station.c, starts target/debug/meslink-sim,
# runs them all, then test_meslink, test_stream and test_stress again built with
# AddressSanitizer (gcc -fsanitize=address, linked to the shared library) and under valgrind.
# test-sdk.sh tests the C SDK archive of tools/sdk.sh (pkg-config, CMake, the SONAME).
#
# test_stress makes MESLINK_STRESS_CALLS calls per thread (default 500 here; 10000 is the
# full run, by hand); the valgrind run makes 30 (valgrind runs the 16 threads one at a
# time: 100 calls a thread took 3.5 minutes).
#
# test_stream's soak lasts MESLINK_SOAK_SECONDS (default 60) in the shared-library run;
# the static and valgrind runs, which check linking and memory, soak for at most 10 s.
#
# Usage: bindings/c/run-tests.sh            (from anywhere; needs cargo, gcc, valgrind)
#        MESLINK_C_NO_VALGRIND=1 ...        skips the valgrind run
#        MESLINK_C_NO_ASAN=1 ...            skips the AddressSanitizer builds and runs
# Exits non-zero on any failure; the last line is "run-tests: N passed, N failed" (steps).
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$here/build"
mkdir -p "$build"
cd "$root"

passed=0
failed=0
results=()
step() { # step NAME COMMAND...: runs a step, records PASS/FAIL
    local name="$1"
    shift
    echo "==> $name"
    if "$@"; then
        passed=$((passed + 1))
        results+=("PASS  $name")
    else
        failed=$((failed + 1))
        results+=("FAIL  $name")
    fi
}
summary() {
    echo
    echo "---- C ABI tests ----"
    printf '%s\n' "${results[@]}"
    echo "run-tests: $passed passed, $failed failed"
}

# ---- build ---------------------------------------------------------------------------
if ! cargo build -p meslink-ffi -p meslink-sim -p meslink-cli; then
    results+=("FAIL  cargo build")
    failed=$((failed + 1))
    summary
    exit 1
fi
target_dir="$(cargo metadata --no-deps --format-version 1 |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
lib="$target_dir/debug"
sim_bin="$lib/meslink-sim"

cflags=(-std=c11 -O1 -g -Wall -Wextra -Werror -pthread -I"$root/include")
tests=(test_meslink test_stream test_log test_op)
for t in "${tests[@]}"; do
    step "gcc $t (shared)" gcc "${cflags[@]}" "bindings/c/tests/$t.c" \
        -L"$lib" -lmeslink -Wl,-rpath,"$lib" -o "$build/${t}_shared"
    # The static library needs the system libraries Rust's std uses
    # (`cargo rustc -p meslink-ffi -- --print native-static-libs` lists them).
    step "gcc $t (static)" gcc "${cflags[@]}" "bindings/c/tests/$t.c" \
        "$lib/libmeslink.a" -lpthread -ldl -lm -o "$build/${t}_static"
done
step "gcc test_every_call" gcc "${cflags[@]}" bindings/c/tests/test_every_call.c \
    -L"$lib" -lmeslink -Wl,-rpath,"$lib" -o "$build/test_every_call"
step "gcc test_trace" gcc "${cflags[@]}" bindings/c/tests/test_trace.c \
    -L"$lib" -lmeslink -Wl,-rpath,"$lib" -o "$build/test_trace"
step "gcc test_spool" gcc "${cflags[@]}" bindings/c/tests/test_spool.c \
    -L"$lib" -lmeslink -Wl,-rpath,"$lib" -o "$build/test_spool"
step "gcc spool_writer" gcc "${cflags[@]}" bindings/c/tests/spool_writer.c \
    -L"$lib" -lmeslink -Wl,-rpath,"$lib" -o "$build/spool_writer"
step "gcc test_stress" gcc "${cflags[@]}" bindings/c/tests/test_stress.c \
    -L"$lib" -lmeslink -Wl,-rpath,"$lib" -o "$build/test_stress_shared"
# AddressSanitizer: the test programs instrumented, the Rust library as built (its heap
# goes through the intercepted malloc, so overflows of caller buffers, use after free and
# leaks at exit are caught on both sides of the ABI).
asan_tests=(test_meslink test_stream test_stress test_log test_op)
if [ "${MESLINK_C_NO_ASAN:-0}" != 1 ]; then
    for t in "${asan_tests[@]}"; do
        step "gcc $t (AddressSanitizer)" gcc "${cflags[@]}" -fsanitize=address \
            -fno-omit-frame-pointer "bindings/c/tests/$t.c" \
            -L"$lib" -lmeslink -Wl,-rpath,"$lib" -o "$build/${t}_asan"
    done
fi
step "gcc test_batch" gcc "${cflags[@]}" bindings/c/tests/test_batch.c \
    -L"$lib" -lmeslink -Wl,-rpath,"$lib" -o "$build/test_batch"
step "gcc example station" gcc "${cflags[@]}" bindings/c/examples/station.c \
    -L"$lib" -lmeslink -Wl,-rpath,"$lib" -o "$build/station"
step "gcc example poll_op" gcc "${cflags[@]}" bindings/c/examples/poll_op.c \
    -L"$lib" -lmeslink -Wl,-rpath,"$lib" -o "$build/poll_op"

# ---- the simulator -------------------------------------------------------------------
# Its stdin is a fifo whose write end this script holds on fd 3: when the script exits
# (however), the fd closes, the simulator reads EOF and exits. The trap kills it anyway.
fifo="$build/sim.stdin"
rm -f "$fifo"
mkfifo "$fifo"
"$sim_bin" <"$fifo" >"$build/sim.out" 2>"$build/sim.err" &
sim_pid=$!
exec 3>"$fifo"
rm -f "$fifo"
cleanup() {
    exec 3>&- 2>/dev/null
    kill "$sim_pid" 2>/dev/null
    wait "$sim_pid" 2>/dev/null
}
trap cleanup EXIT

url=""
for _ in $(seq 1 100); do
    url="$(sed -n '1s/^MESLINK_SIM_URL=//p' "$build/sim.out" 2>/dev/null)"
    [ -n "$url" ] && break
    sleep 0.1
done
if [ -z "$url" ]; then
    echo "meslink-sim did not print its URL:" >&2
    cat "$build/sim.err" >&2
    results+=("FAIL  start meslink-sim")
    failed=$((failed + 1))
    summary
    exit 1
fi
export MESLINK_SIM_URL="$url"
echo "simulator: $MESLINK_SIM_URL"

# ---- run -----------------------------------------------------------------------------
run_if_built() { # run_if_built BINARY: fails when the compile step failed
    [ -x "$1" ] && "$1"
}
soak="${MESLINK_SOAK_SECONDS:-60}"
short_soak=$((soak < 10 ? soak : 10))
for t in "${tests[@]}"; do
    step "$t (shared)" run_if_built "$build/${t}_shared"
    MESLINK_SOAK_SECONDS=$short_soak step "$t (static)" run_if_built "$build/${t}_static"
done
step "example station" run_if_built "$build/station"
# The polling example: answered; then, with the simulator holding answers 2 s, its "Stop
# button" after 3 ticks cancels the call (exit 3).
sim_latency() { # sim_latency MS
    python3 -c 'import sys, urllib.request; urllib.request.urlopen(urllib.request.Request(
        sys.argv[1] + "/_sim/faults", data=("{\"latency_ms\":%s}" % sys.argv[2]).encode(),
        headers={"Content-Type": "application/json"}))' "$MESLINK_SIM_URL" "$1"
}
poll_op_cancelled() {
    [ -x "$build/poll_op" ] || return 1
    sim_latency 2000 || return 1
    local rc=0
    "$build/poll_op" "$MESLINK_SIM_URL" 3 || rc=$?
    sim_latency 0
    [ "$rc" -eq 3 ]
}
step "example poll_op (answered)" run_if_built "$build/poll_op"
step "example poll_op (Stop pressed: cancelled)" poll_op_cancelled
# The C SDK as a user gets it (tools/sdk.sh): pkg-config and CMake builds of the example
# from the unpacked archive, the SONAME; its own simulator.
step "C SDK (pkg-config, CMake find_package, SONAME)" bash "$here/test-sdk.sh"
# One sample call of every request call of the catalog (tools/sample_calls.py), as
# "id<TAB>params" lines.
samples_tsv="$build/sample-calls.tsv"
write_samples() {
    MESLINK_CLI="$lib/meslink" python3 tools/sample_calls.py --tsv >"$samples_tsv"
}
step "sample calls" write_samples
MESLINK_SAMPLE_CALLS_TSV="$samples_tsv" step "test_every_call" run_if_built "$build/test_every_call"
step "test_trace" run_if_built "$build/test_trace"
TMPDIR="$build" step "test_spool" run_if_built "$build/test_spool"
# SIGKILL loop, CI size: the C station killed at random moments while it spools SN
# uploads, restarted, then drained; nothing lost (tests/faults/kill_loop.py has its own
# simulator with a journal). Full size by hand: see docs/RELIABILITY.md.
kill_loop() {
    [ -x "$build/spool_writer" ] &&
        python3 tests/faults/kill_loop.py --writer "$build/spool_writer" --letter C \
            --records "${MESLINK_KILL_LOOP_RECORDS:-150}" --kills "${MESLINK_KILL_LOOP_KILLS:-5}" \
            --sim-kills 2 --sim "$sim_bin" --cli "$lib/meslink"
}
step "SIGKILL loop (spool_writer)" kill_loop
MESLINK_STRESS_CALLS="${MESLINK_STRESS_CALLS:-500}" step "test_stress" run_if_built "$build/test_stress_shared"

if [ "${MESLINK_C_NO_ASAN:-0}" != 1 ]; then
    # detect_leaks: LeakSanitizer at exit. The process-wide tokio runtime is never dropped
    # by design; its memory stays reachable, which LeakSanitizer does not report.
    asan_run() { # asan_run TEST
        ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:log_path=$build/asan-$1" \
            MESLINK_SOAK_SECONDS=$short_soak MESLINK_STRESS_CALLS="${MESLINK_STRESS_CALLS:-500}" \
            run_if_built "$build/$1_asan"
        local rc=$?
        if ls "$build/asan-$1".* >/dev/null 2>&1; then
            cat "$build/asan-$1".* >&2
            rc=1
        fi
        return $rc
    }
    rm -f "$build"/asan-*
    for t in "${asan_tests[@]}"; do
        step "$t under AddressSanitizer" asan_run "$t"
    done
fi
step "test_batch" run_if_built "$build/test_batch"

if [ "${MESLINK_C_NO_VALGRIND:-0}" != 1 ]; then
    # --errors-for-leak-kinds=definite: the process-wide tokio runtime and its worker
    # threads live until exit by design (never dropped), so their memory is "still
    # reachable" or, for thread stacks, "possibly lost"; neither is a leak. Anything
    # definitely lost, and any invalid read/write, fails the run. No suppression file.
    valgrind_run() { # valgrind_run TEST
        MESLINK_SOAK_SECONDS=$short_soak \
            valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite \
            --log-file="$build/valgrind-$1.log" "$build/$1_shared"
        local rc=$?
        grep -E "ERROR SUMMARY|definitely lost|indirectly lost|possibly lost|still reachable" \
            "$build/valgrind-$1.log" | sed 's/^==[0-9]*== */valgrind: /'
        return $rc
    }
    if command -v valgrind >/dev/null; then
        for t in "${tests[@]}"; do
            step "$t (shared) under valgrind" valgrind_run "$t"
        done
        MESLINK_STRESS_CALLS=30 step "test_stress (shared) under valgrind" valgrind_run test_stress
    else
        echo "valgrind is not installed" >&2
        results+=("FAIL  valgrind (not installed)")
        failed=$((failed + 1))
    fi
fi

summary
[ "$failed" -eq 0 ]
