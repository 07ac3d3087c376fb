#!/usr/bin/env bash
# The generator's fixture test: in a copy of the tree, a developer adds one row to the
# catalog (fixture_row.rs, a grading call with a required and an optional parameter and a
# C export) and runs tools/gen_surfaces.py; nothing else is written by hand. Then:
#   * the generated files were stale before (the CI check would have failed);
#   * the copy differs from the tree only in that row and in generated files;
#   * the new typed method is called against a stub server (stub_server.py) from Rust,
#     C (the named export), Python (a wheel built from the copy) and C# (Mono), and the
#     stub received each call with the parameters under their wire names.
#
#   bash tests/generator/fixture_call.sh      # CARGO_TARGET_DIR defaults to target/fixture
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/meslink-fixture.XXXXXX")"
export CARGO_TARGET_DIR="${MESLINK_FIXTURE_TARGET:-$root/target/fixture}"
python="${PYTHON:-python3}"
stub_pid=""
cleanup() {
    [ -n "$stub_pid" ] && kill "$stub_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
say() { printf '\n-- %s\n' "$*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

say "copy of the tree in $work/src"
mkdir -p "$work/src"
(cd "$root" && git ls-files -co --exclude-standard -z | tar --null -T - -cf -) | tar -C "$work/src" -xf -
src="$work/src"
cp -r "$src" "$work/before"

say "a developer adds one row to the catalog"
"$python" - "$src/rust/meslink/src/catalog/grading.rs" "$here/fixture_row.rs" <<'PY'
import sys
path, row = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
text = open(path, encoding="utf-8").read()
assert text.rstrip().endswith("}];"), "grading.rs no longer ends its table with }];"
text = text.rstrip()[: -len("];")] + ",\n" + row + "];\n"
open(path, "w", encoding="utf-8").write(text)
PY

say "cargo build -p meslink-cli (the copy's catalog)"
(cd "$src" && cargo build --quiet -p meslink-cli)
cli="$CARGO_TARGET_DIR/debug/meslink"
if (cd "$src" && MESLINK_CLI="$cli" "$python" tools/gen_surfaces.py --check >/dev/null); then
    fail "the generated files were not stale after a new catalog row: the CI check would not notice"
fi
(cd "$src" && MESLINK_CLI="$cli" "$python" tools/gen_surfaces.py)

say "cargo build -p meslink-ffi (writes the header and NativeMethods too)"
(cd "$src" && cargo build --quiet -p meslink-ffi)

say "only the row and generated files differ from the tree"
changed=$(cd "$work" && { diff -rq before src || true; } | sed -E 's/^Files before\/(.*) and src\/.* differ$/\1/; s/^Only in src\/?([^:]*): (.*)$/\1\/\2 (new)/')
echo "$changed"
allowed='^(rust/meslink/src/catalog/grading\.rs|rust/meslink/src/models/generated\.rs|rust/meslink/src/named/generated\.rs|rust/meslink-ffi/src/named\.rs|python/meslink/_generated\.pyi?|dotnet/MesLink/Generated/(Calls|Models)\.g\.cs|include/meslink\.h|dotnet/MesLink/NativeMethods\.g\.cs)$'
echo "$changed" | grep -Ev "$allowed" && fail "files other than the row and generated ones changed"
for pattern in \
    "rust/meslink/src/named/generated.rs:pub fn grading_fixture_echo(&self, cell_code: &str)" \
    "python/meslink/_generated.py:def grading_fixture_echo(self, cell_code: str" \
    "python/meslink/_generated.pyi:def grading_fixture_echo(self, cell_code: str" \
    "python/meslink/_generated.py:async def grading_fixture_echo(self, cell_code: str" \
    "dotnet/MesLink/Generated/Calls.g.cs:public string GradingFixtureEcho(string cellCode, double? capacityMah = null)" \
    "dotnet/MesLink/Generated/Calls.g.cs:public Task<string> GradingFixtureEchoAsync(string cellCode, double? capacityMah = null, CancellationToken cancellationToken" \
    "include/meslink.h:int32_t meslink_grading_fixture_echo(int32_t client,"; do
    file=${pattern%%:*}
    grep -qF "${pattern#*:}" "$src/$file" || fail "$file has no ${pattern#*:}"
done

say "the stub server"
log="$work/stub.log"
coproc STUB { exec "$python" "$here/stub_server.py" "$log"; }
stub_pid=$STUB_PID
read -r line <&"${STUB[0]}"
url=${line#URL=}
echo "$url"
expect() {  # expect BODY_JSON: the last request the stub received
    "$python" - "$log" "$1" <<'PY'
import json, sys
last = json.loads(open(sys.argv[1], encoding="utf-8").read().splitlines()[-1])
want = json.loads(sys.argv[2])
assert last["path"] == "/api/fixture/echo" and last["datasource"] == "FIX", last
assert last["body"] == want, (last["body"], want)
print("stub received", json.dumps(last["body"], ensure_ascii=False))
PY
}

say "Rust"
cp "$here/fixture_call.rs" "$src/rust/meslink/tests/fixture_call.rs"
(cd "$src" && MESLINK_FIXTURE_URL="$url" cargo test --quiet -p meslink --test fixture_call)
expect '{"cellCode": "RUST-1", "capacityMah": 3.5}'

say "C"
gcc -Wall -Werror -I"$src/include" -o "$work/fixture_c" "$here/fixture_call.c" -L"$CARGO_TARGET_DIR/debug" -lmeslink
LD_LIBRARY_PATH="$CARGO_TARGET_DIR/debug" "$work/fixture_c" "$url"
expect '{"cellCode": "C-1"}'

say "C# (Mono)"
mkdir -p "$work/cs"
mcs -langversion:7.2 -nologo -unsafe -nowarn:1591 -target:exe -out:"$work/cs/FixtureCall.exe" \
    $(find "$src/dotnet/MesLink" -name '*.cs' | sort) "$here/FixtureCall.cs"
cp "$CARGO_TARGET_DIR/debug/libmeslink.so" "$work/cs/"
mono "$work/cs/FixtureCall.exe" "$url"
expect '{"cellCode": "CS-ASYNC", "capacityMah": 7.5}'

say "Python (a wheel built from the copy)"
"$python" -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "maturin>=1.5,<2"
(cd "$src/python" && "$work/venv/bin/maturin" build --quiet -o "$work/wheels" --interpreter "$work/venv/bin/python")
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "$work"/wheels/meslink-*.whl
(cd "$work" && "$work/venv/bin/python" "$here/fixture_call.py" "$url")
expect '{"cellCode": "PY-ASYNC", "capacityMah": 6.5}'

say "the fixture call works in Rust, C, C# and Python with no hand-written line"
