#!/usr/bin/env bash
# Fails when the committed generated bindings differ from what the sources generate:
# include/meslink.h (cbindgen) and dotnet/MesLink/NativeMethods.g.cs (csbindgen), both
# written by rust/meslink-ffi/build.rs. Also checks that they compile: the header as C
# and as C++ (gcc/g++), the C# with Mono's mcs as C# 7.2 (when mcs is installed).
#
# Fix a failure by building (`cargo build -p meslink-ffi`) and committing both files.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
files=(include/meslink.h dotnet/MesLink/NativeMethods.g.cs)

cargo build -p meslink-ffi

status=0
untracked="$(git status --porcelain --untracked-files=all -- "${files[@]}" | grep '^??' || true)"
if [ -n "$untracked" ]; then
    echo "check-generated: not committed:" >&2
    echo "$untracked" >&2
    status=1
fi
if ! git diff --exit-code -- "${files[@]}"; then
    echo "check-generated: the generated bindings changed; commit them" >&2
    status=1
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo '#include "meslink.h"' >"$tmp/h.c"
gcc -std=c99 -Wall -Wextra -Werror -pedantic -Iinclude -fsyntax-only "$tmp/h.c" || status=1
cp "$tmp/h.c" "$tmp/h.cpp"
if command -v g++ >/dev/null; then
    g++ -std=c++11 -Wall -Wextra -Werror -Iinclude -fsyntax-only "$tmp/h.cpp" || status=1
fi
if command -v mcs >/dev/null; then
    mcs -langversion:7.2 -unsafe -target:library -warnaserror+ -out:"$tmp/n.dll" \
        dotnet/MesLink/NativeMethods.g.cs || status=1
else
    echo "check-generated: mcs not installed; the C# compile check is skipped" >&2
fi

# The LabVIEW guide is generated from the header too.
python3 bindings/labview/gen-clfn-guide.py --check || status=1

if [ "$status" -eq 0 ]; then
    echo "check-generated: OK (${files[*]} up to date and compiling)"
fi
exit "$status"
