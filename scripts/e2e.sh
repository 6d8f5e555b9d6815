#!/usr/bin/env bash
# End to end against a real validator: builds merit-validator once per machine
# (scripts/validator.sh) and the `merit` CLI, starts the validator on a loopback port with
# merit.so from $SBF_OUT_DIR or target/sbf (scripts/test-sbf.sh builds it), runs
# `npm run e2e` in app/ against it (the SDK through a task's whole life, then two
# `merit crank` processes racing for keeper work), and stops the validator on every exit
# path (its stdin is a pipe this script holds; the test stops the bots it starts). Last, it
# checks that every socket the validator opened is on loopback (scripts/lib/sockets.py).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(scripts/validator.sh --build-only)
cargo build --quiet --locked -p merit-cli --bin merit
target=${CARGO_TARGET_DIR:-target}
case $target in /*) ;; *) target=$(pwd)/$target ;; esac
merit_bin=$target/debug/merit
port=${MERIT_VALIDATOR_PORT:-18899}
dir=$(mktemp -d)
mkfifo "$dir/stdin"
"$bin" --rpc-port "$port" --faucet-keypair "$dir/faucet.json" <"$dir/stdin" >"$dir/out" 2>"$dir/err" &
pid=$!
exec 3>"$dir/stdin"
cleanup() { exec 3>&- || true; kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT
for _ in $(seq 1 120); do
  grep -q '^{"rpc"' "$dir/out" 2>/dev/null && break
  kill -0 "$pid" 2>/dev/null || { cat "$dir/err" >&2; echo "e2e: the validator exited before serving" >&2; exit 1; }
  sleep 1
done
grep -q '^{"rpc"' "$dir/out" || { echo "e2e: the validator did not serve within 120 s" >&2; exit 1; }
echo "== e2e: validator $(grep -m1 '^{"rpc"' "$dir/out")"
cd app
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
MERIT_RPC_URL=http://127.0.0.1:$port MERIT_FAUCET_KEYPAIR=$dir/faucet.json MERIT_BIN=$merit_bin \
  npm run --silent e2e
cd ..
# After a task's whole life every service has opened its sockets: all must be on loopback.
echo "== e2e: the validator's sockets"
python3 scripts/lib/sockets.py "$pid" --loopback
