#!/usr/bin/env bash
# Builds the meslink wheel, installs it into a fresh virtual environment and runs the
# pytest suite (and, through it, examples/station.py) against the simulator.
#
#   python/run-tests.sh                 # release wheel (what ships)
#   MESLINK_PY_PROFILE=debug python/run-tests.sh   # quicker build, same tests
#   PYTHON=python3.8 python/run-tests.sh           # another interpreter for the venv
#   python/run-tests.sh -k grading      # extra arguments go to pytest
#
# The tests import the installed wheel, never the source tree: pytest runs from
# python/tests with PYTHONPATH unset, and a test checks meslink.__file__ is in the venv.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
python="${PYTHON:-python3}"
profile="${MESLINK_PY_PROFILE:-release}"

work="$(mktemp -d "${TMPDIR:-/tmp}/meslink-py.XXXXXX")"
trap 'rm -rf "$work"' EXIT
venv="$work/venv"
wheels="$work/wheels"

step() { printf '\n== %s\n' "$*"; }

step "venv ($("$python" --version 2>&1)) in $venv"
"$python" -m venv "$venv"
vpy="$venv/bin/python"
"$vpy" -m pip install --quiet --disable-pip-version-check --upgrade pip
"$vpy" -m pip install --quiet --disable-pip-version-check "maturin>=1.5,<2" pytest

step "wheel ($profile)"
build_args=(build -o "$wheels" --interpreter "$vpy")
if [[ "$profile" == release ]]; then build_args+=(--release); fi
start=$SECONDS
(cd "$here" && "$venv/bin/maturin" "${build_args[@]}")
echo "wheel built in $((SECONDS - start)) s"
shopt -s nullglob
built=("$wheels"/meslink-*.whl)
if [[ ${#built[@]} -ne 1 ]]; then
    echo "expected one wheel in $wheels, found: ${built[*]:-none}" >&2
    exit 1
fi
wheel="${built[0]}"
echo "$(basename "$wheel")"
case "$(basename "$wheel")" in
    *-cp38-abi3-*) ;;
    *) echo "not an abi3 (cp38-abi3) wheel: $wheel" >&2; exit 1 ;;
esac
"$vpy" -m pip install --quiet --disable-pip-version-check "$wheel"

step "simulator and CLI"
# The CLI reads the spool offline in the SIGKILL loop (test_spool_kill.py).
(cd "$root" && cargo build -p meslink-sim -p meslink-cli)
target_dir="${CARGO_TARGET_DIR:-$root/target}"
export MESLINK_SIM="${MESLINK_SIM:-$target_dir/debug/meslink-sim}"
export MESLINK_CLI="${MESLINK_CLI:-$target_dir/debug/meslink}"
[[ -x "$MESLINK_SIM" ]] || { echo "no simulator at $MESLINK_SIM" >&2; exit 1; }

step "pytest (installed wheel)"
cd "$here/tests"
env -u PYTHONPATH -u PYTHONHOME MESLINK_TEST_WHEEL=1 \
    "$vpy" -m pytest -p no:cacheprovider --rootdir "$here/tests" --import-mode=importlib \
    -ra "$@" .
