use super::finalize::{judged, judged_with, Act};
use merit_tests::*;

#[tokio::test]
async fn slash_rejected_submission_splits_between_treasury_and_slasher() {
    let (mut t, _, alice, task, sub, vals) = judged(&[(100 * TOKEN, Some(5))]).await;
    let slasher = t.actor(0).await;
    assert_merit_err(
        t.slash_submission(&slasher, task, &alice.pubkey()).await,
        MeritError::SubmissionNotFinalized,
    );
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    t.slash_submission(&slasher, task, &alice.pubkey())
        .await
        .unwrap();
    let bond = 10 * TOKEN;
    let to_slasher = bond / 10;
    assert_eq!(t.balance(&slasher.pubkey()).await, to_slasher);
    assert_eq!(
        t.config().await.total_slashed_to_treasury,
        bond - to_slasher
    );
    let stake = t.stake(&alice.pubkey()).await;
    assert_eq!((stake.deposited, stake.locked), (90 * TOKEN, 0));
    assert!(t.submission(&sub).await.slashed);
    // The client passed the slasher's vesting account; nothing unvested moved, so the
    // program left it alone: not created, no rent taken from the slasher.
    let slasher_vesting = pda::vesting(&slasher.pubkey());
    let ix = t
        .client()
        .slash_submission(slasher.pubkey(), task, alice.pubkey());
    assert!(ix.accounts.iter().any(|m| m.pubkey == slasher_vesting));
    assert!(!t.exists(&slasher_vesting).await);

    assert_merit_err(
        t.slash_submission(&slasher, task, &alice.pubkey()).await,
        MeritError::AlreadySlashed,
    );
    assert_eq!(t.balance(&slasher.pubkey()).await, to_slasher);
}

#[tokio::test]
async fn slash_of_a_submission_that_was_not_rejected_is_refused() {
    let (mut t, _, alice, task, sub, vals) = judged(&[(100 * TOKEN, Some(50))]).await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    let slasher = t.actor(0).await;
    assert_merit_err(
        t.slash_submission(&slasher, task, &alice.pubkey()).await,
        MeritError::SubmissionNotRejected,
    );
}

#[tokio::test]
async fn slash_vote_takes_the_whole_bond_of_a_missing_reveal() {
    let (mut t, _, _, task, sub, vals) =
        judged(&[(100 * TOKEN, Some(80)), (200 * TOKEN, None)]).await;
    let slasher = t.actor(0).await;
    let lazy = vals[1].pubkey();
    assert_merit_err(
        t.slash_vote(&slasher, task, sub, &lazy).await,
        MeritError::SubmissionNotFinalized,
    );
    t.finalize_submission(&slasher, task, sub).await.unwrap();
    let bond = t.vote(&sub, &lazy).await.bond;
    let seats = t.vote(&sub, &lazy).await.weight;
    assert_eq!(bond, t.task(&task).await.vote_bond(seats).unwrap());
    t.slash_vote(&slasher, task, sub, &lazy).await.unwrap();
    assert_eq!(t.balance(&slasher.pubkey()).await, bond / 10);
    let stake = t.stake(&lazy).await;
    assert_eq!((stake.deposited, stake.locked), (200 * TOKEN - bond, 0));
    let vote = t.vote(&sub, &lazy).await;
    assert!(vote.slashed && vote.is_settled());
    assert_merit_err(
        t.slash_vote(&slasher, task, sub, &lazy).await,
        MeritError::AlreadySlashed,
    );
    // A missing reveal has nothing left to claim.
    assert_merit_err(
        t.claim_vote(&vals[1], task, sub).await,
        MeritError::VoteNotRevealed,
    );
}

#[tokio::test]
async fn slash_vote_takes_part_of_an_incoherent_bond_and_leaves_the_rest_claimable() {
    let (mut t, _, _, task, sub, vals) = judged(&[
        (100 * TOKEN, Some(80)),
        (100 * TOKEN, Some(82)),
        (100 * TOKEN, Some(20)),
    ])
    .await;
    let slasher = t.actor(0).await;
    t.finalize_submission(&slasher, task, sub).await.unwrap();
    let outlier = &vals[2];
    // Claiming before the slash is refused: the slash must come first.
    assert_merit_err(
        t.claim_vote(outlier, task, sub).await,
        MeritError::VoteMustBeSlashedFirst,
    );
    let bond = t.vote(&sub, &outlier.pubkey()).await.bond;
    t.slash_vote(&slasher, task, sub, &outlier.pubkey())
        .await
        .unwrap();
    let slashed = bond.div_ceil(2);
    assert_eq!(
        t.vote(&sub, &outlier.pubkey()).await.bond_remaining,
        bond - slashed
    );
    assert_eq!(t.balance(&slasher.pubkey()).await, slashed / 10);
    t.claim_vote(outlier, task, sub).await.unwrap();
    let stake = t.stake(&outlier.pubkey()).await;
    assert_eq!((stake.deposited, stake.locked), (100 * TOKEN - slashed, 0));
    assert_eq!(
        t.balance(&outlier.pubkey()).await,
        0,
        "an incoherent vote earns nothing"
    );
}

#[tokio::test]
async fn slash_vote_of_a_coherent_reveal_is_refused() {
    let (mut t, _, _, task, sub, vals) =
        judged(&[(100 * TOKEN, Some(80)), (100 * TOKEN, Some(70))]).await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    let slasher = t.actor(0).await;
    assert_merit_err(
        t.slash_vote(&slasher, task, sub, &vals[1].pubkey()).await,
        MeritError::VoteNotSlashable,
    );
}

#[tokio::test]
async fn revealed_votes_of_a_round_that_decided_nothing_are_not_slashable() {
    // 1 + 1 seats committed and revealed, short of a quorum of 4; the 14 seats of the
    // third validator never commit. The round decides nothing (a second one opens).
    let (mut t, _, _, task, sub, vals) = judged_with(&[
        (40 * TOKEN, Act::Reveal(0)),
        (40 * TOKEN, Act::Reveal(100)),
        (560 * TOKEN, Act::Abstain),
    ])
    .await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    assert_eq!(t.submission(&sub).await.outcome, Outcome::Pending);
    let first = t.round(&sub, 1).await;
    assert_eq!(first.state, merit_client::RoundState::Failed);
    assert_eq!(t.submission(&sub).await.round, 2);
    let slasher = t.actor(0).await;
    for v in &vals[..2] {
        assert_merit_err(
            t.slash_vote_in(&slasher, task, sub, 1, &v.pubkey()).await,
            MeritError::VoteNotSlashable,
        );
        t.claim_vote_in(v, task, sub, 1).await.unwrap();
        assert_eq!(t.stake(&v.pubkey()).await.locked, 0);
    }
}

#[tokio::test]
async fn slash_into_a_treasury_other_than_the_configured_one_is_rejected() {
    let (mut t, _, alice, task, sub, vals) = judged(&[(100 * TOKEN, Some(5))]).await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    let slasher = t.actor(0).await;
    let mut ix = t
        .client()
        .slash_submission(slasher.pubkey(), task, alice.pubkey());
    // The stake vault is a token account of the right mint but the config's; the
    // treasury must be the configured one.
    merit_client::builders::replace_account(&mut ix, &pda::treasury(), &pda::stake_vault());
    assert_fails(t.send(&[ix], &[&slasher]).await);
    assert!(!t.submission(&sub).await.slashed);
}

/// A contributor slashing its own rejected work may not pass its own vesting account as
/// the slasher's (the share would land back in the account the slash just took from);
/// without it, the slash goes through and the share of a stake-funded slash is liquid.
#[tokio::test]
async fn slashing_your_own_submission_into_your_own_vesting_is_refused() {
    let (mut t, _, alice, task, sub, vals) = judged(&[(100 * TOKEN, Some(5))]).await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    let other = t.actor(0).await;
    let ix = t
        .client()
        .slash_submission(other.pubkey(), task, alice.pubkey());
    let ix = t.as_self_slash_into_own_vesting(ix, &other.pubkey(), &alice.pubkey());
    assert_merit_err(t.send(&[ix], &[&alice]).await, MeritError::SelfSlashVesting);
    assert!(!t.submission(&sub).await.slashed);
    let wallet = t.balance(&alice.pubkey()).await;
    t.slash_submission(&alice, task, &alice.pubkey())
        .await
        .unwrap();
    assert!(t.submission(&sub).await.slashed);
    // Nothing was vesting: the tenth came from stake and is paid liquid.
    assert_eq!(t.balance(&alice.pubkey()).await, wallet + TOKEN);
}
