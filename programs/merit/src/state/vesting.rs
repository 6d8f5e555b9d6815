use crate::error::MeritError;
use crate::math::{mul_div_floor, SafeMath};
use anchor_lang::prelude::*;

/// Rewards and emissions that unlock linearly. PDA `["vesting", owner]`; the tokens sit
/// in the shared `["vesting_vault"]`.
///
/// A new grant first releases what has vested so far, then adds to the unvested balance,
/// whose end moves to the amount-weighted average of the old end and `now + duration`.
/// A slash of the owner takes first from the unvested balance.
#[account]
#[derive(InitSpace, Debug)]
pub struct Vesting {
    pub version: u8,
    pub bump: u8,
    pub owner: Pubkey,
    /// Vested and withdrawable.
    pub unlocked: u64,
    /// Not vested yet; vests linearly from `vest_from` to `vest_until`.
    pub unvested: u64,
    pub vest_from: i64,
    pub vest_until: i64,
    pub total_granted: u64,
    pub total_withdrawn: u64,
    pub total_slashed: u64,
    pub reserved: [u8; 32],
}

impl Vesting {
    /// A new, empty vesting account of `owner` at its PDA (bump `bump`).
    pub fn new(owner: Pubkey, bump: u8) -> Self {
        Self {
            version: crate::constants::ACCOUNT_VERSION,
            bump,
            owner,
            unlocked: 0,
            unvested: 0,
            vest_from: 0,
            vest_until: 0,
            total_granted: 0,
            total_withdrawn: 0,
            total_slashed: 0,
            reserved: [0; 32],
        }
    }

    /// Seconds left until everything unvested has vested (0 when nothing is unvested).
    pub fn remaining_secs(&self, now: i64) -> i64 {
        if self.unvested == 0 {
            0
        } else {
            self.vest_until.saturating_sub(now).max(0)
        }
    }

    /// Moves what has vested by `now` from `unvested` to `unlocked`.
    pub fn checkpoint(&mut self, now: i64) -> Result<()> {
        if self.unvested == 0 || now <= self.vest_from {
            return Ok(());
        }
        let released = if now >= self.vest_until {
            self.unvested
        } else {
            let elapsed = now.safe_sub(self.vest_from)? as u64;
            let span = self.vest_until.safe_sub(self.vest_from)? as u64;
            mul_div_floor(self.unvested, elapsed, span)?
        };
        self.unvested = self.unvested.safe_sub(released)?;
        self.unlocked = self.unlocked.safe_add(released)?;
        self.vest_from = now;
        Ok(())
    }

    pub fn grant(&mut self, amount: u64, now: i64, duration: i64) -> Result<()> {
        self.checkpoint(now)?;
        let new_end = now.safe_add(duration)?;
        self.vest_until = if self.unvested == 0 {
            new_end
        } else {
            let old_left = self.vest_until.safe_sub(now)?.max(0) as u128;
            let total = u128::from(self.unvested).safe_add(u128::from(amount))?;
            let weighted = u128::from(self.unvested)
                .safe_mul(old_left)?
                .safe_add(u128::from(amount).safe_mul(duration as u128)?)?;
            let left = weighted.safe_add(total.safe_sub(1)?)? / total;
            now.safe_add(i64::try_from(left).map_err(|_| error!(MeritError::MathOverflow))?)?
        };
        self.vest_from = now;
        self.unvested = self.unvested.safe_add(amount)?;
        self.total_granted = self.total_granted.safe_add(amount)?;
        Ok(())
    }

    /// Takes up to `amount` from the unvested balance for a slash; returns what it took.
    pub fn slash(&mut self, amount: u64, now: i64) -> Result<u64> {
        self.checkpoint(now)?;
        let taken = amount.min(self.unvested);
        self.unvested = self.unvested.safe_sub(taken)?;
        self.total_slashed = self.total_slashed.safe_add(taken)?;
        Ok(taken)
    }

    /// What a withdrawal at `now` would pay: everything vested by then, not yet withdrawn.
    pub fn withdrawable(&self, now: i64) -> Result<u64> {
        let mut at = self.clone();
        at.checkpoint(now)?;
        Ok(at.unlocked)
    }

    /// Empties `unlocked` for a withdrawal; returns the amount.
    pub fn take_unlocked(&mut self, now: i64) -> Result<u64> {
        self.checkpoint(now)?;
        let amount = self.unlocked;
        require!(amount > 0, MeritError::NothingVested);
        self.unlocked = 0;
        self.total_withdrawn = self.total_withdrawn.safe_add(amount)?;
        Ok(amount)
    }

    pub fn invariant(&self) -> Result<()> {
        let held = self.unlocked.safe_add(self.unvested)?;
        let accounted = self
            .total_granted
            .safe_sub(self.total_withdrawn)?
            .safe_sub(self.total_slashed)?;
        require!(held == accounted, MeritError::VestingUnbalanced);
        Ok(())
    }
}

/// `Vesting`'s size without its discriminator, pinned: a layout change is a conscious one
/// (openbook-v2's `const_assert_eq!(size_of::<Market>(), 840)`).
const _: () = assert!(<Vesting as Space>::INIT_SPACE == 122);
