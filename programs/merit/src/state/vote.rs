use crate::constants::COMMITMENT_DOMAIN;
use crate::error::MeritError;
use crate::math::bps_ceil;
use crate::state::{Round, RoundState, SlashKind, TaskRules};
use anchor_lang::prelude::*;

/// A validator's vote in one judging round. PDA `["vote", round, validator]`.
///
/// Also the record of a drawn validator that never committed (`absent`), created by
/// `report_absence` at the same address: it is slashed at once and blocks a second report.
#[account]
#[derive(InitSpace, Debug)]
pub struct Vote {
    pub version: u8,
    pub bump: u8,
    pub task: Pubkey,
    pub submission: Pubkey,
    /// The judging round (`Round`) this vote belongs to.
    pub round: Pubkey,
    pub validator: Pubkey,
    /// sha256("merit:vote:v2" || round || validator || score || salt).
    pub commitment: [u8; 32],
    /// Seats drawn for this validator on this round's committee: the vote's weight.
    pub weight: u64,
    /// Stake locked at commit: `Task::vote_bond(weight)` (an absence record: what the
    /// absence cost).
    pub bond: u64,
    /// Part of the bond still locked (not slashed, not returned).
    pub bond_remaining: u64,
    pub committed_at: i64,
    pub revealed: bool,
    pub score: u8,
    pub slashed: bool,
    pub claimed: bool,
    /// Drawn and never committed: a record of the reported absence, not a vote.
    pub absent: bool,
    /// The round's index (1 for the first).
    pub round_index: u8,
    pub reward_paid: u64,
    /// The validator's reputation multiplier at reveal, in bps.
    pub multiplier_bps: u16,
    /// Merit points, set when a coherent vote is claimed.
    pub points: u64,
    /// Epoch the points were earned in (its submission's finalization epoch).
    pub epoch: u64,
    pub emission_claimed: bool,
    /// Paid the rent (the validator; the reporter of an absence); gets it back at close.
    pub payer: Pubkey,
    pub reserved: [u8; 16],
}

impl Vote {
    /// A vote committed by `validator` with `weight` seats on `round` (index
    /// `round_index`) of `submission`, locking `bond`.
    #[allow(clippy::too_many_arguments)]
    pub fn committed(
        bump: u8,
        task: Pubkey,
        submission: Pubkey,
        round: Pubkey,
        round_index: u8,
        validator: Pubkey,
        commitment: [u8; 32],
        weight: u64,
        bond: u64,
        now: i64,
    ) -> Self {
        Vote {
            version: crate::constants::ACCOUNT_VERSION,
            bump,
            task,
            submission,
            round,
            validator,
            commitment,
            weight,
            bond,
            bond_remaining: bond,
            committed_at: now,
            revealed: false,
            score: 0,
            slashed: false,
            claimed: false,
            absent: false,
            round_index,
            reward_paid: 0,
            multiplier_bps: 0,
            points: 0,
            epoch: 0,
            emission_claimed: false,
            payer: validator,
            reserved: [0; 16],
        }
    }

    /// The record of `validator`'s absence from `round`, where it held `weight` seats,
    /// reported (and its rent paid) by `reporter`: slashed at once, `penalty` (what the
    /// absence cost it) kept as its `bond`, nothing of it left.
    #[allow(clippy::too_many_arguments)]
    pub fn absence(
        bump: u8,
        task: Pubkey,
        submission: Pubkey,
        round: Pubkey,
        round_index: u8,
        validator: Pubkey,
        weight: u64,
        penalty: u64,
        reporter: Pubkey,
        now: i64,
    ) -> Self {
        Vote {
            absent: true,
            slashed: true,
            bond: penalty,
            bond_remaining: 0,
            payer: reporter,
            ..Self::committed(
                bump,
                task,
                submission,
                round,
                round_index,
                validator,
                [0; 32],
                weight,
                0,
                now,
            )
        }
    }

    /// What this vote forfeits now in its `round` under its task's `rules`, or None: once
    /// the round is closed, the whole bond when never revealed; once it decided,
    /// `incoherence_slash_bps` of it (rounded up) when revealed outside
    /// `coherence_tolerance` of the consensus (of both sides of an exact split). The one
    /// rule `slash_vote` applies and every keeper (crank, simulator) looks for.
    pub fn slash_due(&self, round: &Round, rules: &TaskRules) -> Result<Option<(SlashKind, u64)>> {
        if self.slashed || self.absent || round.state == RoundState::Open {
            return Ok(None);
        }
        if !self.revealed {
            return Ok(Some((SlashKind::MissingReveal, self.bond)));
        }
        if round.state == RoundState::Decided
            && !round
                .consensus()
                .admits(self.score, rules.coherence_tolerance)
        {
            return Ok(Some((
                SlashKind::IncoherentVote,
                bps_ceil(self.bond, rules.incoherence_slash_bps)?,
            )));
        }
        Ok(None)
    }

    /// Whether this vote may be claimed now in its `round` under its task's `rules`, and if
    /// so whether it is paid (`true`: coherent with the round's consensus). A round that
    /// failed returns revealed bonds unpaid; an incoherent vote must be slashed first
    /// (`VoteMustBeSlashedFirst`), or claiming would unlock the bond the slash takes from.
    /// The rule `claim_vote` applies and every client's "what can I claim" mirrors.
    pub fn claim_check(&self, round: &Round, rules: &TaskRules) -> Result<bool> {
        require!(
            round.state != RoundState::Open,
            MeritError::SubmissionNotFinalized
        );
        require!(!self.claimed, MeritError::AlreadyClaimed);
        require!(self.revealed, MeritError::VoteNotRevealed);
        if round.state == RoundState::Failed {
            return Ok(false);
        }
        let coherent = round
            .consensus()
            .admits(self.score, rules.coherence_tolerance);
        require!(coherent || self.slashed, MeritError::VoteMustBeSlashedFirst);
        Ok(coherent)
    }

    /// Whether the validator may claim this vote's emission share: only a claimed vote has
    /// its points fixed (its epoch must also be closed and the points non-zero:
    /// [`crate::state::Epoch::claim`]). The rule `claim_vote_emission` applies and clients call.
    pub fn emission_claim_check(&self) -> Result<()> {
        require!(self.claimed, MeritError::NoEmissionPoints);
        require!(!self.emission_claimed, MeritError::AlreadyClaimed);
        Ok(())
    }

    /// The vote's accounting rules, each with its own error: the bond left never exceeds
    /// the bond, and a reward, merit points or an emission claim exist only once claimed.
    pub fn invariant(&self) -> Result<()> {
        require!(
            self.bond_remaining <= self.bond,
            MeritError::VoteBondExceeded
        );
        require!(
            self.claimed || (self.reward_paid == 0 && self.points == 0 && !self.emission_claimed),
            MeritError::VoteClaimStateInconsistent
        );
        Ok(())
    }

    /// What was slashed from this vote (0 when it was not): its whole bond when never
    /// revealed, the incoherence share when revealed, the penalty of an absence.
    pub fn slashed_amount(&self, rules: &TaskRules) -> Result<u64> {
        if !self.slashed {
            Ok(0)
        } else if self.absent || !self.revealed {
            Ok(self.bond)
        } else {
            bps_ceil(self.bond, rules.incoherence_slash_bps)
        }
    }

    /// Nothing further can happen to this vote: it may be closed.
    pub fn is_settled(&self) -> bool {
        (self.claimed || (self.slashed && self.bond_remaining == 0))
            && (self.points == 0 || self.emission_claimed)
    }
}

/// The vote commitment. Binding the round (an address that names its submission too) and
/// the validator makes a copied commitment worthless to anyone else, and in any other round
/// or submission.
pub fn vote_commitment(round: &Pubkey, validator: &Pubkey, score: u8, salt: &[u8; 32]) -> [u8; 32] {
    solana_sha256_hasher::hashv(&[
        COMMITMENT_DOMAIN,
        round.as_ref(),
        validator.as_ref(),
        &[score],
        salt,
    ])
    .to_bytes()
}

/// `Vote`'s size without its discriminator, pinned: a layout change is a conscious one
/// (openbook-v2's `const_assert_eq!(size_of::<Market>(), 840)`).
const _: () = assert!(<Vote as Space>::INIT_SPACE == 275);
