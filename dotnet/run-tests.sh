#!/usr/bin/env bash
# The C# layer on Mono: builds libmeslink.so and the simulator (cargo), compiles MesLink.dll,
# the NUnit 2.6 tests and the Station example with mcs into dotnet/build/, compiles with the
# README's own mcs lines (which must keep working as written), runs the example
# against the simulator, then the tests with nunit-console. Exits non-zero on any failure.
#
#   bash dotnet/run-tests.sh [nunit-console options, e.g. -run=MesLink.Tests.ClientTests]
#
# Environment: MESLINK_SKIP_CARGO=1 uses the existing target/debug build as it is;
# MESLINK_SIM overrides the simulator binary; NUNIT_FRAMEWORK the nunit.framework.dll.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/dotnet/build
target=${CARGO_TARGET_DIR:-$root/target}

say() { printf '== %s\n' "$*"; }

for tool in mcs mono nunit-console; do
    command -v "$tool" >/dev/null || { echo "missing $tool (Debian: apt-get install mono-devel nunit-console)"; exit 1; }
done

if [ "${MESLINK_SKIP_CARGO:-0}" != 1 ]; then
    say "cargo build -p meslink-ffi -p meslink-sim -p meslink-cli"
    cargo build --quiet -p meslink-ffi -p meslink-sim -p meslink-cli
fi
lib=$target/debug/libmeslink.so
sim=${MESLINK_SIM:-$target/debug/meslink-sim}
[ -f "$lib" ] || { echo "missing $lib"; exit 1; }
[ -x "$sim" ] || { echo "missing $sim"; exit 1; }
export MESLINK_SIM=$sim
# One sample call of every request call of the catalog, for EveryCallTests.
if [ -z "${MESLINK_SAMPLE_CALLS:-}" ]; then
    mkdir -p "$out.samples"
    MESLINK_CLI=$target/debug/meslink python3 tools/sample_calls.py >"$out.samples/sample-calls.json"
    export MESLINK_SAMPLE_CALLS=$out.samples/sample-calls.json
fi

nunit=${NUNIT_FRAMEWORK:-}
if [ -z "$nunit" ]; then
    for candidate in /usr/lib/mono/gac/nunit.framework/2.6*/nunit.framework.dll \
                     /usr/lib/cli/nunit.framework-2.6*/nunit.framework.dll \
                     /usr/lib/nunit/nunit.framework.dll \
                     /usr/lib/nunit/framework/nunit.framework.dll; do
        if [ -f "$candidate" ]; then nunit=$candidate; break; fi
    done
fi
[ -n "$nunit" ] && [ -f "$nunit" ] || { echo "nunit.framework.dll not found; set NUNIT_FRAMEWORK"; exit 1; }

rm -rf "$out"
mkdir -p "$out"
mcs_flags=(-langversion:7.2 -nologo -warnaserror+ -nowarn:1591 -debug)

say "mcs MesLink.dll"
mcs "${mcs_flags[@]}" -unsafe -target:library -out:"$out/MesLink.dll" -doc:"$out/MesLink.xml" \
    $(find dotnet/MesLink -name '*.cs' | sort)

say "mcs MesLink.Tests.dll ($nunit)"
cp -f "$nunit" "$out/"
mcs "${mcs_flags[@]}" -unsafe -target:library -out:"$out/MesLink.Tests.dll" \
    -r:"$out/MesLink.dll" -r:"$out/nunit.framework.dll" \
    $(find dotnet/MesLink.Tests -name '*.cs' | sort)

say "mcs Station.exe"
mcs "${mcs_flags[@]}" -target:exe -out:"$out/Station.exe" -r:"$out/MesLink.dll" dotnet/examples/Station.cs

say "the README's C# build lines, as written"
# A user compiles with the README's mcs lines, not with this script's flags: run them from
# a scratch directory that sees dotnet/ (they write MesLink.dll and Station.exe there).
readme_build=$(mktemp -d)
ln -s "$root/dotnet" "$readme_build/dotnet"
# Every distinct mcs line of the README (the library's line appears under "Build from
# source" and in the C# section), in order: the library's and the example's.
grep '^mcs ' README.md | awk '!seen[$0]++' >"$readme_build/build.sh"
[ "$(wc -l <"$readme_build/build.sh")" -eq 2 ] || { echo "README: the C# section's two mcs lines are missing"; exit 1; }
(cd "$readme_build" && bash -e build.sh)
[ -f "$readme_build/MesLink.dll" ] && [ -f "$readme_build/Station.exe" ]
rm -rf "$readme_build"

# Mono resolves DllImport("meslink") to libmeslink.so in the assembly's directory (no
# LD_LIBRARY_PATH needed); a copy, so that a later cargo build does not change a running test.
cp -f "$lib" "$out/libmeslink.so"

say "Station example against the simulator"
coproc SIMPROC { exec "$sim"; }
sim_pid=$SIMPROC_PID
sim_in=${SIMPROC[1]}
stop_sim() {
    # Closing its stdin stops the simulator.
    [ -n "${sim_in:-}" ] && eval "exec ${sim_in}>&-" 2>/dev/null || true
    wait "$sim_pid" 2>/dev/null || true
}
trap stop_sim EXIT
IFS= read -r -t 60 first <&"${SIMPROC[0]}" || { echo "the simulator did not start"; exit 1; }
url=${first#MESLINK_SIM_URL=}
(cd "$out" && mono --debug Station.exe "$url") | tee "$out/station.log"
grep -q "^uploaded BAJ614KM901584Z" "$out/station.log"
grep -q "^MES refused NOT-A-VALID-SN: SN RULER CHECK NG!FIX" "$out/station.log"
grep -q "^grading record saved: .*\"state\":1" "$out/station.log"
stop_sim
trap - EXIT

say "nunit-console MesLink.Tests.dll"
# -noshadow: the test assembly runs from dotnet/build, where libmeslink.so is.
(cd "$out" && nunit-console MesLink.Tests.dll -nologo -noshadow -labels -result="$out/TestResult.xml" "$@")
