//! Properties of the program's pure rules against straightforward reference
//! implementations: the stake-weighted median and coherence, pro-rata shares of reward and
//! emission pools, vesting, and reputation bounds.
use merit::math::{bps_floor, mul_div_floor};
use merit::state::{
    is_coherent, weighted_median, ConfigParams, Epoch, RepEvent, Reputation, RevealedVote, Side,
    Task, Vesting,
};
use proptest::prelude::*;

/// Reference median: the lowest score at or below which half the weight lies; on an exact
/// split, the midpoint of it and the next score up, rounded down, as a tie.
fn reference_median(votes: &[(u32, u8)]) -> Option<(u8, bool)> {
    let total: u128 = votes.iter().map(|(w, _)| u128::from(*w)).sum();
    if total == 0 {
        return None;
    }
    let mut scores: Vec<u8> = votes
        .iter()
        .filter(|(w, _)| *w > 0)
        .map(|(_, s)| *s)
        .collect();
    scores.sort();
    scores.dedup();
    for (i, s) in scores.iter().enumerate() {
        let at_or_below: u128 = votes
            .iter()
            .filter(|(_, v)| v <= s)
            .map(|(w, _)| u128::from(*w))
            .sum();
        if 2 * at_or_below == total {
            let next = scores[i + 1];
            return Some((((u16::from(*s) + u16::from(next)) / 2) as u8, true));
        }
        if 2 * at_or_below > total {
            return Some((*s, false));
        }
    }
    unreachable!()
}

fn votes() -> impl Strategy<Value = Vec<(u32, u8)>> {
    prop::collection::vec((0u32..=u32::MAX / 64, 0u8..=100), 0..=32)
}

/// A task with `reward` under `params`, as `create_task` sets its fee and emission cap
/// (every other field zero).
fn task_with(reward: u64, params: &ConfigParams) -> Task {
    let mut task = <Task as bytemuck::Zeroable>::zeroed();
    let (fee, cap) = Task::protocol_fee_and_cap(reward, params).unwrap();
    task.reward = reward;
    task.protocol_fee = fee;
    task.emission_cap = cap;
    task
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// A party that controls a task end to end (creator, every contributor, every judge)
    /// gets its reward back and at most the task's emission cap, and never the protocol
    /// fee: whatever the valid config, reward and claims, its emissions are below its fee.
    #[test]
    fn self_dealing_never_earns_back_the_protocol_fee(
        reward in 1u64..=u64::MAX / 2,
        fee_bps in 1u16..=2_000,
        cap_bps in 0u16..10_000,
        claims in prop::collection::vec((any::<u64>(), any::<u64>()), 0..=64),
    ) {
        let params = ConfigParams {
            task_fee_bps: fee_bps,
            emission_cap_bps: cap_bps,
            ..ConfigParams::defaults(6)
        };
        prop_assert!(params.validate().is_ok());
        let mut task = task_with(reward, &params);
        let mut paid: u128 = 0;
        for (share, points) in claims {
            let got = task.take_emission(share, points % (reward.saturating_mul(2)).max(1)).unwrap();
            prop_assert!(got <= share);
            paid += u128::from(got);
        }
        prop_assert_eq!(paid, u128::from(task.emission_paid));
        prop_assert!(task.emission_paid <= task.emission_cap);
        prop_assert!(u128::from(task.emission_cap) < u128::from(task.protocol_fee));
        prop_assert!(task.protocol_fee >= 1);
    }

    #[test]
    fn weighted_median_matches_the_sorting_reference(votes in votes()) {
        let revealed: Vec<RevealedVote> = votes
            .iter()
            .map(|(w, s)| RevealedVote::new(*w, *s, 10_000))
            .collect();
        let median = weighted_median(&revealed).unwrap().map(|c| (c.score, c.is_tie()));
        prop_assert_eq!(median, reference_median(&votes));
    }

    #[test]
    fn a_minority_cannot_move_the_median_outside_the_honest_range(
        honest in prop::collection::vec((1u32..1_000_000, 40u8..=60), 3..16),
        attacker_score in 0u8..=100,
    ) {
        // Attackers hold strictly less than half the weight.
        let honest_weight: u32 = honest.iter().map(|(w, _)| w).sum();
        let attacker = (honest_weight.saturating_sub(1), attacker_score);
        let mut all = honest.clone();
        all.push(attacker);
        let (m, _) = reference_median(&all).unwrap();
        let (lo, hi) = (
            honest.iter().map(|(_, s)| *s).min().unwrap(),
            honest.iter().map(|(_, s)| *s).max().unwrap(),
        );
        prop_assert!(m >= lo && m <= hi, "median {} outside {}..={}", m, lo, hi);
    }

    #[test]
    fn coherence_is_the_absolute_distance_rule(score in 0u8..=100, consensus in 0u8..=100, tol in 0u8..=100) {
        let reference = (i16::from(score) - i16::from(consensus)).abs() <= i16::from(tol);
        prop_assert_eq!(is_coherent(score, consensus, tol), reference);
    }

    #[test]
    fn reward_shares_never_exceed_the_pool_and_lose_under_one_unit_each(
        pool in 0u64..=u64::MAX / 2,
        scores in prop::collection::vec(1u64..=100, 1..64),
    ) {
        let total: u64 = scores.iter().sum();
        let paid: u128 = scores.iter().map(|s| u128::from(mul_div_floor(pool, *s, total).unwrap())).sum();
        prop_assert!(paid <= u128::from(pool));
        prop_assert!(u128::from(pool) - paid < scores.len() as u128);
    }

    #[test]
    fn validator_and_contributor_pools_split_the_reward_exactly(reward in any::<u64>(), bps in 0u16..=10_000) {
        let validators = bps_floor(reward, bps).unwrap();
        prop_assert!(validators <= reward);
        prop_assert_eq!(u128::from(validators) + u128::from(reward - validators), u128::from(reward));
    }

    #[test]
    fn emission_claims_sum_to_at_most_the_emission_and_release_the_dust(
        emission in 0u64..=u64::MAX / 4,
        points in prop::collection::vec(1u64..=u64::MAX / 1024, 1..40),
    ) {
        let mut epoch = Epoch::open(0, 255, 0, &ConfigParams { epoch_length_secs: 60, ..ConfigParams::defaults(6) }).unwrap();
        epoch.contributor_points = points.iter().map(|p| u128::from(*p)).sum();
        let reserved = epoch.finish(emission, 10_000).unwrap();
        prop_assert!(reserved <= emission);
        prop_assert!(reserved <= epoch.emission_ceiling(epoch.contributor_points).unwrap());
        let (mut paid, mut released) = (0u128, 0u128);
        for p in &points {
            let (share, dust) = epoch.claim(Side::Contributor, *p).unwrap();
            paid += u128::from(share);
            released += u128::from(dust);
        }
        prop_assert!(paid <= u128::from(reserved));
        prop_assert_eq!(paid + released, u128::from(reserved));
        prop_assert!(released < points.len() as u128 + 1);
    }

    #[test]
    fn reputation_stays_within_bounds(
        events in prop::collection::vec((0usize..8, 0u64..6), 0..200),
        alpha in 1u16..=10_000,
        decay in 0u16..=10_000,
    ) {
        let kinds = [
            RepEvent::Accepted, RepEvent::Neutral, RepEvent::Rejected, RepEvent::Coherent,
            RepEvent::Incoherent, RepEvent::MissedReveal, RepEvent::Slashed, RepEvent::Absent,
        ];
        let mut r = Reputation::new(0, 4_000);
        let mut epoch = 0u64;
        for (k, gap) in events {
            epoch += gap;
            r.record(kinds[k], epoch, alpha, decay, 4_000).unwrap();
            prop_assert!(r.score_bps <= 10_000);
            let m = r.multiplier_at(epoch + 3, decay, 4_000).unwrap();
            prop_assert!((5_000..=15_000).contains(&m));
        }
    }

    #[test]
    fn vesting_releases_linearly_and_never_more_than_granted(
        grants in prop::collection::vec((1u64..1_000_000_000, 0i64..5_000), 1..10),
        duration in 1i64..100_000,
        withdraw_every in 1i64..20_000,
    ) {
        let mut v = Vesting {
            version: 1, bump: 255, owner: Default::default(), unlocked: 0, unvested: 0,
            vest_from: 0, vest_until: 0, total_granted: 0, total_withdrawn: 0,
            total_slashed: 0, reserved: [0; 32],
        };
        let mut now = 0i64;
        let mut withdrawn = 0u64;
        for (amount, wait) in grants {
            now += wait;
            v.grant(amount, now, duration).unwrap();
            v.invariant().unwrap();
            now += withdraw_every;
            if let Ok(got) = v.take_unlocked(now) {
                withdrawn += got;
            }
            v.invariant().unwrap();
            prop_assert!(withdrawn <= v.total_granted);
        }
        now += duration * 2;
        withdrawn += v.take_unlocked(now).unwrap_or(0);
        prop_assert_eq!(withdrawn, v.total_granted);
        prop_assert!(v.take_unlocked(now).is_err(), "nothing can be withdrawn twice");
    }
}
