use crate::error::MeritError;
use crate::events::EmissionsFunded;
use crate::math::SafeMath;
use crate::state::Config;
use crate::token::TokenMove;
use anchor_lang::prelude::*;
use anchor_lang::system_program;
use anchor_spl::token_interface::{TokenAccount, TokenInterface};

#[derive(Accounts)]
pub struct FundEmissions<'info> {
    #[account(mut)]
    pub funder: Signer<'info>,
    #[account(mut, dup)]
    pub config: AccountLoader<'info, Config>,
    #[account(
        mut,
        dup,
        token::mint = stake_mint,
        token::authority = funder,
        token::token_program = token_program,
    )]
    pub funder_token: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(mut, dup, address = config.load()?.emission_vault @ MeritError::AccountMismatch)]
    /// CHECK: Merit's own token account, pinned by address; the token program checks it.
    pub emission_vault: UncheckedAccount<'info>,
    /// CHECK: the config's stake mint, pinned by address; only the token program reads it.
    #[account(address = config.load()?.stake_mint @ MeritError::AccountMismatch)]
    pub stake_mint: UncheckedAccount<'info>,
    #[account(address = config.load()?.token_program @ MeritError::AccountMismatch)]
    pub token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl FundEmissions<'_> {
    fn validate(&self, amount: u64, lamports: u64) -> Result<()> {
        require!(amount > 0 || lamports > 0, MeritError::ZeroAmount);
        Ok(())
    }
}

/// Anyone adds `amount` tokens to emit and `lamports` to the pool that pays
/// `advance_epoch` keepers. Works while paused.
#[access_control(ctx.accounts.validate(amount, lamports))]
pub fn handle_fund_emissions(
    ctx: Context<FundEmissions>,
    amount: u64,
    lamports: u64,
) -> Result<()> {
    let a = ctx.accounts;
    // Booked in a scope: the lamport transfer below writes to the config account.
    let (emission_funded, decimals) = {
        let mut config = a.config.load_mut()?;
        config.emission_funded = config.emission_funded.safe_add(amount)?;
        config.keeper_pool_lamports = config.keeper_pool_lamports.safe_add(lamports)?;
        config.invariant()?;
        (config.emission_funded, config.mint_decimals)
    };
    TokenMove::new(&a.token_program, &a.stake_mint, decimals).transfer(
        a.funder_token.to_account_info(),
        a.emission_vault.to_account_info(),
        a.funder.to_account_info(),
        amount,
        &[],
    )?;
    if lamports > 0 {
        system_program::transfer(
            CpiContext::new(
                a.system_program.key(),
                system_program::Transfer {
                    from: a.funder.to_account_info(),
                    to: a.config.to_account_info(),
                },
            ),
            lamports,
        )?;
    }
    emit!(EmissionsFunded {
        funder: a.funder.key(),
        amount,
        lamports,
        emission_funded,
    });
    Ok(())
}
