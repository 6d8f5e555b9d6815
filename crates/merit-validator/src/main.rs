//! `merit-validator`: a real Solana validator process on loopback, with `merit.so` deployed
//! at Merit's program id (upgradeable loader) and the SPL Token, Token-2022 and Associated
//! Token programs in genesis. It is Anza's `solana-test-validator` crate, 3.1.12: the same
//! runtime as the in-process suite (`solana-program-test` 3.1.12), behind a small binary.
//!
//! ```text
//! merit-validator [--program FILE] [--rpc-port PORT] [--faucet-keypair FILE] [--ledger DIR]
//!                 [--bind-address IP]
//! ```
//! - `--program`: the SBF build (default `$SBF_OUT_DIR/merit.so`, else `target/sbf/merit.so`).
//! - `--rpc-port`: JSON-RPC port (default 8899; pubsub is the next port).
//! - `--bind-address`: the address every socket binds, JSON-RPC, pubsub, gossip and the
//!   UDP/QUIC ports alike (default 127.0.0.1: nothing is reachable from another machine;
//!   anything else must be asked for). `scripts/validator-smoke.sh` checks the sockets.
//! - `--faucet-keypair`: where to write the keypair of the genesis account holding the
//!   cluster's SOL, so tests fund their wallets from it (default: not written).
//! - `--ledger`: keep the ledger there (default: a fresh directory under the system's
//!   temporary directory, removed at exit).
//!
//! When it serves, it prints one JSON line to stdout (the line that starts with `{"rpc"`),
//! `{"rpc":"http://127.0.0.1:8899","ws":"ws://127.0.0.1:8900","faucet":"<pubkey>","program":"<id>"}`,
//! and runs until SIGINT, SIGTERM or the end of its standard input: a test that spawns it
//! with a piped stdin stops it by dropping the pipe, also when the test panics or is killed.
use solana_keypair::{write_keypair_file, Keypair};
use solana_pubkey::Pubkey;
use solana_rpc::rpc::JsonRpcConfig;
use solana_signer::Signer;
use solana_test_validator::{TestValidatorGenesis, UpgradeableProgramInfo};
use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::str::FromStr;
use tokio::io::AsyncReadExt;

/// Merit's program id (`declare_id!` in programs/merit/src/lib.rs, Anchor.toml).
const MERIT_PROGRAM_ID: &str = "MeRiTqY5bJ3v7c6CTaJ8Ue8ESs8nq5V1xLQ8ZVoEP6F";

struct Options {
    program: PathBuf,
    rpc_port: u16,
    faucet_keypair: Option<PathBuf>,
    ledger: Option<PathBuf>,
    bind: IpAddr,
}

fn usage() -> String {
    "usage: merit-validator [--program FILE] [--rpc-port PORT] [--faucet-keypair FILE] [--ledger DIR] [--bind-address IP]"
        .into()
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let default_dir = std::env::var_os("SBF_OUT_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/sbf"));
    let mut options = Options {
        program: default_dir.join("merit.so"),
        rpc_port: 8899,
        faucet_keypair: None,
        ledger: None,
        bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
    };
    while let Some(flag) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| format!("{flag} needs a value\n{}", usage()))
        };
        match flag.as_str() {
            "--program" => options.program = PathBuf::from(value()?),
            "--rpc-port" => {
                let v = value()?;
                options.rpc_port = v
                    .parse()
                    .map_err(|_| format!("--rpc-port {v:?} is not a port number"))?;
            }
            "--faucet-keypair" => options.faucet_keypair = Some(PathBuf::from(value()?)),
            "--ledger" => options.ledger = Some(PathBuf::from(value()?)),
            "--bind-address" => {
                let v = value()?;
                options.bind = v
                    .parse()
                    .map_err(|_| format!("--bind-address {v:?} is not an IP address"))?;
            }
            "-h" | "--help" => return Err(usage()),
            other => return Err(format!("unknown argument {other:?}\n{}", usage())),
        }
    }
    if !options.program.is_file() {
        return Err(format!(
            "no program at {} (build it with scripts/test-sbf.sh, or pass --program)",
            options.program.display()
        ));
    }
    Ok(options)
}

/// A new directory under the system's temporary directory that only this user can enter
/// (mode 0700), never one that existed (another user cannot prepare it in advance).
fn fresh_private_dir() -> std::io::Result<PathBuf> {
    use std::os::unix::fs::DirBuilderExt;
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let dir =
        std::env::temp_dir().join(format!("merit-validator-{}-{nanos:09}", std::process::id()));
    std::fs::DirBuilder::new().mode(0o700).create(&dir)?;
    Ok(dir)
}

/// Until SIGINT, SIGTERM or the end of standard input.
async fn wait_for_stop() {
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .expect("SIGTERM handler");
    let stdin_closed = async {
        let mut stdin = tokio::io::stdin();
        let mut buf = [0u8; 64];
        while let Ok(n) = stdin.read(&mut buf).await {
            if n == 0 {
                break;
            }
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = term.recv() => {}
        _ = stdin_closed => {}
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let options = match parse(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("merit-validator: {e}");
            return ExitCode::from(2);
        }
    };
    let program_id = Pubkey::from_str(MERIT_PROGRAM_ID).expect("program id");
    let mut genesis = TestValidatorGenesis::default();
    genesis
        .bind_ip_addr(options.bind)
        .gossip_host(options.bind)
        .rpc_port(options.rpc_port)
        // Transaction history, as `solana-test-validator` serves it: clients read a landed
        // transaction's logs (events, errors) with `getTransaction`.
        .rpc_config(JsonRpcConfig {
            enable_rpc_transaction_history: true,
            enable_extended_tx_metadata_storage: true,
            ..JsonRpcConfig::default_for_test()
        })
        .add_upgradeable_programs_with_path(&[UpgradeableProgramInfo {
            program_id,
            loader: solana_sdk_ids::bpf_loader_upgradeable::id(),
            upgrade_authority: Pubkey::default(),
            program_path: options.program.clone(),
        }]);
    // Without --ledger, a fresh directory under the system's temporary directory, removed
    // at exit (the crate's own default is `./farf/...` in the current directory).
    let temp_ledger = match &options.ledger {
        Some(ledger) => {
            genesis.ledger_path(ledger);
            None
        }
        None => match fresh_private_dir() {
            Ok(dir) => {
                genesis.ledger_path(&dir);
                Some(dir)
            }
            Err(e) => {
                eprintln!("merit-validator: cannot create a ledger directory: {e}");
                return ExitCode::from(1);
            }
        },
    };
    let (validator, faucet): (_, Keypair) = genesis.start_async().await;
    if let Some(path) = &options.faucet_keypair {
        if let Err(e) = write_keypair_file(&faucet, path) {
            eprintln!("merit-validator: cannot write {}: {e}", path.display());
            return ExitCode::from(1);
        }
    }
    println!(
        "{{\"rpc\":\"{}\",\"ws\":\"{}\",\"faucet\":\"{}\",\"program\":\"{}\"}}",
        validator.rpc_url(),
        validator.rpc_pubsub_url(),
        faucet.pubkey(),
        program_id
    );
    wait_for_stop().await;
    drop(validator);
    if let Some(dir) = temp_ledger {
        let _ = std::fs::remove_dir_all(dir);
    }
    ExitCode::SUCCESS
}
