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
