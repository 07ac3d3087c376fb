# bench/lib/env.sh: the environment every bench case runs in. Sourced by bench/run.sh
# after its builds; each case (bench/cases/NN-*.sh) finds these exported:
#
#   MESLINK_SIM_URL       http://127.0.0.1:PORT of the one simulator of the run
#   MESLINK_SIM_PID       its process id (for its CPU time and RSS: /proc/$MESLINK_SIM_PID)
#   MESLINK_BENCH_SIZE    smoke | full (tiny N for the test suite; the real figures)
#   MESLINK_BENCH_RUNS    how many times a case measures each row (smoke 1, full 3)
#   MESLINK_LIB_DIR       directory of libmeslink.so; the header is $MESLINK_INCLUDE_DIR/meslink.h
#   MESLINK_INCLUDE_DIR   directory of meslink.h
#   MESLINK_BENCH_PY      the venv's python, with meslink (the wheel) and requests
#   MESLINK_BENCH_DOTNET  directory with MesLink.dll (compiled with mcs)
#   MESLINK_BENCH_BIN     directory of the binaries: meslink-sim, meslink-bench (Rust),
#                         bench-c (bench/c/bench.c linked to libmeslink)
#   MESLINK_BENCH_WORK    a scratch directory of this run (emptied at the start)
#   MESLINK_BENCH_PROFILE release | debug: the cargo profile of the binaries above
#   MESLINK_BENCH_ROOT    the repository root
#
# A case prints one markdown table per measurement with bench/lib/table.py and exits 0
# when it ran (a missed goal is printed, not an exit status); non-zero means it broke.

# bench_env ROOT SIZE PROFILE: sets and exports the variables above (except the URL).
bench_env() {
    local root="$1" size="$2" profile="$3"
    local target="${CARGO_TARGET_DIR:-$root/target}"
    export MESLINK_BENCH_ROOT="$root"
    export MESLINK_BENCH_SIZE="$size"
    if [ "$size" = full ]; then
        export MESLINK_BENCH_RUNS="${MESLINK_BENCH_RUNS:-3}"
    else
        export MESLINK_BENCH_RUNS="${MESLINK_BENCH_RUNS:-1}"
    fi
    export MESLINK_BENCH_PROFILE="$profile"
    export MESLINK_LIB_DIR="$target/$profile"
    export MESLINK_INCLUDE_DIR="$root/include"
    export MESLINK_BENCH_PY="$root/build/bench/venv-$profile/bin/python"
    export MESLINK_BENCH_DOTNET="$root/build/bench/dotnet-$profile"
    export MESLINK_BENCH_BIN="$root/build/bench/bin-$profile"
    export MESLINK_BENCH_WORK="$root/build/bench/work"
}
