//! Writes `app/test/vectors.json`: what the TypeScript SDK must reproduce byte for byte.
//! PDAs, commitments, the bytes and accounts of every instruction for fixed inputs,
//! account data produced by real transactions on the in-process chain, and event bytes.
//! Everything is derived from fixed seeds, so the file is identical on every run; CI
//! regenerates it and fails when the committed copy differs.
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::Event;
use base64::Engine as _;
use merit::events::{Slashed, TaskCreated, VoteRevealed};
use merit::state::SlashKind;
use merit_client::{
    pda, submission_commitment, vote_commitment, ConfigParams, CreateTaskArgs, MeritClient,
};
use merit_localnet::{seeded_keypair, Localnet, LocalnetOptions, Signer};
use serde_json::{json, Value};

const TOKEN: u64 = 1_000_000;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn pk(p: &Pubkey) -> Value {
    json!({ "$pubkey": p.to_string() })
}

fn u64v(v: u64) -> Value {
    json!({ "$u64": v.to_string() })
}

fn i64v(v: i64) -> Value {
    json!({ "$i64": v.to_string() })
}

fn bytes(b: &[u8]) -> Value {
    json!({ "$bytes": hex(b) })
}

fn params_json(p: &ConfigParams) -> Value {
    json!({
        "unstakeCooldownSecs": i64v(p.unstake_cooldown_secs),
        "minValidatorStake": u64v(p.min_validator_stake),
        "voteBondBps": p.vote_bond_bps,
        "minCommitteeSize": p.min_committee_size,
        "maxCommitteeSize": p.max_committee_size,
        "maxQuorumBps": p.max_quorum_bps,
        "maxRejectThreshold": p.max_reject_threshold,
        "maxAcceptThreshold": p.max_accept_threshold,
        "incoherenceSlashBps": p.incoherence_slash_bps,
        "slasherRewardBps": p.slasher_reward_bps,
        "coherenceTolerance": p.coherence_tolerance,
        "keeperBountyLamports": u64v(p.keeper_bounty_lamports),
        "minSubmissionBond": u64v(p.min_submission_bond),
        "minSubmissionFee": u64v(p.min_submission_fee),
        "maxSubmissionFee": u64v(p.max_submission_fee),
        "taskFeeBps": p.task_fee_bps,
        "emissionCapBps": p.emission_cap_bps,
        "minPhaseSecs": i64v(p.min_phase_secs),
        "maxTaskDurationSecs": i64v(p.max_task_duration_secs),
        "maxSubmissionsPerTask": p.max_submissions_per_task,
        "epochLengthSecs": i64v(p.epoch_length_secs),
        "initialEmission": u64v(p.initial_emission),
        "emissionDecayBps": p.emission_decay_bps,
        "contributorEmissionBps": p.contributor_emission_bps,
        "vestingDurationSecs": i64v(p.vesting_duration_secs),
        "reputationAlphaBps": p.reputation_alpha_bps,
        "reputationDecayBps": p.reputation_decay_bps,
        "reputationStartBps": p.reputation_start_bps,
        "reputationValueUnit": u64v(p.reputation_value_unit),
        "paramTimelockSecs": i64v(p.param_timelock_secs),
        "claimWindowSecs": i64v(p.claim_window_secs),
        "padding": bytes(&p.padding),
    })
}

fn task_args_json(a: &CreateTaskArgs) -> Value {
    json!({
        "id": u64v(a.id),
        "specHash": bytes(&a.spec_hash),
        "uri": a.uri,
        "reward": u64v(a.reward),
        "submissionDeadline": i64v(a.submission_deadline),
        "submissionRevealDeadline": i64v(a.submission_reveal_deadline),
        "commitDeadline": i64v(a.commit_deadline),
        "revealDeadline": i64v(a.reveal_deadline),
        "bond": u64v(a.bond),
        "submissionFee": u64v(a.submission_fee),
        "committeeSize": a.committee_size,
        "quorumSeats": a.quorum_seats,
        "acceptThreshold": a.accept_threshold,
        "rejectThreshold": a.reject_threshold,
        "validatorShareBps": a.validator_share_bps,
        "maxSubmissions": a.max_submissions,
        "minReputationSubmit": a.min_reputation_submit,
        "minReputationVote": a.min_reputation_vote,
    })
}

fn ix_json(builder: &str, args: Value, ix: &Instruction) -> Value {
    json!({
        "builder": builder,
        "args": args,
        "data": hex(&ix.data),
        "accounts": ix.accounts.iter().map(|m| json!({
            "pubkey": m.pubkey.to_string(),
            "isSigner": m.is_signer,
            "isWritable": m.is_writable,
        })).collect::<Vec<_>>(),
    })
}

fn task_args(now: i64) -> CreateTaskArgs {
    CreateTaskArgs {
        id: 7,
        spec_hash: [3; 32],
        uri: "ipfs://spec".into(),
        reward: 1_000 * TOKEN,
        submission_deadline: now + 3_600,
        submission_reveal_deadline: now + 5_400,
        commit_deadline: now + 7_200,
        reveal_deadline: now + 10_800,
        bond: 10 * TOKEN,
        // The squatting floor of these terms (6.27 tokens).
        submission_fee: merit::state::Task::squat_fee_floor(1_000 * TOKEN, 2_000, 256).unwrap(),
        committee_size: 9,
        quorum_seats: 3,
        accept_threshold: 60,
        reject_threshold: 30,
        validator_share_bps: 2_000,
        max_submissions: 256,
        min_reputation_submit: 0,
        min_reputation_vote: 0,
    }
}

fn instructions(c: &MeritClient, now: i64) -> Vec<Value> {
    let k = |n: u8| seeded_keypair(1, n).pubkey();
    let (a, b, task, sub) = (
        k(10),
        k(11),
        pda::task(&k(10), 7),
        pda::submission(&pda::task(&k(10), 7), &k(11)),
    );
    let params = ConfigParams::defaults(6);
    let args = task_args(now);
    let (salt, hash) = ([9u8; 32], [5u8; 32]);
    let commitment = vote_commitment(&pda::round(&sub, 1), &a, 77, &salt);
    vec![
        ix_json(
            "initialize",
            json!({"admin": pk(&a), "params": params_json(&params)}),
            &c.initialize(a, params),
        ),
        ix_json(
            "proposeConfig",
            json!({"admin": pk(&a), "params": params_json(&params)}),
            &c.propose_config(a, params),
        ),
        ix_json(
            "cancelConfig",
            json!({"admin": pk(&a)}),
            &c.cancel_config(a),
        ),
        ix_json("applyConfig", json!({"caller": pk(&b)}), &c.apply_config(b)),
        ix_json(
            "setPaused",
            json!({"admin": pk(&a), "paused": true}),
            &c.set_paused(a, true),
        ),
        ix_json(
            "proposeAdmin",
            json!({"admin": pk(&a), "newAdmin": pk(&b)}),
            &c.propose_admin(a, Some(b)),
        ),
        ix_json(
            "proposeAdmin",
            json!({"admin": pk(&a), "newAdmin": null}),
            &c.propose_admin(a, None),
        ),
        ix_json(
            "acceptAdmin",
            json!({"newAdmin": pk(&b)}),
            &c.accept_admin(b),
        ),
        ix_json(
            "depositStake",
            json!({"owner": pk(&a), "amount": u64v(123 * TOKEN)}),
            &c.deposit_stake(a, 123 * TOKEN),
        ),
        ix_json(
            "requestUnstake",
            json!({"owner": pk(&a), "amount": u64v(5)}),
            &c.request_unstake(a, 5),
        ),
        ix_json(
            "withdrawStake",
            json!({"owner": pk(&a)}),
            &c.withdraw_stake(a),
        ),
        ix_json(
            "createTask",
            json!({"creator": pk(&a), "args": task_args_json(&args)}),
            &c.create_task(a, args.clone()),
        ),
        ix_json(
            "cancelTask",
            json!({"creator": pk(&a), "task": pk(&task)}),
            &c.cancel_task(a, task),
        ),
        ix_json(
            "reclaimTask",
            json!({"creator": pk(&a), "task": pk(&task)}),
            &c.reclaim_task(a, task),
        ),
        ix_json(
            "submit",
            json!({"contributor": pk(&b), "task": pk(&task), "commitment": bytes(&commitment), "termsHash": bytes(&hash)}),
            &c.submit(b, task, commitment, hash),
        ),
        ix_json(
            "revealSubmission",
            json!({"contributor": pk(&b), "task": pk(&task), "contentHash": bytes(&hash), "salt": bytes(&salt), "uri": "ipfs://work"}),
            &c.reveal_submission(b, task, hash, salt, "ipfs://work".into()),
        ),
        ix_json(
            "commitVote",
            json!({"validator": pk(&a), "task": pk(&task), "submission": pk(&sub), "round": 1, "commitment": bytes(&commitment)}),
            &c.commit_vote(a, task, sub, 1, commitment),
        ),
        ix_json(
            "commitVote",
            json!({"validator": pk(&a), "task": pk(&task), "submission": pk(&sub), "round": 2, "commitment": bytes(&commitment)}),
            &c.commit_vote(a, task, sub, 2, commitment),
        ),
        ix_json(
            "revealVote",
            json!({"validator": pk(&a), "task": pk(&task), "submission": pk(&sub), "round": 2, "score": 77, "salt": bytes(&salt)}),
            &c.reveal_vote(a, task, sub, 2, 77, salt),
        ),
        ix_json(
            "finalizeSubmission",
            json!({"keeper": pk(&a), "task": pk(&task), "contributor": pk(&b), "epoch": u64v(3), "contentHash": bytes(&hash), "round": 1, "openNext": false}),
            &c.finalize_submission(a, task, b, 3, Some(hash), Some(1), false),
        ),
        ix_json(
            "finalizeSubmission",
            json!({"keeper": pk(&a), "task": pk(&task), "contributor": pk(&b), "epoch": u64v(3), "contentHash": bytes(&hash), "round": 1, "openNext": true}),
            &c.finalize_submission(a, task, b, 3, Some(hash), Some(1), true),
        ),
        ix_json(
            "finalizeSubmission",
            json!({"keeper": pk(&a), "task": pk(&task), "contributor": pk(&b), "epoch": u64v(3), "contentHash": null, "round": null, "openNext": false}),
            &c.finalize_submission(a, task, b, 3, None, None, false),
        ),
        ix_json(
            "drawRound",
            json!({"keeper": pk(&a), "task": pk(&task), "submission": pk(&sub), "round": 2}),
            &c.draw_round(a, task, sub, 2),
        ),
        ix_json(
            "reportAbsence",
            json!({"slasher": pk(&b), "task": pk(&task), "submission": pk(&sub), "round": 1, "validator": pk(&a)}),
            &c.report_absence(b, task, sub, 1, a),
        ),
        ix_json(
            "reportAbsence",
            json!({"slasher": pk(&a), "task": pk(&task), "submission": pk(&sub), "round": 2, "validator": pk(&a)}),
            &c.report_absence(a, task, sub, 2, a),
        ),
        ix_json(
            "draw",
            json!({"keeper": pk(&a), "task": pk(&task)}),
            &c.draw(a, task),
        ),
        ix_json(
            "finalizeTask",
            json!({"keeper": pk(&a), "task": pk(&task)}),
            &c.finalize_task(a, task),
        ),
        ix_json(
            "slashSubmission",
            json!({"slasher": pk(&a), "task": pk(&task), "contributor": pk(&b)}),
            &c.slash_submission(a, task, b),
        ),
        ix_json(
            "slashSubmission",
            json!({"slasher": pk(&b), "task": pk(&task), "contributor": pk(&b)}),
            &c.slash_submission(b, task, b),
        ),
        ix_json(
            "slashVote",
            json!({"slasher": pk(&b), "task": pk(&task), "submission": pk(&sub), "round": 1, "validator": pk(&a)}),
            &c.slash_vote(b, task, sub, 1, a),
        ),
        ix_json(
            "claimSubmission",
            json!({"contributor": pk(&b), "task": pk(&task)}),
            &c.claim_submission(b, task),
        ),
        ix_json(
            "claimVote",
            json!({"validator": pk(&a), "task": pk(&task), "submission": pk(&sub), "round": 2}),
            &c.claim_vote(a, task, sub, 2),
        ),
        ix_json(
            "sweepTreasury",
            json!({"caller": pk(&a)}),
            &c.sweep_treasury(a),
        ),
        ix_json(
            "fundEmissions",
            json!({"funder": pk(&a), "amount": u64v(50), "lamports": u64v(60)}),
            &c.fund_emissions(a, 50, 60),
        ),
        ix_json(
            "advanceEpoch",
            json!({"keeper": pk(&a), "current": u64v(2), "next": u64v(5)}),
            &c.advance_epoch(a, 2, 5),
        ),
        ix_json(
            "claimSubmissionEmission",
            json!({"contributor": pk(&b), "task": pk(&task), "epoch": u64v(1)}),
            &c.claim_submission_emission(b, task, 1),
        ),
        ix_json(
            "claimVoteEmission",
            json!({"validator": pk(&a), "task": pk(&task), "submission": pk(&sub), "round": 1, "epoch": u64v(1)}),
            &c.claim_vote_emission(a, task, sub, 1, 1),
        ),
        ix_json(
            "withdrawVested",
            json!({"owner": pk(&a)}),
            &c.withdraw_vested(a),
        ),
        ix_json(
            "closeVote",
            json!({"submission": pk(&sub), "round": 1, "validator": pk(&a), "payer": pk(&b)}),
            &c.close_vote(sub, 1, a, b),
        ),
        ix_json(
            "closeRound",
            json!({"submission": pk(&sub), "round": 2, "payer": pk(&b)}),
            &c.close_round(sub, 2, b),
        ),
        ix_json(
            "closeSubmission",
            json!({"task": pk(&task), "contributor": pk(&b)}),
            &c.close_submission(task, b),
        ),
        ix_json(
            "expireTask",
            json!({"caller": pk(&a), "task": pk(&task)}),
            &c.expire_task(a, task),
        ),
        ix_json(
            "expireEpoch",
            json!({"caller": pk(&a), "index": u64v(3)}),
            &c.expire_epoch(a, 3),
        ),
        ix_json(
            "closeContentClaim",
            json!({"closer": pk(&a), "contentHash": bytes(&hash), "payer": pk(&b)}),
            &c.close_content_claim(a, hash, b),
        ),
    ]
}

fn pdas() -> Vec<Value> {
    let k = |n: u8| seeded_keypair(1, n).pubkey();
    let task = pda::task(&k(10), 7);
    let sub = pda::submission(&task, &k(11));
    vec![
        json!({"name": "config", "args": [], "address": pda::config().to_string()}),
        json!({"name": "stakeVault", "args": [], "address": pda::stake_vault().to_string()}),
        json!({"name": "treasury", "args": [], "address": pda::treasury().to_string()}),
        json!({"name": "emissionVault", "args": [], "address": pda::emission_vault().to_string()}),
        json!({"name": "vestingVault", "args": [], "address": pda::vesting_vault().to_string()}),
        json!({"name": "stake", "args": [pk(&k(10))], "address": pda::stake(&k(10)).to_string()}),
        json!({"name": "task", "args": [pk(&k(10)), u64v(7)], "address": task.to_string()}),
        json!({"name": "task", "args": [pk(&k(10)), u64v(u64::MAX)], "address": pda::task(&k(10), u64::MAX).to_string()}),
        json!({"name": "taskVault", "args": [pk(&task)], "address": pda::task_vault(&task).to_string()}),
        json!({"name": "submission", "args": [pk(&task), pk(&k(11))], "address": sub.to_string()}),
        json!({"name": "round", "args": [pk(&sub), 1], "address": pda::round(&sub, 1).to_string()}),
        json!({"name": "round", "args": [pk(&sub), 2], "address": pda::round(&sub, 2).to_string()}),
        json!({"name": "vote", "args": [pk(&pda::round(&sub, 1)), pk(&k(10))], "address": pda::vote(&pda::round(&sub, 1), &k(10)).to_string()}),
        json!({"name": "contentClaim", "args": [bytes(&[5; 32])], "address": pda::content_claim(&[5; 32]).to_string()}),
        json!({"name": "epoch", "args": [u64v(0)], "address": pda::epoch(0).to_string()}),
        json!({"name": "epoch", "args": [u64v(258)], "address": pda::epoch(258).to_string()}),
        json!({"name": "vesting", "args": [pk(&k(10))], "address": pda::vesting(&k(10)).to_string()}),
    ]
}

fn commitments() -> Vec<Value> {
    let k = |n: u8| seeded_keypair(1, n).pubkey();
    [(0u8, [0u8; 32]), (77, [9; 32]), (100, [255; 32])]
        .iter()
        .map(|(score, salt)| {
            let (round, val) = (pda::round(&k(20), 1), k(21));
            json!({
                "round": round.to_string(),
                "validator": val.to_string(),
                "score": score,
                "salt": hex(salt),
                "commitment": hex(&vote_commitment(&round, &val, *score, salt)),
            })
        })
        .collect()
}

fn submission_commitments() -> Vec<Value> {
    let k = |n: u8| seeded_keypair(1, n).pubkey();
    [
        ([0u8; 32], [0u8; 32]),
        ([5; 32], [9; 32]),
        ([255; 32], [1; 32]),
    ]
    .iter()
    .map(|(content, salt)| {
        let (task, contributor) = (k(22), k(23));
        json!({
            "task": task.to_string(),
            "contributor": contributor.to_string(),
            "contentHash": hex(content),
            "salt": hex(salt),
            "commitment": hex(&submission_commitment(&task, &contributor, content, salt)),
        })
    })
    .collect()
}

/// Lots and seats from `merit::sortition`, for the TypeScript copy: the fallback seed,
/// whole seats, the fractional lottery on both sides of its edge, zero stake; and
/// `Stake::active_at` over stake histories built by the program's own `deposit` and
/// `remove_staked`.
fn sortition() -> Value {
    let k = |n: u8| seeded_keypair(1, n).pubkey();
    let (sub, val, task) = (k(20), k(21), k(22));
    let entropy = [6u8; 32];
    let seed = merit::sortition::fallback_seed(&task, &entropy);
    let lot = merit::sortition::lot(&seed, &sub, &val);
    let draw = json!({
        "owner": pk(&task), "entropy": bytes(&entropy), "fallbackSeed": bytes(&seed),
        "submission": pk(&sub), "validator": pk(&val), "lot": u64v(lot),
    });
    let mut seats = Vec::new();
    for (stake, total, committee, lot) in [
        (300u64, 400u64, 16u8, 0u64),
        (1, 4, 9, (1u64 << 62) - 1),
        (1, 4, 9, 1u64 << 62),
        (7 * TOKEN, 1_000_000 * TOKEN, 5, lot),
        (u64::MAX, u64::MAX, 16, u64::MAX),
        (0, 10, 9, 0),
    ] {
        seats.push(json!({
            "stake": u64v(stake), "total": u64v(total), "committee": committee,
            "lot": u64v(lot),
            "seats": u64v(merit::sortition::seats(stake, total, committee, lot)),
        }));
    }
    json!({ "draw": draw, "seats": seats, "activeAt": active_at_cases() })
}

/// A stake's changes: (epoch, +deposit or -removal).
type StakeScript = &'static [(u64, i64)];

/// `Stake::active_at` for each of a few histories at every (epoch, current) pair up to
/// epoch 8: a deposit warming up, a top-up, a removal mid-epoch, more changing epochs than
/// the history holds.
fn active_at_cases() -> Vec<Value> {
    const SCRIPTS: [StakeScript; 6] = [
        &[(3, 100)],
        // The audit's top-up: deposit(100, 1); deposit(10, 5); active_at(5, 6) is 100.
        &[(1, 100), (5, 10)],
        &[(1, 100), (4, 50)],
        &[(1, 100), (3, -40), (3, 30)],
        &[(0, 100), (2, 10), (4, 10), (6, -50), (7, 5)],
        &[(0, 100), (5, -100)],
    ];
    let rep = ConfigParams::defaults(6).rep();
    let mut out = Vec::new();
    for script in SCRIPTS {
        let mut stake = merit_client::Stake::new(Pubkey::default(), 0, 0, &rep);
        for &(epoch, change) in script {
            if change >= 0 {
                stake.deposit(change as u64, epoch).unwrap();
            } else {
                let amount = change.unsigned_abs();
                stake.remove_staked(amount, epoch);
                stake.unstaking += amount;
            }
        }
        let last = script.last().unwrap().0;
        let mut cases = Vec::new();
        for current in last..=8 {
            for epoch in 0..=current {
                cases.push(json!([
                    u64v(epoch),
                    u64v(current),
                    u64v(stake.active_at(epoch, current))
                ]));
            }
        }
        let history: Vec<Value> = stake.history[..usize::from(stake.history_len)]
            .iter()
            .map(|p| json!({"epoch": u64v(p.epoch), "activeStart": u64v(p.active_start), "activeMin": u64v(p.active_min)}))
            .collect();
        out.push(json!({
            "deposited": u64v(stake.deposited), "unstaking": u64v(stake.unstaking),
            "history": history, "historyFrom": u64v(stake.history_from),
            "cases": cases,
        }));
    }
    out
}

fn events() -> Vec<Value> {
    let k = |n: u8| seeded_keypair(1, n).pubkey();
    let created = TaskCreated {
        task: k(30),
        creator: k(31),
        id: 7,
        reward: 1_000 * TOKEN,
        bounty_lamports: 50_000,
        submission_deadline: 1_800_003_600,
        submission_reveal_deadline: 1_800_005_400,
        commit_deadline: 1_800_007_200,
        reveal_deadline: 1_800_010_800,
        submission_fee: TOKEN / 10,
        terms_hash: [4; 32],
        protocol_fee: 50 * TOKEN,
        emission_cap: 40 * TOKEN,
    };
    let revealed = VoteRevealed {
        submission: k(32),
        round: k(37),
        vote: k(33),
        validator: k(34),
        score: 77,
        weight: 42 * TOKEN,
    };
    let slashed = Slashed {
        kind: SlashKind::IncoherentVote,
        target: k(35),
        offender: k(36),
        amount: 5 * TOKEN,
        to_treasury: 4_500_000,
        to_slasher: 500_000,
        to_slasher_vesting: 200_000,
        from_vesting: 2 * TOKEN,
        slasher: k(37),
    };
    vec![
        json!({"name": "taskCreated", "data": b64(&created.data()), "fields": {
            "task": created.task.to_string(), "creator": created.creator.to_string(), "id": "7",
            "reward": created.reward.to_string(), "revealDeadline": "1800010800"}}),
        json!({"name": "voteRevealed", "data": b64(&revealed.data()), "fields": {
            "round": revealed.round.to_string(), "validator": revealed.validator.to_string(), "score": 77, "weight": revealed.weight.to_string()}}),
        json!({"name": "slashed", "data": b64(&slashed.data()), "fields": {
            "kind": "incoherentVote", "amount": "5000000", "toSlasher": "500000", "slasher": slashed.slasher.to_string()}}),
    ]
}

/// Runs a short real flow with seeded keys and returns each account's data and fields.
async fn accounts() -> (Vec<Value>, MeritClient, i64) {
    let mut net = Localnet::start(LocalnetOptions {
        key_seed: Some(42),
        ..LocalnetOptions::default()
    })
    .await
    .unwrap();
    let c = net.client;
    let user = |n: u8| seeded_keypair(2, n);
    let (creator, alice, val) = (user(1), user(2), user(3));
    for (who, tokens) in [
        (&creator, 2_000 * TOKEN),
        (&alice, 107 * TOKEN),
        (&val, 600 * TOKEN),
    ] {
        net.fund_user(&who.pubkey(), tokens).await.unwrap();
    }
    net.send(&[c.deposit_stake(alice.pubkey(), 100 * TOKEN)], &[&alice])
        .await
        .unwrap();
    // At the default bond a full committee bonds half the reward (500 tokens): the
    // validator, holding most seats, must be able to bond them.
    net.send(&[c.deposit_stake(val.pubkey(), 600 * TOKEN)], &[&val])
        .await
        .unwrap();
    // The deposits warm up during epoch 0; the task runs in epoch 1.
    net.close_epoch(&creator).await.unwrap();
    let now = net.now();
    let args = task_args(now);
    let task = pda::task(&creator.pubkey(), args.id);
    net.send(
        &[c.create_task(creator.pubkey(), args.clone())],
        &[&creator],
    )
    .await
    .unwrap();
    let terms = net
        .account::<merit_client::Task>(&task)
        .await
        .unwrap()
        .terms_hash;
    let work_salt = [8u8; 32];
    let work = submission_commitment(&task, &alice.pubkey(), &[5; 32], &work_salt);
    net.send(&[c.submit(alice.pubkey(), task, work, terms)], &[&alice])
        .await
        .unwrap();
    let sub = pda::submission(&task, &alice.pubkey());
    net.set_time(args.submission_deadline);
    net.send(
        &[c.reveal_submission(
            alice.pubkey(),
            task,
            [5; 32],
            work_salt,
            "ipfs://work".into(),
        )],
        &[&alice],
    )
    .await
    .unwrap();
    net.set_time(args.submission_reveal_deadline);
    net.draw_committee(&creator, &task).await.unwrap();
    let salt = [9u8; 32];
    let round = pda::round(&sub, 1);
    let commitment = vote_commitment(&round, &val.pubkey(), 88, &salt);
    net.send(
        &[c.commit_vote(val.pubkey(), task, sub, 1, commitment)],
        &[&val],
    )
    .await
    .unwrap();
    net.set_time(args.commit_deadline);
    net.send(
        &[c.reveal_vote(val.pubkey(), task, sub, 1, 88, salt)],
        &[&val],
    )
    .await
    .unwrap();
    net.set_time(args.reveal_deadline);
    net.send(
        &[c.finalize_submission(
            val.pubkey(),
            task,
            alice.pubkey(),
            1,
            Some([5; 32]),
            Some(1),
            false,
        )],
        &[&val],
    )
    .await
    .unwrap();

    let vote = pda::vote(&round, &val.pubkey());
    // The vote's weight is the seats the program's own rule draws for it.
    let weight = net
        .account::<merit_client::Vote>(&vote)
        .await
        .unwrap()
        .weight;
    let task_account: merit_client::Task = net.account(&task).await.unwrap();
    let round_account: merit_client::Round = net.account(&round).await.unwrap();
    let val_stake: merit_client::Stake = net.account(&pda::stake(&val.pubkey())).await.unwrap();
    assert_eq!(
        weight,
        merit_client::seats(
            &task_account,
            &round_account,
            &val.pubkey(),
            Some(&val_stake),
            1
        )
    );
    assert!(
        weight == 7 || weight == 8,
        "600 of 700 tokens x 9 seats = 7.71"
    );
    let mut out = Vec::new();
    // The offsets the clients' list queries filter on (`getProgramAccounts` memcmp), checked
    // against real account data: a layout change that moves an owner field fails here.
    /// (account kind, field, its offset, the field decoded from the account's data)
    type OwnerField = (&'static str, &'static str, usize, fn(&[u8]) -> Pubkey);
    let owner_fields: [OwnerField; 7] = [
        (
            "task",
            "creator",
            merit_client::offsets::TASK_CREATOR,
            |d| {
                merit_client::decode::<merit_client::Task>(d)
                    .unwrap()
                    .creator
            },
        ),
        (
            "submission",
            "task",
            merit_client::offsets::SUBMISSION_TASK,
            |d| {
                merit_client::decode::<merit_client::Submission>(d)
                    .unwrap()
                    .task
            },
        ),
        (
            "submission",
            "contributor",
            merit_client::offsets::SUBMISSION_CONTRIBUTOR,
            |d| {
                merit_client::decode::<merit_client::Submission>(d)
                    .unwrap()
                    .contributor
            },
        ),
        (
            "vote",
            "submission",
            merit_client::offsets::VOTE_SUBMISSION,
            |d| {
                merit_client::decode::<merit_client::Vote>(d)
                    .unwrap()
                    .submission
            },
        ),
        (
            "vote",
            "validator",
            merit_client::offsets::VOTE_VALIDATOR,
            |d| {
                merit_client::decode::<merit_client::Vote>(d)
                    .unwrap()
                    .validator
            },
        ),
        ("vote", "round", merit_client::offsets::VOTE_ROUND, |d| {
            merit_client::decode::<merit_client::Vote>(d).unwrap().round
        }),
        (
            "round",
            "submission",
            merit_client::offsets::ROUND_SUBMISSION,
            |d| {
                merit_client::decode::<merit_client::Round>(d)
                    .unwrap()
                    .submission
            },
        ),
    ];
    let mut offsets_checked = std::collections::BTreeSet::new();
    let mut push = |kind: &str, address: Pubkey, data: Vec<u8>, fields: Value| {
        for (k, field, offset, decoded) in owner_fields {
            if k == kind {
                let at = Pubkey::try_from(&data[offset..offset + 32]).unwrap();
                assert_eq!(at, decoded(&data), "{kind}.{field} at byte {offset}");
                offsets_checked.insert((k, field));
            }
        }
        out.push(json!({"kind": kind, "address": address.to_string(), "data": b64(&data), "fields": fields}));
    };
    let config = net.raw_account(&pda::config()).await.unwrap().data;
    push(
        "config",
        pda::config(),
        config,
        json!({
            "admin": net.admin.pubkey().to_string(),
            "stakeMint": c.stake_mint.to_string(),
            "paused": false,
            "currentEpoch": "1",
            "totalActiveStake": (700 * TOKEN).to_string(),
            "params.voteBondBps": ConfigParams::defaults(6).vote_bond_bps,
            "params.minValidatorStake": ConfigParams::defaults(6).min_validator_stake.to_string(),
        }),
    );
    let stake = net
        .raw_account(&pda::stake(&alice.pubkey()))
        .await
        .unwrap()
        .data;
    push(
        "stake",
        pda::stake(&alice.pubkey()),
        stake,
        json!({
            "owner": alice.pubkey().to_string(),
            "deposited": (100 * TOKEN).to_string(),
            "locked": (10 * TOKEN).to_string(),
            "reputation.scoreBps": 5_200,
            "reputation.accepted": 1,
            // One change (the epoch-0 deposit): active from epoch 1.
            "historyLen": 1,
            "history.0.epoch": "0",
            "history.0.activeStart": "0",
            "history.0.activeMin": "0",
            "historyFrom": "0",
        }),
    );
    let task_data = net.raw_account(&task).await.unwrap().data;
    push(
        "task",
        task,
        task_data,
        json!({
            "creator": creator.pubkey().to_string(),
            "id": "7",
            // Zero-copy: the URI is a fixed field, `uriLen` bytes of it (the SDK's `taskUri`).
            "uri": hex(&task_account.uri),
            "uriLen": "ipfs://spec".len(),
            "reward": (1_000 * TOKEN).to_string(),
            "state": "open",
            "finalizedCount": 1,
            "acceptedScoreSum": "88",
            "committeeSize": 9,
            "draw.drawn": true,
            "draw.epoch": "1",
            "draw.totalStake": (700 * TOKEN).to_string(),
            "termsHash": hex(&task_account.terms_hash),
            "fees": task_args(0).submission_fee.to_string(),
        }),
    );
    let sub_data = net.raw_account(&sub).await.unwrap().data;
    push(
        "submission",
        sub,
        sub_data,
        json!({
            "contributor": alice.pubkey().to_string(),
            "outcome": "accepted",
            "consensusScore": 88,
            "points": merit_client::merit::state::merit_points(task_account.submission_value(88).unwrap(), 9_000).unwrap().to_string(),
            "round": 1,
            "openRounds": 1,
            "commitment": hex(&work),
            "contentRevealed": true,
            "fee": task_args(0).submission_fee.to_string(),
        }),
    );
    let round_data = net.raw_account(&round).await.unwrap().data;
    push(
        "round",
        round,
        round_data,
        json!({
            "submission": sub.to_string(),
            "task": task.to_string(),
            "index": 1,
            "state": "decided",
            "consensus": 88,
            "consensusLow": 88,
            "consensusHigh": 88,
            "revealedCount": 1,
            "reveals.0.score": 88,
            "committedWeight": weight.to_string(),
        }),
    );
    let vote_data = net.raw_account(&vote).await.unwrap().data;
    push(
        "vote",
        vote,
        vote_data,
        json!({
            "validator": val.pubkey().to_string(),
            "round": round.to_string(),
            "roundIndex": 1,
            "commitment": hex(&commitment),
            "revealed": true,
            "score": 88,
            "weight": weight.to_string(),
        }),
    );
    let val_stake_data = net
        .raw_account(&pda::stake(&val.pubkey()))
        .await
        .unwrap()
        .data;
    push(
        "stake",
        pda::stake(&val.pubkey()),
        val_stake_data,
        json!({ "owner": val.pubkey().to_string(), "deposited": (600 * TOKEN).to_string() }),
    );
    let claim = pda::content_claim(&[5; 32]);
    let claim_data = net.raw_account(&claim).await.unwrap().data;
    push(
        "contentClaim",
        claim,
        claim_data,
        json!({
            "submission": sub.to_string(),
            "contributor": alice.pubkey().to_string(),
            "payer": alice.pubkey().to_string(),
            "refs": 0,
            "holderOutcome": "accepted",
            "paid": true,
        }),
    );
    let epoch_data = net.raw_account(&pda::epoch(1)).await.unwrap().data;
    push(
        "epoch",
        pda::epoch(1),
        epoch_data,
        json!({
            "index": "1",
            "closed": false,
            "contributorPoints": merit_client::merit::state::merit_points(task_account.submission_value(88).unwrap(), 9_000).unwrap().to_string(),
        }),
    );
    assert_eq!(
        offsets_checked.len(),
        owner_fields.len(),
        "{offsets_checked:?}"
    );
    (out, c, now)
}

/// The vote settlement rules (`Vote::slash_due`, `Vote::claim_check`) over every case a
/// client meets: the round open, failed or decided (on one score, or an exact split
/// between two), the vote absent, revealed or not, coherent, at the tolerance's edge or
/// past it (of either side of a split), slashed, claimed. Clients deciding what to slash or
/// claim must reproduce these.
fn vote_rules() -> Value {
    use anchor_lang::AnchorDeserialize;
    use merit::state::{Round, RoundState, Task, Vote};
    let zeros = vec![0u8; 4_096];
    let mut task = <Task as bytemuck::Zeroable>::zeroed();
    task.rules.coherence_tolerance = 15;
    task.rules.incoherence_slash_bps = 5_000;
    let state_name = |s: RoundState| format!("{s:?}").to_lowercase();
    let mut cases = Vec::new();
    let rounds = [
        (RoundState::Open, (0u8, 0u8, 0u8)),
        (RoundState::Failed, (0, 0, 0)),
        (RoundState::Decided, (50, 50, 50)),
        (RoundState::Decided, (50, 40, 60)),
    ];
    for (state, (consensus, low, high)) in rounds {
        for absent in [false, true] {
            for revealed in [false, true] {
                for slashed in [false, true] {
                    for claimed in [false, true] {
                        for score in [24u8, 25, 60, 65, 66, 75, 76] {
                            if absent && (revealed || !slashed || claimed) {
                                continue; // an absence record is slashed, never revealed or claimed
                            }
                            let mut round = <Round as bytemuck::Zeroable>::zeroed();
                            round.state = state;
                            round.consensus = consensus;
                            round.consensus_low = low;
                            round.consensus_high = high;
                            let mut vote = Vote::deserialize(&mut &zeros[..]).unwrap();
                            vote.absent = absent;
                            vote.revealed = revealed;
                            vote.slashed = slashed;
                            vote.claimed = claimed;
                            vote.score = score;
                            vote.bond = 1_000_001;
                            let slash = match vote.slash_due(&round, &task.rules).unwrap() {
                                None => Value::Null,
                                Some((kind, amount)) => json!({
                                    "kind": format!("{kind:?}"),
                                    "amount": amount.to_string(),
                                }),
                            };
                            let claim = match vote.claim_check(&round, &task.rules) {
                                Ok(paid) => json!({ "paid": paid }),
                                Err(anchor_lang::error::Error::AnchorError(e)) => {
                                    json!({ "error": e.error_name })
                                }
                                Err(e) => panic!("{e}"),
                            };
                            cases.push(json!({
                                "vote": {
                                    "absent": absent,
                                    "revealed": revealed,
                                    "slashed": slashed,
                                    "claimed": claimed,
                                    "score": score,
                                    "bond": vote.bond.to_string(),
                                },
                                "round": {
                                    "state": state_name(state),
                                    "consensus": consensus,
                                    "consensusLow": low,
                                    "consensusHigh": high,
                                },
                                "slashDue": slash,
                                "claim": claim,
                            }));
                        }
                    }
                }
            }
        }
    }
    json!({
        "rules": { "coherenceTolerance": 15, "incoherenceSlashBps": 5_000 },
        "cases": cases,
    })
}

/// The stake-weighted median (`round::weighted_median`) over reveals with and without an
/// exact split, equal and unequal weights: the SDK's `weightedMedian` must agree.
fn medians() -> Value {
    use merit::state::{weighted_median, RevealedVote};
    let sets: [&[(u32, u8)]; 7] = [
        &[],
        &[(1, 70)],
        &[(1, 40), (1, 60)],
        &[(2, 40), (1, 60), (1, 90)],
        &[(3, 10), (1, 20), (2, 30)],
        &[(1, 0), (1, 100), (1, 50), (1, 51)],
        &[(5, 99), (5, 1)],
    ];
    sets.iter()
        .map(|set| {
            let votes: Vec<RevealedVote> = set.iter().map(|&(w, s)| RevealedVote::new(w, s, 10_000)).collect();
            let median = weighted_median(&votes).unwrap().map(|c| json!({"score": c.score, "low": c.low, "high": c.high}));
            json!({ "votes": set.iter().map(|&(w, s)| json!([w, s])).collect::<Vec<_>>(), "median": median })
        })
        .collect()
}

/// `Submission::claim_check` over every outcome, claimed or not, its task final or not:
/// what a client's "what can I claim" must reproduce.
/// `ConfigParams::task_defaults` for configs whose caps bind and do not, at rewards whose
/// squatting floor is below, at and far above the minimum fee: the SDK's `taskDefaults`
/// must give the same terms.
fn task_defaults() -> Value {
    let base = ConfigParams::defaults(6);
    let tight = ConfigParams {
        max_committee_size: 7,
        max_quorum_bps: 2_500,
        max_accept_threshold: 55,
        max_reject_threshold: 20,
        max_submissions_per_task: 9,
        min_submission_bond: 3,
        min_submission_fee: 2,
        ..base
    };
    let mut cases = Vec::new();
    for params in [base, tight] {
        for (committee, reward) in [
            (None, 1_000 * TOKEN),
            (Some(1), 1),
            (Some(2), 0),
            (Some(5), 40 * TOKEN),
            (Some(16), 1_000_000 * TOKEN),
            (None, u64::MAX),
        ] {
            let d = params.task_defaults(committee, reward);
            cases.push(json!({
                "params": params_json(&params),
                "committee": committee,
                "reward": u64v(reward),
                "defaults": {
                    "submitSecs": d.submit_secs,
                    "revealWorkSecs": d.reveal_work_secs,
                    "commitSecs": d.commit_secs,
                    "revealSecs": d.reveal_secs,
                    "committeeSize": d.committee_size,
                    "quorumSeats": d.quorum_seats,
                    "acceptThreshold": d.accept_threshold,
                    "rejectThreshold": d.reject_threshold,
                    "validatorShareBps": d.validator_share_bps,
                    "maxSubmissions": d.max_submissions,
                    "bond": u64v(d.bond),
                    "submissionFee": u64v(d.submission_fee),
                },
            }));
        }
    }
    Value::Array(cases)
}

/// What an emission claim does: `Submission::emission_claim_check` or
/// `Vote::emission_claim_check`, then `Epoch::claim` (on a copy), the way the CLI and the
/// program decide; the SDK's `submissionEmissionClaim`/`voteEmissionClaim` must agree.
fn emission_rules() -> Value {
    use anchor_lang::AnchorDeserialize;
    use merit::state::{Epoch, Outcome, Side, Submission, Vote};
    let zeros = vec![0u8; 4_096];
    let name = |r: anchor_lang::Result<()>| match r {
        Ok(()) => json!({ "ok": true }),
        Err(anchor_lang::error::Error::AnchorError(e)) => json!({ "error": e.error_name }),
        Err(e) => panic!("{e}"),
    };
    let mut cases = Vec::new();
    for side in ["submission", "vote"] {
        // For a submission `done` is "finalized"; for a vote, "claimed" (its points fixed).
        for done in [false, true] {
            for emission_claimed in [false, true] {
                for points in [0u64, 7] {
                    for (closed, expired) in [(false, false), (true, false), (true, true)] {
                        let mut epoch = Epoch::deserialize(&mut &zeros[..]).unwrap();
                        epoch.closed = closed;
                        epoch.expired = expired;
                        epoch.end = 60;
                        epoch.contributor_emission = 1_000;
                        epoch.validator_emission = 1_000;
                        epoch.contributor_points = 10;
                        epoch.validator_points = 10;
                        let check = if side == "submission" {
                            let mut sub = Submission::deserialize(&mut &zeros[..]).unwrap();
                            sub.outcome = if done {
                                Outcome::Accepted
                            } else {
                                Outcome::Pending
                            };
                            sub.emission_claimed = emission_claimed;
                            sub.emission_claim_check()
                                .and_then(|()| epoch.claim(Side::Contributor, points).map(|_| ()))
                        } else {
                            let mut vote = Vote::deserialize(&mut &zeros[..]).unwrap();
                            vote.claimed = done;
                            vote.emission_claimed = emission_claimed;
                            vote.emission_claim_check()
                                .and_then(|()| epoch.claim(Side::Validator, points).map(|_| ()))
                        };
                        cases.push(json!({
                            "side": side,
                            "done": done,
                            "emissionClaimed": emission_claimed,
                            "points": points,
                            "epochClosed": closed,
                            "epochExpired": expired,
                            "claim": name(check),
                        }));
                    }
                }
            }
        }
    }
    Value::Array(cases)
}

fn submission_rules() -> Value {
    use anchor_lang::AnchorDeserialize;
    use merit::state::{Outcome, Submission, Task, TaskState};
    let zeros = vec![0u8; 4_096];
    let mut cases = Vec::new();
    for outcome in [
        Outcome::Pending,
        Outcome::Accepted,
        Outcome::Neutral,
        Outcome::Rejected,
        Outcome::NoQuorum,
        Outcome::Duplicate,
        Outcome::Unrevealed,
    ] {
        for claimed in [false, true] {
            for finalized in [false, true] {
                let mut task = <Task as bytemuck::Zeroable>::zeroed();
                task.state = if finalized {
                    TaskState::Finalized
                } else {
                    TaskState::Open
                };
                let mut sub = Submission::deserialize(&mut &zeros[..]).unwrap();
                sub.outcome = outcome;
                sub.claimed = claimed;
                let claim = match sub.claim_check(&task) {
                    Ok(()) => json!({ "ok": true }),
                    Err(anchor_lang::error::Error::AnchorError(e)) => {
                        json!({ "error": e.error_name })
                    }
                    Err(e) => panic!("{e}"),
                };
                let name = format!("{outcome:?}");
                let mut chars = name.chars();
                let first = chars.next().unwrap().to_ascii_lowercase();
                cases.push(json!({
                    "outcome": std::iter::once(first).chain(chars).collect::<String>(),
                    "claimed": claimed,
                    "taskFinalized": finalized,
                    "claim": claim,
                }));
            }
        }
    }
    Value::Array(cases)
}

/// `Task::phase` at every deadline and a second either side of it, and once finalized:
/// the phase names the SDK's `taskPhase` returns for the same task and time.
fn task_phases() -> Value {
    use merit::state::{Task, TaskState};
    let mut task = <Task as bytemuck::Zeroable>::zeroed();
    task.submission_deadline = 1_000;
    task.submission_reveal_deadline = 1_600;
    task.commit_deadline = 5_200;
    task.reveal_deadline = 8_800;
    let name = |t: &Task, now: i64| {
        let phase = format!("{:?}", t.phase(now));
        let mut chars = phase.chars();
        let first = chars.next().unwrap().to_ascii_lowercase();
        std::iter::once(first).chain(chars).collect::<String>()
    };
    let mut cases = Vec::new();
    for state in [TaskState::Open, TaskState::Finalized] {
        task.state = state;
        for deadline in [1_000i64, 1_600, 5_200, 8_800] {
            for now in [deadline - 1, deadline, deadline + 1] {
                cases.push(json!({
                    "finalized": state == TaskState::Finalized,
                    "now": now,
                    "phase": name(&task, now),
                }));
            }
        }
    }
    json!({
        "deadlines": {
            "submission": 1_000,
            "submissionReveal": 1_600,
            "commit": 5_200,
            "reveal": 8_800,
        },
        "cases": cases,
    })
}

/// A task's phase on its own clock (`Task::clock`, then `Task::phase`) under pauses: none, one
/// in force, one that ran out past `MAX_PAUSE_SECS`, earlier pauses before and after the
/// task was posted. The SDK's `taskPhase(task, now, config)` must agree.
fn paused_task_phases() -> Vec<Value> {
    use merit::constants::MAX_PAUSE_SECS;
    use merit::state::{PauseRecord, Task};
    let mut task = <Task as bytemuck::Zeroable>::zeroed();
    task.submission_deadline = 1_000;
    task.submission_reveal_deadline = 1_600;
    task.commit_deadline = 5_200;
    task.reveal_deadline = 8_800;
    let mut out = Vec::new();
    for paused_base in [0i64, 100] {
        task.paused_base = paused_base;
        for (paused, paused_at, total) in [
            (false, 0i64, 0i64),
            (false, 0, 300),
            (true, 900, 100),
            (true, 500, 0),
            (true, 0, 100),
        ] {
            let pause = PauseRecord {
                paused,
                paused_at,
                paused_total_secs: total,
                last_pause_end: 0,
            };
            for now in [
                999i64,
                1_000,
                1_150,
                1_700,
                5_299,
                MAX_PAUSE_SECS + 900,
                MAX_PAUSE_SECS + 9_000,
            ] {
                let Ok(at) = task.clock(pause, now) else {
                    continue;
                };
                let phase = format!("{:?}", task.phase(at));
                let mut c = phase.chars();
                let first = c.next().unwrap().to_ascii_lowercase();
                out.push(json!({
                    "pausedBase": i64v(paused_base),
                    "paused": paused,
                    "pausedAt": i64v(paused_at),
                    "pausedTotalSecs": i64v(total),
                    "now": now,
                    "phase": std::iter::once(first).chain(c).collect::<String>(),
                }));
            }
        }
    }
    out
}

/// `Task::default_id` at the edges: no live task, live ids below, at and above the
/// clock's ids, a clock before 1970, and the largest id.
fn default_task_ids() -> Vec<Value> {
    let mut out = Vec::new();
    for highest in [
        None,
        Some(0),
        Some(7),
        Some(1_800_000_000u64 << 16),
        Some(u64::MAX),
    ] {
        for now in [-5i64, 0, 1, 1_800_000_000] {
            out.push(json!({
                "highestLive": highest.map(u64v),
                "now": i64v(now),
                "id": u64v(merit::state::Task::default_id(highest, now)),
            }));
        }
    }
    out
}

/// `Vesting::withdrawable` before, at, inside and after a vesting window, with and
/// without unlocked tokens, where the floor pays nothing yet and where it pays.
fn vesting_withdrawable() -> Vec<Value> {
    let mut out = Vec::new();
    for (unlocked, unvested) in [
        (0u64, 0u64),
        (0, 1_000),
        (5, 1_000),
        (0, 7),
        (3, u64::MAX / 4),
    ] {
        let (from, until) = (1_000i64, 4_600i64);
        for now in [0i64, 999, 1_000, 1_001, 1_004, 2_800, 4_599, 4_600, 9_999] {
            let mut v = merit::state::Vesting::new(Pubkey::default(), 255);
            v.unlocked = unlocked;
            v.unvested = unvested;
            v.vest_from = from;
            v.vest_until = until;
            out.push(json!({
                "unlocked": u64v(unlocked),
                "unvested": u64v(unvested),
                "vestFrom": i64v(from),
                "vestUntil": i64v(until),
                "now": i64v(now),
                "withdrawable": u64v(v.withdrawable(now).unwrap()),
            }));
        }
    }
    out
}

/// `Round::vote_points`: the merit points `claim_vote` records for a coherent vote (its
/// share of the submission's validator slice times its multiplier), over rewards, shares,
/// submission counts, weights and multipliers, at the edges of every floor. The SDK's
/// `votePoints` must reproduce them to predict a vote's emission in the same call.
fn vote_points() -> Vec<Value> {
    use merit::state::{Round, Task};
    let mut out = Vec::new();
    for (reward, share_bps, count) in [
        (1u64, 10_000u16, 1u16),
        (999, 3_000, 3),
        (1_000_000, 2_500, 1),
        (7_777_777, 3_333, 7),
        (u64::MAX / 3, 5_000, 16),
    ] {
        for (weight, coherent) in [(1u64, 1u64), (1, 3), (2, 3), (5, 16), (16, 16), (3, 32)] {
            for multiplier in [0u16, 1, 5_000, 10_000, 15_000, 20_000] {
                let mut task = <Task as bytemuck::Zeroable>::zeroed();
                task.reward = reward;
                task.validator_share_bps = share_bps;
                task.submission_count = count;
                let mut round = <Round as bytemuck::Zeroable>::zeroed();
                round.coherent_weight = coherent;
                out.push(json!({
                    "reward": u64v(reward),
                    "validatorShareBps": share_bps,
                    "submissionCount": count,
                    "weight": u64v(weight),
                    "coherentWeight": u64v(coherent),
                    "multiplierBps": multiplier,
                    "points": u64v(round.vote_points(&task, weight, multiplier).unwrap()),
                }));
            }
        }
    }
    out
}

#[tokio::test]
async fn write_cross_language_vectors() {
    let (accounts, client, now) = accounts().await;
    let doc = json!({
        "programId": merit::ID.to_string(),
        "deployment": {
            "stakeMint": client.stake_mint.to_string(),
            "tokenProgram": client.token_program.to_string(),
        },
        "pdas": pdas(),
        "commitments": commitments(),
        "submissionCommitments": submission_commitments(),
        "sortition": sortition(),
        "instructions": instructions(&client, now),
        "accounts": accounts,
        "events": events(),
        "voteRules": vote_rules(),
        "medians": medians(),
        "taskPhases": task_phases(),
        "pausedTaskPhases": paused_task_phases(),
        "submissionRules": submission_rules(),
        "taskDefaults": task_defaults(),
        "emissionRules": emission_rules(),
        "defaultTaskIds": default_task_ids(),
        "vestingWithdrawable": vesting_withdrawable(),
        "votePoints": vote_points(),
    });
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/test/vectors.json");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let text = serde_json::to_string_pretty(&doc).unwrap() + "\n";
    std::fs::write(&path, &text).unwrap();
    // Regenerating must reproduce the same bytes.
    assert_eq!(
        serde_json::to_string_pretty(&json!({"instructions": instructions(&client, now)})).unwrap(),
        serde_json::to_string_pretty(&json!({"instructions": doc["instructions"]})).unwrap()
    );
}
