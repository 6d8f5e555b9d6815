//! Reputation: updated once per settled outcome, decaying when idle, gating and weighting.
use merit_tests::*;

const DAY: i64 = 24 * 3600;

async fn context() -> TestContext {
    TestContext::with_options(LocalnetOptions {
        params: Some(ConfigParams {
            epoch_length_secs: DAY,
            ..ConfigParams::defaults(6)
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
    assert_eq!(score(&mut t, &good).await, 6_000);
    assert_eq!(score(&mut t, &bad).await, 4_000);
    assert_eq!(score(&mut t, &meh).await, 5_000);
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
    assert_eq!((rep.score_bps, rep.rejected, rep.slashed), (4_000, 1, 1));
    assert_fails(t.slash_submission(&keeper, task, &bad.pubkey()).await);
    assert_eq!(t.stake(&bad.pubkey()).await.reputation, rep);

    // Coherent votes move the validator up once each, at claim.
    t.claim_vote(&v1, task, subs[0]).await.unwrap();
    assert_eq!(score(&mut t, &v1).await, 6_000);
    assert_fails(t.claim_vote(&v1, task, subs[0]).await);
    assert_eq!(score(&mut t, &v1).await, 6_000);
    t.claim_vote(&v1, task, subs[1]).await.unwrap();
    assert_eq!(score(&mut t, &v1).await, 6_800);
    assert_eq!(t.stake(&v1.pubkey()).await.reputation.coherent, 2);

    // Missing reveals move the lazy validator down, once per vote.
    for sub in &subs {
        t.slash_vote(&keeper, task, *sub, &lazy.pubkey())
            .await
            .unwrap();
    }
    let rep = t.stake(&lazy.pubkey()).await.reputation;
    assert_eq!((rep.missed_reveals, rep.slashed), (3, 3));
    assert_eq!(rep.score_bps, 2_560);

    // The incoherent vote is punished at its slash; its claim then changes nothing.
    t.slash_vote(&keeper, task, subs[0], &odd.pubkey())
        .await
        .unwrap();
    let rep = t.stake(&odd.pubkey()).await.reputation;
    assert_eq!((rep.score_bps, rep.incoherent), (4_000, 1));
    t.claim_vote(&odd, task, subs[0]).await.unwrap();
    assert_eq!(t.stake(&odd.pubkey()).await.reputation, rep);
}

#[tokio::test]
async fn reputation_decays_toward_neutral_after_idle_epochs() {
    let mut t = context().await;
    let (creator, keeper) = (t.actor(5_000 * TOKEN).await, t.actor(0).await);
    let alice = t.staker(100 * TOKEN, 0).await;
    let val = t.validator(200 * TOKEN, 0).await;
    t.judge_task(&creator, &keeper, &[(&alice, Some(90))], &[&val])
        .await;
    assert_eq!(score(&mut t, &alice).await, 6_000);
    // Epochs 1 and 2 pass with nothing from alice; now it is epoch 3.
    for _ in 0..3 {
        t.close_epoch(&keeper).await;
    }
    assert_eq!(t.config().await.current_epoch, 3);
    let stored = t.stake(&alice.pubkey()).await.reputation;
    assert_eq!(stored.score_bps, 6_000, "decay is lazy");
    assert_eq!(stored.score_at(3, 1_000).unwrap(), 5_810);

    // A gate at 5,900 sees the decayed 5,810.
    let mut args = t.task_args();
    args.min_reputation_submit = 5_900;
    let gated = t.create_task(&creator, args).await;
    assert_merit_err(
        t.try_submit(&alice, gated, [42; 32]).await,
        MeritError::ReputationTooLow,
    );

    // Touching it applies the decay first: 5,810 then 20% toward 10,000.
    t.judge_task(&creator, &keeper, &[(&alice, Some(90))], &[&val])
        .await;
    assert_eq!(score(&mut t, &alice).await, 5_810 + (10_000 - 5_810) / 5);
}

#[tokio::test]
async fn gates_reject_low_reputation_contributors_and_validators() {
    let mut t = context().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let val = t.validator(100 * TOKEN, 0).await;
    let mut args = t.task_args();
    args.min_reputation_submit = 5_001;
    let strict = t.create_task(&creator, args).await;
    assert_merit_err(
        t.try_submit(&alice, strict, [1; 32]).await,
        MeritError::ReputationTooLow,
    );

    // A validator with a bad record (fixture: its score written as 4,000) against the
    // highest vote gate a task may set, neutral 5,000.
    let key = pda::stake(&val.pubkey());
    let mut record: merit_client::Stake = t.net.account(&key).await.unwrap();
    record.reputation.score_bps = 4_000;
    t.net.write_account(&key, &record).await;
    let mut args = t.task_args();
    args.min_reputation_submit = 5_000;
    args.min_reputation_vote = 5_000;
    let task = t.create_task(&creator, args).await;
    let sub = t.submit(&alice, task, 2).await;
    t.to_commit_phase(&task).await;
    assert_merit_err(
        t.try_commit(&val, task, sub, 80).await,
        MeritError::ReputationTooLow,
    );
    assert!(!t.exists(&pda::vote(&sub, &val.pubkey())).await);

    let mut args = t.task_args();
    args.min_reputation_vote = 5_001;
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
    // Alice was at 6,000 (1.1x) when her second submission was finalized: her points are
    // the value the creator put up for it (its share of the contributor pool at score 80)
    // times 1.1.
    let value = t.task(&task).await.submission_value(80).unwrap();
    assert_eq!(value, 640 * TOKEN);
    assert_eq!(t.submission(&subs[0]).await.points, value * 11 / 10);
    // The validator had claimed nothing yet: still neutral (1.0x) at its reveal.
    assert_eq!(t.vote(&subs[0], &val.pubkey()).await.multiplier_bps, 10_000);
}
