#!/usr/bin/env bash
# A real Solana validator on loopback with merit.so and the SPL programs loaded
# (crates/merit-validator: Anza's solana-test-validator 3.1.12 behind a small binary).
# Builds it once per machine into $MERIT_VALIDATOR_TARGET (default
# ~/.cache/merit-validator/target; about 1,000 crates the first time), then runs it with the
# given arguments (see `scripts/validator.sh --help`); `--build-only` prints the binary's path.
# merit.so comes from $SBF_OUT_DIR, else target/sbf (scripts/test-sbf.sh builds it there).
set -euo pipefail
cd "$(dirname "$0")/.."
target=${MERIT_VALIDATOR_TARGET:-$HOME/.cache/merit-validator/target}
CARGO_TARGET_DIR=$target cargo build --quiet --locked --manifest-path crates/merit-validator/Cargo.toml
bin=$target/debug/merit-validator
if [ "${1:-}" = --build-only ]; then
  echo "$bin"
  exit 0
fi
exec "$bin" "$@"
