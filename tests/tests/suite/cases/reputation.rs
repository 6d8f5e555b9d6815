//! Reputation: updated once per settled outcome in proportion to the value at stake in
//! it, starting below neutral for new keys, decaying toward that start when idle, gating
//! and weighting.
use merit_client::{Reputation, Stake};
use merit_tests::*;

/// What `record` does to `score` for a step of `step_bps` (the program's EMA).
fn up(score: u16, step_bps: u16) -> u16 {
    score + ((u64::from(10_000 - score) * u64::from(step_bps)) / 10_000) as u16
}
fn down(score: u16, step_bps: u16) -> u16 {
    score - (u64::from(score) * u64::from(step_bps)).div_ceil(10_000) as u16
}

const DAY: i64 = 24 * 3600;

async fn context() -> TestContext {
    TestContext::with_options(LocalnetOptions {
        params: Some(ConfigParams {
            epoch_length_secs: DAY,
            ..suite_params()
        }),
        ..LocalnetOptions::default()
    })
    .await
}

async fn score(t: &mut TestContext, who: &Keypair) -> u16 {
    t.stake(&who.pubkey()).await.reputation.score_bps
}

#[tokio::test]
async fn every_settled_outcome_moves_reputation_exactly_once() {
    let mut t = context().await;
    let (creator, keeper) = (t.actor(2_000 * TOKEN).await, t.actor(0).await);
    let good = t.staker(100 * TOKEN, 0).await;
    let bad = t.staker(100 * TOKEN, 0).await;
    let meh = t.staker(100 * TOKEN, 0).await;
    let v1 = t.validator(200 * TOKEN, 0).await;
    let v2 = t.validator(200 * TOKEN, 0).await;
    let lazy = t.validator(200 * TOKEN, 0).await;
    let odd = t.validator(100 * TOKEN, 0).await;
    let args = t.task_args();
    let task = t.create_task(&creator, args).await;
    let subs = [
        t.submit(&good, task, 1).await,
        t.submit(&bad, task, 2).await,
        t.submit(&meh, task, 3).await,
    ];
    let scores = [90u8, 10, 45];
    t.to_commit_phase(&task).await;
    for (sub, s) in subs.iter().zip(scores) {
        for v in [&v1, &v2, &lazy] {
            t.try_commit(v, task, *sub, s).await.unwrap();
        }
    }
    t.try_commit(&odd, task, subs[0], 5).await.unwrap();
    t.to_reveal_phase(&task).await;
    for (sub, s) in subs.iter().zip(scores) {
        for v in [&v1, &v2] {
            t.try_reveal(v, task, *sub, s).await.unwrap();
        }
    }
    t.try_reveal(&odd, task, subs[0], 5).await.unwrap();
    t.to_finalize_phase(&task).await;
    for sub in &subs {
        t.finalize_submission(&keeper, task, *sub).await.unwrap();
    }
    // New keys start at 4,000; each submission's slot (800/3 tokens) is worth more than
    // `reputation_value_unit` (100 tokens): the full 20% step.
    assert_eq!(score(&mut t, &good).await, 5_200);
    assert_eq!(score(&mut t, &bad).await, 3_200);
    assert_eq!(score(&mut t, &meh).await, 4_000);
    let meh_rep = t.stake(&meh.pubkey()).await.reputation;
    assert_eq!(
        (meh_rep.neutral, meh_rep.accepted, meh_rep.rejected),
        (1, 0, 0)
    );

    // The rejected contributor is slashed: counted, not punished twice.
    t.slash_submission(&keeper, task, &bad.pubkey())
        .await
        .unwrap();
    let rep = t.stake(&bad.pubkey()).await.reputation;
    assert_eq!((rep.score_bps, rep.rejected, rep.slashed), (3_200, 1, 1));
    assert_fails(t.slash_submission(&keeper, task, &bad.pubkey()).await);
    assert_eq!(t.stake(&bad.pubkey()).await.reputation, rep);

    // Coherent votes move the validator up once each, at claim, by a step in proportion
    // to what the vote is paid (its share of a 66-token slice: below the 100-token unit).
    let state = t.task(&task).await;
    let params = state.rules.rep();
    let step = |t: &merit_client::Task, w: u64, coherent: u64| {
        Reputation::step_bps(&params, t.vote_value(w, coherent).unwrap()).unwrap()
    };
    let (s0, s1) = (
        t.current_round(&subs[0]).await,
        t.current_round(&subs[1]).await,
    );
    let w = t.vote(&subs[0], &v1.pubkey()).await.weight;
    let first = up(4_000, step(&state, w, s0.coherent_weight));
    assert!(
        first > 4_000 && first < 5_200,
        "a part of the full step: {first}"
    );
    t.claim_vote(&v1, task, subs[0]).await.unwrap();
    assert_eq!(score(&mut t, &v1).await, first);
    assert_fails(t.claim_vote(&v1, task, subs[0]).await);
    assert_eq!(score(&mut t, &v1).await, first);
    let w = t.vote(&subs[1], &v1.pubkey()).await.weight;
    t.claim_vote(&v1, task, subs[1]).await.unwrap();
    assert_eq!(
        score(&mut t, &v1).await,
        up(first, step(&state, w, s1.coherent_weight))
    );
    assert_eq!(t.stake(&v1.pubkey()).await.reputation.coherent, 2);

    // Missing reveals move the lazy validator down, once per vote.
    for sub in &subs {
        t.slash_vote(&keeper, task, *sub, &lazy.pubkey())
            .await
            .unwrap();
    }
    let rep = t.stake(&lazy.pubkey()).await.reputation;
    assert_eq!((rep.missed_reveals, rep.slashed), (3, 3));
    let mut expected = 4_000;
    for sub in &subs {
        let w = t.vote(sub, &lazy.pubkey()).await.weight;
        let value = state.seat_value(w).unwrap();
        expected = down(expected, Reputation::step_bps(&params, value).unwrap());
    }
    assert_eq!(rep.score_bps, expected);
    assert!(expected < 4_000);

    // The incoherent vote is punished at its slash; its claim then changes nothing.
    t.slash_vote(&keeper, task, subs[0], &odd.pubkey())
        .await
        .unwrap();
    let rep = t.stake(&odd.pubkey()).await.reputation;
    let w = t.vote(&subs[0], &odd.pubkey()).await.weight;
    let odd_step = Reputation::step_bps(&params, state.seat_value(w).unwrap()).unwrap();
    assert_eq!((rep.score_bps, rep.incoherent), (down(4_000, odd_step), 1));
    t.claim_vote(&odd, task, subs[0]).await.unwrap();
    assert_eq!(t.stake(&odd.pubkey()).await.reputation, rep);
}

#[tokio::test]
async fn reputation_decays_toward_a_new_keys_start_after_idle_epochs() {
    let mut t = context().await;
    let (creator, keeper) = (t.actor(5_000 * TOKEN).await, t.actor(0).await);
    let alice = t.staker(100 * TOKEN, 0).await;
    let val = t.validator(200 * TOKEN, 0).await;
    t.judge_task(&creator, &keeper, &[(&alice, Some(90))], &[&val])
        .await;
    assert_eq!(score(&mut t, &alice).await, 5_200);
    // Epochs 1 and 2 pass with nothing from alice; now it is epoch 3.
    for _ in 0..3 {
        t.close_epoch(&keeper).await;
    }
    assert_eq!(t.config().await.current_epoch, 3);
    let stored = t.stake(&alice.pubkey()).await.reputation;
    assert_eq!(stored.score_bps, 5_200, "decay is lazy");
    // Two idle epochs at 10%: 1,200 above the start keeps 81% of its height.
    assert_eq!(stored.score_at(3, 1_000, 4_000).unwrap(), 4_972);

    // A gate at 5,000 sees the decayed 4,972.
    let mut args = t.task_args();
    args.min_reputation_submit = 5_000;
    let gated = t.create_task(&creator, args).await;
    assert_merit_err(
        t.try_submit(&alice, gated, [42; 32]).await,
        MeritError::ReputationTooLow,
    );

    // Touching it applies the decay first: 4,972 then 20% toward 10,000.
    t.judge_task(&creator, &keeper, &[(&alice, Some(90))], &[&val])
        .await;
    assert_eq!(score(&mut t, &alice).await, up(4_972, 2_000));
}

#[tokio::test]
async fn gates_reject_low_reputation_contributors_and_validators() {
    let mut t = context().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let val = t.validator(100 * TOKEN, 0).await;
    // A new key starts below neutral: a neutral gate already stops it.
    let mut args = t.task_args();
    args.min_reputation_submit = 5_000;
    let strict = t.create_task(&creator, args).await;
    assert_merit_err(
        t.try_submit(&alice, strict, [1; 32]).await,
        MeritError::ReputationTooLow,
    );

    // A validator with a bad record (fixture: its score written as 3,999) against the
    // highest vote gate a task may set: the score new keys start at, 4,000.
    let key = pda::stake(&val.pubkey());
    let mut record: merit_client::Stake = t.net.account(&key).await.unwrap();
    record.reputation.score_bps = 3_999;
    t.net.write_account(&key, &record).await;
    let mut args = t.task_args();
    args.min_reputation_submit = 4_000;
    args.min_reputation_vote = 4_000;
    let task = t.create_task(&creator, args).await;
    let sub = t.submit(&alice, task, 2).await;
    t.to_commit_phase(&task).await;
    assert_merit_err(
        t.try_commit(&val, task, sub, 80).await,
        MeritError::ReputationTooLow,
    );
    assert!(!t.exists(&pda::vote_in(&sub, 1, &val.pubkey())).await);

    // A gate above where new keys start would shut out every fresh or idle validator (and
    // leave the task to keys its creator primed): refused.
    let mut args = t.task_args();
    args.min_reputation_vote = 4_001;
    assert_merit_err(
        t.try_create_task(&creator, args).await,
        MeritError::InvalidReputation,
    );
}

#[tokio::test]
async fn reputation_multiplier_scales_merit_points() {
    let mut t = context().await;
    let (creator, keeper) = (t.actor(5_000 * TOKEN).await, t.actor(0).await);
    let alice = t.staker(100 * TOKEN, 0).await;
    let val = t.validator(1_000 * TOKEN, 0).await;
    t.judge_task(&creator, &keeper, &[(&alice, Some(90))], &[&val])
        .await;
    let (task, subs) = t
        .judge_task(&creator, &keeper, &[(&alice, Some(80))], &[&val])
        .await;
    // Alice was at 5,200 (1.02x) when her second submission was finalized: her points are
    // the value the creator put up for it (its share of the contributor pool at score 80)
    // times 1.02.
    let value = t.task(&task).await.submission_value(80).unwrap();
    assert_eq!(value, 640 * TOKEN);
    assert_eq!(t.submission(&subs[0]).await.points, value * 102 / 100);
    // The validator had claimed nothing yet: still at a new key's 4,000 (0.9x) at reveal.
    assert_eq!(t.vote(&subs[0], &val.pubkey()).await.multiplier_bps, 9_000);
}

#[tokio::test]
async fn farming_reputation_with_worthless_tasks_moves_nothing() {
    let mut t = context().await;
    let keeper = t.actor(0).await;
    let farmer = t.actor(100 * TOKEN).await;
    let puppet = t.staker(100 * TOKEN, 0).await;
    let judge = t.validator(1_000 * TOKEN, 0).await;
    let start = t.config().await.params.reputation_start_bps;
    assert!(start < 5_000, "new keys start below neutral");
    assert_eq!(score(&mut t, &puppet).await, start);
    // Twenty self-dealt 1-unit tasks, each accepted and coherently judged.
    for _ in 0..20 {
        let mut args = t.task_args();
        args.reward = 1;
        let task = t.create_task(&farmer, args).await;
        let sub = t.submit(&puppet, task, 1).await;
        t.to_commit_phase(&task).await;
        t.try_commit(&judge, task, sub, 100).await.unwrap();
        t.to_reveal_phase(&task).await;
        t.try_reveal(&judge, task, sub, 100).await.unwrap();
        t.to_finalize_phase(&task).await;
        let current = t.config().await.current_epoch;
        if t.now() >= t.epoch(current).await.end {
            t.advance_epoch(&keeper).await.unwrap();
        }
        t.finalize_submission(&keeper, task, sub).await.unwrap();
        t.finalize_task(&keeper, task).await.unwrap();
        t.claim_vote(&judge, task, sub).await.unwrap();
        t.claim_submission(&puppet, task).await.unwrap();
    }
    let puppet_rep: Stake = t.stake(&puppet.pubkey()).await;
    assert_eq!(puppet_rep.reputation.accepted, 20);
    assert_eq!(
        puppet_rep.reputation.score_bps, start,
        "20 worthless accepts moved nothing"
    );
    let judge_rep = t.stake(&judge.pubkey()).await.reputation;
    assert_eq!(judge_rep.coherent, 20);
    assert_eq!(judge_rep.score_bps, start);
}
