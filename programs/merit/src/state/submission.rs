use crate::constants::MAX_ROUNDS;
use crate::error::MeritError;
use crate::math::SafeMath;
use crate::state::{ContentStatus, Round, RoundResult, SlashKind, Task};
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
    /// Unjudged: revealed, and no round decided it (`MAX_ROUNDS` rounds without enough
    /// committed seats, a revealed vote or a committee). Bond returned, no reward; its
    /// share of the pools goes to the treasury, never back to the creator.
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

/// A contributor's work for a task. PDA `["submission", task, contributor]`.
///
/// Created by `submit` with a commitment only; `reveal_submission` fills in the content
/// hash and URI after submissions close (and opens its first judging round), so a pending
/// `submit` shows a copier nothing. Its judging happens in its rounds (`Round`); the
/// submission keeps what was finally decided.
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
    /// The judging round under way, or the last one (0 before the reveal).
    pub round: u8,
    /// Round accounts not closed yet.
    pub open_rounds: u8,
    pub outcome: Outcome,
    /// The last round decided: `consensus_score` is the consensus.
    pub quorum_reached: bool,
    pub consensus_score: u8,
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

impl Submission {
    /// A submission `contributor` committed to `task` in `slot` (position `index`),
    /// bonding `bond` and paying `fee`.
    #[allow(clippy::too_many_arguments)]
    pub fn committed(
        bump: u8,
        task: Pubkey,
        contributor: Pubkey,
        index: u16,
        commitment: [u8; 32],
        slot: u64,
        bond: u64,
        fee: u64,
        now: i64,
    ) -> Self {
        Submission {
            version: crate::constants::ACCOUNT_VERSION,
            bump,
            task,
            contributor,
            index,
            commitment,
            committed_slot: slot,
            content_hash: [0; 32],
            uri: String::new(),
            content_revealed: false,
            bond,
            fee,
            submitted_at: now,
            round: 0,
            open_rounds: 0,
            outcome: Outcome::Pending,
            quorum_reached: false,
            consensus_score: 0,
            reward_paid: 0,
            claimed: false,
            slashed: false,
            epoch: 0,
            points: 0,
            emission_claimed: false,
            reserved: [0; 32],
        }
    }

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

    /// What `slash_submission` takes now, or why not: a final submission whose outcome
    /// forfeits its bond (Rejected, Duplicate, Unrevealed), not slashed yet; its whole bond.
    /// The rule the instruction applies and every keeper looks for.
    pub fn slash_due(&self) -> Result<(SlashKind, u64)> {
        self.require_final()?;
        let kind = match self.outcome {
            Outcome::Rejected => SlashKind::RejectedSubmission,
            Outcome::Duplicate => SlashKind::DuplicateSubmission,
            Outcome::Unrevealed => SlashKind::UnrevealedSubmission,
            _ => return err!(MeritError::SubmissionNotRejected),
        };
        require!(!self.slashed, MeritError::AlreadySlashed);
        Ok((kind, self.bond))
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

    /// Nothing further can happen to this submission of `task`: it may be closed. Only
    /// once the task is finalized: until then the account stands for its contributor being
    /// a competitor in the task (who may not judge there, and so is never reported absent
    /// there), so closing it must not turn the contributor into an eligible judge of the
    /// task's later rounds.
    pub fn is_settled(&self, task: &crate::state::Task) -> bool {
        (self.claimed || self.slashed)
            && self.open_rounds == 0
            && (self.points == 0 || self.emission_claimed)
            && task.state == crate::state::TaskState::Finalized
    }

    pub fn has_consensus(&self) -> bool {
        self.quorum_reached
    }

    /// What this submission's coherent judges share: the task's equal slice of the
    /// validator pool plus the submission's fee.
    pub fn judge_pool(&self, task: &Task) -> Result<u64> {
        task.validator_slice()?.safe_add(self.fee)
    }

    /// What goes to the treasury when no judge of this submission is paid: its fee, and
    /// for revealed work its validator slice too (the creator got the work; the slice is
    /// never its to take back by leaving the work unjudged). Unrevealed work gives the
    /// creator nothing, so its slice stays with the creator.
    pub fn unpaid_judging(&self, task: &Task) -> Result<u64> {
        if self.content_revealed {
            self.judge_pool(task)
        } else {
            Ok(self.fee)
        }
    }

    /// Whether `finalize_submission` may close `round` (this submission's current round)
    /// at `now`, and what follows: `Ok(true)` when closing it finalizes the submission,
    /// `Ok(false)` when it decides nothing and another round is due (the content's holder,
    /// a round left). An unrevealed submission (no round) is finalized once the task's
    /// reveals are closed. The rule the instruction applies and keepers call.
    pub fn close_check(
        &self,
        task: &Task,
        round: Option<&Round>,
        content: ContentStatus,
        now: i64,
    ) -> Result<bool> {
        require!(
            self.outcome == Outcome::Pending,
            MeritError::AlreadyFinalized
        );
        require!(
            self.content_revealed == round.is_some(),
            MeritError::ContentClaimMismatch
        );
        let Some(round) = round else {
            task.require_reveals_closed(now)?;
            return Ok(true);
        };
        require!(round.index == self.round, MeritError::AccountMismatch);
        let drawn = round.committee(task).drawn;
        round.close_check(drawn, now)?;
        Ok(round.result()? != RoundResult::Failed
            || content != ContentStatus::Holder
            || round.index >= MAX_ROUNDS)
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

    /// Fixes the final outcome from what its last round decided (`decided`: the round's
    /// consensus; `None`: no round, or none decided) and what the content claim says
    /// (`content`): the holder of revealed content is Accepted, Neutral or Rejected by the
    /// consensus under the task's thresholds, or `NoQuorum` when unjudged; a displaced
    /// holder is `Duplicate`; unrevealed work `Unrevealed`.
    pub fn finalize(
        &mut self,
        task: &Task,
        content: ContentStatus,
        decided: Option<u8>,
    ) -> Result<()> {
        require!(
            self.outcome == Outcome::Pending,
            MeritError::AlreadyFinalized
        );
        if let Some(consensus) = decided {
            self.quorum_reached = true;
            self.consensus_score = consensus;
        }
        self.outcome = match (content, decided) {
            (ContentStatus::Unrevealed, _) => Outcome::Unrevealed,
            (ContentStatus::Displaced, _) => Outcome::Duplicate,
            (ContentStatus::Holder, None) => Outcome::NoQuorum,
            (ContentStatus::Holder, Some(c)) if c >= task.accept_threshold => Outcome::Accepted,
            (ContentStatus::Holder, Some(c)) if c < task.reject_threshold => Outcome::Rejected,
            (ContentStatus::Holder, Some(_)) => Outcome::Neutral,
        };
        Ok(())
    }

    /// The submission's accounting rules, each with its own error.
    pub fn invariant(&self) -> Result<()> {
        require!(
            self.open_rounds <= self.round && self.round <= MAX_ROUNDS,
            MeritError::SubmissionCountsInconsistent
        );
        require!(
            self.content_revealed || self.round == 0,
            MeritError::VotesWithoutContent
        );
        Ok(())
    }
}

/// `Submission`'s size without its discriminator, pinned: a layout change is a conscious one
/// (openbook-v2's `const_assert_eq!(size_of::<Market>(), 840)`).
const _: () = assert!(<Submission as Space>::INIT_SPACE == 433);
