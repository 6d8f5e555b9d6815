//! The `merit` command line as a library: [`run`] parses a command line, connects through
//! a caller-supplied [`Chain`] constructor and runs the command, so the binary (over
//! JSON-RPC) and the tests (over the in-process bank) share one code path.
pub mod admin;
pub mod cli;
pub mod cluster;
pub mod crank;
#[cfg(feature = "sim")]
pub mod demo;
pub mod error;
pub mod faucet;
pub mod localnet;
pub mod metrics;
pub mod output;
pub mod secrets;
#[cfg(feature = "sim")]
pub mod simulate;
pub mod units;
pub mod wallet;

use clap::Parser;
use cli::{
    ClaimArgs, Cli, Command, ConfigCmd, EpochCmd, StakeCmd, SubmitArgs, SubmitCmd, TaskCmd, VoteCmd,
};
use cluster::{cluster_label, load_solana_config, resolve_keypair_path, resolve_url};
use error::{usage, CliError};
use merit_crank::Chain;
use output::Out;
use secrets::Secrets;
use solana_keypair::Keypair;
use std::ffi::OsString;
use std::io::Write;

/// Where and as whom a command runs: the resolved endpoint and the signer.
pub struct Connection {
    pub url: String,
    pub keypair: Keypair,
    /// Priority fee, micro-lamports per compute unit (0: none).
    pub priority_fee: u64,
}

/// Parses `argv`; on failure prints clap's message (help and version to `stdout`,
/// errors to `stderr`) and gives the exit code (0 for help, 2 for a usage error).
pub fn parse<I, T>(argv: I, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Result<Cli, u8>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let argv: Vec<OsString> = argv.into_iter().map(Into::into).collect();
    // `--output json` (or `--output=json`) anywhere: a usage error is a JSON document too.
    let json = argv
        .windows(2)
        .any(|w| w[0] == "--output" && w[1] == "json")
        || argv.iter().any(|a| a == "--output=json");
    Cli::try_parse_from(argv).map_err(|e| {
        // Colour only for a person at a terminal, never in pipes, logs or tests.
        use std::io::IsTerminal;
        let text = if std::io::stdout().is_terminal() && std::io::stderr().is_terminal() {
            e.render().ansi().to_string()
        } else {
            e.render().to_string()
        };
        if e.use_stderr() && json {
            let doc = CliError::Usage(e.render().to_string().trim_end().to_string()).json();
            let _ = writeln!(stderr, "{doc}");
            2
        } else if e.use_stderr() {
            let _ = write!(stderr, "{text}");
            2
        } else {
            let _ = write!(stdout, "{text}");
            0
        }
    })
}

/// Parses and runs `argv` over the chain `connect` opens, printing to `stdout` and (errors)
/// `stderr`; returns the exit code.
pub async fn run<I, T, C, F>(
    argv: I,
    connect: F,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
    C: Chain,
    F: FnOnce(Connection) -> C,
{
    match parse(argv, stdout, stderr) {
        Ok(cli) => {
            let format = cli.global.output;
            finish(execute(cli, connect, stdout).await, format, stderr)
        }
        Err(code) => code,
    }
}

/// Prints a command's error, if any, to `stderr` (as one JSON document with `--output
/// json`: [`CliError::json`]), and gives its exit code.
pub fn finish(result: Result<(), CliError>, format: output::Format, stderr: &mut dyn Write) -> u8 {
    match result {
        Ok(()) => 0,
        Err(e) => {
            let _ = match format {
                output::Format::Human => writeln!(stderr, "Error: {e}"),
                output::Format::Json => writeln!(stderr, "{}", e.json()),
            };
            e.exit_code()
        }
    }
}

/// Whether `command` signs (and so needs the keypair file to exist).
fn signs(command: &Command) -> bool {
    !matches!(
        command,
        Command::Config(_)
            | Command::Epoch(_)
            | Command::Task(TaskCmd::Wait { .. })
            | Command::Task(TaskCmd::Show { .. })
            | Command::Stake(StakeCmd::Show { owner: Some(_) })
    ) && !matches!(command, Command::Task(TaskCmd::List(a)) if !a.mine)
}

/// The public key of the keypair file at `path` (the wallet).
fn wallet_pubkey(path: &std::path::Path) -> Result<anchor_lang::prelude::Pubkey, CliError> {
    use solana_signer::Signer;
    solana_keypair::read_keypair_file(path)
        .map(|k| k.pubkey())
        .map_err(|e| {
            usage(format!(
                "cannot read the keypair {}: {e} (make one with `merit keygen`, or pass --to PUBKEY)",
                path.display()
            ))
        })
}

/// Runs a parsed chain command (everything but `simulate` and `demo`).
pub async fn execute<C, F>(cli: Cli, connect: F, stdout: &mut dyn Write) -> Result<(), CliError>
where
    C: Chain,
    F: FnOnce(Connection) -> C,
{
    let g = cli.global;
    let solana = load_solana_config(g.config_file.as_deref()).map_err(usage)?;
    let url = resolve_url(g.url.as_deref(), &solana);
    let path = resolve_keypair_path(g.keypair.as_deref(), &solana);
    // The commands that need no wallet, or sign as another key.
    let command = match cli.command {
        Command::Keygen(args) => {
            let file = args.outfile.unwrap_or(path);
            return faucet::keygen(&file, args.force, &mut Out::new(g.output, stdout));
        }
        Command::Localnet(args) => {
            return localnet::run(args, &mut Out::new(g.output, stdout)).await;
        }
        Command::Airdrop(args) => {
            faucet::refuse_mainnet(&url)?;
            let to = match args.to {
                Some(to) => to,
                None => wallet_pubkey(&path)?,
            };
            let faucet_path = args
                .faucet
                .clone()
                .unwrap_or_else(|| faucet::localnet_dir().join("faucet.json"));
            let keypair = solana_keypair::read_keypair_file(&faucet_path).map_err(|e| {
                usage(format!(
                    "cannot read the faucet keypair {}: {e} (start `merit localnet`, or pass --faucet FILE)",
                    faucet_path.display()
                ))
            })?;
            let chain = connect(Connection {
                url: url.clone(),
                keypair,
                priority_fee: g.priority_fee,
            });
            return faucet::airdrop(chain, &url, to, &args, &mut Out::new(g.output, stdout)).await;
        }
        other => other,
    };
    let keypair = match solana_keypair::read_keypair_file(&path) {
        Ok(k) => k,
        // Reading needs no signer: a throwaway key stands in.
        Err(_) if !signs(&command) => Keypair::new(),
        Err(e) => {
            return Err(usage(format!(
                "cannot read the keypair {}: {e} (make one with `merit keygen`, or pass -k FILE)",
                path.display()
            )))
        }
    };
    let chain = connect(Connection {
        url: url.clone(),
        keypair,
        priority_fee: g.priority_fee,
    });
    let command = match command {
        Command::Crank(args) => return crank::run(args, chain, &url, g.output, stdout).await,
        Command::Admin(admin::AdminCmd::Initialize(args)) => {
            return admin::initialize(chain, &url, args, &mut Out::new(g.output, stdout)).await
        }
        #[cfg(feature = "sim")]
        Command::Simulate(_) | Command::Demo => {
            return Err(usage(
                "`simulate` and `demo` run their own chain: run them from the binary",
            ))
        }
        other => other,
    };
    let secrets = Secrets::new(g.secrets_dir.as_deref(), &cluster_label(&url));
    let mut ctx = Ctx::open(chain, url, secrets, Out::new(g.output, stdout)).await?;
    use wallet::*;
    match command {
        Command::Config(ConfigCmd::Show) => info::config_show(&mut ctx).await,
        Command::Epoch(EpochCmd::Show { index }) => info::epoch_show(&mut ctx, index).await,
        Command::Epoch(EpochCmd::Wait { index, timeout }) => {
            wait::epoch(&mut ctx, index, &timeout).await
        }
        Command::Task(TaskCmd::Wait {
            task,
            phase,
            timeout,
        }) => wait::task(&mut ctx, task, phase, &timeout).await,
        Command::Admin(cmd) => admin::run(&mut ctx, cmd).await,
        Command::Task(TaskCmd::Create(args)) => task::create(&mut ctx, *args).await,
        Command::Task(TaskCmd::Show { task }) => task::show(&mut ctx, task).await,
        Command::Task(TaskCmd::List(args)) => task::list(&mut ctx, args).await,
        Command::Task(TaskCmd::Cancel { task }) => task::cancel(&mut ctx, task).await,
        Command::Task(TaskCmd::Reclaim { task }) => task::reclaim(&mut ctx, task).await,
        Command::Stake(StakeCmd::Deposit { amount }) => stake::deposit(&mut ctx, &amount).await,
        Command::Stake(StakeCmd::Unstake { amount }) => stake::unstake(&mut ctx, &amount).await,
        Command::Stake(StakeCmd::Withdraw) => stake::withdraw(&mut ctx).await,
        Command::Stake(StakeCmd::Show { owner }) => stake::show(&mut ctx, owner).await,
        Command::Submit(SubmitArgs {
            reveal: Some(SubmitCmd::Reveal { task, uri }),
            ..
        }) => work::reveal(&mut ctx, task, uri).await,
        Command::Submit(SubmitArgs {
            task,
            file,
            hash,
            uri,
            ..
        }) => {
            let task = task.ok_or_else(|| usage("name the task: merit submit <TASK>"))?;
            let content = match (file, hash) {
                (Some(f), _) => work::Content::File(f),
                (None, Some(h)) => work::Content::Hash(h),
                (None, None) => return Err(usage("give the work: --file FILE or --hash HEX")),
            };
            let uri = uri.ok_or_else(|| usage("--uri is required"))?;
            work::submit(&mut ctx, task, content, uri).await
        }
        Command::Vote(VoteCmd::Commit { submissions, score }) => {
            let mut votes = Vec::with_capacity(submissions.len());
            for (submission, own) in submissions {
                let s = own.or(score).ok_or_else(|| {
                    usage(format!(
                        "no score for {submission}: `{submission}=SCORE` or --score"
                    ))
                })?;
                votes.push((submission, s));
            }
            vote::commit(&mut ctx, &votes).await
        }
        Command::Vote(VoteCmd::Reveal { submission }) => vote::reveal(&mut ctx, submission).await,
        Command::Vote(VoteCmd::Pending) => vote::pending(&mut ctx).await,
        Command::Claim(ClaimArgs { task, all }) => claim::run(&mut ctx, task, all).await,
        Command::Crank(_) | Command::Keygen(_) | Command::Localnet(_) | Command::Airdrop(_) => {
            unreachable!("handled above")
        }
        #[cfg(feature = "sim")]
        Command::Simulate(_) | Command::Demo => unreachable!("handled above"),
    }
}
