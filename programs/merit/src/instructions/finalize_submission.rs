use crate::constants::*;
use crate::error::MeritError;
use crate::events::SubmissionFinalized;
use crate::math::SafeMath;
use crate::state::{Outcome, Submission, Task};
use anchor_lang::prelude::*;

#[derive(Accounts)]
pub struct FinalizeSubmission<'info> {
    /// Anyone; receives the keeper bounty.
    #[account(mut)]
    pub keeper: Signer<'info>,
    #[account(
        mut,
        seeds = [TASK_SEED, task.creator.as_ref(), &task.id.to_le_bytes()],
        bump = task.bump,
    )]
    pub task: Box<Account<'info, Task>>,
    #[account(
        mut,
        seeds = [SUBMISSION_SEED, task.key().as_ref(), submission.contributor.as_ref()],
        bump = submission.bump,
        has_one = task @ MeritError::AccountMismatch,
    )]
    pub submission: Box<Account<'info, Submission>>,
}

impl FinalizeSubmission<'_> {
    fn validate(&self) -> Result<()> {
        self.task
            .require_reveals_closed(Clock::get()?.unix_timestamp)?;
        require!(
            self.submission.outcome == Outcome::Pending,
            MeritError::AlreadyFinalized
        );
        Ok(())
    }
}

/// Decides the outcome by stake-weighted median and pays the caller one bounty.
#[access_control(ctx.accounts.validate())]
pub fn handle_finalize_submission(ctx: Context<FinalizeSubmission>) -> Result<()> {
    let a = ctx.accounts;
    a.submission.finalize(&a.task)?;
    let sub = &a.submission;
    let task = &mut a.task;
    task.finalized_count = task.finalized_count.safe_add(1)?;
    if sub.outcome == Outcome::Accepted {
        task.accepted_count = task.accepted_count.safe_add(1)?;
        task.accepted_unclaimed = task.accepted_unclaimed.safe_add(1)?;
        task.accepted_score_sum = task
            .accepted_score_sum
            .safe_add(u64::from(sub.consensus_score))?;
    }
    if sub.has_consensus() && sub.coherent_weight > 0 {
        task.validator_liability = task.validator_liability.safe_add(task.validator_slice()?)?;
    }
    let bounty = task.take_bounty()?;
    task.invariant()?;
    sub.invariant(task)?;
    Task::pay_bounty(&task.to_account_info(), &a.keeper.to_account_info(), bounty)?;
    emit!(SubmissionFinalized {
        task: task.key(),
        submission: sub.key(),
        outcome: sub.outcome,
        consensus_score: sub.consensus_score,
        revealed_weight: sub.revealed_weight,
        coherent_weight: sub.coherent_weight,
        keeper: a.keeper.key(),
        bounty_lamports: bounty,
    });
    Ok(())
}
