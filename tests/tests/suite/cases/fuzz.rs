//! Stateful fuzzing: long random sequences of instructions from many actors, valid and
//! invalid (wrong signers and accounts, wrong phases, malformed arguments), with clock
//! jumps, checking after every step that tokens are conserved exactly, nothing is claimed
//! or slashed twice, locked stake stays within deposits, every account decodes, and that a
//! rejected transaction changed nothing.
//!
//! `MERIT_FUZZ_STEPS` (default 10,000) runs longer; `MERIT_FUZZ_SEED` replays a seed. A
//! failure prints the seed and a shrunk list of steps that still fails.
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use merit_client::builders::replace_account;
use merit_client::{submission_commitment, vote_commitment, Submission, Vote};
use merit_tests::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeMap;

const ACTORS: usize = 6;
const MAX_TASKS: usize = 50;

#[derive(Clone, Copy, Debug)]
enum Action {
    Deposit {
        a: usize,
        amount: u8,
    },
    RequestUnstake {
        a: usize,
        amount: u8,
    },
    Withdraw {
        a: usize,
    },
    CreateTask {
        a: usize,
        valid: bool,
    },
    CancelTask {
        a: usize,
        task: usize,
    },
    Submit {
        a: usize,
        task: usize,
        content: u16,
        /// Names the task's terms (false: stale terms, refused).
        terms: bool,
    },
    RevealSubmission {
        sub: usize,
        honest: bool,
    },
    Draw {
        a: usize,
        task: usize,
    },
    Commit {
        a: usize,
        sub: usize,
        score: u8,
    },
    Reveal {
        sub: usize,
        honest: bool,
    },
    FinalizeSubmission {
        a: usize,
        sub: usize,
    },
    FinalizeTask {
        a: usize,
        task: usize,
    },
    SlashSubmission {
        a: usize,
        sub: usize,
    },
    SlashVote {
        a: usize,
        sub: usize,
        v: usize,
    },
    ClaimSubmission {
        a: usize,
        sub: usize,
    },
    ClaimVote {
        a: usize,
        sub: usize,
    },
    Reclaim {
        a: usize,
        task: usize,
    },
    CloseVote {
        sub: usize,
        v: usize,
    },
    CloseSubmission {
        sub: usize,
    },
    /// Seeds a later round's committee (the slot moved past its chain, or not).
    DrawRound {
        a: usize,
        sub: usize,
        ready: bool,
    },
    /// Reports `v`'s absence from a submission's current round.
    ReportAbsence {
        a: usize,
        sub: usize,
        v: usize,
    },
    /// Closes a submission's settled round.
    CloseRound {
        sub: usize,
        round: u8,
    },
    AdvanceEpoch {
        a: usize,
    },
    FundEmissions {
        a: usize,
        amount: u8,
    },
    ClaimSubmissionEmission {
        a: usize,
        sub: usize,
    },
    ClaimVoteEmission {
        a: usize,
        sub: usize,
    },
    WithdrawVested {
        a: usize,
    },
    SetVesting {
        on: bool,
    },
    SetPaused {
        on: bool,
    },
    Wait {
        secs: i64,
    },
    /// Invalid on purpose: acts on someone else's stake.
    Impersonate {
        a: usize,
        victim: usize,
    },
    /// Invalid on purpose: claims against another task's vault.
    WrongVault {
        a: usize,
        sub: usize,
        other: usize,
    },
}

fn random_action(rng: &mut ChaCha8Rng) -> Action {
    let a = rng.gen_range(0..ACTORS);
    let i = rng.gen_range(0..64usize);
    match rng.gen_range(0..100) {
        0..=3 => Action::Deposit {
            a,
            amount: rng.gen(),
        },
        4..=5 => Action::RequestUnstake {
            a,
            amount: rng.gen(),
        },
        6 => Action::Withdraw { a },
        7..=9 => Action::CreateTask {
            a,
            valid: rng.gen_bool(0.85),
        },
        10 => Action::CancelTask { a, task: i },
        11..=18 => Action::Submit {
            a,
            task: i,
            // Now and then content from a small shared set, so that different actors
            // commit the same content and the earliest-commitment rule is exercised.
            content: if rng.gen_bool(0.2) {
                rng.gen_range(0..6)
            } else {
                rng.gen_range(6..4_096)
            },
            terms: rng.gen_bool(0.95),
        },
        19..=20 => Action::Draw { a, task: i },
        21..=36 => Action::Commit {
            a,
            sub: i,
            score: rng.gen_range(0..=105),
        },
        37..=44 => Action::Reveal {
            sub: i,
            honest: rng.gen_bool(0.9),
        },
        45..=50 => Action::RevealSubmission {
            sub: i,
            honest: rng.gen_bool(0.9),
        },
        51..=56 => Action::FinalizeSubmission { a, sub: i },
        57..=59 => Action::FinalizeTask { a, task: i },
        60..=61 => Action::SlashSubmission { a, sub: i },
        62..=64 => Action::SlashVote {
            a,
            sub: i,
            v: rng.gen_range(0..ACTORS),
        },
        65..=68 => Action::ClaimSubmission { a, sub: i },
        69..=73 => Action::ClaimVote { a, sub: i },
        74 => Action::Reclaim { a, task: i },
        75..=76 => Action::CloseVote {
            sub: i,
            v: rng.gen_range(0..ACTORS),
        },
        77 => Action::CloseSubmission { sub: i },
        78..=79 => Action::AdvanceEpoch { a },
        86..=87 => match rng.gen_range(0..3) {
            0 => Action::DrawRound {
                a,
                sub: i,
                ready: rng.gen_bool(0.8),
            },
            1 => Action::ReportAbsence {
                a,
                sub: i,
                v: rng.gen_range(0..ACTORS),
            },
            _ => Action::CloseRound {
                sub: i,
                round: rng.gen_range(1..=3),
            },
        },
        80 => Action::FundEmissions {
            a,
            amount: rng.gen(),
        },
        81 => Action::ClaimSubmissionEmission { a, sub: i },
        82 => Action::ClaimVoteEmission { a, sub: i },
        83 => Action::WithdrawVested { a },
        84 => Action::SetVesting {
            on: rng.gen_bool(0.5),
        },
        85 => Action::SetPaused {
            on: rng.gen_bool(0.3),
        },
        88..=93 => Action::Wait {
            secs: [1, 59, 300, 600, 900, 1_800, 3_600, 3 * 3_600, 13 * 3_600][rng.gen_range(0..9)],
        },
        94..=96 => Action::Impersonate {
            a,
            victim: rng.gen_range(0..ACTORS),
        },
        _ => Action::WrongVault {
            a,
            sub: i,
            other: rng.gen_range(0..64),
        },
    }
}

/// Token amounts the fuzzer picks from: zero, dust, ordinary, everything, overflow.
fn amount(code: u8) -> u64 {
    match code % 6 {
        0 => 0,
        1 => 1,
        2 => 5 * TOKEN,
        3 => 60 * TOKEN,
        4 => 2_000 * TOKEN,
        _ => u64::MAX,
    }
}

struct Fuzz {
    t: TestContext,
    actors: Vec<Keypair>,
    tasks: Vec<Pubkey>,
    subs: Vec<(Pubkey, Pubkey, usize)>,
    /// The content each submission committed to.
    contents: BTreeMap<Pubkey, [u8; 32]>,
    scores: BTreeMap<(Pubkey, usize), u8>,
    /// Committed votes in commit order: (task, submission, validator, round).
    committed: Vec<(Pubkey, Pubkey, usize, u8)>,
    next_id: u64,
    /// Successful transactions per action name: how deep the run went.
    done: BTreeMap<&'static str, u64>,
}

impl Fuzz {
    async fn new() -> Fuzz {
        let params = ConfigParams {
            epoch_length_secs: 24 * 3_600,
            initial_emission: 500 * TOKEN,
            param_timelock_secs: merit::constants::MIN_PARAM_TIMELOCK_SECS,
            unstake_cooldown_secs: merit::constants::MIN_PARAM_TIMELOCK_SECS,
            ..suite_params()
        };
        let mut t = TestContext::with_options(LocalnetOptions {
            params: Some(params),
            key_seed: Some(5),
            ..LocalnetOptions::default()
        })
        .await;
        let mut actors = Vec::new();
        for n in 0..ACTORS {
            let k = merit_localnet::seeded_keypair(77, n as u8);
            t.net.fund_user(&k.pubkey(), 5_000 * TOKEN).await.unwrap();
            t.wallets.insert(k.pubkey());
            t.stakers.insert(k.pubkey());
            t.minted += 5_000 * TOKEN;
            let ix = t.client().deposit_stake(k.pubkey(), 1_000 * TOKEN);
            t.send(&[ix], &[&k]).await.unwrap();
            actors.push(k);
        }
        Fuzz {
            t,
            actors,
            tasks: Vec::new(),
            subs: Vec::new(),
            contents: BTreeMap::new(),
            scores: BTreeMap::new(),
            committed: Vec::new(),
            next_id: 0,
            done: BTreeMap::new(),
        }
    }

    fn task(&self, i: usize) -> Option<Pubkey> {
        (!self.tasks.is_empty()).then(|| self.tasks[i % self.tasks.len()])
    }

    /// One of the three newest tasks: the ones still taking submissions.
    fn recent_task(&self, i: usize) -> Option<Pubkey> {
        let n = self.tasks.len();
        (n > 0).then(|| self.tasks[n - 1 - i % n.min(3)])
    }

    fn sub(&self, i: usize) -> Option<(Pubkey, Pubkey, usize)> {
        (!self.subs.is_empty()).then(|| self.subs[i % self.subs.len()])
    }

    /// One of the twelve newest submissions: the ones still being voted on.
    fn recent_sub(&self, i: usize) -> Option<(Pubkey, Pubkey, usize)> {
        let n = self.subs.len();
        (n > 0).then(|| self.subs[n - 1 - i % n.min(12)])
    }

    /// One of the revealed submissions among the 24 newest whose current round takes
    /// vote commits now (or will once a keeper draws its committee), if any.
    async fn votable_sub(&mut self, i: usize) -> Option<(Pubkey, Pubkey, usize)> {
        let now = self.t.now();
        let mut open = Vec::new();
        for &(task, sub, a) in self.subs.iter().rev().take(24) {
            let (Some(t), Some(s)) = (
                self.t.net.account::<merit_client::Task>(&task).await,
                self.t.net.account::<Submission>(&sub).await,
            ) else {
                continue;
            };
            let round: Option<merit_client::Round> =
                self.t.net.account(&pda::round(&sub, s.round)).await;
            let votable = match round {
                Some(r) if r.index >= 2 => {
                    r.draw_check(now).is_ok() || r.commit_check(r.draw.drawn, now).is_ok()
                }
                Some(_) => t.require_commit_open(now).is_ok(),
                None => false,
            };
            if s.content_revealed && votable {
                open.push((task, sub, a));
            }
        }
        (!open.is_empty()).then(|| open[i % open.len()])
    }

    /// A keeper is always around: when the committee of `sub`'s current round is due, it
    /// is drawn (the task's two steps, or a later round's seeding), the slot moving past
    /// the chain first. Returns the round.
    async fn keeper_draws(&mut self, a: usize, task: Pubkey, sub: Pubkey) -> u8 {
        let c = self.t.client();
        let round = self.t.round_of(&sub).await;
        let now = self.t.now();
        if round >= 2 {
            let due = self
                .t
                .net
                .account::<merit_client::Round>(&pda::round(&sub, round))
                .await
                .is_some_and(|r| r.draw_check(now).is_ok());
            if due {
                self.t
                    .net
                    .warp_slots(merit::constants::DRAW_CHAIN_MAX_SLOTS + 1);
                let ix = c.draw_round(self.actors[a].pubkey(), task, sub, round);
                let _ = self.exec(vec![ix], Some(a), false).await;
            }
            return round;
        }
        let state = self.t.task(&task).await;
        let active = self.t.config().await.total_active_stake;
        if state.draw_check(now, active).is_ok() {
            for _ in 0..2 {
                let _ = self
                    .exec(vec![c.draw(self.actors[a].pubkey(), task)], Some(a), false)
                    .await;
                self.t
                    .net
                    .warp_slots(merit::constants::DRAW_CHAIN_MAX_SLOTS + 1);
            }
        }
        round
    }

    /// Sends, checking the invariants (the harness does after every send) and, when the
    /// transaction is rejected, that none of the accounts it names changed.
    async fn exec(
        &mut self,
        ixs: Vec<Instruction>,
        signer: Option<usize>,
        admin: bool,
    ) -> TxResult {
        let keys: Vec<Pubkey> = ixs
            .iter()
            .flat_map(|ix| ix.accounts.iter().map(|m| m.pubkey))
            .collect();
        let before = self.t.snapshot(&keys).await;
        let admin_key = self.t.admin();
        let mut signers: Vec<&Keypair> = Vec::new();
        if let Some(a) = signer {
            signers.push(&self.actors[a]);
        }
        if admin {
            signers.push(&admin_key);
        }
        let res = self.t.send(&ixs, &signers).await;
        if res.is_ok() {
            for ix in &ixs {
                *self.done.entry(instruction_name(&ix.data)).or_default() += 1;
            }
        }
        if res.is_err() {
            let after = self.t.snapshot(&keys).await;
            assert!(
                before == after,
                "a rejected transaction changed state: {res:?}"
            );
        }
        res
    }

    async fn step(&mut self, action: Action) {
        let c = self.t.client();
        let key = |f: &Fuzz, a: usize| f.actors[a].pubkey();
        match action {
            Action::Deposit { a, amount: n } => {
                let _ = self
                    .exec(
                        vec![c.deposit_stake(key(self, a), amount(n))],
                        Some(a),
                        false,
                    )
                    .await;
            }
            Action::RequestUnstake { a, amount: n } => {
                let _ = self
                    .exec(
                        vec![c.request_unstake(key(self, a), amount(n))],
                        Some(a),
                        false,
                    )
                    .await;
            }
            Action::Withdraw { a } => {
                let _ = self
                    .exec(vec![c.withdraw_stake(key(self, a))], Some(a), false)
                    .await;
            }
            Action::CreateTask { a, valid } => {
                if self.tasks.len() >= MAX_TASKS {
                    return;
                }
                self.next_id += 1;
                let mut args = self.t.task_args();
                args.id = self.next_id;
                args.reward = 100 * TOKEN;
                // Six-hour phases: long enough that random clock jumps often land inside.
                let now = self.t.now();
                args.submission_deadline = now + 6 * 3_600;
                args.submission_reveal_deadline = now + 12 * 3_600;
                args.commit_deadline = now + 18 * 3_600;
                args.reveal_deadline = now + 24 * 3_600;
                args.quorum_seats = 2;
                args.max_submissions = 4;
                args.submission_fee = squat_floor(&args);
                if !valid {
                    args.reveal_deadline = args.commit_deadline;
                }
                let task = pda::task(&key(self, a), args.id);
                self.t.tasks.insert(task);
                if self
                    .exec(vec![c.create_task(key(self, a), args)], Some(a), false)
                    .await
                    .is_ok()
                {
                    self.tasks.push(task);
                }
            }
            Action::CancelTask { a, task } => {
                if let Some(task) = self.task(task) {
                    let _ = self
                        .exec(vec![c.cancel_task(key(self, a), task)], Some(a), false)
                        .await;
                }
            }
            Action::Submit {
                a,
                task,
                content,
                terms,
            } => {
                if let Some(task) = self.recent_task(task) {
                    let sub = pda::submission(&task, &key(self, a));
                    self.t.submissions.insert(sub);
                    let mut hash = [0u8; 32];
                    hash[..2].copy_from_slice(&content.to_le_bytes());
                    let salt = salt_of(&self.actors[a]);
                    let commitment = submission_commitment(&task, &key(self, a), &hash, &salt);
                    let mut terms_hash = match self.t.net.account::<merit_client::Task>(&task).await
                    {
                        Some(t) => t.terms_hash,
                        None => [0; 32],
                    };
                    if !terms {
                        terms_hash[0] ^= 1;
                    }
                    let ix = c.submit(key(self, a), task, commitment, terms_hash);
                    let res = self.exec(vec![ix], Some(a), false).await;
                    assert!(
                        terms || res.is_err(),
                        "a submission under stale terms landed"
                    );
                    if res.is_ok() {
                        self.subs.push((task, sub, a));
                        self.contents.insert(sub, hash);
                    }
                }
            }
            Action::RevealSubmission { sub, honest } => {
                // Honest: every one of the twelve newest submissions is revealed by its
                // contributor, starting from a random one (contributors reveal when they
                // can; the order decides who reveals shared content first). Dishonest:
                // one contributor tries to open its commitment to other content.
                let n = self.subs.len().min(12);
                for i in 0..if honest { n } else { n.min(1) } {
                    let (task, sub, a) = self.recent_sub(sub + i).expect("n > 0");
                    let mut hash = self.contents.get(&sub).copied().unwrap_or_default();
                    if !honest {
                        hash[31] ^= 1;
                    }
                    let ix = c.reveal_submission(
                        key(self, a),
                        task,
                        hash,
                        salt_of(&self.actors[a]),
                        "ipfs://fuzz".into(),
                    );
                    let res = self.exec(vec![ix], Some(a), false).await;
                    assert!(honest || res.is_err(), "a reveal of other content landed");
                }
            }
            Action::Draw { a, task } => {
                if let Some(task) = self.recent_task(task) {
                    let _ = self
                        .exec(vec![c.draw(key(self, a), task)], Some(a), false)
                        .await;
                }
            }
            Action::Commit { a, sub, score } => {
                // Mostly a revealed submission whose task takes commits now (validators
                // vote where voting is open); an eighth of the time any recent one.
                let target = if score % 8 != 0 {
                    self.votable_sub(sub).await
                } else {
                    None
                };
                if let Some((task, sub, _)) = target.or_else(|| self.recent_sub(sub)) {
                    // Mostly a validator that is not competing in the task (a competitor's
                    // commit is refused); a quarter of the time whoever was picked.
                    let competing =
                        |f: &Fuzz, v: usize| f.subs.iter().any(|&(t, _, c)| t == task && c == v);
                    let a = if score % 4 != 0 {
                        (0..ACTORS)
                            .map(|k| (a + k) % ACTORS)
                            .find(|&v| !competing(self, v))
                            .unwrap_or(a)
                    } else {
                        a
                    };
                    let round = self.keeper_draws(a, task, sub).await;
                    let v = key(self, a);
                    self.t.votes.insert(pda::vote_in(&sub, round, &v));
                    self.t.rounds.insert(pda::round(&sub, round));
                    let commitment = vote_commitment(
                        &pda::round(&sub, round),
                        &v,
                        score,
                        &salt_of(&self.actors[a]),
                    );
                    let ix = c.commit_vote(v, task, sub, round, commitment);
                    match self.exec(vec![ix], Some(a), false).await {
                        Ok(()) => {
                            self.scores.insert((sub, a), score);
                            self.committed.push((task, sub, a, round));
                        }
                        Err(e) if std::env::var("FUZZ_DEBUG").is_ok() => {
                            eprintln!("COMMIT {:?}", e.code)
                        }
                        Err(_) => {}
                    }
                }
            }
            Action::Reveal { sub, honest } => {
                // One of the 24 newest committed votes, revealed by its own validator:
                // mostly one whose task takes reveals now.
                let now = self.t.now();
                let mut open = Vec::new();
                for &(task, s, a, r) in self.committed.iter().rev().take(24) {
                    let round: Option<merit_client::Round> =
                        self.t.net.account(&pda::round(&s, r)).await;
                    if round.is_some_and(|r| r.reveal_check(now).is_ok()) {
                        open.push((task, s, a, r));
                    }
                }
                let n = self.committed.len();
                if n > 0 {
                    let (task, sub, a, round) = if !open.is_empty() && sub % 8 != 0 {
                        open[sub % open.len()]
                    } else {
                        self.committed[n - 1 - sub % n.min(24)]
                    };
                    let score = self.scores.get(&(sub, a)).copied().unwrap_or(50);
                    let score = if honest { score } else { score.wrapping_add(1) };
                    let ix = c.reveal_vote(
                        key(self, a),
                        task,
                        sub,
                        round,
                        score,
                        salt_of(&self.actors[a]),
                    );
                    let _ = self.exec(vec![ix], Some(a), false).await;
                }
            }
            Action::FinalizeSubmission { a, sub } => {
                if let Some((task, _, owner)) = self.recent_sub(sub) {
                    let epoch = self.t.config().await.current_epoch;
                    let owner = key(self, owner);
                    let ix = self.t.finalize_ix(&key(self, a), task, &owner, epoch).await;
                    let _ = self.exec(vec![ix], Some(a), false).await;
                }
            }
            Action::FinalizeTask { a, task } => {
                if let Some(task) = self.task(task) {
                    let _ = self
                        .exec(vec![c.finalize_task(key(self, a), task)], Some(a), false)
                        .await;
                }
            }
            Action::SlashSubmission { a, sub } => {
                if let Some((task, _, owner)) = self.sub(sub) {
                    let ix = c.slash_submission(key(self, a), task, key(self, owner));
                    let _ = self.exec(vec![ix], Some(a), false).await;
                }
            }
            Action::SlashVote { a, sub, v } => {
                let n = self.committed.len();
                if n > 0 && v % 3 != 0 {
                    let (task, sub, v, round) = self.committed[sub % n];
                    let ix = c.slash_vote(key(self, a), task, sub, round, key(self, v));
                    let _ = self.exec(vec![ix], Some(a), false).await;
                } else if let Some((task, sub, _)) = self.sub(sub) {
                    let ix = c.slash_vote(key(self, a), task, sub, 1, key(self, v));
                    let _ = self.exec(vec![ix], Some(a), false).await;
                }
            }
            Action::ClaimSubmission { a, sub } => {
                if let Some((task, _, _)) = self.sub(sub) {
                    let _ = self
                        .exec(vec![c.claim_submission(key(self, a), task)], Some(a), false)
                        .await;
                }
            }
            Action::ClaimVote { a, sub } => {
                // Mostly a committed vote claimed by its own validator; sometimes anyone's.
                let n = self.committed.len();
                if n > 0 && sub % 4 != 0 {
                    let (task, sub, v, round) = self.committed[sub % n];
                    let _ = self
                        .exec(
                            vec![c.claim_vote(key(self, v), task, sub, round)],
                            Some(v),
                            false,
                        )
                        .await;
                } else if let Some((task, sub, _)) = self.sub(sub) {
                    let _ = self
                        .exec(
                            vec![c.claim_vote(key(self, a), task, sub, 1)],
                            Some(a),
                            false,
                        )
                        .await;
                }
            }
            Action::Reclaim { a, task } => {
                if let Some(task) = self.task(task) {
                    let _ = self
                        .exec(vec![c.reclaim_task(key(self, a), task)], Some(a), false)
                        .await;
                }
            }
            Action::CloseVote { sub, v } => {
                if let Some((_, sub, _)) = self.sub(sub) {
                    // Each round's vote of `v`, its rent to whoever paid it.
                    let last = self.t.round_of(&sub).await;
                    for round in 1..=last {
                        let vote: Option<Vote> = self
                            .t
                            .net
                            .account(&pda::vote_in(&sub, round, &key(self, v)))
                            .await;
                        let payer = vote.map_or(key(self, v), |v| v.payer);
                        let ix = c.close_vote(sub, round, key(self, v), payer);
                        let _ = self.exec(vec![ix], None, false).await;
                    }
                }
            }
            Action::DrawRound { a, sub, ready } => {
                if let Some((task, sub, _)) = self.recent_sub(sub) {
                    let round = self.t.round_of(&sub).await.max(2);
                    if ready {
                        self.t
                            .net
                            .warp_slots(merit::constants::DRAW_CHAIN_MAX_SLOTS + 1);
                    }
                    let ix = c.draw_round(key(self, a), task, sub, round);
                    let _ = self.exec(vec![ix], Some(a), false).await;
                }
            }
            Action::ReportAbsence { a, sub, v } => {
                if let Some((task, sub, _)) = self.recent_sub(sub) {
                    let round = self.t.round_of(&sub).await;
                    let validator = key(self, v);
                    self.t.votes.insert(pda::vote_in(&sub, round, &validator));
                    let before = self.t.stake(&validator).await;
                    let ix = c.report_absence(key(self, a), task, sub, round, validator);
                    if self.exec(vec![ix], Some(a), false).await.is_ok() {
                        let after = self.t.stake(&validator).await;
                        assert_eq!(after.reputation.absences, before.reputation.absences + 1);
                        let record = self.t.vote_in(&sub, round, &validator).await;
                        assert!(
                            record.absent && !record.revealed,
                            "an absence is never a vote"
                        );
                    }
                }
            }
            Action::CloseRound { sub, round } => {
                if let Some((_, sub, _)) = self.sub(sub) {
                    let payer = self
                        .t
                        .net
                        .account::<merit_client::Round>(&pda::round(&sub, round))
                        .await
                        .map_or(Pubkey::default(), |r| r.payer);
                    let ix = c.close_round(sub, round, payer);
                    let _ = self.exec(vec![ix], None, false).await;
                }
            }
            Action::CloseSubmission { sub } => {
                if let Some((task, sub, owner)) = self.sub(sub) {
                    let _ = self
                        .exec(
                            vec![c.close_submission(task, key(self, owner))],
                            None,
                            false,
                        )
                        .await;
                    // And its content's claim, when nothing depends on it any more.
                    let hash = self.contents.get(&sub).copied().unwrap_or_default();
                    if let Some(claim) = self
                        .t
                        .net
                        .account::<merit_client::ContentClaim>(&pda::content_claim(&hash))
                        .await
                    {
                        let ix = c.close_content_claim(key(self, owner), hash, claim.payer);
                        let res = self.exec(vec![ix], Some(owner), false).await;
                        assert_eq!(
                            res.is_ok(),
                            claim.is_closable_by(&key(self, owner)),
                            "close_content_claim"
                        );
                    }
                }
            }
            Action::AdvanceEpoch { a } => {
                let ix = self.t.advance_epoch_ix(&self.actors[a]).await;
                let _ = self.exec(vec![ix], Some(a), false).await;
            }
            Action::FundEmissions { a, amount: n } => {
                let ix = c.fund_emissions(key(self, a), amount(n), 1_000_000);
                let _ = self.exec(vec![ix], Some(a), false).await;
            }
            Action::ClaimSubmissionEmission { a, sub } => {
                if let Some((task, sub, _)) = self.sub(sub) {
                    let epoch = self
                        .t
                        .net
                        .account::<Submission>(&sub)
                        .await
                        .map(|s| s.epoch)
                        .unwrap_or(0);
                    let ix = c.claim_submission_emission(key(self, a), task, epoch);
                    let _ = self.exec(vec![ix], Some(a), false).await;
                }
            }
            Action::ClaimVoteEmission { a, sub } => {
                if let Some((task, sub, _)) = self.sub(sub) {
                    let round = self.t.round_of(&sub).await;
                    let vote = pda::vote_in(&sub, round, &key(self, a));
                    let epoch = self
                        .t
                        .net
                        .account::<Vote>(&vote)
                        .await
                        .map(|v| v.epoch)
                        .unwrap_or(0);
                    let ix = c.claim_vote_emission(key(self, a), task, sub, round, epoch);
                    let _ = self.exec(vec![ix], Some(a), false).await;
                }
            }
            Action::WithdrawVested { a } => {
                let _ = self
                    .exec(vec![c.withdraw_vested(key(self, a))], Some(a), false)
                    .await;
            }
            Action::SetVesting { on } => {
                let admin = self.t.admin().pubkey();
                let mut params = self.t.config().await.params;
                params.vesting_duration_secs = if on { 2 * 24 * 3_600 } else { 0 };
                // Propose; an apply before the timelock is refused; after it, applied.
                let proposed = self
                    .exec(vec![c.propose_config(admin, params)], None, true)
                    .await;
                if proposed.is_ok() {
                    let early = self.exec(vec![c.apply_config(admin)], None, true).await;
                    assert!(early.is_err(), "applied before the timelock");
                    let eta = self.t.config().await.pending_params_eta;
                    self.t.set_time(eta);
                    let _ = self.exec(vec![c.apply_config(admin)], None, true).await;
                }
            }
            Action::SetPaused { on } => {
                let admin = self.t.admin().pubkey();
                let _ = self.exec(vec![c.set_paused(admin, on)], None, true).await;
            }
            Action::Wait { secs } => {
                let now = self.t.now();
                self.t.set_time(now + secs);
            }
            Action::Impersonate { a, victim } => {
                let (me, them) = (key(self, a), key(self, victim));
                let mut ix = c.request_unstake(me, TOKEN);
                replace_account(&mut ix, &pda::stake(&me), &pda::stake(&them));
                let res = self.exec(vec![ix], Some(a), false).await;
                assert!(a == victim || res.is_err(), "acted on someone else's stake");
            }
            Action::WrongVault { a, sub, other } => {
                if let (Some((task, _, _)), Some(other)) = (self.sub(sub), self.task(other)) {
                    let mut ix = c.claim_submission(key(self, a), task);
                    replace_account(&mut ix, &pda::task_vault(&task), &pda::task_vault(&other));
                    let res = self.exec(vec![ix], Some(a), false).await;
                    assert!(
                        task == other || res.is_err(),
                        "claimed against another task's vault"
                    );
                }
            }
        }
    }
}

/// The instruction a data buffer calls, by its discriminator.
fn instruction_name(data: &[u8]) -> &'static str {
    use anchor_lang::Discriminator;
    use merit::instruction as ix;
    let known: [(&[u8], &'static str); 19] = [
        (ix::Draw::DISCRIMINATOR, "draw"),
        (ix::DrawRound::DISCRIMINATOR, "draw_round"),
        (ix::ReportAbsence::DISCRIMINATOR, "report_absence"),
        (ix::CloseRound::DISCRIMINATOR, "close_round"),
        (ix::CloseVote::DISCRIMINATOR, "close_vote"),
        (ix::Submit::DISCRIMINATOR, "submit"),
        (ix::RevealSubmission::DISCRIMINATOR, "reveal_submission"),
        (ix::CloseContentClaim::DISCRIMINATOR, "close_content_claim"),
        (ix::CommitVote::DISCRIMINATOR, "commit_vote"),
        (ix::RevealVote::DISCRIMINATOR, "reveal_vote"),
        (ix::FinalizeSubmission::DISCRIMINATOR, "finalize_submission"),
        (ix::FinalizeTask::DISCRIMINATOR, "finalize_task"),
        (ix::SlashSubmission::DISCRIMINATOR, "slash_submission"),
        (ix::SlashVote::DISCRIMINATOR, "slash_vote"),
        (ix::ClaimSubmission::DISCRIMINATOR, "claim_submission"),
        (ix::ClaimVote::DISCRIMINATOR, "claim_vote"),
        (ix::AdvanceEpoch::DISCRIMINATOR, "advance_epoch"),
        (ix::ReclaimTask::DISCRIMINATOR, "reclaim_task"),
        (ix::CreateTask::DISCRIMINATOR, "create_task"),
    ];
    known
        .iter()
        .find(|(d, _)| data.starts_with(d))
        .map(|(_, n)| *n)
        .unwrap_or("other")
}

/// How deep a run went: successful transactions per instruction.
type Depth = BTreeMap<&'static str, u64>;

/// Runs `actions` on a fresh chain; Err carries the first panic's message.
async fn run(actions: Vec<Action>, prune_every: usize) -> Result<Depth, String> {
    let handle = tokio::spawn(async move {
        let mut f = Fuzz::new().await;
        for (i, action) in actions.into_iter().enumerate() {
            f.step(action).await;
            if prune_every > 0 && i % prune_every == prune_every - 1 {
                f.t.prune_closed().await;
            }
        }
        f.t.check_invariants().await;
        f.done
    });
    handle.await.map_err(|e| {
        let panic = e.into_panic();
        panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "panic".into())
    })
}

/// Removes steps while the run still fails (chunks, then single steps), within a budget.
async fn shrink(actions: Vec<Action>) -> Vec<Action> {
    shrink_by(actions, |candidate| async move {
        run(candidate, 0).await.is_err()
    })
    .await
}

/// Greedy delta debugging: drops halves, quarters, ... then single items, keeping every
/// removal after which `fails` still holds; stops after two minutes.
async fn shrink_by<T, F, Fut>(mut items: Vec<T>, fails: F) -> Vec<T>
where
    T: Clone,
    F: Fn(Vec<T>) -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let started = std::time::Instant::now();
    let mut chunk = (items.len() / 2).max(1);
    loop {
        let mut i = 0;
        while i < items.len() && started.elapsed().as_secs() < 120 {
            let mut candidate = items.clone();
            candidate.drain(i..(i + chunk).min(candidate.len()));
            if fails(candidate.clone()).await {
                items = candidate;
            } else {
                i += chunk;
            }
        }
        if chunk == 1 || started.elapsed().as_secs() >= 120 {
            return items;
        }
        chunk /= 2;
    }
}

#[tokio::test]
async fn shrinking_keeps_only_the_steps_a_failure_needs() {
    let steps: Vec<u32> = (0..200).collect();
    // "Fails" when both 17 and 150 are present, in order.
    let fails = |s: Vec<u32>| async move {
        let a = s.iter().position(|&x| x == 17);
        let b = s.iter().position(|&x| x == 150);
        matches!((a, b), (Some(a), Some(b)) if a < b)
    };
    assert_eq!(shrink_by(steps, fails).await, vec![17, 150]);
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn random_instruction_sequences_keep_every_invariant() {
    let seed = env_u64("MERIT_FUZZ_SEED").unwrap_or(0x006d_6572_6974);
    let steps = env_u64("MERIT_FUZZ_STEPS").unwrap_or(10_000) as usize;
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let actions: Vec<Action> = (0..steps).map(|_| random_action(&mut rng)).collect();
    match run(actions.clone(), 250).await {
        Ok(depth) => {
            println!("fuzz seed {seed}, {steps} steps: {depth:?}");
            // The run must exercise the protocol, not just bounce off errors.
            if steps >= 5_000 {
                for (ix, at_least) in [
                    ("create_task", 10),
                    ("submit", 20),
                    ("reveal_submission", 10),
                    ("close_content_claim", 3),
                    ("draw", 10),
                    ("commit_vote", 20),
                    ("reveal_vote", 5),
                    ("finalize_submission", 10),
                    ("finalize_task", 3),
                    ("claim_submission", 3),
                    ("claim_vote", 1),
                    ("slash_vote", 2),
                    ("advance_epoch", 2),
                    ("draw_round", 2),
                    ("report_absence", 1),
                    ("close_round", 1),
                ] {
                    let got = depth.get(ix).copied().unwrap_or(0);
                    assert!(got >= at_least, "only {got} successful {ix}: {depth:?}");
                }
            }
        }
        Err(message) => {
            let minimal = shrink(actions).await;
            panic!(
                "stateful fuzzing failed: {message}\nseed {seed} (replay: MERIT_FUZZ_SEED={seed} MERIT_FUZZ_STEPS={steps})\n\
                 minimal failing steps ({}):\n{minimal:#?}",
                minimal.len()
            );
        }
    }
}
