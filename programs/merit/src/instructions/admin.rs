//! Admin instructions: parameters (propose, wait the timelock, apply; or cancel), pause
//! (immediate), and the two-step admin handover.
use crate::error::MeritError;
use crate::events::{
    AdminTransferProposed, AdminTransferred, ConfigProposalCancelled, ConfigProposed,
    ConfigUpdated, PauseSet,
};
use crate::math::SafeMath;
use crate::state::{Config, ConfigParams};
use anchor_lang::prelude::*;

#[derive(Accounts)]
pub struct AdminOnly<'info> {
    pub admin: Signer<'info>,
    #[account(
        mut,
        dup,
        has_one = admin @ MeritError::NotAdmin,
    )]
    pub config: AccountLoader<'info, Config>,
}

/// Proposes `params` (validated now), applicable once the *current* timelock has elapsed:
/// a proposal cannot shorten its own delay. Replaces any earlier proposal.
#[access_control(params.validate())]
pub fn handle_propose_config(ctx: Context<AdminOnly>, params: ConfigParams) -> Result<()> {
    let mut config = ctx.accounts.config.load_mut()?;
    let eta = Clock::get()?
        .unix_timestamp
        .safe_add(config.params.param_timelock_secs)?;
    config.set_pending_params(Some(params));
    config.pending_params_eta = eta;
    emit!(ConfigProposed {
        admin: ctx.accounts.admin.key(),
        params,
        eta,
    });
    Ok(())
}

impl AdminOnly<'_> {
    /// `cancel_config` needs a proposal to withdraw.
    fn validate_cancel(&self) -> Result<()> {
        require!(
            self.config.load()?.has_pending_params,
            MeritError::NoPendingConfig
        );
        Ok(())
    }
}

#[access_control(ctx.accounts.validate_cancel())]
pub fn handle_cancel_config(ctx: Context<AdminOnly>) -> Result<()> {
    let mut config = ctx.accounts.config.load_mut()?;
    config.set_pending_params(None);
    config.pending_params_eta = 0;
    emit!(ConfigProposalCancelled {
        admin: ctx.accounts.admin.key(),
    });
    Ok(())
}

#[derive(Accounts)]
pub struct ApplyConfig<'info> {
    /// Anyone: it can only apply what the admin proposed, after the timelock.
    pub caller: Signer<'info>,
    #[account(mut, dup)]
    pub config: AccountLoader<'info, Config>,
}

impl ApplyConfig<'_> {
    fn validate(&self) -> Result<()> {
        self.config
            .load()?
            .apply_check(Clock::get()?.unix_timestamp)
    }
}

/// Applies the pending parameters once their timelock has elapsed. Running tasks keep the
/// rules they snapshotted at creation.
#[access_control(ctx.accounts.validate())]
pub fn handle_apply_config(ctx: Context<ApplyConfig>) -> Result<()> {
    let mut config = ctx.accounts.config.load_mut()?;
    let params = config.pending_params().ok_or(MeritError::NoPendingConfig)?;
    params.validate()?;
    config.set_pending_params(None);
    config.params = params;
    config.pending_params_eta = 0;
    emit!(ConfigUpdated {
        admin: config.admin,
        params,
    });
    Ok(())
}

/// Pauses or resumes at once. Running tasks do not lose the paused time: their clock
/// (`Task::clock`) stands still while the protocol is paused. A pause ends by itself after
/// `MAX_PAUSE_SECS`; a new one may start once the protocol has run as long as the last
/// lasted (`PauseTooSoon`), so no admin can hold running work frozen.
pub fn handle_set_paused(ctx: Context<AdminOnly>, paused: bool) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    ctx.accounts.config.load_mut()?.set_paused(paused, now)?;
    emit!(PauseSet {
        admin: ctx.accounts.admin.key(),
        paused,
    });
    Ok(())
}

/// `None` withdraws a pending proposal.
pub fn handle_propose_admin(ctx: Context<AdminOnly>, new_admin: Option<Pubkey>) -> Result<()> {
    ctx.accounts.config.load_mut()?.set_pending_admin(new_admin);
    emit!(AdminTransferProposed {
        admin: ctx.accounts.admin.key(),
        pending_admin: new_admin,
    });
    Ok(())
}

#[derive(Accounts)]
pub struct AcceptAdmin<'info> {
    pub new_admin: Signer<'info>,
    #[account(
        mut,
        dup,
        constraint = config.load()?.pending_admin() == Some(new_admin.key()) @ MeritError::NotPendingAdmin,
    )]
    pub config: AccountLoader<'info, Config>,
}

pub fn handle_accept_admin(ctx: Context<AcceptAdmin>) -> Result<()> {
    let mut config = ctx.accounts.config.load_mut()?;
    let previous_admin = config.admin;
    config.admin = ctx.accounts.new_admin.key();
    config.set_pending_admin(None);
    emit!(AdminTransferred {
        previous_admin,
        new_admin: config.admin,
    });
    Ok(())
}
