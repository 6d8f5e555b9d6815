use crate::error::MeritError;
use crate::events::TaskCancelled;
use crate::state::{Config, Task};
use crate::token::{require_distinct, TokenMove};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{TokenAccount, TokenInterface};

#[derive(Accounts)]
pub struct CancelTask<'info> {
    #[account(mut)]
    pub creator: Signer<'info>,
    pub config: AccountLoader<'info, Config>,
    #[account(
        mut,
        dup,
        close = creator,
        has_one = creator @ MeritError::NotTaskCreator,
    )]
    pub task: AccountLoader<'info, Task>,
    #[account(
        mut,
        dup,
        address = task.load()?.vault @ MeritError::AccountMismatch,
    )]
    pub task_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(
        mut,
        dup,
        token::mint = stake_mint,
        token::token_program = token_program,
    )]
    pub creator_token: Box<InterfaceAccount<'info, TokenAccount>>,
    /// CHECK: the config's stake mint, pinned by address; only the token program reads it.
    #[account(address = config.load()?.stake_mint @ MeritError::AccountMismatch)]
    pub stake_mint: UncheckedAccount<'info>,
    #[account(address = config.load()?.token_program @ MeritError::AccountMismatch)]
    pub token_program: Interface<'info, TokenInterface>,
}

impl CancelTask<'_> {
    /// Only a task nobody has submitted to can be cancelled.
    fn validate(&self) -> Result<()> {
        require_distinct(&[Some(self.task_vault.key()), Some(self.creator_token.key())])?;
        require!(
            self.task.load()?.submission_count == 0,
            MeritError::TaskHasSubmissions
        );
        Ok(())
    }
}

/// Refunds the reward and bounty, closes the vault and the task. Only before any submission.
#[access_control(ctx.accounts.validate())]
pub fn handle_cancel_task(ctx: Context<CancelTask>) -> Result<()> {
    let a = ctx.accounts;
    let refunded = a.task_vault.amount;
    let tokens = TokenMove::new(
        &a.token_program,
        &a.stake_mint,
        a.config.load()?.mint_decimals,
    );
    let signer = a.task.load()?.signer();
    signer.with(|seeds| {
        tokens.transfer(
            a.task_vault.to_account_info(),
            a.creator_token.to_account_info(),
            a.task.to_account_info(),
            refunded,
            seeds,
        )?;
        tokens.close(
            a.task_vault.to_account_info(),
            a.creator.to_account_info(),
            a.task.to_account_info(),
            seeds,
        )
    })?;
    emit!(TaskCancelled {
        task: a.task.key(),
        creator: a.creator.key(),
        refunded,
    });
    Ok(())
}
