// What Anchor's account resolution cannot read from the IDL, resolved from the deployment.
// Anchor fills in every account whose address the IDL gives (programs, sysvars) or whose
// seeds it carries: the accounts an instruction creates (`init`: tasks, task vaults,
// submissions, votes, stakes, content claims, epochs). An existing account's
// address is not re-derived by the program (its type is its identity, see
// `programs/merit/src/state/mod.rs`), so the IDL carries no seeds for it, and the
// accounts the program checks against its config (`address = config.x`) cannot be
// expressed in the IDL. This resolver fills both by name, one rule each:
// - `stakeMint`, `tokenProgram`: the deployment's;
// - `stakeVault`, `treasuryVault`, `emissionVault`, `vestingVault`, `config`: the
//   protocol PDAs;
// - `taskVault`: the vault of the instruction's `task`;
// - `stake`, `vesting`: those of the instruction's acting owner (`owner`, `contributor`,
//   `validator` or `claimant`, whichever it has); `submission`: the `contributor`'s on
//   `task` (the `claimant`'s when the instruction has no vote); `vote`: the `validator`'s
//   (or `claimant`'s) in `round`; `round`: round 1 of `submission` in `revealSubmission`,
//   which opens it (any other round's index is data: `pda.round(submission, index)` is the
//   caller's). An account whose address follows from another account's data (an
//   offender's stake, a vote's round) is left to the caller;
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
  config: pda.config,
  stakeVault: pda.stakeVault,
  treasuryVault: pda.treasury,
  emissionVault: pda.emissionVault,
  vestingVault: pda.vestingVault,
};

type Item = { name: string; accounts?: Item[] };
type Group = Record<string, unknown>;
/** Every account of an instruction by its own name, groups flattened (Merit's names are
 * unique within an instruction), with the names the instruction declares. */
type Keys = { key: (name: string) => PublicKey | undefined; has: (name: string) => boolean };

const ACTORS = ["owner", "contributor", "validator", "claimant"];

/** The PDA named `name` whose seeds are other accounts of the instruction. */
function pdaAccount(name: string, k: Keys, instruction: string): PublicKey | undefined {
  const actor = ACTORS.map(k.key).find((key) => key !== undefined);
  const task = k.key("task");
  switch (name) {
    case "taskVault":
      return task && pda.taskVault(task);
    case "stake":
      return actor && pda.stake(actor);
    case "vesting":
      return actor && pda.vesting(actor);
    case "submission": {
      const contributor = k.key("contributor") ?? (k.has("vote") ? undefined : k.key("claimant"));
      return task && contributor && pda.submission(task, contributor);
    }
    case "vote": {
      const round = k.key("round");
      const validator = k.key("validator") ?? k.key("claimant");
      return round && validator && pda.vote(round, validator);
    }
    case "round": {
      const submission = k.key("submission");
      return instruction === "revealSubmission" && submission ? pda.round(submission, 1) : undefined;
    }
    default:
      return undefined;
  }
}

function collect(group: Group, items: Item[], into: Map<string, PublicKey>, names: Set<string>) {
  for (const item of items) {
    names.add(item.name);
    const value = group[item.name];
    if (item.accounts) collect((value ?? {}) as Group, item.accounts, into, names);
    else if (value instanceof PublicKey) into.set(item.name, value);
  }
}

function keysOf(top: Group, items: Item[]): Keys {
  const keys = new Map<string, PublicKey>();
  const names = new Set<string>();
  collect(top, items, keys, names);
  return { key: (name) => keys.get(name), has: (name) => names.has(name) };
}

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

function fill(group: Group, items: Item[], d: Deployment, k: Keys, instruction: string): number {
  let resolved = 0;
  for (const item of items) {
    if (item.accounts) {
      const inner = (group[item.name] ??= {}) as Group;
      resolved += fill(inner, item.accounts, d, k, instruction);
    } else if (group[item.name] === undefined) {
      const key = deploymentAccount(item.name, group, d) ?? pdaAccount(item.name, k, instruction);
      if (key) {
        group[item.name] = key;
        resolved++;
      }
    }
  }
  return resolved;
}

/** An IDL name in camelCase, as `Program<Merit>` names instructions (`reveal_submission` -> `revealSubmission`). */
const camel = (name: string): string => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The resolver of one deployment, for `new Program(idl, provider, coder, resolver)`. */
export function deploymentResolver<IDL extends Idl>(d: Deployment): () => CustomAccountResolver<IDL> {
  return () => async ({ accounts, idlIx }) => {
    const items = idlIx.accounts as unknown as Item[];
    const instruction = camel(idlIx.name);
    const resolved = fill(accounts as Group, items, d, keysOf(accounts as Group, items), instruction);
    return { accounts, resolved };
  };
}
