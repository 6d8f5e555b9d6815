//! Events as an indexer sees them. On an SBF build `emit!` writes each event as a
//! `Program data:` log line (natively it is a no-op, so this runs only with
//! `SBF_OUT_DIR` set: `scripts/test.sh` does). Every state change of a task's life must
//! decode from the real transaction logs, with the fields the accounts show.
use anchor_lang::{AnchorDeserialize, Discriminator};
use base64::Engine;
use merit::events::*;
use merit::state::Outcome;
use merit_tests::*;

/// Every event of type `T` in `logs`, decoded the way an indexer does it.
fn events<T: AnchorDeserialize + Discriminator>(logs: &[String]) -> Vec<T> {
    logs.iter()
        .filter_map(|line| line.strip_prefix("Program data: "))
        .filter_map(|data| base64::engine::general_purpose::STANDARD.decode(data).ok())
        .filter(|bytes| bytes.starts_with(T::DISCRIMINATOR))
        .map(|bytes| T::deserialize(&mut &bytes[T::DISCRIMINATOR.len()..]).expect("decodes"))
        .collect()
}

/// The one event of type `T` since the last call.
fn one<T: AnchorDeserialize + Discriminator>(t: &mut TestContext) -> T {
    let mut found = events::<T>(&t.net.take_logs());
    assert_eq!(found.len(), 1, "{}", std::any::type_name::<T>());
    found.remove(0)
}

#[tokio::test]
#[ignore = "emit! writes events only on an SBF build: scripts/test.sh runs it with SBF_OUT_DIR set"]
async fn every_step_of_a_task_emits_its_event_with_the_accounts_fields() {
    assert!(
        merit_localnet::runs_sbf(),
        "needs SBF_OUT_DIR pointing at a directory holding merit.so"
    );
    let mut t = TestContext::new().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let keeper = t.actor(0).await;
    let alice = t.staker(100 * TOKEN, 0).await;
    t.net.take_logs();
    let val = t.validator(1_000 * TOKEN, 0).await;
    let deposited: Vec<StakeDeposited> = events(&t.net.take_logs());
    assert!(deposited
        .iter()
        .any(|e| e.owner == val.pubkey() && e.amount == 1_000 * TOKEN));

    let args = t.task_args();
    let task = t.create_task(&creator, args).await;
    let created: TaskCreated = one(&mut t);
    let state = t.task(&task).await;
    assert_eq!(
        (created.task, created.creator, created.id, created.reward),
        (task, creator.pubkey(), state.id, state.reward)
    );
    assert_eq!(
        (created.terms_hash, created.protocol_fee),
        (state.terms_hash, state.protocol_fee)
    );

    let sub = t.submit(&alice, task, 1).await;
    let committed: SubmissionCommitted = one(&mut t);
    let s = t.submission(&sub).await;
    assert_eq!(
        (
            committed.submission,
            committed.contributor,
            committed.commitment
        ),
        (sub, alice.pubkey(), s.commitment)
    );
    assert_eq!((committed.bond, committed.fee), (s.bond, s.fee));

    t.to_commit_phase(&task).await;
    let logs = t.net.take_logs();
    let revealed: Vec<SubmissionRevealed> = events(&logs);
    let s = t.submission(&sub).await;
    assert_eq!(revealed.len(), 1);
    assert_eq!(
        (revealed[0].submission, revealed[0].content_hash),
        (sub, s.content_hash)
    );
    let scheduled: Vec<DrawScheduled> = events(&logs);
    let drawn: Vec<CommitteeDrawn> = events(&logs);
    let state = t.task(&task).await;
    assert_eq!(scheduled.len(), 1);
    assert_eq!(scheduled[0].total_stake, state.draw.total_stake);
    assert_eq!((drawn.len(), drawn[0].seed), (1, state.draw.seed));

    t.try_commit(&val, task, sub, 80).await.unwrap();
    let vote_committed: VoteCommitted = one(&mut t);
    let vote = t.vote(&sub, &val.pubkey()).await;
    assert_eq!(
        (
            vote_committed.validator,
            vote_committed.weight,
            vote_committed.bond
        ),
        (val.pubkey(), vote.weight, vote.bond)
    );

    t.to_reveal_phase(&task).await;
    t.try_reveal(&val, task, sub, 80).await.unwrap();
    let vote_revealed: VoteRevealed = one(&mut t);
    assert_eq!(
        (vote_revealed.score, vote_revealed.weight),
        (80, vote.weight)
    );

    t.to_finalize_phase(&task).await;
    t.finalize_submission(&keeper, task, sub).await.unwrap();
    let finalized: SubmissionFinalized = one(&mut t);
    assert_eq!(
        (finalized.outcome, finalized.consensus_score),
        (Outcome::Accepted, 80)
    );
    t.finalize_task(&keeper, task).await.unwrap();
    let task_finalized: TaskFinalized = one(&mut t);
    assert_eq!(
        (task_finalized.accepted, task_finalized.submissions),
        (1, 1)
    );

    t.claim_submission(&alice, task).await.unwrap();
    let claimed: SubmissionClaimed = one(&mut t);
    let s = t.submission(&sub).await;
    assert_eq!(
        (claimed.reward, claimed.bond_unlocked),
        (s.reward_paid, s.bond)
    );
    assert!(claimed.reward > 0);
    t.claim_vote(&val, task, sub).await.unwrap();
    let vote_claimed: VoteClaimed = one(&mut t);
    let vote = t.vote(&sub, &val.pubkey()).await;
    assert_eq!(
        (vote_claimed.reward, vote_claimed.bond_unlocked),
        (vote.reward_paid, vote.bond)
    );
    assert!(vote_claimed.reward > 0);
}

#[tokio::test]
#[ignore = "emit! writes events only on an SBF build: scripts/test.sh runs it with SBF_OUT_DIR set"]
async fn a_slash_and_its_sweep_emit_what_moved() {
    assert!(
        merit_localnet::runs_sbf(),
        "needs SBF_OUT_DIR pointing at a directory holding merit.so"
    );
    let (mut t, _, alice, task, sub, vals) =
        super::finalize::judged(&[(100 * TOKEN, Some(5))]).await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    let keeper = t.actor(0).await;
    t.net.take_logs();
    t.slash_submission(&keeper, task, &alice.pubkey())
        .await
        .unwrap();
    let slashed: Slashed = one(&mut t);
    let s = t.submission(&sub).await;
    assert_eq!(
        (slashed.target, slashed.offender, slashed.amount),
        (sub, alice.pubkey(), s.bond)
    );
    assert_eq!(t.balance(&keeper.pubkey()).await, slashed.to_slasher);
    assert_eq!(slashed.to_treasury + slashed.to_slasher, s.bond);
    let config = t.config().await;
    assert_eq!(config.treasury_pending, slashed.to_treasury);

    t.sweep_treasury(&keeper).await.unwrap();
    let swept: TreasurySwept = one(&mut t);
    assert_eq!(
        (swept.caller, swept.amount, swept.total_slashed_to_treasury),
        (
            keeper.pubkey(),
            slashed.to_treasury,
            config.total_slashed_to_treasury
        )
    );
}
