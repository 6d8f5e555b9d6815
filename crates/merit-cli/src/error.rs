//! What a command can fail with, and the exit code each failure gives: 0 success, 1 a
//! program, RPC or local-state error, 2 a usage error (clap's own, or an argument the
//! command cannot use).
use merit_client::errors::ProgramError;
use merit_client::TxError;
use merit_crank::ChainError;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The command line cannot be used as given.
    #[error("{0}")]
    Usage(String),
    /// State on this machine (a keypair, a salt file) is missing or unreadable, or the
    /// chain's state makes the command pointless (nothing to claim).
    #[error("{0}")]
    Local(String),
    /// The program refused the transaction, by name.
    #[error("{0}")]
    Program(ProgramError),
    /// The transaction failed otherwise (or with an error no table names).
    #[error("transaction failed: {0}")]
    Tx(TxError),
    #[error(transparent)]
    Chain(#[from] ChainError),
}

impl CliError {
    /// The error as JSON, for `--output json`: `{"error": {"kind", "message", and for a
    /// program's refusal "program", "code", "name"}}`.
    pub fn json(&self) -> serde_json::Value {
        let kind = match self {
            CliError::Usage(_) => "usage",
            CliError::Local(_) => "local",
            CliError::Program(_) => "program",
            CliError::Tx(_) => "transaction",
            CliError::Chain(merit_crank::ChainError::Unreachable(_)) => "unreachable",
            CliError::Chain(_) => "chain",
        };
        let mut error = serde_json::json!({ "kind": kind, "message": self.to_string() });
        if let CliError::Program(p) = self {
            error["program"] = p.program.into();
            error["code"] = p.code.into();
            error["name"] = p.name.clone().into();
        }
        serde_json::json!({ "error": error })
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => 2,
            _ => 1,
        }
    }

    /// A failed transaction of `ixs`, named by the program that refused it when known.
    pub fn from_tx(
        err: TxError,
        ixs: &[anchor_lang::solana_program::instruction::Instruction],
    ) -> Self {
        match merit_client::errors::explain(&err, ixs) {
            Some(named) => CliError::Program(named),
            None => CliError::Tx(err),
        }
    }
}

/// A rule of the program's state the command checked before sending refused: named as
/// the program would have named it.
pub fn rule(err: anchor_lang::error::Error) -> CliError {
    match merit_client::errors::rule(&err) {
        Some(named) => CliError::Program(named),
        None => CliError::Local(err.to_string()),
    }
}

/// [`rule`], and when the rule says a window has not opened yet (`WindowNotOpen`), when it
/// opens: `opens_at` on the task's clock (which a pause stops), which reads `task_now`
/// while the cluster's reads `now`.
pub fn rule_opening(
    err: anchor_lang::error::Error,
    opens_at: i64,
    task_now: i64,
    now: i64,
) -> CliError {
    let mut e = rule(err);
    if let CliError::Program(named) = &mut e {
        if named.name == "WindowNotOpen" {
            let at = opens_at.saturating_add(now.saturating_sub(task_now));
            named.msg = format!(
                "{}; it opens {} (the cluster's clock)",
                named.msg,
                crate::units::fmt_when(at, now)
            );
            if let Some(note) = crate::units::clock_skew_note(now, crate::units::machine_now()) {
                named.msg = format!("{} {note}", named.msg);
            }
        }
    }
    e
}

pub fn usage(msg: impl Into<String>) -> CliError {
    CliError::Usage(msg.into())
}

pub fn local(msg: impl Into<String>) -> CliError {
    CliError::Local(msg.into())
}
