use super::groups::*;
use crate::error::MeritError;
use crate::events::SlashKind;
use crate::state::{Outcome, RepEvent, Stake, Submission, Task};
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
        self.submission.require_final()?;
        require!(
            self.submission.outcome.forfeits_bond(),
            MeritError::SubmissionNotRejected
        );
        require!(!self.submission.slashed, MeritError::AlreadySlashed);
        Ok(())
    }
}

/// Slashes the whole bond of a Rejected, Duplicate or Unrevealed submission.
#[access_control(ctx.accounts.validate())]
pub fn handle_slash_submission(ctx: Context<SlashSubmission>) -> Result<()> {
    let a = ctx.accounts;
    let amount = a.submission.bond;
    a.submission.slashed = true;
    let (params, epoch) = {
        let config = a.payout.config.load()?;
        (config.params, config.current_epoch)
    };
    emit!(a
        .stake
        .record_outcome(RepEvent::Slashed, epoch, &params, 0)?);
    let kind = match a.submission.outcome {
        Outcome::Duplicate => SlashKind::DuplicateSubmission,
        Outcome::Unrevealed => SlashKind::UnrevealedSubmission,
        _ => SlashKind::RejectedSubmission,
    };
    let target = a.submission.key();
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
