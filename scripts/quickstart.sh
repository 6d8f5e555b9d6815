#!/usr/bin/env bash
# Runs the README's quickstart ("Try it") exactly as written: its four blocks, taken from
# README.md by their `<!-- quickstart:NAME -->` markers. The setup block runs from the
# repository (the builds it names, cached after scripts/test.sh); then, with a fresh HOME
# (so nothing of yours is read or overwritten) and target/debug on PATH, `merit localnet`
# and the keeper run in the background from the repository and the steps run in a
# temporary folder. Checks: every step exits 0, the contributor and the validator each
# claim, and the cluster stops when `merit localnet` gets SIGTERM (port 8899 free again).
# The validator is found through MERIT_VALIDATOR (the fresh HOME has no ~/.cache).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work=$(mktemp -d)
block() {
  python3 - "$1" <<'PY'
import re, sys
text = open("README.md").read()
m = re.search(r"<!-- quickstart:%s -->\n```sh\n(.*?)```" % re.escape(sys.argv[1]), text, re.S)
if not m:
    sys.exit("README.md has no quickstart:%s block" % sys.argv[1])
print(m.group(1), end="")
PY
}
for name in setup localnet crank steps; do block "$name" >"$work/$name.sh"; done

echo "== quickstart: setup (from the repository)"
bash -euo pipefail "$work/setup.sh"
validator=$(scripts/validator.sh --build-only)
target=${CARGO_TARGET_DIR:-target}
case $target in /*) ;; *) target=$repo/$target ;; esac
export PATH=$target/debug:$PATH MERIT_VALIDATOR=$validator
export HOME=$work/home RUST_LOG=${RUST_LOG:-error} MERIT_LOG=${MERIT_LOG:-warn}
mkdir -p "$HOME" "$work/steps"

# Each terminal is its own process group (setsid), signalled as a whole, as Ctrl-C would;
# a group is gone when no process is left in it.
pids=()
group_alive() { pgrep -g "$1" >/dev/null 2>&1; }
stop_group() {
  kill -TERM -- "-$1" 2>/dev/null || true
  for _ in $(seq 1 60); do group_alive "$1" || return 0; sleep 1; done
  return 1
}
cleanup() {
  for pid in "${pids[@]}"; do stop_group "$pid" || kill -KILL -- "-$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

echo "== quickstart: terminal 1, merit localnet"
setsid bash -euo pipefail "$work/localnet.sh" >"$work/localnet.out" 2>&1 &
localnet=$!
pids+=("$localnet")
for _ in $(seq 1 150); do
  grep -q "is ready" "$work/localnet.out" && break
  kill -0 "$localnet" 2>/dev/null || { cat "$work/localnet.out" >&2; echo "quickstart: merit localnet exited" >&2; exit 1; }
  sleep 1
done
grep -q "is ready" "$work/localnet.out" || { cat "$work/localnet.out" >&2; echo "quickstart: not ready in 150 s" >&2; exit 1; }
cat "$work/localnet.out"

echo "== quickstart: terminal 2, the keeper"
setsid bash -euo pipefail "$work/crank.sh" >"$work/crank.out" 2>&1 &
pids+=("$!")

echo "== quickstart: terminal 3, a task from creation to both claims"
start=$(date +%s)
if ! (cd "$work/steps" && bash -euxo pipefail "$work/steps.sh") >"$work/steps.out" 2>&1; then
  cat "$work/steps.out" >&2
  echo "== the keeper's output" >&2
  tail -40 "$work/crank.out" >&2
  echo "quickstart: a step failed" >&2
  exit 1
fi
grep -v '^Signature\|^Explorer' "$work/steps.out"
# Both claims paid: each "Claimed ...; X tokens reached your wallet" with X above zero.
claims=$(grep -oE "^Claimed .*; [0-9.]+ tokens reached your wallet" "$work/steps.out" \
  | grep -oE "[0-9.]+ tokens reached" | grep -cvE "^0(\.0+)? tokens" || true)
if [ "$claims" != 2 ]; then
  echo "quickstart: expected the contributor's and the validator's claims, each paying tokens; saw $claims" >&2
  exit 1
fi
echo "ok: the quickstart took $(( $(date +%s) - start )) s from the first key to the last claim"

# SIGTERM to `merit localnet` alone (Ctrl-C's sibling) stops it, and it stops its validator.
stop_group "${pids[1]}" || true
merit_pid=$(pgrep -P "$localnet" -x merit || true)
validator_pid=$(pgrep -P "$merit_pid" || true)
if [ -z "$merit_pid" ] || [ -z "$validator_pid" ]; then echo "quickstart: no merit localnet or validator process" >&2; exit 1; fi
kill -TERM "$merit_pid"
for _ in $(seq 1 60); do kill -0 "$merit_pid" 2>/dev/null || kill -0 "$validator_pid" 2>/dev/null || break; sleep 1; done
for pid in "$merit_pid" "$validator_pid"; do
  if kill -0 "$pid" 2>/dev/null; then echo "quickstart: process $pid still running 60 s after SIGTERM to merit localnet" >&2; exit 1; fi
done
grep -q "Stopped the local cluster" "$work/localnet.out" || { cat "$work/localnet.out" >&2; exit 1; }
for _ in $(seq 1 30); do (exec 4<>/dev/tcp/127.0.0.1/8899) 2>/dev/null || break; sleep 1; done
if (exec 4<>/dev/tcp/127.0.0.1/8899) 2>/dev/null; then echo "quickstart: port 8899 still open" >&2; exit 1; fi
echo "ok: merit localnet stopped on SIGTERM and port 8899 is free"
