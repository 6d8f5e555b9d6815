//! Committee draws: `draw` for a task (every submission's first round), `draw_round` for a
//! later round of one submission. Both seed from the same chain of slot hashes
//! (`state::Draw`), once, and pay the caller a bounty out of the task.
use crate::constants::*;
use crate::error::MeritError;
use crate::events::{CommitteeDrawn, DrawScheduled};
use crate::state::{Config, DrawStep, Round, Task};
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
    /// large to deserialize) by `sortition::chain`.
    #[account(address = SLOT_HASHES_SYSVAR @ MeritError::InvalidSlotHashes)]
    pub slot_hashes: UncheckedAccount<'info>,
}

impl DrawCommittee<'_> {
    /// `Task::draw_check` on the task's clock: the step due now.
    fn step(&self) -> Result<DrawStep> {
        let config = self.config.load()?;
        let task = self.task.load()?;
        let now = task.clock(config.pause(), Clock::get()?.unix_timestamp)?;
        task.draw_check(now, config.total_active_stake)
    }

    fn validate(&self) -> Result<()> {
        self.step().map(|_| ())
    }
}

/// Two calls, each paid one keeper bounty. The first after submissions close schedules:
/// it fixes the epoch and total active stake the lot is drawn against (refused while no
/// stake is active: `NoActiveStake`) and a target slot `DRAW_DELAY_SLOTS` ahead. A call
/// once the target's chain of slots was produced seeds the committee from their hashes
/// (`DrawNotReady` before); once the target aged out of `SlotHashes`, from the task's
/// fallback seed (its address and the newest slot hash when the draw was scheduled).
/// Never rescheduled: no call can choose between committees.
#[access_control(ctx.accounts.validate())]
pub fn handle_draw(ctx: Context<DrawCommittee>) -> Result<()> {
    let a = ctx.accounts;
    let step = a.step()?;
    let task_key = a.task.key();
    let clock = Clock::get()?;
    let (epoch, active, pause) = {
        let config = a.config.load()?;
        (
            config.current_epoch,
            config.total_active_stake,
            config.pause(),
        )
    };
    let mut task = a.task.load_mut()?;
    match step {
        DrawStep::Schedule => {
            let data = a.slot_hashes.try_borrow_data()?;
            let entropy = crate::sortition::newest_slot_hash(&data)?;
            task.draw.schedule(clock.slot, epoch, active, entropy)?
        }
        DrawStep::Seed => {
            let now = task.clock(pause, clock.unix_timestamp)?;
            let data = a.slot_hashes.try_borrow_data()?;
            task.draw.seed(&task_key, &data, now)?;
        }
    }
    let bounty = task.take_bounty()?;
    task.invariant()?;
    let draw = task.draw;
    drop(task);
    Task::pay_bounty(
        &a.task.to_account_info(),
        &a.keeper.to_account_info(),
        bounty,
    )?;
    let keeper = a.keeper.key();
    match step {
        DrawStep::Schedule => emit!(DrawScheduled {
            task: task_key,
            target_slot: draw.target_slot,
            epoch: draw.epoch,
            total_stake: draw.total_stake,
            keeper,
            bounty_lamports: bounty,
        }),
        DrawStep::Seed => emit!(CommitteeDrawn {
            owner: task_key,
            seed: draw.seed,
            slot: draw.seed_slot,
            from_fallback: draw.from_fallback,
            keeper,
            bounty_lamports: bounty,
        }),
    }
    Ok(())
}

#[derive(Accounts)]
pub struct DrawRound<'info> {
    /// Anyone; receives the keeper bounty.
    #[account(mut)]
    pub keeper: Signer<'info>,
    pub config: AccountLoader<'info, Config>,
    /// The round's task: its clock, and the bounty.
    #[account(mut, dup)]
    pub task: AccountLoader<'info, Task>,
    #[account(
        mut,
        dup,
        constraint = round.load()?.task == task.key() @ MeritError::AccountMismatch,
    )]
    pub round: AccountLoader<'info, Round>,
    /// CHECK: the `SlotHashes` sysvar, pinned by address; read as raw bytes.
    #[account(address = SLOT_HASHES_SYSVAR @ MeritError::InvalidSlotHashes)]
    pub slot_hashes: UncheckedAccount<'info>,
}

impl DrawRound<'_> {
    fn now(&self) -> Result<i64> {
        let task = self.task.load()?;
        task.clock(self.config.load()?.pause(), Clock::get()?.unix_timestamp)
    }

    fn validate(&self) -> Result<()> {
        self.round.load()?.draw_check(self.now()?)
    }
}

/// Seeds a later round's committee (scheduled when the round was opened) like `draw`, and
/// opens its commit window now: a full commit and reveal window of the task's lengths.
#[access_control(ctx.accounts.validate())]
pub fn handle_draw_round(ctx: Context<DrawRound>) -> Result<()> {
    let a = ctx.accounts;
    let now = a.now()?;
    let round_key = a.round.key();
    let draw = {
        let mut round = a.round.load_mut()?;
        let data = a.slot_hashes.try_borrow_data()?;
        round.seed(&round_key, &data, now)?;
        round.invariant()?;
        round.draw
    };
    let bounty = {
        let mut task = a.task.load_mut()?;
        let bounty = task.take_bounty()?;
        task.invariant()?;
        bounty
    };
    Task::pay_bounty(
        &a.task.to_account_info(),
        &a.keeper.to_account_info(),
        bounty,
    )?;
    emit!(CommitteeDrawn {
        owner: round_key,
        seed: draw.seed,
        slot: draw.seed_slot,
        from_fallback: draw.from_fallback,
        keeper: a.keeper.key(),
        bounty_lamports: bounty,
    });
    Ok(())
}
