//! `merit`: the Merit command line.
mod crank;
#[cfg(feature = "sim")]
mod demo;
#[cfg(feature = "sim")]
mod simulate;

use clap::{Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(
    name = "merit",
    version,
    about = "Merit: paying people for useful AI work on Solana"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the incentive simulator: agents with strategies, on the real program.
    #[cfg(feature = "sim")]
    Simulate(simulate::SimulateArgs),
    /// Run one whole task lifecycle on an in-process chain running the real program.
    #[cfg(feature = "sim")]
    Demo,
    /// Run the keeper bot against a cluster: finalize, slash, advance epochs, close.
    Crank(crank::CrankArgs),
}

fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("MERIT_LOG").unwrap_or_else(|_| {
                tracing_subscriber::EnvFilter::new("warn,merit=info,tarpc=off,solana_runtime=off")
            }),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let runtime = tokio::runtime::Runtime::new()?;
    match cli.command {
        // The in-process chain's client and bank server talk over a channel: on one
        // thread they hand over without waking another (a quarter of the wall time went
        // to cross-thread wake-ups on the multi-threaded runtime).
        #[cfg(feature = "sim")]
        Command::Simulate(args) => tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?
            .block_on(simulate::run(args)),
        #[cfg(feature = "sim")]
        Command::Demo => runtime.block_on(demo::run()),
        Command::Crank(args) => runtime.block_on(crank::run(args)),
    }
}
