use crate::error::MeritError;
use crate::events::StakeWithdrawn;
use crate::math::SafeMath;
use crate::state::{Config, Stake};
use crate::token::{require_distinct, TokenMove};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

#[derive(Accounts)]
pub struct WithdrawStake<'info> {
    pub owner: Signer<'info>,
    pub config: Box<Account<'info, Config>>,
    #[account(
        mut,
        dup,
        has_one = owner @ MeritError::AccountMismatch,
    )]
    pub stake: Box<Account<'info, Stake>>,
    #[account(
        mut,
        dup,
        token::mint = stake_mint,
        token::token_program = token_program,
    )]
    pub owner_token: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(mut, dup, address = config.stake_vault @ MeritError::AccountMismatch)]
    pub stake_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(address = config.stake_mint @ MeritError::AccountMismatch)]
    pub stake_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(address = config.token_program @ MeritError::AccountMismatch)]
    pub token_program: Interface<'info, TokenInterface>,
}

impl WithdrawStake<'_> {
    fn validate(&self) -> Result<()> {
        require_distinct(&[Some(self.stake_vault.key()), Some(self.owner_token.key())])?;
        require!(self.stake.unstaking > 0, MeritError::NothingToWithdraw);
        require!(
            Clock::get()?.unix_timestamp >= self.stake.unstake_at,
            MeritError::CooldownNotElapsed
        );
        Ok(())
    }
}

/// Withdraws the whole pending unstake once its cooldown has elapsed. Works while paused.
#[access_control(ctx.accounts.validate())]
pub fn handle_withdraw_stake(ctx: Context<WithdrawStake>) -> Result<()> {
    let a = ctx.accounts;
    let amount = a.stake.unstaking;
    a.stake.unstaking = 0;
    a.stake.deposited = a.stake.deposited.safe_sub(amount)?;
    a.stake.invariant()?;
    TokenMove::new(&a.token_program, &a.stake_mint).transfer(
        a.stake_vault.to_account_info(),
        a.owner_token.to_account_info(),
        a.config.to_account_info(),
        amount,
        &[&a.config.signer_seeds()],
    )?;
    emit!(StakeWithdrawn {
        owner: a.owner.key(),
        amount,
        deposited: a.stake.deposited,
    });
    Ok(())
}
