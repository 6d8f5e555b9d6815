//! `merit crank`: the keeper bot. It finalizes, slashes, draws committees, advances
//! epochs and closes settled accounts, paid by the program's bounties. It signs only with
//! its own keypair, and runs over any [`Chain`]: a cluster's JSON-RPC, or the in-process
//! bank in tests.
use crate::error::CliError;
use crate::metrics::{serve_metrics, Metrics};
use anchor_spl::associated_token::spl_associated_token_account::instruction::create_associated_token_account_idempotent;
use clap::Args;
use merit_crank::{
    deployment, discover, ensure_can_pay, execute, Chain, ChainError, RetrySchedule,
};
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tracing::{info, warn};

#[derive(Args, Debug)]
pub struct CrankArgs {
    /// One pass, a summary, and exit (non-zero if the pass failed).
    #[arg(long, conflicts_with = "until_idle")]
    pub once: bool,
    /// Passes one after another while they get work done, then exit (non-zero if an item
    /// failed): one command settles what is due now, e.g. a task whose reveals closed.
    #[arg(long)]
    pub until_idle: bool,
    /// Seconds between passes.
    #[arg(long, env = "MERIT_CRANK_INTERVAL", default_value_t = 10)]
    pub interval: u64,
    /// Longest wait between retries after an error, in seconds.
    #[arg(long, env = "MERIT_CRANK_MAX_BACKOFF", default_value_t = 300)]
    pub max_backoff: u64,
    /// List the due work and send nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Serve Prometheus metrics on this address, e.g. 127.0.0.1:9464 (`GET /metrics`).
    #[arg(long, env = "MERIT_CRANK_METRICS")]
    pub metrics: Option<String>,
}

/// What a pass did: whether nothing failed, and whether anything got done (by this
/// keeper or another), so that another pass may find more.
#[derive(Clone, Copy, Debug)]
struct Passed {
    clean: bool,
    progressed: bool,
}

/// One JSON document on one line (`--output json`: one per pass, JSON Lines).
fn json_line(out: &mut dyn Write, doc: serde_json::Value) {
    let _ = writeln!(out, "{doc}");
}

/// One pass: discover, skip items still backing off, send, record.
async fn pass<C: Chain>(
    chain: &mut C,
    dry_run: bool,
    json: bool,
    metrics: &Metrics,
    retries: &mut RetrySchedule,
    out: &mut dyn Write,
) -> Result<Passed, ChainError> {
    let keeper = chain.signer();
    let balance = chain.balance(&keeper).await?;
    let client = deployment(chain).await?;
    let now = std::time::Instant::now();
    let work: Vec<_> = discover(chain)
        .await?
        .into_iter()
        .filter(|w| retries.is_due(w, now))
        .collect();
    if dry_run && json {
        let due: Vec<_> = work
            .iter()
            .map(|w| serde_json::json!({ "kind": w.name(), "description": w.to_string() }))
            .collect();
        json_line(
            out,
            serde_json::json!({ "action": "crank-dry-run", "due": due }),
        );
    } else if dry_run {
        let items = crate::wallet::claim::plural(work.len(), "item", "items");
        let _ = writeln!(out, "{} {items} due (dry run, nothing sent):", work.len());
        for w in &work {
            let _ = writeln!(out, "  {w}");
        }
    }
    if dry_run {
        return Ok(Passed {
            clean: true,
            progressed: false,
        });
    }
    if !work.is_empty() && chain.account(&client.ata(&keeper)).await?.is_none() {
        // Slashes pay the keeper's share into its associated token account.
        let ix = create_associated_token_account_idempotent(
            &keeper,
            &keeper,
            &client.stake_mint,
            &client.token_program,
        );
        chain.send(&[ix]).await?;
    }
    let summary = execute(chain, &client, work.clone()).await?;
    retries.record(&summary, &work, now);
    metrics.record(&summary, balance);
    info!(
        found = summary.found,
        sent = summary.sent,
        confirmed = summary.confirmed,
        lost_to_other_keepers = summary.lost_to_other_keepers,
        not_ready = summary.not_ready,
        failed = summary.failed.len(),
        lamports_earned = summary.lamports_earned,
        keeper_balance = balance,
        "pass complete"
    );
    if json {
        let failed: Vec<_> = summary
            .failed
            .iter()
            .map(|(w, e)| serde_json::json!({ "kind": w.name(), "description": w.to_string(), "error": e }))
            .collect();
        json_line(
            out,
            serde_json::json!({
                "action": "crank-pass",
                "due": summary.found,
                "confirmed": summary.confirmed,
                "doneByOtherKeepers": summary.lost_to_other_keepers,
                "notReady": summary.not_ready,
                "failed": failed,
                "lamportsEarned": summary.lamports_earned.to_string(),
            }),
        );
    } else if summary.found > 0 {
        let _ = writeln!(
            out,
            "pass: {} due, {} confirmed, {} done by other keepers, {} not ready yet, {} failed, {} lamports earned",
            summary.found,
            summary.confirmed,
            summary.lost_to_other_keepers,
            summary.not_ready,
            summary.failed.len(),
            summary.lamports_earned
        );
    }
    for (w, e) in &summary.failed {
        warn!(work = %w, attempts = retries.attempts(w), "failed, will retry with backoff: {e}");
    }
    Ok(Passed {
        clean: summary.failed.is_empty(),
        progressed: summary.confirmed + summary.lost_to_other_keepers > 0,
    })
}

/// Runs the keeper until Ctrl-C (or one pass with `--once`).
pub async fn run<C: Chain>(
    args: CrankArgs,
    mut chain: C,
    url: &str,
    format: crate::output::Format,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let json = format == crate::output::Format::Json;
    info!(
        rpc = %url,
        keeper = %chain.signer(),
        once = args.once,
        interval_secs = args.interval,
        max_backoff_secs = args.max_backoff,
        dry_run = args.dry_run,
        metrics = args.metrics.as_deref().unwrap_or("off"),
        "merit crank starting"
    );
    let metrics = Arc::new(Metrics::new());
    let _server = match args.metrics.clone() {
        Some(addr) => Some(
            serve_metrics(&addr, metrics.clone())
                .await
                .map_err(crate::error::local)?,
        ),
        None => None,
    };
    let stop = Arc::new(AtomicBool::new(false));
    let notify = Arc::new(tokio::sync::Notify::new());
    if !args.once && !args.until_idle {
        let (stop, notify) = (stop.clone(), notify.clone());
        tokio::spawn(async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                info!("Ctrl-C: stopping after the transaction in flight");
                stop.store(true, Ordering::SeqCst);
                notify.notify_waiters();
            }
        });
    }
    let interval = Duration::from_secs(args.interval);
    let mut backoff = Duration::from_secs(1);
    let mut retries = RetrySchedule::default();
    let mut checked_funds = false;
    loop {
        // A keeper that cannot pay fees does not start; an unreachable RPC is retried.
        let result = if checked_funds {
            pass(&mut chain, args.dry_run, json, &metrics, &mut retries, out).await
        } else {
            match ensure_can_pay(&mut chain).await {
                Ok(balance) => {
                    info!(balance, "keeper can pay fees");
                    checked_funds = true;
                    pass(&mut chain, args.dry_run, json, &metrics, &mut retries, out).await
                }
                Err(e @ ChainError::InsufficientFunds { .. }) => return Err(e.into()),
                Err(e) => Err(e),
            }
        };
        let wait = match result {
            Ok(Passed { clean, progressed }) => {
                backoff = Duration::from_secs(1);
                // `--once` stops after one pass, `--until-idle` after the first that got
                // nothing done (what is left is not due yet, or failed).
                if args.once || (args.until_idle && !progressed) {
                    return if clean {
                        Ok(())
                    } else {
                        Err(crate::error::local("some work failed"))
                    };
                }
                if args.until_idle {
                    Duration::ZERO
                } else {
                    interval
                }
            }
            Err(e) => {
                metrics.errors.inc();
                if args.once || args.until_idle {
                    return Err(crate::error::local(format!("pass failed: {e}")));
                }
                warn!("pass failed: {e}; retrying in {}s", backoff.as_secs());
                let wait = backoff;
                backoff = (backoff * 2).min(Duration::from_secs(args.max_backoff.max(1)));
                wait
            }
        };
        if stop.load(Ordering::SeqCst) {
            break;
        }
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = notify.notified() => {}
        }
        if stop.load(Ordering::SeqCst) {
            break;
        }
    }
    info!("merit crank stopped");
    Ok(())
}
