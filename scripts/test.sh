#!/usr/bin/env bash
# Runs every test: the Rust workspace (program unit tests, the integration suite on the
# in-process chain, the cross-language vectors, simulator and CLI tests), then the
# TypeScript SDK (installs its npm dependencies, typechecks, lints, tests).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --locked
cd app
npm ci --no-audit --no-fund --loglevel=error
npm run --silent typecheck
npm run --silent lint
npm test
