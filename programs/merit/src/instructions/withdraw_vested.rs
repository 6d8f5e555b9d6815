use crate::error::MeritError;
use crate::events::VestedWithdrawn;
use crate::state::{Config, Vesting};
use crate::token::{require_distinct, TokenMove};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{TokenAccount, TokenInterface};

#[derive(Accounts)]
pub struct WithdrawVested<'info> {
    pub owner: Signer<'info>,
    pub config: AccountLoader<'info, Config>,
    #[account(
        mut,
        dup,
        has_one = owner @ MeritError::AccountMismatch,
    )]
    pub vesting: Box<Account<'info, Vesting>>,
    #[account(mut, dup, address = config.load()?.vesting_vault @ MeritError::AccountMismatch)]
    /// CHECK: Merit's own token account, pinned by address; the token program checks it.
    pub vesting_vault: UncheckedAccount<'info>,
    #[account(mut, dup, token::mint = stake_mint, token::token_program = token_program)]
    pub owner_token: Box<InterfaceAccount<'info, TokenAccount>>,
    /// CHECK: the config's stake mint, pinned by address; only the token program reads it.
    #[account(address = config.load()?.stake_mint @ MeritError::AccountMismatch)]
    pub stake_mint: UncheckedAccount<'info>,
    #[account(address = config.load()?.token_program @ MeritError::AccountMismatch)]
    pub token_program: Interface<'info, TokenInterface>,
}

impl WithdrawVested<'_> {
    fn validate(&self) -> Result<()> {
        require_distinct(&[Some(self.vesting_vault.key()), Some(self.owner_token.key())])?;
        let now = Clock::get()?.unix_timestamp;
        require!(
            self.vesting.withdrawable(now)? > 0,
            MeritError::NothingVested
        );
        Ok(())
    }
}

/// Pays out everything vested so far. Works while paused.
#[access_control(ctx.accounts.validate())]
pub fn handle_withdraw_vested(ctx: Context<WithdrawVested>) -> Result<()> {
    let a = ctx.accounts;
    let amount = a.vesting.take_unlocked(Clock::get()?.unix_timestamp)?;
    a.vesting.invariant()?;
    let config_bump = a.config.load()?.bump;
    TokenMove::new(
        &a.token_program,
        &a.stake_mint,
        a.config.load()?.mint_decimals,
    )
    .transfer(
        a.vesting_vault.to_account_info(),
        a.owner_token.to_account_info(),
        a.config.to_account_info(),
        amount,
        &[&Config::signer_seeds_for(&config_bump)],
    )?;
    emit!(VestedWithdrawn {
        owner: a.owner.key(),
        amount,
        unvested: a.vesting.unvested,
    });
    Ok(())
}
