use crate::error::MeritError;
use crate::events::StakeWithdrawn;
use crate::math::SafeMath;
use crate::state::{Config, Stake};
use crate::token::{require_distinct, TokenMove};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{TokenAccount, TokenInterface};

#[derive(Accounts)]
pub struct WithdrawStake<'info> {
    pub owner: Signer<'info>,
    pub config: AccountLoader<'info, Config>,
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
    #[account(mut, dup, address = config.load()?.stake_vault @ MeritError::AccountMismatch)]
    /// CHECK: Merit's own token account, pinned by address; the token program checks it.
    pub stake_vault: UncheckedAccount<'info>,
    /// CHECK: the config's stake mint, pinned by address; only the token program reads it.
    #[account(address = config.load()?.stake_mint @ MeritError::AccountMismatch)]
    pub stake_mint: UncheckedAccount<'info>,
    #[account(address = config.load()?.token_program @ MeritError::AccountMismatch)]
    pub token_program: Interface<'info, TokenInterface>,
}

impl WithdrawStake<'_> {
    fn validate(&self) -> Result<()> {
        require_distinct(&[Some(self.stake_vault.key()), Some(self.owner_token.key())])?;
        self.stake.withdraw_check(Clock::get()?.unix_timestamp)
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
    let config_bump = a.config.load()?.bump;
    TokenMove::new(
        &a.token_program,
        &a.stake_mint,
        a.config.load()?.mint_decimals,
    )
    .transfer(
        a.stake_vault.to_account_info(),
        a.owner_token.to_account_info(),
        a.config.to_account_info(),
        amount,
        &[&Config::signer_seeds_for(&config_bump)],
    )?;
    emit!(StakeWithdrawn {
        owner: a.owner.key(),
        amount,
        deposited: a.stake.deposited,
    });
    Ok(())
}
