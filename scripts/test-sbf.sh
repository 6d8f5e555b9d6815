#!/usr/bin/env bash
# Runs the Rust suite again against real SBPF bytecode: builds merit.so with the shared
# build script (rustup nightly + sbpf-linker, no platform-tools needed), runs every test
# with SBF_OUT_DIR set (compute is metered, `emit!` writes events; the SBF-only tests that
# are #[ignore]d natively run too), records each successful Merit instruction's compute
# units and writes docs/compute-units.md, failing when an instruction is over its budget.
#
# The build script is found at $MERIT_SBF_BUILD, else ../shared/sbf/build-sbf.sh next to
# this checkout, else /work/shared/sbf/build-sbf.sh. Skip the whole run only explicitly:
# MERIT_SKIP_SBF=1 (scripts/test.sh says so loudly). `--build-only` builds merit.so into
# target/sbf, prints its path and stops (what `merit localnet` needs).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=""
for candidate in "${MERIT_SBF_BUILD:-}" "$root/../shared/sbf/build-sbf.sh" /work/shared/sbf/build-sbf.sh; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    build=$candidate
    break
  fi
done
if [ -z "$build" ]; then
  echo "test-sbf: no SBF build script (set MERIT_SBF_BUILD, or MERIT_SKIP_SBF=1 to skip)" >&2
  exit 1
fi
out=$root/target/sbf
mkdir -p "$out"
echo "== SBF: building merit.so with $build"
"$build" "$root" "$out"
if [ "${1:-}" = --build-only ]; then
  echo "$out/merit.so"
  exit 0
fi
echo "== SBF: the Rust suite against $out/merit.so"
rm -f "$out/cu.jsonl"
SBF_OUT_DIR=$out MERIT_CU_LOG=$out/cu.jsonl cargo test --locked -p merit-tests -- --include-ignored
echo "== SBF: compute units (docs/compute-units.md)"
python3 scripts/compute-units.py "$out/cu.jsonl" docs/compute-units.md
