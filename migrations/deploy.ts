// Anchor runs this after `anchor deploy`. Initializing the config is done with the
// TypeScript SDK in app/ (see app/README.md); until the SDK lands, initialize with
// `merit` tooling or a one-off script. Nothing to do here for a plain deploy.
import type { AnchorProvider } from "@anchor-lang/core";

module.exports = async function (_provider: AnchorProvider) {};
