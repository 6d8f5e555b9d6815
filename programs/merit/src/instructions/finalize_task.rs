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
    let (accepted, submissions, unjudged) = (
        task.accepted_count,
        task.submission_count,
        task.unjudged_count,
    );
    drop(task);
    let keeper_pay = KeeperPay {
        task: &a.task,
        task_vault: &a.task_vault,
        treasury_vault: &a.treasury_vault,
        keeper: &a.keeper,
        tokens: TokenMove::new(
            &a.token_program,
            &a.stake_mint,
            a.config.load()?.mint_decimals,
        ),
    };
    keeper_pay.settle(unjudged_share, bounty)?;
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

/// What a keeper's call on a task settles out of it: tokens from the task's vault to the
/// treasury (signed by the task) and the keeper's bounty in lamports. The one path for
/// `finalize_submission` and `finalize_task`.
pub(crate) struct KeeperPay<'a, 'info> {
    pub task: &'a AccountLoader<'info, Task>,
    pub task_vault: &'a UncheckedAccount<'info>,
    pub treasury_vault: &'a UncheckedAccount<'info>,
    pub keeper: &'a Signer<'info>,
    pub tokens: TokenMove<'info>,
}

impl KeeperPay<'_, '_> {
    pub fn settle(&self, to_treasury: u64, bounty: u64) -> Result<()> {
        // Copied out: the task's data must not be borrowed while the transfer runs.
        let signer = self.task.load()?.signer();
        signer.with(|seeds| {
            self.tokens.transfer(
                self.task_vault.to_account_info(),
                self.treasury_vault.to_account_info(),
                self.task.to_account_info(),
                to_treasury,
                seeds,
            )
        })?;
        Task::pay_bounty(
            &self.task.to_account_info(),
            &self.keeper.to_account_info(),
            bounty,
        )
    }
}
