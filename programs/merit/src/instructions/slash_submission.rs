use crate::constants::*;
use crate::error::MeritError;
use crate::events::{SlashKind, Slashed};
use crate::state::{Config, Outcome, Stake, Submission, Task};
use crate::token::TokenMove;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

#[derive(Accounts)]
pub struct SlashSubmission<'info> {
    /// Anyone; receives `slasher_reward_bps` of the slash.
    pub slasher: Signer<'info>,
    #[account(mut, seeds = [CONFIG_SEED], bump = config.bump)]
    pub config: Box<Account<'info, Config>>,
    #[account(
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
    #[account(
        mut,
        seeds = [STAKE_SEED, submission.contributor.as_ref()],
        bump = stake.bump,
    )]
    pub stake: Box<Account<'info, Stake>>,
    #[account(mut, address = config.stake_vault @ MeritError::AccountMismatch)]
    pub stake_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(mut, address = config.treasury_vault @ MeritError::AccountMismatch)]
    pub treasury_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(mut, token::mint = stake_mint, token::token_program = token_program)]
    pub slasher_token: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(address = config.stake_mint @ MeritError::AccountMismatch)]
    pub stake_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(address = config.token_program @ MeritError::AccountMismatch)]
    pub token_program: Interface<'info, TokenInterface>,
}

impl SlashSubmission<'_> {
    fn validate(&self) -> Result<()> {
        self.submission.require_final()?;
        require!(
            self.submission.outcome == Outcome::Rejected,
            MeritError::SubmissionNotRejected
        );
        require!(!self.submission.slashed, MeritError::AlreadySlashed);
        Ok(())
    }
}

/// Slashes a Rejected submission's whole bond.
#[access_control(ctx.accounts.validate())]
pub fn handle_slash_submission(ctx: Context<SlashSubmission>) -> Result<()> {
    let a = ctx.accounts;
    let amount = a.submission.bond;
    a.submission.slashed = true;
    a.stake.slash_locked(amount)?;
    a.stake.invariant()?;
    let split = TokenMove::new(&a.token_program, &a.stake_mint).pay_slash(
        &mut a.config,
        a.stake_vault.to_account_info(),
        a.treasury_vault.to_account_info(),
        a.slasher_token.to_account_info(),
        amount,
        a.task.rules.slasher_reward_bps,
    )?;
    emit!(Slashed {
        kind: SlashKind::RejectedSubmission,
        target: a.submission.key(),
        offender: a.submission.contributor,
        amount,
        to_treasury: split.to_treasury,
        to_slasher: split.to_slasher,
        slasher: a.slasher.key(),
    });
    Ok(())
}
