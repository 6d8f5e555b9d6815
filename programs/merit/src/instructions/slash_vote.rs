use crate::constants::*;
use crate::error::MeritError;
use crate::events::{SlashKind, Slashed};
use crate::math::SafeMath;
use crate::payout::Slash;
use crate::state::{Config, RepEvent, Stake, Submission, Task, Vesting, Vote};
use crate::token::TokenMove;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

#[derive(Accounts)]
pub struct SlashVote<'info> {
    /// Anyone; receives `slasher_reward_bps` of the slash.
    #[account(mut)]
    pub slasher: Signer<'info>,
    #[account(mut, seeds = [CONFIG_SEED], bump = config.bump)]
    pub config: Box<Account<'info, Config>>,
    #[account(
        seeds = [TASK_SEED, task.creator.as_ref(), &task.id.to_le_bytes()],
        bump = task.bump,
    )]
    pub task: Box<Account<'info, Task>>,
    #[account(
        seeds = [SUBMISSION_SEED, task.key().as_ref(), submission.contributor.as_ref()],
        bump = submission.bump,
        has_one = task @ MeritError::AccountMismatch,
    )]
    pub submission: Box<Account<'info, Submission>>,
    #[account(
        mut,
        seeds = [VOTE_SEED, submission.key().as_ref(), vote.validator.as_ref()],
        bump = vote.bump,
        has_one = submission @ MeritError::AccountMismatch,
    )]
    pub vote: Box<Account<'info, Vote>>,
    #[account(
        mut,
        seeds = [STAKE_SEED, vote.validator.as_ref()],
        bump = stake.bump,
    )]
    pub stake: Box<Account<'info, Stake>>,
    /// CHECK: the validator's vesting PDA (pinned by seeds); it may not exist. When it
    /// does, the slash takes from its unvested balance first.
    #[account(mut, seeds = [VESTING_SEED, vote.validator.as_ref()], bump)]
    pub offender_vesting: UncheckedAccount<'info>,
    #[account(mut, address = config.stake_vault @ MeritError::AccountMismatch)]
    pub stake_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(mut, address = config.vesting_vault @ MeritError::AccountMismatch)]
    pub vesting_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(mut, address = config.treasury_vault @ MeritError::AccountMismatch)]
    pub treasury_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(mut, token::mint = stake_mint, token::token_program = token_program)]
    pub slasher_token: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The slasher's vesting account: receives the slasher's share of what the slash
    /// takes from the offender's unvested rewards. Without it that share goes to the
    /// treasury. Not when slashing your own stake.
    #[account(
        init_if_needed,
        payer = slasher,
        space = 8 + Vesting::INIT_SPACE,
        seeds = [VESTING_SEED, slasher.key().as_ref()],
        bump,
        constraint = slasher.key() != vote.validator @ MeritError::SelfSlashVesting,
    )]
    pub slasher_vesting: Option<Box<Account<'info, Vesting>>>,
    #[account(address = config.stake_mint @ MeritError::AccountMismatch)]
    pub stake_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(address = config.token_program @ MeritError::AccountMismatch)]
    pub token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl SlashVote<'_> {
    fn validate(&self) -> Result<()> {
        self.slash_amount().map(|_| ())
    }

    /// What this vote forfeits: the whole bond when unrevealed, `incoherence_slash_bps`
    /// of it (rounded up) when revealed far from consensus.
    fn slash_amount(&self) -> Result<(SlashKind, u64)> {
        self.submission.require_final()?;
        require!(!self.vote.slashed, MeritError::AlreadySlashed);
        self.vote
            .slash_due(&self.submission, &self.task.rules)?
            .ok_or_else(|| error!(MeritError::VoteNotSlashable))
    }
}

/// Slashes an unrevealed vote's whole bond, or part of an incoherent vote's bond, and
/// records the failure in the validator's reputation.
#[access_control(ctx.accounts.validate())]
pub fn handle_slash_vote(ctx: Context<SlashVote>) -> Result<()> {
    let a = ctx.accounts;
    let now = Clock::get()?.unix_timestamp;
    let (kind, amount) = a.slash_amount()?;
    a.vote.slashed = true;
    a.vote.bond_remaining = a.vote.bond_remaining.safe_sub(amount)?;
    a.vote.invariant()?;
    let params = a.config.params;
    let epoch = a.config.current_epoch;
    let failure = match kind {
        SlashKind::MissingReveal => RepEvent::MissedReveal,
        _ => RepEvent::Incoherent,
    };
    let value = a.task.seat_value(a.vote.weight)?;
    a.stake.record_outcome(failure, epoch, &params, value)?;
    a.stake
        .record_outcome(RepEvent::Slashed, epoch, &params, 0)?;
    let split = Slash {
        tokens: TokenMove::new(&a.token_program, &a.stake_mint),
        config: &mut a.config,
        stake: &mut a.stake,
        offender_vesting: a.offender_vesting.to_account_info(),
        stake_vault: a.stake_vault.to_account_info(),
        vesting_vault: a.vesting_vault.to_account_info(),
        treasury: a.treasury_vault.to_account_info(),
        slasher: a.slasher.key(),
        slasher_token: a.slasher_token.to_account_info(),
        slasher_vesting: a.slasher_vesting.as_deref_mut(),
        slasher_vesting_bump: ctx.bumps.slasher_vesting,
    }
    .execute(amount, a.task.rules.slasher_reward_bps, now)?;
    emit!(Slashed {
        kind,
        target: a.vote.key(),
        offender: a.vote.validator,
        amount,
        to_treasury: split.to_treasury,
        to_slasher: split.to_slasher,
        to_slasher_vesting: split.to_slasher_vesting,
        from_vesting: split.from_vesting,
        slasher: a.slasher.key(),
    });
    Ok(())
}
