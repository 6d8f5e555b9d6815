//! The committee a stake bloc can expect: with seats drawn by `sortition::seats`, the
//! chance that a bloc holding a fraction `f` of active stake holds a majority of a
//! `k`-seat committee is the binomial tail P(Bin(k, f) > k/2), whatever the bloc's keys.
//! Run with `--nocapture` to print the table the README shows.
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
