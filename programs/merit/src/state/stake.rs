use crate::constants::{MAX_REPUTATION, NEUTRAL_REPUTATION, STAKE_HISTORY_LEN};
use crate::error::MeritError;
use crate::math::{apply_wad, bps_ceil, bps_floor, retention_pow, SafeMath};
use anchor_lang::prelude::*;

/// A reputation after [`Stake::record_outcome`]: what its handler emits as
/// `events::ReputationUpdated` (events depend on state, never the other way).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RepRecorded {
    pub owner: Pubkey,
    pub score_bps: u16,
    pub epoch: u64,
}

/// A participant's stake. PDA `["stake", owner]`.
///
/// `deposited` counts every token of the owner in the stake vault, including the part
/// `locked` in bonds and the part `unstaking`. Unlocked stake is what is left.
///
/// Stake *counts* for committee draws only once it is active: a deposit warms up during
/// the epoch it was made in and is active from the next one; a request to unstake (or a
/// slash) stops the amount counting at once. A draw made in epoch `e` counts the stake that
/// was active throughout, from the start of `e` until now ([`Stake::active_at`]): stake
/// added after a seed is known never buys a seat on it, and a top-up never takes one away.
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
    /// The active stake of the last epochs in which it changed (a deposit, a removal),
    /// oldest first: what [`Stake::active_at`] answers from.
    pub history: [StakePoint; STAKE_HISTORY_LEN],
    /// Points in use in `history`.
    pub history_len: u8,
    /// Epochs before this one are older than the history (a point was dropped): the stake
    /// active then is no longer known, and counts as 0.
    pub history_from: u64,
    /// The owner's track record. Kept here because every instruction that settles an
    /// outcome already holds the owner's stake account.
    pub reputation: Reputation,
    pub reserved: [u8; 32],
}

/// The active stake of one epoch in which a stake changed.
#[derive(
    AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, Default, PartialEq, Eq, InitSpace,
)]
pub struct StakePoint {
    pub epoch: u64,
    /// Active when the epoch began: everything staked before it.
    pub active_start: u64,
    /// The least active during the epoch (removals lower it; a deposit warms up instead).
    pub active_min: u64,
}

/// The reputation rules: the config's for new keys, a task's snapshot for what happens in
/// it ([`crate::state::TaskRules::rep`]), so a parameter change never moves a running
/// task's gates or multipliers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RepParams {
    pub start_bps: u16,
    pub decay_bps: u16,
    pub alpha_bps: u16,
    pub value_unit: u64,
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
    /// Seats drawn and never committed (`report_absence`).
    pub absences: u32,
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
    /// Drawn, and never committed.
    Absent,
    Slashed,
}

impl Reputation {
    /// A new key's record: it starts at `start_bps` (config `reputation_start_bps`, below
    /// neutral), so a fresh key is worth less than a proven one.
    pub fn new(epoch: u64, start_bps: u16) -> Self {
        Reputation {
            score_bps: start_bps,
            last_epoch: epoch,
            accepted: 0,
            neutral: 0,
            rejected: 0,
            coherent: 0,
            incoherent: 0,
            missed_reveals: 0,
            slashed: 0,
            absences: 0,
        }
    }

    /// The score at `epoch`, after the decay of the idle epochs since the last update.
    /// Idle records decay toward `start_bps`, where new keys start: a bad record never
    /// decays above a fresh key, a good one fades down to it.
    pub fn score_at(&self, epoch: u64, decay_bps: u16, start_bps: u16) -> Result<u16> {
        let idle = epoch.saturating_sub(self.last_epoch).saturating_sub(1);
        if idle == 0 {
            return Ok(self.score_bps);
        }
        let keep = retention_pow(decay_bps, idle)?;
        let neutral = u64::from(start_bps);
        let score = u64::from(self.score_bps);
        let decayed = if score >= neutral {
            neutral.safe_add(apply_wad(score - neutral, keep)?)?
        } else {
            neutral.safe_sub(apply_wad(neutral - score, keep)?)?
        };
        u16::try_from(decayed).map_err(|_| error!(MeritError::MathOverflow))
    }

    /// Points multiplier in bps: 0.5x at score 0, 1.5x at 10,000, linear between.
    pub fn multiplier_at(&self, epoch: u64, decay_bps: u16, start_bps: u16) -> Result<u16> {
        NEUTRAL_REPUTATION.safe_add(self.score_at(epoch, decay_bps, start_bps)?)
    }

    /// The score and multiplier every client reads, under `params` (a task's snapshot for
    /// its gates and multipliers, the config's otherwise).
    pub fn score_under(&self, epoch: u64, params: &RepParams) -> Result<u16> {
        self.score_at(epoch, params.decay_bps, params.start_bps)
    }

    pub fn multiplier_under(&self, epoch: u64, params: &RepParams) -> Result<u16> {
        self.multiplier_at(epoch, params.decay_bps, params.start_bps)
    }

    /// The step of an outcome worth `value` (base units at stake in it): the full
    /// `alpha_bps` from `value_unit` up, proportionally less below. A 1-unit task moves
    /// reputation by nothing measurable.
    pub fn step_bps(params: &RepParams, value: u64) -> Result<u16> {
        let unit = params.value_unit;
        let step = crate::math::mul_div_floor(u64::from(params.alpha_bps), value.min(unit), unit)?;
        u16::try_from(step).map_err(|_| error!(MeritError::MathOverflow))
    }

    /// Applies the idle decay up to `epoch`, then `event` with a step of `alpha_bps`.
    pub fn record(
        &mut self,
        event: RepEvent,
        epoch: u64,
        alpha_bps: u16,
        decay_bps: u16,
        start_bps: u16,
    ) -> Result<()> {
        let score = self.score_at(epoch, decay_bps, start_bps)?;
        self.last_epoch = self.last_epoch.max(epoch);
        let (toward_max, counter) = match event {
            RepEvent::Accepted => (Some(true), &mut self.accepted),
            RepEvent::Neutral => (None, &mut self.neutral),
            RepEvent::Rejected => (Some(false), &mut self.rejected),
            RepEvent::Coherent => (Some(true), &mut self.coherent),
            RepEvent::Incoherent => (Some(false), &mut self.incoherent),
            RepEvent::MissedReveal => (Some(false), &mut self.missed_reveals),
            RepEvent::Absent => (Some(false), &mut self.absences),
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

/// How a removal of staked tokens splits between stake still warming up and active stake
/// (warming first), so the config's totals follow it exactly.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StakeRemoval {
    pub warming: u64,
    pub active: u64,
}

impl Stake {
    /// A new stake account of `owner`, whose record starts under `rep` in epoch `epoch`.
    pub fn new(owner: Pubkey, bump: u8, epoch: u64, rep: &RepParams) -> Self {
        Stake {
            version: crate::constants::ACCOUNT_VERSION,
            bump,
            owner,
            deposited: 0,
            locked: 0,
            unstaking: 0,
            unstake_at: 0,
            history: [StakePoint::default(); STAKE_HISTORY_LEN],
            history_len: 0,
            history_from: 0,
            reputation: Reputation::new(epoch, rep.start_bps),
            reserved: [0; 32],
        }
    }

    /// Deposited and not requested for unstake: what can count for draws.
    pub fn staked(&self) -> u64 {
        self.deposited.saturating_sub(self.unstaking)
    }

    fn points(&self) -> &[StakePoint] {
        &self.history[..usize::from(self.history_len).min(STAKE_HISTORY_LEN)]
    }

    /// Stake active now, in the open epoch `current`: everything staked, less what was
    /// deposited during `current` (warming up).
    pub fn active_now(&self, current: u64) -> u64 {
        match self.points().last() {
            Some(p) if p.epoch == current => p.active_min,
            _ => self.staked(),
        }
    }

    /// Stake still warming up in the open epoch `current`.
    pub fn warming_at(&self, current: u64) -> u64 {
        self.staked().saturating_sub(self.active_now(current))
    }

    /// The stake that counts for a committee drawn in epoch `epoch` (<= the open epoch
    /// `current`): what was active from the start of `epoch` until now without a break,
    /// the least active stake over that time. Deposits made since never count; removals
    /// count at once. Exact while the owner's stake changed in at most
    /// `STAKE_HISTORY_LEN` distinct epochs since `epoch` (a fourth drops the oldest point:
    /// an epoch older than the history then counts 0, never more than was active).
    pub fn active_at(&self, epoch: u64, current: u64) -> u64 {
        if epoch < self.history_from {
            return 0;
        }
        let now = self.active_now(current);
        let mut since = self.points().iter().filter(|p| p.epoch >= epoch);
        match since.next() {
            None => now,
            Some(first) => since
                .map(|p| p.active_min)
                .fold(first.active_start.min(first.active_min), u64::min)
                .min(now),
        }
    }

    /// Opens the point of epoch `current` before a change (everything staked before it is
    /// active at its start), dropping the oldest point when the history is full.
    fn touch(&mut self, current: u64) {
        if self.points().last().is_some_and(|p| p.epoch == current) {
            return;
        }
        let staked = self.staked();
        let len = usize::from(self.history_len).min(STAKE_HISTORY_LEN);
        if len == STAKE_HISTORY_LEN {
            self.history_from = self.history[0].epoch.saturating_add(1);
            self.history.copy_within(1.., 0);
        }
        let at = len.min(STAKE_HISTORY_LEN - 1);
        self.history[at] = StakePoint {
            epoch: current,
            active_start: staked,
            active_min: staked,
        };
        self.history_len = (at + 1) as u8;
    }

    /// Adds a deposit made in the open epoch `current`: it warms up until the next.
    pub fn deposit(&mut self, amount: u64, current: u64) -> Result<()> {
        self.touch(current);
        self.deposited = self.deposited.safe_add(amount)?;
        Ok(())
    }

    /// Books `amount` of staked tokens that stop counting now (requested for unstake or
    /// slashed): taken from the warming stake first. The caller then updates `deposited` or
    /// `unstaking` (after this call: the split reads the stake before the removal) and
    /// hands the split to [`crate::state::Config::remove_stake`].
    pub fn remove_staked(&mut self, amount: u64, current: u64) -> StakeRemoval {
        self.touch(current);
        let warming = self.warming_at(current).min(amount);
        let active = amount - warming;
        if let Some(p) = self.history[..usize::from(self.history_len)].last_mut() {
            p.active_min = p.active_min.saturating_sub(active);
        }
        StakeRemoval { warming, active }
    }

    /// Stake neither locked in bonds nor waiting to be withdrawn.
    pub fn unlocked(&self) -> u64 {
        self.deposited
            .saturating_sub(self.locked)
            .saturating_sub(self.unstaking)
    }

    /// Whether `request_unstake` of `amount` may run: more than nothing (`ZeroAmount`) and
    /// at most the unlocked stake (`InsufficientUnlockedStake`). Clients call it too.
    pub fn unstake_check(&self, amount: u64) -> Result<()> {
        require!(amount > 0, MeritError::ZeroAmount);
        require!(
            amount <= self.unlocked(),
            MeritError::InsufficientUnlockedStake
        );
        Ok(())
    }

    /// Whether `withdraw_stake` may run at `now`: something is unstaking
    /// (`NothingToWithdraw`) and its cooldown has ended (`CooldownNotElapsed`).
    pub fn withdraw_check(&self, now: i64) -> Result<()> {
        require!(self.unstaking > 0, MeritError::NothingToWithdraw);
        require!(now >= self.unstake_at, MeritError::CooldownNotElapsed);
        Ok(())
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

    /// Records `event`, a settled outcome with `value` base units at stake, in the owner's
    /// reputation (decaying idle epochs first) under `params` (the task's snapshot).
    /// Returns what the handler emits (as `ReputationUpdated::from`): state does not emit.
    #[must_use = "the handler emits the returned record as a ReputationUpdated"]
    pub fn record_outcome(
        &mut self,
        event: RepEvent,
        epoch: u64,
        params: &RepParams,
        value: u64,
    ) -> Result<RepRecorded> {
        self.reputation.record(
            event,
            epoch,
            Reputation::step_bps(params, value)?,
            params.decay_bps,
            params.start_bps,
        )?;
        self.invariant()?;
        Ok(RepRecorded {
            owner: self.owner,
            score_bps: self.reputation.score_bps,
            epoch,
        })
    }

    /// The stake's accounting rules, each with its own error.
    pub fn invariant(&self) -> Result<()> {
        require!(
            self.locked.safe_add(self.unstaking)? <= self.deposited,
            MeritError::StakeOvercommitted
        );
        let points = self.points();
        require!(
            points.windows(2).all(|w| w[0].epoch < w[1].epoch)
                && points.iter().all(|p| p.active_min <= p.active_start)
                && points.last().is_none_or(|p| p.active_min <= self.staked()),
            MeritError::StakeHistoryInconsistent
        );
        require!(
            self.reputation.score_bps <= MAX_REPUTATION,
            MeritError::ReputationOutOfRange
        );
        Ok(())
    }
}

/// `Stake`'s size without its discriminator, pinned: a layout change is a conscious one
/// (openbook-v2's `const_assert_eq!(size_of::<Market>(), 840)`).
const _: () = assert!(<Stake as Space>::INIT_SPACE == 221);
#[cfg(test)]
mod tests {
    use super::*;

    fn stake() -> Stake {
        let rep = RepParams {
            start_bps: NEUTRAL_REPUTATION,
            decay_bps: 0,
            alpha_bps: 0,
            value_unit: 1,
        };
        Stake::new(Pubkey::default(), 0, 0, &rep)
    }

    #[test]
    fn a_deposit_counts_from_the_next_epoch_on() {
        let mut s = stake();
        s.deposit(100, 3).unwrap();
        assert_eq!(s.active_at(3, 3), 0, "warming in its own epoch");
        assert_eq!(s.active_at(3, 4), 0, "a draw in epoch 3 never counts it");
        assert_eq!(s.active_at(4, 4), 100);
        assert_eq!(s.warming_at(3), 100);
        assert_eq!(s.warming_at(4), 0);
        s.invariant().unwrap();
    }

    #[test]
    fn later_deposits_never_count_for_an_earlier_draw_and_never_erase_it() {
        let mut s = stake();
        s.deposit(100, 1).unwrap();
        s.deposit(50, 5).unwrap();
        assert_eq!(s.active_at(5, 5), 100, "drawn in 5: only the old 100");
        assert_eq!(s.active_at(2, 5), 100);
        assert_eq!(s.active_at(6, 6), 150);
        // The audit's case: a top-up in the draw's epoch, then the draw is read in the
        // next; and a third deposit epoch no longer erases it either.
        let mut t = stake();
        t.deposit(100, 1).unwrap();
        t.deposit(10, 5).unwrap();
        assert_eq!(t.active_at(5, 6), 100);
        t.deposit(10, 7).unwrap();
        assert_eq!(t.active_at(5, 7), 100);
        assert_eq!(t.active_at(6, 7), 110);
        assert_eq!(t.active_at(8, 8), 120);
        t.invariant().unwrap();
    }

    #[test]
    fn removals_stop_counting_at_once_warming_first() {
        let mut s = stake();
        s.deposit(100, 1).unwrap();
        s.deposit(40, 2).unwrap();
        let r = s.remove_staked(60, 2);
        assert_eq!(
            r,
            StakeRemoval {
                warming: 40,
                active: 20
            }
        );
        s.unstaking += 60;
        assert_eq!(s.active_at(2, 2), 80);
        assert_eq!(s.active_at(3, 3), 80);
        assert_eq!(s.warming_at(2), 0);
        // Removed after a draw in epoch 2 and deposited again later: the draw counts the
        // least that stayed, never the new tokens.
        s.deposit(500, 4).unwrap();
        assert_eq!(s.active_at(2, 5), 80);
        assert_eq!(s.active_at(5, 5), 580);
        s.invariant().unwrap();
    }

    #[test]
    fn a_fourth_change_epoch_forgets_the_oldest_and_counts_it_zero() {
        let mut s = stake();
        s.deposit(100, 1).unwrap();
        for (epoch, amount) in [(3, 1), (5, 1), (7, 1)] {
            s.deposit(amount, epoch).unwrap();
        }
        assert_eq!(s.history_len as usize, STAKE_HISTORY_LEN);
        assert_eq!(s.history_from, 2, "the point of epoch 1 was dropped");
        assert_eq!(s.active_at(1, 8), 0, "older than the history");
        assert_eq!(s.active_at(2, 8), 100, "still exact after it");
        assert_eq!(s.active_at(4, 8), 101);
        assert_eq!(s.active_at(8, 8), 103);
        s.invariant().unwrap();
    }

    const ALPHA: u16 = 2_000;
    const DECAY: u16 = 1_000;

    impl Reputation {
        /// `score_at` with the neutral start of the original tests.
        fn score_at_n(&self, epoch: u64, decay: u16) -> Result<u16> {
            self.score_at(epoch, decay, NEUTRAL_REPUTATION)
        }
    }

    #[test]
    fn a_bad_record_never_decays_above_a_new_keys_start() {
        let start = 3_000;
        let mut r = Reputation::new(0, start);
        assert_eq!(r.score_bps, start);
        r.score_bps = 500;
        for epoch in [2, 10, 1_000, u64::MAX] {
            assert!(r.score_at(epoch, DECAY, start).unwrap() <= start);
        }
        assert_eq!(r.score_at(1_000, DECAY, start).unwrap(), start);
        r.score_bps = 9_000;
        assert_eq!(r.score_at(1_000, DECAY, start).unwrap(), start);
    }

    #[test]
    fn an_outcome_moves_reputation_in_proportion_to_its_value() {
        let params = crate::state::ConfigParams::defaults(6).rep();
        let unit = params.value_unit;
        assert_eq!(Reputation::step_bps(&params, 1).unwrap(), 0);
        assert_eq!(Reputation::step_bps(&params, unit / 2).unwrap(), ALPHA / 2);
        assert_eq!(Reputation::step_bps(&params, unit).unwrap(), ALPHA);
        assert_eq!(Reputation::step_bps(&params, u64::MAX).unwrap(), ALPHA);
        // A hundred 1-unit "accepted" outcomes move nothing.
        let mut r = Reputation::new(0, params.start_bps);
        for _ in 0..100 {
            let step = Reputation::step_bps(&params, 1).unwrap();
            r.record(RepEvent::Accepted, 0, step, DECAY, params.start_bps)
                .unwrap();
        }
        assert_eq!(r.score_bps, params.start_bps);
        assert_eq!(r.accepted, 100);
    }

    #[test]
    fn scripted_history_moves_as_an_ema() {
        let mut r = Reputation::new(0, NEUTRAL_REPUTATION);
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
            r.record(event, 0, ALPHA, DECAY, NEUTRAL_REPUTATION)
                .unwrap();
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
        let mut r = Reputation::new(0, NEUTRAL_REPUTATION);
        r.score_bps = 6_800;
        assert_eq!(r.score_at_n(0, DECAY).unwrap(), 6_800);
        assert_eq!(
            r.score_at_n(1, DECAY).unwrap(),
            6_800,
            "the next epoch is not idle yet"
        );
        assert_eq!(
            r.score_at_n(3, DECAY).unwrap(),
            (5_000 + 1_800 * 81 / 100) as u16
        );
        r.score_bps = 3_000;
        assert_eq!(
            r.score_at_n(4, DECAY).unwrap(),
            (5_000 - 2_000 * 729 / 1_000) as u16
        );
        assert_eq!(r.score_at_n(10_000, DECAY).unwrap(), 5_000);
        assert_eq!(
            r.score_at_n(u64::MAX, 0).unwrap(),
            3_000,
            "no decay configured"
        );
    }

    #[test]
    fn recording_applies_the_decay_first() {
        let mut r = Reputation::new(0, NEUTRAL_REPUTATION);
        r.score_bps = 6_000;
        r.record(RepEvent::Accepted, 3, ALPHA, DECAY, NEUTRAL_REPUTATION)
            .unwrap();
        // 6,000 decays over two idle epochs to 5,810, then moves 20% toward 10,000.
        assert_eq!(r.score_bps, (5_810 + (10_000 - 5_810) / 5) as u16);
        assert_eq!(r.last_epoch, 3);
    }

    #[test]
    fn score_stays_within_bounds_and_sets_the_multiplier() {
        let mut r = Reputation::new(0, NEUTRAL_REPUTATION);
        for _ in 0..1_000 {
            r.record(RepEvent::Coherent, 0, 10_000, DECAY, NEUTRAL_REPUTATION)
                .unwrap();
        }
        assert_eq!(r.score_bps, 10_000);
        assert_eq!(
            r.multiplier_at(0, DECAY, NEUTRAL_REPUTATION).unwrap(),
            15_000
        );
        for _ in 0..1_000 {
            r.record(RepEvent::Incoherent, 0, 3_333, DECAY, NEUTRAL_REPUTATION)
                .unwrap();
        }
        assert_eq!(r.score_bps, 0);
        assert_eq!(
            r.multiplier_at(0, DECAY, NEUTRAL_REPUTATION).unwrap(),
            5_000
        );
    }
}
