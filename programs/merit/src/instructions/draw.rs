use crate::constants::*;
use crate::error::MeritError;
use crate::events::{CommitteeDrawn, DrawScheduled};
use crate::sortition::slot_hash_at_or_after;
use crate::state::{Config, Task};
use anchor_lang::prelude::*;

#[derive(Accounts)]
pub struct DrawCommittee<'info> {
    /// Anyone; receives the keeper bounty.
    #[account(mut)]
    pub keeper: Signer<'info>,
    pub config: AccountLoader<'info, Config>,
    #[account(mut, dup)]
    pub task: AccountLoader<'info, Task>,
    /// CHECK: the `SlotHashes` sysvar, pinned by address; read as raw bytes (it is too
    /// large to deserialize) by `slot_hash_at_or_after`.
    #[account(address = SLOT_HASHES_SYSVAR @ MeritError::InvalidSlotHashes)]
    pub slot_hashes: UncheckedAccount<'info>,
}

impl DrawCommittee<'_> {
    fn validate(&self) -> Result<()> {
        let clock = Clock::get()?;
        let task = self.task.load()?;
        task.require_draw_due(task.clock(self.config.load()?.pause(), clock.unix_timestamp)?)?;
        // A scheduled draw is seeded only once its target slot has passed.
        require!(
            !task.draw.is_scheduled() || clock.slot > task.draw.target_slot,
            MeritError::DrawNotReady
        );
        Ok(())
    }
}

/// Two calls, each paid one keeper bounty. The first (or one whose target slot has left
/// `SlotHashes`) schedules: it fixes the epoch and total active stake the lot is drawn
/// against and a target slot `DRAW_DELAY_SLOTS` ahead. The next call after the target slot
/// seeds the committee from that slot's hash (a skipped slot gives way to the next produced
/// one). Nobody in the task can choose the seed; see SECURITY.md for what a block leader can.
#[access_control(ctx.accounts.validate())]
pub fn handle_draw(ctx: Context<DrawCommittee>) -> Result<()> {
    let a = ctx.accounts;
    let slot = Clock::get()?.slot;
    let task_key = a.task.key();
    let mut task = a.task.load_mut()?;
    let found = if task.draw.is_scheduled() {
        let data = a.slot_hashes.try_borrow_data()?;
        slot_hash_at_or_after(&data, task.draw.target_slot)
    } else {
        None
    };
    // One bounty for scheduling and one for seeding; a rescheduling earns nothing.
    let paid = match found {
        Some((hash_slot, hash)) => {
            task.draw.seed_from(&task_key, hash_slot, &hash);
            true
        }
        None => {
            let epoch = a.config.load()?.current_epoch;
            let active = a.config.load()?.total_active_stake;
            task.draw.schedule(slot, epoch, active)
        }
    };
    let bounty = if paid { task.take_bounty()? } else { 0 };
    task.invariant()?;
    Task::pay_bounty(
        &a.task.to_account_info(),
        &a.keeper.to_account_info(),
        bounty,
    )?;
    let keeper = a.keeper.key();
    match found {
        Some((slot, _)) => emit!(CommitteeDrawn {
            task: task_key,
            seed: task.draw.seed,
            slot,
            keeper,
            bounty_lamports: bounty,
        }),
        None => emit!(DrawScheduled {
            task: task_key,
            target_slot: task.draw.target_slot,
            epoch: task.draw.epoch,
            total_stake: task.draw.total_stake,
            keeper,
            bounty_lamports: bounty,
        }),
    }
    Ok(())
}
