#!/usr/bin/env bash
# The whole test suite: what the README's second command and CI run.
# Installs what a fresh Debian machine lacks, runs every step even when one fails,
# prints a summary and exits non-zero if any step failed.
set -uo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

install_missing() {
    local pkgs=()
    command -v mcs >/dev/null || pkgs+=(mono-devel)
    command -v nunit-console >/dev/null || pkgs+=(nunit-console)
    command -v valgrind >/dev/null || pkgs+=(valgrind)
    command -v gcc >/dev/null || pkgs+=(gcc)
    command -v curl >/dev/null || pkgs+=(curl)
    python3 -c 'import venv, ensurepip' 2>/dev/null || pkgs+=(python3-venv)
    if [ ${#pkgs[@]} -gt 0 ]; then
        log "installing ${pkgs[*]} (apt-get)"
        local sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${pkgs[@]}" >/dev/null \
            || { echo "apt-get install failed"; return 1; }
    fi
    rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
    rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
    # The release artifacts' tools (cross compilers for ARM Linux and Windows, qemu-user,
    # 32-bit Wine, maturin and zig): one list, in tools/dist.sh.
    if [ "${MESLINK_SKIP_DIST:-0}" != 1 ]; then
        bash tools/dist.sh --install-tools || { echo "tools/dist.sh --install-tools failed"; return 1; }
    fi
    return 0
}

failed=()
passed=()
step() {
    local name="$1"; shift
    log "$name"
    local t0=$SECONDS
    if "$@"; then
        passed+=("$name ($((SECONDS - t0)) s)")
    else
        failed+=("$name")
        echo "FAILED: $name"
    fi
}

step "install missing tools" install_missing
step "cargo fmt --check" cargo fmt --all -- --check
step "cargo clippy -D warnings" cargo clippy --workspace --all-targets -- -D warnings
step "Rust tests" cargo test --workspace --exclude meslink-py
step "generated header and NativeMethods are up to date" bash bindings/c/check-generated.sh
step "generated surfaces (Rust, C, Python, C#) match the catalog" env MESLINK_CLI="${CARGO_TARGET_DIR:-target}/debug/meslink" python3 tools/gen_surfaces.py --check
# One sample call of every request call of the catalog, shared by the C, Python and C#
# "every call" tests.
samples() {
    mkdir -p target &&
        MESLINK_CLI="${CARGO_TARGET_DIR:-target}/debug/meslink" python3 tools/sample_calls.py >target/sample-calls.json
}
step "sample calls for every layer" samples
export MESLINK_SAMPLE_CALLS="$PWD/target/sample-calls.json"
step "C tests (shared, static, AddressSanitizer, valgrind)" bash bindings/c/run-tests.sh
step "Python wheel and pytest" bash python/run-tests.sh
step "C# on Mono (NUnit)" bash dotnet/run-tests.sh
# A catalog row added in a copy of the tree becomes a typed method in every language with
# no hand-written line (tools/gen_surfaces.py), called against a stub server.
step "generator: a new catalog row, called from Rust, C, C#, Python" bash tests/generator/fixture_call.sh
# Every benchmark case with tiny N on the debug builds above (bench/run.sh --smoke): keeps
# the cases from rotting; no figure is judged here.
step "benchmarks (smoke)" bash bench/run.sh --smoke
# Skippable only explicitly: MESLINK_SKIP_WINDOWS=1 (the summary then says so).
skipped=()
if [ "${MESLINK_SKIP_WINDOWS:-0}" = 1 ]; then
    skipped+=("Windows (MESLINK_SKIP_WINDOWS=1)")
else
    step "Windows: cross builds, Wine tests, NuGet, LabVIEW kit, wheel" bash bindings/windows/run-tests.sh
fi
# Every release artifact (tools/dist.sh), each tested as a user would (tools/test-dist.sh).
# The Windows step's builds are reused when both use the same profile: CI's is
# MESLINK_DIST_PROFILE (default release, as the Windows step builds). Measured on the
# 2-core machine with two other builds running: the ARM libraries 6 min 36 s, the
# manylinux wheel (zig) 3.5 min, the win32 wheel under 1 min, the tests 73 s.
if [ "${MESLINK_SKIP_DIST:-0}" = 1 ]; then
    skipped+=("release artifacts (MESLINK_SKIP_DIST=1)")
else
    step "release artifacts: tools/dist.sh, each artifact tested" \
        bash tools/dist.sh --no-install --profile "${MESLINK_DIST_PROFILE:-release}" --out build/dist
fi

log "summary"
for p in "${passed[@]}"; do echo "  ok    $p"; done
for s in "${skipped[@]}"; do echo "  SKIP  $s"; done
for f in "${failed[@]}"; do echo "  FAIL  $f"; done
[ ${#failed[@]} -eq 0 ]
