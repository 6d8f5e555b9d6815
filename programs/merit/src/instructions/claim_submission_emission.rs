use crate::constants::*;
use crate::error::MeritError;
use crate::events::EmissionClaimed;
use crate::payout::Beneficiary;
use crate::state::{Config, Epoch, Side, Submission, Task, Vesting};
use crate::token::{require_distinct, TokenMove};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

#[derive(Accounts)]
pub struct ClaimSubmissionEmission<'info> {
    #[account(mut)]
    pub contributor: Signer<'info>,
    #[account(mut, dup, seeds = [CONFIG_SEED], bump = config.bump)]
    pub config: Box<Account<'info, Config>>,
    #[account(
        mut,
        dup,
        seeds = [EPOCH_SEED, &submission.epoch.to_le_bytes()],
        bump = epoch.bump,
    )]
    pub epoch: Box<Account<'info, Epoch>>,
    #[account(
        mut,
        dup,
        seeds = [SUBMISSION_SEED, submission.task.as_ref(), contributor.key().as_ref()],
        bump = submission.bump,
        has_one = contributor @ MeritError::AccountMismatch,
    )]
    pub submission: Box<Account<'info, Submission>>,
    /// The submission's task, whose emission cap bounds the claim.
    #[account(mut, dup, address = submission.task @ MeritError::AccountMismatch)]
    pub task: Box<Account<'info, Task>>,
    #[account(mut, dup, address = config.emission_vault @ MeritError::AccountMismatch)]
    pub emission_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(mut, dup, token::mint = stake_mint, token::token_program = token_program)]
    pub contributor_token: Box<InterfaceAccount<'info, TokenAccount>>,
    /// Pass exactly when vesting is on: the emission is granted into it.
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

impl ClaimSubmissionEmission<'_> {
    fn validate(&self) -> Result<()> {
        // The accounts are `dup`: this replaces Anchor's duplicate check (`require_distinct`).
        require_distinct(&[
            Some(self.emission_vault.key()),
            Some(self.contributor_token.key()),
            self.vesting_vault.as_ref().map(|v| v.key()),
        ])?;
        self.submission.emission_claim_check()
    }
}

/// Pays an accepted submission its share of its epoch's contributor emission,
/// `floor(contributor_emission * points / contributor points)`, once the epoch is closed,
/// up to what is left of its task's emission cap.
#[access_control(ctx.accounts.validate())]
pub fn handle_claim_submission_emission(ctx: Context<ClaimSubmissionEmission>) -> Result<()> {
    let a = ctx.accounts;
    let points = a.submission.points;
    let (amount, forfeited) =
        a.config
            .settle_emission(&mut a.epoch, Side::Contributor, points, &mut a.task)?;
    a.task.invariant()?;
    a.submission.emission_claimed = true;
    let vesting_duration = a.epoch.vesting_duration_secs;
    Beneficiary {
        owner: a.contributor.key(),
        owner_token: a.contributor_token.to_account_info(),
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
        source: a.submission.key(),
        owner: a.contributor.key(),
        points,
        amount,
        forfeited,
        vested: vesting_duration > 0,
    });
    Ok(())
}
