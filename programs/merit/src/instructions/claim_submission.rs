use crate::constants::*;
use crate::error::MeritError;
use crate::events::SubmissionClaimed;
use crate::math::{mul_div_floor, SafeMath};
use crate::payout::{Beneficiary, Source};
use crate::state::{Config, Outcome, Stake, Submission, Task, Vesting};
use crate::token::{require_distinct, TokenMove};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

#[derive(Accounts)]
pub struct ClaimSubmission<'info> {
    #[account(mut)]
    pub contributor: Signer<'info>,
    #[account(seeds = [CONFIG_SEED], bump = config.bump)]
    pub config: Box<Account<'info, Config>>,
    #[account(
        mut,
        dup,
        seeds = [TASK_SEED, task.creator.as_ref(), &task.id.to_le_bytes()],
        bump = task.bump,
    )]
    pub task: Box<Account<'info, Task>>,
    #[account(
        mut,
        dup,
        seeds = [SUBMISSION_SEED, task.key().as_ref(), contributor.key().as_ref()],
        bump = submission.bump,
        has_one = task @ MeritError::AccountMismatch,
        has_one = contributor @ MeritError::AccountMismatch,
    )]
    pub submission: Box<Account<'info, Submission>>,
    #[account(
        mut,
        dup,
        seeds = [STAKE_SEED, contributor.key().as_ref()],
        bump = stake.bump,
    )]
    pub stake: Box<Account<'info, Stake>>,
    #[account(
        mut,
        dup,
        seeds = [TASK_VAULT_SEED, task.key().as_ref()],
        bump = task.vault_bump,
    )]
    pub task_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(mut, dup, token::mint = stake_mint, token::token_program = token_program)]
    pub contributor_token: Box<InterfaceAccount<'info, TokenAccount>>,
    /// Pass exactly when vesting is on: the reward is granted into it.
    #[account(
        init_if_needed,
        payer = contributor,
        space = 8 + Vesting::INIT_SPACE,
        seeds = [VESTING_SEED, contributor.key().as_ref()],
        bump,
    )]
    pub vesting: Option<Box<Account<'info, Vesting>>>,
    #[account(mut, dup, address = config.vesting_vault @ MeritError::AccountMismatch)]
    pub vesting_vault: Option<Box<InterfaceAccount<'info, TokenAccount>>>,
    #[account(address = config.stake_mint @ MeritError::AccountMismatch)]
    pub stake_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(address = config.token_program @ MeritError::AccountMismatch)]
    pub token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl ClaimSubmission<'_> {
    fn validate(&self) -> Result<()> {
        // The accounts are `dup`: this replaces Anchor's duplicate check (`require_distinct`).
        require_distinct(&[
            Some(self.task_vault.key()),
            Some(self.contributor_token.key()),
            self.vesting_vault.as_ref().map(|v| v.key()),
        ])?;
        self.submission.claim_check(&self.task)
    }
}

/// Unlocks the bond and pays an Accepted submission
/// `floor(contributor_pool * score / sum of accepted scores)` (into vesting when on).
#[access_control(ctx.accounts.validate())]
pub fn handle_claim_submission(ctx: Context<ClaimSubmission>) -> Result<()> {
    let a = ctx.accounts;
    let task = &mut a.task;
    let sub = &mut a.submission;
    let mut reward = 0;
    // After `expire_task` the reward went back to the creator: the bond still unlocks.
    if sub.outcome == Outcome::Accepted && task.expired {
        task.accepted_unclaimed = task.accepted_unclaimed.safe_sub(1)?;
    } else if sub.outcome == Outcome::Accepted {
        reward = mul_div_floor(
            task.contributor_pool()?,
            u64::from(sub.consensus_score),
            task.accepted_score_sum,
        )?;
        task.contributor_liability = task.contributor_liability.safe_sub(reward)?;
        task.accepted_unclaimed = task.accepted_unclaimed.safe_sub(1)?;
        if task.accepted_unclaimed == 0 {
            // The last claimant is paid: what is left of the pool is rounding dust.
            task.contributor_liability = 0;
        }
        task.paid_out = task.paid_out.safe_add(reward)?;
    }
    sub.claimed = true;
    sub.reward_paid = reward;
    a.stake.unlock(sub.bond)?;
    a.stake.invariant()?;
    task.invariant()?;
    let tokens = TokenMove::new(&a.token_program, &a.stake_mint);
    let now = Clock::get()?.unix_timestamp;
    let duration = task.rules.vesting_duration_secs;
    task.with_signer(|seeds| {
        Beneficiary {
            owner: a.contributor.key(),
            owner_token: a.contributor_token.to_account_info(),
            vesting: a.vesting.as_deref_mut(),
            vesting_bump: ctx.bumps.vesting,
            vesting_vault: a.vesting_vault.as_ref().map(|v| v.to_account_info()),
        }
        .receive(
            Source {
                tokens: &tokens,
                vault: a.task_vault.to_account_info(),
                authority: task.to_account_info(),
                signer_seeds: seeds,
            },
            reward,
            duration,
            now,
        )
    })?;
    emit!(SubmissionClaimed {
        submission: sub.key(),
        contributor: sub.contributor,
        reward,
        bond_unlocked: sub.bond,
    });
    Ok(())
}
