//! `merit crank`: the keeper bot. It finalizes, slashes, advances epochs and closes
//! settled accounts, paid by the program's bounties. It signs only with its own keypair.
use anchor_spl::associated_token::spl_associated_token_account::instruction::create_associated_token_account_idempotent;
use clap::Args;
use merit_crank::{deployment, discover, ensure_can_pay, execute, Chain, RetrySchedule, RpcChain};
use solana_keypair::Keypair;
use solana_signer::Signer;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tracing::{error, info, warn};

#[derive(Args, Debug)]
pub struct CrankArgs {
    /// JSON-RPC endpoint of the cluster.
    #[arg(long, env = "MERIT_RPC_URL", default_value = "http://127.0.0.1:8899")]
    rpc: String,
    /// The keeper's keypair file (a JSON array of 64 bytes, as `solana-keygen` writes).
    #[arg(long, env = "MERIT_KEYPAIR")]
    keypair: PathBuf,
    /// One pass, a summary, and exit (non-zero if the pass failed).
    #[arg(long)]
    once: bool,
    /// Seconds between passes.
    #[arg(long, env = "MERIT_CRANK_INTERVAL", default_value_t = 10)]
    interval: u64,
    /// Longest wait between retries after an error, in seconds.
    #[arg(long, env = "MERIT_CRANK_MAX_BACKOFF", default_value_t = 300)]
    max_backoff: u64,
    /// Priority fee in micro-lamports per compute unit (0: none).
    #[arg(long, env = "MERIT_CRANK_PRIORITY_FEE", default_value_t = 0)]
    priority_fee: u64,
    /// List the due work and send nothing.
    #[arg(long)]
    dry_run: bool,
    /// Serve Prometheus metrics (text format) on this address, e.g. 127.0.0.1:9464.
    #[arg(long, env = "MERIT_CRANK_METRICS")]
    metrics: Option<String>,
}

/// Counters exported on the metrics endpoint.
#[derive(Default)]
struct Metrics {
    passes: AtomicU64,
    errors: AtomicU64,
    found: AtomicU64,
    confirmed: AtomicU64,
    lost: AtomicU64,
    failed: AtomicU64,
    lamports_earned: AtomicI64,
}

impl Metrics {
    fn render(&self) -> String {
        let c = |name: &str, help: &str, v: i64| {
            format!("# HELP merit_crank_{name} {help}\n# TYPE merit_crank_{name} counter\nmerit_crank_{name} {v}\n")
        };
        [
            c(
                "passes_total",
                "Passes completed.",
                self.passes.load(Ordering::Relaxed) as i64,
            ),
            c(
                "errors_total",
                "Passes that failed (RPC or setup errors).",
                self.errors.load(Ordering::Relaxed) as i64,
            ),
            c(
                "work_found_total",
                "Due items discovered.",
                self.found.load(Ordering::Relaxed) as i64,
            ),
            c(
                "work_confirmed_total",
                "Items confirmed.",
                self.confirmed.load(Ordering::Relaxed) as i64,
            ),
            c(
                "work_lost_total",
                "Items another keeper did first.",
                self.lost.load(Ordering::Relaxed) as i64,
            ),
            c(
                "work_failed_total",
                "Items that failed for another reason.",
                self.failed.load(Ordering::Relaxed) as i64,
            ),
            c(
                "lamports_earned_total",
                "Bounties earned, less fees.",
                self.lamports_earned.load(Ordering::Relaxed),
            ),
        ]
        .concat()
    }
}

fn read_keypair(path: &PathBuf) -> anyhow::Result<Keypair> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("reading keypair {}: {e}", path.display()))?;
    let bytes: Vec<u8> = serde_json::from_str(&text)
        .map_err(|e| anyhow::anyhow!("keypair {} is not a JSON byte array: {e}", path.display()))?;
    Keypair::try_from(bytes.as_slice())
        .map_err(|e| anyhow::anyhow!("keypair {} is invalid: {e}", path.display()))
}

async fn serve_metrics(addr: String, metrics: Arc<Metrics>) {
    let listener = match tokio::net::TcpListener::bind(&addr).await {
        Ok(l) => l,
        Err(e) => {
            error!(%addr, "cannot serve metrics: {e}");
            return;
        }
    };
    info!(%addr, "serving Prometheus metrics");
    while let Ok((mut socket, _)) = listener.accept().await {
        let body = metrics.render();
        let mut buf = [0u8; 1024];
        let _ = socket.read(&mut buf).await;
        let response = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        let _ = socket.write_all(response.as_bytes()).await;
    }
}

/// One pass: discover, skip items still backing off, send, record.
async fn pass(
    chain: &mut RpcChain,
    dry_run: bool,
    metrics: &Metrics,
    retries: &mut RetrySchedule,
) -> Result<bool, String> {
    let keeper = chain.keeper();
    let balance = chain.balance(&keeper).await?;
    let client = deployment(chain).await?;
    let now = std::time::Instant::now();
    let work: Vec<_> = discover(chain)
        .await?
        .into_iter()
        .filter(|w| retries.is_due(w, now))
        .collect();
    if dry_run {
        println!("{} items due (dry run, nothing sent):", work.len());
        for w in &work {
            println!("  {w:?}");
        }
        return Ok(true);
    }
    if !work.is_empty() && chain.account(&client.ata(&keeper)).await?.is_none() {
        // Slashes pay the keeper's share into its associated token account.
        let ix = create_associated_token_account_idempotent(
            &keeper,
            &keeper,
            &client.stake_mint,
            &client.token_program,
        );
        chain.send(&[ix]).await.map_err(|e| e.to_string())?;
    }
    let summary = execute(chain, &client, work.clone()).await?;
    retries.record(&summary, &work, now);
    metrics.passes.fetch_add(1, Ordering::Relaxed);
    metrics
        .found
        .fetch_add(summary.found as u64, Ordering::Relaxed);
    metrics
        .confirmed
        .fetch_add(summary.confirmed as u64, Ordering::Relaxed);
    metrics
        .lost
        .fetch_add(summary.lost_to_other_keepers as u64, Ordering::Relaxed);
    metrics
        .failed
        .fetch_add(summary.failed.len() as u64, Ordering::Relaxed);
    metrics
        .lamports_earned
        .fetch_add(summary.lamports_earned, Ordering::Relaxed);
    info!(
        found = summary.found,
        sent = summary.sent,
        confirmed = summary.confirmed,
        lost_to_other_keepers = summary.lost_to_other_keepers,
        failed = summary.failed.len(),
        lamports_earned = summary.lamports_earned,
        keeper_balance = balance,
        "pass complete"
    );
    for (w, e) in &summary.failed {
        warn!(work = ?w, attempts = retries.attempts(w), "failed, will retry with backoff: {e}");
    }
    Ok(summary.failed.is_empty())
}

pub async fn run(args: CrankArgs) -> anyhow::Result<()> {
    let keypair = read_keypair(&args.keypair)?;
    info!(
        rpc = %args.rpc,
        keeper = %keypair.pubkey(),
        keypair_file = %args.keypair.display(),
        once = args.once,
        interval_secs = args.interval,
        max_backoff_secs = args.max_backoff,
        priority_fee = args.priority_fee,
        dry_run = args.dry_run,
        metrics = args.metrics.as_deref().unwrap_or("off"),
        "merit crank starting"
    );
    let metrics = Arc::new(Metrics::default());
    if let Some(addr) = args.metrics.clone() {
        tokio::spawn(serve_metrics(addr, metrics.clone()));
    }
    let stop = Arc::new(AtomicBool::new(false));
    let notify = Arc::new(tokio::sync::Notify::new());
    {
        let (stop, notify) = (stop.clone(), notify.clone());
        tokio::spawn(async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                info!("Ctrl-C: stopping after the transaction in flight");
                stop.store(true, Ordering::SeqCst);
                notify.notify_waiters();
            }
        });
    }
    let mut chain = RpcChain::new(args.rpc.clone(), keypair, args.priority_fee);
    let interval = Duration::from_secs(args.interval);
    let mut backoff = Duration::from_secs(1);
    let mut retries = RetrySchedule::default();
    let mut checked_funds = false;
    loop {
        // A keeper that cannot pay fees does not start; an unreachable RPC is retried.
        if !checked_funds {
            match ensure_can_pay(&mut chain).await {
                Ok(balance) => {
                    info!(balance, "keeper can pay fees");
                    checked_funds = true;
                }
                Err(e) if e.contains("needs at least") => return Err(anyhow::anyhow!(e)),
                Err(_) => {}
            }
        }
        let result = if checked_funds {
            pass(&mut chain, args.dry_run, &metrics, &mut retries).await
        } else {
            Err(format!(
                "RPC error: cannot reach {} to check the keeper's balance",
                args.rpc
            ))
        };
        let wait = match result {
            Ok(clean) => {
                backoff = Duration::from_secs(1);
                if args.once {
                    return if clean {
                        Ok(())
                    } else {
                        Err(anyhow::anyhow!("some work failed"))
                    };
                }
                interval
            }
            Err(e) => {
                metrics.errors.fetch_add(1, Ordering::Relaxed);
                if args.once {
                    return Err(anyhow::anyhow!("pass failed: {e}"));
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
