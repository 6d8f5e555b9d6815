//! `merit crank` against an unreachable RPC: a clear error, and retries with backoff
//! instead of a crash.
use solana_keypair::Keypair;
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::Duration;

fn keypair_file(name: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("merit-crank-{name}-{}.json", std::process::id()));
    let bytes = Keypair::new().to_bytes().to_vec();
    std::fs::write(&path, serde_json::to_string(&bytes).unwrap()).unwrap();
    path
}

#[test]
fn once_against_an_unreachable_rpc_fails_with_a_clear_error() {
    let key = keypair_file("once");
    let out = Command::new(env!("CARGO_BIN_EXE_merit"))
        .args([
            "crank",
            "--once",
            "--rpc",
            "http://127.0.0.1:1",
            "--keypair",
        ])
        .arg(&key)
        .env("RUST_BACKTRACE", "0")
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stderr).to_string() + &String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success());
    assert!(
        text.contains("pass failed") && text.contains("cannot reach http://127.0.0.1:1"),
        "{text}"
    );
    assert!(
        text.contains("http://127.0.0.1:1"),
        "the effective config is printed: {text}"
    );
    assert!(
        !text.contains('\x1b'),
        "no ANSI codes when the output is not a terminal: {text:?}"
    );
    std::fs::remove_file(key).ok();
}

#[test]
fn an_unreachable_rpc_is_retried_with_backoff_instead_of_crashing() {
    let key = keypair_file("loop");
    let mut child = Command::new(env!("CARGO_BIN_EXE_merit"))
        .args([
            "crank",
            "--rpc",
            "http://127.0.0.1:1",
            "--max-backoff",
            "2",
            "--keypair",
        ])
        .arg(&key)
        .env("RUST_BACKTRACE", "0")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_secs(5));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the cranker exited instead of retrying"
    );
    child.kill().unwrap();
    child.wait().unwrap();
    let mut text = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    let retries = text.matches("retrying in").count();
    assert!(retries >= 2, "expected repeated retries: {text}");
    assert!(
        text.contains("retrying in 1s") && text.contains("retrying in 2s"),
        "backoff doubles: {text}"
    );
    std::fs::remove_file(key).ok();
}

#[test]
fn a_keypair_that_is_not_a_key_is_refused_at_start() {
    let path = std::env::temp_dir().join(format!("merit-crank-bad-{}.json", std::process::id()));
    std::fs::write(&path, "[1, 2, 3]").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_merit"))
        .args(["crank", "--once", "--keypair"])
        .arg(&path)
        .env("RUST_BACKTRACE", "0")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "a bad keypair is a usage error");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot read the keypair"), "{err}");
    std::fs::remove_file(path).ok();
}
