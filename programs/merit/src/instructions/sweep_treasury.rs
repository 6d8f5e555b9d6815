use crate::error::MeritError;
use crate::events::TreasurySwept;
use crate::state::Config;
use crate::token::TokenMove;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

#[derive(Accounts)]
pub struct SweepTreasury<'info> {
    /// Anyone; pays only the transaction fee.
    pub caller: Signer<'info>,
    #[account(mut, dup)]
    pub config: AccountLoader<'info, Config>,
    #[account(mut, dup, address = config.load()?.stake_vault @ MeritError::AccountMismatch)]
    /// CHECK: Merit's own token account, pinned by address; the token program checks it.
    pub stake_vault: UncheckedAccount<'info>,
    #[account(mut, dup, address = config.load()?.treasury_vault @ MeritError::AccountMismatch)]
    /// CHECK: Merit's own token account, pinned by address; the token program checks it.
    pub treasury_vault: UncheckedAccount<'info>,
    /// CHECK: the config's stake mint, pinned by address; only the token program reads it.
    #[account(address = config.load()?.stake_mint @ MeritError::AccountMismatch)]
    pub stake_mint: UncheckedAccount<'info>,
    #[account(address = config.load()?.token_program @ MeritError::AccountMismatch)]
    pub token_program: Interface<'info, TokenInterface>,
}

impl SweepTreasury<'_> {
    fn validate(&self) -> Result<()> {
        self.config.load()?.sweep_check()
    }
}

/// Anyone: moves the treasury's pending share of slashed stake from the stake vault to the
/// treasury vault. Both vaults are the config's, so a sweep can only ever deliver to the
/// treasury; it pays no bounty and works while paused (it moves no participant's tokens).
#[access_control(ctx.accounts.validate())]
pub fn handle_sweep_treasury(ctx: Context<SweepTreasury>) -> Result<()> {
    let a = ctx.accounts;
    // Booked in a scope: the config signs the transfer below.
    let (amount, total, bump, decimals) = {
        let mut config = a.config.load_mut()?;
        let amount = config.take_treasury_pending()?;
        (
            amount,
            config.total_slashed_to_treasury,
            config.bump,
            config.mint_decimals,
        )
    };
    let seeds = Config::signer_seeds_for(&bump);
    TokenMove::new(&a.token_program, &a.stake_mint, decimals).transfer(
        a.stake_vault.to_account_info(),
        a.treasury_vault.to_account_info(),
        a.config.to_account_info(),
        amount,
        &[&seeds],
    )?;
    emit!(TreasurySwept {
        caller: a.caller.key(),
        amount,
        total_slashed_to_treasury: total,
    });
    Ok(())
}
