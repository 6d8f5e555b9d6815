#!/usr/bin/env bash
# Runs every test: the Rust workspace (program unit tests, the integration suite on the
# in-process chain, the cross-language vectors, simulator and CLI tests), the integration
# suite again on the SBF build (scripts/test-sbf.sh; MERIT_SKIP_SBF=1 skips it, loudly),
# then the TypeScript SDK (installs its npm dependencies, typechecks, lints, tests), then
# end to end on a real validator with that merit.so (scripts/e2e.sh: the SDK through a
# task's whole life and two racing `merit crank` bots; MERIT_SKIP_E2E=1 skips it, loudly;
# it needs the SBF build, so MERIT_SKIP_SBF=1 skips it too), and last the README's
# quickstart as written (scripts/quickstart.sh; skipped with the end-to-end run).
set -euo pipefail
cd "$(dirname "$0")/.."
# The runtime logs every instruction at debug level: hundreds of thousands of lines.
export RUST_LOG=${RUST_LOG:-error}
cargo test --workspace --locked
# The suite again on real SBPF bytecode (compute units, events): scripts/test-sbf.sh.
if [ "${MERIT_SKIP_SBF:-0}" = 1 ]; then
  echo "== SBF SUITE SKIPPED (MERIT_SKIP_SBF=1): compute units, budgets and events on" >&2
  echo "   real bytecode were NOT checked" >&2
else
  bash scripts/test-sbf.sh
fi
cd app
npm ci --no-audit --no-fund --loglevel=error
npm run --silent typecheck
npm run --silent lint
npm test
cd ..
if [ "${MERIT_SKIP_E2E:-0}" = 1 ] || [ "${MERIT_SKIP_SBF:-0}" = 1 ]; then
  echo "== END-TO-END SKIPPED (MERIT_SKIP_E2E=1 or MERIT_SKIP_SBF=1): the SDK and the crank" >&2
  echo "   against a real validator over JSON-RPC, and the README's quickstart, were NOT checked" >&2
else
  bash scripts/e2e.sh
  # The README's quickstart, exactly as written: `merit localnet`, a keeper, a task from
  # the first key to both claims (about four minutes).
  bash scripts/quickstart.sh
fi
