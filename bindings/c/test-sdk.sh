#!/usr/bin/env bash
# Tests a C SDK archive as a user uses it: unpacked into a temporary prefix, the example
# (examples/station.c) is built from there
#   1. with `pkg-config --cflags --libs meslink` (the shared library / DLL),
#   2. with CMake's `find_package(meslink)`, once against meslink::meslink and once
#      against meslink::static;
# and each program runs against the simulator (run natively on this machine). On Linux
# `readelf -d` must show the library's SONAME (libmeslink.so.<major>) and the shared
# programs must need it by that name; a Windows program must import meslink.dll.
#
# The platform comes from the archive's name:
#   linux-x64       gcc, run as they are
#   linux-aarch64   aarch64-linux-gnu-gcc, run under qemu-aarch64 -L /usr/aarch64-linux-gnu
#   linux-armv7hf   arm-linux-gnueabihf-gcc, run under qemu-arm -L /usr/arm-linux-gnueabihf
#   win-x64         x86_64-w64-mingw32-gcc, run under wine64 (the DLL beside the program)
#   win-x86         i686-w64-mingw32-gcc, run under 32-bit Wine
# For the ARM platforms the C tests (tests/test_*.c, but the soak, stress and kill-loop
# sizes made small) are built against the SDK and run under qemu-user as well.
#
# Usage: bindings/c/test-sdk.sh              tools/sdk.sh lays out the host's SDK from the
#                                            debug build (debug info stripped), then tests it
#        bindings/c/test-sdk.sh ARCHIVE      tests that archive (dist/meslink-*-<platform>.*)
# Needs cargo (for the simulator), the platform's compiler, cmake, pkg-config and, for the
# emulated platforms, qemu-user or Wine (tools/dist.sh --install-tools installs them all);
# installs cmake and pkg-config with apt-get when missing.
# Exits non-zero on any failure; the last line says how long it took.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
archive="${1:-}"
case "$archive" in -h | --help) sed -n '2,26s/^# \{0,1\}//p' "$0"; exit 0 ;; esac
[ -z "$archive" ] || [ -f "$archive" ] || { echo "test-sdk: no such archive: $archive" >&2; exit 2; }
case "$archive" in "" | /*) ;; *) archive="$PWD/$archive" ;; esac
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
    [ -n "${WINEPREFIX:-}" ] && "$(command -v wineserver || echo /usr/lib/wine/wineserver)" -k 2>/dev/null
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT

cargo build -p meslink-sim >&2
if [ -z "$archive" ]; then
    say "tools/sdk.sh (debug build, debug info stripped)"
    archive="$(bash tools/sdk.sh --strip-debug --out "$work/dist" | tail -n 1)"
    [ -f "$archive" ] || fail "tools/sdk.sh wrote no archive"
fi
version="$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)"
soname="libmeslink.so.${version%%.*}"
name="$(basename "$archive")"
platform="${name#meslink-"$version"-}"
platform="${platform%.tar.gz}"
platform="${platform%.zip}"
case "$name" in
    "meslink-$version-"*.tar.gz | "meslink-$version-"*.zip) ;;
    *) fail "$name is not a meslink $version SDK archive (meslink-$version-<platform>.tar.gz or .zip)" ;;
esac

# The platform's compiler, CMake settings and the way to run its programs.
run=()
cmake_args=()
wine_dir=""
case "$platform" in
    linux-x64) cc=gcc ;;
    linux-aarch64) cc=aarch64-linux-gnu-gcc run=(qemu-aarch64 -L /usr/aarch64-linux-gnu) ;;
    linux-armv7hf) cc=arm-linux-gnueabihf-gcc run=(qemu-arm -L /usr/arm-linux-gnueabihf) ;;
    win-x64) cc=x86_64-w64-mingw32-gcc ;;
    win-x86) cc=i686-w64-mingw32-gcc ;;
    *) fail "no test for platform $platform" ;;
esac
command -v "$cc" >/dev/null || fail "$cc is not installed (tools/dist.sh --install-tools)"
[ ${#run[@]} -eq 0 ] || command -v "${run[0]}" >/dev/null || fail "${run[0]} is not installed (Debian's qemu-user)"
if [ "$cc" != gcc ]; then
    sys=Linux
    case "$platform" in win-*) sys=Windows ;; esac
    cat >"$work/toolchain.cmake" <<EOF
set(CMAKE_SYSTEM_NAME $sys)
set(CMAKE_C_COMPILER $cc)
EOF
    cmake_args+=(-DCMAKE_TOOLCHAIN_FILE="$work/toolchain.cmake")
fi
case "$platform" in
    win-*)
        wine_dir="$work/wine"
        mkdir -p "$wine_dir"
        if [ "$platform" = win-x64 ]; then
            wine="$(command -v wine64 || echo /usr/lib/wine/wine64)"
        else
            wine=/usr/lib/wine/wine
        fi
        [ -x "$wine" ] || fail "$wine is missing (Debian's wine64, or wine32:i386 for win-x86)"
        run=("$wine")
        # One prefix for the SDK tests, kept between runs (a new one takes ~20 s).
        export WINEPREFIX="$root/build/wineprefix-sdk"
        export WINEDEBUG="${WINEDEBUG:--all,err+module}" WINEDLLOVERRIDES="mscoree,mshtml="
        if [ ! -f "$WINEPREFIX/system.reg" ]; then
            mkdir -p "$root/build"
            WINEARCH=win64 "$(command -v wine64 || echo /usr/lib/wine/wine64)" wineboot -i >"$work/wineboot.log" 2>&1 || true
            "$(command -v wineserver || echo /usr/lib/wine/wineserver)" -w
            [ -f "$WINEPREFIX/system.reg" ] || fail "no Wine prefix: $(tail -5 "$work/wineboot.log")"
        fi
        ;;
esac

prefix="$work/prefix"
mkdir -p "$prefix"
case "$archive" in
    *.zip) unzip -q "$archive" -d "$work/unzip" && mv "$work/unzip"/*/* "$prefix/" ;;
    *) tar -C "$prefix" --strip-components=1 -xzf "$archive" ;;
esac

say "$platform: layout"
case "$platform" in
    linux-*)
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
        ;;
    win-*)
        for f in include/meslink.h bin/meslink.dll lib/libmeslink.dll.a lib/meslink.def \
            lib/libmeslink.a lib/pkgconfig/meslink.pc lib/cmake/meslink/meslinkConfig.cmake \
            lib/cmake/meslink/meslinkConfigVersion.cmake; do
            [ -f "$prefix/$f" ] || fail "the SDK lacks $f"
        done
        machine=x64
        [ "$platform" = win-x86 ] && machine=x86
        python3 bindings/windows/check_dll.py --header include/meslink.h --machine "$machine" \
            --version "$version" "$prefix/bin/meslink.dll" || fail "bin/meslink.dll (check_dll.py)"
        # The .def lists exactly what the DLL exports.
        python3 bindings/windows/mkdef.py "$prefix/bin/meslink.dll" | cmp - "$prefix/lib/meslink.def" ||
            fail "lib/meslink.def differs from the DLL's exports"
        ;;
esac

# needs_lib PROGRAM: the shared program is linked to the SDK's library by its right name.
needs_lib() {
    case "$platform" in
        linux-*) readelf -d "$1" | grep -F "Shared library: [$soname]" ;;
        win-*) objdump -p "$1" | grep -i "DLL Name: meslink.dll" ;;
    esac
}
# place PROGRAM: a Windows program goes into one folder with the DLL, as a user ships it,
# and with the test-only bcryptprimitives.dll stand-in (Wine 8 lacks ProcessPrng, which
# Rust's std imports; bindings/windows/test-support). Prints the path to run.
bcrypt_built=0
place() {
    case "$platform" in
        win-*)
            if [ "$bcrypt_built" = 0 ]; then
                local fixup=()
                [ "$platform" = win-x86 ] && fixup=(-Wl,--enable-stdcall-fixup)
                "$cc" -O2 -shared -static-libgcc "${fixup[@]}" -o "$wine_dir/bcryptprimitives.dll" \
                    bindings/windows/test-support/bcryptprimitives.c \
                    bindings/windows/test-support/bcryptprimitives.def -ladvapi32 >&2 || return 1
                cp "$prefix/bin/meslink.dll" "$wine_dir/"
                bcrypt_built=1
            fi
            cp "$1" "$wine_dir/" && echo "$wine_dir/$(basename "$1")"
            ;;
        *) echo "$1" ;;
    esac
}

say "$platform: $cc with pkg-config"
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
export PKG_CONFIG_LIBDIR="$prefix/lib/pkgconfig" # nothing of the build machine's
[ "$(pkg-config --modversion meslink)" = "$version" ] || fail "pkg-config --modversion"
exe=""
case "$platform" in win-*) exe=.exe ;; esac
# -static for MinGW: libgcc and winpthreads go into the program, which then needs no
# MinGW runtime DLL beside it (the static library itself needs none).
static=()
[ -n "$exe" ] && static=(-static)
rpath=()
case "$platform" in linux-*) rpath=(-Wl,-rpath,"$(pkg-config --variable=libdir meslink)") ;; esac
# shellcheck disable=SC2046 # the flags are words
"$cc" -std=c11 -Wall -Wextra -Werror bindings/c/examples/station.c \
    $(pkg-config --cflags --libs meslink) "${rpath[@]}" -o "$work/station-pkgconfig$exe"
needs_lib "$work/station-pkgconfig$exe" || fail "station (pkg-config) does not need the SDK's library"
# shellcheck disable=SC2046
"$cc" -std=c11 -Wall -Wextra -Werror bindings/c/examples/station.c "${static[@]}" \
    $(pkg-config --cflags --libs --static meslink | sed 's/-lmeslink/-l:libmeslink.a/') \
    -o "$work/station-pkgconfig-static$exe"
if needs_lib "$work/station-pkgconfig-static$exe" >/dev/null; then
    fail "station (pkg-config --static) needs a shared libmeslink"
fi

say "$platform: CMake find_package(meslink)"
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
    -DCMAKE_BUILD_TYPE=Debug "${cmake_args[@]}" >"$work/cmake.log" 2>&1 || fail "cmake: $(cat "$work/cmake.log")"
cmake --build "$work/cmake-build" -j 1 >"$work/cmake-build.log" 2>&1 || fail "cmake --build: $(cat "$work/cmake-build.log")"
needs_lib "$work/cmake-build/station$exe" || fail "station (CMake) does not need the SDK's library"
if needs_lib "$work/cmake-build/station_static$exe" >/dev/null; then
    fail "station_static (CMake, meslink::static) needs a shared libmeslink"
fi

# The ARM platforms: the C tests against the SDK, shared library.
c_tests=()
case "$platform" in
    linux-aarch64 | linux-armv7hf)
        say "$platform: the C tests with $cc"
        for src in bindings/c/tests/test_*.c; do
            t="$(basename "$src" .c)"
            # shellcheck disable=SC2046
            "$cc" -std=c11 -O1 -Wall -Wextra -Werror -pthread "$src" \
                $(pkg-config --cflags --libs meslink) "${rpath[@]}" -o "$work/$t" ||
                fail "$cc $src"
            c_tests+=("$t")
        done
        ;;
esac

say "$platform: the programs against the simulator${run[*]:+ (under ${run[*]})}"
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
export MESLINK_SIM_URL="$url"
for program in station-pkgconfig station-pkgconfig-static cmake-build/station cmake-build/station_static; do
    path="$(place "$work/$program$exe")" || fail "$program: could not stage it"
    # The loader must find the library through the SDK, never through the build tree.
    (cd "$(dirname "$path")" && env -u LD_LIBRARY_PATH "${run[@]}" "$path" "$url") >"$work/run.out" 2>&1 ||
        fail "$program: $(cat "$work/run.out")"
    grep -q "grading saved" "$work/run.out" || fail "$program did not finish its round trip: $(cat "$work/run.out")"
    echo "$program: ok"
done
if [ ${#c_tests[@]} -gt 0 ]; then
    MESLINK_CLI="$target_dir/debug/meslink" python3 tools/sample_calls.py --tsv >"$work/sample-calls.tsv" 2>/dev/null ||
        python3 tools/sample_calls.py --tsv >"$work/sample-calls.tsv"
    for t in "${c_tests[@]}"; do
        t0=$SECONDS
        (cd "$work" && env -u LD_LIBRARY_PATH MESLINK_SAMPLE_CALLS_TSV="$work/sample-calls.tsv" \
            MESLINK_SOAK_SECONDS=10 MESLINK_STRESS_CALLS=50 TMPDIR="$work" \
            timeout 600 "${run[@]}" "$work/$t") >"$work/$t.out" 2>&1 ||
            fail "$t under ${run[0]}: $(tail -20 "$work/$t.out")"
        echo "$t under ${run[0]}: ok ($((SECONDS - t0)) s)"
    done
fi

echo "test-sdk: $platform passed in $((SECONDS - started)) s"
