use crate::constants::{BPS_DENOMINATOR, MAX_MULTIPLIER_BPS};
use crate::error::MeritError;
use crate::math::{apply_wad, bps_floor, retention_pow, SafeMath};
use crate::state::ConfigParams;
use anchor_lang::prelude::*;

/// An emission epoch. PDA `["epoch", index (u64 LE)]`.
///
/// While open it collects merit points: accepted submissions and coherent votes
/// finalized during `[start, end)`. `advance_epoch` closes it, fixing its emission.
#[account]
#[derive(InitSpace, Debug)]
pub struct Epoch {
    pub version: u8,
    pub bump: u8,
    pub index: u64,
    pub start: i64,
    pub end: i64,
    pub closed: bool,
    pub contributor_points: u128,
    pub validator_points: u128,
    /// Fixed at close: the contributors' share of the epoch's emission.
    pub contributor_emission: u64,
    /// Fixed at close: the validators' share of the epoch's emission.
    pub validator_emission: u64,
    pub contributor_claimed: u64,
    pub validator_claimed: u64,
    pub contributor_points_claimed: u128,
    pub validator_points_claimed: u128,
    /// Fixed at open from the parameters then: what the epoch emits at close (as far as
    /// the vault allows), and the contributors' share of it. A parameter change applies
    /// from the next epoch opened, never to points already being recorded.
    pub scheduled_emission: u64,
    pub contributor_emission_bps: u16,
    /// How long after `end` the epoch's emission stays claimable (snapshot at open).
    pub claim_window_secs: i64,
    /// How long its emissions vest once claimed (snapshot at open).
    pub vesting_duration_secs: i64,
    /// The claim window passed and `expire_epoch` released what was unclaimed.
    pub expired: bool,
    /// Snapshot at open of the protocol fee and emission cap rates: the epoch pays at most
    /// the emission its points could ever be paid under every task's cap
    /// ([`Epoch::emission_ceiling`]).
    pub task_fee_bps: u16,
    pub emission_cap_bps: u16,
    /// What each side's claims actually paid: its share ([`Epoch::claim`]) less what was
    /// above the task's emission cap (`forfeited`, back to the vault). At most `*_claimed`.
    pub contributor_paid: u64,
    pub validator_paid: u64,
    pub reserved: [u8; 12],
}

/// Which half of an epoch's emission a claim draws on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Contributor,
    Validator,
}

/// Tokens scheduled for epoch `index`: `initial * (1 - decay)^index`, rounded down.
pub fn scheduled_emission(params: &ConfigParams, index: u64) -> Result<u64> {
    apply_wad(
        params.initial_emission,
        retention_pow(params.emission_decay_bps, index)?,
    )
}

impl Epoch {
    /// Opens epoch `index` at `start`, snapshotting its length, schedule and split from
    /// `params`.
    pub fn open(index: u64, bump: u8, start: i64, params: &ConfigParams) -> Result<Self> {
        Ok(Epoch {
            version: crate::constants::ACCOUNT_VERSION,
            bump,
            index,
            start,
            end: start.safe_add(params.epoch_length_secs)?,
            scheduled_emission: scheduled_emission(params, index)?,
            contributor_emission_bps: params.contributor_emission_bps,
            claim_window_secs: params.claim_window_secs,
            vesting_duration_secs: params.vesting_duration_secs,
            task_fee_bps: params.task_fee_bps,
            emission_cap_bps: params.emission_cap_bps,
            expired: false,
            closed: false,
            contributor_points: 0,
            validator_points: 0,
            contributor_emission: 0,
            validator_emission: 0,
            contributor_claimed: 0,
            validator_claimed: 0,
            contributor_points_claimed: 0,
            validator_points_claimed: 0,
            contributor_paid: 0,
            validator_paid: 0,
            reserved: [0; 12],
        })
    }

    /// The index and start of the epoch that contains `now`, once this one is over
    /// (`EpochNotOver` before), for epochs of `length` seconds. Epochs nobody advanced
    /// through are skipped arithmetically, without a loop: they have no account, no points
    /// and emit nothing. The rule `advance_epoch` applies and every keeper calls.
    pub fn next_at(&self, now: i64, length: i64) -> Result<(u64, i64)> {
        require!(now >= self.end, MeritError::EpochNotOver);
        let skipped = now.safe_sub(self.end)?.safe_div(length)?;
        let index = self.index.safe_add(1)?.safe_add(skipped as u64)?;
        let start = self.end.safe_add(skipped.safe_mul(length)?)?;
        Ok((index, start))
    }

    pub fn require_open(&self, now: i64) -> Result<()> {
        require!(!self.closed && now < self.end, MeritError::EpochStale);
        Ok(())
    }

    /// The most emission `points` can be paid under the snapshotted rates: a task's
    /// participants can together be paid `emission_cap_bps` of its protocol fee
    /// (`task_fee_bps` of its reward) and hold at most 1.5x its reward in points, so a side
    /// that pays at most `points * task_fee_bps * emission_cap_bps / (10,000 * 15,000)`
    /// never pays a task past its cap: no share is cut by a cap, so a task that claims
    /// less than its points' share (self-dealt, say) never dilutes the honest claimants.
    pub fn emission_ceiling(&self, points: u128) -> Result<u64> {
        let rate = u128::from(self.task_fee_bps).safe_mul(u128::from(self.emission_cap_bps))?;
        let ceiling =
            points.safe_mul(rate)? / (u128::from(BPS_DENOMINATOR) * u128::from(MAX_MULTIPLIER_BPS));
        Ok(u64::try_from(ceiling).unwrap_or(u64::MAX))
    }

    /// Closes the epoch with up to `emission` tokens: each side's share, at most its
    /// [`Epoch::emission_ceiling`]. A side with no points gets nothing. What a side does not
    /// take stays in the vault for later epochs. Returns what is now reserved.
    pub fn finish(&mut self, emission: u64, contributor_bps: u16) -> Result<u64> {
        let contributor_share = bps_floor(emission, contributor_bps)?;
        self.contributor_emission =
            contributor_share.min(self.emission_ceiling(self.contributor_points)?);
        self.validator_emission = emission
            .safe_sub(contributor_share)?
            .min(self.emission_ceiling(self.validator_points)?);
        self.closed = true;
        self.contributor_emission.safe_add(self.validator_emission)
    }

    /// Expires a closed epoch whose claim window has passed: returns the emission still
    /// reserved for its unclaimed points (each side's rounding dust was already released
    /// if all its points were claimed).
    pub fn expire(&mut self, now: i64) -> Result<u64> {
        self.expire_check(now)?;
        let unclaimed = self.unclaimed_reserved()?;
        self.expired = true;
        Ok(unclaimed)
    }

    /// Whether `expire_epoch` may run at `now`: closed, not expired, its claim window over.
    pub fn expire_check(&self, now: i64) -> Result<()> {
        require!(self.closed, MeritError::EpochNotClosed);
        require!(!self.expired, MeritError::AlreadyExpired);
        require!(
            now >= self.end.safe_add(self.claim_window_secs)?,
            MeritError::ClaimWindowOpen
        );
        Ok(())
    }

    /// Emission of a closed epoch still reserved for points not claimed yet (a side whose
    /// points were all claimed already released its rounding dust).
    pub fn unclaimed_reserved(&self) -> Result<u64> {
        if self.expired {
            return Ok(0);
        }
        let side = |emission: u64, claimed: u64, points: u128, points_claimed: u128| {
            if points_claimed == points {
                Ok(0)
            } else {
                emission.safe_sub(claimed)
            }
        };
        side(
            self.contributor_emission,
            self.contributor_claimed,
            self.contributor_points,
            self.contributor_points_claimed,
        )?
        .safe_add(side(
            self.validator_emission,
            self.validator_claimed,
            self.validator_points,
            self.validator_points_claimed,
        )?)
    }

    /// Pays `points` of `side`: `floor(emission * points / total points)`. Returns
    /// `(share, released)` where `released` is the rounding dust freed once every point of
    /// the side has claimed.
    pub fn claim(&mut self, side: Side, points: u64) -> Result<(u64, u64)> {
        require!(self.closed, MeritError::EpochNotClosed);
        require!(points > 0, MeritError::NoEmissionPoints);
        if self.expired {
            // Expired: what was unclaimed went back to the vault; nothing is paid.
            return Ok((0, 0));
        }
        let (emission, total, claimed, points_claimed) = match side {
            Side::Contributor => (
                self.contributor_emission,
                self.contributor_points,
                &mut self.contributor_claimed,
                &mut self.contributor_points_claimed,
            ),
            Side::Validator => (
                self.validator_emission,
                self.validator_points,
                &mut self.validator_claimed,
                &mut self.validator_points_claimed,
            ),
        };
        let share =
            u64::try_from(u128::from(emission).safe_mul(u128::from(points))? / total.max(1))
                .map_err(|_| error!(MeritError::MathOverflow))?;
        *claimed = claimed.safe_add(share)?;
        *points_claimed = points_claimed.safe_add(u128::from(points))?;
        let released = if *points_claimed == total {
            emission.safe_sub(*claimed)?
        } else {
            0
        };
        self.invariant()?;
        Ok((share, released))
    }

    /// Books `paid` of a claim on `side` (its share after the task's cap).
    pub fn record_paid(&mut self, side: Side, paid: u64) -> Result<()> {
        let total = match side {
            Side::Contributor => &mut self.contributor_paid,
            Side::Validator => &mut self.validator_paid,
        };
        *total = total.safe_add(paid)?;
        self.invariant()
    }

    /// The epoch's accounting rules, each with its own error: a side never pays more than
    /// its emission nor more points than it recorded, and the epoch spans a positive time.
    pub fn invariant(&self) -> Result<()> {
        require!(
            self.contributor_claimed <= self.contributor_emission
                && self.validator_claimed <= self.validator_emission
                && self.contributor_points_claimed <= self.contributor_points
                && self.validator_points_claimed <= self.validator_points
                && self.contributor_paid <= self.contributor_claimed
                && self.validator_paid <= self.validator_claimed,
            MeritError::EpochOverclaimed
        );
        require!(self.end > self.start, MeritError::EpochSpanInvalid);
        Ok(())
    }
}

/// Merit points of accepted work or a coherent vote: the value the creator paid for it
/// (in base units of the stake token) times the participant's reputation multiplier (bps).
/// A 1-unit task earns nothing measurable; see `Task::submission_value` and
/// `Task::vote_value`.
pub fn merit_points(value: u64, multiplier_bps: u16) -> Result<u64> {
    crate::math::mul_div_floor(value, u64::from(multiplier_bps), u64::from(BPS_DENOMINATOR))
}

/// `Epoch`'s size without its discriminator, pinned: a layout change is a conscious one
/// (openbook-v2's `const_assert_eq!(size_of::<Market>(), 840)`).
const _: () = assert!(<Epoch as Space>::INIT_SPACE == 182);
#[cfg(test)]
mod tests {
    use super::*;
    use crate::constants::MAX_TASK_FEE_BPS;
    use crate::state::Task;
    use proptest::prelude::*;

    /// A task of `reward` under `params`, as `create_task` books its fee and emission cap.
    fn task(reward: u64, params: &ConfigParams) -> Task {
        let mut task = <Task as bytemuck::Zeroable>::zeroed();
        let (fee, cap) = Task::protocol_fee_and_cap(reward, params).unwrap();
        task.reward = reward;
        task.protocol_fee = fee;
        task.emission_cap = cap;
        task
    }

    /// Tasks, each with its participants' (value share in bps of the reward, multiplier).
    fn tasks() -> impl Strategy<Value = Vec<(u64, Vec<(u16, u16)>)>> {
        prop::collection::vec(
            (
                1u64..=1_000_000_000_000,
                prop::collection::vec((0u16..=10_000, 5_000u16..=MAX_MULTIPLIER_BPS), 1..6),
            ),
            1..5,
        )
    }

    proptest! {
        /// Whatever the emission, the tasks' points (up to 1.5x each task's reward, a
        /// self-dealt task's included) and the order of the claims: a share is never cut
        /// by its task's cap beyond rounding (the epoch's ceiling keeps every share within
        /// it, so nobody's points dilute a side for emission that is then forfeited), and
        /// every claimant gets its own part of the cap, never what an earlier claimant
        /// with a higher multiplier took from it.
        #[test]
        fn no_share_is_cut_by_a_cap_and_no_claimant_takes_anothers_part(
            tasks in tasks(),
            emission in 0u64..=10_000_000_000_000,
            task_fee_bps in 1u16..=MAX_TASK_FEE_BPS,
            emission_cap_bps in 0u16..BPS_DENOMINATOR,
            order_seed in any::<u64>(),
        ) {
            let params = ConfigParams { task_fee_bps, emission_cap_bps, ..ConfigParams::defaults(6) };
            let mut epoch = Epoch::open(1, 0, 0, &params).unwrap();
            let mut books = Vec::new();
            let mut claims = Vec::new();
            for (i, (reward, people)) in tasks.iter().enumerate() {
                books.push(task(*reward, &params));
                let total_bps: u32 = people.iter().map(|(s, _)| u32::from(*s)).sum();
                for (share_bps, multiplier) in people {
                    // Values add up to at most the reward.
                    let value = crate::math::mul_div_floor(*reward, u64::from(*share_bps), u64::from(total_bps.max(10_000))).unwrap();
                    let points = merit_points(value, *multiplier).unwrap();
                    epoch.contributor_points += u128::from(points);
                    claims.push((i, points));
                }
            }
            epoch.finish(emission, 10_000).unwrap();
            // A deterministic shuffle of the claims.
            let n = claims.len();
            for k in (1..n).rev() {
                let j = (order_seed.rotate_left(k as u32) as usize) % (k + 1);
                claims.swap(k, j);
            }
            for (i, points) in claims {
                if points == 0 {
                    continue;
                }
                let (share, _) = epoch.claim(Side::Contributor, points).unwrap();
                let most = crate::math::mul_div_floor(books[i].reward, u64::from(MAX_MULTIPLIER_BPS), u64::from(BPS_DENOMINATOR)).unwrap();
                let part = crate::math::mul_div_floor(books[i].emission_cap, points, most.max(1)).unwrap();
                let paid = books[i].take_emission(share, points).unwrap();
                prop_assert_eq!(paid, share.min(part), "the order of the claims never matters");
                prop_assert!(share - paid <= 2, "share {} cut to {} beyond rounding", share, paid);
            }
            for t in &books {
                prop_assert!(t.emission_paid <= t.emission_cap);
            }
        }
    }

    /// The audit's case: two participants of one task, the first at the highest multiplier
    /// with most of the points. Before, the first claim took the whole cap and the second
    /// got nothing; now each takes its part, whoever claims first. Two defences hold it,
    /// either alone: the epoch's ceiling keeps every share within its part, and
    /// `Task::take_emission` pays at most the part.
    #[test]
    fn the_first_claimant_cannot_empty_the_cap() {
        let params = ConfigParams::defaults(6);
        let reward = 1_000_000_000;
        let high = merit_points(900_000_000, MAX_MULTIPLIER_BPS).unwrap();
        let low = merit_points(100_000_000, 5_000).unwrap();
        for first_high in [true, false] {
            let mut t = task(reward, &params);
            let mut epoch = Epoch::open(1, 0, 0, &params).unwrap();
            epoch.contributor_points = u128::from(high + low);
            // More emission than the cap could ever pay.
            epoch.finish(u64::MAX / 4, 10_000).unwrap();
            let order = if first_high { [high, low] } else { [low, high] };
            let mut got = Vec::new();
            for points in order {
                let (share, _) = epoch.claim(Side::Contributor, points).unwrap();
                got.push((points, t.take_emission(share, points).unwrap()));
            }
            let low_paid = got.iter().find(|(p, _)| *p == low).unwrap().1;
            assert!(low_paid > 0, "the later, lower claimant keeps its part");
            assert!(t.emission_paid <= t.emission_cap);
        }
    }
}
