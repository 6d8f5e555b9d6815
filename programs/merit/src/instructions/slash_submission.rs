use super::groups::*;
use crate::error::MeritError;
use crate::events::ReputationUpdated;
use crate::state::{RepEvent, Stake, Submission, Task};
use anchor_lang::prelude::*;

#[derive(Accounts)]
pub struct SlashSubmission<'info> {
    pub payout: SlashPayout<'info>,
    pub task: AccountLoader<'info, Task>,
    #[account(
        mut,
        dup,
        has_one = task @ MeritError::AccountMismatch,
    )]
    pub submission: Box<Account<'info, Submission>>,
    #[account(
        mut,
        dup,
        constraint = stake.owner == submission.contributor @ MeritError::AccountMismatch,
    )]
    pub stake: Box<Account<'info, Stake>>,
    /// The contributor's vesting account (`["vesting", contributor]`); it may not exist. When it
    /// does, the slash takes from its unvested balance first.
    /// CHECK: by `VestingSlot` (an existing one by type and owner, a missing one by address).
    #[account(mut)]
    pub offender_vesting: UncheckedAccount<'info>,
}

impl SlashSubmission<'_> {
    fn validate(&self) -> Result<()> {
        self.payout.validate(&self.submission.contributor)?;
        self.submission.slash_due().map(|_| ())
    }
}

/// Slashes the whole bond of a Rejected, Duplicate or Unrevealed submission
/// (`Submission::slash_due`).
#[access_control(ctx.accounts.validate())]
pub fn handle_slash_submission(ctx: Context<SlashSubmission>) -> Result<()> {
    let a = ctx.accounts;
    let (kind, amount) = a.submission.slash_due()?;
    a.submission.slashed = true;
    let epoch = a.payout.config.load()?.current_epoch;
    let rules = a.task.load()?.rules;
    emit!(ReputationUpdated::from(a.stake.record_outcome(
        RepEvent::Slashed,
        epoch,
        &rules.rep(),
        0
    )?));
    let target = a.submission.key();
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
