use super::groups::*;
use crate::error::MeritError;
use crate::state::{Epoch, Side, Task, Vote};
use anchor_lang::prelude::*;

#[derive(Accounts)]
pub struct ClaimVoteEmission<'info> {
    /// `payout.claimant` is the validator.
    pub payout: EmissionPayout<'info>,
    #[account(
        mut,
        dup,
        constraint = epoch.index == vote.epoch @ MeritError::AccountMismatch,
    )]
    pub epoch: Box<Account<'info, Epoch>>,
    #[account(
        mut,
        dup,
        constraint = vote.validator == payout.claimant.key() @ MeritError::AccountMismatch,
    )]
    pub vote: Box<Account<'info, Vote>>,
    /// The vote's task, whose emission cap bounds the claim.
    #[account(mut, dup, address = vote.task @ MeritError::AccountMismatch)]
    pub task: AccountLoader<'info, Task>,
}

impl ClaimVoteEmission<'_> {
    fn validate(&self) -> Result<()> {
        self.payout.validate()?;
        self.vote.emission_claim_check()
    }
}

/// Pays a coherent vote (claimed with `claim_vote`, which fixes its points) its share of
/// its epoch's validator emission, `floor(validator_emission * points / validator points)`,
/// once the epoch is closed, up to what is left of its task's emission cap.
#[access_control(ctx.accounts.validate())]
pub fn handle_claim_vote_emission(ctx: Context<ClaimVoteEmission>) -> Result<()> {
    let a = ctx.accounts;
    let claimed = a.payout.pay(
        &mut a.epoch,
        Side::Validator,
        a.vote.key(),
        a.vote.points,
        &mut *a.task.load_mut()?,
    )?;
    a.vote.emission_claimed = true;
    a.vote.invariant()?;
    emit!(claimed);
    Ok(())
}
