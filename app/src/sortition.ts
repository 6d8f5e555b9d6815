import { sha256 } from "@noble/hashes/sha256";
import type { PublicKey } from "@solana/web3.js";
import { DOMAINS } from "./constants.js";

const SEED_DOMAIN = DOMAINS.seed;
const DRAW_DOMAIN = DOMAINS.draw;

const u64le = (v: bigint): Uint8Array => {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, v, true);
  return out;
};

const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** A task's committee seed, as the program's `sortition::task_seed`. */
export function taskSeed(task: PublicKey, slot: bigint, slotHash: Uint8Array): Uint8Array {
  return sha256(concat([SEED_DOMAIN, task.toBytes(), u64le(slot), slotHash]));
}

/** A validator's lot for one submission: the first 8 bytes (LE) of its draw hash. */
export function lot(seed: Uint8Array, submission: PublicKey, validator: PublicKey): bigint {
  const h = sha256(concat([DRAW_DOMAIN, seed, submission.toBytes(), validator.toBytes()]));
  return new DataView(h.buffer, h.byteOffset, 8).getBigUint64(0, true);
}

/**
 * Seats for `stake` of `total` active tokens on a committee of expected size `committee`:
 * floor(k·s/T), plus one when lot / 2^64 < frac(k·s/T). Identical to the program's
 * `sortition::seats` (pinned by the cross-language vectors).
 */
export function seats(stake: bigint, total: bigint, committee: number, lotValue: bigint): bigint {
  if (stake === 0n || total === 0n) return 0n;
  const expected = BigInt(committee) * stake;
  const whole = expected / total;
  const frac = expected % total;
  return whole + (lotValue * total < frac << 64n ? 1n : 0n);
}

/** The seats `validator` holds on `submission`'s committee, given the task's seed. */
export function drawnSeats(
  seed: Uint8Array,
  submission: PublicKey,
  validator: PublicKey,
  stake: bigint,
  total: bigint,
  committee: number,
): bigint {
  return seats(stake, total, committee, lot(seed, submission, validator));
}

/** The warm-up fields of a stake account (as decoded). */
export interface StakeWarmup {
  deposited: bigint;
  unstaking: bigint;
  warming: bigint;
  warmingEpoch: bigint;
  activeFromEpoch: bigint;
}


/**
 * Stake that counted in epoch `epoch` (<= the open epoch `current`) and still counts now,
 * as the program's `Stake::active_at`: a deposit counts from the epoch after it was made;
 * when the history needed is gone (deposits in two epochs at or after `epoch`) it is 0.
 */
export function activeAt(stake: StakeWarmup, epoch: bigint, current: bigint): bigint {
  const staked = stake.deposited - stake.unstaking;
  let warming = stake.warming;
  let warmingEpoch = stake.warmingEpoch;
  let activeFrom = stake.activeFromEpoch;
  if (warming > 0n && warmingEpoch < current) {
    activeFrom = warmingEpoch + 1n;
    warming = 0n;
    warmingEpoch = current;
  }
  if (epoch < activeFrom) return 0n;
  if (warming > 0n && epoch <= warmingEpoch) return staked > warming ? staked - warming : 0n;
  return staked;
}

/** The task fields the draw needs (as decoded). */
export interface DrawnTask {
  committeeSize: number;
  rules: { minValidatorStake: bigint };
  draw: {
    drawn: boolean;
    epoch: bigint;
    totalStake: bigint;
    seed: Uint8Array;
  };
}

/**
 * The seats `validator` holds on `submission`'s committee, from decoded accounts: the rule
 * `commit_vote` applies (the Rust client's `merit_client::seats`). 0: not drawn, or not yet.
 */
export function seatsFor(
  task: DrawnTask,
  submission: PublicKey,
  validator: PublicKey,
  stake: StakeWarmup | null,
  currentEpoch: bigint,
): bigint {
  if (!task.draw.drawn) return 0n;
  const active = stake === null ? 0n : activeAt(stake, task.draw.epoch, currentEpoch);
  if (active < task.rules.minValidatorStake) return 0n;
  return drawnSeats(
    task.draw.seed,
    submission,
    validator,
    active,
    task.draw.totalStake,
    task.committeeSize,
  );
}
