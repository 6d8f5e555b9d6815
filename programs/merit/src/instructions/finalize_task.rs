use crate::error::MeritError;
use crate::events::TaskFinalized;
use crate::state::{Config, Task, TaskState};
use anchor_lang::prelude::*;

#[derive(Accounts)]
pub struct FinalizeTask<'info> {
    /// Anyone; receives the keeper bounty.
    #[account(mut)]
    pub keeper: Signer<'info>,
    pub config: AccountLoader<'info, Config>,
    #[account(mut, dup)]
    pub task: AccountLoader<'info, Task>,
}

impl FinalizeTask<'_> {
    fn validate(&self) -> Result<()> {
        let task = self.task.load()?;
        require!(
            task.state == TaskState::Open,
            MeritError::TaskAlreadyFinalized
        );
        task.require_reveals_closed(
            task.clock(self.config.load()?.pause(), Clock::get()?.unix_timestamp)?,
        )?;
        require!(
            task.finalized_count == task.submission_count,
            MeritError::SubmissionsPending
        );
        Ok(())
    }
}

/// Closes the task's books: fixes what accepted contributors are owed and opens claims.
#[access_control(ctx.accounts.validate())]
pub fn handle_finalize_task(ctx: Context<FinalizeTask>) -> Result<()> {
    let mut task = ctx.accounts.task.load_mut()?;
    task.state = TaskState::Finalized;
    task.finalized_at = Clock::get()?.unix_timestamp;
    if task.accepted_count > 0 {
        task.contributor_liability = task.contributor_pool()?;
    }
    let bounty = task.take_bounty()?;
    task.invariant()?;
    Task::pay_bounty(
        &ctx.accounts.task.to_account_info(),
        &ctx.accounts.keeper.to_account_info(),
        bounty,
    )?;
    emit!(TaskFinalized {
        task: ctx.accounts.task.key(),
        accepted: task.accepted_count,
        submissions: task.submission_count,
        keeper: ctx.accounts.keeper.key(),
        bounty_lamports: bounty,
    });
    Ok(())
}
