//! Getting started and operating a deployment from the CLI alone: `merit keygen`,
//! `merit airdrop`, `merit admin ...`, `merit task wait` and `merit epoch wait`, run exactly
//! as typed on the in-process bank, with every refusal by name and nothing changed by it.
//! (`merit localnet` itself starts a real validator: `scripts/quickstart.sh` runs it.)
mod common;

use common::Ran;
use merit_client::{pda, Config};
use merit_localnet::{Keypair, Localnet, LocalnetOptions, Signer};
use std::path::PathBuf;

struct Op {
    net: Localnet,
    dir: PathBuf,
}

impl Op {
    async fn new(name: &str, params: bool) -> Op {
        let mut opts = LocalnetOptions::default();
        if !params {
            opts.params = None;
        }
        let net = Localnet::start(opts).await.unwrap();
        let dir = std::env::temp_dir().join(format!("merit-setup-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Op { net, dir }
    }

    /// Writes `key` as `<name>.json` and gives it lamports for fees.
    async fn key(&mut self, name: &str, key: &Keypair, lamports: u64) -> String {
        let path = self.dir.join(format!("{name}.json"));
        solana_keypair::write_keypair_file(key, &path).unwrap();
        if lamports > 0 {
            self.net.airdrop(&key.pubkey(), lamports).await.unwrap();
        }
        path.display().to_string()
    }

    /// `merit -k <key> <args>` (a Solana CLI config that names nothing, so only flags count).
    async fn run(&mut self, key: &str, args: &[&str]) -> Ran {
        let config = self.dir.join("config.yml");
        std::fs::write(&config, "---\n").unwrap();
        let mut argv: Vec<String> = vec![
            "merit".into(),
            "-C".into(),
            config.display().to_string(),
            "-k".into(),
            key.into(),
            "--secrets-dir".into(),
            self.dir.join("secrets").display().to_string(),
        ];
        argv.extend(args.iter().map(|a| a.to_string()));
        common::run(&mut self.net, argv).await
    }

    async fn config(&mut self) -> Option<Config> {
        self.net.account(&pda::config()).await
    }
}

#[tokio::test]
async fn an_operator_initializes_and_governs_a_deployment_from_the_cli_and_no_one_else_can() {
    let mut t = Op::new("admin", false).await;
    let op = t.key("op", &Keypair::new(), 10_000_000_000).await;
    let other = t.key("other", &Keypair::new(), 10_000_000_000).await;
    let mint = t.net.client.stake_mint.to_string();
    // Refused before anything is sent: a bad name, an out-of-range value, a non-mint.
    t.run(
        &op,
        &["admin", "initialize", "--mint", &mint, "--set", "colour=1"],
    )
    .await
    .fails(2, "\"colour\" is not a parameter");
    t.run(
        &op,
        &[
            "admin",
            "initialize",
            "--mint",
            &mint,
            "--set",
            "epoch_length_secs=1",
        ],
    )
    .await
    .fails(1, "InvalidConfigParam");
    let not_a_mint = Keypair::new().pubkey().to_string();
    t.run(&op, &["admin", "initialize", "--mint", &not_a_mint])
        .await
        .fails(1, "no mint at");
    assert!(t.config().await.is_none(), "a refusal creates nothing");
    let made = t
        .run(
            &op,
            &[
                "admin",
                "initialize",
                "--mint",
                &mint,
                "--set",
                "epoch_length_secs=120",
                "--output",
                "json",
            ],
        )
        .await
        .ok()
        .json();
    assert_eq!(
        made["params"]["epochLengthSecs"], 120,
        "the names and values config show prints"
    );
    let config = t.config().await.expect("initialized");
    let op_key = solana_keypair::read_keypair_file(&op).unwrap().pubkey();
    assert_eq!(config.admin, op_key);
    assert_eq!(config.stake_mint, t.net.client.stake_mint);
    assert_eq!(config.params.epoch_length_secs, 120);
    t.run(&op, &["admin", "initialize", "--mint", &mint])
        .await
        .fails(1, "already exists");

    // Proposals: only the admin, only with a change, and applied only after the timelock.
    t.run(
        &other,
        &["admin", "propose-config", "--set", "vote_bond_bps=4000"],
    )
    .await
    .fails(1, "NotAdmin");
    t.run(&op, &["admin", "propose-config"])
        .await
        .fails(2, "--set NAME=VALUE");
    assert_eq!(t.config().await.unwrap().pending_params_eta, 0);
    t.run(
        &op,
        &["admin", "propose-config", "--set", "vote_bond_bps=4000"],
    )
    .await
    .ok();
    let pending = t.config().await.unwrap();
    assert_eq!(pending.pending_params.vote_bond_bps, 4000);
    assert_eq!(
        pending.pending_params_eta,
        t.net.now() + pending.params.param_timelock_secs
    );
    let early = t
        .run(&other, &["admin", "apply-config"])
        .await
        .fails(1, "TimelockNotElapsed");
    assert!(
        early.err.contains("the proposal applies from"),
        "{}",
        early.err
    );
    t.net.advance(pending.params.param_timelock_secs);
    t.run(&other, &["admin", "apply-config"]).await.ok();
    assert_eq!(t.config().await.unwrap().params.vote_bond_bps, 4000);
    t.run(&other, &["admin", "apply-config"])
        .await
        .fails(1, "NoPendingConfig");
    // A proposal withdrawn.
    t.run(
        &op,
        &["admin", "propose-config", "--set", "task_fee_bps=600"],
    )
    .await
    .ok();
    t.run(&other, &["admin", "cancel-config"])
        .await
        .fails(1, "NotAdmin");
    t.run(&op, &["admin", "cancel-config"]).await.ok();
    assert_eq!(t.config().await.unwrap().pending_params_eta, 0);

    // Pause and unpause: the admin alone.
    t.run(&other, &["admin", "pause"])
        .await
        .fails(1, "NotAdmin");
    assert!(!t.config().await.unwrap().paused);
    t.run(&op, &["admin", "pause"]).await.ok();
    assert!(t.config().await.unwrap().paused);
    t.net.advance(60);
    t.run(&op, &["admin", "unpause"]).await.ok();
    assert!(!t.config().await.unwrap().paused);
}

#[tokio::test]
async fn airdrop_sends_sol_and_test_tokens_from_the_faucet_and_is_refused_where_it_must_be() {
    let mut t = Op::new("airdrop", true).await;
    // The faucet of a `merit localnet` cluster: the stake mint's authority, with SOL.
    let authority = t.net.mint_authority.insecure_clone();
    let faucet = t.key("faucet", &authority, 100_000_000_000).await;
    let me_key = Keypair::new();
    let me = t.key("me", &me_key, 0).await;
    t.run(
        &me,
        &[
            "airdrop", "--faucet", &faucet, "--sol", "2", "--tokens", "5",
        ],
    )
    .await
    .ok();
    assert_eq!(t.net.lamports(&me_key.pubkey()).await, 2_000_000_000);
    assert_eq!(t.net.wallet_balance(&me_key.pubkey()).await, 5_000_000);
    // To another address; the JSON form gives amounts as strings with the decimals.
    let friend = Keypair::new().pubkey();
    let sent = t
        .run(
            &me,
            &[
                "airdrop",
                "--faucet",
                &faucet,
                "--to",
                &friend.to_string(),
                "--sol",
                "0.5",
                "--tokens",
                "1.25",
                "--output",
                "json",
            ],
        )
        .await
        .ok()
        .json();
    assert_eq!(sent["tokens"], "1250000");
    assert_eq!(sent["decimals"], 6);
    assert_eq!(t.net.lamports(&friend).await, 500_000_000);
    assert_eq!(t.net.wallet_balance(&friend).await, 1_250_000);

    // Refusals, each moving nothing.
    t.run(&me, &["-u", "mainnet-beta", "airdrop", "--faucet", &faucet])
        .await
        .fails(2, "refused on mainnet-beta");
    let stranger = t.key("stranger", &Keypair::new(), 10_000_000_000).await;
    t.run(&me, &["airdrop", "--faucet", &stranger, "--tokens", "5"])
        .await
        .fails(1, "cannot mint the stake mint");
    let missing = t.dir.join("none.json").display().to_string();
    t.run(&me, &["airdrop", "--faucet", &missing])
        .await
        .fails(2, "cannot read the faucet keypair");
    t.run(
        &me,
        &[
            "airdrop", "--faucet", &faucet, "--sol", "0", "--tokens", "0",
        ],
    )
    .await
    .fails(2, "nothing to send");
    t.run(&missing, &["airdrop", "--faucet", &faucet])
        .await
        .fails(2, "merit keygen");
    assert_eq!(t.net.lamports(&me_key.pubkey()).await, 2_000_000_000);
    assert_eq!(t.net.wallet_balance(&me_key.pubkey()).await, 5_000_000);
}

#[tokio::test]
async fn keygen_writes_a_keypair_and_never_replaces_one_unasked() {
    let mut t = Op::new("keygen", true).await;
    let path = t.dir.join("new.json").display().to_string();
    let made = t
        .run(&path, &["keygen", "--output", "json"])
        .await
        .ok()
        .json();
    let key = solana_keypair::read_keypair_file(&path).unwrap();
    assert_eq!(made["pubkey"], key.pubkey().to_string());
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &str| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600, "only its owner reads a secret key");
    // Where `merit` reads the wallet (-k) is where it writes by default; a second call
    // keeps the key.
    t.run(&path, &["keygen"]).await.fails(1, "already exists");
    assert_eq!(
        solana_keypair::read_keypair_file(&path).unwrap().pubkey(),
        key.pubkey()
    );
    // Replacing a file others could read leaves a key only its owner reads.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    t.run(&path, &["keygen", "--force"]).await.ok();
    assert_ne!(
        solana_keypair::read_keypair_file(&path).unwrap().pubkey(),
        key.pubkey()
    );
    assert_eq!(mode(&path), 0o600);
    // A symbolic link is refused, never followed.
    let link = t.dir.join("link.json");
    std::os::unix::fs::symlink(t.dir.join("elsewhere.json"), &link).unwrap();
    t.run(
        &path,
        &["keygen", "-o", &link.display().to_string(), "--force"],
    )
    .await
    .fails(1, "symbolic link");
    assert!(!t.dir.join("elsewhere.json").exists());
    let other = t.dir.join("sub/dir/k.json");
    t.run(&path, &["keygen", "-o", &other.display().to_string()])
        .await
        .ok();
    assert!(solana_keypair::read_keypair_file(&other).is_ok());
}

#[tokio::test]
async fn waits_follow_the_clusters_clock_not_the_machines() {
    let mut t = Op::new("wait", true).await;
    let creator = t.net.new_user(1_000_000_000).await.unwrap();
    let c = t.key("creator", &creator, 0).await;
    let created = t
        .run(
            &c,
            &[
                "task",
                "create",
                "--reward",
                "100",
                "--spec-hash",
                &"ab".repeat(32),
                "--uri",
                "u",
                "--submit-for",
                "1h",
                "--output",
                "json",
            ],
        )
        .await
        .ok()
        .json();
    let task = created["task"].as_str().unwrap().to_string();
    // The bank's clock is a year ahead of this machine's: a wait on the machine's clock
    // would never see the submission window as open, nor its end.
    t.run(
        &c,
        &["task", "wait", &task, "submissionReveal", "--timeout", "1s"],
    )
    .await
    .fails(1, "still in its submission phase");
    t.net.advance(3_600);
    let waited = t
        .run(
            &c,
            &[
                "task",
                "wait",
                &task,
                "submissionReveal",
                "--output",
                "json",
            ],
        )
        .await
        .ok()
        .json();
    assert_eq!(waited["phase"], "submissionReveal");
    assert_eq!(waited["clusterTime"], t.net.now());
    // A phase already passed counts as reached.
    t.run(&c, &["task", "wait", &task, "reveal-work"])
        .await
        .ok();
    t.run(&c, &["task", "wait", &task, "someday"])
        .await
        .fails(2, "someday");
    // Before the committee is drawn, `drawn` waits; once commits close without a draw, it
    // says so instead of waiting for ever. (scripts/quickstart.sh waits for a real draw.)
    let task_key: merit_client::Task = t.net.account(&task.parse().unwrap()).await.unwrap();
    t.net
        .advance(task_key.submission_reveal_deadline - t.net.now());
    t.run(&c, &["task", "wait", &task, "drawn", "--timeout", "1s"])
        .await
        .fails(1, "still in its commit phase");
    t.net.advance(task_key.commit_deadline - t.net.now());
    t.run(&c, &["task", "wait", &task, "drawn"])
        .await
        .fails(1, "nothing was submitted, so no committee is drawn");
    // Nor after, whatever happened: commits are closed.
    t.net.advance(task_key.reveal_deadline - t.net.now());
    t.run(&c, &["task", "wait", &task, "drawn"])
        .await
        .fails(1, "in its settlement phase");
    // A look-alike: the task's bytes at another address, owned by another program, are
    // never read as Merit's.
    let mut copy = t.net.raw_account(&task.parse().unwrap()).await.unwrap();
    copy.owner = Keypair::new().pubkey();
    let fake = Keypair::new().pubkey();
    t.net.set_account(&fake, copy);
    t.run(&c, &["task", "show", &fake.to_string()])
        .await
        .fails(1, "not by the Merit program");
    t.run(&c, &["task", "wait", &fake.to_string(), "commit"])
        .await
        .fails(1, "not by the Merit program");
    // Epochs: the next one opens only when a keeper advances it.
    t.run(&c, &["epoch", "wait", "--timeout", "1s"])
        .await
        .fails(1, "is a keeper running?");
    t.run(&c, &["epoch", "wait", "0"]).await.ok();
}

#[tokio::test]
async fn an_unreachable_cluster_is_named_and_errors_come_as_json_when_asked() {
    // A port nothing listens on.
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let url = format!("http://127.0.0.1:{port}");
    let dir = std::env::temp_dir().join(format!("merit-setup-unreachable-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("config.yml");
    std::fs::write(&config, "---\n").unwrap();
    let run = |json: bool| {
        let mut argv = vec![
            "merit",
            "-C",
            config.to_str().unwrap(),
            "-u",
            &url,
            "config",
            "show",
        ];
        if json {
            argv.extend(["--output", "json"]);
        }
        let argv: Vec<String> = argv.into_iter().map(String::from).collect();
        async move {
            let (mut out, mut err) = (Vec::new(), Vec::new());
            let code = merit_cli::run(
                argv,
                |c| merit_crank::RpcChain::new(c.url, c.keypair, 0),
                &mut out,
                &mut err,
            )
            .await;
            (
                code,
                String::from_utf8(out).unwrap(),
                String::from_utf8(err).unwrap(),
            )
        }
    };
    let (code, out, err) = run(false).await;
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains(&format!("cannot reach {url}")), "{err}");
    let (code, _, err) = run(true).await;
    assert_eq!(code, 1);
    let json: serde_json::Value =
        serde_json::from_str(&err).unwrap_or_else(|e| panic!("{e}: {err}"));
    assert_eq!(json["error"]["kind"], "unreachable");
    assert!(json["error"]["message"]
        .as_str()
        .unwrap()
        .contains("cannot reach"));
}

#[tokio::test]
async fn a_refusal_comes_as_json_with_the_programs_name_and_code() {
    let mut t = Op::new("json-error", true).await;
    let other = t.key("other", &Keypair::new(), 10_000_000_000).await;
    let ran = t.run(&other, &["admin", "pause", "--output", "json"]).await;
    assert_eq!(ran.code, 1);
    let json: serde_json::Value =
        serde_json::from_str(&ran.err).unwrap_or_else(|e| panic!("{e}: {}", ran.err));
    assert_eq!(json["error"]["kind"], "program");
    assert_eq!(json["error"]["name"], "NotAdmin");
    assert_eq!(json["error"]["program"], "merit");
    assert_eq!(
        json["error"]["code"],
        u32::from(merit::error::MeritError::NotAdmin)
    );
    // A usage error too.
    let hash = "ab".repeat(32);
    let ran = t
        .run(
            &other,
            &[
                "task",
                "create",
                "--spec-hash",
                &hash,
                "--uri",
                "u",
                "--output",
                "json",
            ],
        )
        .await;
    assert_eq!(ran.code, 2);
    let json: serde_json::Value = serde_json::from_str(&ran.err).unwrap();
    assert_eq!(json["error"]["kind"], "usage");
    // A command line clap itself refuses is a JSON document as well.
    let ran = t
        .run(
            &other,
            &["task", "wait", "not-a-key", "someday", "--output", "json"],
        )
        .await;
    assert_eq!(ran.code, 2);
    let json: serde_json::Value =
        serde_json::from_str(&ran.err).unwrap_or_else(|e| panic!("{e}: {}", ran.err));
    assert_eq!(json["error"]["kind"], "usage");
    assert!(
        json["error"]["message"]
            .as_str()
            .unwrap()
            .contains("not-a-key"),
        "{json}"
    );
}
