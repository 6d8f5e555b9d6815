//! The attack scenarios checked in under `scenarios/`, run as the test suite's small
//! versions: with the mechanism's defences in place, each attacker's net return is
//! negative in every seed, honest play dominates, and the books match the chain. Then the
//! multi-seed and sweep verdicts, and the checked-in default.
use indicatif::ProgressBar;
use merit_sim::{flip_point, multi_seed, MultiSeed, Report, Scenario, Strategy};

const SEEDS: [u64; 3] = [1, 2, 3];

fn scenario(name: &str) -> Scenario {
    let path = format!("{}/../../scenarios/{name}.toml", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Scenario::from_toml(&text).unwrap()
}

/// Runs `name` over [`SEEDS`]: in every seed the attacker loses money, every honest
/// strategy earns a higher return than it, and the books match the chain. Returns the
/// verdict and each seed's report.
async fn attacker_loses(name: &str, attacker: Strategy) -> (MultiSeed, Vec<Report>) {
    let (multi, reports) = multi_seed(&scenario(name), &SEEDS, &ProgressBar::hidden())
        .await
        .unwrap();
    for r in &reports {
        let row = r
            .row(attacker)
            .unwrap_or_else(|| panic!("{name}: no {attacker:?}"));
        assert!(
            row.net < 0,
            "{name}, seed {}: {attacker:?} nets {}\n{}",
            r.seed,
            row.net,
            r.table()
        );
        for honest in r.strategies.iter().filter(|h| h.honest) {
            assert!(
                honest.return_on_capital > row.return_on_capital,
                "{name}, seed {}: {:?} does not beat {attacker:?}\n{}",
                r.seed,
                honest.strategy,
                r.table()
            );
        }
        let t = &r.totals;
        assert_eq!(t.agents_net_booked, t.agents_net_on_chain, "{name}");
        assert_eq!(t.slashed_booked, t.slashed_on_chain, "{name}");
        assert_eq!(t.emissions_booked, t.emissions_on_chain, "{name}");
    }
    let stats = multi.stats(attacker).unwrap();
    assert!(stats.best < 0.0, "{name}: {attacker:?} best {}", stats.best);
    (multi, reports)
}

/// The sum over the seeds' reports of one of their totals.
fn total(reports: &[Report], of: impl Fn(&merit_sim::engine::Totals) -> u64) -> u64 {
    reports.iter().map(|r| of(&r.totals)).sum()
}

#[tokio::test]
async fn a_sybil_splitter_loses_in_every_seed() {
    attacker_loses("attack-sybil-split", Strategy::SybilSplitter).await;
}

#[tokio::test]
async fn a_seat_racer_loses_and_its_undrawn_commits_are_refused() {
    attacker_loses("attack-seat-race", Strategy::SeatRacer).await;
    let report = merit_sim::simulate(&scenario("attack-seat-race"), &ProgressBar::hidden())
        .await
        .unwrap();
    assert!(report.totals.seat_race_commits_refused > 0);
}

#[tokio::test]
async fn an_emission_farmer_loses_what_its_fees_cost() {
    let (multi, _) = attacker_loses("attack-emission-farm", Strategy::EmissionFarmer).await;
    // It farmed some emission, and less than the fees it paid for it.
    assert!(
        multi
            .stats(Strategy::EmissionFarmer)
            .unwrap()
            .emission_share
            > 0.0
    );
}

#[tokio::test]
async fn a_content_front_runner_loses_and_every_replay_is_refused() {
    attacker_loses("attack-front-run", Strategy::FrontRunner).await;
    let report = merit_sim::simulate(&scenario("attack-front-run"), &ProgressBar::hidden())
        .await
        .unwrap();
    assert!(report.totals.front_runs_refused > 0);
}

#[tokio::test]
async fn a_slot_squatter_pays_for_every_slot() {
    attacker_loses("attack-slot-squat", Strategy::SlotSquatter).await;
}

/// Terms are public and bound by `terms_hash`: contributors skip a task whose thresholds
/// would let its creator keep the reward, and puppet judges sit only where the lot seats
/// them, lose their bonds there and are reported absent elsewhere. Without its puppets it
/// loses too (the terms alone do not let it keep the reward).
#[tokio::test]
async fn a_creator_confiscator_loses_when_contributors_read_the_terms() {
    attacker_loses("attack-confiscate", Strategy::CreatorConfiscator).await;
    let no_puppets = scenario("attack-confiscate")
        .with_override("population.confiscator_validator_keys", "0")
        .unwrap();
    let report = merit_sim::simulate(&no_puppets, &ProgressBar::hidden())
        .await
        .unwrap();
    let row = report.row(Strategy::CreatorConfiscator).unwrap();
    assert!(row.net < 0, "{}", report.table());
}

#[tokio::test]
async fn a_minority_bloc_loses_and_the_sweep_finds_where_a_majority_wins() {
    attacker_loses("attack-colluding-bloc", Strategy::ColludingBloc).await;
    let values: Vec<String> = ["0.2", "0.7"].iter().map(|v| v.to_string()).collect();
    let points = merit_sim::sweep(
        &scenario("attack-colluding-bloc"),
        "population.bloc_stake_share",
        &values,
        &ProgressBar::hidden(),
    )
    .await
    .unwrap();
    assert!(points[0].honest_dominates);
    let flip = flip_point(&points).expect("a 70% bloc flips the outcome");
    assert_eq!(flip.value, "0.7");
    assert!(!flip.honest_dominates);
    let dir = std::env::temp_dir().join(format!("merit-sweep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    merit_sim::report::sweep_chart(&dir.join("sweep.svg"), "bloc share", &points).unwrap();
    let svg = std::fs::read_to_string(dir.join("sweep.svg")).unwrap();
    assert!(svg.contains("<svg") && svg.contains("colluding bloc"));
}

#[tokio::test]
async fn multi_seed_statistics_are_consistent_and_reproducible() {
    let mut s = scenario("attack-slot-squat");
    s.epochs = 1;
    let seeds = [5, 6, 7, 8];
    let (a, reports) = multi_seed(&s, &seeds, &ProgressBar::hidden())
        .await
        .unwrap();
    let (b, _) = multi_seed(&s, &seeds, &ProgressBar::hidden())
        .await
        .unwrap();
    assert_eq!(a.json(), b.json(), "same seeds, same bytes");
    assert_eq!(a.seeds, seeds);
    for st in &a.strategies {
        assert_eq!(st.returns.len(), seeds.len());
        assert!(st.worst <= st.mean && st.mean <= st.best, "{st:?}");
        assert!(st.ci95.0 <= st.mean && st.mean <= st.ci95.1, "{st:?}");
        for (r, report) in st.returns.iter().zip(&reports) {
            assert_eq!(*r, report.row(st.strategy).unwrap().return_on_capital);
        }
    }
    let shares: f64 = a.strategies.iter().map(|s| s.emission_share).sum();
    assert!((shares - 1.0).abs() < 1e-9, "{shares}");
    assert_eq!(
        a.honest_dominates_every_seed,
        reports.iter().all(|r| r.honest_dominates)
    );
    let dir = std::env::temp_dir().join(format!("merit-seeds-{}", std::process::id()));
    a.write_folder(&dir).unwrap();
    for f in ["returns.svg", "emission_share.svg", "seeds.json"] {
        assert!(dir.join(f).exists(), "{f}");
    }
}

#[test]
fn the_checked_in_default_is_the_built_in_scenario() {
    assert_eq!(scenario("default"), Scenario::default());
}

#[tokio::test]
async fn agents_act_within_their_capacity_per_epoch() {
    let mut s = scenario("attack-slot-squat");
    let unlimited = merit_sim::simulate(&s, &ProgressBar::hidden())
        .await
        .unwrap();
    s.population.contributor_capacity = 1;
    s.population.validator_capacity = 2;
    let capped = merit_sim::simulate(&s, &ProgressBar::hidden())
        .await
        .unwrap();
    let epochs = s.epochs;
    for a in &capped.agents {
        assert!(a.submissions <= epochs, "{}: {}", a.name, a.submissions);
        assert!(a.votes <= 2 * epochs, "{}: {}", a.name, a.votes);
    }
    // Without caps every contributor submits to every public task, and some validator
    // judges more than two submissions in an epoch.
    let tasks = epochs * s.tasks_per_epoch;
    let honest = |r: &merit_sim::Report| {
        r.agents
            .iter()
            .filter(|a| a.strategy == Strategy::HonestContributor)
            .map(|a| a.submissions)
            .collect::<Vec<_>>()
    };
    assert!(honest(&unlimited).iter().all(|&n| n == tasks));
    assert!(honest(&capped).iter().all(|&n| n == epochs));
    assert!(unlimited.agents.iter().any(|a| a.votes > 2 * epochs));
}

#[test]
fn every_checked_in_scenario_parses_and_validates() {
    let dir = format!("{}/../../scenarios", env!("CARGO_MANIFEST_DIR"));
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let s = Scenario::from_toml(&std::fs::read_to_string(&path).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e:#}", path.display()));
            s.validate()
                .unwrap_or_else(|e| panic!("{}: {e:#}", path.display()));
            n += 1;
        }
    }
    assert!(n >= 8, "{n} scenarios");
    let large = scenario("large");
    assert_eq!(
        large.population.contributors() + large.population.validators(),
        1_000
    );
}

/// Silence, withheld reveals and the largest quorum: the creator's puppets keep rounds
/// from deciding, so absences are reported (a penalty each) and a freshly drawn second
/// round decides the work; the creator gets none of the reward back and loses what its
/// puppets forfeit.
#[tokio::test]
async fn a_withholding_creator_loses_and_its_silence_is_reported() {
    let (_, reports) =
        attacker_loses("attack-withholding-creator", Strategy::WithholdingCreator).await;
    assert!(total(&reports, |t| t.absences_reported) > 0);
    assert!(total(&reports, |t| t.second_rounds) > 0);
    for r in &reports {
        let row = r.row(Strategy::WithholdingCreator).unwrap();
        assert_eq!(
            row.rewards, 0,
            "seed {}: it is never paid its own reward back",
            r.seed
        );
    }
}

/// The highest vote gate the rules allow is the start reputation, which every honest
/// validator holds: the capturer's puppets sit beside the honest judges, vote its work
/// down, are outvoted and slashed.
#[tokio::test]
async fn a_gate_capturer_loses_to_the_honest_judges_its_gate_admits() {
    attacker_loses("attack-gate-capture", Strategy::GateCapturer).await;
}

/// A keeper that declines every committee without a majority for its side gets at most
/// one other, fixed before it saw either (the task's fallback seed): it declines, the
/// fallback rarely favours it more than the first draw did, and its votes for its own
/// side are outvoted and slashed.
#[tokio::test]
async fn a_draw_reroller_loses_with_its_one_other_committee() {
    let (_, reports) = attacker_loses("attack-draw-reroll", Strategy::DrawReroller).await;
    let declined = total(&reports, |t| t.committees_declined);
    assert!(declined > 0);
    assert!(total(&reports, |t| t.declined_for_a_majority) < declined);
}

/// Submitting many slots to crowd out a rival author pays the squatting fee floor for
/// each: the squatter's slots cost more than the reward they could take.
#[tokio::test]
async fn a_rival_squatter_pays_more_than_it_takes() {
    let (_, reports) = attacker_loses("attack-rival-squat", Strategy::RivalSquatter).await;
    assert!(total(&reports, |t| t.submissions_excluded) > 0);
}
