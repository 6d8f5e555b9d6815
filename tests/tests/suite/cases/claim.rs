use super::finalize::judged;
use merit_client::builders::replace_account;
use merit_tests::*;

#[tokio::test]
async fn claim_submission_pays_the_contributor_pool_and_unlocks_the_bond() {
    let (mut t, _, alice, task, sub, vals) = judged(&[(100 * TOKEN, Some(80))]).await;
    assert_merit_err(
        t.claim_submission(&alice, task).await,
        MeritError::TaskNotFinalized,
    );
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    assert_merit_err(
        t.claim_submission(&alice, task).await,
        MeritError::TaskNotFinalized,
    );
    t.finalize_task(&vals[0], task).await.unwrap();
    t.claim_submission(&alice, task).await.unwrap();
    // The only accepted submission takes the whole contributor pool (80%).
    assert_eq!(t.balance(&alice.pubkey()).await, 800 * TOKEN);
    assert_eq!(t.stake(&alice.pubkey()).await.locked, 0);
    assert_eq!(t.task(&task).await.contributor_liability, 0);
}

#[tokio::test]
async fn claim_twice_is_rejected() {
    let (mut t, _, alice, task, sub, vals) = judged(&[(100 * TOKEN, Some(80))]).await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    t.finalize_task(&vals[0], task).await.unwrap();
    t.claim_submission(&alice, task).await.unwrap();
    assert_merit_err(
        t.claim_submission(&alice, task).await,
        MeritError::AlreadyClaimed,
    );
    t.claim_vote(&vals[0], task, sub).await.unwrap();
    assert_merit_err(
        t.claim_vote(&vals[0], task, sub).await,
        MeritError::AlreadyClaimed,
    );
    assert_eq!(t.balance(&alice.pubkey()).await, 800 * TOKEN);
    assert_eq!(t.balance(&vals[0].pubkey()).await, 200 * TOKEN + FEE);
}

#[tokio::test]
async fn claim_of_a_rejected_submission_is_refused() {
    let (mut t, _, alice, task, sub, vals) = judged(&[(100 * TOKEN, Some(3))]).await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    t.finalize_task(&vals[0], task).await.unwrap();
    assert_merit_err(
        t.claim_submission(&alice, task).await,
        MeritError::SubmissionRejected,
    );
}

#[tokio::test]
async fn claiming_someone_elses_submission_is_rejected() {
    let (mut t, _, alice, task, sub, vals) = judged(&[(100 * TOKEN, Some(80))]).await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    t.finalize_task(&vals[0], task).await.unwrap();
    let mallory = t.staker(10 * TOKEN, 0).await;
    let c = t.client();
    let mut ix = c.claim_submission(mallory.pubkey(), task);
    replace_account(&mut ix, &pda::submission(&task, &mallory.pubkey()), &sub);
    replace_account(
        &mut ix,
        &pda::stake(&mallory.pubkey()),
        &pda::stake(&alice.pubkey()),
    );
    assert_merit_err(
        t.send(&[ix], &[&mallory]).await,
        MeritError::AccountMismatch,
    );
    let mut ix = c.claim_vote(mallory.pubkey(), task, sub, 1);
    replace_account(
        &mut ix,
        &pda::vote_in(&sub, 1, &mallory.pubkey()),
        &pda::vote_in(&sub, 1, &vals[0].pubkey()),
    );
    assert_merit_err(
        t.send(&[ix], &[&mallory]).await,
        MeritError::AccountMismatch,
    );
    assert_eq!(t.balance(&mallory.pubkey()).await, 0);
}

#[tokio::test]
async fn claim_vote_before_the_submission_is_final_is_rejected() {
    let (mut t, _, _, task, sub, vals) = judged(&[(100 * TOKEN, Some(80))]).await;
    assert_merit_err(
        t.claim_vote(&vals[0], task, sub).await,
        MeritError::SubmissionNotFinalized,
    );
}

#[tokio::test]
async fn claim_vote_pays_coherent_voters_pro_rata_to_weight() {
    // 1,600 active tokens, 16 expected seats: 3, 9 and 4 seats exactly.
    let (mut t, _, _, task, sub, vals) = judged(&[
        (300 * TOKEN, Some(80)),
        (900 * TOKEN, Some(75)),
        (400 * TOKEN, Some(10)),
    ])
    .await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    // The validator pool is 200 tokens; one submission takes it all, with its fee;
    // coherent seats 12.
    t.claim_vote(&vals[0], task, sub).await.unwrap();
    t.claim_vote(&vals[1], task, sub).await.unwrap();
    let pool = 200 * TOKEN + FEE;
    assert_eq!(t.balance(&vals[0].pubkey()).await, pool * 3 / 12);
    assert_eq!(t.balance(&vals[1].pubkey()).await, pool * 9 / 12);
    assert_eq!(t.task(&task).await.validator_liability, 0);
}

#[tokio::test]
async fn rounding_dust_goes_back_to_the_creator_never_to_a_claimant() {
    // 5 + 5 + 5 coherent seats (and one hidden seat) of 16.
    let (mut t, creator, _, task, sub, vals) = judged(&[
        (500 * TOKEN, Some(80)),
        (500 * TOKEN, Some(80)),
        (500 * TOKEN, Some(80)),
        (100 * TOKEN, None),
    ])
    .await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    t.finalize_task(&vals[0], task).await.unwrap();
    for v in &vals[..3] {
        t.claim_vote(v, task, sub).await.unwrap();
        // (200 tokens + the fee) / 3 rounds down.
        assert_eq!(t.balance(&v.pubkey()).await, (200 * TOKEN + FEE) / 3);
    }
    let state = t.task(&task).await;
    assert_eq!(state.validator_liability, 0);
    let before = t.balance(&creator.pubkey()).await;
    t.reclaim_task(&creator, task).await.unwrap();
    // Contributor pool is still owed (800); the dust of the validator slice came back.
    assert_eq!(
        t.balance(&creator.pubkey()).await - before,
        200 * TOKEN + FEE - 3 * ((200 * TOKEN + FEE) / 3)
    );
}

#[tokio::test]
async fn reclaim_is_creator_only_after_finalization_and_not_repeatable() {
    let (mut t, creator, alice, task, sub, vals) = judged(&[(100 * TOKEN, Some(50))]).await;
    assert_merit_err(
        t.reclaim_task(&creator, task).await,
        MeritError::TaskNotFinalized,
    );
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    t.finalize_task(&vals[0], task).await.unwrap();
    let mallory = t.actor(0).await;
    let c = t.client();
    let ix = c.reclaim_task(mallory.pubkey(), task);
    assert_merit_err(t.send(&[ix], &[&mallory]).await, MeritError::NotTaskCreator);

    // Neutral: nothing accepted, so the contributor pool is the creator's again.
    let before = t.balance(&creator.pubkey()).await;
    t.reclaim_task(&creator, task).await.unwrap();
    assert_eq!(t.balance(&creator.pubkey()).await - before, 800 * TOKEN);
    assert_merit_err(
        t.reclaim_task(&creator, task).await,
        MeritError::NothingToReclaim,
    );

    // Settle and close everything; then reclaim closes the task and its vault.
    t.claim_vote(&vals[0], task, sub).await.unwrap();
    t.claim_submission(&alice, task).await.unwrap();
    let close_sub = c.close_submission(task, alice.pubkey());
    assert_merit_err(
        t.send(std::slice::from_ref(&close_sub), &[]).await,
        MeritError::NotSettled,
    );
    // The coherent vote earned merit points: it settles once its emission is claimed.
    let ix = c.close_vote(sub, 1, vals[0].pubkey(), vals[0].pubkey());
    assert_merit_err(
        t.send(std::slice::from_ref(&ix), &[]).await,
        MeritError::NotSettled,
    );
    t.close_epoch(&creator).await;
    t.claim_vote_emission(&vals[0], sub).await.unwrap();
    let alice_lamports = t.net.lamports(&alice.pubkey()).await;
    let val_lamports = t.net.lamports(&vals[0].pubkey()).await;
    t.send(&[ix], &[]).await.unwrap();
    assert!(t.net.lamports(&vals[0].pubkey()).await > val_lamports);
    // The round goes before its submission (its rent back to the contributor who opened it).
    assert_merit_err(
        t.send(std::slice::from_ref(&close_sub), &[]).await,
        MeritError::NotSettled,
    );
    t.send(&[c.close_round(sub, 1, alice.pubkey())], &[])
        .await
        .unwrap();
    t.send(&[close_sub], &[]).await.unwrap();
    assert!(t.net.lamports(&alice.pubkey()).await > alice_lamports);
    t.reclaim_task(&creator, task).await.unwrap();
    assert!(!t.exists(&task).await);
    assert!(!t.exists(&pda::task_vault(&task)).await);
    assert_eq!(
        t.balance(&creator.pubkey()).await,
        2_000 * TOKEN - 200 * TOKEN
    );
}

#[tokio::test]
async fn close_vote_before_it_is_settled_is_refused() {
    let (mut t, _, _, task, sub, vals) = judged(&[(100 * TOKEN, Some(80))]).await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    let ix = t
        .client()
        .close_vote(sub, 1, vals[0].pubkey(), vals[0].pubkey());
    assert_merit_err(t.send(&[ix], &[]).await, MeritError::NotSettled);
}

#[tokio::test]
async fn close_vote_cannot_redirect_rent_to_the_caller() {
    let (mut t, _, _, task, sub, vals) = judged(&[(100 * TOKEN, Some(80))]).await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    t.claim_vote(&vals[0], task, sub).await.unwrap();
    let mallory = t.actor(0).await;
    let mut ix = t
        .client()
        .close_vote(sub, 1, vals[0].pubkey(), vals[0].pubkey());
    // Keep the real vote address but name mallory as the rent receiver.
    let vote = pda::vote_in(&sub, 1, &vals[0].pubkey());
    replace_account(&mut ix, &vals[0].pubkey(), &mallory.pubkey());
    ix.accounts[1].pubkey = vote;
    assert_fails(t.send(&[ix], &[&mallory]).await);
    assert!(t.exists(&vote).await);
}
