use anchor_lang::prelude::Pubkey;
use merit_tests::*;

/// A task with one submission judged by validators with the given stakes and scores
/// (`None` = commits but never reveals). Time is left at the reveal deadline.
pub async fn judged(
    stakes_and_scores: &[(u64, Option<u8>)],
) -> (TestContext, Keypair, Keypair, Pubkey, Pubkey, Vec<Keypair>) {
    let mut t = TestContext::new().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let mut args = t.task_args();
    args.quorum_seats = 4;
    let task = t.create_task(&creator, args).await;
    let sub = t.submit(&alice, task, 1).await;
    let mut vals = Vec::new();
    for _ in stakes_and_scores {
        vals.push(t.actor(0).await);
    }
    for (v, (stake, _)) in vals.iter().zip(stakes_and_scores) {
        t.mint_to(&v.pubkey(), *stake).await;
        t.deposit(v, *stake).await.unwrap();
        t.warm(&v.pubkey()).await;
    }
    t.to_commit_phase(&task).await;
    for (v, (_, score)) in vals.iter().zip(stakes_and_scores) {
        t.try_commit(v, task, sub, score.unwrap_or(50))
            .await
            .unwrap();
    }
    t.to_reveal_phase(&task).await;
    for (v, (_, score)) in vals.iter().zip(stakes_and_scores) {
        if let Some(s) = score {
            t.try_reveal(v, task, sub, *s).await.unwrap();
        }
    }
    t.to_finalize_phase(&task).await;
    (t, creator, alice, task, sub, vals)
}

#[tokio::test]
async fn finalize_before_reveals_close_is_rejected() {
    let (mut t, _, _, task, sub, vals) = judged(&[(200 * TOKEN, Some(80))]).await;
    let reveal_deadline = t.task(&task).await.reveal_deadline;
    t.set_time(reveal_deadline - 1);
    assert_merit_err(
        t.finalize_submission(&vals[0], task, sub).await,
        MeritError::RevealWindowOpen,
    );
    assert_eq!(t.submission(&sub).await.outcome, Outcome::Pending);
}

#[tokio::test]
async fn finalize_accepts_by_stake_weighted_median_and_pays_one_bounty() {
    // Stakes 200, 150, 100 (about 7, 5 and 4 seats of 16): the median seat falls on the
    // 150-stake vote.
    let (mut t, _, _, task, sub, vals) = judged(&[
        (200 * TOKEN, Some(85)),
        (150 * TOKEN, Some(70)),
        (100 * TOKEN, Some(10)),
    ])
    .await;
    let keeper = t.actor(0).await;
    let before = t.net.lamports(&keeper.pubkey()).await;
    let task_lamports = t.net.lamports(&task).await;
    t.finalize_submission(&keeper, task, sub).await.unwrap();
    let s = t.submission(&sub).await;
    assert_eq!(s.outcome, Outcome::Accepted);
    assert_eq!(s.consensus_score, 70);
    // 85 and 70 are within 15 of 70; 10 is not.
    let coherent = t.seats(&task, &sub, &vals[0].pubkey()).await
        + t.seats(&task, &sub, &vals[1].pubkey()).await;
    assert_eq!(s.coherent_weight, coherent);
    assert_eq!(s.coherent_count, 2);
    let bounty = ConfigParams::defaults(6).keeper_bounty_lamports;
    assert_eq!(t.net.lamports(&keeper.pubkey()).await, before + bounty);
    assert_eq!(t.net.lamports(&task).await, task_lamports - bounty);

    // A second call fails with a named error and pays nothing.
    assert_merit_err(
        t.finalize_submission(&keeper, task, sub).await,
        MeritError::AlreadyFinalized,
    );
    assert_eq!(t.net.lamports(&keeper.pubkey()).await, before + bounty);
}

#[tokio::test]
async fn finalize_tie_at_exactly_half_the_weight_takes_the_lower_score() {
    let (mut t, _, _, task, sub, vals) =
        judged(&[(100 * TOKEN, Some(80)), (100 * TOKEN, Some(40))]).await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    let s = t.submission(&sub).await;
    assert_eq!(s.consensus_score, 40);
    assert_eq!(s.outcome, Outcome::Neutral);
}

#[tokio::test]
async fn finalize_rejects_below_the_reject_threshold() {
    let (mut t, _, _, task, sub, vals) = judged(&[
        (100 * TOKEN, Some(10)),
        (100 * TOKEN, Some(29)),
        (100 * TOKEN, Some(95)),
    ])
    .await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    let s = t.submission(&sub).await;
    assert_eq!(s.consensus_score, 29);
    assert_eq!(s.outcome, Outcome::Rejected);
}

#[tokio::test]
async fn finalize_at_the_thresholds_is_inclusive_for_accept_and_exclusive_for_reject() {
    let (mut t, _, _, task, sub, vals) = judged(&[(100 * TOKEN, Some(60))]).await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    assert_eq!(t.submission(&sub).await.outcome, Outcome::Accepted);
    let (mut t, _, _, task, sub, vals) = judged(&[(100 * TOKEN, Some(30))]).await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    assert_eq!(t.submission(&sub).await.outcome, Outcome::Neutral);
}

#[tokio::test]
async fn finalize_without_quorum_of_revealed_weight_is_no_quorum() {
    // Quorum is 4 seats of 16; 2 revealed (50 of 400 active tokens), 14 committed but hidden.
    let (mut t, _, _, task, sub, vals) =
        judged(&[(50 * TOKEN, Some(90)), (350 * TOKEN, None)]).await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    let s = t.submission(&sub).await;
    assert_eq!(s.outcome, Outcome::NoQuorum);
    assert_eq!(s.coherent_weight, 0);
    assert_eq!(t.task(&task).await.validator_liability, 0);
}

#[tokio::test]
async fn finalize_task_waits_for_every_submission_and_runs_once() {
    let (mut t, _, _, task, sub, vals) = judged(&[(100 * TOKEN, Some(80))]).await;
    let keeper = &vals[0];
    assert_merit_err(
        t.finalize_task(keeper, task).await,
        MeritError::SubmissionsPending,
    );
    t.finalize_submission(keeper, task, sub).await.unwrap();
    let before = t.net.lamports(&keeper.pubkey()).await;
    t.finalize_task(keeper, task).await.unwrap();
    let bounty = ConfigParams::defaults(6).keeper_bounty_lamports;
    assert_eq!(t.net.lamports(&keeper.pubkey()).await, before + bounty);
    let state = t.task(&task).await;
    assert_eq!(state.state, merit_client::TaskState::Finalized);
    assert_eq!(state.accepted_count, 1);
    assert_eq!(
        state.contributor_liability,
        state.contributor_pool().unwrap()
    );
    assert_merit_err(
        t.finalize_task(keeper, task).await,
        MeritError::TaskAlreadyFinalized,
    );
    assert_eq!(t.net.lamports(&keeper.pubkey()).await, before + bounty);
}

#[tokio::test]
async fn finalize_task_before_reveals_close_is_rejected() {
    let mut t = TestContext::new().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let args = t.task_args();
    let task = t.create_task(&creator, args).await;
    let reveal = t.task(&task).await.reveal_deadline;
    t.set_time(reveal - 1);
    assert_merit_err(
        t.finalize_task(&creator, task).await,
        MeritError::RevealWindowOpen,
    );
}
