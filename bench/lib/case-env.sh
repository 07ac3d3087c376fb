# Sourced by bench cases 04-06: checks the runner's environment and offers the helpers
# they share (compiling a C bench against libmeslink, timing, load).
#
# The runner (bench/run.sh) exports MESLINK_SIM_URL, MESLINK_BENCH_SIZE (smoke|full),
# MESLINK_LIB_DIR (libmeslink.so + meslink.h), MESLINK_BENCH_PY (python with meslink),
# MESLINK_BENCH_DOTNET (dir with MesLink.dll), MESLINK_BENCH_BIN (meslink, meslink-sim),
# MESLINK_BENCH_WORK (scratch dir).

set -euo pipefail

for var in MESLINK_SIM_URL MESLINK_BENCH_SIZE MESLINK_LIB_DIR MESLINK_BENCH_WORK; do
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
    gcc -std=c11 -O2 -Wall -Wextra -Werror -pthread -I"$MESLINK_LIB_DIR" "$1" \
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
