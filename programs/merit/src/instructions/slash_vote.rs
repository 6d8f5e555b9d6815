use super::groups::*;
use crate::error::MeritError;
use crate::events::SlashKind;
use crate::math::SafeMath;
use crate::state::{RepEvent, Stake, Submission, Task, Vote};
use anchor_lang::prelude::*;

#[derive(Accounts)]
pub struct SlashVote<'info> {
    pub payout: SlashPayout<'info>,
    pub task: AccountLoader<'info, Task>,
    #[account(
        has_one = task @ MeritError::AccountMismatch,
    )]
    pub submission: Box<Account<'info, Submission>>,
    #[account(
        mut,
        dup,
        has_one = submission @ MeritError::AccountMismatch,
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

    /// What this vote forfeits: the whole bond when unrevealed, `incoherence_slash_bps`
    /// of it (rounded up) when revealed far from consensus.
    fn slash_amount(&self) -> Result<(SlashKind, u64)> {
        self.submission.require_final()?;
        require!(!self.vote.slashed, MeritError::AlreadySlashed);
        self.vote
            .slash_due(&self.submission, &self.task.load()?.rules)?
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
    let (params, epoch) = {
        let config = a.payout.config.load()?;
        (config.params, config.current_epoch)
    };
    let failure = match kind {
        SlashKind::MissingReveal => RepEvent::MissedReveal,
        _ => RepEvent::Incoherent,
    };
    let value = a.task.load()?.seat_value(a.vote.weight)?;
    emit!(a.stake.record_outcome(failure, epoch, &params, value)?);
    emit!(a
        .stake
        .record_outcome(RepEvent::Slashed, epoch, &params, 0)?);
    let target = a.vote.key();
    emit!(a.payout.execute(
        &mut a.stake,
        a.offender_vesting.to_account_info(),
        kind,
        target,
        amount,
        a.task.load()?.rules.slasher_reward_bps,
    )?);
    Ok(())
}
