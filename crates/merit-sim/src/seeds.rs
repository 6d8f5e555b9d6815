//! Verdicts across many seeds: one scenario run once per seed, each strategy's return
//! summarised by its mean, a 95% interval, and its worst and best seed. Honest play
//! dominates only when, in every seed, the worst honest strategy beats the best deviation.
use crate::report::{error_bar_chart, Report};
use crate::scenario::Scenario;
use crate::strategy::Strategy;
use anyhow::{bail, Context, Result};
use indicatif::ProgressBar;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::Path;

/// One strategy's return on capital over the seeds.
#[derive(Clone, Debug, Serialize)]
pub struct StrategyStats {
    pub strategy: Strategy,
    pub name: String,
    pub honest: bool,
    /// Return on capital in each seed, in seed order.
    pub returns: Vec<f64>,
    pub mean: f64,
    /// Normal-approximation 95% interval of the mean: mean ± 1.96 · sd / √n.
    pub ci95: (f64, f64),
    /// The lowest return over the seeds (the highest, for `best`).
    pub worst: f64,
    pub best: f64,
    /// This strategy's share of all emissions paid, over all seeds.
    pub emission_share: f64,
}

/// What `--seeds N` reports.
#[derive(Clone, Debug, Serialize)]
pub struct MultiSeed {
    pub seeds: Vec<u64>,
    pub strategies: Vec<StrategyStats>,
    /// Seeds in which the worst honest strategy beat the best deviation.
    pub seeds_honest_dominates: usize,
    /// True only when honest play dominated in every seed.
    pub honest_dominates_every_seed: bool,
    pub verdict: String,
}

impl MultiSeed {
    /// Summarises one report per seed (same scenario, seeds in order).
    pub fn new(reports: &[Report]) -> Result<MultiSeed> {
        if reports.is_empty() {
            bail!("no seeds");
        }
        let emissions_total: u64 = reports.iter().map(|r| r.totals.emissions_on_chain).sum();
        let mut strategies = Vec::new();
        for s in Strategy::ALL {
            let rows: Vec<_> = reports.iter().filter_map(|r| r.row(s)).collect();
            if rows.len() != reports.len() {
                continue;
            }
            let returns: Vec<f64> = rows.iter().map(|r| r.return_on_capital).collect();
            let n = returns.len() as f64;
            let mean = returns.iter().sum::<f64>() / n;
            let var = if returns.len() > 1 {
                returns.iter().map(|r| (r - mean).powi(2)).sum::<f64>() / (n - 1.0)
            } else {
                0.0
            };
            let half = 1.96 * var.sqrt() / n.sqrt();
            let emissions: u64 = rows.iter().map(|r| r.emissions).sum();
            strategies.push(StrategyStats {
                strategy: s,
                name: s.name().to_string(),
                honest: s.is_honest(),
                mean,
                ci95: (mean - half, mean + half),
                worst: returns.iter().cloned().fold(f64::INFINITY, f64::min),
                best: returns.iter().cloned().fold(f64::NEG_INFINITY, f64::max),
                emission_share: emissions as f64 / emissions_total.max(1) as f64,
                returns,
            });
        }
        let seeds_honest_dominates = reports.iter().filter(|r| r.honest_dominates).count();
        let every = seeds_honest_dominates == reports.len();
        let verdict = if every {
            format!(
                "Honest play dominates in every one of {} seeds.",
                reports.len()
            )
        } else {
            let failed: Vec<String> = reports
                .iter()
                .filter(|r| !r.honest_dominates)
                .map(|r| r.seed.to_string())
                .collect();
            format!(
                "Honest play does NOT dominate in every seed: it fails in {} of {} (seeds {}).",
                failed.len(),
                reports.len(),
                failed.join(", ")
            )
        };
        Ok(MultiSeed {
            seeds: reports.iter().map(|r| r.seed).collect(),
            strategies,
            seeds_honest_dominates,
            honest_dominates_every_seed: every,
            verdict,
        })
    }

    pub fn stats(&self, s: Strategy) -> Option<&StrategyStats> {
        self.strategies.iter().find(|r| r.strategy == s)
    }

    pub fn json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The table a terminal shows (returns in percent).
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<24} {:>9} {:>19} {:>9} {:>9} {:>10}",
            "strategy", "mean", "95% interval", "worst", "best", "emissions"
        );
        for r in &self.strategies {
            let _ = writeln!(
                out,
                "{:<24} {:>8.2}% {:>8.2}% ..{:>7.2}% {:>8.2}% {:>8.2}% {:>9.1}%",
                r.name,
                r.mean * 100.0,
                r.ci95.0 * 100.0,
                r.ci95.1 * 100.0,
                r.worst * 100.0,
                r.best * 100.0,
                r.emission_share * 100.0
            );
        }
        let _ = writeln!(out, "\n{}", self.verdict);
        out
    }

    /// Writes `returns.svg` (mean return by strategy with its 95% interval),
    /// `emission_share.svg` and `seeds.json` to `dir`.
    pub fn write_folder(&self, dir: &Path) -> Result<()> {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let bars = |f: &dyn Fn(&StrategyStats) -> (f64, f64, f64)| {
            self.strategies
                .iter()
                .map(|r| {
                    let (v, lo, hi) = f(r);
                    (r.name.clone(), r.honest, v, lo, hi)
                })
                .collect::<Vec<_>>()
        };
        error_bar_chart(
            &dir.join("returns.svg"),
            &format!(
                "Return on capital by strategy over {} seeds (%, 95% interval)",
                self.seeds.len()
            ),
            &bars(&|r| (r.mean * 100.0, r.ci95.0 * 100.0, r.ci95.1 * 100.0)),
        )?;
        error_bar_chart(
            &dir.join("emission_share.svg"),
            "Share of emissions by strategy (%)",
            &bars(&|r| {
                let v = r.emission_share * 100.0;
                (v, v, v)
            }),
        )?;
        std::fs::write(dir.join("seeds.json"), self.json())?;
        Ok(())
    }
}

/// Runs `scenario` once for each of `seeds` and summarises.
pub async fn multi_seed(
    scenario: &Scenario,
    seeds: &[u64],
    progress: &ProgressBar,
) -> Result<(MultiSeed, Vec<Report>)> {
    let mut reports = Vec::with_capacity(seeds.len());
    for &seed in seeds {
        let s = Scenario {
            seed,
            ..scenario.clone()
        };
        reports.push(crate::simulate(&s, progress).await?);
    }
    Ok((MultiSeed::new(&reports)?, reports))
}
