#!/usr/bin/env bash
# Makes every release artifact into dist/, then tests each as a user would (tools/test-dist.sh):
#
#   meslink-<v>-cp38-abi3-manylinux_*_x86_64.whl   Python, Linux x86-64 (auditwheel-clean)
#   meslink-<v>-cp38-abi3-win_amd64.whl            Python, 64-bit Windows
#   meslink-<v>-cp38-abi3-win32.whl                Python, 32-bit Windows
#   MesLink.<v>.nupkg                              C#: win-x64, win-x86, linux-x64 natives
#   meslink-<v>-linux-{x64,aarch64,armv7hf}.tar.gz the C SDK (tools/sdk.sh)
#   meslink-<v>-win-{x64,x86}.zip                  the C SDK for Windows (DLL, import
#                                                  library, .def, static library, header)
#   meslink-<v>-labview.zip                        meslink32.dll, meslink64.dll, the CLFN
#                                                  guide, an example
#   SHA256SUMS
#
# <v> is the workspace's one version (Cargo.toml, [workspace.package]). The C ABI library is
# built once per target in one cargo run (cargo keeps both cores busy across targets); the
# Windows test step (bindings/windows/run-tests.sh) builds the same three of them with the
# same profile, so after the test suite only the ARM targets and the wheels are new work.
#
# Usage: tools/dist.sh [--profile NAME] [--out DIR] [--no-test] [--no-install]
#        tools/dist.sh --install-tools          install what it needs, then exit
#   --profile   cargo profile of every build (default release, thin LTO: what ships, and
#               what the Windows test step builds, so CI reuses its builds; turning LTO
#               off was measured there to save nothing)
#   --out       the output folder (default: dist in the repository)
#   --no-test   only build (tools/test-dist.sh DIR tests later)
#   --no-install  install nothing; fail with the list of what is missing
# The Linux wheel is linked with zig (ziglang from PyPI) against glibc 2.17, so it is
# tagged manylinux_2_17 and installs on any glibc 2.17+ distribution.
# Exits non-zero on any failure and prints the time each stage took.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
profile=release
out="$root/dist"
run_tests=1
install=1
install_only=0
while [ $# -gt 0 ]; do
    case "$1" in
        --profile) profile="${2:?--profile needs a name}"; shift ;;
        --out) out="${2:?--out needs a directory}"; shift ;;
        --no-test) run_tests=0 ;;
        --no-install) install=0 ;;
        --install-tools) install_only=1 ;;
        -h | --help) sed -n '2,/^set -e/{/^set -e/d;s/^# \{0,1\}//p;}' "$0"; exit 0 ;;
        *) echo "dist.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
cd "$root"

started=$SECONDS
times=()
stage() { # stage NAME COMMAND...: runs it, records its time; a failure ends the script
    local name="$1" t0=$SECONDS
    shift
    printf '\n==> %s\n' "$name"
    if ! "$@"; then
        echo "dist.sh: FAILED: $name" >&2
        exit 1
    fi
    times+=("$(printf '%5d s  %s' $((SECONDS - t0)) "$name")")
}

version="$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)"
[ -n "$version" ] || { echo "dist.sh: no version in Cargo.toml's [workspace.package]" >&2; exit 1; }
targets=(x86_64-pc-windows-gnu i686-pc-windows-gnu x86_64-unknown-linux-gnu
    aarch64-unknown-linux-gnu armv7-unknown-linux-gnueabihf)
tools_venv="$root/build/dist-venv"

# ---- tools ----------------------------------------------------------------------------
# Debian packages by the command each provides; the test tools (qemu-user, Wine, cmake)
# too, so that a fresh machine runs tools/test-dist.sh after this.
apt_needs() {
    local -A by_command=(
        [x86_64-w64-mingw32-gcc]=gcc-mingw-w64-x86-64 [i686-w64-mingw32-gcc]=gcc-mingw-w64-i686
        [x86_64-w64-mingw32-windres]=binutils-mingw-w64-x86-64
        [i686-w64-mingw32-windres]=binutils-mingw-w64-i686
        [aarch64-linux-gnu-gcc]="gcc-aarch64-linux-gnu libc6-dev-arm64-cross"
        [arm-linux-gnueabihf-gcc]="gcc-arm-linux-gnueabihf libc6-dev-armhf-cross"
        [qemu-aarch64]=qemu-user [qemu-arm]=qemu-user
        [zip]=zip [unzip]=unzip [cmake]=cmake [pkg-config]=pkg-config [mcs]=mono-devel
        [xbuild]=mono-xbuild [wineserver]="wine wine64"
    )
    local c
    for c in "${!by_command[@]}"; do
        command -v "$c" >/dev/null || echo "${by_command[$c]}"
    done | tr ' ' '\n' | sort -u
    python3 -c 'import venv, ensurepip' 2>/dev/null || echo python3-venv
    # 32-bit Wine: the x86 DLL's tests (Debian's i386 multiarch package).
    [ -x /usr/lib/wine/wine ] || echo wine32:i386
}
install_tools() {
    local have missing=() t sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    have="$(rustup target list --installed 2>/dev/null)"
    for t in "${targets[@]}"; do
        grep -qx "$t" <<<"$have" || missing+=("$t")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        [ "$install" = 1 ] || { echo "missing Rust targets: ${missing[*]} (rustup target add ...)"; return 1; }
        rustup target add "${missing[@]}" || return 1
    fi
    mapfile -t missing < <(apt_needs)
    if [ ${#missing[@]} -gt 0 ]; then
        [ "$install" = 1 ] || { echo "missing Debian packages: ${missing[*]}"; return 1; }
        if printf '%s\n' "${missing[@]}" | grep -q ':i386$' &&
            ! dpkg --print-foreign-architectures | grep -qx i386; then
            $sudo dpkg --add-architecture i386 || return 1
        fi
        echo "apt-get install ${missing[*]}"
        $sudo apt-get update -qq || true
        if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
            "${missing[@]}" >"$root/build/dist-apt.log" 2>&1; then
            grep '^E:' "$root/build/dist-apt.log" >&2
            # 32-bit Wine is for the tests only: say so, go on without it.
            mapfile -t missing < <(printf '%s\n' "${missing[@]}" | grep -v ':i386$')
            DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
                "${missing[@]}" >>"$root/build/dist-apt.log" 2>&1 ||
                { grep '^E:' "$root/build/dist-apt.log" | tail -3 >&2; return 1; }
            echo "dist.sh: wine32:i386 did not install (above); the x86 DLL is then checked statically only" >&2
        fi
    fi
    # maturin, auditwheel and zig (the manylinux linker) from PyPI, in a venv of their own.
    if ! [ -x "$tools_venv/bin/maturin" ] || ! [ -x "$tools_venv/bin/auditwheel" ] ||
        ! "$tools_venv/bin/python" -c 'import ziglang' 2>/dev/null; then
        [ "$install" = 1 ] || { echo "missing $tools_venv with maturin, auditwheel, ziglang"; return 1; }
        python3 -m venv "$tools_venv" &&
            "$tools_venv/bin/python" -m pip install --quiet --disable-pip-version-check \
                "maturin>=1.5,<2" "auditwheel>=6" ziglang || return 1
    fi
}
mkdir -p "$root/build"
stage "tools (rustup targets, cross compilers, qemu-user, Wine, maturin, zig)" install_tools
[ "$install_only" = 1 ] && exit 0

# ---- builds ---------------------------------------------------------------------------
target_dir="$(cargo metadata --no-deps --format-version 1 |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
profile_dir="$profile"
[ "$profile" = dev ] && profile_dir=debug
built() { echo "$target_dir/$1/$profile_dir"; }

build_ffi() {
    local args=() t
    for t in "${targets[@]}"; do args+=(--target "$t"); done
    nice -n 10 cargo build --profile "$profile" -p meslink-ffi "${args[@]}"
}
stage "cargo build --profile $profile -p meslink-ffi (5 targets)" build_ffi

# Only what an earlier run wrote goes: --out may name a folder that holds other files.
mkdir -p "$out"
rm -rf "$out"/meslink-* "$out"/MesLink.*.nupkg "$out/SHA256SUMS" "$out/sdk"

stage_sdks() {
    local t archive
    for t in "${targets[@]}"; do
        archive="$(bash tools/sdk.sh --no-build --profile "$profile" --target "$t" --strip-debug \
            --out "$out/sdk" | tail -n 1)" || { echo "tools/sdk.sh --target $t failed"; return 1; }
        mv "$archive" "$out/"
    done
    rm -rf "$out/sdk"
    ls "$out"
}
stage "C SDKs (tools/sdk.sh, 5 platforms)" stage_sdks

wheel() { # wheel TARGET [MATURIN ARGS...]
    local target="$1"
    shift
    (cd python && nice -n 10 "$tools_venv/bin/maturin" build --profile "$profile" --target "$target" \
        -o "$out" "$@")
}
# zig links against glibc 2.17's symbols: the wheel is manylinux_2_17 whatever the
# build machine's glibc (Debian 12's 2.36 would make it manylinux_2_34). Its own target
# folder: zig as C compiler changes the build scripts' environment, and in the shared one
# each run would rebuild the x86-64 libraries twice (for zig, then again for the C SDK).
manylinux_wheel() {
    # The venv first on PATH for this one: maturin finds zig as `python3 -m ziglang`. (Not
    # for the Windows wheels: they would not reuse the Windows test step's build.)
    PATH="$tools_venv/bin:$PATH" CARGO_TARGET_DIR="$target_dir/zig" wheel x86_64-unknown-linux-gnu --zig --compatibility manylinux_2_17
}
stage "wheel: manylinux (maturin --zig)" manylinux_wheel
stage "wheel: win_amd64" wheel x86_64-pc-windows-gnu
stage "wheel: win32" wheel i686-pc-windows-gnu

stage "NuGet package (win-x64, win-x86, linux-x64)" \
    bash packaging/nuget/build-nupkg.sh "$out" "$(built x86_64-pc-windows-gnu)/meslink.dll" \
    "$(built i686-pc-windows-gnu)/meslink.dll" "$(built x86_64-unknown-linux-gnu)/libmeslink.so"

labview_kit() {
    local kit="$out/meslink-$version-labview"
    rm -rf "$kit"
    mkdir -p "$kit"
    cp "$(built i686-pc-windows-gnu)/meslink.dll" "$kit/meslink32.dll"
    cp "$(built x86_64-pc-windows-gnu)/meslink.dll" "$kit/meslink64.dll"
    x86_64-w64-mingw32-strip --strip-debug "$kit/meslink64.dll"
    i686-w64-mingw32-strip --strip-debug "$kit/meslink32.dll"
    cp bindings/labview/README.md bindings/labview/CLFN.md bindings/labview/EXAMPLE.md include/meslink.h "$kit/"
    (cd "$out" && zip -qr -X "meslink-$version-labview.zip" "meslink-$version-labview") &&
        rm -rf "$kit"
}
stage "LabVIEW kit" labview_kit

sums() {
    (cd "$out" && sha256sum -- meslink-*.whl meslink-*.tar.gz meslink-*.zip MesLink.*.nupkg >SHA256SUMS) && cat "$out/SHA256SUMS"
}
stage "SHA256SUMS" sums

if [ "$run_tests" = 1 ]; then
    stage "tests of every artifact (tools/test-dist.sh)" bash tools/test-dist.sh "$out"
fi

echo
echo "---- dist.sh ($profile) ----"
printf '%s\n' "${times[@]}"
echo "dist.sh: $(ls "$out" | wc -l) files in $out in $((SECONDS - started)) s"
