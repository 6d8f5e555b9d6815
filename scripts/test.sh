#!/usr/bin/env bash
# Runs every test: the Rust workspace (program unit tests, the integration suite on the
# in-process chain, client and CLI tests).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --locked
