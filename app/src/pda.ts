import { PublicKey } from "@solana/web3.js";
import { SEEDS } from "./constants.js";
import { MERIT_PROGRAM_ID } from "./program.js";

/** A u64 as 8 little-endian bytes, as the program's seeds take it. */
export function u64Le(value: bigint): Buffer {
  const out = Buffer.alloc(8);
  out.writeBigUInt64LE(value);
  return out;
}

/** A u8 as one byte (a round's index). */
function u8(value: number): Buffer {
  if (!Number.isInteger(value) || value < 0 || value > 255) {
    throw new RangeError(`a round index is a u8, got ${value}`);
  }
  return Buffer.from([value]);
}

function find(seeds: (Buffer | Uint8Array)[]): PublicKey {
  return PublicKey.findProgramAddressSync(seeds, MERIT_PROGRAM_ID)[0];
}

/** Every PDA of the program; the seeds come from the IDL's constants. */
export const pda = {
  config: (): PublicKey => find([SEEDS.config]),
  stakeVault: (): PublicKey => find([SEEDS.stakeVault]),
  treasury: (): PublicKey => find([SEEDS.treasury]),
  emissionVault: (): PublicKey => find([SEEDS.emissionVault]),
  vestingVault: (): PublicKey => find([SEEDS.vestingVault]),
  stake: (owner: PublicKey): PublicKey => find([SEEDS.stake, owner.toBuffer()]),
  task: (creator: PublicKey, id: bigint): PublicKey =>
    find([SEEDS.task, creator.toBuffer(), u64Le(id)]),
  taskVault: (task: PublicKey): PublicKey => find([SEEDS.taskVault, task.toBuffer()]),
  submission: (task: PublicKey, contributor: PublicKey): PublicKey =>
    find([SEEDS.submission, task.toBuffer(), contributor.toBuffer()]),
  /** The judging round `index` (1 for the first) of `submission` (`["round", submission, index (u8)]`). */
  round: (submission: PublicKey, index: number): PublicKey => find([SEEDS.round, submission.toBuffer(), u8(index)]),
  /** `validator`'s vote (or absence record) in `round`, a round's address (`["vote", round, validator]`). */
  vote: (round: PublicKey, validator: PublicKey): PublicKey =>
    find([SEEDS.vote, round.toBuffer(), validator.toBuffer()]),
  /** `validator`'s vote in round `index` of `submission` (the Rust client's `pda::vote_in`). */
  voteIn: (submission: PublicKey, index: number, validator: PublicKey): PublicKey =>
    find([SEEDS.vote, pda.round(submission, index).toBuffer(), validator.toBuffer()]),
  contentClaim: (contentHash: Uint8Array): PublicKey => find([SEEDS.content, contentHash]),
  epoch: (index: bigint): PublicKey => find([SEEDS.epoch, u64Le(index)]),
  vesting: (owner: PublicKey): PublicKey => find([SEEDS.vesting, owner.toBuffer()]),
};
