use crate::constants::*;
use crate::events::ConfigInitialized;
use crate::state::{Config, ConfigParams, Epoch};
use crate::token::validate_stake_mint;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

#[derive(Accounts)]
pub struct Initialize<'info> {
    #[account(mut)]
    pub admin: Signer<'info>,
    #[account(
        init,
        payer = admin,
        space = 8 + Config::INIT_SPACE,
        seeds = [CONFIG_SEED],
        bump,
    )]
    pub config: AccountLoader<'info, Config>,
    #[account(mint::token_program = token_program)]
    pub stake_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(
        init,
        payer = admin,
        seeds = [STAKE_VAULT_SEED],
        bump,
        token::mint = stake_mint,
        token::authority = config,
        token::token_program = token_program,
    )]
    pub stake_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(
        init,
        payer = admin,
        seeds = [TREASURY_SEED],
        bump,
        token::mint = stake_mint,
        token::authority = config,
        token::token_program = token_program,
    )]
    pub treasury_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(
        init,
        payer = admin,
        seeds = [EMISSION_VAULT_SEED],
        bump,
        token::mint = stake_mint,
        token::authority = config,
        token::token_program = token_program,
    )]
    pub emission_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(
        init,
        payer = admin,
        seeds = [VESTING_VAULT_SEED],
        bump,
        token::mint = stake_mint,
        token::authority = config,
        token::token_program = token_program,
    )]
    pub vesting_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    /// Epoch 0 opens now.
    #[account(
        init,
        payer = admin,
        space = 8 + Epoch::INIT_SPACE,
        seeds = [EPOCH_SEED, &0u64.to_le_bytes()],
        bump,
    )]
    pub first_epoch: Box<Account<'info, Epoch>>,
    pub token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl Initialize<'_> {
    fn validate(&self, params: &ConfigParams) -> Result<()> {
        params.validate()?;
        validate_stake_mint(&self.stake_mint.to_account_info())
    }
}

#[access_control(ctx.accounts.validate(&params))]
pub fn handle_initialize(ctx: Context<Initialize>, params: ConfigParams) -> Result<()> {
    let accounts = ctx.accounts;
    *accounts.config.load_init()? = Config {
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.config,
        stake_vault_bump: ctx.bumps.stake_vault,
        treasury_bump: ctx.bumps.treasury_vault,
        admin: accounts.admin.key(),
        pending_admin: Pubkey::default(),
        has_pending_admin: false,
        stake_mint: accounts.stake_mint.key(),
        token_program: accounts.token_program.key(),
        mint_decimals: accounts.stake_mint.decimals,
        stake_vault: accounts.stake_vault.key(),
        treasury_vault: accounts.treasury_vault.key(),
        params,
        paused: false,
        total_slashed_to_treasury: 0,
        emission_vault: accounts.emission_vault.key(),
        emission_vault_bump: ctx.bumps.emission_vault,
        vesting_vault: accounts.vesting_vault.key(),
        vesting_vault_bump: ctx.bumps.vesting_vault,
        current_epoch: 0,
        emission_funded: 0,
        emission_paid: 0,
        emission_reserved: 0,
        keeper_pool_lamports: 0,
        total_active_stake: 0,
        total_warming_stake: 0,
        pending_params: bytemuck::Zeroable::zeroed(),
        has_pending_params: false,
        padding: [0; 6],
        pending_params_eta: 0,
        paused_at: 0,
        paused_total_secs: 0,
        treasury_pending: 0,
        last_pause_end: 0,
        reserved: [0; 96],
    };
    let now = Clock::get()?.unix_timestamp;
    accounts
        .first_epoch
        .set_inner(Epoch::open(0, ctx.bumps.first_epoch, now, &params)?);
    emit!(ConfigInitialized {
        admin: accounts.admin.key(),
        stake_mint: accounts.stake_mint.key(),
        token_program: accounts.token_program.key(),
        params,
    });
    Ok(())
}
