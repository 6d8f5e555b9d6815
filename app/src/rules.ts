// The program's settlement rules, for clients deciding what to slash or claim. Each
// function mirrors one Rust rule of the program crate, named in its doc comment, and is
// checked against the vectors that rule produces (test/vectors.json, written by
// tests/tests/vectors.rs): `voteSlashDue` is `Vote::slash_due` and `voteClaim` is
// `Vote::claim_check`, both over the vote's round (`voteRules`); `weightedMedian` is
// `round::weighted_median` (`medians`); `submissionClaim` is `Submission::claim_check`
// (`submissionRules`); `taskDefaults` is `ConfigParams::task_defaults` and `squatFeeFloor`
// `Task::squat_fee_floor` (`taskDefaults`); `submissionEmissionClaim` and
// `voteEmissionClaim` are the emission claim checks then `Epoch::claim` (`emissionRules`).
import { TASK_DEFAULTS } from "./constants.js";

const U64_MAX = (1n << 64n) - 1n;

/** `math::MathOverflow`: a result the program's checked arithmetic refuses. */
function overflow(what: string): never {
  throw new RangeError(`MathOverflow: ${what}`);
}

/** `floor(a * b / c)` in u128, as the program's `math::mul_div_floor` (a u64 result). */
function mulDivFloor(a: bigint, b: bigint, c: bigint): bigint {
  if (c === 0n) overflow("division by zero");
  const q = (a * b) / c;
  return q > U64_MAX ? overflow(`${q} exceeds u64`) : q;
}

/** `ceil(a * b / c)` in u128, as the program's `math::mul_div_ceil` (a u64 result). */
function mulDivCeil(a: bigint, b: bigint, c: bigint): bigint {
  if (c === 0n) overflow("division by zero");
  const q = (a * b + c - 1n) / c;
  return q > U64_MAX ? overflow(`${q} exceeds u64`) : q;
}

/** `floor(amount * bps / 10_000)` (`math::bps_floor`). */
const bpsFloor = (amount: bigint, bps: number): bigint => mulDivFloor(amount, BigInt(bps), 10_000n);

/** `ceil(amount * bps / 10_000)` (`math::bps_ceil`). */
const bpsCeil = (amount: bigint, bps: number): bigint => mulDivCeil(amount, BigInt(bps), 10_000n);

/** The fields of a `Vote` account the rules read. */
export interface VoteRuleInput {
  /** An absence record (`report_absence`), not a vote. */
  absent: boolean;
  revealed: boolean;
  slashed: boolean;
  claimed: boolean;
  score: number;
  bond: bigint;
}

/** The fields of a `Round` account the vote rules read: its state (`{ open: {} }`, ...) and consensus. */
export interface RoundRuleInput {
  state: Record<string, unknown>;
  consensus: number;
  consensusLow: number;
  consensusHigh: number;
}

/** The task's rules the vote rules read (`Task.rules`). */
export interface VoteRulesInput {
  coherenceTolerance: number;
  incoherenceSlashBps: number;
}

export type SlashDue = { kind: "MissingReveal" | "IncoherentVote"; amount: bigint } | null;

/** What a claim of the vote does now: paid or not, or the program's refusal. */
export type VoteClaim =
  | { paid: boolean }
  | { error: "SubmissionNotFinalized" | "AlreadyClaimed" | "VoteNotRevealed" | "VoteMustBeSlashedFirst" };

/**
 * A round's consensus: the stake-weighted median of its revealed scores as the middle
 * range `[low, high]` (one score, or on an exact split of the weight the two middle
 * scores); `score` decides the outcome: the median, or the midpoint of a split rounded
 * down. The program's `Consensus`.
 */
export interface Consensus {
  score: number;
  low: number;
  high: number;
}

/** A revealed vote as the consensus sees it (`RevealedVote`: its seats and score). */
export interface WeightedScore {
  weight: number;
  score: number;
}

/**
 * Whether `score` is within `tolerance` of the middle range `[low, high]`
 * (`round::is_coherent_with`).
 */
export function isCoherentWith(score: number, low: number, high: number, tolerance: number): boolean {
  return score + tolerance >= low && score <= high + tolerance;
}

/**
 * Whether `score` is coherent with `consensus`: within `tolerance` of its middle range. A
 * vote on either side of an exact split is coherent; a vote far from both is not
 * (`Consensus::admits`).
 */
export function consensusAdmits(consensus: Consensus, score: number, tolerance: number): boolean {
  return isCoherentWith(score, consensus.low, consensus.high, tolerance);
}

/** The consensus a decided round recorded (`Round::consensus`). */
export function roundConsensus(round: Pick<RoundRuleInput, "consensus" | "consensusLow" | "consensusHigh">): Consensus {
  return { score: round.consensus, low: round.consensusLow, high: round.consensusHigh };
}

/**
 * The stake-weighted median of `votes` (`round::weighted_median`): the lowest revealed
 * score `low` such that the votes scoring at most `low` carry at least half the revealed
 * weight; on an exact split (exactly half at or below `low`) also the next score above,
 * `high`. null when no weight was revealed.
 */
export function weightedMedian(votes: readonly WeightedScore[]): Consensus | null {
  const total = votes.reduce((sum, v) => sum + BigInt(v.weight), 0n);
  if (total === 0n) return null;
  const atOrBelow = (score: number): bigint =>
    votes.filter((v) => v.score <= score).reduce((sum, v) => sum + BigInt(v.weight), 0n);
  let low: number | null = null;
  for (const candidate of votes) {
    if (low !== null && candidate.score >= low) continue;
    if (atOrBelow(candidate.score) * 2n >= total) low = candidate.score;
  }
  if (low === null) return null;
  const lowScore = low;
  let high = lowScore;
  if (atOrBelow(lowScore) * 2n === total) {
    const above = votes.filter((v) => v.score > lowScore && v.weight > 0).map((v) => v.score);
    if (above.length > 0) high = Math.min(...above);
  }
  return { score: Math.floor((lowScore + high) / 2), low: lowScore, high };
}

type RoundState = "open" | "failed" | "decided";

function roundState(round: RoundRuleInput): RoundState {
  for (const s of ["open", "failed", "decided"] as const) if (s in round.state) return s;
  throw new Error(`unknown round state ${JSON.stringify(round.state)}`);
}

/**
 * What the vote forfeits to `slash_vote` now in its `round`, or null (`Vote::slash_due`):
 * nothing while the round is open, nor for an absence record (slashed when reported);
 * once the round is closed, the whole bond when never revealed; once it decided,
 * `incoherenceSlashBps` of it (rounded up) when revealed outside `coherenceTolerance` of
 * the consensus (of both sides of an exact split).
 */
export function voteSlashDue(vote: VoteRuleInput, round: RoundRuleInput, rules: VoteRulesInput): SlashDue {
  const state = roundState(round);
  if (vote.slashed || vote.absent || state === "open") return null;
  if (!vote.revealed) return { kind: "MissingReveal", amount: vote.bond };
  if (state === "decided" && !consensusAdmits(roundConsensus(round), vote.score, rules.coherenceTolerance)) {
    return { kind: "IncoherentVote", amount: bpsCeil(vote.bond, rules.incoherenceSlashBps) };
  }
  return null;
}

/**
 * What `claim_vote` does now in the vote's `round` (`Vote::claim_check`): `{ paid }` when
 * it succeeds (paid: coherent with the round's consensus; a failed round returns revealed
 * bonds unpaid), or the error it fails with: the round still open, already claimed, never
 * revealed, or incoherent and not slashed yet.
 */
export function voteClaim(vote: VoteRuleInput, round: RoundRuleInput, rules: VoteRulesInput): VoteClaim {
  const state = roundState(round);
  if (state === "open") return { error: "SubmissionNotFinalized" };
  if (vote.claimed) return { error: "AlreadyClaimed" };
  if (!vote.revealed) return { error: "VoteNotRevealed" };
  if (state === "failed") return { paid: false };
  const coherent = consensusAdmits(roundConsensus(round), vote.score, rules.coherenceTolerance);
  if (!coherent && !vote.slashed) return { error: "VoteMustBeSlashedFirst" };
  return { paid: coherent };
}

/** What `claim_submission` does now: `{ ok: true }`, or the error it fails with. */
export type SubmissionClaim =
  | { ok: true }
  | { error: "TaskNotFinalized" | "AlreadyClaimed" | "SubmissionRejected" };

/**
 * `Submission::claim_check`: the task is finalized, the submission not claimed, and its
 * outcome does not forfeit the bond (rejected, duplicate or unrevealed work is slashed).
 */
export function submissionClaim(
  sub: { outcome: Record<string, unknown>; claimed: boolean },
  task: { state: Record<string, unknown> },
): SubmissionClaim {
  if (!("finalized" in task.state)) return { error: "TaskNotFinalized" };
  if (sub.claimed) return { error: "AlreadyClaimed" };
  const forfeits = "rejected" in sub.outcome || "duplicate" in sub.outcome || "unrevealed" in sub.outcome;
  if (forfeits) return { error: "SubmissionRejected" };
  return { ok: true };
}

/** The config fields `taskDefaults` reads. */
export interface TaskDefaultsParams {
  maxCommitteeSize: number;
  maxQuorumBps: number;
  maxAcceptThreshold: number;
  maxRejectThreshold: number;
  maxSubmissionsPerTask: number;
  minSubmissionBond: bigint;
  minSubmissionFee: bigint;
}

/** The terms a task gets for what its creator leaves out (`ConfigParams::task_defaults`). */
export interface TaskDefaults {
  submitSecs: number;
  revealWorkSecs: number;
  commitSecs: number;
  revealSecs: number;
  committeeSize: number;
  quorumSeats: number;
  acceptThreshold: number;
  rejectThreshold: number;
  validatorShareBps: number;
  maxSubmissions: number;
  bond: bigint;
  submissionFee: bigint;
}

/** A submission's fee is at least this many times the contributor pool per other slot (`SQUAT_FEE_FACTOR`). */
const SQUAT_FEE_FACTOR = 2n;

/**
 * The least submission fee a task of `reward` may set (`Task::squat_fee_floor`): the
 * contributor pool (the reward less `validatorShareBps` of it, rounded down) times two,
 * over the other slots (`maxSubmissions - 1`, at least one), rounded up. Whoever fills
 * every free slot to keep competitors out pays at least twice the pool. Throws a
 * `RangeError` where the program's arithmetic overflows (the floor exceeds a u64).
 */
export function squatFeeFloor(reward: bigint, validatorShareBps: number, maxSubmissions: number): bigint {
  const pool = reward - bpsFloor(reward, validatorShareBps);
  const others = BigInt(Math.max(maxSubmissions - 1, 1));
  return mulDivCeil(pool, SQUAT_FEE_FACTOR, others);
}

/**
 * `ConfigParams::task_defaults`: what a task of `reward` gets for the terms its creator
 * leaves out: the program's `DEFAULT_*` constants (from the IDL) within the config's caps,
 * for a committee of `committee` seats (null or undefined: the largest allowed); the
 * quorum is half the committee rounded up, within `maxQuorumBps`, at least one seat; the
 * bond is the config's minimum; the fee the least the program accepts for those terms:
 * the config's minimum, or the squatting floor (`squatFeeFloor`) when higher.
 */
export function taskDefaults(
  p: TaskDefaultsParams,
  committee: number | null | undefined,
  reward: bigint,
): TaskDefaults {
  const committeeSize = committee ?? p.maxCommitteeSize;
  const maxQuorum = Math.floor((committeeSize * p.maxQuorumBps) / 10_000);
  const maxSubmissions = Math.min(TASK_DEFAULTS.maxSubmissions, p.maxSubmissionsPerTask);
  let floor: bigint;
  try {
    floor = squatFeeFloor(reward, TASK_DEFAULTS.validatorShareBps, maxSubmissions);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    floor = U64_MAX;
  }
  return {
    submitSecs: TASK_DEFAULTS.submitSecs,
    revealWorkSecs: TASK_DEFAULTS.revealWorkSecs,
    commitSecs: TASK_DEFAULTS.commitSecs,
    revealSecs: TASK_DEFAULTS.revealSecs,
    committeeSize,
    quorumSeats: Math.max(1, Math.min(Math.ceil(committeeSize / 2), maxQuorum)),
    acceptThreshold: Math.min(TASK_DEFAULTS.acceptThreshold, p.maxAcceptThreshold),
    rejectThreshold: Math.min(TASK_DEFAULTS.rejectThreshold, p.maxRejectThreshold),
    validatorShareBps: TASK_DEFAULTS.validatorShareBps,
    maxSubmissions,
    bond: p.minSubmissionBond,
    submissionFee: p.minSubmissionFee > floor ? p.minSubmissionFee : floor,
  };
}

/** What an emission claim does now: `{ ok: true }` (it may pay 0 once the epoch expired), or the error. */
export type EmissionClaim =
  | { ok: true }
  | { error: "SubmissionNotFinalized" | "AlreadyClaimed" | "NoEmissionPoints" | "EpochNotClosed" };

/** The epoch fields an emission claim reads (`Epoch::claim`). */
export interface EmissionEpochInput {
  closed: boolean;
}

function epochClaim(epoch: EmissionEpochInput, points: bigint): EmissionClaim {
  if (!epoch.closed) return { error: "EpochNotClosed" };
  if (points === 0n) return { error: "NoEmissionPoints" };
  return { ok: true };
}

/**
 * `claim_submission_emission`: `Submission::emission_claim_check` (final, not yet claimed),
 * then `Epoch::claim` on the submission's epoch (closed, points non-zero).
 */
export function submissionEmissionClaim(
  sub: { outcome: Record<string, unknown>; emissionClaimed: boolean; points: bigint },
  epoch: EmissionEpochInput,
): EmissionClaim {
  if ("pending" in sub.outcome) return { error: "SubmissionNotFinalized" };
  if (sub.emissionClaimed) return { error: "AlreadyClaimed" };
  return epochClaim(epoch, sub.points);
}

/**
 * `claim_vote_emission`: `Vote::emission_claim_check` (claimed with `claim_vote`, which fixes
 * its points; not yet claimed), then `Epoch::claim` on the vote's epoch.
 */
export function voteEmissionClaim(
  vote: { claimed: boolean; emissionClaimed: boolean; points: bigint },
  epoch: EmissionEpochInput,
): EmissionClaim {
  if (!vote.claimed) return { error: "NoEmissionPoints" };
  if (vote.emissionClaimed) return { error: "AlreadyClaimed" };
  return epochClaim(epoch, vote.points);
}

/** The fields of a `Vesting` account its withdrawal rule reads. */
export interface VestingRuleInput {
  unlocked: bigint;
  unvested: bigint;
  vestFrom: bigint;
  vestUntil: bigint;
}

/**
 * `Vesting::withdrawable(now)`: what `withdraw_vested` pays at `now` (the cluster's unix
 * time): the unlocked tokens plus the floor of the unvested ones' linear share of
 * `vestFrom..vestUntil` elapsed (all of them once it ends). Zero means `NothingVested`.
 */
export function vestedWithdrawable(v: VestingRuleInput, now: number): bigint {
  const at = BigInt(now);
  if (v.unvested === 0n || at <= v.vestFrom) return v.unlocked;
  const released =
    at >= v.vestUntil ? v.unvested : (v.unvested * (at - v.vestFrom)) / (v.vestUntil - v.vestFrom);
  return v.unlocked + released;
}

/**
 * `Task::default_id`: the id a creator's new task gets when none is named, past the ids of
 * its live tasks (`highestLive`) and at least the cluster's second `now` times 2^16, so a
 * closed task's address is never handed out again.
 */
export function defaultTaskId(highestLive: bigint | undefined, now: number): bigint {
  const afterLive = highestLive === undefined ? 0n : highestLive + 1n;
  const fromClock = now > 0 ? BigInt(now) << 16n : 0n;
  const id = afterLive > fromClock ? afterLive : fromClock;
  return id > 0n ? id : 1n;
}

/** The task fields `votePoints` reads. */
export interface VotePointsTaskInput {
  reward: bigint;
  validatorShareBps: number;
  submissionCount: number;
}

/**
 * `Round::vote_points`: the merit points `claim_vote` records for a coherent vote of `weight`
 * seats with `multiplierBps` in a decided round of `coherentWeight`: its share of the
 * submission's validator slice (`Task::vote_value`), floored, times the multiplier, floored.
 * `claimAll` predicts with it whether the vote's emission can be claimed in the same call.
 */
export function votePoints(
  task: VotePointsTaskInput,
  coherentWeight: bigint,
  weight: bigint,
  multiplierBps: number,
): bigint {
  if (coherentWeight === 0n || task.submissionCount === 0) throw new RangeError("no coherent weight or no submissions");
  const pool = (task.reward * BigInt(task.validatorShareBps)) / 10_000n;
  const slice = pool / BigInt(task.submissionCount);
  const value = (slice * weight) / coherentWeight;
  return (value * BigInt(multiplierBps)) / 10_000n;
}
