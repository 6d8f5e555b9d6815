//! `merit demo` runs a whole lifecycle and ends with the task closed.
use std::process::Command;

#[test]
fn demo_runs_a_whole_lifecycle_and_closes_the_task() {
    let out = Command::new(env!("CARGO_BIN_EXE_merit"))
        .arg("demo")
        .output()
        .expect("merit runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "demo failed: {stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("carol  consensus"), "{stdout}");
    assert!(stdout.contains("Rejected"), "{stdout}");
    assert!(stdout.contains("task account closed: true"), "{stdout}");
    assert!(stdout.contains("treasury"), "{stdout}");
    assert!(stdout.contains("sweeps the treasury's share"), "{stdout}");
    assert!(!stdout.contains("treasury's share, 0.000000"), "{stdout}");
    assert!(stdout.contains("closes epoch 1"), "{stdout}");
    assert!(stdout.contains("tokens emitted in all"), "{stdout}");
    assert!(!stdout.contains("emitted in all: 0.000000"), "{stdout}");
}
