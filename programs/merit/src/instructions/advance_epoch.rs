use crate::constants::*;
use crate::error::MeritError;
use crate::events::EpochAdvanced;
use crate::math::SafeMath;
use crate::state::{Config, Epoch};
use anchor_lang::prelude::*;

#[derive(Accounts)]
#[instruction(next_index: u64)]
pub struct AdvanceEpoch<'info> {
    /// Anyone; pays the new epoch's rent and is repaid, with the bounty, from the
    /// keeper pool as far as it goes.
    #[account(mut)]
    pub keeper: Signer<'info>,
    #[account(mut, dup)]
    pub config: AccountLoader<'info, Config>,
    #[account(
        mut,
        dup,
        constraint = current_epoch.index == config.load()?.current_epoch
            && !current_epoch.closed @ MeritError::EpochAlreadyClosed,
    )]
    pub current_epoch: Box<Account<'info, Epoch>>,
    /// `init_if_needed` so that a replayed advance reaches the named
    /// `EpochAlreadyClosed` check instead of failing inside the system program; an
    /// existing epoch is refused by `next_epoch.version == 0`.
    #[account(
        init_if_needed,
        dup,
        payer = keeper,
        space = 8 + Epoch::INIT_SPACE,
        seeds = [EPOCH_SEED, &next_index.to_le_bytes()],
        bump,
        constraint = next_epoch.version == 0 @ MeritError::EpochAlreadyClosed,
    )]
    pub next_epoch: Box<Account<'info, Epoch>>,
    pub system_program: Program<'info, System>,
}

impl AdvanceEpoch<'_> {
    /// The current epoch is over and `next_index` names the epoch that contains now
    /// (`Epoch::next_at`; the caller's index is checked against the clock, so a stale
    /// transaction fails by name).
    fn validate(&self, next_index: u64) -> Result<()> {
        let (index, _) = self.next_epoch_at(Clock::get()?.unix_timestamp)?;
        require!(next_index == index, MeritError::WrongEpochIndex);
        Ok(())
    }

    fn next_epoch_at(&self, now: i64) -> Result<(u64, i64)> {
        let length = self.config.load()?.params.epoch_length_secs;
        self.current_epoch.next_at(now, length)
    }
}

/// Closes the current epoch, fixing its emission at
/// `min(initial * (1 - decay)^index, unreserved vault balance)` split between contributors
/// and validators, and opens the epoch that contains now.
#[access_control(ctx.accounts.validate(next_index))]
pub fn handle_advance_epoch(ctx: Context<AdvanceEpoch>, next_index: u64) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let (index, start) = ctx.accounts.next_epoch_at(now)?;
    let a = ctx.accounts;
    let mut config = a.config.load_mut()?;
    let p = config.params;
    // The schedule and split the epoch snapshotted when it opened.
    let closing = &a.current_epoch;
    let emission = closing.scheduled_emission.min(config.emission_available()?);
    let split = closing.contributor_emission_bps;
    let reserved = a.current_epoch.finish(emission, split)?;
    config.emission_reserved = config.emission_reserved.safe_add(reserved)?;
    config.current_epoch = index;
    config.activate_warming_stake()?;
    a.next_epoch
        .set_inner(Epoch::open(index, ctx.bumps.next_epoch, start, &p)?);

    let rent = Rent::get()?.minimum_balance(8 + Epoch::INIT_SPACE);
    let bounty = p
        .keeper_bounty_lamports
        .min(MAX_EPOCH_BOUNTY_LAMPORTS)
        .safe_add(rent)?
        .min(config.keeper_pool_lamports);
    config.keeper_pool_lamports = config.keeper_pool_lamports.safe_sub(bounty)?;
    config.invariant()?;
    drop(config);
    a.config.sub_lamports(bounty)?;
    a.keeper.add_lamports(bounty)?;
    a.current_epoch.invariant()?;
    a.next_epoch.invariant()?;
    emit!(EpochAdvanced {
        closed_epoch: a.current_epoch.index,
        contributor_emission: a.current_epoch.contributor_emission,
        validator_emission: a.current_epoch.validator_emission,
        contributor_points: a.current_epoch.contributor_points,
        validator_points: a.current_epoch.validator_points,
        opened_epoch: index,
        opened_start: start,
        opened_end: a.next_epoch.end,
        keeper: a.keeper.key(),
        bounty_lamports: bounty,
    });
    Ok(())
}
