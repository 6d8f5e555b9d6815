use anchor_lang::prelude::Pubkey;
use merit_tests::*;

/// A task with one submission judged by validators with the given stakes and scores
/// (`None` = commits but never reveals). Time is left at the reveal deadline.
/// What a drawn validator does in [`judged_with`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    /// Commits and reveals this score.
    Reveal(u8),
    /// Commits and never reveals.
    Withhold,
    /// Never commits.
    Abstain,
}

pub async fn judged(
    stakes_and_scores: &[(u64, Option<u8>)],
) -> (TestContext, Keypair, Keypair, Pubkey, Pubkey, Vec<Keypair>) {
    let acts: Vec<(u64, Act)> = stakes_and_scores
        .iter()
        .map(|(stake, score)| (*stake, score.map_or(Act::Withhold, Act::Reveal)))
        .collect();
    judged_with(&acts).await
}

/// A task with one submission (quorum 4 of 16 seats) judged by validators of the given
/// stakes, each acting as given; the time ends at the reveal deadline.
pub async fn judged_with(
    stakes_and_acts: &[(u64, Act)],
) -> (TestContext, Keypair, Keypair, Pubkey, Pubkey, Vec<Keypair>) {
    let mut t = TestContext::new().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let mut args = t.task_args();
    args.quorum_seats = 4;
    let task = t.create_task(&creator, args).await;
    let sub = t.submit(&alice, task, 1).await;
    let mut vals = Vec::new();
    for _ in stakes_and_acts {
        vals.push(t.actor(0).await);
    }
    for (v, (stake, _)) in vals.iter().zip(stakes_and_acts) {
        t.mint_to(&v.pubkey(), *stake).await;
        t.deposit(v, *stake).await.unwrap();
        t.warm(&v.pubkey()).await;
    }
    t.to_commit_phase(&task).await;
    for (v, (_, act)) in vals.iter().zip(stakes_and_acts) {
        let score = match act {
            Act::Reveal(s) => *s,
            Act::Withhold => 50,
            Act::Abstain => continue,
        };
        t.try_commit(v, task, sub, score).await.unwrap();
    }
    t.to_reveal_phase(&task).await;
    for (v, (_, act)) in vals.iter().zip(stakes_and_acts) {
        if let Act::Reveal(s) = act {
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
        MeritError::RoundNotOver,
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
    let round = t.current_round(&sub).await;
    assert_eq!(round.coherent_weight, coherent);
    assert_eq!(round.coherent_count, 2);
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

/// Half a committee decides nothing against the other half: an exact split of the
/// revealed weight takes the midpoint of the two sides (80 and 40: 60, accepted at the
/// threshold), and neither side is slashed for incoherence, though both are 20 away.
#[tokio::test]
async fn an_exact_split_takes_the_midpoint_and_slashes_nobody_for_incoherence() {
    let (mut t, _, _, task, sub, vals) =
        judged(&[(100 * TOKEN, Some(80)), (100 * TOKEN, Some(40))]).await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    let s = t.submission(&sub).await;
    assert_eq!(s.consensus_score, 60);
    assert_eq!(s.outcome, Outcome::Accepted);
    let round = t.current_round(&sub).await;
    assert!(round.consensus().is_tie());
    for v in &vals {
        assert_merit_err(
            t.slash_vote(&vals[0], task, sub, &v.pubkey()).await,
            MeritError::VoteNotSlashable,
        );
    }
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

/// The quorum counts committed seats: 14 seats committed and withheld (350 of 400 active
/// tokens) cannot turn the 2 revealed seats' consensus into no decision; the withheld
/// votes lose their bonds.
#[tokio::test]
async fn withheld_reveals_cannot_undo_the_revealed_consensus() {
    let (mut t, _, _, task, sub, vals) =
        judged(&[(50 * TOKEN, Some(90)), (350 * TOKEN, None)]).await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    let s = t.submission(&sub).await;
    assert_eq!(s.outcome, Outcome::Accepted);
    assert_eq!(s.consensus_score, 90);
    let round = t.current_round(&sub).await;
    assert_eq!(round.coherent_weight, round.revealed_weight);
    assert!(round.committed_weight > round.revealed_weight);
    let withheld = t.vote(&sub, &vals[1].pubkey()).await;
    t.slash_vote(&vals[0], task, sub, &vals[1].pubkey())
        .await
        .unwrap();
    assert_eq!(t.vote(&sub, &vals[1].pubkey()).await.bond_remaining, 0);
    assert!(withheld.bond > 0);
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
