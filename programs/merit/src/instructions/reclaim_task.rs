use crate::error::MeritError;
use crate::events::TaskReclaimed;
use crate::math::SafeMath;
use crate::state::{Config, Task};
use crate::token::{require_distinct, TokenMove};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{TokenAccount, TokenInterface};

#[derive(Accounts)]
pub struct ReclaimTask<'info> {
    #[account(mut)]
    pub creator: Signer<'info>,
    pub config: AccountLoader<'info, Config>,
    #[account(
        mut,
        dup,
        has_one = creator @ MeritError::NotTaskCreator,
    )]
    pub task: AccountLoader<'info, Task>,
    #[account(
        mut,
        dup,
        address = task.load()?.vault @ MeritError::AccountMismatch,
    )]
    pub task_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(mut, dup, token::mint = stake_mint, token::token_program = token_program)]
    pub creator_token: Box<InterfaceAccount<'info, TokenAccount>>,
    /// CHECK: the config's stake mint, pinned by address; only the token program reads it.
    #[account(address = config.load()?.stake_mint @ MeritError::AccountMismatch)]
    pub stake_mint: UncheckedAccount<'info>,
    #[account(address = config.load()?.token_program @ MeritError::AccountMismatch)]
    pub token_program: Interface<'info, TokenInterface>,
}

impl ReclaimTask<'_> {
    fn validate(&self) -> Result<()> {
        require_distinct(&[Some(self.task_vault.key()), Some(self.creator_token.key())])?;
        self.task.load()?.reclaim_check()
    }
}

/// After finalization, returns to the creator every token no one can claim any more
/// (no accepted work, unpaid validator slices, rounding dust) and the unused keeper
/// bounty. Once every submission account is closed and nothing is owed, it also closes
/// the vault and the task, returning their rent. Callable again as claims complete.
#[access_control(ctx.accounts.validate())]
pub fn handle_reclaim_task(ctx: Context<ReclaimTask>) -> Result<()> {
    let a = ctx.accounts;
    let mut task = a.task.load_mut()?;
    let closable = task.closable();
    let reclaimable = task.reclaimable()?;
    // On close, tokens sent to the vault outside the protocol go to the creator too,
    // so a stray transfer can never keep the vault from closing.
    let tokens = if closable {
        a.task_vault.amount
    } else {
        reclaimable
    };
    let lamports = task.bounty_remaining;
    task.reclaimed = task.reclaimed.safe_add(reclaimable)?;
    task.bounty_remaining = 0;
    task.invariant()?;
    // Copied out: the task's data must not be borrowed while the transfers run.
    let signer = task.signer();
    drop(task);
    let token_move = TokenMove::new(
        &a.token_program,
        &a.stake_mint,
        a.config.load()?.mint_decimals,
    );
    signer.with(|seeds| {
        token_move.transfer(
            a.task_vault.to_account_info(),
            a.creator_token.to_account_info(),
            a.task.to_account_info(),
            tokens,
            seeds,
        )?;
        if closable {
            token_move.close(
                a.task_vault.to_account_info(),
                a.creator.to_account_info(),
                a.task.to_account_info(),
                seeds,
            )?;
        }
        Ok::<(), Error>(())
    })?;
    if closable {
        a.task.close(a.creator.to_account_info())?;
    } else {
        Task::pay_bounty(
            &a.task.to_account_info(),
            &a.creator.to_account_info(),
            lamports,
        )?;
    }
    emit!(TaskReclaimed {
        task: a.task.key(),
        creator: a.creator.key(),
        tokens,
        lamports,
        closed: closable,
    });
    Ok(())
}
