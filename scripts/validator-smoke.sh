#!/usr/bin/env bash
# Smoke check of scripts/validator.sh: starts the validator on a free loopback port with a
# piped stdin, waits for its ready line, asks its JSON-RPC for health, Merit's program
# (executable, owned by the upgradeable loader) and the SPL programs, then closes stdin and
# checks that every socket it opened is on loopback, that the process exited and that the
# port is free. Needs merit.so (scripts/test-sbf.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(scripts/validator.sh --build-only)
port=${MERIT_VALIDATOR_PORT:-18899}
dir=$(mktemp -d)
fifo=$dir/stdin
mkfifo "$fifo"
"$bin" --rpc-port "$port" --faucet-keypair "$dir/faucet.json" <"$fifo" >"$dir/out" 2>"$dir/err" &
pid=$!
exec 3>"$fifo" # the validator's stdin: closing it stops the validator
cleanup() { exec 3>&- || true; kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT
for _ in $(seq 1 120); do
  grep -q '"rpc"' "$dir/out" 2>/dev/null && break
  kill -0 "$pid" 2>/dev/null || { cat "$dir/err" >&2; echo "validator exited before serving" >&2; exit 1; }
  sleep 1
done
ready=$(grep -m1 '^{"rpc"' "$dir/out")
echo "ready: $ready"
rpc() {
  curl -sf "http://127.0.0.1:$port" -H 'content-type: application/json' -d "$1"
}
python3 - "$port" "$ready" "$dir/faucet.json" <<'PY'
import json, sys, urllib.request
port, ready, faucet_file = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
assert ready["rpc"] == f"http://127.0.0.1:{port}", ready
def rpc(method, *params):
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": list(params)}).encode()
    req = urllib.request.Request(ready["rpc"], body, {"content-type": "application/json"})
    out = json.load(urllib.request.urlopen(req, timeout=10))
    assert "error" not in out, out
    return out["result"]
assert rpc("getHealth") == "ok"
merit = rpc("getAccountInfo", ready["program"], {"encoding": "base64"})["value"]
assert merit and merit["executable"] and merit["owner"] == "BPFLoaderUpgradeab1e11111111111111111111111", merit
for spl in ["TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA", "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb",
            "ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL"]:
    info = rpc("getAccountInfo", spl, {"encoding": "base64"})["value"]
    assert info and info["executable"], spl
faucet = rpc("getBalance", ready["faucet"])["value"]
assert faucet > 1_000_000_000_000, faucet
assert len(json.load(open(faucet_file))) == 64
slot = rpc("getSlot")
print(f"ok: health, merit executable, SPL Token/Token-2022/ATA loaded, faucet {faucet} lamports, slot {slot}")
PY
python3 scripts/lib/sockets.py "$pid" --loopback
exec 3>&-
for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
if kill -0 "$pid" 2>/dev/null; then echo "validator still running after stdin closed" >&2; exit 1; fi
if (exec 4<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port still open" >&2; exit 1; fi
echo "ok: the validator stopped when its stdin closed; port $port is free"
