#!/usr/bin/env bash
# Tests a built MesLink .nupkg (packaging/nuget/build-nupkg.sh) on this machine:
#   1. check_nupkg.py: unpacks it, checks its layout and the PE machine of each DLL;
#   2. the managed check: a probe program compiled against lib/net462 and lib/netstandard2.0
#      runs under Mono in a folder without the native library and must get a
#      MesLinkNativeLibraryException naming libmeslink.so and the process architecture;
#      with runtimes/linux-x64/native/libmeslink.so beside it, it must print the version;
#   3. the build targets: an old-style net462 project importing build/MesLink.targets (as
#      packages.config does) is built with xbuild as x86, x64, AnyCPU+Prefer32Bit exe,
#      AnyCPU exe and AnyCPU library; the output must hold exactly the right
#      runtimes/win-*/native/meslink.dll, of the right machine, and no meslink.dll beside
#      MesLink.dll.
#   packaging/nuget/test-nupkg.sh PACKAGE.nupkg VERSION
# The last line is "test-nupkg: N passed, N failed".
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
nupkg="$1" version="$2"
work="$(mktemp -d "${TMPDIR:-/tmp}/meslink-nupkg-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT
pkg="$work/pkg"
passed=0 failed=0
result() { # result OK MESSAGE
    if [ "$1" = 0 ]; then passed=$((passed + 1)); echo "ok    $2"; else failed=$((failed + 1)); echo "FAIL  $2"; fi
}

python3 "$here/check_nupkg.py" "$nupkg" --version "$version" --extract "$pkg"
result $? "package layout (check_nupkg.py)"

for tfm in net462 netstandard2.0; do
    dir="$work/probe-$tfm"
    mkdir -p "$dir"
    cp "$pkg/lib/$tfm/MesLink.dll" "$dir/"
    if ! mcs -nologo -langversion:7.2 -out:"$dir/probe.exe" -r:"$dir/MesLink.dll" "$here/tests/NativeCheckProbe.cs"; then
        result 1 "$tfm: compile the probe"
        continue
    fi
    out="$(cd "$dir" && mono probe.exe 2>&1)"
    rc=$?
    echo "$out" | sed 's/^/    /'
    [ $rc = 3 ] && grep -q "library=libmeslink.so arch=x64" <<<"$out" &&
        grep -q "libmeslink.so was not found; this process is x64 (64-bit)" <<<"$out"
    result $? "$tfm: without the native library: MesLinkNativeLibraryException naming libmeslink.so and x64"
    cp "$pkg/runtimes/linux-x64/native/libmeslink.so" "$dir/"
    out="$(cd "$dir" && mono probe.exe 2>&1)"
    rc=$?
    echo "    $out"
    [ $rc = 0 ] && [ "$out" = "native $version" ]
    result $? "$tfm: with runtimes/linux-x64/native/libmeslink.so: native $version"
done

if ! command -v xbuild >/dev/null; then
    result 1 "xbuild not installed (Debian: mono-xbuild): the build targets are untested"
else
    # case: platform prefer32 output_type -> the runtimes folders expected in the output
    while read -r name platform prefer32 type want; do
        dir="$work/consumer-$name"
        mkdir -p "$dir"
        cp "$here/tests/NativeCheckProbe.cs" "$dir/"
        sed -e "s|@PKG@|$pkg|g" -e "s|@PLATFORM@|$platform|" -e "s|@PREFER32@|$prefer32|" \
            -e "s|@OUTPUT_TYPE@|$type|" "$here/tests/Consumer.csproj.in" >"$dir/Consumer.csproj"
        if ! (cd "$dir" && xbuild /nologo /v:quiet Consumer.csproj >build.log 2>&1); then
            cat "$dir/build.log"
            result 1 "xbuild $name"
            continue
        fi
        got="$(cd "$dir/bin" && find runtimes -name meslink.dll 2>/dev/null | sort | tr '\n' ' ')"
        ok=0
        [ "$got" = "$want " ] || ok=1
        [ -e "$dir/bin/meslink.dll" ] && ok=1
        for f in $got; do
            case "$f" in
            *win-x86*) m=x86 ;;
            *) m=x64 ;;
            esac
            [ "$(python3 "$here/../../bindings/windows/pe.py" "$dir/bin/$f" | cut -d' ' -f1)" = "$m" ] || ok=1
        done
        result $ok "targets, $name (PlatformTarget=$platform Prefer32Bit=$prefer32 $type): ${got:-nothing}(want $want)"
    done <<'CASES'
x86 x86 false Exe runtimes/win-x86/native/meslink.dll
x64 x64 false Exe runtimes/win-x64/native/meslink.dll
anycpu-prefer32 AnyCPU true Exe runtimes/win-x86/native/meslink.dll
anycpu-exe AnyCPU false Exe runtimes/win-x64/native/meslink.dll runtimes/win-x86/native/meslink.dll
anycpu-library AnyCPU true Library runtimes/win-x64/native/meslink.dll runtimes/win-x86/native/meslink.dll
CASES
fi

echo "test-nupkg: $passed passed, $failed failed"
[ "$failed" = 0 ]
