//! What the CLI test files share: running `merit` exactly as typed, through the binary's
//! code path (`merit_cli::run`), on the in-process bank; and what a run printed.
#![allow(dead_code)]
use merit_crank::LocalChain;
use merit_localnet::Localnet;
use serde_json::Value;

/// What one command printed, and its exit code.
pub struct Ran {
    pub code: u8,
    pub out: String,
    pub err: String,
}

impl Ran {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.out).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.out))
    }
    #[track_caller]
    pub fn ok(self) -> Self {
        assert_eq!(self.code, 0, "stdout: {}\nstderr: {}", self.out, self.err);
        self
    }
    #[track_caller]
    pub fn fails(self, code: u8, needle: &str) -> Self {
        assert_eq!(
            self.code, code,
            "stdout: {}\nstderr: {}",
            self.out, self.err
        );
        assert!(
            self.err.contains(needle),
            "expected {needle:?} in: {}",
            self.err
        );
        self
    }
}

/// Runs `argv` (its first item is the program's name) on `net`, signing as the keypair
/// the command line names.
pub async fn run(net: &mut Localnet, argv: Vec<String>) -> Ran {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = merit_cli::run(
        argv,
        |c| LocalChain {
            net,
            keeper: c.keypair,
        },
        &mut out,
        &mut err,
    )
    .await;
    Ran {
        code,
        out: String::from_utf8(out).unwrap(),
        err: String::from_utf8(err).unwrap(),
    }
}
