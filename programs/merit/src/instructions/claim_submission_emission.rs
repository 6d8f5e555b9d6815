use super::groups::*;
use crate::error::MeritError;
use crate::state::{Epoch, Side, Submission, Task};
use anchor_lang::prelude::*;

#[derive(Accounts)]
pub struct ClaimSubmissionEmission<'info> {
    /// `payout.claimant` is the contributor.
    pub payout: EmissionPayout<'info>,
    #[account(
        mut,
        dup,
        constraint = epoch.index == submission.epoch @ MeritError::AccountMismatch,
    )]
    pub epoch: Box<Account<'info, Epoch>>,
    #[account(
        mut,
        dup,
        constraint = submission.contributor == payout.claimant.key() @ MeritError::AccountMismatch,
    )]
    pub submission: Box<Account<'info, Submission>>,
    /// The submission's task, whose emission cap bounds the claim.
    #[account(mut, dup, address = submission.task @ MeritError::AccountMismatch)]
    pub task: AccountLoader<'info, Task>,
}

impl ClaimSubmissionEmission<'_> {
    fn validate(&self) -> Result<()> {
        self.payout.validate()?;
        self.submission.emission_claim_check()
    }
}

/// Pays an accepted submission its share of its epoch's contributor emission,
/// `floor(contributor_emission * points / contributor points)`, once the epoch is closed,
/// up to what is left of its task's emission cap.
#[access_control(ctx.accounts.validate())]
pub fn handle_claim_submission_emission(ctx: Context<ClaimSubmissionEmission>) -> Result<()> {
    let a = ctx.accounts;
    let claimed = a.payout.pay(
        &mut a.epoch,
        Side::Contributor,
        a.submission.key(),
        a.submission.points,
        &mut *a.task.load_mut()?,
    )?;
    a.submission.emission_claimed = true;
    emit!(claimed);
    Ok(())
}
