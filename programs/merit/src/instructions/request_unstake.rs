use crate::error::MeritError;
use crate::events::UnstakeRequested;
use crate::math::SafeMath;
use crate::state::{Config, Stake};
use anchor_lang::prelude::*;

#[derive(Accounts)]
pub struct RequestUnstake<'info> {
    pub owner: Signer<'info>,
    #[account(mut, dup)]
    pub config: AccountLoader<'info, Config>,
    #[account(
        mut,
        dup,
        has_one = owner @ MeritError::AccountMismatch,
    )]
    pub stake: Box<Account<'info, Stake>>,
}

impl RequestUnstake<'_> {
    fn validate(&self, amount: u64) -> Result<()> {
        self.stake.unstake_check(amount)
    }
}

/// Adding to a pending request restarts its cooldown for the whole amount. The amount
/// stops counting for committee draws at once.
#[access_control(ctx.accounts.validate(amount))]
pub fn handle_request_unstake(ctx: Context<RequestUnstake>, amount: u64) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let mut config = ctx.accounts.config.load_mut()?;
    let cooldown = config.params.unstake_cooldown_secs;
    let current = config.current_epoch;
    let stake = &mut ctx.accounts.stake;
    let removed = stake.remove_staked(amount, current);
    stake.unstaking = stake.unstaking.safe_add(amount)?;
    stake.unstake_at = now.safe_add(cooldown)?;
    stake.invariant()?;
    config.remove_stake(removed)?;
    let stake = &ctx.accounts.stake;
    emit!(UnstakeRequested {
        owner: stake.owner,
        amount,
        unstaking: stake.unstaking,
        unlocks_at: stake.unstake_at,
    });
    Ok(())
}
