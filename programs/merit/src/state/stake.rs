use crate::error::MeritError;
use crate::math::SafeMath;
use anchor_lang::prelude::*;

/// A participant's stake. PDA `["stake", owner]`.
///
/// `deposited` counts every token of the owner in the stake vault, including the part
/// `locked` in bonds and the part `unstaking`. Unlocked stake is what is left.
#[account]
#[derive(InitSpace, Debug)]
pub struct Stake {
    pub version: u8,
    pub bump: u8,
    pub owner: Pubkey,
    pub deposited: u64,
    /// Held as submission and vote bonds.
    pub locked: u64,
    /// Requested for withdrawal; no longer usable for bonds or weight.
    pub unstaking: u64,
    /// When the `unstaking` amount may be withdrawn.
    pub unstake_at: i64,
    pub reserved: [u8; 64],
}

impl Stake {
    /// Stake neither locked in bonds nor waiting to be withdrawn.
    pub fn unlocked(&self) -> u64 {
        self.deposited
            .saturating_sub(self.locked)
            .saturating_sub(self.unstaking)
    }

    pub fn lock(&mut self, amount: u64) -> Result<()> {
        require!(
            self.unlocked() >= amount,
            MeritError::InsufficientUnlockedStake
        );
        self.locked = self.locked.safe_add(amount)?;
        Ok(())
    }

    pub fn unlock(&mut self, amount: u64) -> Result<()> {
        self.locked = self.locked.safe_sub(amount)?;
        Ok(())
    }

    /// Removes `amount` of locked stake, which leaves the vault as a slash.
    pub fn slash_locked(&mut self, amount: u64) -> Result<()> {
        self.locked = self.locked.safe_sub(amount)?;
        self.deposited = self.deposited.safe_sub(amount)?;
        Ok(())
    }

    pub fn invariant(&self) -> Result<()> {
        require!(
            self.locked.safe_add(self.unstaking)? <= self.deposited,
            MeritError::InvariantViolated
        );
        Ok(())
    }
}
