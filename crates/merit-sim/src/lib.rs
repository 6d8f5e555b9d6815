//! The Merit incentive simulator: a seeded population of agents, each following a named
//! strategy, runs tasks over several epochs against the real program on an in-process
//! chain; the report says who earned what and whether honest play dominates.

pub mod engine;
pub mod report;
pub mod scenario;
pub mod seeds;
pub mod strategy;

pub use report::Report;
pub use scenario::Scenario;
pub use seeds::{multi_seed, MultiSeed};
pub use strategy::Strategy;

use indicatif::ProgressBar;

/// Runs `scenario` and builds its report.
pub async fn simulate(scenario: &Scenario, progress: &ProgressBar) -> anyhow::Result<Report> {
    let run = engine::run(scenario, progress).await?;
    Ok(Report::new(scenario.seed, scenario.epochs, &run))
}

/// One point of a `--sweep`: the parameter's value and what the run concluded.
#[derive(Clone, Debug, serde::Serialize)]
pub struct SweepPoint {
    pub value: String,
    pub honest_dominates: bool,
    pub returns: Vec<(Strategy, f64)>,
}

/// Runs `scenario` once per value of the dotted parameter `param`.
pub async fn sweep(
    scenario: &Scenario,
    param: &str,
    values: &[String],
    progress: &ProgressBar,
) -> anyhow::Result<Vec<SweepPoint>> {
    let mut points = Vec::new();
    for v in values {
        let s = scenario.with_override(param, v)?;
        let report = simulate(&s, progress).await?;
        points.push(SweepPoint {
            value: v.clone(),
            honest_dominates: report.honest_dominates,
            returns: report
                .strategies
                .iter()
                .map(|r| (r.strategy, r.return_on_capital))
                .collect(),
        });
    }
    Ok(points)
}

/// The first swept value at which the verdict differs from the first value's: where
/// outcomes flip (None when they never do).
pub fn flip_point(points: &[SweepPoint]) -> Option<&SweepPoint> {
    let first = points.first()?;
    points
        .iter()
        .find(|p| p.honest_dominates != first.honest_dominates)
}
