use crate::error::MeritError;
use crate::events::VestedWithdrawn;
use crate::state::{Config, Vesting};
use crate::token::{require_distinct, TokenMove};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

#[derive(Accounts)]
pub struct WithdrawVested<'info> {
    pub owner: Signer<'info>,
    pub config: Box<Account<'info, Config>>,
    #[account(
        mut,
        dup,
        has_one = owner @ MeritError::AccountMismatch,
    )]
    pub vesting: Box<Account<'info, Vesting>>,
    #[account(mut, dup, address = config.vesting_vault @ MeritError::AccountMismatch)]
    pub vesting_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(mut, dup, token::mint = stake_mint, token::token_program = token_program)]
    pub owner_token: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(address = config.stake_mint @ MeritError::AccountMismatch)]
    pub stake_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(address = config.token_program @ MeritError::AccountMismatch)]
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
    TokenMove::new(&a.token_program, &a.stake_mint).transfer(
        a.vesting_vault.to_account_info(),
        a.owner_token.to_account_info(),
        a.config.to_account_info(),
        amount,
        &[&a.config.signer_seeds()],
    )?;
    emit!(VestedWithdrawn {
        owner: a.owner.key(),
        amount,
        unvested: a.vesting.unvested,
    });
    Ok(())
}
