//! `merit localnet`: a local cluster with Merit ready to use, in one command. It starts the
//! local validator (`crates/merit-validator`, every socket on 127.0.0.1) with `merit.so`,
//! then, as the cluster's faucet key, makes a stake mint, initializes the deployment with
//! windows short enough to try a task's whole life in minutes ([`localnet_params`],
//! overridable with `--set`), funds the emission vault, prints what it made, and runs
//! until Ctrl-C or SIGTERM. Each start is a fresh cluster (the ledger is temporary).
use crate::admin::SetArgs;
use crate::cluster::{load_solana_config, resolve_url};
use crate::error::{local, usage, CliError};
use crate::faucet::{bootstrap, localnet_dir, localnet_params, LOCALNET_DECIMALS};
use crate::output::Out;
use crate::units::{fmt_amount, fmt_duration, parse_amount};
use clap::Args;
use merit_crank::RpcChain;
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, BufReader};

#[derive(Args, Debug)]
pub struct LocalnetArgs {
    /// JSON-RPC port on 127.0.0.1 (pubsub is the next port). 8899 is where `merit` looks
    /// by default.
    #[arg(long, default_value_t = 8899)]
    pub rpc_port: u16,
    /// The validator binary (default: `scripts/validator.sh --build-only`'s output,
    /// ~/.cache/merit-validator/target/debug/merit-validator).
    #[arg(long, env = "MERIT_VALIDATOR", value_name = "FILE")]
    pub validator: Option<PathBuf>,
    /// The program (default: $SBF_OUT_DIR/merit.so, else target/sbf/merit.so).
    #[arg(long, value_name = "FILE")]
    pub program: Option<PathBuf>,
    /// Where the faucet keypair and the validator's log go (default ~/.config/merit/localnet).
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Tokens put in the emission vault.
    #[arg(long, default_value = "100000", value_name = "AMOUNT")]
    pub emission: String,
    #[command(flatten)]
    pub set: SetArgs,
}

fn validator_bin(flag: Option<PathBuf>) -> Result<PathBuf, CliError> {
    let path = flag.unwrap_or_else(|| {
        std::env::var_os("HOME")
            .map(PathBuf::from)
            .unwrap_or_default()
            .join(".cache/merit-validator/target/debug/merit-validator")
    });
    if path.is_file() {
        Ok(path)
    } else {
        Err(local(format!(
            "no validator at {}: build it with `scripts/validator.sh --build-only` (it prints the path), or pass --validator FILE",
            path.display()
        )))
    }
}

fn program_so(flag: Option<PathBuf>) -> Result<PathBuf, CliError> {
    let path = flag.unwrap_or_else(|| {
        std::env::var_os("SBF_OUT_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("target/sbf"))
            .join("merit.so")
    });
    if path.is_file() {
        Ok(path)
    } else {
        Err(local(format!(
            "no program at {}: build it with `scripts/test-sbf.sh` (or `anchor build`), or pass --program FILE",
            path.display()
        )))
    }
}

/// `DIR/localnet.pid` while a `merit localnet` uses `DIR`: a second one there is refused
/// (it would delete the first's faucet key and log); removed when dropped.
struct DirLock(PathBuf);

impl DirLock {
    fn take(dir: &Path) -> Result<DirLock, CliError> {
        let path = dir.join("localnet.pid");
        if let Ok(text) = std::fs::read_to_string(&path) {
            let pid = text.trim();
            if !pid.is_empty() && Path::new(&format!("/proc/{pid}")).exists() {
                return Err(local(format!(
                    "another merit localnet (pid {pid}) uses {}: stop it, or pass --dir",
                    dir.display()
                )));
            }
        }
        std::fs::write(&path, std::process::id().to_string())
            .map_err(|e| local(format!("cannot write {}: {e}", path.display())))?;
        Ok(DirLock(path))
    }
}

impl Drop for DirLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The validator's ready line: `{"rpc":...,"ws":...,"faucet":...,"program":...}`.
#[derive(serde::Deserialize)]
struct Ready {
    rpc: String,
    ws: String,
    program: String,
}

pub async fn run(args: LocalnetArgs, out: &mut Out<'_>) -> Result<(), CliError> {
    let bin = validator_bin(args.validator)?;
    let program = program_so(args.program)?;
    let params = localnet_params(&args.set.set)?;
    let emission = parse_amount(&args.emission, LOCALNET_DECIMALS).map_err(usage)?;
    for port in [args.rpc_port, args.rpc_port.saturating_add(1)] {
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_err() {
            return Err(local(format!(
                "port {port} on 127.0.0.1 is taken (JSON-RPC uses --rpc-port, pubsub the next: another validator? stop it, or pass --rpc-port)"
            )));
        }
    }
    let dir = args.dir.unwrap_or_else(localnet_dir);
    std::fs::create_dir_all(&dir)
        .map_err(|e| local(format!("cannot create {}: {e}", dir.display())))?;
    let _lock = DirLock::take(&dir)?;
    let faucet_path = dir.join("faucet.json");
    let _ = std::fs::remove_file(&faucet_path);
    let log_path = dir.join("validator.log");
    let log = std::fs::File::create(&log_path)
        .map_err(|e| local(format!("cannot write {}: {e}", log_path.display())))?;
    // Its stdin is a pipe this process holds: the validator stops when it closes, also
    // when this process is killed.
    let mut child = tokio::process::Command::new(&bin)
        .arg("--program")
        .arg(&program)
        .args(["--rpc-port", &args.rpc_port.to_string()])
        .arg("--faucet-keypair")
        .arg(&faucet_path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(log)
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| local(format!("cannot start {}: {e}", bin.display())))?;
    let stdout = child.stdout.take().expect("piped");
    let ready = match tokio::time::timeout(Duration::from_secs(120), ready_line(stdout)).await {
        Ok(Some(r)) => r,
        Ok(None) => {
            let status = child.wait().await.ok();
            return Err(local(format!(
                "the validator exited before serving ({}); its log: {}",
                status.map_or("no status".into(), |s| s.to_string()),
                log_path.display()
            )));
        }
        Err(_) => {
            let _ = child.kill().await;
            return Err(local(format!(
                "the validator did not serve within 120 s; its log: {}",
                log_path.display()
            )));
        }
    };
    let result = prepare(&ready, &faucet_path, params, emission, &dir, out).await;
    if result.is_ok() {
        wait_for_stop().await;
    }
    drop(child.stdin.take());
    let _ = tokio::time::timeout(Duration::from_secs(20), child.wait()).await;
    let _ = child.kill().await;
    result?;
    out.line("Stopped the local cluster.");
    Ok(())
}

async fn ready_line(stdout: tokio::process::ChildStdout) -> Option<Ready> {
    let mut lines = BufReader::new(stdout).lines();
    while let Ok(Some(line)) = lines.next_line().await {
        if line.starts_with("{\"rpc\"") {
            let ready = serde_json::from_str(&line).ok();
            // Keep draining its stdout so the validator never blocks on a full pipe.
            tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
            return ready;
        }
    }
    None
}

async fn prepare(
    ready: &Ready,
    faucet_path: &Path,
    params: merit_client::ConfigParams,
    emission: u64,
    dir: &Path,
    out: &mut Out<'_>,
) -> Result<(), CliError> {
    let faucet = solana_keypair::read_keypair_file(faucet_path)
        .map_err(|e| local(format!("cannot read {}: {e}", faucet_path.display())))?;
    let mut chain = RpcChain::new(ready.rpc.clone(), faucet, 0);
    let made = bootstrap(&mut chain, params, emission).await?;
    // Where `merit` will look without -u: say so if it is not this cluster.
    let default_url = load_solana_config(None)
        .map(|c| resolve_url(None, &c))
        .unwrap_or_default();
    let same = default_url.replace("localhost", "127.0.0.1") == ready.rpc;
    let p = made.params;
    out.show(
        || {
            let mut text = format!(
                "Merit localnet is ready. Stop it with Ctrl-C.\n\
                 RPC:         {rpc}\n\
                 WebSocket:   {ws}\n\
                 Program:     {program}\n\
                 Stake mint:  {mint} ({LOCALNET_DECIMALS} decimals)\n\
                 Admin and faucet: {admin} (keypair {faucet})\n\
                 Emission vault:   {emission} tokens\n\
                 Windows:     phases from {phase}, epochs {epoch}, unstake cooldown {cooldown}, \
                 parameter timelock {timelock} (change with --set NAME=VALUE)\n\
                 Files:       {dir} (validator.log); the ledger is temporary\n\
                 Next:        merit keygen && merit airdrop  (docs/localnet.md)",
                rpc = ready.rpc,
                ws = ready.ws,
                program = ready.program,
                mint = made.mint,
                admin = made.admin,
                faucet = faucet_path.display(),
                emission = fmt_amount(made.emission_funded, LOCALNET_DECIMALS),
                phase = fmt_duration(p.min_phase_secs),
                epoch = fmt_duration(p.epoch_length_secs),
                cooldown = fmt_duration(p.unstake_cooldown_secs),
                timelock = fmt_duration(p.param_timelock_secs),
                dir = dir.display(),
            );
            if !same {
                text.push_str(&format!(
                    "\nNote:        your Solana CLI config points `merit` at {default_url}: pass -u {} (or -u l on port 8899)",
                    ready.rpc
                ));
            }
            text
        },
        || {
            let mut v = made.json();
            v["action"] = json!("localnet");
            v["rpc"] = json!(ready.rpc);
            v["ws"] = json!(ready.ws);
            v["program"] = json!(ready.program);
            v["faucet"] = json!(faucet_path.display().to_string());
            v
        },
    );
    Ok(())
}

/// Until Ctrl-C or SIGTERM.
async fn wait_for_stop() {
    match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
        Ok(mut term) => {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
        }
        Err(_) => {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}
