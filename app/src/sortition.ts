// Committees by lot, as the program draws them (`programs/merit/src/sortition.rs`,
// `state/draw.rs`, `state/round.rs`, `state/stake.rs`): every function mirrors one Rust
// function, named in its doc comment, and is pinned by the `sortition` vectors.
import { sha256 } from "@noble/hashes/sha256";
import type { PublicKey } from "@solana/web3.js";
import { DOMAINS } from "./constants.js";

const FALLBACK_DOMAIN = DOMAINS.fallback;
const DRAW_DOMAIN = DOMAINS.draw;

const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/**
 * The seed a draw falls back to when its target slot aged out of `SlotHashes` before anyone
 * seeded it: the address of what is drawn (a task, a round) and the entropy recorded when
 * the draw was scheduled (`Draw.seed` before it is drawn): the program's
 * `sortition::fallback_seed`, sha256("merit:fallback:v2" || owner || entropy).
 */
export function fallbackSeed(owner: PublicKey, entropy: Uint8Array): Uint8Array {
  return sha256(concat([FALLBACK_DOMAIN, owner.toBytes(), entropy]));
}

/**
 * A validator's lot for one submission: the first 8 bytes (LE) of
 * sha256("merit:draw:v1" || seed || submission || validator), as `sortition::lot`.
 */
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

/** The seats `validator` holds on `submission`'s committee, given its seed (`sortition::drawn_seats`). */
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

/** The active stake of one epoch in which a stake changed (`StakePoint`, as decoded). */
export interface StakePoint {
  epoch: bigint;
  /** Active when the epoch began: everything staked before it. */
  activeStart: bigint;
  /** The least active during the epoch. */
  activeMin: bigint;
}

/** The fields of a stake account (as decoded) its active stake follows from. */
export interface StakeHistory {
  deposited: bigint;
  unstaking: bigint;
  /** Oldest first; the first `historyLen` points are in use. */
  history: StakePoint[];
  historyLen: number;
  /** Epochs before this one are older than the history: the stake active then counts 0. */
  historyFrom: bigint;
}

/** The length of `Stake.history` (`STAKE_HISTORY_LEN`). */
const STAKE_HISTORY_LEN = 3;

const points = (stake: StakeHistory): StakePoint[] =>
  stake.history.slice(0, Math.min(stake.historyLen, STAKE_HISTORY_LEN));

const staked = (stake: StakeHistory): bigint =>
  stake.deposited > stake.unstaking ? stake.deposited - stake.unstaking : 0n;

const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);

/**
 * Stake active now, in the open epoch `current`: everything staked, less what was
 * deposited during `current` (warming up). The program's `Stake::active_now`.
 */
export function activeNow(stake: StakeHistory, current: bigint): bigint {
  const last = points(stake).at(-1);
  return last !== undefined && last.epoch === current ? last.activeMin : staked(stake);
}

/**
 * The stake that counts for a committee drawn in epoch `epoch` (<= the open epoch
 * `current`): the least active stake from the start of `epoch` until now. Deposits made
 * since never count, removals count at once, and an epoch older than the history counts 0.
 * The program's `Stake::active_at`.
 */
export function activeAt(stake: StakeHistory, epoch: bigint, current: bigint): bigint {
  if (epoch < stake.historyFrom) return 0n;
  const now = activeNow(stake, current);
  const since = points(stake).filter((p) => p.epoch >= epoch);
  const first = since[0];
  if (first === undefined) return now;
  return min(
    since.slice(1).reduce((least, p) => min(least, p.activeMin), min(first.activeStart, first.activeMin)),
    now,
  );
}

/** A draw's fields the committee reads (`Draw`, as decoded). */
export interface DrawInput {
  drawn: boolean;
  epoch: bigint;
  totalStake: bigint;
  seed: Uint8Array;
}

/** The task fields a committee reads (as decoded). */
export interface CommitteeTask {
  committeeSize: number;
  rules: { minValidatorStake: bigint };
  draw: DrawInput;
}

/** The round fields a committee reads (as decoded). */
export interface CommitteeRound {
  /** 1 for the first round. */
  index: number;
  submission: PublicKey;
  committeeSize: number;
  draw: DrawInput;
}

/** A round's committee as a lot is drawn from it: everything a validator's seats depend on (`Committee`). */
export interface Committee {
  seed: Uint8Array;
  /** Epoch whose active stake counts (`activeAt`). */
  epoch: bigint;
  totalStake: bigint;
  /** Expected seats. */
  size: number;
  /** Least active stake at the draw a validator needs to sit. */
  minStake: bigint;
  drawn: boolean;
}

/** The committee of every submission's first round: the task's draw (`Task::committee`). */
export function taskCommittee(task: CommitteeTask): Committee {
  return {
    seed: task.draw.seed,
    epoch: task.draw.epoch,
    totalStake: task.draw.totalStake,
    size: task.committeeSize,
    minStake: task.rules.minValidatorStake,
    drawn: task.draw.drawn,
  };
}

/** The committee `round` is drawn from: the task's draw for round 1, its own after (`Round::committee`). */
export function roundCommittee(task: CommitteeTask, round: CommitteeRound): Committee {
  if (round.index <= 1) return taskCommittee(task);
  return {
    seed: round.draw.seed,
    epoch: round.draw.epoch,
    totalStake: round.draw.totalStake,
    size: round.committeeSize,
    minStake: task.rules.minValidatorStake,
    drawn: round.draw.drawn,
  };
}

/**
 * The seats `validator`, with `activeStake` at the draw, holds on `submission`'s committee:
 * 0 before the draw or below the minimum stake (`Committee::seats`).
 */
export function committeeSeats(
  committee: Committee,
  submission: PublicKey,
  validator: PublicKey,
  activeStake: bigint,
): bigint {
  if (!committee.drawn || activeStake < committee.minStake) return 0n;
  return drawnSeats(committee.seed, submission, validator, activeStake, committee.totalStake, committee.size);
}

/**
 * The seats `validator` holds on `round`'s committee (a round of a submission to `task`),
 * from decoded accounts: the round's (round 1: the task's) draw, the validator's stake
 * account (null: no stake) and the open epoch `currentEpoch`. 0 means not drawn (or not
 * yet). The Rust client's `merit_client::seats`; whether the seats may be committed
 * (creator, competitor, reputation) is the program's `Round::seat_check`.
 */
export function seatsFor(
  task: CommitteeTask,
  round: CommitteeRound,
  validator: PublicKey,
  stake: StakeHistory | null,
  currentEpoch: bigint,
): bigint {
  const committee = roundCommittee(task, round);
  const active = stake === null ? 0n : activeAt(stake, committee.epoch, currentEpoch);
  return committeeSeats(committee, round.submission, validator, active);
}
