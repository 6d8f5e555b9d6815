use crate::constants::*;
use crate::error::MeritError;
use crate::events::VoteClaimed;
use crate::math::{mul_div_floor, SafeMath};
use crate::payout::{Beneficiary, Source};
use crate::state::{merit_points, Config, RepEvent, Stake, Submission, Task, Vesting, Vote};
use crate::token::{require_distinct, TokenMove};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

#[derive(Accounts)]
pub struct ClaimVote<'info> {
    #[account(mut)]
    pub validator: Signer<'info>,
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
        seeds = [SUBMISSION_SEED, task.key().as_ref(), submission.contributor.as_ref()],
        bump = submission.bump,
        has_one = task @ MeritError::AccountMismatch,
    )]
    pub submission: Box<Account<'info, Submission>>,
    #[account(
        mut,
        dup,
        seeds = [VOTE_SEED, submission.key().as_ref(), validator.key().as_ref()],
        bump = vote.bump,
        has_one = submission @ MeritError::AccountMismatch,
        has_one = validator @ MeritError::AccountMismatch,
    )]
    pub vote: Box<Account<'info, Vote>>,
    #[account(
        mut,
        dup,
        seeds = [STAKE_SEED, validator.key().as_ref()],
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
    pub validator_token: Box<InterfaceAccount<'info, TokenAccount>>,
    /// Pass exactly when vesting is on: the reward is granted into it.
    #[account(
        init_if_needed,
        payer = validator,
        space = 8 + Vesting::INIT_SPACE,
        seeds = [VESTING_SEED, validator.key().as_ref()],
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

impl ClaimVote<'_> {
    fn validate(&self) -> Result<()> {
        // The accounts are `dup`: this replaces Anchor's duplicate check (`require_distinct`).
        require_distinct(&[
            Some(self.task_vault.key()),
            Some(self.validator_token.key()),
            self.vesting_vault.as_ref().map(|v| v.key()),
        ])?;
        self.vote
            .claim_check(&self.submission, &self.task.rules)
            .map(|_| ())
    }
}

/// Unlocks the vote's remaining bond and pays a coherent voter
/// `floor(pool * weight / coherent weight)`, where `pool = validator_pool / submissions +
/// the submission's fee`
/// (into vesting when on). A coherent vote also records its merit points and a good
/// outcome in the validator's reputation.
#[access_control(ctx.accounts.validate())]
pub fn handle_claim_vote(ctx: Context<ClaimVote>) -> Result<()> {
    let a = ctx.accounts;
    let coherent = a.vote.claim_check(&a.submission, &a.task.rules)?;
    let task = &mut a.task;
    let sub = &mut a.submission;
    let vote = &mut a.vote;
    let mut reward = 0;
    if coherent {
        let params = a.config.params;
        let value = task.vote_value(vote.weight, sub.coherent_weight)?;
        a.stake
            .record_outcome(RepEvent::Coherent, a.config.current_epoch, &params, value)?;
        vote.points = merit_points(value, vote.multiplier_bps)?;
        vote.epoch = sub.epoch;
        sub.coherent_unclaimed = sub.coherent_unclaimed.safe_sub(1)?;
        // After `expire_task` the pool went back to the creator: the bond still unlocks.
        if !task.expired {
            let slice = sub.judge_pool(task)?;
            reward = mul_div_floor(slice, vote.weight, sub.coherent_weight)?;
            sub.validator_paid = sub.validator_paid.safe_add(reward)?;
            task.validator_liability = task.validator_liability.safe_sub(reward)?;
            if sub.coherent_unclaimed == 0 {
                // The last coherent voter is paid: the slice's rounding dust is released.
                let dust = slice.safe_sub(sub.validator_paid)?;
                task.validator_liability = task.validator_liability.safe_sub(dust)?;
            }
            task.paid_out = task.paid_out.safe_add(reward)?;
        }
    }
    let unlocked = vote.bond_remaining;
    vote.bond_remaining = 0;
    vote.claimed = true;
    vote.reward_paid = reward;
    a.stake.unlock(unlocked)?;
    a.stake.invariant()?;
    vote.invariant()?;
    sub.invariant()?;
    task.invariant()?;
    let tokens = TokenMove::new(&a.token_program, &a.stake_mint);
    let now = Clock::get()?.unix_timestamp;
    let duration = task.rules.vesting_duration_secs;
    task.with_signer(|seeds| {
        Beneficiary {
            owner: a.validator.key(),
            owner_token: a.validator_token.to_account_info(),
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
    emit!(VoteClaimed {
        vote: vote.key(),
        validator: vote.validator,
        reward,
        bond_unlocked: unlocked,
    });
    Ok(())
}
