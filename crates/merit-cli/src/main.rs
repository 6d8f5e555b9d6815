//! `merit`: the Merit command line. Exit codes: 0 success, 1 program, RPC or local-state
//! error, 2 usage error.
#[cfg(feature = "sim")]
use merit_cli::cli::Command;
use merit_crank::RpcChain;
use std::process::ExitCode;

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("MERIT_LOG").unwrap_or_else(|_| {
                tracing_subscriber::EnvFilter::new("warn,merit=info,tarpc=off,solana_runtime=off")
            }),
        )
        .with_writer(std::io::stderr)
        // Colour only for a person at a terminal: never in logs, pipes or files.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let (mut stdout, mut stderr) = (std::io::stdout(), std::io::stderr());
    let cli = match merit_cli::parse(std::env::args_os(), &mut stdout, &mut stderr) {
        Ok(cli) => cli,
        Err(code) => return ExitCode::from(code),
    };
    let format = cli.global.output;
    let result = match cli.command {
        // The in-process chain's client and bank server talk over a channel: on one
        // thread they hand over without waking another (a quarter of the wall time went
        // to cross-thread wake-ups on the multi-threaded runtime).
        #[cfg(feature = "sim")]
        Command::Simulate(args) => current_thread().and_then(|rt| {
            let json = format == merit_cli::output::Format::Json;
            rt.block_on(merit_cli::simulate::run(args, json))
                .map_err(|e| merit_cli::error::local(format!("{e:#}")))
        }),
        #[cfg(feature = "sim")]
        Command::Demo if format == merit_cli::output::Format::Json => Err(merit_cli::error::usage(
            "`merit demo` tells a story for people: it has no --output json (`merit simulate --output json` gives a machine-readable run)",
        )),
        #[cfg(feature = "sim")]
        Command::Demo => current_thread().and_then(|rt| {
            rt.block_on(merit_cli::demo::run())
                .map_err(|e| merit_cli::error::local(format!("{e:#}")))
        }),
        _ => match tokio::runtime::Runtime::new() {
            Ok(rt) => rt.block_on(merit_cli::execute(
                cli,
                |c| RpcChain::new(c.url, c.keypair, c.priority_fee),
                &mut stdout,
            )),
            Err(e) => Err(merit_cli::error::local(format!(
                "cannot start the runtime: {e}"
            ))),
        },
    };
    ExitCode::from(merit_cli::finish(result, format, &mut stderr))
}

#[cfg(feature = "sim")]
fn current_thread() -> Result<tokio::runtime::Runtime, merit_cli::error::CliError> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| merit_cli::error::local(format!("cannot start the runtime: {e}")))
}
