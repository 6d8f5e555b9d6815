import BN from "bn.js";
import { PublicKey } from "@solana/web3.js";
import { MERIT_PROGRAM_ID } from "./program.js";

const seed = (s: string): Buffer => Buffer.from(s, "utf8");

/** A u64 as 8 little-endian bytes, as the program's seeds take it. */
export function u64Le(value: BN | number | bigint | string): Buffer {
  return new BN(value.toString()).toArrayLike(Buffer, "le", 8);
}

function find(seeds: (Buffer | Uint8Array)[]): PublicKey {
  return PublicKey.findProgramAddressSync(seeds, MERIT_PROGRAM_ID)[0];
}

/** Every PDA of the program; seeds mirror `programs/merit/src/constants.rs`. */
export const pda = {
  config: (): PublicKey => find([seed("config")]),
  stakeVault: (): PublicKey => find([seed("stake_vault")]),
  treasury: (): PublicKey => find([seed("treasury")]),
  emissionVault: (): PublicKey => find([seed("emission_vault")]),
  vestingVault: (): PublicKey => find([seed("vesting_vault")]),
  stake: (owner: PublicKey): PublicKey => find([seed("stake"), owner.toBuffer()]),
  task: (creator: PublicKey, id: BN | number | bigint | string): PublicKey =>
    find([seed("task"), creator.toBuffer(), u64Le(id)]),
  taskVault: (task: PublicKey): PublicKey => find([seed("task_vault"), task.toBuffer()]),
  submission: (task: PublicKey, contributor: PublicKey): PublicKey =>
    find([seed("submission"), task.toBuffer(), contributor.toBuffer()]),
  vote: (submission: PublicKey, validator: PublicKey): PublicKey =>
    find([seed("vote"), submission.toBuffer(), validator.toBuffer()]),
  contentClaim: (contentHash: Uint8Array): PublicKey => find([seed("content"), contentHash]),
  epoch: (index: BN | number | bigint | string): PublicKey => find([seed("epoch"), u64Le(index)]),
  vesting: (owner: PublicKey): PublicKey => find([seed("vesting"), owner.toBuffer()]),
};
