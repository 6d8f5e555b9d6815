// What Anchor's account resolution cannot read from the IDL, resolved from the deployment.
// Anchor fills in every account whose address the IDL gives (programs, sysvars) or whose
// seeds it carries (config, stakes, votes, vesting, task vaults, submissions keyed by
// known accounts, epochs keyed by arguments). What is left are the accounts the program
// checks against its config (`address = config.x`), which the IDL cannot express; this
// resolver fills them by name, one rule each:
// - `stakeMint`, `tokenProgram`: the deployment's;
// - `stakeVault`, `treasuryVault`, `emissionVault`, `vestingVault`: the protocol PDAs;
// - `<owner>Token`: the associated token account of the account `<owner>` of the same
//   group (`ownerToken` of `owner`, `payout.claimantToken` of `payout.claimant`).
// It never fetches an account: building an instruction makes no RPC call.
import type { CustomAccountResolver, Idl } from "@anchor-lang/core";
import { PublicKey } from "@solana/web3.js";
import { pda } from "./pda.js";

/** The stake mint and token program of a deployment. */
export interface Deployment {
  stakeMint: PublicKey;
  tokenProgram: PublicKey;
}

export const ASSOCIATED_TOKEN_PROGRAM_ID = new PublicKey(
  "ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL",
);

/** `owner`'s associated token account for the deployment's stake mint. */
export function associatedToken(owner: PublicKey, d: Deployment): PublicKey {
  return PublicKey.findProgramAddressSync(
    [owner.toBuffer(), d.tokenProgram.toBuffer(), d.stakeMint.toBuffer()],
    ASSOCIATED_TOKEN_PROGRAM_ID,
  )[0];
}

const VAULTS: Record<string, () => PublicKey> = {
  stakeVault: pda.stakeVault,
  treasuryVault: pda.treasury,
  emissionVault: pda.emissionVault,
  vestingVault: pda.vestingVault,
};

type Item = { name: string; accounts?: Item[] };
type Group = Record<string, unknown>;

/** The deployment account named `name` in `group`, if one of the rules above names it. */
function deploymentAccount(name: string, group: Group, d: Deployment): PublicKey | undefined {
  if (name === "stakeMint") return d.stakeMint;
  if (name === "tokenProgram") return d.tokenProgram;
  const vault = VAULTS[name];
  if (vault) return vault();
  if (name.endsWith("Token")) {
    const owner = group[name.slice(0, -"Token".length)];
    if (owner instanceof PublicKey) return associatedToken(owner, d);
  }
  return undefined;
}

function fill(group: Group, items: Item[], d: Deployment): number {
  let resolved = 0;
  for (const item of items) {
    if (item.accounts) {
      const inner = (group[item.name] ??= {}) as Group;
      resolved += fill(inner, item.accounts, d);
    } else if (group[item.name] === undefined) {
      const key = deploymentAccount(item.name, group, d);
      if (key) {
        group[item.name] = key;
        resolved++;
      }
    }
  }
  return resolved;
}

/** The resolver of one deployment, for `new Program(idl, provider, coder, resolver)`. */
export function deploymentResolver<IDL extends Idl>(d: Deployment): () => CustomAccountResolver<IDL> {
  return () => async ({ accounts, idlIx }) => {
    const resolved = fill(accounts as Group, idlIx.accounts as unknown as Item[], d);
    return { accounts, resolved };
  };
}
