//! The command line: global flags in the Solana CLI's style, and a subcommand per role.
use crate::output::Format;
use crate::units::pubkey;
use crate::wallet::task::{CreateArgs, ListArgs};
use crate::wallet::wait::WaitPhase;
use anchor_lang::prelude::Pubkey;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

fn score(text: &str) -> Result<u8, String> {
    let max = merit::constants::MAX_SCORE;
    match text.parse::<u8>() {
        Ok(s) if s <= max => Ok(s),
        _ => Err(format!(
            "{text:?}: a score is a whole number from 0 to {max}"
        )),
    }
}

/// SUBMISSION or SUBMISSION=SCORE, for `vote commit`.
fn scored_submission(text: &str) -> Result<(Pubkey, Option<u8>), String> {
    match text.split_once('=') {
        Some((key, s)) => Ok((pubkey(key)?, Some(score(s)?))),
        None => Ok((pubkey(text)?, None)),
    }
}

#[derive(Parser, Debug)]
#[command(
    name = "merit",
    version,
    about = "Merit: paying people for useful AI work on Solana",
    after_help = "Exit codes: 0 success, 1 program, RPC or local-state error, 2 usage error."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Args, Debug, Clone)]
pub struct Global {
    /// JSON-RPC URL or moniker: mainnet-beta, devnet, testnet, localhost (or m, d, t, l).
    /// Default: the Solana CLI config's, else localhost.
    #[arg(
        short = 'u',
        long = "url",
        alias = "rpc",
        global = true,
        env = "MERIT_RPC_URL",
        value_name = "URL_OR_MONIKER"
    )]
    pub url: Option<String>,
    /// The signer's keypair file. Default: the Solana CLI config's keypair.
    #[arg(
        short = 'k',
        long = "keypair",
        global = true,
        env = "MERIT_KEYPAIR",
        value_name = "FILE"
    )]
    pub keypair: Option<PathBuf>,
    /// The Solana CLI config to read defaults from.
    #[arg(short = 'C', long = "config", global = true, value_name = "FILE")]
    pub config_file: Option<PathBuf>,
    /// Output format of every command.
    #[arg(long, global = true, value_enum, default_value_t = Format::Human)]
    pub output: Format,
    /// Where vote and submission salts are kept (default ~/.config/merit/secrets).
    #[arg(long, global = true, env = "MERIT_SECRETS_DIR", value_name = "DIR")]
    pub secrets_dir: Option<PathBuf>,
    /// Priority fee in micro-lamports per compute unit (0: none).
    #[arg(
        long = "with-compute-unit-price",
        alias = "priority-fee",
        global = true,
        env = "MERIT_PRIORITY_FEE",
        default_value_t = 0,
        value_name = "MICRO_LAMPORTS"
    )]
    pub priority_fee: u64,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the incentive simulator: agents with strategies, on the real program.
    #[cfg(feature = "sim")]
    Simulate(crate::simulate::SimulateArgs),
    /// Run one whole task lifecycle on an in-process chain running the real program.
    #[cfg(feature = "sim")]
    Demo,
    /// Start a local cluster with Merit deployed and ready: the validator on 127.0.0.1,
    /// a stake mint, the deployment initialized with short windows, a faucet key
    /// (runs until Ctrl-C).
    Localnet(crate::localnet::LocalnetArgs),
    /// Write a new keypair file (default: where `merit` reads the wallet from).
    Keygen(crate::faucet::KeygenArgs),
    /// Get SOL and test tokens from a local cluster's faucet (refused on mainnet-beta).
    Airdrop(crate::faucet::AirdropArgs),
    /// The operator's commands: initialize, propose and apply parameters, pause.
    #[command(subcommand)]
    Admin(crate::admin::AdminCmd),
    /// Run the keeper bot: draw committees, finalize, slash, advance epochs, close.
    Crank(crate::crank::CrankArgs),
    /// The deployment's parameters.
    #[command(subcommand)]
    Config(ConfigCmd),
    /// Post, inspect, cancel and reclaim tasks (creators).
    #[command(subcommand)]
    Task(TaskCmd),
    /// Deposit, unstake, withdraw and inspect stake (contributors and validators).
    #[command(subcommand)]
    Stake(StakeCmd),
    /// Commit to hidden work for a task; `merit submit reveal <TASK>` reveals it.
    Submit(SubmitArgs),
    /// Commit and reveal scores on submissions you were drawn to judge (validators).
    #[command(subcommand)]
    Vote(VoteCmd),
    /// Claim rewards, bonds, emissions and vested tokens.
    Claim(ClaimArgs),
    /// Emission epochs.
    #[command(subcommand)]
    Epoch(EpochCmd),
}

#[derive(Subcommand, Debug)]
pub enum ConfigCmd {
    /// Show the deployment: admin, mint, parameters, pending changes.
    Show,
}

#[derive(Subcommand, Debug)]
pub enum TaskCmd {
    /// Post a task, escrowing its reward (terms from flags or a TOML/JSON file).
    Create(Box<CreateArgs>),
    /// A task's terms, phase and submissions.
    Show {
        /// The task's address (as `task create` and `task list` print it).
        #[arg(value_parser = pubkey)]
        task: Pubkey,
    },
    /// Tasks on the cluster.
    List(ListArgs),
    /// Cancel your task before anything was submitted; refunds everything.
    Cancel {
        /// The address of your task.
        #[arg(value_parser = pubkey)]
        task: Pubkey,
    },
    /// Take back what nobody can claim from your finalized task.
    Reclaim {
        /// The address of your finalized task.
        #[arg(value_parser = pubkey)]
        task: Pubkey,
    },
    /// Wait, on the cluster's clock, until a task reaches a phase (or a later one).
    Wait {
        /// The task's address.
        #[arg(value_parser = pubkey)]
        task: Pubkey,
        /// The phase to wait for.
        #[arg(value_enum)]
        phase: WaitPhase,
        /// Give up after this long (e.g. 10m).
        #[arg(long, default_value = "1h")]
        timeout: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum StakeCmd {
    /// Deposit tokens as stake (it counts for committee draws from the next epoch).
    Deposit {
        /// Tokens to deposit, in the mint's decimals (e.g. 50 or 2.5).
        amount: String,
    },
    /// Start the cooldown on unlocked stake.
    Unstake {
        /// Tokens of unlocked stake to unstake, in the mint's decimals.
        amount: String,
    },
    /// Withdraw stake whose cooldown has passed.
    Withdraw,
    /// Stake, bonds, cooldown and reputation (yours, or another owner's).
    Show {
        /// The stake's owner (default: the wallet, `-k`).
        #[arg(value_parser = pubkey)]
        owner: Option<Pubkey>,
    },
}

#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct SubmitArgs {
    #[command(subcommand)]
    pub reveal: Option<SubmitCmd>,
    /// The task to submit to.
    #[arg(value_parser = pubkey, required = true)]
    pub task: Option<Pubkey>,
    /// The work: a file, whose sha256 is committed to.
    #[arg(long, required_unless_present = "hash", conflicts_with = "hash")]
    pub file: Option<PathBuf>,
    /// The work's sha256 (64 hex digits), instead of --file.
    #[arg(long)]
    pub hash: Option<String>,
    /// Where validators will find the work once it is revealed.
    #[arg(long, required = true)]
    pub uri: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum SubmitCmd {
    /// Reveal the work you committed to (after submissions close), from the stored salt.
    Reveal {
        /// The task you submitted to.
        #[arg(value_parser = pubkey)]
        task: Pubkey,
        /// Reveal with another URI than the one given at submission.
        #[arg(long)]
        uri: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
pub enum VoteCmd {
    /// Commit hidden scores (0-100) on one or more submissions, in as few transactions as
    /// fit; each salt is stored locally before anything is sent.
    Commit {
        /// The submissions to score: SUBMISSION (scored --score) or SUBMISSION=SCORE.
        #[arg(required = true, value_parser = scored_submission)]
        submissions: Vec<(Pubkey, Option<u8>)>,
        /// The score of every submission named without one.
        #[arg(long, value_parser = score)]
        score: Option<u8>,
    },
    /// Reveal the score committed on a submission, from the stored salt.
    Reveal {
        /// The submission you committed a score on (its current round).
        #[arg(value_parser = pubkey)]
        submission: Pubkey,
    },
    /// What still needs doing and until when: seats to commit, votes and work to reveal.
    Pending,
}

#[derive(Args, Debug)]
pub struct ClaimArgs {
    /// Claim what one task owes you.
    #[arg(value_parser = pubkey, conflicts_with = "all")]
    pub task: Option<Pubkey>,
    /// Claim everything: rewards, bonds, emissions, vested tokens.
    #[arg(long)]
    pub all: bool,
}

#[derive(Subcommand, Debug)]
pub enum EpochCmd {
    /// An epoch's window, points and emission (default: the open one).
    Show {
        /// The epoch's index (default: the open one).
        index: Option<u64>,
    },
    /// Wait until epoch INDEX is open (default: the next one; a keeper opens it).
    Wait {
        /// The epoch's index (default: the one after the open one).
        index: Option<u64>,
        /// Give up after this long (e.g. 10m).
        #[arg(long, default_value = "1h")]
        timeout: String,
    },
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    /// Every command and every argument of `merit` says what it is in `--help`.
    #[test]
    fn every_command_and_argument_has_help() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            let here = format!("{path} {}", cmd.get_name());
            if cmd.get_about().is_none() && !path.is_empty() {
                missing.push(format!("{here} (the command)"));
            }
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if matches!(id, "help" | "version") {
                    continue;
                }
                if arg.get_help().is_none() && arg.get_long_help().is_none() {
                    missing.push(format!("{here} <{id}>"));
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &here, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), "", &mut missing);
        assert!(missing.is_empty(), "no help for:\n{}", missing.join("\n"));
    }
}
