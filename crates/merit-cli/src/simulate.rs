//! `merit simulate`: the incentive simulator on the in-process chain.
use anyhow::{anyhow, Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use merit_sim::{report::tokens, Report, Scenario};
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct SimulateArgs {
    /// RNG seed; the same seed and scenario reproduce the same run exactly.
    #[arg(long, env = "MERIT_SIM_SEED")]
    seed: Option<u64>,
    /// Scenario TOML; fields it omits keep the built-in defaults.
    #[arg(long, env = "MERIT_SIM_SCENARIO")]
    scenario: Option<PathBuf>,
    /// Write the report as JSON here.
    #[arg(long)]
    json: Option<PathBuf>,
    /// Write charts (SVG), an HTML page and the JSON into this folder.
    #[arg(long)]
    report: Option<PathBuf>,
    /// Run the scenario once per value of one parameter: `PARAM=a,b,c`, where PARAM is a
    /// dotted path such as `program.incoherence_slash_bps` or `population.lazy_validators`.
    #[arg(long)]
    sweep: Option<String>,
    /// Run the scenario once for each of N seeds (the scenario's seed and the N − 1 after
    /// it) and report each strategy's mean, 95% interval, worst and best return.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    seeds: Option<u32>,
    /// Set one parameter for this run: `PARAM=VALUE`, PARAM a dotted path as in
    /// `--sweep` (repeatable; applied after `--scenario`).
    #[arg(long = "set", value_name = "PARAM=VALUE")]
    set: Vec<String>,
    /// Print the built-in scenario as TOML and exit.
    #[arg(long)]
    print_scenario: bool,
    /// No progress bar.
    #[arg(long)]
    quiet: bool,
    /// Show the program's own logs (natively they go to stdout; hidden by default).
    #[arg(long)]
    program_logs: bool,
}

/// `merit simulate`; with `json` (`--output json`) the report is one JSON document on
/// standard output (what `--json FILE` writes) instead of the tables.
pub async fn run(mut args: SimulateArgs, json: bool) -> Result<()> {
    let scenario = scenario_of(&args)?;
    if json {
        args.quiet = true;
    }
    if args.print_scenario {
        print!("{}", scenario.to_toml());
        return Ok(());
    }
    scenario.validate()?;
    let p = &scenario.population;
    if !json {
        println!(
        "merit simulate: seed {}, {} epochs x {} tasks, {} contributors, {} validators (scenario: {})",
        scenario.seed,
        scenario.epochs,
        scenario.tasks_per_epoch,
        p.contributors(),
        p.validators(),
        args.scenario
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "built-in".into()),
        );
    }
    let progress = progress_bar(&args, &scenario)?;
    // Natively the program's `msg!` writes to stdout; keep it out of the report.
    let silence = if args.program_logs {
        None
    } else {
        gag::Gag::stdout().ok()
    };
    if let Some(spec) = &args.sweep {
        let (param, values) = spec
            .split_once('=')
            .ok_or_else(|| anyhow!("--sweep takes PARAM=a,b,c"))?;
        let values: Vec<String> = values.split(',').map(|v| v.trim().to_string()).collect();
        let points = merit_sim::sweep(&scenario, param, &values, &progress).await;
        progress.finish_and_clear();
        drop(silence);
        if json {
            println!(
                "{}",
                serde_json::to_string_pretty(&sweep_doc(param, &points?))?
            );
            return Ok(());
        }
        return print_sweep(&args, param, &points?);
    }
    if let Some(n) = args.seeds {
        let seeds: Vec<u64> = (0..u64::from(n)).map(|i| scenario.seed + i).collect();
        let started = std::time::Instant::now();
        let result = merit_sim::multi_seed(&scenario, &seeds, &progress).await;
        progress.finish_and_clear();
        drop(silence);
        let (multi, reports) = result?;
        if json {
            println!("{}", multi.json());
            return Ok(());
        }
        println!();
        print!("{}", multi.table());
        let transactions: u64 = reports.iter().map(|r| r.totals.transactions).sum();
        print_speed(transactions, started.elapsed());
        if let Some(path) = &args.json {
            std::fs::write(path, multi.json())
                .with_context(|| format!("writing {}", path.display()))?;
            println!("JSON written to {}", path.display());
        }
        if let Some(dir) = &args.report {
            multi.write_folder(dir)?;
            println!("Charts written to {}", dir.display());
        }
        return Ok(());
    }
    let started = std::time::Instant::now();
    let report = merit_sim::simulate(&scenario, &progress).await;
    let elapsed = started.elapsed();
    progress.finish_and_clear();
    drop(silence);
    let report = report?;
    if json {
        println!("{}", report.json());
        return Ok(());
    }
    print_report(&args, &report, elapsed)
}

/// The scenario file (or the built-in one), with `--seed` and every `--set` applied.
fn scenario_of(args: &SimulateArgs) -> Result<Scenario> {
    let mut scenario = match &args.scenario {
        Some(path) => Scenario::from_toml(
            &std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?,
        )?,
        None => Scenario::default(),
    };
    if let Some(seed) = args.seed {
        scenario.seed = seed;
    }
    for spec in &args.set {
        let (param, value) = spec
            .split_once('=')
            .ok_or_else(|| anyhow!("--set {spec}: expected PARAM=VALUE"))?;
        scenario = scenario.with_override(param, value)?;
    }
    Ok(scenario)
}

/// A bar over every task of every run (hidden with `--quiet`).
fn progress_bar(args: &SimulateArgs, scenario: &Scenario) -> Result<ProgressBar> {
    let runs = match &args.sweep {
        Some(spec) => spec
            .split_once('=')
            .map(|(_, v)| v.split(',').count())
            .unwrap_or(1),
        None => 1,
    } as u64
        * u64::from(args.seeds.unwrap_or(1));
    if args.quiet {
        return Ok(ProgressBar::hidden());
    }
    let bar = ProgressBar::new(runs * u64::from(scenario.epochs * scenario.tasks_per_epoch));
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} tasks")
            .map_err(|e| anyhow!("{e}"))?,
    );
    Ok(bar)
}

/// A sweep as JSON: the parameter, the verdict at every value, where it flips.
fn sweep_doc(param: &str, points: &[merit_sim::SweepPoint]) -> serde_json::Value {
    serde_json::json!({
        "parameter": param,
        "honest_dominates": points.iter().all(|p| p.honest_dominates),
        "flip_at": merit_sim::flip_point(points).map(|p| p.value.clone()),
        "points": points,
    })
}

/// A sweep's table, where outcomes flip, and its JSON and chart when asked.
fn print_sweep(args: &SimulateArgs, param: &str, points: &[merit_sim::SweepPoint]) -> Result<()> {
    println!("\nSweep of {param}:");
    print!("{:<14} {:>9}", "value", "honest?");
    if let Some(first) = points.first() {
        for (s, _) in &first.returns {
            print!(" {:>22}", s.name());
        }
    }
    println!();
    for pt in points {
        print!(
            "{:<14} {:>9}",
            pt.value,
            if pt.honest_dominates { "yes" } else { "NO" }
        );
        for (_, r) in &pt.returns {
            print!(" {:>21.2}%", r * 100.0);
        }
        println!();
    }
    let flip = merit_sim::flip_point(points);
    match flip {
        Some(p) => println!(
            "Outcomes flip at {param} = {}: honest play {} there.",
            p.value,
            if p.honest_dominates {
                "starts to dominate"
            } else {
                "stops dominating"
            }
        ),
        None => println!("Outcomes do not flip over these values."),
    }
    if let Some(path) = &args.json {
        std::fs::write(
            path,
            serde_json::to_string_pretty(&sweep_doc(param, points))?,
        )?;
    }
    if let Some(dir) = &args.report {
        std::fs::create_dir_all(dir)?;
        merit_sim::report::sweep_chart(&dir.join("sweep.svg"), param, points)?;
        println!("Sweep chart written to {}/sweep.svg", dir.display());
    }
    Ok(())
}

/// One run's table, totals and speed, and its JSON and report folder when asked.
fn print_report(args: &SimulateArgs, report: &Report, elapsed: std::time::Duration) -> Result<()> {
    println!();
    print!("{}", report.table());
    let t = &report.totals;
    println!(
        "{} transactions; task rewards paid {} tokens, emissions {} tokens, slashed {} tokens; {} exact copies refused on chain.",
        t.transactions,
        tokens(i128::from(t.rewards_on_chain)),
        tokens(i128::from(t.emissions_on_chain)),
        tokens(i128::from(t.slashed_on_chain)),
        t.duplicate_copies_refused
    );
    println!(
        "Refused on chain: {} front-run reveals, {} seat-race commits on undrawn seats ({} on drawn seats landed).",
        t.front_runs_refused, t.seat_race_commits_refused, t.seat_race_commits_landed
    );
    print_speed(t.transactions, elapsed);
    if let Some(path) = &args.json {
        std::fs::write(path, report.json())
            .with_context(|| format!("writing {}", path.display()))?;
        println!("JSON written to {}", path.display());
    }
    if let Some(dir) = &args.report {
        report.write_folder(dir)?;
        println!("Report written to {}/index.html", dir.display());
    }
    Ok(())
}

fn print_speed(transactions: u64, elapsed: std::time::Duration) {
    let secs = elapsed.as_secs_f64();
    println!(
        "Wall time {:.2} s, {} transactions, {:.0} transactions per second.",
        secs,
        transactions,
        transactions as f64 / secs.max(1e-9)
    );
}
