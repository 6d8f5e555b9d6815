//! What a run reports: a table per strategy, the verdict, JSON, and a folder of charts.
use crate::engine::{Run, Totals};
use crate::scenario::TOKEN;
use crate::strategy::Strategy;
use anyhow::{Context, Result};
use plotters::prelude::*;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::Path;

#[derive(Clone, Debug, Serialize)]
pub struct StrategyRow {
    pub strategy: Strategy,
    pub name: String,
    pub agents: u32,
    /// Token amounts in base units (6 decimals).
    pub stake: u64,
    /// Stake at start plus tokens spent posting tasks.
    pub capital: u64,
    pub rewards: u64,
    pub emissions: u64,
    pub slashed: u64,
    /// Includes escrow reclaimed and the value of work received (creator keys).
    pub net: i128,
    /// Net earnings over capital.
    pub return_on_capital: f64,
    pub honest: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct AgentRow {
    pub name: String,
    pub strategy: Strategy,
    pub stake: u64,
    pub rewards: u64,
    pub emissions: u64,
    pub slashed: u64,
    /// Net earnings, the value of work received included (`work_value`).
    pub net: i128,
    /// What the work a creator key received is worth to it, off chain (0 for others).
    pub work_value: u64,
    pub submissions: u32,
    pub votes: u32,
}

/// Average net earnings per agent of each strategy at the end of each epoch.
#[derive(Clone, Debug, Serialize)]
pub struct EpochRow {
    pub epoch: u32,
    pub average_net_by_strategy: Vec<(Strategy, i128)>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub seed: u64,
    pub epochs: u32,
    /// Whether every honest strategy earns a strictly higher return on capital than
    /// every deviation.
    pub honest_dominates: bool,
    pub verdict: String,
    pub strategies: Vec<StrategyRow>,
    pub agents: Vec<AgentRow>,
    pub cumulative: Vec<EpochRow>,
    pub totals: Totals,
}

impl Report {
    pub fn new(seed: u64, epochs: u32, run: &Run) -> Report {
        let mut strategies = Vec::new();
        for s in Strategy::ALL {
            let members: Vec<_> = run.agents.iter().filter(|a| a.strategy == s).collect();
            if members.is_empty() {
                continue;
            }
            let stake: u64 = members.iter().map(|a| a.stake).sum();
            let capital: u64 = members.iter().map(|a| a.capital()).sum();
            let net: i128 = members.iter().map(|a| a.net()).sum();
            strategies.push(StrategyRow {
                strategy: s,
                name: s.name().to_string(),
                agents: members.len() as u32,
                stake,
                capital,
                rewards: members.iter().map(|a| a.rewards).sum(),
                emissions: members.iter().map(|a| a.emissions).sum(),
                slashed: members.iter().map(|a| a.slashed).sum(),
                net,
                return_on_capital: net as f64 / capital.max(1) as f64,
                honest: s.is_honest(),
            });
        }
        let cumulative = (0..epochs)
            .map(|e| EpochRow {
                epoch: e,
                average_net_by_strategy: strategies
                    .iter()
                    .map(|row| {
                        let members: Vec<_> = run
                            .agents
                            .iter()
                            .filter(|a| a.strategy == row.strategy)
                            .collect();
                        let sum: i128 = members.iter().map(|a| a.history[e as usize]).sum();
                        (row.strategy, sum / members.len() as i128)
                    })
                    .collect(),
            })
            .collect();
        let (honest_dominates, verdict) = verdict(&strategies);
        Report {
            seed,
            epochs,
            honest_dominates,
            verdict,
            agents: run
                .agents
                .iter()
                .map(|a| AgentRow {
                    name: a.name.clone(),
                    strategy: a.strategy,
                    stake: a.stake,
                    rewards: a.rewards,
                    emissions: a.emissions,
                    slashed: a.slashed,
                    net: a.net(),
                    work_value: a.work_value,
                    submissions: a.submissions,
                    votes: a.votes,
                })
                .collect(),
            strategies,
            cumulative,
            totals: run.totals.clone(),
        }
    }

    pub fn row(&self, s: Strategy) -> Option<&StrategyRow> {
        self.strategies.iter().find(|r| r.strategy == s)
    }

    /// The table a terminal shows.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<24} {:>6} {:>12} {:>12} {:>12} {:>12} {:>12} {:>9}",
            "strategy", "agents", "capital", "rewards", "emissions", "slashed", "net", "return"
        );
        for r in &self.strategies {
            let _ = writeln!(
                out,
                "{:<24} {:>6} {:>12} {:>12} {:>12} {:>12} {:>12} {:>8.2}%",
                r.name,
                r.agents,
                tokens(i128::from(r.capital)),
                tokens(i128::from(r.rewards)),
                tokens(i128::from(r.emissions)),
                tokens(i128::from(r.slashed)),
                tokens(r.net),
                r.return_on_capital * 100.0
            );
        }
        let _ = writeln!(out, "\n{}", self.verdict);
        out
    }

    pub fn json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Writes `index.html`, `net_return.svg`, `cumulative.svg` and `report.json` to `dir`.
    pub fn write_folder(&self, dir: &Path) -> Result<()> {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        self.net_return_chart(&dir.join("net_return.svg"))?;
        self.cumulative_chart(&dir.join("cumulative.svg"))?;
        std::fs::write(dir.join("report.json"), self.json())?;
        std::fs::write(dir.join("index.html"), self.html())?;
        Ok(())
    }

    fn net_return_chart(&self, path: &Path) -> Result<()> {
        let bars: Vec<_> = self
            .strategies
            .iter()
            .map(|r| {
                let v = r.return_on_capital * 100.0;
                (r.name.clone(), r.honest, v, v, v)
            })
            .collect();
        error_bar_chart(path, "Net return on capital by strategy (%)", &bars)
    }

    fn cumulative_chart(&self, path: &Path) -> Result<()> {
        let root = SVGBackend::new(path, (900, 480)).into_drawing_area();
        root.fill(&WHITE)?;
        let all: Vec<f64> = self
            .cumulative
            .iter()
            .flat_map(|e| {
                e.average_net_by_strategy
                    .iter()
                    .map(|(_, v)| *v as f64 / TOKEN as f64)
            })
            .collect();
        let lo = all.iter().cloned().fold(0.0f64, f64::min) * 1.1 - 1.0;
        let hi = all.iter().cloned().fold(0.0f64, f64::max) * 1.1 + 1.0;
        let mut chart = ChartBuilder::on(&root)
            .caption(
                "Cumulative net earnings per agent (tokens)",
                ("sans-serif", 22),
            )
            .margin(16)
            .x_label_area_size(40)
            .y_label_area_size(70)
            .build_cartesian_2d(0f64..(self.epochs.max(1)) as f64, lo..hi)?;
        chart
            .configure_mesh()
            .x_labels(self.epochs as usize + 1)
            .x_label_formatter(&|x| format!("{x:.0}"))
            .x_desc("end of epoch")
            .y_desc("tokens")
            .draw()?;
        for (i, row) in self.strategies.iter().enumerate() {
            let color = Palette99::pick(i).to_rgba();
            let points: Vec<(f64, f64)> = std::iter::once((0.0, 0.0))
                .chain(self.cumulative.iter().map(|e| {
                    let v = e
                        .average_net_by_strategy
                        .iter()
                        .find(|(s, _)| *s == row.strategy)
                        .map(|(_, v)| *v)
                        .unwrap_or(0);
                    (f64::from(e.epoch + 1), v as f64 / TOKEN as f64)
                }))
                .collect();
            chart
                .draw_series(LineSeries::new(points, color.stroke_width(2)))?
                .label(row.name.clone())
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], color));
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.8))
            .border_style(BLACK)
            .draw()?;
        root.present()?;
        Ok(())
    }

    fn html(&self) -> String {
        let mut rows = String::new();
        for r in &self.strategies {
            let _ = write!(
                rows,
                "<tr class=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{:.2}%</td></tr>",
                if r.honest { "honest" } else { "deviation" },
                r.name,
                r.agents,
                tokens(i128::from(r.capital)),
                tokens(i128::from(r.rewards)),
                tokens(i128::from(r.emissions)),
                tokens(i128::from(r.slashed)),
                tokens(r.net),
                r.return_on_capital * 100.0
            );
        }
        format!(
            r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Merit simulation (seed {seed})</title>
<style>body{{font-family:sans-serif;max-width:960px;margin:2em auto;color:#222}}
table{{border-collapse:collapse;width:100%}}td,th{{padding:4px 8px;border-bottom:1px solid #ddd;text-align:right}}
td:first-child,th:first-child{{text-align:left}}tr.honest{{background:#eefbee}}tr.deviation{{background:#fdf0f0}}
.verdict{{font-size:1.2em;font-weight:bold}}</style></head>
<body><h1>Merit incentive simulation</h1>
<p>Seed {seed}, {epochs} epochs, run on the real program in an in-process chain.</p>
<p class="verdict">{verdict}</p>
<img src="net_return.svg" alt="Net return by strategy" width="900">
<img src="cumulative.svg" alt="Cumulative earnings over epochs" width="900">
<table><tr><th>strategy</th><th>agents</th><th>capital</th><th>rewards</th><th>emissions</th><th>slashed</th><th>net</th><th>return</th></tr>
{rows}</table>
<p>Raw numbers: <a href="report.json">report.json</a>.</p></body></html>
"#,
            seed = self.seed,
            epochs = self.epochs,
            verdict = self.verdict,
        )
    }
}

/// A bar per `(name, honest, value, low, high)`: green for honest strategies, red for
/// deviations, with a whisker from `low` to `high` when they differ from the value.
pub fn error_bar_chart(
    path: &Path,
    caption: &str,
    bars: &[(String, bool, f64, f64, f64)],
) -> Result<()> {
    let root = SVGBackend::new(path, (1100, 520)).into_drawing_area();
    root.fill(&WHITE)?;
    let lo = bars.iter().map(|b| b.3.min(b.2)).fold(0.0f64, f64::min) * 1.15 - 1.0;
    let hi = bars.iter().map(|b| b.4.max(b.2)).fold(0.0f64, f64::max) * 1.15 + 1.0;
    let n = bars.len();
    let mut chart = ChartBuilder::on(&root)
        .caption(caption, ("sans-serif", 22))
        .margin(16)
        .x_label_area_size(90)
        .y_label_area_size(60)
        .build_cartesian_2d(0f64..n as f64, lo..hi)?;
    let names: Vec<String> = bars.iter().map(|b| b.0.clone()).collect();
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(n * 2 + 1)
        .x_label_formatter(&|x| {
            let i = x.floor() as usize;
            if (x - i as f64 - 0.5).abs() < 0.01 {
                names.get(i).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_desc("%")
        .draw()?;
    chart.draw_series(bars.iter().enumerate().map(|(i, b)| {
        let color = if b.1 { GREEN.mix(0.8) } else { RED.mix(0.7) };
        Rectangle::new(
            [(i as f64 + 0.15, 0.0), (i as f64 + 0.85, b.2)],
            color.filled(),
        )
    }))?;
    chart.draw_series(
        bars.iter()
            .enumerate()
            .filter(|(_, b)| b.3 != b.4)
            .map(|(i, b)| {
                let x = i as f64 + 0.5;
                PathElement::new(vec![(x, b.3), (x, b.4)], BLACK.stroke_width(2))
            }),
    )?;
    root.present()?;
    Ok(())
}

/// The sweep curve: each strategy's return (%) against the swept parameter's values.
pub fn sweep_chart(path: &Path, param: &str, points: &[crate::SweepPoint]) -> Result<()> {
    let root = SVGBackend::new(path, (1000, 520)).into_drawing_area();
    root.fill(&WHITE)?;
    let all: Vec<f64> = points
        .iter()
        .flat_map(|p| p.returns.iter().map(|(_, r)| r * 100.0))
        .collect();
    let lo = all.iter().cloned().fold(0.0f64, f64::min) * 1.1 - 1.0;
    let hi = all.iter().cloned().fold(0.0f64, f64::max) * 1.1 + 1.0;
    let n = points.len().max(2);
    let mut chart = ChartBuilder::on(&root)
        .caption(
            format!("Return by strategy as {param} varies (%)"),
            ("sans-serif", 22),
        )
        .margin(16)
        .x_label_area_size(50)
        .y_label_area_size(60)
        .build_cartesian_2d(0f64..(n - 1) as f64, lo..hi)?;
    let labels: Vec<String> = points.iter().map(|p| p.value.clone()).collect();
    chart
        .configure_mesh()
        .x_labels(n)
        .x_label_formatter(&|x| labels.get(x.round() as usize).cloned().unwrap_or_default())
        .x_desc(param)
        .y_desc("return %")
        .draw()?;
    let strategies: Vec<Strategy> = points
        .first()
        .map(|p| p.returns.iter().map(|(s, _)| *s).collect())
        .unwrap_or_default();
    for (k, s) in strategies.iter().enumerate() {
        let color = Palette99::pick(k);
        let series: Vec<(f64, f64)> = points
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                p.returns
                    .iter()
                    .find(|(t, _)| t == s)
                    .map(|(_, r)| (i as f64, r * 100.0))
            })
            .collect();
        chart
            .draw_series(LineSeries::new(series, color.stroke_width(2)))?
            .label(s.name())
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 16, y)], color.stroke_width(2))
            });
    }
    chart
        .configure_series_labels()
        .background_style(WHITE.mix(0.8))
        .border_style(BLACK)
        .draw()?;
    root.present()?;
    Ok(())
}

fn verdict(rows: &[StrategyRow]) -> (bool, String) {
    let honest: Vec<_> = rows.iter().filter(|r| r.honest).collect();
    let deviations: Vec<_> = rows.iter().filter(|r| !r.honest).collect();
    let Some(worst_honest) = honest
        .iter()
        .min_by(|a, b| a.return_on_capital.total_cmp(&b.return_on_capital))
    else {
        return (false, "No honest agents: nothing to compare.".into());
    };
    let best_deviation = deviations
        .iter()
        .max_by(|a, b| a.return_on_capital.total_cmp(&b.return_on_capital));
    match best_deviation {
        None => (true, "Only honest agents: honest play dominates trivially.".into()),
        Some(best) if best.return_on_capital < worst_honest.return_on_capital => (
            true,
            format!(
                "Honest play dominates: the worst honest strategy ({}, {:.2}%) beats the best deviation ({}, {:.2}%).",
                worst_honest.name,
                worst_honest.return_on_capital * 100.0,
                best.name,
                best.return_on_capital * 100.0
            ),
        ),
        Some(best) => (
            false,
            format!(
                "Honest play does NOT dominate: {} ({:.2}%) earns at least as much as {} ({:.2}%).",
                best.name,
                best.return_on_capital * 100.0,
                worst_honest.name,
                worst_honest.return_on_capital * 100.0
            ),
        ),
    }
}

/// Base units as whole tokens with two decimals.
pub fn tokens(amount: i128) -> String {
    let sign = if amount < 0 { "-" } else { "" };
    let a = amount.unsigned_abs();
    let t = u128::from(TOKEN);
    format!("{sign}{}.{:02}", a / t, (a % t) / (t / 100))
}
