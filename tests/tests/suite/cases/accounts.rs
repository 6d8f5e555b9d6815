//! Wrong mints, wrong account kinds, wrong relations and the Token-2022 path.
use super::finalize::judged;
use anchor_lang::error::ErrorCode;
use anchor_lang::prelude::Pubkey;
use merit_client::builders::replace_account;
use merit_tests::*;

/// A token account of another mint, owned by `owner`, outside the conservation ledger.
async fn foreign(t: &mut TestContext, owner: &Pubkey, amount: u64) -> Pubkey {
    t.net.foreign_token_account(owner, amount).await.unwrap()
}

#[tokio::test]
async fn deposit_from_a_token_account_of_another_mint_is_rejected() {
    let mut t = TestContext::new().await;
    let alice = t.actor(0).await;
    let wrong = foreign(&mut t, &alice.pubkey(), 100 * TOKEN).await;
    let c = t.client();
    let mut ix = c.deposit_stake(alice.pubkey(), 10 * TOKEN);
    replace_account(&mut ix, &c.ata(&alice.pubkey()), &wrong);
    assert_anchor_err(
        t.send(&[ix], &[&alice]).await,
        ErrorCode::ConstraintTokenMint,
    );
}

#[tokio::test]
async fn create_task_funded_with_another_mint_is_rejected() {
    let mut t = TestContext::new().await;
    let creator = t.actor(0).await;
    let wrong = foreign(&mut t, &creator.pubkey(), 5_000 * TOKEN).await;
    let args = t.task_args();
    let c = t.client();
    let mut ix = c.create_task(creator.pubkey(), args);
    replace_account(&mut ix, &c.ata(&creator.pubkey()), &wrong);
    assert_anchor_err(
        t.send(&[ix], &[&creator]).await,
        ErrorCode::ConstraintTokenMint,
    );
}

#[tokio::test]
async fn claims_and_reclaims_paid_into_another_mint_are_rejected() {
    let (mut t, creator, alice, task, sub, vals) = judged(&[(100 * TOKEN, Some(80))]).await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    t.finalize_task(&vals[0], task).await.unwrap();
    let c = t.client();
    let cases = [
        (
            c.claim_submission(alice.pubkey(), task),
            alice.insecure_clone(),
        ),
        (
            c.claim_vote(vals[0].pubkey(), task, sub, 1),
            vals[0].insecure_clone(),
        ),
        (
            c.reclaim_task(creator.pubkey(), task),
            creator.insecure_clone(),
        ),
    ];
    for (mut ix, signer) in cases {
        let wrong = foreign(&mut t, &signer.pubkey(), 0).await;
        replace_account(&mut ix, &c.ata(&signer.pubkey()), &wrong);
        assert_anchor_err(
            t.send(&[ix], &[&signer]).await,
            ErrorCode::ConstraintTokenMint,
        );
    }
    assert!(!t.submission(&sub).await.claimed);
}

#[tokio::test]
async fn passing_the_mint_of_another_token_is_rejected() {
    let mut t = TestContext::new().await;
    let alice = t.actor(100 * TOKEN).await;
    let wrong = foreign(&mut t, &alice.pubkey(), 100 * TOKEN).await;
    let wrong_mint = {
        let acc = t.net.raw_account(&wrong).await.unwrap();
        Pubkey::try_from(&acc.data[..32]).unwrap()
    };
    let c = t.client();
    let mut ix = c.deposit_stake(alice.pubkey(), 10 * TOKEN);
    replace_account(&mut ix, &c.stake_mint, &wrong_mint);
    replace_account(&mut ix, &c.ata(&alice.pubkey()), &wrong);
    assert_merit_err(t.send(&[ix], &[&alice]).await, MeritError::AccountMismatch);
}

#[tokio::test]
async fn another_account_kind_in_place_of_a_task_is_rejected() {
    let mut t = TestContext::new().await;
    let alice = t.staker(100 * TOKEN, 0).await;
    // A Stake account where a Task is expected: discriminator mismatch.
    let ix = t.client().submit(
        alice.pubkey(),
        pda::stake(&alice.pubkey()),
        [1; 32],
        [2; 32],
    );
    assert_anchor_err(
        t.send(&[ix], &[&alice]).await,
        ErrorCode::AccountDiscriminatorMismatch,
    );
    // A wallet (owned by the system program) in place of the config.
    let mut ix = t.client().deposit_stake(alice.pubkey(), TOKEN);
    replace_account(&mut ix, &pda::config(), &alice.pubkey());
    assert_fails(t.send(&[ix], &[&alice]).await);
}

#[tokio::test]
async fn finalizing_a_submission_against_another_task_is_rejected() {
    let (mut t, creator, _, task, sub, vals) = judged(&[(100 * TOKEN, Some(80))]).await;
    let args = t.task_args();
    let other = t.create_task(&creator, args).await;
    t.to_finalize_phase(&other).await;
    let s = t.submission(&sub).await;
    let alice = s.contributor;
    let mut ix = t.client().finalize_submission(
        vals[0].pubkey(),
        other,
        alice,
        0,
        Some(s.content_hash),
        Some(1),
        false,
    );
    replace_account(&mut ix, &pda::submission(&other, &alice), &sub);
    replace_account(
        &mut ix,
        &pda::round(&pda::submission(&other, &alice), 1),
        &pda::round(&sub, 1),
    );
    assert_merit_err(
        t.send(&[ix], &[&vals[0]]).await,
        MeritError::AccountMismatch,
    );
    assert_eq!(t.submission(&sub).await.outcome, Outcome::Pending);
    assert_eq!(t.task(&task).await.finalized_count, 0);
}

/// The epoch is pinned by the index it stores (not re-derived): a closed epoch in place of
/// the open one is refused, and the points go to the open one.
#[tokio::test]
async fn finalizing_into_a_closed_epoch_is_rejected() {
    let (mut t, _, _, task, sub, vals) = judged(&[(100 * TOKEN, Some(80))]).await;
    let keeper = t.actor(0).await;
    t.close_epoch(&keeper).await;
    assert_eq!(t.config().await.current_epoch, 1);
    let s = t.submission(&sub).await;
    let ix = t.client().finalize_submission(
        vals[0].pubkey(),
        task,
        s.contributor,
        0,
        Some(s.content_hash),
        Some(1),
        false,
    );
    assert_merit_err(
        t.send(&[ix], &[&vals[0]]).await,
        MeritError::AccountMismatch,
    );
    assert_eq!(t.submission(&sub).await.outcome, Outcome::Pending);
    let closed = t.epoch(0).await;
    let ix = t.client().finalize_submission(
        vals[0].pubkey(),
        task,
        s.contributor,
        1,
        Some(s.content_hash),
        Some(1),
        false,
    );
    t.send(&[ix], &[&vals[0]]).await.unwrap();
    assert_eq!(t.submission(&sub).await.outcome, Outcome::Accepted);
    assert_eq!(t.submission(&sub).await.epoch, 1);
    assert_eq!(
        t.epoch(0).await.contributor_points,
        closed.contributor_points
    );
    assert!(t.epoch(1).await.contributor_points > 0);
}

#[tokio::test]
async fn the_same_account_twice_as_two_mutable_accounts_is_rejected() {
    let (mut t, _, alice, task, sub, vals) = judged(&[(100 * TOKEN, Some(5))]).await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    let c = t.client();
    // The treasury passed as the slasher's token account too: a duplicate mutable account.
    let mut ix = c.slash_submission(vals[0].pubkey(), task, alice.pubkey());
    replace_account(&mut ix, &c.ata(&vals[0].pubkey()), &pda::treasury());
    assert_fails(t.send(&[ix], &[&vals[0]]).await);
    assert!(!t.submission(&sub).await.slashed);
}

#[tokio::test]
async fn lifecycle_on_a_token_2022_mint_moves_tokens_with_transfer_checked() {
    let mut t = TestContext::with_options(LocalnetOptions {
        token_program: anchor_spl::token_2022::ID,
        params: Some(suite_params()),
        ..LocalnetOptions::default()
    })
    .await;
    let creator = t.actor(2_000 * TOKEN).await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let val = t.validator(200 * TOKEN, 0).await;
    let args = t.task_args();
    let task = t.create_task(&creator, args).await;
    let sub = t.submit(&alice, task, 1).await;
    t.to_commit_phase(&task).await;
    t.try_commit(&val, task, sub, 90).await.unwrap();
    t.to_reveal_phase(&task).await;
    t.try_reveal(&val, task, sub, 90).await.unwrap();
    t.to_finalize_phase(&task).await;
    t.finalize_submission(&val, task, sub).await.unwrap();
    t.finalize_task(&val, task).await.unwrap();
    t.claim_submission(&alice, task).await.unwrap();
    t.claim_vote(&val, task, sub).await.unwrap();
    assert_eq!(t.balance(&alice.pubkey()).await, 800 * TOKEN);
    // The validator pool and alice's fee.
    assert_eq!(t.balance(&val.pubkey()).await, 200 * TOKEN + FEE);
    let ix = t.client().request_unstake(alice.pubkey(), 100 * TOKEN);
    t.send(&[ix], &[&alice]).await.unwrap();
    t.set_time(t.now() + ConfigParams::defaults(6).unstake_cooldown_secs);
    let ix = t.client().withdraw_stake(alice.pubkey());
    t.send(&[ix], &[&alice]).await.unwrap();
    assert_eq!(t.balance(&alice.pubkey()).await, 900 * TOKEN);
}
