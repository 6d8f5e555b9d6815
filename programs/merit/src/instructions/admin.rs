//! Admin instructions: parameters, pause, and the two-step admin handover.
use crate::constants::*;
use crate::error::MeritError;
use crate::events::{AdminTransferProposed, AdminTransferred, ConfigUpdated, PauseSet};
use crate::state::{Config, ConfigParams};
use anchor_lang::prelude::*;

#[derive(Accounts)]
pub struct AdminOnly<'info> {
    pub admin: Signer<'info>,
    #[account(
        mut,
        seeds = [CONFIG_SEED],
        bump = config.bump,
        has_one = admin @ MeritError::NotAdmin,
    )]
    pub config: Box<Account<'info, Config>>,
}

#[access_control(params.validate())]
pub fn handle_update_config(ctx: Context<AdminOnly>, params: ConfigParams) -> Result<()> {
    ctx.accounts.config.params = params;
    emit!(ConfigUpdated {
        admin: ctx.accounts.admin.key(),
        params,
    });
    Ok(())
}

pub fn handle_set_paused(ctx: Context<AdminOnly>, paused: bool) -> Result<()> {
    ctx.accounts.config.paused = paused;
    emit!(PauseSet {
        admin: ctx.accounts.admin.key(),
        paused,
    });
    Ok(())
}

/// `None` withdraws a pending proposal.
pub fn handle_propose_admin(ctx: Context<AdminOnly>, new_admin: Option<Pubkey>) -> Result<()> {
    ctx.accounts.config.pending_admin = new_admin;
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
        seeds = [CONFIG_SEED],
        bump = config.bump,
        constraint = config.pending_admin == Some(new_admin.key()) @ MeritError::NotPendingAdmin,
    )]
    pub config: Box<Account<'info, Config>>,
}

pub fn handle_accept_admin(ctx: Context<AcceptAdmin>) -> Result<()> {
    let config = &mut ctx.accounts.config;
    let previous_admin = config.admin;
    config.admin = ctx.accounts.new_admin.key();
    config.pending_admin = None;
    emit!(AdminTransferred {
        previous_admin,
        new_admin: config.admin,
    });
    Ok(())
}
