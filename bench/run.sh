#!/usr/bin/env bash
# bench/run.sh: every benchmark of bench/cases in one run, with one simulator.
#
#   bash bench/run.sh            full size, release builds (the figures of docs/BENCHMARKS.md)
#   bash bench/run.sh --smoke    tiny N, debug builds (tests/run-all.sh: keeps the cases alive)
#   bash bench/run.sh 02         only the cases whose file name starts with 02 (any prefix)
#
# It builds what the cases need (the C ABI library, meslink-sim and the Rust bench binary
# with cargo; bench/c/bench.c with gcc; the Python wheel with maturin into a venv under
# build/bench/ with `requests` and `httpx`; MesLink.dll and bench/dotnet/Bench.cs with mcs), installs
# wrk with apt-get when it is missing, starts one meslink-sim (its first line is
# MESLINK_SIM_URL=...), then runs every executable bench/cases/NN-*.sh in order and
# prints their markdown tables. A case that breaks is reported and the others still run;
# the exit status is non-zero when a case or a build broke (never for a missed goal).
#
# Contract with the cases (exported; see bench/lib/env.sh):
#   MESLINK_SIM_URL, MESLINK_SIM_PID, MESLINK_BENCH_SIZE (smoke|full), MESLINK_BENCH_RUNS,
#   MESLINK_LIB_DIR (libmeslink.so), MESLINK_INCLUDE_DIR (meslink.h),
#   MESLINK_BENCH_PY (venv python with meslink, requests and httpx),
#   MESLINK_BENCH_DOTNET (MesLink.dll, Bench.exe), MESLINK_BENCH_BIN (meslink-sim,
#   meslink-bench, bench-c), MESLINK_BENCH_WORK (scratch), MESLINK_BENCH_PROFILE,
#   MESLINK_BENCH_ROOT.
# Environment: MESLINK_BENCH_PROFILE=release|debug overrides the profile of the size.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

size=full
only=""
for arg in "$@"; do
    case "$arg" in
        --smoke) size=smoke ;;
        --full) size=full ;;
        -h | --help) sed -n '2,27p' "$0"; exit 0 ;;
        -*) echo "bench/run.sh: unknown option $arg" >&2; exit 2 ;;
        *) only="$only $arg" ;;
    esac
done
if [ "$size" = full ]; then profile="${MESLINK_BENCH_PROFILE:-release}"; else profile="${MESLINK_BENCH_PROFILE:-debug}"; fi

source "$here/lib/env.sh"
bench_env "$root" "$size" "$profile"
say() { printf '\n== %s\n' "$*" >&2; }

# ---- tools -----------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
    say "installing wrk (apt-get)"
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null; } ||
        echo "bench/run.sh: wrk could not be installed; its row will be missing" >&2
fi

# ---- builds ----------------------------------------------------------------------------
cargo_flags=()
[ "$profile" = release ] && cargo_flags+=(--release)
say "cargo build ($profile): meslink-ffi meslink-sim meslink-bench"
cargo build "${cargo_flags[@]}" -p meslink-ffi -p meslink-sim -p meslink-bench

mkdir -p "$MESLINK_BENCH_BIN" "$MESLINK_BENCH_DOTNET"
rm -rf "$MESLINK_BENCH_WORK"
mkdir -p "$MESLINK_BENCH_WORK"
ln -sf "$MESLINK_LIB_DIR/meslink-sim" "$MESLINK_BENCH_BIN/meslink-sim"
ln -sf "$MESLINK_LIB_DIR/meslink-bench" "$MESLINK_BENCH_BIN/meslink-bench"
say "gcc bench/c/bench.c"
gcc -std=c11 -O2 -Wall -Wextra -Werror -I"$MESLINK_INCLUDE_DIR" bench/c/bench.c \
    -L"$MESLINK_LIB_DIR" -lmeslink -Wl,-rpath,"$MESLINK_LIB_DIR" -o "$MESLINK_BENCH_BIN/bench-c"

# The wheel is rebuilt only when the sources changed since the last build of this profile.
# One venv and wheel per profile: a smoke run never replaces the release wheel.
venv="$root/build/bench/venv-$profile"
wheels="$root/build/bench/wheels-$profile"
stamp="$root/build/bench/wheel-$profile.stamp"
newest_source() {
    find rust/meslink/src rust/meslink-py python/meslink python/pyproject.toml Cargo.lock -type f \
        -newer "$stamp" -print -quit 2>/dev/null
}
if [ ! -x "$venv/bin/python" ]; then
    say "venv $venv (maturin, requests)"
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "maturin>=1.5,<2" requests
fi
# httpx: a row of case 1 (a venv made before that row gets it here).
if ! "$venv/bin/python" -c 'import httpx' 2>/dev/null; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check httpx
fi
if [ ! -f "$stamp" ] || [ -n "$(newest_source)" ] || ! "$venv/bin/python" -c 'import meslink' 2>/dev/null; then
    say "wheel ($profile) into the venv"
    rm -rf "$wheels"
    wheel_args=(build -q -o "$wheels" --interpreter "$venv/bin/python")
    [ "$profile" = release ] && wheel_args+=(--release)
    (cd python && "$venv/bin/maturin" "${wheel_args[@]}")
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps \
        "$wheels"/meslink-*.whl
    touch "$stamp"
fi

say "mcs MesLink.dll, Bench.exe"
mcs_flags=(-langversion:7.2 -nologo -warnaserror+ -nowarn:1591 -optimize+)
mcs "${mcs_flags[@]}" -unsafe -target:library -out:"$MESLINK_BENCH_DOTNET/MesLink.dll" \
    $(find dotnet/MesLink -name '*.cs' | sort)
mcs "${mcs_flags[@]}" -unsafe -target:exe -out:"$MESLINK_BENCH_DOTNET/Bench.exe" \
    -r:"$MESLINK_BENCH_DOTNET/MesLink.dll" -r:System.Net.Http bench/dotnet/Bench.cs

# ---- the simulator ---------------------------------------------------------------------
# Its stdin is a fifo held open on fd 3: when this script exits, however, the simulator
# reads EOF and exits; the trap kills it too.
fifo="$MESLINK_BENCH_WORK/sim.stdin"
mkfifo "$fifo"
"$MESLINK_BENCH_BIN/meslink-sim" <"$fifo" >"$MESLINK_BENCH_WORK/sim.out" 2>"$MESLINK_BENCH_WORK/sim.err" &
sim_pid=$!
export MESLINK_SIM_PID="$sim_pid"
exec 3>"$fifo"
trap 'exec 3>&-; kill "$sim_pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
    line="$(head -1 "$MESLINK_BENCH_WORK/sim.out" 2>/dev/null || true)"
    [ -n "$line" ] && break
    sleep 0.1
done
case "$line" in
    MESLINK_SIM_URL=*) export MESLINK_SIM_URL="${line#MESLINK_SIM_URL=}" ;;
    *) echo "bench/run.sh: meslink-sim did not start: $(cat "$MESLINK_BENCH_WORK/sim.err")" >&2; exit 1 ;;
esac

# ---- the cases -------------------------------------------------------------------------
cores="$(nproc)"
cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo "# meslink benchmarks ($size, $profile build)"
echo
echo "Machine: $cores cores, $cpu; $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo);"
echo "$( . /etc/os-release && echo "$PRETTY_NAME"), $(uname -r). Load before the run: $(cut -d' ' -f1-3 /proc/loadavg)."
echo "Simulator: $MESLINK_SIM_URL (one process, shared by every row)."
if [ "$size" = smoke ]; then
    echo
    echo "_Smoke run: tiny N on $profile builds, to check that every case runs; its figures and"
    echo "goal lines mean nothing._"
fi
echo
broken=()
for case_file in bench/cases/[0-9][0-9]-*.sh; do
    name="$(basename "$case_file" .sh)"
    if [ -n "$only" ]; then
        wanted=0
        for prefix in $only; do [[ "$name" == "$prefix"* ]] && wanted=1; done
        [ "$wanted" = 1 ] || continue
    fi
    [ -x "$case_file" ] || { echo "(skipped $name: not executable)" >&2; continue; }
    say "case $name"
    t0=$SECONDS
    if ! "$case_file"; then
        broken+=("$name")
        echo "**case $name broke** (see the messages above)"
        echo
    fi
    echo "_($name took $((SECONDS - t0)) s; load after: $(cut -d' ' -f1-3 /proc/loadavg))_"
    echo
done
if [ -s "$MESLINK_BENCH_WORK/broken-rows" ]; then
    echo "bench/run.sh: rows that failed to run:" >&2
    sed 's/^/  /' "$MESLINK_BENCH_WORK/broken-rows" >&2
    broken+=("(rows)")
fi
if [ ${#broken[@]} -gt 0 ]; then
    echo "bench/run.sh: broken cases: ${broken[*]}" >&2
    exit 1
fi
