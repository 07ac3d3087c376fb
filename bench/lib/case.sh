# bench/lib/case.sh: helpers for the bench cases (sourced by bench/cases/NN-*.sh).
# The variables are described in bench/lib/env.sh.

: "${MESLINK_SIM_URL:?run the cases through bench/run.sh}"

# Per-size numbers: pick SMOKE FULL.
pick() { if [ "$MESLINK_BENCH_SIZE" = full ]; then echo "$2"; else echo "$1"; fi; }

# measure RESULTS COMMAND...: runs a row's program, appends its JSON lines to RESULTS,
# and says so on stderr; a failing row is reported and skipped (its row shows "not run")
# and listed in $MESLINK_BENCH_WORK/broken-rows (bench/run.sh then exits non-zero).
measure() {
    local results="$1"
    shift
    local out
    if out="$("$@" 2>"$MESLINK_BENCH_WORK/last.err")"; then
        printf '%s\n' "$out" >>"$results"
        printf '%s\n' "$out" | sed 's/^/  /' >&2
    else
        echo "  FAILED: $* ($(tail -3 "$MESLINK_BENCH_WORK/last.err" | tr '\n' ' '))" >&2
        echo "$*" >>"$MESLINK_BENCH_WORK/broken-rows"
        return 1
    fi
}

# Mono finds libmeslink.so through the library path.
mono_run() { LD_LIBRARY_PATH="$MESLINK_LIB_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" mono --optimize=all "$@"; }

table() { python3 "$MESLINK_BENCH_ROOT/bench/lib/table.py" "$@"; }
