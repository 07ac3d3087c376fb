# bench/lib/case.sh: helpers for the bench cases (sourced by bench/cases/NN-*.sh).
# The variables are described in bench/lib/env.sh; a case run alone without them stops here.

for var in MESLINK_SIM_URL MESLINK_BENCH_SIZE MESLINK_LIB_DIR MESLINK_INCLUDE_DIR MESLINK_BENCH_WORK; do
    if [ -z "${!var:-}" ]; then
        echo "$0: $var is not set (run through bench/run.sh)" >&2
        exit 2
    fi
done
case "$MESLINK_BENCH_SIZE" in
    smoke | full) ;;
    *) echo "$0: MESLINK_BENCH_SIZE must be smoke or full, got $MESLINK_BENCH_SIZE" >&2; exit 2 ;;
esac

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$MESLINK_BENCH_WORK"

# build_c SOURCE OUTPUT: an optimised C bench linked to $MESLINK_LIB_DIR/libmeslink.so.
build_c() {
    gcc -std=c11 -O2 -Wall -Wextra -Werror -pthread -I"$MESLINK_INCLUDE_DIR" "$1" \
        -L"$MESLINK_LIB_DIR" -lmeslink -Wl,-rpath,"$MESLINK_LIB_DIR" -o "$2"
}

# build_cs SOURCE OUTPUT.exe: a C# bench beside a copy of MesLink.dll and libmeslink.so
# (Mono finds libmeslink.so in the assembly's directory). Returns 1 when Mono or
# MESLINK_BENCH_DOTNET is missing.
build_cs() {
    local out_dir
    out_dir="$(dirname "$2")"
    [ -n "${MESLINK_BENCH_DOTNET:-}" ] && [ -f "$MESLINK_BENCH_DOTNET/MesLink.dll" ] || return 1
    command -v mcs >/dev/null && command -v mono >/dev/null || return 1
    cp -f "$MESLINK_BENCH_DOTNET/MesLink.dll" "$MESLINK_LIB_DIR/libmeslink.so" "$out_dir/"
    mcs -langversion:7.2 -nologo -optimize+ -target:exe -r:"$out_dir/MesLink.dll" -out:"$2" "$1"
}

# The machine's load now (first figure of uptime), for the tables' footnotes.
load_now() {
    cut -d' ' -f1 /proc/loadavg
}

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
