#!/usr/bin/env bash
# Tests every artifact that tools/dist.sh wrote, as a user would use it:
#   - SHA256SUMS matches every file, and every file name carries the workspace's version;
#   - the manylinux wheel: `auditwheel show` accepts it; `pip install --no-index` into a
#     fresh virtual environment (timed); the README's Python quick start and
#     python/examples/station.py run on it against the simulator;
#   - the Windows wheels (win_amd64, win32): tags, the .pyd's machine and imports, the pure
#     modules, RECORD (bindings/windows/check_wheel.py);
#   - the NuGet package: packaging/nuget/test-nupkg.sh (layout, PE machines, managed
#     check on Mono, the .NET Framework build targets);
#   - each C SDK: bindings/c/test-sdk.sh ARCHIVE (pkg-config and CMake builds from the
#     unpacked archive, run natively, under qemu-user or under Wine; the C tests on ARM);
#   - the LabVIEW kit: both DLLs checked (machine, exports, imports, version), the guide.
#
# Usage: tools/test-dist.sh [DIR]         (default: dist)
# Runs every check even when one fails; the last line is "test-dist: N passed, N failed".
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-$root/dist}"
case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac
[ -d "$dir" ] || { echo "test-dist: no folder $dir (run tools/dist.sh first)" >&2; exit 2; }
cd "$root"
version="$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)"
tools_venv="$root/build/dist-venv"
work="$(mktemp -d)"
sim_pid=""
cleanup() {
    exec 3>&- 2>/dev/null
    [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null && wait "$sim_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

passed=0 failed=0
results=()
check() { # check NAME COMMAND...
    local name="$1" t0=$SECONDS
    shift
    printf '\n==> %s\n' "$name"
    if "$@"; then
        passed=$((passed + 1))
        results+=("ok    $name ($((SECONDS - t0)) s)")
    else
        failed=$((failed + 1))
        results+=("FAIL  $name")
    fi
}
one() { # one GLOB: the one file in $dir matching it
    local found=("$dir"/$1)
    [ ${#found[@]} -eq 1 ] && [ -f "${found[0]}" ] || { echo "want one $1 in $dir, found: ${found[*]}" >&2; return 1; }
    echo "${found[0]}"
}

sums() {
    (cd "$dir" && sha256sum -c --strict SHA256SUMS) || return 1
    local f listed
    for f in "$dir"/meslink-* "$dir"/MesLink.*; do
        f="$(basename "$f")"
        [ "$f" = SHA256SUMS ] && continue
        listed="$(awk -v f="$f" '$2 == f || $2 == "*" f' "$dir/SHA256SUMS")"
        [ -n "$listed" ] || { echo "$f is not in SHA256SUMS"; return 1; }
        case "$f" in
            *"$version"*) ;;
            *) echo "$f does not carry the version $version"; return 1 ;;
        esac
    done
}
check "SHA256SUMS and versions" sums

# ---- the simulator ------------------------------------------------------------------------
start_sim() {
    cargo build -p meslink-sim || return 1
    local target_dir fifo="$work/sim.stdin" url=""
    target_dir="$(cargo metadata --no-deps --format-version 1 |
        sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
    mkfifo "$fifo"
    "$target_dir/debug/meslink-sim" <"$fifo" >"$work/sim.out" 2>"$work/sim.err" &
    sim_pid=$!
    exec 3>"$fifo"
    for _ in $(seq 1 100); do
        url="$(sed -n '1s/^MESLINK_SIM_URL=//p' "$work/sim.out")"
        [ -n "$url" ] && break
        sleep 0.1
    done
    [ -n "$url" ] || { echo "meslink-sim did not print its URL: $(cat "$work/sim.err")"; return 1; }
    export MESLINK_SIM_URL="$url"
    echo "simulator: $url"
}
check "start meslink-sim" start_sim

# ---- Python -------------------------------------------------------------------------------
linux_wheel() {
    local wheel venv="$work/venv" t0
    wheel="$(one "meslink-$version-cp38-abi3-manylinux*_x86_64.whl")" || return 1
    "$tools_venv/bin/auditwheel" show "$wheel" | tee "$work/auditwheel.txt" || return 1
    # auditwheel wraps its lines: the tag is looked for in the text joined into one line.
    tr '\n' ' ' <"$work/auditwheel.txt" | grep -q 'is consistent with the following platform tag: *"manylinux_' ||
        { echo "auditwheel finds no manylinux tag"; return 1; }
    python3 -m venv "$venv" || return 1
    t0=$(date +%s%N)
    "$venv/bin/python" -m pip install --no-index --disable-pip-version-check --quiet "$wheel" || return 1
    echo "pip install --no-index: $((($(date +%s%N) - t0) / 1000000)) ms"
    # From a folder without the source tree: the installed wheel is what runs.
    (cd "$work" && "$venv/bin/python" -c 'import meslink, sys; print(meslink.__file__); sys.exit(0 if "/venv/" in meslink.__file__ else 1)') ||
        { echo "meslink is not imported from the venv"; return 1; }

    # The README's Python quick start, with the simulator's URL and password.
    python3 - "$root/README.md" >"$work/quickstart.py" <<'PY' || return 1
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
section = text.split("\n### Python\n", 1)[1]
block = re.search(r"```python\n(.*?)```", section, re.S)
if not block:
    sys.exit("README: no python block under '### Python'")
print("import os\nurl = os.environ['MESLINK_SIM_URL']\npw = 'Windows123.'")
print(block.group(1))
print("print('quick start: ok')")
PY
    (cd "$work" && "$venv/bin/python" quickstart.py) || { echo "the README's quick start failed"; return 1; }
    (cd "$work" && MESLINK_PASSWORD=Windows123. "$venv/bin/python" "$root/python/examples/station.py" \
        --url "$MESLINK_SIM_URL") || { echo "python/examples/station.py failed"; return 1; }
}
check "manylinux wheel: auditwheel, pip install --no-index, quick start, example" linux_wheel
win_wheel() { # win_wheel PLATFORM
    local wheel
    wheel="$(one "meslink-$version-cp38-abi3-$1.whl")" || return 1
    python3 bindings/windows/check_wheel.py "$wheel" --version "$version" --source python/meslink --platform "$1"
}
check "win_amd64 wheel (check_wheel.py)" win_wheel win_amd64
check "win32 wheel (check_wheel.py)" win_wheel win32

# ---- NuGet ---------------------------------------------------------------------------------
nupkg() {
    local pkg
    pkg="$(one "MesLink.$version.nupkg")" || return 1
    bash packaging/nuget/test-nupkg.sh "$pkg" "$version"
}
check "NuGet package (test-nupkg.sh)" nupkg

# ---- C SDKs ------------------------------------------------------------------------------
for platform in linux-x64 linux-aarch64 linux-armv7hf win-x64 win-x86; do
    sdk_test() {
        local archive
        archive="$(one "meslink-$version-$1.*")" || return 1
        bash bindings/c/test-sdk.sh "$archive"
    }
    check "C SDK $platform (test-sdk.sh)" sdk_test "$platform"
done

# ---- LabVIEW ------------------------------------------------------------------------------
labview() {
    local zip kit
    zip="$(one "meslink-$version-labview.zip")" || return 1
    unzip -q "$zip" -d "$work/labview" || return 1
    kit="$work/labview/meslink-$version-labview"
    for f in meslink32.dll meslink64.dll CLFN.md README.md EXAMPLE.md meslink.h; do
        [ -f "$kit/$f" ] || { echo "the kit lacks $f"; return 1; }
    done
    # check_dll.py takes the machine from the names: meslink32 -> x86, meslink64 -> x64.
    python3 bindings/windows/check_dll.py --header include/meslink.h --version "$version" \
        "$kit/meslink32.dll" "$kit/meslink64.dll" || return 1
    cmp "$kit/CLFN.md" bindings/labview/CLFN.md && python3 bindings/labview/gen-clfn-guide.py --check
}
check "LabVIEW kit (DLLs, guide, example)" labview

echo
echo "---- test-dist ($dir) ----"
printf '%s\n' "${results[@]}"
echo "test-dist: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
