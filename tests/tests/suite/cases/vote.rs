use anchor_lang::prelude::Pubkey;
use merit_client::vote_commitment;
use merit_tests::*;

struct Setup {
    t: TestContext,
    creator: Keypair,
    alice: Keypair,
    task: Pubkey,
    sub: Pubkey,
}

async fn setup() -> Setup {
    let mut t = TestContext::new().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let args = t.task_args();
    let task = t.create_task(&creator, args).await;
    let sub = t.submit(&alice, task, 1).await;
    Setup {
        t,
        creator,
        alice,
        task,
        sub,
    }
}

#[tokio::test]
async fn commit_sets_weight_and_locks_bond() {
    let Setup {
        mut t, task, sub, ..
    } = setup().await;
    let val = t.validator(300 * TOKEN, 0).await;
    t.to_commit_phase(&task).await;
    t.try_commit(&val, task, sub, 70).await.unwrap();
    let vote = t.vote(&sub, &val.pubkey()).await;
    // The only active stake: every one of the 16 expected seats, and a full committee
    // bonds 10% of the 1,000-token reward.
    assert_eq!(vote.weight, 16);
    assert_eq!(vote.bond, 100 * TOKEN);
    assert_eq!(t.stake(&val.pubkey()).await.locked, 100 * TOKEN);
    assert_eq!(t.current_round(&sub).await.vote_count, 1);
}

#[tokio::test]
async fn commit_weight_is_the_seats_drawn_and_the_bond_follows_the_seats() {
    let Setup {
        mut t, task, sub, ..
    } = setup().await;
    let big = t.validator(300 * TOKEN, 0).await;
    let small = t.validator(100 * TOKEN, 0).await;
    t.to_commit_phase(&task).await;
    // 400 tokens active at the draw, 16 expected seats: 12 and 4, no lottery needed; each
    // seat bonds a sixteenth of 10% of the 1,000-token reward.
    assert_eq!(t.task(&task).await.draw.total_stake, 400 * TOKEN);
    for (v, seats, bond) in [(&big, 12, 75 * TOKEN), (&small, 4, 25 * TOKEN)] {
        assert_eq!(t.seats(&task, &sub, &v.pubkey()).await, seats);
        t.try_commit(v, task, sub, 70).await.unwrap();
        let vote = t.vote(&sub, &v.pubkey()).await;
        assert_eq!((vote.weight, vote.bond), (seats, bond));
    }
}

/// Each seat bonds `vote_bond_bps` of the reward share it decides (reward / committee
/// size), whatever the holder's own stake. With a bond of a share of the key's own stake
/// instead, a small key drawn by lot risked less per seat than a large one (the sybil
/// splitter's edge in the simulator).
#[tokio::test]
async fn every_seat_bonds_the_stake_it_stands_for_whatever_the_key() {
    let Setup {
        mut t, task, sub, ..
    } = setup().await;
    let big = t.validator(1_500 * TOKEN, 0).await;
    let small = t.validator(100 * TOKEN, 0).await;
    t.to_commit_phase(&task).await;
    let state = t.task(&task).await;
    assert_eq!(state.draw.total_stake, 1_600 * TOKEN);
    // One seat decides a sixteenth of the 1,000-token reward: it bonds 10% of that, 6.25
    // tokens, for either key.
    const SEAT: u64 = 6_250_000;
    assert_eq!(state.vote_bond(1).unwrap(), SEAT);
    for v in [&big, &small] {
        let seats = t.seats(&task, &sub, &v.pubkey()).await;
        assert_eq!(seats, if v.pubkey() == big.pubkey() { 15 } else { 1 });
        t.try_commit(v, task, sub, 70).await.unwrap();
        let vote = t.vote(&sub, &v.pubkey()).await;
        assert_eq!((vote.weight, vote.bond), (seats, seats * SEAT));
    }
    // A third key holding a fraction of a seat in expectation: when drawn it bonds a
    // whole seat's 6.25 tokens, not 10% of its own 50.
    let mut t2 = setup().await;
    let whale = t2.t.validator(1_550 * TOKEN, 0).await;
    let minnow = t2.t.validator(50 * TOKEN, 0).await;
    t2.t.to_commit_phase(&t2.task).await;
    let per_seat = t2.t.task(&t2.task).await.vote_bond(1).unwrap();
    assert_eq!(per_seat, SEAT);
    for v in [&whale, &minnow] {
        let seats = t2.t.seats(&t2.task, &t2.sub, &v.pubkey()).await;
        if seats == 0 {
            assert_merit_err(
                t2.t.try_commit(v, t2.task, t2.sub, 70).await,
                MeritError::NotDrawn,
            );
            continue;
        }
        t2.t.try_commit(v, t2.task, t2.sub, 70).await.unwrap();
        let vote = t2.t.vote(&t2.sub, &v.pubkey()).await;
        assert_eq!(vote.bond, seats * per_seat);
    }
}

/// The attack on a bond capped at the key's stake: keys smaller than one seat's bond,
/// drawn by lot, would hold seats for less than a seat's risk. A key that cannot bond its
/// seats is refused and changes nothing.
#[tokio::test]
async fn a_key_too_small_to_bond_its_seats_cannot_hold_them_for_less() {
    let Setup {
        mut t, task, sub, ..
    } = setup().await;
    // The only active stake: all 16 seats, bonding 100 tokens; it holds 5.
    let minnow = t.validator(5 * TOKEN, 0).await;
    t.to_commit_phase(&task).await;
    assert_eq!(t.seats(&task, &sub, &minnow.pubkey()).await, 16);
    assert_eq!(t.task(&task).await.vote_bond(16).unwrap(), 100 * TOKEN);
    let before = t
        .snapshot(&[
            pda::stake(&minnow.pubkey()),
            pda::vote_in(&sub, 1, &minnow.pubkey()),
        ])
        .await;
    assert_merit_err(
        t.try_commit(&minnow, task, sub, 70).await,
        MeritError::InsufficientUnlockedStake,
    );
    assert_eq!(
        t.snapshot(&[
            pda::stake(&minnow.pubkey()),
            pda::vote_in(&sub, 1, &minnow.pubkey())
        ])
        .await,
        before
    );
}

#[tokio::test]
async fn commit_outside_its_window_is_rejected_at_the_exact_seconds() {
    let Setup {
        mut t, task, sub, ..
    } = setup().await;
    let val = t.validator(300 * TOKEN, 0).await;
    let state = t.task(&task).await;
    t.to_submission_reveal_phase(&task).await;
    t.reveal_submissions(&task).await;
    // Commits open when submission reveals close.
    t.set_time(state.submission_reveal_deadline - 1);
    assert_merit_err(
        t.try_commit(&val, task, sub, 70).await,
        MeritError::WindowNotOpen,
    );
    t.set_time(state.commit_deadline);
    assert_merit_err(
        t.try_commit(&val, task, sub, 70).await,
        MeritError::CommitWindowClosed,
    );
    t.set_time(state.commit_deadline - 1);
    assert_merit_err(
        t.try_commit(&val, task, sub, 70).await,
        MeritError::CommitteeNotDrawn,
    );
    t.draw(&task).await.unwrap();
    t.try_commit(&val, task, sub, 70).await.unwrap();
}

#[tokio::test]
async fn voting_on_ones_own_submission_is_rejected() {
    let Setup {
        mut t,
        alice,
        task,
        sub,
        ..
    } = setup().await;
    // Alice's stake is active (and some validator's, for the draw to seat anyone).
    t.warm(&alice.pubkey()).await;
    t.to_commit_phase(&task).await;
    assert_merit_err(
        t.try_commit(&alice, task, sub, 100).await,
        MeritError::CompetitorVote,
    );
}

#[tokio::test]
async fn voting_on_ones_own_task_is_rejected() {
    let Setup {
        mut t,
        creator,
        task,
        sub,
        ..
    } = setup().await;
    t.mint_to(&creator.pubkey(), 100 * TOKEN).await;
    t.deposit(&creator, 100 * TOKEN).await.unwrap();
    t.warm(&creator.pubkey()).await;
    t.to_commit_phase(&task).await;
    assert_merit_err(
        t.try_commit(&creator, task, sub, 0).await,
        MeritError::CreatorVote,
    );
}

#[tokio::test]
async fn commit_below_the_tasks_minimum_stake_is_rejected() {
    let Setup {
        mut t, task, sub, ..
    } = setup().await;
    let val = t.validator(300 * TOKEN, 0).await;
    let small = t.validator(TOKEN - 1, 0).await;
    t.to_commit_phase(&task).await;
    t.try_commit(&val, task, sub, 70).await.unwrap();
    assert_merit_err(
        t.try_commit(&small, task, sub, 70).await,
        MeritError::StakeBelowMinimum,
    );
}

#[tokio::test]
async fn committing_twice_is_rejected() {
    let Setup {
        mut t, task, sub, ..
    } = setup().await;
    let val = t.validator(300 * TOKEN, 0).await;
    t.to_commit_phase(&task).await;
    t.try_commit(&val, task, sub, 70).await.unwrap();
    assert_merit_err(
        t.try_commit(&val, task, sub, 10).await,
        MeritError::AlreadyVoted,
    );
    assert_eq!(t.stake(&val.pubkey()).await.locked, 100 * TOKEN);
}

#[tokio::test]
async fn commit_on_a_submission_of_another_task_is_rejected() {
    let Setup {
        mut t,
        creator,
        task,
        ..
    } = setup().await;
    let bob = t.staker(100 * TOKEN, 0).await;
    let args = t.task_args();
    let other = t.create_task(&creator, args).await;
    let other_sub = t.submit(&bob, other, 2).await;
    let val = t.validator(300 * TOKEN, 0).await;
    t.to_submission_reveal_phase(&other).await;
    t.reveal_submissions(&other).await;
    t.to_commit_phase(&task).await;
    assert_merit_err(
        t.try_commit(&val, task, other_sub, 50).await,
        MeritError::AccountMismatch,
    );
}

#[tokio::test]
async fn reveal_records_score_and_weight() {
    let Setup {
        mut t, task, sub, ..
    } = setup().await;
    let val = t.validator(300 * TOKEN, 0).await;
    t.to_commit_phase(&task).await;
    t.try_commit(&val, task, sub, 77).await.unwrap();
    t.to_reveal_phase(&task).await;
    t.try_reveal(&val, task, sub, 77).await.unwrap();
    let vote = t.vote(&sub, &val.pubkey()).await;
    assert!(vote.revealed);
    assert_eq!(vote.score, 77);
    let round = t.current_round(&sub).await;
    assert_eq!(round.revealed_weight, 16);
    assert_eq!(round.revealed_count, 1);
    assert_eq!(round.reveals[0].score, 77);
}

#[tokio::test]
async fn reveal_with_a_wrong_score_or_salt_fails() {
    let Setup {
        mut t, task, sub, ..
    } = setup().await;
    let val = t.validator(300 * TOKEN, 0).await;
    t.to_commit_phase(&task).await;
    t.try_commit(&val, task, sub, 77).await.unwrap();
    t.to_reveal_phase(&task).await;
    assert_merit_err(
        t.try_reveal(&val, task, sub, 78).await,
        MeritError::CommitmentMismatch,
    );
    let ix = t
        .client()
        .reveal_vote(val.pubkey(), task, sub, 1, 77, [0; 32]);
    assert_merit_err(t.send(&[ix], &[&val]).await, MeritError::CommitmentMismatch);
    assert!(!t.vote(&sub, &val.pubkey()).await.revealed);
}

#[tokio::test]
async fn reveal_with_other_voters_commitment_fails() {
    let Setup {
        mut t, task, sub, ..
    } = setup().await;
    let honest = t.validator(300 * TOKEN, 0).await;
    let copycat = t.validator(300 * TOKEN, 0).await;
    t.to_commit_phase(&task).await;
    t.try_commit(&honest, task, sub, 77).await.unwrap();
    // The copycat commits the honest validator's commitment bytes, then learns the
    // honest score and salt: the commitment binds the validator key, so it cannot reveal.
    let copied = t.vote(&sub, &honest.pubkey()).await.commitment;
    t.votes.insert(pda::vote_in(&sub, 1, &copycat.pubkey()));
    let ix = t
        .client()
        .commit_vote(copycat.pubkey(), task, sub, 1, copied);
    t.send(&[ix], &[&copycat]).await.unwrap();
    t.to_reveal_phase(&task).await;
    let ix = t
        .client()
        .reveal_vote(copycat.pubkey(), task, sub, 1, 77, salt_of(&honest));
    assert_merit_err(
        t.send(&[ix], &[&copycat]).await,
        MeritError::CommitmentMismatch,
    );
    // Nor can anyone reveal the honest vote account while signing as themselves.
    let mut ix = t
        .client()
        .reveal_vote(copycat.pubkey(), task, sub, 1, 77, salt_of(&honest));
    merit_client::builders::replace_account(
        &mut ix,
        &pda::vote_in(&sub, 1, &copycat.pubkey()),
        &pda::vote_in(&sub, 1, &honest.pubkey()),
    );
    assert_merit_err(
        t.send(&[ix], &[&copycat]).await,
        MeritError::AccountMismatch,
    );
    assert_eq!(
        vote_commitment(
            &pda::round(&sub, 1),
            &honest.pubkey(),
            77,
            &salt_of(&honest)
        ),
        copied
    );
}

#[tokio::test]
async fn reveal_outside_its_window_is_rejected_at_the_exact_seconds() {
    let Setup {
        mut t, task, sub, ..
    } = setup().await;
    let val = t.validator(300 * TOKEN, 0).await;
    t.to_commit_phase(&task).await;
    t.try_commit(&val, task, sub, 60).await.unwrap();
    let state = t.task(&task).await;
    t.set_time(state.commit_deadline - 1);
    assert_merit_err(
        t.try_reveal(&val, task, sub, 60).await,
        MeritError::WindowNotOpen,
    );
    t.set_time(state.reveal_deadline);
    assert_merit_err(
        t.try_reveal(&val, task, sub, 60).await,
        MeritError::RevealWindowClosed,
    );
    t.set_time(state.reveal_deadline - 1);
    t.try_reveal(&val, task, sub, 60).await.unwrap();
}

#[tokio::test]
async fn reveal_twice_and_out_of_range_scores_are_rejected() {
    let Setup {
        mut t, task, sub, ..
    } = setup().await;
    let val = t.validator(300 * TOKEN, 0).await;
    let high = t.validator(300 * TOKEN, 0).await;
    t.to_commit_phase(&task).await;
    t.try_commit(&val, task, sub, 60).await.unwrap();
    t.try_commit(&high, task, sub, 101).await.unwrap();
    t.to_reveal_phase(&task).await;
    t.try_reveal(&val, task, sub, 60).await.unwrap();
    assert_merit_err(
        t.try_reveal(&val, task, sub, 60).await,
        MeritError::AlreadyRevealed,
    );
    assert_merit_err(
        t.try_reveal(&high, task, sub, 101).await,
        MeritError::ScoreOutOfRange,
    );
    assert_eq!(t.current_round(&sub).await.revealed_count, 1);
}
