// The program's seeds and domain separators, read from the IDL (they are `#[constant]`s
// in programs/merit/src/constants.rs), so that no client keeps its own copy.
import { IDL } from "./program.js";

/** The bytes of the IDL constant `name` (a `&[u8]` `#[constant]` of the program). */
export function idlBytes(name: string): Buffer {
  const found = (IDL.constants ?? []).find((c) => c.name === name);
  if (!found || found.type !== "bytes") {
    throw new Error(`the IDL has no bytes constant ${name}`);
  }
  return Buffer.from(JSON.parse(found.value) as number[]);
}

/** PDA seeds, by account kind. */
export const SEEDS = {
  config: idlBytes("CONFIG_SEED"),
  stakeVault: idlBytes("STAKE_VAULT_SEED"),
  treasury: idlBytes("TREASURY_SEED"),
  emissionVault: idlBytes("EMISSION_VAULT_SEED"),
  vestingVault: idlBytes("VESTING_VAULT_SEED"),
  stake: idlBytes("STAKE_SEED"),
  task: idlBytes("TASK_SEED"),
  taskVault: idlBytes("TASK_VAULT_SEED"),
  submission: idlBytes("SUBMISSION_SEED"),
  vote: idlBytes("VOTE_SEED"),
  content: idlBytes("CONTENT_SEED"),
  epoch: idlBytes("EPOCH_SEED"),
  vesting: idlBytes("VESTING_SEED"),
} as const;

/** Domain separators of the program's hashes. */
export const DOMAINS = {
  vote: idlBytes("COMMITMENT_DOMAIN"),
  submission: idlBytes("SUBMISSION_COMMITMENT_DOMAIN"),
  terms: idlBytes("TERMS_DOMAIN"),
  seed: idlBytes("SEED_DOMAIN"),
  draw: idlBytes("DRAW_DOMAIN"),
} as const;
