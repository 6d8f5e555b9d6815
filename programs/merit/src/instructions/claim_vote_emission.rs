use crate::constants::*;
use crate::error::MeritError;
use crate::events::EmissionClaimed;
use crate::payout::Beneficiary;
use crate::state::{Config, Epoch, Side, Task, Vesting, Vote};
use crate::token::{require_distinct, TokenMove};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

#[derive(Accounts)]
pub struct ClaimVoteEmission<'info> {
    #[account(mut)]
    pub validator: Signer<'info>,
    #[account(mut, dup, seeds = [CONFIG_SEED], bump = config.bump)]
    pub config: Box<Account<'info, Config>>,
    #[account(
        mut,
        dup,
        seeds = [EPOCH_SEED, &vote.epoch.to_le_bytes()],
        bump = epoch.bump,
    )]
    pub epoch: Box<Account<'info, Epoch>>,
    #[account(
        mut,
        dup,
        seeds = [VOTE_SEED, vote.submission.as_ref(), validator.key().as_ref()],
        bump = vote.bump,
        has_one = validator @ MeritError::AccountMismatch,
    )]
    pub vote: Box<Account<'info, Vote>>,
    /// The vote's task, whose emission cap bounds the claim.
    #[account(mut, dup, address = vote.task @ MeritError::AccountMismatch)]
    pub task: Box<Account<'info, Task>>,
    #[account(mut, dup, address = config.emission_vault @ MeritError::AccountMismatch)]
    pub emission_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(mut, dup, token::mint = stake_mint, token::token_program = token_program)]
    pub validator_token: Box<InterfaceAccount<'info, TokenAccount>>,
    /// Pass exactly when vesting is on: the emission is granted into it.
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

impl ClaimVoteEmission<'_> {
    fn validate(&self) -> Result<()> {
        // The accounts are `dup`: this replaces Anchor's duplicate check (`require_distinct`).
        require_distinct(&[
            Some(self.emission_vault.key()),
            Some(self.validator_token.key()),
            self.vesting_vault.as_ref().map(|v| v.key()),
        ])?;
        self.vote.emission_claim_check()
    }
}

/// Pays a coherent vote (claimed with `claim_vote`, which fixes its points) its share of
/// its epoch's validator emission, `floor(validator_emission * points / validator points)`,
/// once the epoch is closed, up to what is left of its task's emission cap.
#[access_control(ctx.accounts.validate())]
pub fn handle_claim_vote_emission(ctx: Context<ClaimVoteEmission>) -> Result<()> {
    let a = ctx.accounts;
    let points = a.vote.points;
    let (amount, forfeited) =
        a.config
            .settle_emission(&mut a.epoch, Side::Validator, points, &mut a.task)?;
    a.task.invariant()?;
    a.vote.emission_claimed = true;
    a.vote.invariant()?;
    let vesting_duration = a.epoch.vesting_duration_secs;
    Beneficiary {
        owner: a.validator.key(),
        owner_token: a.validator_token.to_account_info(),
        vesting: a.vesting.as_deref_mut(),
        vesting_bump: ctx.bumps.vesting,
        vesting_vault: a.vesting_vault.as_ref().map(|v| v.to_account_info()),
    }
    .receive_emission(
        &TokenMove::new(&a.token_program, &a.stake_mint),
        &a.config,
        a.emission_vault.to_account_info(),
        amount,
        vesting_duration,
    )?;
    emit!(EmissionClaimed {
        epoch: a.epoch.index,
        source: a.vote.key(),
        owner: a.validator.key(),
        points,
        amount,
        forfeited,
        vested: vesting_duration > 0,
    });
    Ok(())
}
