use crate::constants::*;
use crate::error::MeritError;
use crate::events::StakeDeposited;
use crate::state::{Config, Stake};
use crate::token::TokenMove;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{TokenAccount, TokenInterface};

#[derive(Accounts)]
pub struct DepositStake<'info> {
    #[account(mut)]
    pub owner: Signer<'info>,
    #[account(mut, dup)]
    pub config: AccountLoader<'info, Config>,
    #[account(
        init_if_needed,
        dup,
        payer = owner,
        space = 8 + Stake::INIT_SPACE,
        seeds = [STAKE_SEED, owner.key().as_ref()],
        bump,
    )]
    pub stake: Box<Account<'info, Stake>>,
    #[account(
        mut,
        dup,
        token::mint = stake_mint,
        token::authority = owner,
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
    pub system_program: Program<'info, System>,
}

impl DepositStake<'_> {
    fn validate(&self, amount: u64) -> Result<()> {
        self.config
            .load()?
            .require_not_paused(Clock::get()?.unix_timestamp)?;
        require!(amount > 0, MeritError::ZeroAmount);
        Ok(())
    }
}

#[access_control(ctx.accounts.validate(amount))]
pub fn handle_deposit_stake(ctx: Context<DepositStake>, amount: u64) -> Result<()> {
    let a = ctx.accounts;
    let mut config = a.config.load_mut()?;
    if a.stake.version == 0 {
        a.stake.set_inner(Stake::new(
            a.owner.key(),
            ctx.bumps.stake,
            config.current_epoch,
            &config.params.rep(),
        ));
    }
    let stake = &mut a.stake;
    let epoch = config.current_epoch;
    stake.deposit(amount, epoch)?;
    stake.invariant()?;
    config.add_warming_stake(amount)?;
    TokenMove::new(&a.token_program, &a.stake_mint, config.mint_decimals).transfer(
        a.owner_token.to_account_info(),
        a.stake_vault.to_account_info(),
        a.owner.to_account_info(),
        amount,
        &[],
    )?;
    emit!(StakeDeposited {
        owner: a.owner.key(),
        amount,
        deposited: a.stake.deposited,
    });
    Ok(())
}
