//! `merit simulate` from the command line: table, verdict, JSON, sweep, report folder.
use std::process::Command;

const SMALL: &str = r#"
seed = 11
epochs = 1
tasks_per_epoch = 1
[population]
honest_contributors = 2
low_effort_contributors = 1
plagiarists = 1
spammers = 1
colluding_contributors = 0
honest_validators = 4
lazy_validators = 1
colluding_validators = 0
non_revealers = 1
"#;

fn merit(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_merit"))
        .args(args)
        .output()
        .expect("merit runs");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    (
        out.status.success(),
        text + &String::from_utf8_lossy(&out.stderr),
    )
}

#[test]
fn simulate_prints_the_table_and_writes_json_with_the_verdict() {
    let dir = std::env::temp_dir().join(format!("merit-cli-sim-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let scenario = dir.join("small.toml");
    std::fs::write(&scenario, SMALL).unwrap();
    let json = dir.join("out.json");
    let report = dir.join("report");
    let (ok, out) = merit(&[
        "simulate",
        "--quiet",
        "--scenario",
        scenario.to_str().unwrap(),
        "--json",
        json.to_str().unwrap(),
        "--report",
        report.to_str().unwrap(),
    ]);
    assert!(ok, "{out}");
    assert!(
        out.contains("honest contributor") && out.contains("non-revealer"),
        "{out}"
    );
    assert!(out.contains("Honest play"), "{out}");
    assert!(out.contains("transactions per second"), "{out}");
    assert!(
        !out.contains("AnchorError"),
        "program logs leaked into the report: {out}"
    );
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert!(doc["honest_dominates"].is_boolean());
    assert_eq!(doc["seed"], 11);
    assert!(report.join("index.html").exists() && report.join("cumulative.svg").exists());

    let (ok, out) = merit(&[
        "simulate",
        "--quiet",
        "--scenario",
        scenario.to_str().unwrap(),
        "--sweep",
        "program.incoherence_slash_bps=1000,9000",
    ]);
    assert!(ok, "{out}");
    assert!(
        out.contains("Sweep of program.incoherence_slash_bps") && out.contains("9000"),
        "{out}"
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn simulate_over_seeds_reports_intervals_and_writes_charts() {
    let dir = std::env::temp_dir().join(format!("merit-cli-seeds-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let scenario = dir.join("small.toml");
    std::fs::write(&scenario, SMALL).unwrap();
    let json = dir.join("seeds.json");
    let report = dir.join("charts");
    let (ok, out) = merit(&[
        "simulate",
        "--quiet",
        "--scenario",
        scenario.to_str().unwrap(),
        "--seeds",
        "3",
        "--json",
        json.to_str().unwrap(),
        "--report",
        report.to_str().unwrap(),
    ]);
    assert!(ok, "{out}");
    assert!(
        out.contains("95% interval") && out.contains("seeds"),
        "{out}"
    );
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(doc["seeds"], serde_json::json!([11, 12, 13]));
    assert!(doc["honest_dominates_every_seed"].is_boolean());
    let first = &doc["strategies"][0];
    assert_eq!(first["returns"].as_array().unwrap().len(), 3);
    assert!(report.join("returns.svg").exists() && report.join("emission_share.svg").exists());

    let (ok, out) = merit(&[
        "simulate",
        "--quiet",
        "--scenario",
        scenario.to_str().unwrap(),
        "--seeds",
        "0",
    ]);
    assert!(!ok, "zero seeds is a usage error: {out}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn simulate_rejects_an_unknown_scenario_field() {
    let dir = std::env::temp_dir().join(format!("merit-cli-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let scenario = dir.join("bad.toml");
    std::fs::write(&scenario, "epochz = 3\n").unwrap();
    let (ok, out) = merit(&[
        "simulate",
        "--quiet",
        "--scenario",
        scenario.to_str().unwrap(),
    ]);
    assert!(!ok);
    assert!(out.contains("invalid scenario"), "{out}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn simulate_with_output_json_prints_one_json_report_and_demo_refuses_it() {
    let dir = std::env::temp_dir().join(format!("merit-cli-sim-json-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let scenario = dir.join("small.toml");
    std::fs::write(&scenario, SMALL).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_merit"))
        .args(["simulate", "--scenario"])
        .arg(&scenario)
        .args(["--output", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    assert!(doc["honest_dominates"].is_boolean(), "{doc}");
    let demo = Command::new(env!("CARGO_BIN_EXE_merit"))
        .args(["demo", "--output", "json"])
        .output()
        .unwrap();
    assert_eq!(demo.status.code(), Some(2));
    let err: serde_json::Value = serde_json::from_slice(&demo.stderr).unwrap();
    assert_eq!(err["error"]["kind"], "usage", "{err}");
    std::fs::remove_dir_all(&dir).ok();
}
