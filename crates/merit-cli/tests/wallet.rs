//! The wallet commands, run exactly as a person types them, through the same code path
//! as the binary (`merit_cli::run`), on the in-process bank running the real program.
//! Two keypairs take a task from creation to claim: alice creates it and does the work,
//! bob stakes, judges it and runs the crank. Then every command's refusals, with their
//! exit codes and messages.
mod common;

use common::Ran;
use merit_client::{pda, Stake, Submission, Task, Vote};
use merit_localnet::{Keypair, Localnet, LocalnetOptions, Signer};
use std::path::{Path, PathBuf};

const TOKEN: u64 = 1_000_000;

/// A JSON amount: a decimal string of base units (JSON numbers lose precision past 2^53).
fn units(v: &serde_json::Value) -> u64 {
    v.as_str()
        .unwrap_or_else(|| panic!("an amount is a string: {v}"))
        .parse()
        .unwrap()
}

/// `vote pending --output json`'s list and its first item of `action`.
fn pending_item(ran: Ran, action: &str) -> (serde_json::Value, serde_json::Value) {
    let todo = ran.ok().json();
    let item = todo
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["action"] == action)
        .unwrap_or_else(|| panic!("no {action} in {todo}"))
        .clone();
    (todo, item)
}

struct Term {
    net: Localnet,
    dir: PathBuf,
    alice: Keypair,
    bob: Keypair,
}

impl Term {
    async fn new(name: &str) -> Term {
        let mut net = Localnet::start(LocalnetOptions::default()).await.unwrap();
        let dir = std::env::temp_dir().join(format!("merit-wallet-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let alice = net.new_user(1_000 * TOKEN).await.unwrap();
        let bob = net.new_user(1_000 * TOKEN).await.unwrap();
        solana_keypair::write_keypair_file(&alice, dir.join("alice.json")).unwrap();
        solana_keypair::write_keypair_file(&bob, dir.join("bob.json")).unwrap();
        // Alice's keypair is the Solana CLI config's default; bob passes -k.
        std::fs::write(
            dir.join("config.yml"),
            format!(
                "---\njson_rpc_url: \"http://localhost:8899\"\nkeypair_path: {}\ncommitment: confirmed\n",
                dir.join("alice.json").display()
            ),
        )
        .unwrap();
        Term {
            net,
            dir,
            alice,
            bob,
        }
    }

    /// Runs `merit <args>` as alice (the config's keypair).
    async fn alice(&mut self, args: &[&str]) -> Ran {
        self.run(None, args).await
    }

    /// Runs `merit -k bob.json <args>`.
    async fn bob(&mut self, args: &[&str]) -> Ran {
        let key = self.dir.join("bob.json");
        self.run(Some(&key), args).await
    }

    async fn run(&mut self, key: Option<&Path>, args: &[&str]) -> Ran {
        let config = self.dir.join("config.yml");
        let secrets = self.dir.join("secrets");
        let mut argv: Vec<String> = vec![
            "merit".into(),
            "-C".into(),
            config.display().to_string(),
            "--secrets-dir".into(),
            secrets.display().to_string(),
        ];
        if let Some(k) = key {
            argv.extend(["-k".into(), k.display().to_string()]);
        }
        argv.extend(args.iter().map(|a| a.to_string()));
        common::run(&mut self.net, argv).await
    }

    fn file(&self, name: &str, text: &str) -> String {
        let path = self.dir.join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    }

    async fn tokens(&mut self, owner: &Keypair) -> u64 {
        self.net.wallet_balance(&owner.pubkey()).await
    }

    /// Both stake; the epoch turns so their stake counts for draws.
    async fn staked(name: &str) -> Term {
        let mut t = Term::new(name).await;
        t.alice(&["stake", "deposit", "5"]).await.ok();
        t.bob(&["stake", "deposit", "400"]).await.ok();
        let config: merit_client::Config = t.net.account(&pda::config()).await.unwrap();
        let epoch: merit_client::Epoch = t
            .net
            .account(&pda::epoch(config.current_epoch))
            .await
            .unwrap();
        t.net.set_time(epoch.end);
        t.bob(&["crank", "--once"]).await.ok();
        t
    }

    /// Alice posts a task with short windows; returns its address and the task.
    async fn task(&mut self) -> (String, Task) {
        let spec = self.file("spec.md", "Summarize the attached paper in 200 words.");
        let created = self
            .alice(&[
                "task",
                "create",
                "--reward",
                "100",
                "--spec",
                &spec,
                "--uri",
                "ipfs://spec",
                "--submit-for",
                "1h",
                "--reveal-work-for",
                "10m",
                "--commit-for",
                "1h",
                "--reveal-for",
                "1h",
                "--output",
                "json",
            ])
            .await
            .ok()
            .json();
        let key = created["task"].as_str().unwrap().to_string();
        let task: Task = self.net.account(&key.parse().unwrap()).await.unwrap();
        (key, task)
    }
}

#[tokio::test]
async fn two_keypairs_take_a_task_from_creation_to_claim_with_merit_commands_only() {
    let mut life = post_and_submit().await;
    draw_and_judge(&mut life).await;
    let early_tokens = finalize_and_reclaim_early(&mut life).await;
    let (s, alice_emitted, open) = claim_everything(&mut life).await;
    close_out(life, early_tokens, s, alice_emitted, open).await;
}

/// The lifecycle test's state from one phase to the next: the terminal, the task, alice's
/// submission and her token balance before it all.
struct Life {
    t: Term,
    task: String,
    state: Task,
    sub: String,
    alice_before: u64,
}

/// The creator posts a task; alice does the work and reveals it.
async fn post_and_submit() -> Life {
    let mut t = Term::staked("lifecycle").await;
    let alice_before = t.tokens(&t.alice.insecure_clone()).await;

    // The creator posts a task; its terms read back.
    let (task, state) = t.task().await;
    assert_eq!(state.reward, 100 * TOKEN);
    assert_eq!(state.creator, t.alice.pubkey());
    assert_eq!(
        state.submission_reveal_deadline - state.submission_deadline,
        600
    );
    let listed = t
        .alice(&["task", "list", "--mine", "--output", "json"])
        .await
        .ok()
        .json();
    assert_eq!(listed[0]["address"], task.as_str(), "{listed}");
    assert_eq!(listed[0]["phase"], "submission");

    // Alice does the work, hashing a file; the salt stays on her machine.
    let work = t.file("work.txt", "The paper shows that ...");
    let submitted = t
        .alice(&[
            "submit",
            &task,
            "--file",
            &work,
            "--uri",
            "ipfs://work",
            "--output",
            "json",
        ])
        .await
        .ok()
        .json();
    let sub = submitted["submission"].as_str().unwrap().to_string();
    assert!(Path::new(submitted["secretFile"].as_str().unwrap()).exists());
    let shown = t.alice(&["task", "show", &task]).await.ok();
    assert!(
        shown.out.contains(&sub) && shown.out.contains("pending"),
        "{}",
        shown.out
    );
    let machine = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let cluster = t.net.now();
    let way = if machine > cluster {
        "ahead of"
    } else {
        "behind"
    };
    assert!(
        shown.out.contains("Note: this machine's clock is")
            && shown.out.contains(&format!("{way} the cluster's")),
        "the bank's clock is {cluster}, the machine's {machine}: {}",
        shown.out
    );
    let shown = t
        .alice(&["task", "show", &task, "--output", "json"])
        .await
        .ok()
        .json();
    assert_eq!(shown["clusterTime"], cluster);
    let offset = shown["machineClockOffsetSecs"].as_i64().unwrap();
    assert!((offset - (machine - cluster)).abs() <= 5, "{shown}");
    let pending = t.alice(&["vote", "pending"]).await.ok();
    assert!(
        pending.out.contains("reveal  submission"),
        "{}",
        pending.out
    );

    t.net.set_time(state.submission_deadline);
    let revealed = t.alice(&["submit", "reveal", &task]).await.ok();
    assert!(
        revealed.out.contains("Signature: ")
            && revealed.out.contains("https://explorer.solana.com/tx/")
            && revealed
                .out
                .contains("cluster=custom&customUrl=http%3A%2F%2Flocalhost%3A8899"),
        "a transaction prints its signature and an explorer link for the cluster: {}",
        revealed.out
    );
    let s: Submission = t.net.account(&sub.parse().unwrap()).await.unwrap();
    assert!(s.content_revealed && s.uri == "ipfs://work");
    Life {
        t,
        task,
        state,
        sub,
        alice_before,
    }
}

/// The committee is drawn (its status and bob's seats shown before commits open); bob judges.
async fn draw_and_judge(life: &mut Life) {
    let (t, task, state, sub) = (&mut life.t, life.task.clone(), life.state, life.sub.clone());
    // Bob, staked, sees the round waiting for its committee: not scheduled, then scheduled.
    let todo = t
        .bob(&["vote", "pending", "--output", "json"])
        .await
        .ok()
        .json();
    assert_eq!(todo[0]["action"], "await-draw", "{todo}");
    assert_eq!(todo[0]["draw"], "notScheduled", "{todo}");
    assert_eq!(todo[0]["submission"], sub.as_str());
    let mine = t.alice(&["vote", "pending"]).await.ok();
    assert!(
        !mine.out.contains("wait "),
        "the creator is never seated: {}",
        mine.out
    );

    // Bob's crank draws the committee once submissions close (schedule, then seed from a
    // later slot), while the work is still being revealed: before commits open.
    t.bob(&["crank", "--once"]).await.ok();
    let todo = t.bob(&["vote", "pending"]).await.ok();
    assert!(
        todo.out
            .contains("round 1: committee scheduled: its seed is fixed from slot"),
        "{}",
        todo.out
    );
    t.net.warp_slots(merit::constants::DRAW_CHAIN_MAX_SLOTS + 1);
    t.bob(&["crank", "--once"]).await.ok();
    // The seats are known as soon as the committee is drawn, before commits open.
    let todo = t
        .bob(&["vote", "pending", "--output", "json"])
        .await
        .ok()
        .json();
    assert_eq!(todo[0]["action"], "commit", "{todo}");
    assert_eq!(todo[0]["open"], false, "{todo}");
    assert_eq!(todo[0]["opens"], state.submission_reveal_deadline, "{todo}");
    let early_seats = todo[0]["seats"].as_u64().unwrap();
    t.net.set_time(state.submission_reveal_deadline);
    let todo = t
        .bob(&["vote", "pending", "--output", "json"])
        .await
        .ok()
        .json();
    assert_eq!(todo[0]["action"], "commit", "{todo}");
    assert_eq!(todo[0]["submission"], sub.as_str());
    assert_eq!(todo[0]["open"], true, "{todo}");
    let seats = todo[0]["seats"].as_u64().unwrap();
    assert_eq!(seats, early_seats);
    // `task show` gives the draw and the wallet's seats too.
    let shown = t.bob(&["task", "show", &task]).await.ok();
    let held = "round 1: committee drawn from slot hashes at slot";
    assert!(shown.out.contains(held), "{}", shown.out);
    assert!(
        shown.out.contains(&format!("you hold {seats} seat")),
        "{}",
        shown.out
    );
    let shown = t
        .bob(&["task", "show", &task, "--output", "json"])
        .await
        .ok()
        .json();
    assert_eq!(shown["submissions"][0]["round"]["yourSeats"], seats);
    assert_eq!(shown["submissions"][0]["round"]["draw"], "drawn");

    // Bob judges: commit, then reveal from the stored salt.
    let committed = t
        .bob(&["vote", "commit", &sub, "--score", "80", "--output", "json"])
        .await
        .ok()
        .json();
    assert!(committed["seats"].as_u64().unwrap() > 0);
    t.net.set_time(state.commit_deadline);
    let todo = t.bob(&["vote", "pending"]).await.ok();
    assert!(
        todo.out.contains("reveal  vote") && todo.out.contains("now, until"),
        "{}",
        todo.out
    );
    t.bob(&["vote", "reveal", &sub]).await.ok();
}

/// A keeper finalizes; the creator takes back the unused bounty early. Returns its tokens.
async fn finalize_and_reclaim_early(life: &mut Life) -> u64 {
    let (t, task, state, sub) = (&mut life.t, life.task.clone(), life.state, life.sub.clone());
    // Reveals close; a dry run lists the work in words, and one `--until-idle` finalizes
    // the submission, then the task (a second pass's work), then stops.
    t.net.set_time(state.reveal_deadline);
    let listed = t.bob(&["crank", "--dry-run", "--once"]).await.ok();
    assert!(
        listed.out.contains(&format!(
            "finalize the submission of {} to task {task}",
            t.alice.pubkey()
        )),
        "{}",
        listed.out
    );
    assert!(
        !listed.out.contains("FinalizeSubmission {"),
        "{}",
        listed.out
    );
    // With --output json the crank prints one JSON document per pass, on one line.
    let listed = t
        .bob(&["crank", "--dry-run", "--once", "--output", "json"])
        .await
        .ok();
    let doc: serde_json::Value = serde_json::from_str(listed.out.trim()).unwrap();
    assert_eq!(doc["action"], "crank-dry-run", "{doc}");
    assert_eq!(doc["due"][0]["kind"], "finalize-submission", "{doc}");
    let passed = t
        .bob(&["crank", "--until-idle", "--output", "json"])
        .await
        .ok();
    let passes: Vec<serde_json::Value> = passed
        .out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(passes.len() >= 2, "{}", passed.out);
    assert_eq!(passes[0]["action"], "crank-pass");
    assert!(
        passes[0]["confirmed"].as_u64().unwrap() > 0,
        "{}",
        passed.out
    );
    assert!(passes[0]["lamportsEarned"].is_string(), "{}", passed.out);
    let shown = t
        .alice(&["task", "show", &task, "--output", "json"])
        .await
        .ok()
        .json();
    assert_eq!(shown["phase"], "finalized", "{shown}");
    assert_eq!(shown["submissions"][0]["outcome"], "accepted");

    // Had bob's vote been outside the consensus, `claim` would say it waits for its slash.
    let bob_vote_key = pda::vote(&pda::round(&sub.parse().unwrap(), 1), &t.bob.pubkey());
    let bob_vote: Vote = t.net.account(&bob_vote_key).await.unwrap();
    let outside = Vote {
        score: 0,
        ..bob_vote.clone()
    };
    t.net.write_account(&bob_vote_key, &outside).await;
    let waits = t.bob(&["claim", "--all"]).await.ok();
    assert!(
        waits.out.contains("Nothing to claim")
            && waits
                .out
                .contains("outside the consensus; a keeper slashes it"),
        "{}",
        waits.out
    );
    t.net.write_account(&bob_vote_key, &bob_vote).await;

    // Before anyone claims, the creator takes back the unused keeper bounty and is told
    // what the task still owes; a second reclaim has nothing to take and says why.
    let early = t
        .alice(&["task", "reclaim", &task, "--output", "json"])
        .await
        .ok()
        .json();
    assert!(units(&early["lamports"]) > 0, "the unused bounty: {early}");
    assert_eq!(early["closed"], false);
    assert_eq!(
        early["stillOwed"]["submissions"][0],
        sub.as_str(),
        "{early}"
    );
    assert_eq!(
        early["stillOwed"]["rounds"][0]["unclaimedVotes"], 1,
        "{early}"
    );
    let nothing = t
        .alice(&["task", "reclaim", &task])
        .await
        .fails(1, "NothingToReclaim");
    assert!(
        nothing
            .err
            .contains(&format!("the reward of submission {sub}"))
            && nothing.err.contains("1 coherent vote on submission"),
        "{}",
        nothing.err
    );
    units(&early["amount"])
}

/// Both claim; the epoch closes and its emissions are claimed. Returns alice's submission,
/// what her emission paid and the closed epoch.
async fn claim_everything(life: &mut Life) -> (Submission, u64, merit_client::Epoch) {
    let (t, sub) = (&mut life.t, life.sub.clone());
    // Both claim everything; what reached each wallet is what the program paid.
    let bob_before = t.tokens(&t.bob.insecure_clone()).await;
    let claimed = t
        .alice(&["claim", "--all", "--output", "json"])
        .await
        .ok()
        .json();
    let s: Submission = t.net.account(&sub.parse().unwrap()).await.unwrap();
    assert!(s.claimed);
    assert_eq!(
        s.reward_paid,
        80 * TOKEN,
        "the contributor pool: 80% of the reward"
    );
    assert_eq!(units(&claimed["received"]), s.reward_paid);
    assert_eq!(
        claimed["decimals"], 6,
        "amounts are strings, with the mint's decimals"
    );
    // The epoch closes with emissions funded: `claim --all` now takes each side's share
    // (decided by the program's `emission_claim_check` and `Epoch::claim`), once.
    let foundation = t.net.new_user(1_000 * TOKEN).await.unwrap();
    let ix = t
        .net
        .client
        .fund_emissions(foundation.pubkey(), 1_000 * TOKEN, 0);
    t.net.send(&[ix], &[&foundation]).await.unwrap();
    let config: merit_client::Config = t.net.account(&pda::config()).await.unwrap();
    let open: merit_client::Epoch = t
        .net
        .account(&pda::epoch(config.current_epoch))
        .await
        .unwrap();
    t.net.set_time(open.end);
    t.bob(&["crank", "--once"]).await.ok();
    let alice_emission = t
        .alice(&["claim", "--all", "--output", "json"])
        .await
        .ok()
        .json();
    assert!(
        alice_emission["claimed"][0]
            .as_str()
            .unwrap()
            .contains("emission"),
        "{alice_emission}"
    );
    let alice_emitted = units(&alice_emission["received"]);
    assert!(alice_emitted > 0);
    // Bob claims his vote only now: its reward and its emission (the points the claim fixes,
    // `Round::vote_points`) go in one command and one transaction.
    let bob_claimed = t
        .bob(&["claim", "--all", "--output", "json"])
        .await
        .ok()
        .json();
    let v: Vote = t
        .net
        .account(&pda::vote(
            &pda::round(&sub.parse().unwrap(), 1),
            &t.bob.pubkey(),
        ))
        .await
        .unwrap();
    assert!(
        v.claimed && v.reward_paid > 0 && v.emission_claimed,
        "{bob_claimed}"
    );
    let items = bob_claimed["claimed"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{bob_claimed}");
    assert!(
        items[1].as_str().unwrap().contains("emission"),
        "{bob_claimed}"
    );
    assert_eq!(bob_claimed["signatures"].as_array().unwrap().len(), 1);
    let bob_received = t.tokens(&t.bob.insecure_clone()).await - bob_before;
    assert!(
        bob_received > v.reward_paid,
        "reward and emission: {bob_claimed}"
    );
    let again = t.bob(&["claim", "--all"]).await.ok();
    assert!(
        again.out.contains("Nothing to claim"),
        "claims are made once: {}",
        again.out
    );
    let stake: Stake = t.net.account(&pda::stake(&t.bob.pubkey())).await.unwrap();
    assert_eq!(stake.locked, 0, "the vote bond is unlocked");
    let s_after: Submission = t.net.account(&sub.parse().unwrap()).await.unwrap();
    let v_after: Vote = t
        .net
        .account(&pda::vote(
            &pda::round(&sub.parse().unwrap(), 1),
            &t.bob.pubkey(),
        ))
        .await
        .unwrap();
    assert!(s_after.emission_claimed && v_after.emission_claimed);
    let again = t.alice(&["claim", "--all"]).await.ok();
    assert!(again.out.contains("Nothing to claim"), "{}", again.out);
    (s, alice_emitted, open)
}

/// The creator reclaims the rest; the accounting closes.
async fn close_out(
    mut life: Life,
    early_tokens: u64,
    s: Submission,
    alice_emitted: u64,
    open: merit_client::Epoch,
) {
    let (t, task, state, alice_before) = (
        &mut life.t,
        life.task.clone(),
        life.state,
        life.alice_before,
    );
    // The creator takes back what nobody can claim; the accounting closes.
    // Settled accounts are closed by a keeper; then the task itself can close.
    t.bob(&["crank", "--until-idle"]).await.ok();
    let sol_before = t.net.lamports(&t.alice.pubkey()).await;
    let last = t
        .alice(&["task", "reclaim", &task, "--output", "json"])
        .await
        .ok()
        .json();
    assert_eq!(last["closed"], true, "{last}");
    let sol_after = t.net.lamports(&t.alice.pubkey()).await;
    assert_eq!(
        sol_after - sol_before,
        units(&last["lamports"]),
        "the lamports it reports are what came back (this bank charges no fee): {last}"
    );
    let reclaimed = early_tokens + units(&last["amount"]);
    let alice_after = t.tokens(&t.alice.insecure_clone()).await;
    assert_eq!(
        alice_before + s.reward_paid + reclaimed + alice_emitted,
        alice_after + 100 * TOKEN + state.protocol_fee + state.submission_fee,
        "alice paid the reward, the protocol fee and her fee; she was paid her reward and emission and reclaimed the rest"
    );
    let vault = t
        .net
        .token_balance(&pda::task_vault(&task.parse().unwrap()))
        .await;
    assert_eq!(vault, 0, "the escrow is fully paid out or reclaimed");
    let me = t
        .alice(&["stake", "show", "--output", "json"])
        .await
        .ok()
        .json();
    assert_eq!(me["reputation"]["accepted"], 1, "{me}");
    let epoch = t
        .alice(&["epoch", "show", "--output", "json"])
        .await
        .ok()
        .json();
    assert_eq!(epoch["status"], "open");
    let closed = t
        .alice(&["epoch", "show", &open.index.to_string(), "--output", "json"])
        .await
        .ok()
        .json();
    assert_eq!(closed["status"], "closed", "{closed}");
    // What the epoch's claims paid, apart from what they were worth before the caps.
    assert_eq!(units(&closed["contributorPaid"]), alice_emitted, "{closed}");
    assert!(
        units(&closed["contributorClaimed"]) >= alice_emitted,
        "{closed}"
    );
    let config = t
        .alice(&["config", "show", "--output", "json"])
        .await
        .ok()
        .json();
    assert_eq!(config["decimals"], 6);
    std::fs::remove_dir_all(&t.dir).ok();
}

#[tokio::test]
async fn refusals_name_the_program_error_and_exit_1_and_change_nothing() {
    let mut t = Term::staked("refusals").await;
    let (task, state) = t.task().await;
    refusals_of_a_contributor(&mut t, &task).await;
    refusals_of_a_judge(&mut t, &task, &state).await;
    std::fs::remove_dir_all(&t.dir).ok();
}

/// Wrong phase, repeated submission, wrong signer, too little stake.
async fn refusals_of_a_contributor(t: &mut Term, task: &str) {
    let task = task.to_string();
    let work = t.file("work.txt", "some work");

    // Wrong phase: revealing before submissions close.
    t.alice(&["submit", &task, "--file", &work, "--uri", "ipfs://w"])
        .await
        .ok();
    let early = t
        .alice(&["submit", "reveal", &task])
        .await
        .fails(1, "WindowNotOpen");
    assert!(early.err.contains("it opens"), "{}", early.err);
    // This bank's clock is not the machine's (as a validator's often is not): the CLI says
    // how far off the machine is, and which way, wherever it prints times.
    assert!(
        early.err.contains("Note: this machine's clock is"),
        "{}",
        early.err
    );

    // Repeated action: a second submission is refused by name, and the first salt kept.
    let salt_file = t
        .dir
        .join("secrets/localhost_8899/submissions")
        .join(format!("{task}.{}.json", t.alice.pubkey()));
    let before = std::fs::read_to_string(&salt_file).unwrap();
    let other = t.file("other.txt", "other work");
    t.alice(&["submit", &task, "--file", &other, "--uri", "ipfs://o"])
        .await
        .fails(1, "AlreadySubmitted");
    assert_eq!(
        std::fs::read_to_string(&salt_file).unwrap(),
        before,
        "the salt on chain is kept"
    );

    // Wrong signer: bob cannot cancel alice's task.
    t.bob(&["task", "cancel", &task])
        .await
        .fails(1, "NotTaskCreator");

    // Insufficient stake: a fresh key with too little stake for the bond.
    let carol = t.net.new_user(10 * TOKEN).await.unwrap();
    let carol_file = t.dir.join("carol.json");
    solana_keypair::write_keypair_file(&carol, &carol_file).unwrap();
    t.run(Some(&carol_file), &["stake", "deposit", "0.5"])
        .await
        .ok();
    t.run(
        Some(&carol_file),
        &[
            "submit",
            &task,
            "--hash",
            &"ab".repeat(32),
            "--uri",
            "ipfs://c",
        ],
    )
    .await
    .fails(1, "InsufficientUnlockedStake");
    assert!(
        t.net
            .raw_account(&pda::submission(&task.parse().unwrap(), &carol.pubkey()))
            .await
            .is_none(),
        "nothing changed"
    );
}

/// Missing salt, wrong phase for a vote, dealing with oneself, repeated commit, stake
/// refusals with their numbers, claims before the task is final.
async fn refusals_of_a_judge(t: &mut Term, task: &str, state: &Task) {
    let (task, state) = (task.to_string(), *state);
    // Missing salt: bob never committed from this machine.
    t.net.set_time(state.submission_deadline);
    t.alice(&["submit", "reveal", &task]).await.ok();
    let sub = pda::submission(&task.parse().unwrap(), &t.alice.pubkey()).to_string();
    t.bob(&["vote", "reveal", &sub])
        .await
        .fails(1, "no salt for your vote");

    // Wrong phase for a vote: commits open only after submission reveals close.
    let early = t
        .bob(&["vote", "commit", &sub, "--score", "50"])
        .await
        .fails(1, "WindowNotOpen");
    assert!(early.err.contains("it opens"), "{}", early.err);
    // Dealing with oneself: alice, who created the task (and submitted to it), may not
    // judge it; the command checks the program's rule (`Round::seat_check`) before sending.
    t.net.set_time(state.submission_reveal_deadline);
    t.bob(&["crank", "--once"]).await.ok();
    t.net.warp_slots(merit::constants::DRAW_CHAIN_MAX_SLOTS + 1);
    t.bob(&["crank", "--once"]).await.ok();
    t.alice(&["vote", "commit", &sub, "--score", "50"])
        .await
        .fails(1, "CreatorVote");
    // `vote pending` applies the same rule (`Round::seat_check`): no seat to commit for
    // alice, bob's seat listed.
    let alice_todo = t
        .alice(&["vote", "pending", "--output", "json"])
        .await
        .ok()
        .json();
    assert!(
        alice_todo
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["action"] != "commit"),
        "{alice_todo}"
    );
    let bob_todo = t
        .bob(&["vote", "pending", "--output", "json"])
        .await
        .ok()
        .json();
    assert_eq!(bob_todo[0]["action"], "commit", "{bob_todo}");
    assert_eq!(bob_todo[0]["round"], 1, "{bob_todo}");
    // Repeated commit: refused by name; the stored salt still reveals the first one.
    t.bob(&["vote", "commit", &sub, "--score", "70"]).await.ok();
    // Stake refusals give the numbers: what is locked and by which vote, when a cooldown ends.
    let locked = t
        .bob(&["stake", "unstake", "400"])
        .await
        .fails(1, "InsufficientUnlockedStake");
    assert!(
        locked.err.contains("of 400 deposited")
            && locked.err.contains(&format!(
                "by your vote on submission {sub} of task {task} (round 1"
            )),
        "{}",
        locked.err
    );
    t.bob(&["stake", "withdraw"])
        .await
        .fails(1, "nothing is unstaking");
    t.bob(&["stake", "unstake", "1"]).await.ok();
    let early = t
        .bob(&["stake", "withdraw"])
        .await
        .fails(1, "CooldownNotElapsed");
    assert!(
        early.err.contains("1 unstaking, withdrawable from"),
        "{}",
        early.err
    );
    t.bob(&["stake", "deposit", "1000000"])
        .await
        .fails(1, "your wallet holds");
    // A contributor's stake is locked by its submission's bond, named too.
    let alice_locked = t
        .alice(&["stake", "unstake", "5"])
        .await
        .fails(1, "InsufficientUnlockedStake");
    assert!(
        alice_locked
            .err
            .contains(&format!("by your submission {sub} to task {task}")),
        "{}",
        alice_locked.err
    );
    t.bob(&["vote", "commit", &sub, "--score", "10"])
        .await
        .fails(1, "AlreadyVoted");
    t.net.set_time(state.commit_deadline);
    t.bob(&["vote", "reveal", &sub]).await.ok();
    let v: Vote = t
        .net
        .account(&pda::vote(
            &pda::round(&sub.parse().unwrap(), 1),
            &t.bob.pubkey(),
        ))
        .await
        .unwrap();
    assert_eq!(v.score, 70);
    // Claiming before the task is final: nothing is claimable yet, nothing is sent.
    let early = t.alice(&["claim", &task]).await.ok();
    assert!(early.out.contains("Nothing to claim"), "{}", early.out);
    assert!(
        early.out.contains("its task is not finalized yet"),
        "it says what it waits for: {}",
        early.out
    );
    let judging = t
        .bob(&["claim", "--all", "--output", "json"])
        .await
        .ok()
        .json();
    assert!(
        judging["waiting"][0]
            .as_str()
            .unwrap()
            .contains("the round is still being judged"),
        "{judging}"
    );
}

#[tokio::test]
async fn usage_errors_exit_2_before_anything_is_sent() {
    let mut t = Term::new("usage").await;
    let before = t.net.wallet_balance(&t.alice.pubkey()).await;
    // More decimals than the mint has.
    t.alice(&["stake", "deposit", "1.0000001"])
        .await
        .fails(2, "decimal places");
    // A score out of range, a malformed key, a missing argument, an unknown command.
    t.alice(&[
        "vote",
        "commit",
        &t.bob.pubkey().to_string(),
        "--score",
        "101",
    ])
    .await
    .fails(2, "from 0 to 100");
    t.alice(&["task", "show", "not-a-key"])
        .await
        .fails(2, "base58");
    t.alice(&["submit"]).await.fails(2, "required");
    t.alice(&["frobnicate"])
        .await
        .fails(2, "unrecognized subcommand");
    // Bad durations and terms.
    let spec = t.file("s.md", "spec");
    t.alice(&[
        "task",
        "create",
        "--reward",
        "1",
        "--spec",
        &spec,
        "--uri",
        "u",
        "--submit-for",
        "soon",
    ])
    .await
    .fails(2, "not a duration");
    t.alice(&["task", "create", "--spec", &spec, "--uri", "u"])
        .await
        .fails(2, "--reward is required");
    // A keypair that does not exist, for a command that signs.
    t.run(Some(&t.dir.join("nobody.json")), &["stake", "deposit", "1"])
        .await
        .fails(2, "cannot read the keypair");
    // A read needs no keypair.
    t.run(Some(&t.dir.join("nobody.json")), &["config", "show"])
        .await
        .ok();
    assert_eq!(
        t.net.wallet_balance(&t.alice.pubkey()).await,
        before,
        "nothing was sent"
    );
    // Help is not an error.
    let help = t.alice(&["--help"]).await;
    assert_eq!(help.code, 0);
    assert!(help.out.contains("Exit codes"), "{}", help.out);
    assert!(
        !help.out.contains('\u{1b}'),
        "no colour codes outside a terminal"
    );
    std::fs::remove_dir_all(&t.dir).ok();
}

#[tokio::test]
async fn a_task_is_created_from_a_terms_file_with_flags_overriding_it() {
    let mut t = Term::new("terms-file").await;
    let spec = t.file("spec.md", "the spec");
    let terms = t.file(
        "terms.toml",
        &format!(
            "reward = \"25\"\nspec = \"{spec}\"\nuri = \"ipfs://from-file\"\nsubmit_for = \"2d\"\nreveal_work_for = \"1h\"\ncommit_for = \"3h\"\nreveal_for = \"3h\"\ncommittee = 8\naccept = 70\nreject = 20\n"
        ),
    );
    let created = t
        .alice(&[
            "task", "create", "--from", &terms, "--reward", "30", "--id", "7", "--output", "json",
        ])
        .await
        .ok()
        .json();
    assert_eq!(created["id"], 7);
    let task: Task = t
        .net
        .account(&pda::task(&t.alice.pubkey(), 7))
        .await
        .unwrap();
    assert_eq!(task.reward, 30 * TOKEN, "the flag overrides the file");
    assert_eq!(task.uri(), "ipfs://from-file");
    assert_eq!(task.submission_deadline - t.net.now(), 2 * 86_400);
    assert_eq!((task.committee_size, task.quorum_seats), (8, 4));
    assert_eq!((task.accept_threshold, task.reject_threshold), (70, 20));
    assert_eq!(
        task.spec_hash,
        solana_sha256_hasher::hash(b"the spec").to_bytes()
    );
    // The next task without --id takes the program's default id (past the live ones and
    // the cluster's clock); a bad key in the file is named.
    let again = t
        .alice(&["task", "create", "--from", &terms, "--output", "json"])
        .await
        .ok()
        .json();
    let expected = Task::default_id(Some(7), t.net.now());
    assert_eq!(again["id"], expected);
    assert!(expected > 7);
    // A task closed and gone never lends its address to a new one: cancel the new task
    // (its account closes), and the next default id is still past it.
    let gone = again["task"].as_str().unwrap().to_string();
    t.alice(&["task", "cancel", &gone]).await.ok();
    assert!(
        t.net.raw_account(&gone.parse().unwrap()).await.is_none(),
        "cancel closes it"
    );
    t.net.advance(1);
    let next = t
        .alice(&["task", "create", "--from", &terms, "--output", "json"])
        .await
        .ok()
        .json();
    assert_ne!(
        next["task"], again["task"],
        "a closed task's address is not reused"
    );
    assert!(next["id"].as_u64().unwrap() > expected);
    let bad = t.file("bad.json", "{\"reward\": \"1\", \"colour\": \"red\"}");
    t.alice(&["task", "create", "--from", &bad])
        .await
        .fails(2, "colour");
    // Only the creator cancels, before any submission: everything comes back.
    let before = t.net.wallet_balance(&t.alice.pubkey()).await;
    t.alice(&["task", "cancel", next["task"].as_str().unwrap()])
        .await
        .ok();
    assert_eq!(
        t.net.wallet_balance(&t.alice.pubkey()).await - before,
        25 * TOKEN
    );
    std::fs::remove_dir_all(&t.dir).ok();
}

#[tokio::test]
async fn a_validator_commits_on_several_submissions_in_one_transaction() {
    let mut t = Term::new("batch").await;
    let carol = t.net.new_user(1_000 * TOKEN).await.unwrap();
    let carol_key = t.dir.join("carol.json");
    solana_keypair::write_keypair_file(&carol, &carol_key).unwrap();
    t.alice(&["stake", "deposit", "5"]).await.ok();
    t.bob(&["stake", "deposit", "400"]).await.ok();
    t.run(Some(&carol_key), &["stake", "deposit", "5"])
        .await
        .ok();
    let config: merit_client::Config = t.net.account(&pda::config()).await.unwrap();
    let epoch: merit_client::Epoch = t
        .net
        .account(&pda::epoch(config.current_epoch))
        .await
        .unwrap();
    t.net.set_time(epoch.end);
    t.bob(&["crank", "--once"]).await.ok();
    let (task, state) = t.task().await;
    let (wa, wc) = (t.file("a.txt", "work a"), t.file("c.txt", "work c"));
    let a = t
        .alice(&[
            "submit", &task, "--file", &wa, "--uri", "ipfs://a", "--output", "json",
        ])
        .await
        .ok()
        .json();
    let c = t
        .run(
            Some(&carol_key),
            &[
                "submit", &task, "--file", &wc, "--uri", "ipfs://c", "--output", "json",
            ],
        )
        .await
        .ok()
        .json();
    let (sa, sc) = (
        a["submission"].as_str().unwrap().to_string(),
        c["submission"].as_str().unwrap().to_string(),
    );
    t.net.set_time(state.submission_deadline);
    t.alice(&["submit", "reveal", &task]).await.ok();
    t.run(Some(&carol_key), &["submit", "reveal", &task])
        .await
        .ok();
    t.net.set_time(state.submission_reveal_deadline);
    t.bob(&["crank", "--once"]).await.ok();
    t.net.warp_slots(merit::constants::DRAW_CHAIN_MAX_SLOTS + 1);
    t.bob(&["crank", "--once"]).await.ok();

    // A bad score, a submission without a score, or one named twice: usage errors, nothing sent.
    t.bob(&["vote", "commit", &sa, &sc, "--score", "101"])
        .await
        .fails(2, "from 0 to 100");
    t.bob(&["vote", "commit", &sa, &sc])
        .await
        .fails(2, "no score for");
    let twice = format!("{sa}=70");
    t.bob(&["vote", "commit", &sa, &twice, "--score", "80"])
        .await
        .fails(2, "named twice");
    let bob = t.bob.pubkey();
    let vote_of = |s: &str| pda::vote(&pda::round(&s.parse().unwrap(), 1), &bob);
    let (va, vc) = (vote_of(&sa), vote_of(&sc));
    assert!(
        t.net.account::<Vote>(&va).await.is_none() && t.net.account::<Vote>(&vc).await.is_none()
    );

    // Both in one command and one transaction, each with its own score and salt.
    let scored = format!("{sa}=80");
    let done = t
        .bob(&[
            "vote", "commit", &scored, &sc, "--score", "30", "--output", "json",
        ])
        .await
        .ok()
        .json();
    let docs = done.as_array().unwrap();
    assert_eq!(docs.len(), 2, "{done}");
    assert_eq!(docs[0]["signatures"].as_array().unwrap().len(), 1, "{done}");
    assert_eq!(docs[0]["action"], "vote-commit");
    assert_eq!(docs[1]["submission"], sc.as_str());
    t.net.set_time(state.commit_deadline);
    t.bob(&["vote", "reveal", &sa]).await.ok();
    t.bob(&["vote", "reveal", &sc]).await.ok();
    let a_vote: Vote = t.net.account(&va).await.unwrap();
    let c_vote: Vote = t.net.account(&vc).await.unwrap();
    assert_eq!((a_vote.score, c_vote.score), (80, 30));
    std::fs::remove_dir_all(&t.dir).ok();
}

#[tokio::test]
async fn after_a_pause_every_window_prints_on_the_clusters_clock() {
    let mut t = Term::staked("paused").await;
    let (task, state) = t.task().await;
    let work = t.file("work.txt", "work");
    t.alice(&["submit", &task, "--file", &work, "--uri", "ipfs://w"])
        .await
        .ok();
    // A 100-second pause: the task's clock stops, so each window ends 100 s later on the
    // cluster's clock, which is the clock the CLI prints.
    let admin = t.net.admin.insecure_clone();
    let ix = t.net.client.set_paused(admin.pubkey(), true);
    t.net.send(&[ix], &[&admin]).await.unwrap();
    t.net.advance(100);
    let ix = t.net.client.set_paused(admin.pubkey(), false);
    t.net.send(&[ix], &[&admin]).await.unwrap();
    let shown = t
        .alice(&["task", "show", &task, "--output", "json"])
        .await
        .ok()
        .json();
    assert_eq!(shown["task"]["taskClockLagSecs"], 100, "{shown}");
    assert_eq!(
        shown["task"]["submissionDeadline"],
        state.submission_deadline + 100
    );
    assert_eq!(shown["task"]["revealDeadline"], state.reveal_deadline + 100);
    let (todo, item) = pending_item(
        t.alice(&["vote", "pending", "--output", "json"]).await,
        "reveal-submission",
    );
    assert_eq!(item["from"], state.submission_deadline + 100, "{todo}");
    assert_eq!(
        item["until"],
        state.submission_reveal_deadline + 100,
        "{todo}"
    );
    // In words too: task show and task list print the shifted times, never the raw ones.
    let shifted = merit_cli::units::fmt_time(state.submission_deadline + 100);
    let raw = merit_cli::units::fmt_time(state.submission_deadline);
    let shown = t.alice(&["task", "show", &task]).await.ok();
    assert!(
        shown.out.contains(&shifted) && !shown.out.contains(&raw),
        "{}",
        shown.out
    );
    let listed = t.alice(&["task", "list"]).await.ok();
    assert!(listed.out.contains(&shifted), "{}", listed.out);
    // The window opens when the CLI said, not when the task's raw deadline says.
    t.net.set_time(state.submission_deadline + 50);
    let early = t
        .alice(&["submit", "reveal", &task])
        .await
        .fails(1, "WindowNotOpen");
    assert!(
        early.err.contains(&format!("it opens {shifted}")),
        "{}",
        early.err
    );
    t.net.set_time(state.submission_deadline + 100);
    t.alice(&["submit", "reveal", &task]).await.ok();
    // A judge's windows are shifted alike: the commit's reveal window and vote pending's.
    t.net.set_time(state.submission_reveal_deadline + 100);
    t.bob(&["crank", "--once"]).await.ok();
    t.net.warp_slots(merit::constants::DRAW_CHAIN_MAX_SLOTS + 1);
    t.bob(&["crank", "--once"]).await.ok();
    let sub = pda::submission(&task.parse().unwrap(), &t.alice.pubkey()).to_string();
    let committed = t
        .bob(&["vote", "commit", &sub, "--score", "80", "--output", "json"])
        .await
        .ok()
        .json();
    assert_eq!(
        committed["revealFrom"],
        state.commit_deadline + 100,
        "{committed}"
    );
    assert_eq!(
        committed["revealUntil"],
        state.reveal_deadline + 100,
        "{committed}"
    );
    let (todo, item) = pending_item(
        t.bob(&["vote", "pending", "--output", "json"]).await,
        "reveal-vote",
    );
    assert_eq!(item["from"], state.commit_deadline + 100, "{todo}");
    assert_eq!(item["phase"], "commit", "{todo}");
    std::fs::remove_dir_all(&t.dir).ok();
}
