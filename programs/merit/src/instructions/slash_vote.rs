use super::groups::*;
use crate::error::MeritError;
use crate::events::ReputationUpdated;
use crate::math::SafeMath;
use crate::state::{RepEvent, Round, SlashKind, Stake, Task, Vote};
use anchor_lang::prelude::*;

#[derive(Accounts)]
pub struct SlashVote<'info> {
    pub payout: SlashPayout<'info>,
    pub task: AccountLoader<'info, Task>,
    #[account(constraint = round.load()?.task == task.key() @ MeritError::AccountMismatch)]
    pub round: AccountLoader<'info, Round>,
    #[account(
        mut,
        dup,
        has_one = round @ MeritError::AccountMismatch,
    )]
    pub vote: Box<Account<'info, Vote>>,
    #[account(
        mut,
        dup,
        constraint = stake.owner == vote.validator @ MeritError::AccountMismatch,
    )]
    pub stake: Box<Account<'info, Stake>>,
    /// The validator's vesting account (`["vesting", validator]`); it may not exist. When it
    /// does, the slash takes from its unvested balance first.
    /// CHECK: by `VestingSlot` (an existing one by type and owner, a missing one by address).
    #[account(mut)]
    pub offender_vesting: UncheckedAccount<'info>,
}

impl SlashVote<'_> {
    fn validate(&self) -> Result<()> {
        self.payout.validate(&self.vote.validator)?;
        self.slash_amount().map(|_| ())
    }

    /// What this vote forfeits: `Vote::slash_due` in its closed round.
    fn slash_amount(&self) -> Result<(SlashKind, u64)> {
        let round = self.round.load()?;
        require!(
            round.state != crate::state::RoundState::Open,
            MeritError::SubmissionNotFinalized
        );
        require!(!self.vote.slashed, MeritError::AlreadySlashed);
        self.vote
            .slash_due(&round, &self.task.load()?.rules)?
            .ok_or_else(|| error!(MeritError::VoteNotSlashable))
    }
}

/// Slashes an unrevealed vote's whole bond, or part of an incoherent vote's bond, and
/// records the failure in the validator's reputation.
#[access_control(ctx.accounts.validate())]
pub fn handle_slash_vote(ctx: Context<SlashVote>) -> Result<()> {
    let a = ctx.accounts;
    let (kind, amount) = a.slash_amount()?;
    a.vote.slashed = true;
    a.vote.bond_remaining = a.vote.bond_remaining.safe_sub(amount)?;
    a.vote.invariant()?;
    let epoch = a.payout.config.load()?.current_epoch;
    let (rules, value) = {
        let task = a.task.load()?;
        (task.rules, task.seat_value(a.vote.weight)?)
    };
    let failure = match kind {
        SlashKind::MissingReveal => RepEvent::MissedReveal,
        _ => RepEvent::Incoherent,
    };
    let rep = rules.rep();
    emit!(ReputationUpdated::from(
        a.stake.record_outcome(failure, epoch, &rep, value)?
    ));
    emit!(ReputationUpdated::from(a.stake.record_outcome(
        RepEvent::Slashed,
        epoch,
        &rep,
        0
    )?));
    let target = a.vote.key();
    emit!(a.payout.execute(
        &mut a.stake,
        a.offender_vesting.to_account_info(),
        kind,
        target,
        amount,
        rules.slasher_reward_bps,
    )?);
    Ok(())
}
