//! A committee draw: scheduled once, seeded once, never rescheduled. A task holds the draw
//! of every submission's first judging round; a later round ([`crate::state::Round`])
//! holds its own.
use crate::error::MeritError;
use crate::sortition::{chain, fallback_seed, target_after, ChainLookup};
use anchor_lang::prelude::*;

/// Scheduled by the first call after it is due, which fixes the epoch and the active stake
/// the lot is drawn against and the target slot (`DRAW_DELAY_SLOTS` ahead, a slot nobody
/// knows the hash of yet); seeded by a call once the target and the hops after it
/// (`sortition::chain`) were produced. If nobody seeds it before the target ages out of
/// `SlotHashes`, the seed is the owner's fallback (`sortition::fallback_seed`), mixing the
/// owner's address with entropy recorded when the draw was scheduled (for a task, the
/// newest slot hash then, which nobody knew while submissions were open; for a later
/// round, the task's seed), never a new target: whoever declines a committee can at most
/// choose between the target's and the fallback's, both fixed before it saw either, and
/// no contributor can grind its key against a fallback it cannot know.
#[zero_copy(unsafe)]
#[repr(C)]
#[derive(Debug, PartialEq, Eq, InitSpace)]
pub struct Draw {
    /// The chain's first slot; 0 before the draw is scheduled.
    pub target_slot: u64,
    /// Epoch whose active stake counts.
    pub epoch: u64,
    /// Total active stake in `epoch`, when the draw was scheduled.
    pub total_stake: u64,
    /// The owner's clock (the task's) when the seed was fixed.
    pub drawn_at: i64,
    /// The last slot mixed into the seed (0 when it is the fallback).
    pub seed_slot: u64,
    /// The committee seed once `drawn`; before, the entropy its fallback mixes in
    /// (recorded when the draw was scheduled).
    pub seed: [u8; 32],
    pub drawn: bool,
    /// The target aged out unseeded: the seed is the owner's fallback.
    pub from_fallback: bool,
    /// Explicit padding (`repr(C)` alignment), always zero.
    pub padding: [u8; 6],
}

/// What a `draw` call does now ([`Draw::step`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DrawStep {
    /// Fix the epoch, the stake snapshot and the target slot.
    Schedule,
    /// Fix the seed from the chain of slot hashes (or the fallback).
    Seed,
}

impl Draw {
    /// A draw not scheduled yet.
    pub fn unscheduled() -> Self {
        Draw {
            target_slot: 0,
            epoch: 0,
            total_stake: 0,
            drawn_at: 0,
            seed_slot: 0,
            seed: [0; 32],
            drawn: false,
            from_fallback: false,
            padding: [0; 6],
        }
    }

    pub fn is_scheduled(&self) -> bool {
        self.target_slot != 0
    }

    /// The call that is due: scheduling (only when some stake is active, or the committee
    /// would seat nobody: `NoActiveStake`), then seeding; `AlreadyDrawn` after.
    pub fn step(&self, total_active_stake: u64) -> Result<DrawStep> {
        require!(!self.drawn, MeritError::AlreadyDrawn);
        if self.is_scheduled() {
            return Ok(DrawStep::Seed);
        }
        require!(total_active_stake > 0, MeritError::NoActiveStake);
        Ok(DrawStep::Schedule)
    }

    /// Schedules the draw at `slot`: the target is `DRAW_DELAY_SLOTS` ahead, the lot is
    /// drawn against `total_active_stake` of `epoch`, and `entropy` is what the fallback
    /// mixes in. Once only.
    pub fn schedule(
        &mut self,
        slot: u64,
        epoch: u64,
        total_active_stake: u64,
        entropy: [u8; 32],
    ) -> Result<()> {
        require!(
            self.step(total_active_stake)? == DrawStep::Schedule,
            MeritError::AlreadyDrawn
        );
        self.target_slot = target_after(slot).max(1);
        self.epoch = epoch;
        self.total_stake = total_active_stake;
        self.seed = entropy;
        Ok(())
    }

    /// Seeds the draw of `owner` from `slot_hashes` (the sysvar's data) at `now` on the
    /// owner's clock: the chain's seed once every hop was produced (`DrawNotReady` before),
    /// the fallback once the target aged out.
    pub fn seed(&mut self, owner: &Pubkey, slot_hashes: &[u8], now: i64) -> Result<()> {
        require!(
            self.step(self.total_stake)? == DrawStep::Seed,
            MeritError::DrawNotDue
        );
        match chain(slot_hashes, owner, self.target_slot)? {
            ChainLookup::NotYet => return err!(MeritError::DrawNotReady),
            ChainLookup::Seed(seed, slot) => {
                self.seed = seed;
                self.seed_slot = slot;
            }
            ChainLookup::AgedOut => {
                self.seed = fallback_seed(owner, &self.seed);
                self.from_fallback = true;
            }
        }
        self.drawn = true;
        self.drawn_at = now;
        Ok(())
    }
}

/// A round's committee as a lot is drawn from it: everything a validator's seats depend on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Committee {
    pub seed: [u8; 32],
    /// Epoch whose active stake counts (`Stake::active_at`).
    pub epoch: u64,
    pub total_stake: u64,
    /// Expected seats.
    pub size: u8,
    /// Least active stake at the draw a validator needs to sit.
    pub min_stake: u64,
    pub drawn: bool,
}

impl Committee {
    /// The seats `validator`, with `active_stake` at the draw, holds on `submission`'s
    /// committee (0 before the draw, or below the minimum stake).
    pub fn seats(&self, submission: &Pubkey, validator: &Pubkey, active_stake: u64) -> u64 {
        if !self.drawn || active_stake < self.min_stake {
            return 0;
        }
        crate::sortition::drawn_seats(
            &self.seed,
            submission,
            validator,
            active_stake,
            self.total_stake,
            self.size,
        )
    }
}
