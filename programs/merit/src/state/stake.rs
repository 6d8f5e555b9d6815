use crate::constants::{MAX_REPUTATION, NEUTRAL_REPUTATION};
use crate::error::MeritError;
use crate::events::ReputationUpdated;
use crate::math::{apply_wad, bps_ceil, bps_floor, retention_pow, SafeMath};
use crate::state::ConfigParams;
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
    /// The owner's track record. Kept here because every instruction that settles an
    /// outcome already holds the owner's stake account.
    pub reputation: Reputation,
    pub reserved: [u8; 64],
}

/// A participant's track record and reputation score.
///
/// The score is in basis points (0..=10,000), starts at 5,000 (neutral), and moves as an
/// exponential moving average: `score += (10,000 - score) * alpha` on a good outcome
/// (accepted work, coherent vote) and `score -= score * alpha` on a bad one (rejected work,
/// incoherent vote, missing reveal). For every full epoch without activity it moves back
/// toward neutral: `score = 5,000 + (score - 5,000) * (1 - decay)^idle`, computed lazily.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq, InitSpace)]
pub struct Reputation {
    pub score_bps: u16,
    /// Epoch of the last update; epochs strictly after it and before now were idle.
    pub last_epoch: u64,
    pub accepted: u32,
    pub neutral: u32,
    pub rejected: u32,
    pub coherent: u32,
    pub incoherent: u32,
    pub missed_reveals: u32,
    pub slashed: u32,
}

/// What a settled outcome does to a reputation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RepEvent {
    Accepted,
    Neutral,
    Rejected,
    Coherent,
    Incoherent,
    MissedReveal,
    Slashed,
}

impl Reputation {
    pub fn new(epoch: u64) -> Self {
        Reputation {
            score_bps: NEUTRAL_REPUTATION,
            last_epoch: epoch,
            accepted: 0,
            neutral: 0,
            rejected: 0,
            coherent: 0,
            incoherent: 0,
            missed_reveals: 0,
            slashed: 0,
        }
    }

    /// The score at `epoch`, after the decay of the idle epochs since the last update.
    pub fn score_at(&self, epoch: u64, decay_bps: u16) -> Result<u16> {
        let idle = epoch.saturating_sub(self.last_epoch).saturating_sub(1);
        if idle == 0 {
            return Ok(self.score_bps);
        }
        let keep = retention_pow(decay_bps, idle)?;
        let neutral = u64::from(NEUTRAL_REPUTATION);
        let score = u64::from(self.score_bps);
        let decayed = if score >= neutral {
            neutral.safe_add(apply_wad(score - neutral, keep)?)?
        } else {
            neutral.safe_sub(apply_wad(neutral - score, keep)?)?
        };
        u16::try_from(decayed).map_err(|_| error!(MeritError::MathOverflow))
    }

    /// Points multiplier in bps: 0.5x at score 0, 1.5x at 10,000, linear between.
    pub fn multiplier_at(&self, epoch: u64, decay_bps: u16) -> Result<u16> {
        NEUTRAL_REPUTATION.safe_add(self.score_at(epoch, decay_bps)?)
    }

    /// Applies the idle decay up to `epoch`, then `event`.
    pub fn record(
        &mut self,
        event: RepEvent,
        epoch: u64,
        alpha_bps: u16,
        decay_bps: u16,
    ) -> Result<()> {
        let score = self.score_at(epoch, decay_bps)?;
        self.last_epoch = self.last_epoch.max(epoch);
        let (toward_max, counter) = match event {
            RepEvent::Accepted => (Some(true), &mut self.accepted),
            RepEvent::Neutral => (None, &mut self.neutral),
            RepEvent::Rejected => (Some(false), &mut self.rejected),
            RepEvent::Coherent => (Some(true), &mut self.coherent),
            RepEvent::Incoherent => (Some(false), &mut self.incoherent),
            RepEvent::MissedReveal => (Some(false), &mut self.missed_reveals),
            RepEvent::Slashed => (None, &mut self.slashed),
        };
        *counter = counter.saturating_add(1);
        self.score_bps = match toward_max {
            Some(true) => {
                let gap = MAX_REPUTATION.safe_sub(score)?;
                score.safe_add(bps_floor(u64::from(gap), alpha_bps)? as u16)?
            }
            Some(false) => score.safe_sub(bps_ceil(u64::from(score), alpha_bps)? as u16)?,
            None => score,
        };
        Ok(())
    }
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

    /// Records a settled outcome in the owner's reputation (decaying idle epochs first).
    pub fn record_outcome(
        &mut self,
        event: RepEvent,
        epoch: u64,
        params: &ConfigParams,
    ) -> Result<()> {
        self.reputation.record(
            event,
            epoch,
            params.reputation_alpha_bps,
            params.reputation_decay_bps,
        )?;
        emit!(ReputationUpdated {
            owner: self.owner,
            score_bps: self.reputation.score_bps,
            epoch,
        });
        self.invariant()
    }

    pub fn invariant(&self) -> Result<()> {
        require!(
            self.locked.safe_add(self.unstaking)? <= self.deposited
                && self.reputation.score_bps <= MAX_REPUTATION,
            MeritError::InvariantViolated
        );
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALPHA: u16 = 2_000;
    const DECAY: u16 = 1_000;

    #[test]
    fn scripted_history_moves_as_an_ema() {
        let mut r = Reputation::new(0);
        let script = [
            (RepEvent::Accepted, 6_000),
            (RepEvent::Accepted, 6_800),
            (RepEvent::Rejected, 5_440),
            (RepEvent::Neutral, 5_440),
            (RepEvent::MissedReveal, 4_352),
            (RepEvent::Coherent, 5_481),
            (RepEvent::Incoherent, 4_384),
            (RepEvent::Slashed, 4_384),
        ];
        for (event, expected) in script {
            r.record(event, 0, ALPHA, DECAY).unwrap();
            assert_eq!(r.score_bps, expected, "after {event:?}");
        }
        assert_eq!(
            (
                r.accepted,
                r.neutral,
                r.rejected,
                r.coherent,
                r.incoherent,
                r.missed_reveals,
                r.slashed
            ),
            (2, 1, 1, 1, 1, 1, 1)
        );
    }

    #[test]
    fn idle_epochs_decay_toward_neutral_from_both_sides() {
        let mut r = Reputation::new(0);
        r.score_bps = 6_800;
        assert_eq!(r.score_at(0, DECAY).unwrap(), 6_800);
        assert_eq!(
            r.score_at(1, DECAY).unwrap(),
            6_800,
            "the next epoch is not idle yet"
        );
        assert_eq!(
            r.score_at(3, DECAY).unwrap(),
            (5_000 + 1_800 * 81 / 100) as u16
        );
        r.score_bps = 3_000;
        assert_eq!(
            r.score_at(4, DECAY).unwrap(),
            (5_000 - 2_000 * 729 / 1_000) as u16
        );
        assert_eq!(r.score_at(10_000, DECAY).unwrap(), 5_000);
        assert_eq!(
            r.score_at(u64::MAX, 0).unwrap(),
            3_000,
            "no decay configured"
        );
    }

    #[test]
    fn recording_applies_the_decay_first() {
        let mut r = Reputation::new(0);
        r.score_bps = 6_000;
        r.record(RepEvent::Accepted, 3, ALPHA, DECAY).unwrap();
        // 6,000 decays over two idle epochs to 5,810, then moves 20% toward 10,000.
        assert_eq!(r.score_bps, (5_810 + (10_000 - 5_810) / 5) as u16);
        assert_eq!(r.last_epoch, 3);
    }

    #[test]
    fn score_stays_within_bounds_and_sets_the_multiplier() {
        let mut r = Reputation::new(0);
        for _ in 0..1_000 {
            r.record(RepEvent::Coherent, 0, 10_000, DECAY).unwrap();
        }
        assert_eq!(r.score_bps, 10_000);
        assert_eq!(r.multiplier_at(0, DECAY).unwrap(), 15_000);
        for _ in 0..1_000 {
            r.record(RepEvent::Incoherent, 0, 3_333, DECAY).unwrap();
        }
        assert_eq!(r.score_bps, 0);
        assert_eq!(r.multiplier_at(0, DECAY).unwrap(), 5_000);
    }
}
