#!/usr/bin/env bash
# The TypeScript SDK end to end against a real validator: builds merit-validator once per
# machine (scripts/validator.sh), starts it on a free loopback port with merit.so from
# $SBF_OUT_DIR or target/sbf (scripts/test-sbf.sh builds it), runs `npm run e2e` in app/
# against it, and stops it on every exit path (its stdin is a pipe this script holds).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(scripts/validator.sh --build-only)
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
MERIT_RPC_URL=http://127.0.0.1:$port MERIT_FAUCET_KEYPAIR=$dir/faucet.json npm run --silent e2e
