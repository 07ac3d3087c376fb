#!/usr/bin/env bash
# The Windows work, from a Linux (Debian) machine: installs what it lacks, then
#   1. cross-builds meslink.dll (release) for x86_64-pc-windows-gnu and i686-pc-windows-gnu
#      (mingw-w64 linkers named in .cargo/config.toml; version resource from build.rs);
#   2. checks each DLL statically (check_dll.py): PE machine, every meslink_* function of
#      include/meslink.h exported undecorated, system imports only, version resource;
#   3. compiles every bindings/c/tests/*.c with mingw-w64 against include/meslink.h and
#      runs it under wine64 against the x64 DLL and the Linux simulator on loopback; the
#      same under 32-bit Wine against the x86 DLL where Debian's wine32:i386 installs
#      (otherwise a SKIP line says why). A test file opts out with the marker comment
#      "meslink-windows: skip <reason>" (for POSIX-only facilities);
#   4. the LabVIEW kit: bindings/labview/meslink32.dll and meslink64.dll, checked, and the
#      generated bindings/labview/CLFN.md checked against the header;
#   5. the NuGet package (packaging/nuget/build-nupkg.sh, no .NET SDK) and its test
#      (packaging/nuget/test-nupkg.sh: layout, PE machines, managed check, build targets);
#   6. the abi3 win_amd64 wheel cross-built with maturin, checked by check_wheel.py.
# Outputs: bindings/windows/build/ (DLLs, test executables, nupkg, wheel, logs).
#
# Usage: bindings/windows/run-tests.sh
# Environment:
#   MESLINK_WIN_NO_INSTALL=1   install nothing (no apt-get, no rustup target add)
# The release builds use the workspace's release profile (thin LTO): turning LTO off was
# measured to save nothing (i686 build, 4m27s CPU either way), so the tests build what ships.
# Exits non-zero on any failure; the last line is "run-tests: N passed, N failed, N skipped".
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$here/build"
mkdir -p "$build"
cd "$root"

passed=0 failed=0 skipped=0
results=()
step() { # step NAME COMMAND...: runs a step, records PASS/FAIL
    local name="$1" t0=$SECONDS
    shift
    echo
    echo "==> $name"
    if "$@"; then
        passed=$((passed + 1))
        results+=("PASS  $name ($((SECONDS - t0)) s)")
        return 0
    fi
    failed=$((failed + 1))
    results+=("FAIL  $name")
    return 1
}
skip() { # skip NAME REASON
    echo
    echo "==> SKIPPED: $1: $2"
    skipped=$((skipped + 1))
    results+=("SKIP  $1: $2")
}
summary() {
    echo
    echo "---- Windows (cross builds, Wine, NuGet, LabVIEW, wheel) ----"
    printf '%s\n' "${results[@]}"
    echo "run-tests: $passed passed, $failed failed, $skipped skipped"
}

targets=(x86_64-pc-windows-gnu i686-pc-windows-gnu)

# ---- 0. tools -------------------------------------------------------------------------
apt_install() { # apt_install PKG...: quiet apt-get install, last error line on failure
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" \
        >"$build/apt.log" 2>&1 || { grep '^E:' "$build/apt.log" | tail -3 >&2; return 1; }
}
apt_update() {
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    # An index that fails (a mirror in sync) is reported by apt but not fatal here.
    $sudo apt-get update -qq >"$build/apt-update.log" 2>&1 || grep '^E:' "$build/apt-update.log" | head -2 >&2
    return 0
}
wine64_bin() { command -v wine64 2>/dev/null || { [ -x /usr/lib/wine/wine64 ] && echo /usr/lib/wine/wine64; }; }
# Debian's wine32:i386 provides the 32-bit loader /usr/lib/wine/wine.
wine32_bin() { [ -x /usr/lib/wine/wine ] && echo /usr/lib/wine/wine; }

install_tools() {
    local have_targets pkgs=() t
    have_targets="$(rustup target list --installed 2>/dev/null)"
    for t in "${targets[@]}"; do
        grep -qx "$t" <<<"$have_targets" || rustup target add "$t" || return 1
    done
    command -v x86_64-w64-mingw32-gcc >/dev/null || pkgs+=(gcc-mingw-w64-x86-64)
    command -v i686-w64-mingw32-gcc >/dev/null || pkgs+=(gcc-mingw-w64-i686)
    command -v x86_64-w64-mingw32-windres >/dev/null || pkgs+=(binutils-mingw-w64-x86-64)
    command -v i686-w64-mingw32-windres >/dev/null || pkgs+=(binutils-mingw-w64-i686)
    [ -n "$(wine64_bin)" ] || pkgs+=(wine wine64)
    command -v zip >/dev/null || pkgs+=(zip)
    command -v unzip >/dev/null || pkgs+=(unzip)
    command -v python3 >/dev/null || pkgs+=(python3)
    python3 -c 'import venv, ensurepip' 2>/dev/null || pkgs+=(python3-venv)
    command -v mcs >/dev/null || pkgs+=(mono-devel)
    command -v xbuild >/dev/null || pkgs+=(mono-xbuild)
    if [ ${#pkgs[@]} -gt 0 ]; then
        echo "apt-get install ${pkgs[*]}"
        apt_update
        apt_install "${pkgs[@]}" || return 1
    fi
    return 0
}

# 32-bit Wine is optional: Debian's i386 packages do not always install (multiarch
# versions out of step with a mirror). Sets wine32_reason when it is not there.
wine32_reason=""
install_wine32() {
    [ -n "$(wine32_bin)" ] && return 0
    local sudo="" err
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    if ! dpkg --print-foreign-architectures | grep -qx i386; then
        $sudo dpkg --add-architecture i386 || { wine32_reason="dpkg --add-architecture i386 failed"; return 0; }
    fi
    apt_update 2>"$build/apt-update-i386.err"
    if ! apt_install wine32:i386 2>"$build/apt-wine32.err"; then
        err="$(tr '\n' ' ' <"$build/apt-wine32.err")"
        wine32_reason="apt-get install wine32:i386 failed (${err:-see $build/apt.log})"
        return 0
    fi
    [ -n "$(wine32_bin)" ] || wine32_reason="wine32:i386 installed but /usr/lib/wine/wine is missing"
    return 0
}

if [ "${MESLINK_WIN_NO_INSTALL:-0}" != 1 ]; then
    step "install tools (rustup targets, mingw-w64, wine, mono, zip)" install_tools
    install_wine32
else
    [ -n "$(wine32_bin)" ] || wine32_reason="32-bit Wine is not installed (MESLINK_WIN_NO_INSTALL=1)"
fi

# ---- 1. cross builds ------------------------------------------------------------------
target_dir="$(cargo metadata --no-deps --format-version 1 |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
dll64="$target_dir/x86_64-pc-windows-gnu/release/meslink.dll"
dll32="$target_dir/i686-pc-windows-gnu/release/meslink.dll"
so64="$target_dir/x86_64-unknown-linux-gnu/release/libmeslink.so"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)"

# One cargo run for the three targets (linux-x64 for the NuGet package): cargo keeps both
# cores busy across them, where three runs would each end on one core.
step "cargo build --release -p meslink-ffi (win-x64, win-x86, linux-x64)" \
    cargo build --release -p meslink-ffi --target x86_64-pc-windows-gnu \
    --target i686-pc-windows-gnu --target x86_64-unknown-linux-gnu
step "cargo build -p meslink-sim" cargo build -p meslink-sim
sim_bin="$target_dir/debug/meslink-sim"

# ---- 2. static checks -----------------------------------------------------------------
check_dll() { # check_dll MACHINE DLL
    [ -f "$2" ] || { echo "missing $2"; return 1; }
    python3 "$here/check_dll.py" --header include/meslink.h --machine "$1" --version "$version" "$2"
}
step "static checks: x64 meslink.dll" check_dll x64 "$dll64"
step "static checks: x86 meslink.dll" check_dll x86 "$dll32"

# ---- 3. the C tests under Wine ----------------------------------------------------------
# One folder per architecture: the DLL, the test-only bcryptprimitives.dll stand-in (Wine 8
# lacks ProcessPrng, which Rust's std imports; never shipped), the test executables.
cflags=(-std=c11 -O1 -Wall -Wextra -Werror -D__USE_MINGW_ANSI_STDIO=1 -pthread -I"$root/include")
stage_tests() { # stage_tests ARCH(x64|x86) GCC DLL
    local arch="$1" gcc="$2" dll="$3" dir="$build/wine-$1" src name reason ok=0
    rm -rf "$dir"
    mkdir -p "$dir"
    [ -f "$dll" ] || { echo "missing $dll"; return 1; }
    cp "$dll" "$dir/meslink.dll"
    cp "$(dirname "$dll")/libmeslink.dll.a" "$dir/" || return 1
    local def_flags=()
    [ "$arch" = x86 ] && def_flags=(-Wl,--enable-stdcall-fixup)
    "$gcc" -O2 -Wall -Wextra -Werror -shared -static-libgcc "${def_flags[@]}" \
        -o "$dir/bcryptprimitives.dll" "$here/test-support/bcryptprimitives.c" \
        "$here/test-support/bcryptprimitives.def" -ladvapi32 || return 1
    # test_every_call reads its calls from this file (relative: Wine runs in $dir).
    local cli="${CARGO_TARGET_DIR:-$root/target}/debug/meslink"
    if [ -x "$cli" ]; then
        MESLINK_CLI="$cli" python3 tools/sample_calls.py --tsv >"$dir/sample-calls.tsv" || return 1
    else
        python3 tools/sample_calls.py --tsv >"$dir/sample-calls.tsv" || return 1
    fi
    for src in bindings/c/tests/*.c; do
        name="$(basename "$src" .c)"
        reason="$(sed -n 's/.*meslink-windows: skip[: ]*\(.*\)$/\1/p' "$src" | head -1 | sed 's/ *\*\/ *$//')"
        if grep -q "meslink-windows: skip" "$src"; then
            echo "$src: not built for Windows (marker: ${reason:-no reason given})"
            continue
        fi
        echo "$gcc $src"
        # -static: winpthreads and libgcc go into the test exe, so the folder needs no
        # mingw runtime DLL (meslink.dll itself is checked to need none).
        "$gcc" "${cflags[@]}" "$src" "$dir/libmeslink.dll.a" -lws2_32 -static -o "$dir/$name.exe" || ok=1
    done
    return $ok
}
# Both are compiled, whether or not 32-bit Wine can run the x86 ones.
step "mingw-w64: C tests for x64" stage_tests x64 x86_64-w64-mingw32-gcc "$dll64"
step "mingw-w64: C tests for x86" stage_tests x86 i686-w64-mingw32-gcc "$dll32"

export WINEPREFIX="$build/wineprefix"
export WINEDEBUG="${WINEDEBUG:--all,err+module}"
# No Mono/Gecko download prompts in a fresh prefix.
export WINEDLLOVERRIDES="mscoree,mshtml="
start_wine() {
    local wine
    wine="$(wine64_bin)"
    [ -n "$wine" ] || { echo "wine64 is not installed"; return 1; }
    if [ ! -f "$WINEPREFIX/system.reg" ]; then
        WINEARCH=win64 "$wine" wineboot -i >"$build/wineboot.log" 2>&1
        # The registry reaches the disk when the prefix's wineserver exits.
        "$(wineserver_bin)" -w
    fi
    [ -f "$WINEPREFIX/system.reg" ] || { cat "$build/wineboot.log"; return 1; }
}
wineserver_bin() { command -v wineserver 2>/dev/null || echo /usr/lib/wine/wineserver; }
stop_wine() { # the wineserver of this WINEPREFIX only
    "$(wineserver_bin)" -k 2>/dev/null || true
}

# The simulator, as bindings/c/run-tests.sh starts it: its stdin is a fifo whose write end
# this script holds on fd 3, so it exits with the script.
sim_pid=""
start_sim() {
    local fifo="$build/sim.stdin" url=""
    [ -x "$sim_bin" ] || { echo "missing $sim_bin"; return 1; }
    rm -f "$fifo"
    mkfifo "$fifo"
    "$sim_bin" <"$fifo" >"$build/sim.out" 2>"$build/sim.err" &
    sim_pid=$!
    exec 3>"$fifo"
    rm -f "$fifo"
    for _ in $(seq 1 100); do
        url="$(sed -n '1s/^MESLINK_SIM_URL=//p' "$build/sim.out" 2>/dev/null)"
        [ -n "$url" ] && break
        sleep 0.1
    done
    [ -n "$url" ] || { echo "meslink-sim did not print its URL"; cat "$build/sim.err"; return 1; }
    export MESLINK_SIM_URL="$url"
    echo "simulator: $MESLINK_SIM_URL"
}
cleanup() {
    exec 3>&- 2>/dev/null
    [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null && wait "$sim_pid" 2>/dev/null
    stop_wine
}
trap cleanup EXIT

run_wine_tests() { # run_wine_tests ARCH WINE
    local dir="$build/wine-$1" wine="$2" exe rc ok=0 n=0
    # test_*.exe only: the other programs are helpers (spool_writer is the station the
    # SIGKILL loop drives); they are compiled for Windows but not run as tests.
    for exe in "$dir"/test_*.exe; do
        [ -e "$exe" ] || continue
        n=$((n + 1))
        echo "-- $(basename "$exe") under $(basename "$wine") ($1)"
        (cd "$dir" && MESLINK_SAMPLE_CALLS_TSV=sample-calls.tsv timeout 600 "$wine" "$(basename "$exe")")
        rc=$?
        [ $rc = 0 ] || { echo "$(basename "$exe"): exit $rc"; ok=1; }
    done
    [ $n -gt 0 ] || { echo "no test executable in $dir"; return 1; }
    return $ok
}

wine_ready=0
step "Wine prefix ($WINEPREFIX)" start_wine && step "start meslink-sim" start_sim && wine_ready=1
if [ $wine_ready = 1 ]; then
    step "C tests under wine64 (x64 DLL)" run_wine_tests x64 "$(wine64_bin)"
else
    step "C tests under wine64 (x64 DLL): Wine or the simulator did not start" false
fi
if [ -n "$wine32_reason" ]; then
    skip "C tests under 32-bit Wine (x86 DLL)" "$wine32_reason; the x86 DLL was checked statically only"
elif [ $wine_ready = 1 ]; then
    step "C tests under 32-bit Wine (x86 DLL)" run_wine_tests x86 "$(wine32_bin)"
else
    step "C tests under 32-bit Wine (x86 DLL): Wine or the simulator did not start" false
fi

# ---- 4. the LabVIEW kit ------------------------------------------------------------------
labview_kit() {
    cp "$dll32" bindings/labview/meslink32.dll && cp "$dll64" bindings/labview/meslink64.dll || return 1
    # check_dll.py takes the machine from the names: meslink32 -> x86, meslink64 -> x64.
    python3 "$here/check_dll.py" --header include/meslink.h --version "$version" \
        bindings/labview/meslink32.dll bindings/labview/meslink64.dll
}
step "LabVIEW kit: meslink32.dll, meslink64.dll" labview_kit
step "LabVIEW guide: CLFN.md matches include/meslink.h" python3 bindings/labview/gen-clfn-guide.py --check

# ---- 5. NuGet -------------------------------------------------------------------------------
nupkg="$build/nuget/MesLink.$version.nupkg"
step "NuGet package (packaging/nuget/build-nupkg.sh)" \
    bash packaging/nuget/build-nupkg.sh "$build/nuget" "$dll64" "$dll32" "$so64"
step "NuGet package test (layout, PE machines, managed check, .NET Framework targets)" \
    bash packaging/nuget/test-nupkg.sh "$nupkg" "$version"

# ---- 6. the Windows wheel ----------------------------------------------------------------------
# maturin from PyPI into a virtual environment, as python/run-tests.sh gets it.
build_wheel() {
    local venv="$build/venv"
    [ -x "$venv/bin/maturin" ] || {
        python3 -m venv "$venv" &&
            "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "maturin>=1.5,<2"
    } || return 1
    rm -rf "$build/wheel"
    (cd python && "$venv/bin/maturin" build --release --target x86_64-pc-windows-gnu -o "$build/wheel")
}
step "wheel: maturin build --target x86_64-pc-windows-gnu" build_wheel
step "wheel check (tags, .pyd, pure modules, RECORD)" \
    python3 "$here/check_wheel.py" "$build/wheel/meslink-$version-cp38-abi3-win_amd64.whl" \
    --version "$version" --source python/meslink

summary
[ "$failed" -eq 0 ]
