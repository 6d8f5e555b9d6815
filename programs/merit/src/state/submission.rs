use crate::constants::MAX_VOTES_PER_SUBMISSION;
use crate::error::MeritError;
use crate::math::SafeMath;
use crate::state::{merit_points, ContentStatus, Task};
use anchor_lang::prelude::*;

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq, InitSpace)]
pub enum Outcome {
    /// Not finalized yet.
    Pending,
    /// Consensus at or above the accept threshold: paid from the contributor pool.
    Accepted,
    /// Consensus between the thresholds: bond returned, no reward.
    Neutral,
    /// Consensus below the reject threshold: bond slashed.
    Rejected,
    /// Revealed weight below quorum: bond returned, no reward, no consensus.
    NoQuorum,
    /// An earlier commitment to the same content took its claim: bond slashed, no reward.
    /// Its judges are paid (or slashed) as for any consensus.
    Duplicate,
    /// The content was never revealed: bond slashed, no reward, no judges.
    Unrevealed,
}

impl Outcome {
    /// The contributor loses its bond (to `slash_submission`) and is paid nothing.
    pub fn forfeits_bond(self) -> bool {
        matches!(
            self,
            Outcome::Rejected | Outcome::Duplicate | Outcome::Unrevealed
        )
    }
}

/// A revealed vote as the consensus sees it.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq, InitSpace)]
pub struct RevealedVote {
    /// Seats the validator holds on this submission's committee.
    pub weight: u64,
    pub score: u8,
    /// The validator's reputation multiplier at reveal, in bps.
    pub multiplier_bps: u16,
}

/// A contributor's work for a task. PDA `["submission", task, contributor]`.
///
/// Created by `submit` with a commitment only; `reveal_submission` fills in the content
/// hash and URI after submissions close, so a pending `submit` shows a copier nothing.
#[account]
#[derive(InitSpace, Debug)]
pub struct Submission {
    pub version: u8,
    pub bump: u8,
    pub task: Pubkey,
    pub contributor: Pubkey,
    /// Position among the task's submissions.
    pub index: u16,
    /// `submission_commitment(task, contributor, content_hash, salt)`.
    pub commitment: [u8; 32],
    /// Slot the commitment landed in: the earliest commitment to a content is paid.
    pub committed_slot: u64,
    /// Zero until revealed.
    pub content_hash: [u8; 32],
    /// Empty until revealed.
    #[max_len(200)]
    pub uri: String,
    pub content_revealed: bool,
    /// Stake locked from the contributor.
    pub bond: u64,
    /// Non-refundable fee paid at `submit`, for this submission's coherent judges.
    pub fee: u64,
    pub submitted_at: i64,
    /// Votes committed.
    pub vote_count: u8,
    /// Votes not yet closed.
    pub open_votes: u8,
    /// Revealed votes, at most 32.
    #[max_len(32)]
    pub revealed: Vec<RevealedVote>,
    /// Seats revealed.
    pub revealed_weight: u64,
    pub outcome: Outcome,
    /// The revealed seats reached quorum and `consensus_score` is the consensus.
    pub quorum_reached: bool,
    pub consensus_score: u8,
    /// Weight of revealed votes within the coherence tolerance of consensus.
    pub coherent_weight: u64,
    pub coherent_count: u8,
    /// Coherent votes that have not claimed their reward yet.
    pub coherent_unclaimed: u8,
    /// Paid so far from this submission's slice of the validator pool.
    pub validator_paid: u64,
    /// Paid to the contributor.
    pub reward_paid: u64,
    pub claimed: bool,
    pub slashed: bool,
    /// Epoch the submission was finalized in.
    pub epoch: u64,
    /// Merit points earned in `epoch` (accepted submissions only).
    pub points: u64,
    pub emission_claimed: bool,
    pub reserved: [u8; 32],
}

/// The submission commitment. Binding the task and contributor keys makes a copied
/// commitment worthless to anyone else and on any other task; the salt keeps the content
/// hash (which anyone holding the file can compute) out of sight until the reveal.
pub fn submission_commitment(
    task: &Pubkey,
    contributor: &Pubkey,
    content_hash: &[u8; 32],
    salt: &[u8; 32],
) -> [u8; 32] {
    solana_sha256_hasher::hashv(&[
        crate::constants::SUBMISSION_COMMITMENT_DOMAIN,
        task.as_ref(),
        contributor.as_ref(),
        content_hash,
        salt,
    ])
    .to_bytes()
}

/// The stake-weighted median of `votes`: the lowest revealed score `s` such that
/// the votes scoring at most `s` carry at least half the revealed weight.
/// Tie rule: when exactly half the weight lies at or below `s`, the lower score wins.
/// Returns `None` when no weight was revealed.
pub fn weighted_median(votes: &[RevealedVote]) -> Result<Option<u8>> {
    let mut total: u128 = 0;
    for v in votes {
        total = total.safe_add(u128::from(v.weight))?;
    }
    if total == 0 {
        return Ok(None);
    }
    let mut best: Option<u8> = None;
    for candidate in votes {
        if best.is_some_and(|b| candidate.score >= b) {
            continue;
        }
        let mut at_or_below: u128 = 0;
        for v in votes {
            if v.score <= candidate.score {
                at_or_below = at_or_below.safe_add(u128::from(v.weight))?;
            }
        }
        if at_or_below.safe_mul(2)? >= total {
            best = Some(candidate.score);
        }
    }
    Ok(best)
}

/// A revealed score is coherent when it lies within `tolerance` of the consensus.
pub fn is_coherent(score: u8, consensus: u8, tolerance: u8) -> bool {
    score.abs_diff(consensus) <= tolerance
}

impl Submission {
    /// Whether the contributor may claim this submission now (reward and bond): its task
    /// is finalized, it was not claimed, and its outcome does not forfeit the bond. The
    /// rule `claim_submission` applies and every client's "what can I claim" calls.
    pub fn claim_check(&self, task: &Task) -> Result<()> {
        task.require_finalized()?;
        require!(!self.claimed, MeritError::AlreadyClaimed);
        require!(
            !self.outcome.forfeits_bond(),
            MeritError::SubmissionRejected
        );
        Ok(())
    }

    /// Whether the contributor may claim this submission's emission share (its epoch must
    /// also be closed and the points non-zero: [`crate::state::Epoch::claim`]). The rule
    /// `claim_submission_emission` applies and clients call.
    pub fn emission_claim_check(&self) -> Result<()> {
        self.require_final()?;
        require!(!self.emission_claimed, MeritError::AlreadyClaimed);
        Ok(())
    }

    pub fn require_final(&self) -> Result<()> {
        require!(
            self.outcome != Outcome::Pending,
            MeritError::SubmissionNotFinalized
        );
        Ok(())
    }

    /// Nothing further can happen to this submission: it may be closed.
    pub fn is_settled(&self) -> bool {
        (self.claimed || self.slashed)
            && self.open_votes == 0
            && (self.points == 0 || self.emission_claimed)
    }

    pub fn has_consensus(&self) -> bool {
        self.quorum_reached
    }

    /// What this submission's coherent judges share: the task's equal slice of the
    /// validator pool plus the submission's fee.
    pub fn judge_pool(&self, task: &Task) -> Result<u64> {
        task.validator_slice()?.safe_add(self.fee)
    }

    /// Whether the judges are paid: a consensus with some coherent weight. Otherwise the
    /// fee goes to the treasury and the slice stays with the creator.
    pub fn judges_paid(&self) -> bool {
        self.has_consensus() && self.coherent_weight > 0
    }

    /// Records the reveal of the committed content, after checking it against the
    /// commitment.
    pub fn reveal(&mut self, content_hash: [u8; 32], salt: &[u8; 32], uri: String) -> Result<()> {
        require!(
            !self.content_revealed,
            MeritError::SubmissionAlreadyRevealed
        );
        let expected =
            crate::state::submission_commitment(&self.task, &self.contributor, &content_hash, salt);
        require!(
            expected == self.commitment,
            MeritError::SubmissionCommitmentMismatch
        );
        self.content_hash = content_hash;
        self.uri = uri;
        self.content_revealed = true;
        Ok(())
    }

    pub fn record_reveal(&mut self, weight: u64, score: u8, multiplier_bps: u16) -> Result<()> {
        require!(
            self.revealed.len() < MAX_VOTES_PER_SUBMISSION as usize,
            MeritError::TooManyVotes
        );
        self.revealed.push(RevealedVote {
            weight,
            score,
            multiplier_bps,
        });
        self.revealed_weight = self.revealed_weight.safe_add(weight)?;
        Ok(())
    }

    /// Decides the outcome from the revealed votes under the task's thresholds and what
    /// the content claim says (`content`). Returns the merit points of the coherent votes.
    pub fn finalize(&mut self, task: &Task, content: ContentStatus) -> Result<u64> {
        require!(
            self.outcome == Outcome::Pending,
            MeritError::AlreadyFinalized
        );
        let consensus = match weighted_median(&self.revealed)? {
            Some(c) if self.revealed_weight >= u64::from(task.quorum_seats) => c,
            _ => {
                self.outcome = match content {
                    ContentStatus::Unrevealed => Outcome::Unrevealed,
                    ContentStatus::Displaced => Outcome::Duplicate,
                    ContentStatus::Holder => Outcome::NoQuorum,
                };
                return Ok(0);
            }
        };
        let tolerance = task.rules.coherence_tolerance;
        let (mut weight, mut count, mut points) = (0u64, 0u8, 0u64);
        for v in self.revealed.iter() {
            if is_coherent(v.score, consensus, tolerance) {
                weight = weight.safe_add(v.weight)?;
                count = count.safe_add(1)?;
            }
        }
        // Each coherent vote's points, exactly as `claim_vote` will record them.
        for v in self.revealed.iter() {
            if is_coherent(v.score, consensus, tolerance) {
                let value = task.vote_value(v.weight, weight)?;
                points = points.safe_add(merit_points(value, v.multiplier_bps)?)?;
            }
        }
        self.quorum_reached = true;
        self.consensus_score = consensus;
        self.coherent_weight = weight;
        self.coherent_count = count;
        self.coherent_unclaimed = count;
        self.outcome = if content != ContentStatus::Holder {
            Outcome::Duplicate
        } else if consensus >= task.accept_threshold {
            Outcome::Accepted
        } else if consensus < task.reject_threshold {
            Outcome::Rejected
        } else {
            Outcome::Neutral
        };
        Ok(points)
    }

    /// The submission's accounting rules, each with its own error.
    pub fn invariant(&self) -> Result<()> {
        require!(
            self.revealed.len() <= usize::from(self.vote_count)
                && self.vote_count <= MAX_VOTES_PER_SUBMISSION
                && self.open_votes <= self.vote_count
                && self.coherent_unclaimed <= self.coherent_count,
            MeritError::SubmissionCountsInconsistent
        );
        require!(
            self.coherent_weight <= self.revealed_weight,
            MeritError::SubmissionWeightsInconsistent
        );
        require!(
            self.content_revealed || self.vote_count == 0,
            MeritError::VotesWithoutContent
        );
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(weight: u64, score: u8) -> RevealedVote {
        RevealedVote {
            weight,
            score,
            multiplier_bps: 10_000,
        }
    }

    #[test]
    fn median_of_nothing_is_none() {
        assert_eq!(weighted_median(&[]).unwrap(), None);
        assert_eq!(weighted_median(&[v(0, 50)]).unwrap(), None);
    }

    #[test]
    fn median_follows_weight_not_count() {
        assert_eq!(
            weighted_median(&[v(1, 10), v(1, 20), v(10, 90)]).unwrap(),
            Some(90)
        );
        assert_eq!(
            weighted_median(&[v(5, 10), v(1, 20), v(3, 90)]).unwrap(),
            Some(10)
        );
    }

    #[test]
    fn exact_half_takes_the_lower_score() {
        assert_eq!(weighted_median(&[v(5, 80), v(5, 40)]).unwrap(), Some(40));
    }

    #[test]
    fn coherence_is_symmetric_and_inclusive() {
        assert!(is_coherent(60, 75, 15));
        assert!(is_coherent(90, 75, 15));
        assert!(!is_coherent(59, 75, 15));
        assert!(!is_coherent(91, 75, 15));
    }
}
