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
  round: idlBytes("ROUND_SEED"),
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
  fallback: idlBytes("FALLBACK_DOMAIN"),
  draw: idlBytes("DRAW_DOMAIN"),
} as const;

/** The value of the IDL's integer constant `name` (a numeric `#[constant]` of the program). */
export function idlInteger(name: string): number {
  const found = (IDL.constants ?? []).find((c) => c.name === name);
  if (!found || !/^[iu](8|16|32|64)$/.test(found.type as string)) {
    throw new Error(`the IDL has no integer constant ${name}`);
  }
  return Number(found.value.replace(/_/g, ""));
}

/** What a task gets for the terms its creator leaves out (`ConfigParams::task_defaults`). */
export const TASK_DEFAULTS = {
  submitSecs: idlInteger("DEFAULT_SUBMIT_SECS"),
  revealWorkSecs: idlInteger("DEFAULT_REVEAL_WORK_SECS"),
  commitSecs: idlInteger("DEFAULT_COMMIT_SECS"),
  revealSecs: idlInteger("DEFAULT_REVEAL_SECS"),
  acceptThreshold: idlInteger("DEFAULT_ACCEPT_THRESHOLD"),
  rejectThreshold: idlInteger("DEFAULT_REJECT_THRESHOLD"),
  validatorShareBps: idlInteger("DEFAULT_VALIDATOR_SHARE_BPS"),
  maxSubmissions: idlInteger("DEFAULT_MAX_SUBMISSIONS"),
} as const;

/** Judging rounds a revealed submission gets before it ends unjudged (`MAX_ROUNDS`). */
export const MAX_ROUNDS: number = idlInteger("MAX_ROUNDS");

/** `draw` fixes a committee's target this many slots after the slot that scheduled it (`DRAW_DELAY_SLOTS`). */
export const DRAW_DELAY_SLOTS: bigint = BigInt(idlInteger("DRAW_DELAY_SLOTS"));

/**
 * The most slots a draw's chain of slot hashes spans from its scheduling
 * (`DRAW_CHAIN_MAX_SLOTS`): a committee can always be seeded this many slots after its
 * draw was scheduled; clients wait this long before seeding.
 */
export const DRAW_CHAIN_MAX_SLOTS: bigint = BigInt(idlInteger("DRAW_CHAIN_MAX_SLOTS"));
