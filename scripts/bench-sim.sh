#!/usr/bin/env bash
# Times the simulator on a scenario (default: scenarios/large.toml) with the release build
# and prints its own wall time and transactions per second.
# usage: scripts/bench-sim.sh [scenario.toml] [extra `merit simulate` flags]
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-scenarios/large.toml}
shift || true
cargo build --release --locked -p merit-cli
/usr/bin/time -f "bench: %e s wall, %M KiB peak memory" \
  target/release/merit simulate --quiet --scenario "$scenario" "$@"
