use crate::error::MeritError;
use crate::events::TaskFinalized;
use crate::state::{Config, Task};
use crate::token::TokenMove;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

#[derive(Accounts)]
pub struct FinalizeTask<'info> {
    /// Anyone; receives the keeper bounty.
    #[account(mut)]
    pub keeper: Signer<'info>,
    pub config: AccountLoader<'info, Config>,
    #[account(mut, dup)]
    pub task: AccountLoader<'info, Task>,
    #[account(
        mut,
        dup,
        address = task.load()?.vault @ MeritError::AccountMismatch,
    )]
    /// CHECK: Merit's own token account, pinned by address; the token program checks it.
    pub task_vault: UncheckedAccount<'info>,
    /// Receives the contributor pool's share of work that ended unjudged.
    #[account(mut, dup, address = config.load()?.treasury_vault @ MeritError::AccountMismatch)]
    /// CHECK: Merit's own token account, pinned by address; the token program checks it.
    pub treasury_vault: UncheckedAccount<'info>,
    /// CHECK: the config's stake mint, pinned by address; only the token program reads it.
    #[account(address = config.load()?.stake_mint @ MeritError::AccountMismatch)]
    pub stake_mint: UncheckedAccount<'info>,
    #[account(address = config.load()?.token_program @ MeritError::AccountMismatch)]
    pub token_program: Interface<'info, TokenInterface>,
}

impl FinalizeTask<'_> {
    fn validate(&self) -> Result<()> {
        let task = self.task.load()?;
        task.finalize_check(task.clock(self.config.load()?.pause(), Clock::get()?.unix_timestamp)?)
    }
}

/// Closes the task's books: fixes what accepted contributors are owed, sends the share of
/// unjudged work to the treasury (never back to the creator), and opens claims.
#[access_control(ctx.accounts.validate())]
pub fn handle_finalize_task(ctx: Context<FinalizeTask>) -> Result<()> {
    let a = ctx.accounts;
    let mut task = a.task.load_mut()?;
    let unjudged_share = task.finish(Clock::get()?.unix_timestamp)?;
    let bounty = task.take_bounty()?;
    task.invariant()?;
    let (signer, accepted, submissions, unjudged) = (
        task.signer(),
        task.accepted_count,
        task.submission_count,
        task.unjudged_count,
    );
    drop(task);
    let tokens = TokenMove::new(
        &a.token_program,
        &a.stake_mint,
        a.config.load()?.mint_decimals,
    );
    signer.with(|seeds| {
        tokens.transfer(
            a.task_vault.to_account_info(),
            a.treasury_vault.to_account_info(),
            a.task.to_account_info(),
            unjudged_share,
            seeds,
        )
    })?;
    Task::pay_bounty(
        &a.task.to_account_info(),
        &a.keeper.to_account_info(),
        bounty,
    )?;
    emit!(TaskFinalized {
        task: a.task.key(),
        accepted,
        submissions,
        unjudged,
        unjudged_share,
        keeper: a.keeper.key(),
        bounty_lamports: bounty,
    });
    Ok(())
}
