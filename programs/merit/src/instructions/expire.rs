//! Permissionless expiry of unclaimed rewards and emissions once their claim window (a
//! config parameter, snapshotted by tasks and epochs) has passed, so that tasks,
//! submissions, votes and epochs can always be settled and closed.
use crate::events::{EpochExpired, TaskExpired};
use crate::math::SafeMath;
use crate::state::{Config, Epoch, Task};
use anchor_lang::prelude::*;

#[derive(Accounts)]
pub struct ExpireTask<'info> {
    pub caller: Signer<'info>,
    #[account(mut, dup)]
    pub task: AccountLoader<'info, Task>,
}

impl ExpireTask<'_> {
    fn validate(&self) -> Result<()> {
        self.task
            .load()?
            .require_expirable(Clock::get()?.unix_timestamp)
    }
}

/// Releases what the task still owes its contributors and validators to the creator
/// (`reclaim_task`). Later claims still unlock their bonds, but pay nothing.
#[access_control(ctx.accounts.validate())]
pub fn handle_expire_task(ctx: Context<ExpireTask>) -> Result<()> {
    let mut task = ctx.accounts.task.load_mut()?;
    let released = task
        .contributor_liability
        .safe_add(task.validator_liability)?;
    task.contributor_liability = 0;
    task.validator_liability = 0;
    task.expired = true;
    task.invariant()?;
    emit!(TaskExpired {
        task: ctx.accounts.task.key(),
        released,
        caller: ctx.accounts.caller.key(),
    });
    Ok(())
}

#[derive(Accounts)]
pub struct ExpireEpoch<'info> {
    pub caller: Signer<'info>,
    #[account(mut, dup)]
    pub config: AccountLoader<'info, Config>,
    #[account(mut, dup)]
    pub epoch: Box<Account<'info, Epoch>>,
}

/// Returns the emission still reserved for an epoch's unclaimed points to the vault's
/// available balance, for later epochs. Later claims pay nothing.
pub fn handle_expire_epoch(ctx: Context<ExpireEpoch>) -> Result<()> {
    let a = ctx.accounts;
    let released = a.epoch.expire(Clock::get()?.unix_timestamp)?;
    let mut config = a.config.load_mut()?;
    config.emission_reserved = config.emission_reserved.safe_sub(released)?;
    a.epoch.invariant()?;
    config.invariant()?;
    emit!(EpochExpired {
        epoch: a.epoch.index,
        released,
        caller: a.caller.key(),
    });
    Ok(())
}
