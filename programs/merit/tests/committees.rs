//! The committee a stake bloc can expect: with seats drawn by `sortition::seats`, the
//! chance that a bloc holding a fraction `f` of active stake holds a majority of a
//! `k`-seat committee is the binomial tail P(Bin(k, f) > k/2), whatever the bloc's keys.
//! Run with `--nocapture` to print the table docs/mechanism.md shows.
use merit::sortition::seats;

/// SplitMix64: uniform u64 lots, standing in for sha256 outputs nobody can predict.
struct Lots(u64);

impl Lots {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

fn binomial_majority(k: u32, f: f64) -> f64 {
    let mut p = 0.0;
    let mut choose = 1.0f64;
    for j in 0..=k {
        if j > 0 {
            choose = choose * f64::from(k - j + 1) / f64::from(j);
        }
        if 2 * j > k {
            p += choose * f.powi(j as i32) * (1.0 - f).powi((k - j) as i32);
        }
    }
    p
}

#[test]
fn bloc_majority_odds_match_the_binomial_tail() {
    const KEYS: u64 = 1_000;
    const STAKE: u64 = 1_000_000;
    const TRIALS: u32 = 20_000;
    let total = KEYS * STAKE;
    let mut lots = Lots(7);
    println!(
        "| bloc stake f | committee k | binomial P(majority) | measured | committees of size k |"
    );
    println!("|---|---|---|---|---|");
    for k in [5u8, 9, 15, 31] {
        for f in [0.10, 0.20, 0.33, 0.45] {
            let bloc_keys = (f * KEYS as f64).round() as u64;
            let (mut n, mut majority) = (0u32, 0u32);
            for _ in 0..TRIALS {
                let (mut bloc, mut all) = (0u64, 0u64);
                for key in 0..KEYS {
                    let s = seats(STAKE, total, k, lots.next());
                    all += s;
                    if key < bloc_keys {
                        bloc += s;
                    }
                }
                if all == u64::from(k) {
                    n += 1;
                    majority += u32::from(2 * bloc > all);
                }
            }
            let expected = binomial_majority(u32::from(k), bloc_keys as f64 / KEYS as f64);
            let measured = f64::from(majority) / f64::from(n);
            println!("| {f:.2} | {k} | {expected:.4} | {measured:.4} | {n} |");
            let se = (expected * (1.0 - expected) / f64::from(n)).sqrt();
            // Four standard errors, plus 0.01 for drawing from 1,000 keys rather than
            // infinitely many (the finite-population correction at k = 31).
            assert!(
                (measured - expected).abs() <= 4.0 * se + 0.01,
                "f={f} k={k}: measured {measured} vs binomial {expected} over {n} committees"
            );
        }
    }
}

#[test]
fn seats_are_linear_in_stake_so_splitting_changes_nothing_in_expectation() {
    // Expected seats of s tokens: the floor plus the fraction, exactly k*s/T.
    let total = 1_000_000u64;
    let mut lots = Lots(11);
    for (stake, k) in [(123_457u64, 9u8), (10, 16), (999_999, 5)] {
        let trials = 200_000u64;
        let got: u64 = (0..trials)
            .map(|_| seats(stake, total, k, lots.next()))
            .sum();
        let expected = f64::from(k) * stake as f64 / total as f64;
        let mean = got as f64 / trials as f64;
        assert!(
            (mean - expected).abs() < 0.01,
            "{stake}: {mean} vs {expected}"
        );
    }
}

/// A task whose draw saw `total` active stake, with a `committee`-seat committee, a
/// `reward` and bonds of `bps` per seat (every other field zero).
fn drawn_task(total: u64, committee: u8, reward: u64, bps: u16) -> merit::state::Task {
    let mut task = <merit::state::Task as bytemuck::Zeroable>::zeroed();
    task.draw.total_stake = total;
    task.committee_size = committee;
    task.reward = reward;
    task.rules.vote_bond_bps = bps;
    task
}

/// Expected bond of a key with `stake`: seats are `whole` or `whole + 1`, the latter with
/// probability `frac / total` (exactly, over the lot).
fn expected_bond(task: &merit::state::Task, stake: u64, bond: impl Fn(u64) -> u64) -> f64 {
    let total = task.draw.total_stake;
    let expected = u128::from(task.committee_size) * u128::from(stake);
    let whole = (expected / u128::from(total)) as u64;
    let p = (expected % u128::from(total)) as f64 / total as f64;
    (1.0 - p) * bond(whole) as f64 + p * bond(whole + 1) as f64
}

#[test]
fn splitting_stake_over_keys_never_lowers_the_bond_at_risk_per_token() {
    // 1,000,000 tokens active, a 16-seat committee on a 1,000-token reward, half the
    // reward bonded by a full committee (31.25 tokens a seat); an attacker with 40,000
    // tokens as one key or as 400 keys of 100.
    const T: u64 = 1_000_000;
    let task = drawn_task(1_000_000 * T, 16, 1_000 * T, 5_000);
    let (stake, keys) = (40_000 * T, 400u64);
    let per_seat = |seats: u64| task.vote_bond(seats).unwrap();
    assert_eq!(per_seat(1), 31_250_000);
    assert_eq!(per_seat(3), 93_750_000);
    let one = expected_bond(&task, stake, per_seat);
    let split = keys as f64 * expected_bond(&task, stake / keys, per_seat);
    // Both are the expected seats (16 * 4%) times a seat's bond, up to a base unit of
    // rounding per key.
    let target = 16.0 * 0.04 * per_seat(1) as f64;
    assert!((one - target).abs() <= 1.0, "{one} vs {target}");
    assert!((split - target).abs() <= keys as f64, "{split} vs {target}");

    // A rule bonding 10% of the key's own stake whenever it holds a seat: the one key
    // (drawn with probability 0.64) risked 2,560 tokens in expectation, the 400 keys
    // (each drawn with probability 0.0016) 6.4 tokens, for the same expected seats.
    let own_stake = |s: u64| move |seats: u64| if seats > 0 { s / 10 } else { 0 };
    let old_one = expected_bond(&task, stake, own_stake(stake));
    let old_split = keys as f64 * expected_bond(&task, stake / keys, own_stake(stake / keys));
    assert!(old_split * 100.0 < old_one, "{old_split} vs {old_one}");
}

#[test]
fn the_stake_bondable_at_once_grows_with_the_stake_not_against_it() {
    // The network can seat `total_stake / committee_bond` full committees at once. With a
    // bond of a share of the total stake per seat that was `10,000 / vote_bond_bps` (ten
    // committees at 10%) however large the network: a busy epoch's submissions went
    // without quorum and their creators kept the revealed work for free.
    const T: u64 = 1_000_000;
    let committees = |total: u64| {
        let task = drawn_task(total, 16, 1_000 * T, 5_000);
        total / task.vote_bond(16).unwrap()
    };
    assert_eq!(committees(24_000 * T), 48);
    assert_eq!(committees(240_000 * T), 480);
}

/// The chance that a bloc of `bloc_keys` of `keys` equal keys holds a majority of the seats
/// of one committee of expected size `k`, drawn from fresh lots.
fn bloc_majority_once(lots: &mut Lots, keys: u64, bloc_keys: u64, k: u8) -> bool {
    const STAKE: u64 = 1_000_000;
    let (mut bloc, mut all) = (0u64, 0u64);
    for key in 0..keys {
        let s = seats(STAKE, keys * STAKE, k, lots.next());
        all += s;
        if key < bloc_keys {
            bloc += s;
        }
    }
    all > 0 && 2 * bloc > all
}

/// What choosing among committees is worth to a bloc that holds 40% of active stake, on a
/// 16-seat committee: a majority from one draw; from the better of two, which is what a
/// scheduler who declines the chain's committee still gets (the fixed fallback, one other
/// committee, never a new target); and from the best of twenty, what declining and
/// rescheduling gave before. Run with `--nocapture` for SECURITY.md's figures.
#[test]
fn declining_a_committee_buys_at_most_one_other_draw() {
    const TRIALS: u32 = 20_000;
    let (keys, bloc_keys, k) = (100u64, 40u64, 16u8);
    let mut lots = Lots(11);
    let mut wins = [0u32; 3];
    for _ in 0..TRIALS {
        let draws: Vec<bool> = (0..20)
            .map(|_| bloc_majority_once(&mut lots, keys, bloc_keys, k))
            .collect();
        wins[0] += u32::from(draws[0]);
        wins[1] += u32::from(draws[0] || draws[1]);
        wins[2] += u32::from(draws.iter().any(|w| *w));
    }
    let p = wins.map(|w| f64::from(w) / f64::from(TRIALS));
    println!("| draws the scheduler may choose from | P(40% bloc holds a majority of 16 seats) |");
    println!("|---|---|");
    for (label, v) in [
        "1 (an honest draw)",
        "2 (decline for the fallback)",
        "20 (reschedule at will: before)",
    ]
    .iter()
    .zip(p)
    {
        println!("| {label} | {v:.4} |");
    }
    // The seats drawn vary around 16 here (100 keys of 0.16 expected seats each), so the
    // odds of one draw are measured, not the binomial tail of exactly 16.
    let se = (p[0] * (1.0 - p[0]) / f64::from(TRIALS)).sqrt();
    let two = 1.0 - (1.0 - p[0]).powi(2);
    assert!(p[1] <= two + 4.0 * se, "best of two: {} vs {two}", p[1]);
    assert!(
        p[1] < 0.35,
        "declining cannot turn a 40% bloc into a likely majority"
    );
    assert!(p[2] > 0.9, "rescheduling at will would: {}", p[2]);
}

/// A leader's hold on a draw's seed. A leader producing the last slot hash mixed into a
/// seed could grind its block (or skip its slot) until the committee suits it. With one
/// target slot, whoever schedules the draw times the target into its own leader window:
/// control 1.0. With the chain (`sortition::chain`: the target, then `DRAW_HOPS` hops of
/// `DRAW_HOP_MIN_SLOTS` + hash mod `DRAW_HOP_SPAN_SLOTS` slots), the scheduler still times
/// the target into its window, and at every hop it produced it grinds its hash so that the
/// next hop lands in one of its own windows when one is in reach; it controls the seed
/// when it produced the last slot. Leaders hold 4-slot windows, a fraction `f` of them
/// the attacker's. Run with `--nocapture` for SECURITY.md's figures.
#[test]
fn a_leader_holds_a_chained_seed_far_less_often_than_a_single_target() {
    use merit::constants::{DRAW_HOPS, DRAW_HOP_MIN_SLOTS, DRAW_HOP_SPAN_SLOTS};
    const WINDOW: u64 = 4;
    const TRIALS: u32 = 20_000;
    let mut lots = Lots(13);
    println!("| attacker's share of leader windows | single target | chain, hashes honest | chain, attacker steers every hop it produced |");
    println!("|---|---|---|---|");
    for f in [0.05f64, 0.10, 0.20, 0.33] {
        let threshold = (f * u64::MAX as f64) as u64;
        let (mut honest, mut steered) = (0u32, 0u32);
        for _ in 0..TRIALS {
            // The leader of each window over the chain's reach, drawn afresh.
            let span = (DRAW_HOPS as u64 + 1) * (DRAW_HOP_MIN_SLOTS + DRAW_HOP_SPAN_SLOTS) + WINDOW;
            let mine: Vec<bool> = (0..span / WINDOW + 1)
                .map(|_| lots.next() < threshold)
                .collect();
            let leads = |slot: u64| slot < span && mine[(slot / WINDOW) as usize];
            for steer in [false, true] {
                // The target: the first slot of a window the scheduler leads (it times it).
                let mut slot = 0u64;
                let mut attackers = true;
                for _ in 0..DRAW_HOPS {
                    let reach =
                        slot + DRAW_HOP_MIN_SLOTS..slot + DRAW_HOP_MIN_SLOTS + DRAW_HOP_SPAN_SLOTS;
                    let own = reach.clone().find(|s| leads(*s));
                    slot = match (steer && attackers, own) {
                        (true, Some(s)) => s,
                        _ => reach.start + lots.next() % DRAW_HOP_SPAN_SLOTS,
                    };
                    attackers = leads(slot);
                }
                if steer {
                    steered += u32::from(attackers);
                } else {
                    honest += u32::from(attackers);
                }
            }
        }
        let (h, s) = (
            f64::from(honest) / f64::from(TRIALS),
            f64::from(steered) / f64::from(TRIALS),
        );
        println!("| {f:.2} | 1.0000 | {h:.4} | {s:.4} |");
        assert!(h <= f + 0.02, "f={f}: the last hop is the attacker's {h}");
        // The bound: a Markov chain over "the attacker produced the last hop", starting
        // there; it keeps it with the chance q that one of the (at most 8) windows in a
        // hop's reach is its own, and regains it with f.
        let reach_windows = (DRAW_HOP_SPAN_SLOTS / WINDOW + 1) as i32;
        let q = 1.0 - (1.0 - f).powi(reach_windows);
        let stationary = f / (1.0 - q + f);
        let bound = stationary + (1.0 - stationary) * (q - f).powi(DRAW_HOPS as i32);
        assert!(
            s <= bound + 0.02,
            "f={f}: steering {s} above the bound {bound}"
        );
        if f <= 0.10 {
            assert!(
                s < 0.25,
                "f={f}: a leader of a tenth of the slots holds {s}"
            );
        }
    }
}
