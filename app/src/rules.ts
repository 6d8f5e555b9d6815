// The program's vote settlement rules, for clients deciding what to slash or claim. Each
// function mirrors one Rust rule of the program crate and is checked against the vectors
// that rule produces (`voteRules` in test/vectors.json, written by tests/tests/vectors.rs):
// `voteSlashDue` is `Vote::slash_due`, `voteClaim` is `Vote::claim_check`, `submissionClaim`
// is `Submission::claim_check` (`submissionRules` in the vectors), `taskDefaults` is
// `ConfigParams::task_defaults` (`taskDefaults`), `submissionEmissionClaim` and
// `voteEmissionClaim` are the emission claim checks then `Epoch::claim` (`emissionRules`).
import { TASK_DEFAULTS } from "./constants.js";

/** The fields of a `Vote` account the rules read. */
export interface VoteRuleInput {
  revealed: boolean;
  slashed: boolean;
  claimed: boolean;
  score: number;
  bond: bigint;
}

/** The fields of a `Submission` account the rules read. */
export interface SubmissionRuleInput {
  outcome: Record<string, unknown>;
  quorumReached: boolean;
  consensusScore: number;
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

const isCoherent = (score: number, consensus: number, tolerance: number): boolean =>
  Math.abs(score - consensus) <= tolerance;

/**
 * What the vote forfeits to `slash_vote`, or null: the whole bond when never revealed;
 * `incoherenceSlashBps` of it (rounded up) when revealed outside the tolerance of a
 * consensus. `slash_vote` also needs the submission to be final.
 */
export function voteSlashDue(
  vote: VoteRuleInput,
  sub: SubmissionRuleInput,
  rules: VoteRulesInput,
): SlashDue {
  if (vote.slashed) return null;
  const bond = vote.bond;
  if (!vote.revealed) return { kind: "MissingReveal", amount: bond };
  if (sub.quorumReached && !isCoherent(vote.score, sub.consensusScore, rules.coherenceTolerance)) {
    const bps = BigInt(rules.incoherenceSlashBps);
    return { kind: "IncoherentVote", amount: (bond * bps + 9_999n) / 10_000n };
  }
  return null;
}

/**
 * What `claim_vote` does now: `{ paid }` when it succeeds (paid: coherent with a
 * consensus), or the error it fails with. An incoherent vote must be slashed first.
 */
export function voteClaim(
  vote: VoteRuleInput,
  sub: SubmissionRuleInput,
  rules: VoteRulesInput,
): VoteClaim {
  if ("pending" in sub.outcome) return { error: "SubmissionNotFinalized" };
  if (vote.claimed) return { error: "AlreadyClaimed" };
  if (!vote.revealed) return { error: "VoteNotRevealed" };
  if (!sub.quorumReached) return { paid: false };
  const coherent = isCoherent(vote.score, sub.consensusScore, rules.coherenceTolerance);
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

/**
 * `ConfigParams::task_defaults`: the program's `DEFAULT_*` constants (from the IDL) within
 * the config's caps, for a committee of `committee` seats (default: the largest allowed);
 * the quorum is half the committee rounded up, within `maxQuorumBps`, at least one seat.
 */
export function taskDefaults(p: TaskDefaultsParams, committee?: number): TaskDefaults {
  const committeeSize = committee ?? p.maxCommitteeSize;
  const maxQuorum = Math.floor((committeeSize * p.maxQuorumBps) / 10_000);
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
    maxSubmissions: Math.min(TASK_DEFAULTS.maxSubmissions, p.maxSubmissionsPerTask),
    bond: p.minSubmissionBond,
    submissionFee: p.minSubmissionFee,
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
