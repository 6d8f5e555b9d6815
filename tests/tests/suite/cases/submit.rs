use anchor_lang::error::ErrorCode;
use merit_tests::*;

async fn setup() -> (TestContext, Keypair, anchor_lang::prelude::Pubkey) {
    let mut t = TestContext::new().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let args = t.task_args();
    let task = t.create_task(&creator, args).await;
    (t, creator, task)
}

#[tokio::test]
async fn submit_locks_bond_and_records_content() {
    let (mut t, _, task) = setup().await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let hash = content_hash(&task, 1);
    t.try_submit(&alice, task, hash).await.unwrap();
    let sub_key = pda::submission(&task, &alice.pubkey());
    let sub = t.submission(&sub_key).await;
    assert_eq!(sub.contributor, alice.pubkey());
    assert_eq!(sub.content_hash, hash);
    assert_eq!(sub.bond, 10 * TOKEN);
    assert_eq!(sub.outcome, Outcome::Pending);
    assert_eq!(t.stake(&alice.pubkey()).await.locked, 10 * TOKEN);
    let claim: merit_client::ContentClaim =
        t.net.account(&pda::content_claim(&hash)).await.unwrap();
    assert_eq!(claim.submission, sub_key);
    let state = t.task(&task).await;
    assert_eq!((state.submission_count, state.open_submissions), (1, 1));
}

#[tokio::test]
async fn submit_at_the_deadline_second_is_rejected() {
    let (mut t, _, task) = setup().await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let deadline = t.task(&task).await.submission_deadline;
    t.set_time(deadline);
    assert_merit_err(
        t.try_submit(&alice, task, [1; 32]).await,
        MeritError::SubmissionWindowClosed,
    );
    t.set_time(deadline - 1);
    t.try_submit(&alice, task, [1; 32]).await.unwrap();
}

#[tokio::test]
async fn submit_twice_by_one_contributor_is_rejected() {
    let (mut t, _, task) = setup().await;
    let alice = t.staker(100 * TOKEN, 0).await;
    t.try_submit(&alice, task, [1; 32]).await.unwrap();
    assert_merit_err(
        t.try_submit(&alice, task, [2; 32]).await,
        MeritError::AlreadySubmitted,
    );
    assert_eq!(t.stake(&alice.pubkey()).await.locked, 10 * TOKEN);
}

#[tokio::test]
async fn submitting_copied_content_is_rejected_in_any_task() {
    let (mut t, creator, task) = setup().await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let bob = t.staker(100 * TOKEN, 0).await;
    t.try_submit(&alice, task, [1; 32]).await.unwrap();
    assert_merit_err(
        t.try_submit(&bob, task, [1; 32]).await,
        MeritError::DuplicateContent,
    );
    let args = t.task_args();
    let other = t.create_task(&creator, args).await;
    assert_merit_err(
        t.try_submit(&bob, other, [1; 32]).await,
        MeritError::DuplicateContent,
    );
    assert_eq!(t.stake(&bob.pubkey()).await.locked, 0);
}

#[tokio::test]
async fn submit_to_a_full_task_is_rejected() {
    let mut t = TestContext::new().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let mut args = t.task_args();
    args.max_submissions = 2;
    let task = t.create_task(&creator, args).await;
    for seed in 1..=2 {
        let c = t.staker(100 * TOKEN, 0).await;
        t.submit(&c, task, seed).await;
    }
    let late = t.validator(100 * TOKEN, 0).await;
    assert_merit_err(
        t.try_submit(&late, task, [3; 32]).await,
        MeritError::TaskFull,
    );
}

#[tokio::test]
async fn submit_without_enough_unlocked_stake_is_rejected() {
    let (mut t, _, task) = setup().await;
    let poor = t.staker(9 * TOKEN, 0).await;
    assert_merit_err(
        t.try_submit(&poor, task, [1; 32]).await,
        MeritError::InsufficientUnlockedStake,
    );
    let unstaked = t.actor(100 * TOKEN).await;
    assert_anchor_err(
        t.try_submit(&unstaked, task, [2; 32]).await,
        ErrorCode::AccountNotInitialized,
    );
}

#[tokio::test]
async fn submit_with_an_overlong_uri_is_rejected() {
    let (mut t, _, task) = setup().await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let ix = t
        .client()
        .submit(alice.pubkey(), task, [1; 32], "u".repeat(201));
    assert_merit_err(t.send(&[ix], &[&alice]).await, MeritError::UriTooLong);
}

#[tokio::test]
async fn submit_with_someone_elses_stake_is_rejected() {
    let (mut t, _, task) = setup().await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let mallory = t.staker(TOKEN, 0).await;
    let mut ix = t
        .client()
        .submit(mallory.pubkey(), task, [1; 32], String::new());
    merit_client::builders::replace_account(
        &mut ix,
        &pda::stake(&mallory.pubkey()),
        &pda::stake(&alice.pubkey()),
    );
    assert_anchor_err(t.send(&[ix], &[&mallory]).await, ErrorCode::ConstraintSeeds);
    assert_eq!(t.stake(&alice.pubkey()).await.locked, 0);
}
