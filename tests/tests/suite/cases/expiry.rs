//! Unclaimed rewards and emissions expire after the claim window, so nothing is locked
//! forever: the task's creator takes back what was never claimed, the emission vault
//! what an epoch's claimants left, and late claimants still get their bonds back.
use merit_tests::*;

const DAY: i64 = 24 * 3_600;

async fn context() -> TestContext {
    TestContext::with_options(LocalnetOptions {
        params: Some(ConfigParams {
            epoch_length_secs: DAY,
            initial_emission: 100 * TOKEN,
            ..suite_params()
        }),
        ..LocalnetOptions::default()
    })
    .await
}

#[tokio::test]
async fn unclaimed_task_rewards_return_to_the_creator_after_the_claim_window() {
    let mut t = context().await;
    let (creator, keeper) = (t.actor(2_000 * TOKEN).await, t.actor(0).await);
    let alice = t.staker(100 * TOKEN, 0).await;
    let val = t.validator(200 * TOKEN, 0).await;
    let (task, subs) = t
        .judge_task(&creator, &keeper, &[(&alice, Some(90))], &[&val])
        .await;
    let state = t.task(&task).await;
    let window = state.rules.claim_window_secs;
    assert_eq!(window, 180 * DAY);
    let owed = state.contributor_liability + state.validator_liability;
    assert_eq!(owed, 1_000 * TOKEN + FEE);
    // Not before the window has passed, to the second.
    t.set_time(state.finalized_at + window - 1);
    let ix = t.client().expire_task(keeper.pubkey(), task);
    assert_merit_err(
        t.send(std::slice::from_ref(&ix), &[&keeper]).await,
        MeritError::ClaimWindowOpen,
    );
    t.set_time(state.finalized_at + window);
    t.send(std::slice::from_ref(&ix), &[&keeper]).await.unwrap();
    assert_merit_err(t.send(&[ix], &[&keeper]).await, MeritError::AlreadyExpired);
    let expired = t.task(&task).await;
    assert!(expired.expired);
    assert_eq!(
        expired.contributor_liability + expired.validator_liability,
        0
    );
    // The creator takes back everything that was never claimed.
    let before = t.balance(&creator.pubkey()).await;
    t.reclaim_task(&creator, task).await.unwrap();
    assert_eq!(t.balance(&creator.pubkey()).await - before, owed);
    // Late claimants are paid nothing, but their bonds unlock and their accounts settle.
    t.claim_submission(&alice, task).await.unwrap();
    t.claim_vote(&val, task, subs[0]).await.unwrap();
    assert_eq!(t.balance(&alice.pubkey()).await, 0);
    assert_eq!(t.balance(&val.pubkey()).await, 0);
    assert_eq!(t.stake(&alice.pubkey()).await.locked, 0);
    assert_eq!(t.stake(&val.pubkey()).await.locked, 0);
    assert_eq!(t.submission(&subs[0]).await.reward_paid, 0);
}

#[tokio::test]
async fn expiry_needs_a_finalized_task() {
    let mut t = context().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let args = t.task_args();
    let task = t.create_task(&creator, args).await;
    t.set_time(t.now() + 365 * DAY);
    let ix = t.client().expire_task(creator.pubkey(), task);
    assert_merit_err(
        t.send(&[ix], &[&creator]).await,
        MeritError::TaskNotFinalized,
    );
    assert!(!t.task(&task).await.expired);
}

#[tokio::test]
async fn unclaimed_emission_returns_to_the_vault_after_the_claim_window() {
    let mut t = context().await;
    let (creator, keeper, funder) = (
        t.actor(2_000 * TOKEN).await,
        t.actor(0).await,
        t.actor(1_000 * TOKEN).await,
    );
    t.fund_emissions(&funder, 1_000 * TOKEN, 0).await.unwrap();
    let alice = t.staker(100 * TOKEN, 0).await;
    let val = t.validator(200 * TOKEN, 0).await;
    let (task, subs) = t
        .judge_task(&creator, &keeper, &[(&alice, Some(90))], &[&val])
        .await;
    t.claim_vote(&val, task, subs[0]).await.unwrap();
    t.close_epoch(&keeper).await;
    let closed = t.epoch(0).await;
    let reserved = t.config().await.emission_reserved;
    assert_eq!(
        reserved,
        closed.contributor_emission + closed.validator_emission
    );
    // The validator claims its emission in time; alice never does.
    t.claim_vote_emission(&val, subs[0]).await.unwrap();
    let window = closed.claim_window_secs;
    t.set_time(closed.end + window - 1);
    let ix = t.client().expire_epoch(keeper.pubkey(), 0);
    assert_merit_err(
        t.send(std::slice::from_ref(&ix), &[&keeper]).await,
        MeritError::ClaimWindowOpen,
    );
    let available = t.config().await.emission_available().unwrap();
    t.set_time(closed.end + window);
    t.send(std::slice::from_ref(&ix), &[&keeper]).await.unwrap();
    assert_merit_err(t.send(&[ix], &[&keeper]).await, MeritError::AlreadyExpired);
    let config = t.config().await;
    // Alice's whole side went back to the vault's available balance.
    assert_eq!(
        config.emission_available().unwrap(),
        available + closed.contributor_emission
    );
    // Her late claim pays nothing but settles the submission.
    let before = t.balance(&alice.pubkey()).await;
    t.claim_submission_emission(&alice, task).await.unwrap();
    assert_eq!(t.balance(&alice.pubkey()).await, before);
    assert!(t.submission(&subs[0]).await.emission_claimed);
    // An open epoch cannot be expired.
    let current = t.config().await.current_epoch;
    let ix = t.client().expire_epoch(keeper.pubkey(), current);
    assert_merit_err(t.send(&[ix], &[&keeper]).await, MeritError::EpochNotClosed);
}
