//! The simulator on a small scenario: honest play wins, cheaters lose stake, the books
//! match the chain, and a seed reproduces a run exactly.
use indicatif::ProgressBar;
use merit_sim::{Scenario, Strategy};

fn small() -> Scenario {
    let mut s = Scenario {
        seed: 42,
        epochs: 2,
        tasks_per_epoch: 2,
        ..Scenario::default()
    };
    s.population.honest_contributors = 3;
    s.population.low_effort_contributors = 1;
    s.population.plagiarists = 2;
    s.population.spammers = 1;
    s.population.colluding_contributors = 1;
    s.population.honest_validators = 5;
    s.population.lazy_validators = 1;
    s.population.colluding_validators = 1;
    s.population.non_revealers = 1;
    s
}

#[tokio::test]
async fn honest_strategies_out_earn_every_deviation_and_the_books_match_the_chain() {
    let report = merit_sim::simulate(&small(), &ProgressBar::hidden())
        .await
        .unwrap();
    assert!(report.honest_dominates, "{}", report.table());
    let ret = |s: Strategy| report.row(s).unwrap().return_on_capital;
    for honest in [Strategy::HonestContributor, Strategy::HonestValidator] {
        let present = Strategy::ALL
            .into_iter()
            .filter(|s| !s.is_honest() && report.row(*s).is_some());
        for deviation in present {
            assert!(
                ret(honest) > ret(deviation),
                "{honest:?} {} vs {deviation:?} {}\n{}",
                ret(honest),
                ret(deviation),
                report.table()
            );
        }
    }
    for loser in [Strategy::Plagiarist, Strategy::NonRevealer] {
        let row = report.row(loser).unwrap();
        assert!(row.slashed > 0, "{loser:?} was never slashed");
        assert!(row.net < 0, "{loser:?} did not lose stake: {}", row.net);
    }
    let t = &report.totals;
    assert!(t.rewards_on_chain > 0 && t.emissions_on_chain > 0 && t.slashed_on_chain > 0);
    assert_eq!(t.rewards_booked, t.rewards_on_chain);
    assert_eq!(t.emissions_booked, t.emissions_on_chain);
    assert_eq!(t.slashed_booked, t.slashed_on_chain);
    assert_eq!(t.agents_net_booked, t.agents_net_on_chain);
    // On chain, without the off-chain value creators put on the work they received.
    let by_agents: i128 = report
        .agents
        .iter()
        .map(|a| a.net - i128::from(a.work_value))
        .sum();
    assert_eq!(by_agents, t.agents_net_on_chain);
}

#[tokio::test]
async fn the_same_seed_produces_identical_json() {
    let mut s = small();
    s.epochs = 1;
    let a = merit_sim::simulate(&s, &ProgressBar::hidden())
        .await
        .unwrap();
    let b = merit_sim::simulate(&s, &ProgressBar::hidden())
        .await
        .unwrap();
    assert_eq!(a.json(), b.json());
    s.seed += 1;
    let c = merit_sim::simulate(&s, &ProgressBar::hidden())
        .await
        .unwrap();
    assert_ne!(a.json(), c.json(), "a different seed should change the run");
}

#[tokio::test]
async fn the_report_folder_holds_charts_a_page_and_json() {
    let mut s = small();
    s.epochs = 1;
    let report = merit_sim::simulate(&s, &ProgressBar::hidden())
        .await
        .unwrap();
    let dir = std::env::temp_dir().join(format!("merit-report-{}", std::process::id()));
    report.write_folder(&dir).unwrap();
    let svg = std::fs::read_to_string(dir.join("net_return.svg")).unwrap();
    assert!(
        svg.starts_with("<svg") && svg.contains("<rect"),
        "{svg:.200}"
    );
    let svg = std::fs::read_to_string(dir.join("cumulative.svg")).unwrap();
    assert!(svg.contains("<polyline") || svg.contains("<path"));
    let html = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(html.contains("net_return.svg") && html.contains("honest contributor"));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("report.json")).unwrap()).unwrap();
    assert_eq!(
        json["honest_dominates"],
        serde_json::Value::Bool(report.honest_dominates)
    );
    std::fs::remove_dir_all(dir).ok();
}
