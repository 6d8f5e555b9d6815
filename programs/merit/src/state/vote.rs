use crate::constants::COMMITMENT_DOMAIN;
use crate::error::MeritError;
use crate::events::SlashKind;
use crate::math::bps_ceil;
use crate::state::{is_coherent, Submission, TaskRules};
use anchor_lang::prelude::*;

/// A validator's vote on one submission. PDA `["vote", submission, validator]`.
#[account]
#[derive(InitSpace, Debug)]
pub struct Vote {
    pub version: u8,
    pub bump: u8,
    pub task: Pubkey,
    pub submission: Pubkey,
    pub validator: Pubkey,
    /// sha256("merit:vote:v1" || submission || validator || score || salt).
    pub commitment: [u8; 32],
    /// Seats drawn for this validator on this submission: the vote's weight.
    pub weight: u64,
    /// Stake locked at commit: `Task::vote_bond(weight)`, `vote_bond_bps` of the reward
    /// share its seats decide.
    pub bond: u64,
    /// Part of the bond still locked (not slashed, not returned).
    pub bond_remaining: u64,
    pub committed_at: i64,
    pub revealed: bool,
    pub score: u8,
    pub slashed: bool,
    pub claimed: bool,
    pub reward_paid: u64,
    /// The validator's reputation multiplier at reveal, in bps.
    pub multiplier_bps: u16,
    /// Merit points, set when a coherent vote is claimed.
    pub points: u64,
    /// Epoch the points were earned in (its submission's finalization epoch).
    pub epoch: u64,
    pub emission_claimed: bool,
    pub reserved: [u8; 32],
}

impl Vote {
    /// What this vote forfeits on its final submission `sub` under its task's `rules`,
    /// or None: the whole bond when never revealed; `incoherence_slash_bps` of it
    /// (rounded up) when revealed outside `coherence_tolerance` of a consensus. The one
    /// rule `slash_vote` applies and every keeper (crank, simulator) looks for.
    pub fn slash_due(
        &self,
        sub: &Submission,
        rules: &TaskRules,
    ) -> Result<Option<(SlashKind, u64)>> {
        if self.slashed {
            return Ok(None);
        }
        if !self.revealed {
            return Ok(Some((SlashKind::MissingReveal, self.bond)));
        }
        if sub.has_consensus()
            && !is_coherent(self.score, sub.consensus_score, rules.coherence_tolerance)
        {
            return Ok(Some((
                SlashKind::IncoherentVote,
                bps_ceil(self.bond, rules.incoherence_slash_bps)?,
            )));
        }
        Ok(None)
    }

    /// Whether this vote may be claimed now on its final submission `sub` under its task's
    /// `rules`, and if so whether it is paid (`true`: coherent with a consensus). An
    /// incoherent vote must be slashed first (`VoteMustBeSlashedFirst`): claiming would
    /// otherwise unlock the bond the slash takes from. The rule `claim_vote` applies and
    /// every client's "what can I claim" mirrors.
    pub fn claim_check(&self, sub: &Submission, rules: &TaskRules) -> Result<bool> {
        sub.require_final()?;
        require!(!self.claimed, MeritError::AlreadyClaimed);
        require!(self.revealed, MeritError::VoteNotRevealed);
        if !sub.has_consensus() {
            return Ok(false);
        }
        let coherent = is_coherent(self.score, sub.consensus_score, rules.coherence_tolerance);
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

    /// Nothing further can happen to this vote: it may be closed.
    pub fn is_settled(&self) -> bool {
        (self.claimed || (self.slashed && self.bond_remaining == 0))
            && (self.points == 0 || self.emission_claimed)
    }
}

/// The vote commitment. Binding the submission and validator keys makes a copied
/// commitment worthless to anyone else, and to any other submission.
pub fn vote_commitment(
    submission: &Pubkey,
    validator: &Pubkey,
    score: u8,
    salt: &[u8; 32],
) -> [u8; 32] {
    solana_sha256_hasher::hashv(&[
        COMMITMENT_DOMAIN,
        submission.as_ref(),
        validator.as_ref(),
        &[score],
        salt,
    ])
    .to_bytes()
}
