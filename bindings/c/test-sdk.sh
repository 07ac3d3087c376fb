#!/usr/bin/env bash
# Tests the C SDK as a user uses it: tools/sdk.sh lays it out from the debug build, the
# archive is unpacked into a temporary prefix, and examples/station.c is built from there
#   1. with `pkg-config --cflags --libs meslink` (the shared library),
#   2. with CMake's `find_package(meslink)`, once against meslink::meslink and once
#      against meslink::static;
# each program runs against the simulator. `readelf -d` must show the library's SONAME
# (libmeslink.so.<major>) and the shared programs must need it by that name.
# Installs cmake and pkg-config with apt-get when missing.
#
# Usage: bindings/c/test-sdk.sh            (from anywhere; needs cargo, gcc)
# Exits non-zero on any failure; the last line says how long it took.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
started=$SECONDS
say() { printf '==> %s\n' "$*"; }
fail() { echo "test-sdk: FAIL: $*" >&2; exit 1; }

need=()
command -v cmake >/dev/null || need+=(cmake)
command -v pkg-config >/dev/null || need+=(pkg-config)
command -v readelf >/dev/null || need+=(binutils)
if [ ${#need[@]} -gt 0 ]; then
    say "installing ${need[*]} (apt-get)"
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

work="$(mktemp -d)"
sim_pid=""
cleanup() { # keeps the script's own exit status (the simulator's is not ours)
    local status=$?
    exec 3>&- 2>/dev/null || true
    if [ -n "$sim_pid" ]; then
        kill "$sim_pid" 2>/dev/null || true
        wait "$sim_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT

say "tools/sdk.sh (debug build, debug info stripped)"
cargo build -p meslink-sim >&2
archive="$(bash tools/sdk.sh --strip-debug --out "$work/dist" | tail -n 1)"
[ -f "$archive" ] || fail "tools/sdk.sh wrote no archive"
prefix="$work/prefix"
mkdir -p "$prefix"
tar -C "$prefix" --strip-components=1 -xzf "$archive"
version="$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)"
soname="libmeslink.so.${version%%.*}"

say "layout and SONAME"
for f in include/meslink.h "lib/libmeslink.so.$version" lib/libmeslink.a \
    lib/pkgconfig/meslink.pc lib/cmake/meslink/meslinkConfig.cmake \
    lib/cmake/meslink/meslinkConfigVersion.cmake; do
    [ -f "$prefix/$f" ] || fail "the SDK lacks $f"
done
[ "$(readlink "$prefix/lib/$soname")" = "libmeslink.so.$version" ] ||
    fail "lib/$soname is not a link to libmeslink.so.$version"
[ "$(readlink "$prefix/lib/libmeslink.so")" = "$soname" ] ||
    fail "lib/libmeslink.so is not a link to $soname"
readelf -d "$prefix/lib/libmeslink.so.$version" | grep -F "Library soname: [$soname]" ||
    fail "readelf -d shows no SONAME $soname"

say "gcc with pkg-config"
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
[ "$(pkg-config --modversion meslink)" = "$version" ] || fail "pkg-config --modversion"
# shellcheck disable=SC2046 # the flags are words
gcc -std=c11 -Wall -Wextra -Werror bindings/c/examples/station.c \
    $(pkg-config --cflags --libs meslink) \
    -Wl,-rpath,"$(pkg-config --variable=libdir meslink)" -o "$work/station-pkgconfig"
readelf -d "$work/station-pkgconfig" | grep -F "Shared library: [$soname]" ||
    fail "station (pkg-config) does not need $soname"

say "CMake find_package(meslink)"
mkdir -p "$work/cmake-src"
cp bindings/c/examples/station.c "$work/cmake-src/"
cat >"$work/cmake-src/CMakeLists.txt" <<EOF
cmake_minimum_required(VERSION 3.13)
project(station C)
find_package(meslink $version REQUIRED)
add_executable(station station.c)
target_link_libraries(station PRIVATE meslink::meslink)
add_executable(station_static station.c)
target_link_libraries(station_static PRIVATE meslink::static)
EOF
cmake -S "$work/cmake-src" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" \
    -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build "$work/cmake-build" -j 1 >/dev/null
readelf -d "$work/cmake-build/station" | grep -F "Shared library: [$soname]" ||
    fail "station (CMake) does not need $soname"
if readelf -d "$work/cmake-build/station_static" | grep -q "libmeslink"; then
    fail "station_static (CMake, meslink::static) needs a shared libmeslink"
fi

say "the programs against the simulator"
fifo="$work/sim.stdin"
mkfifo "$fifo"
target_dir="$(cargo metadata --no-deps --format-version 1 |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
"$target_dir/debug/meslink-sim" <"$fifo" >"$work/sim.out" 2>"$work/sim.err" &
sim_pid=$!
exec 3>"$fifo"
url=""
for _ in $(seq 1 100); do
    url="$(sed -n '1s/^MESLINK_SIM_URL=//p' "$work/sim.out")"
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || fail "meslink-sim did not print its URL: $(cat "$work/sim.err")"
for program in station-pkgconfig cmake-build/station cmake-build/station_static; do
    # The loader must find the library through the SDK, never through the build tree.
    env -u LD_LIBRARY_PATH "$work/$program" "$url" >"$work/run.out" 2>&1 ||
        fail "$program: $(cat "$work/run.out")"
    grep -q "grading saved" "$work/run.out" || fail "$program did not finish its round trip: $(cat "$work/run.out")"
    echo "$program: ok"
done

echo "test-sdk: passed in $((SECONDS - started)) s"
