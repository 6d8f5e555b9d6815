//! Vesting: rewards and emissions unlock linearly; slashes take unvested rewards first.
use merit_client::Vesting;
use merit_tests::*;

const VEST: i64 = 10_000;

async fn vesting(t: &mut TestContext, owner: &Keypair) -> Vesting {
    t.net
        .account(&pda::vesting(&owner.pubkey()))
        .await
        .expect("vesting")
}

async fn withdraw(t: &mut TestContext, owner: &Keypair) -> TxResult {
    let ix = t.client().withdraw_vested(owner.pubkey());
    t.send(&[ix], &[owner]).await
}

#[tokio::test]
async fn rewards_vest_linearly_and_are_withdrawn_in_pieces_once() {
    let mut t = TestContext::new().await;
    t.set_vesting(VEST).await;
    let (creator, keeper) = (t.actor(2_000 * TOKEN).await, t.actor(0).await);
    let alice = t.staker(100 * TOKEN, 0).await;
    let val = t.validator(200 * TOKEN, 0).await;
    let (task, _) = t
        .judge_task(&creator, &keeper, &[(&alice, Some(90))], &[&val])
        .await;
    t.claim_submission(&alice, task).await.unwrap();
    let start = t.now();
    assert_eq!(t.balance(&alice.pubkey()).await, 0, "nothing paid at once");
    let v = vesting(&mut t, &alice).await;
    assert_eq!(
        (v.unvested, v.vest_from, v.vest_until),
        (800 * TOKEN, start, start + VEST)
    );
    assert_merit_err(withdraw(&mut t, &alice).await, MeritError::NothingVested);

    t.set_time(start + VEST / 4);
    withdraw(&mut t, &alice).await.unwrap();
    assert_eq!(t.balance(&alice.pubkey()).await, 200 * TOKEN);
    assert_merit_err(withdraw(&mut t, &alice).await, MeritError::NothingVested);
    t.set_time(start + VEST / 2);
    withdraw(&mut t, &alice).await.unwrap();
    assert_eq!(t.balance(&alice.pubkey()).await, 400 * TOKEN);
    t.set_time(start + 2 * VEST);
    withdraw(&mut t, &alice).await.unwrap();
    assert_eq!(t.balance(&alice.pubkey()).await, 800 * TOKEN);
    assert_merit_err(withdraw(&mut t, &alice).await, MeritError::NothingVested);
    let v = vesting(&mut t, &alice).await;
    assert_eq!(
        (v.total_granted, v.total_withdrawn, v.unvested, v.unlocked),
        (800 * TOKEN, 800 * TOKEN, 0, 0)
    );
}

#[tokio::test]
async fn a_second_grant_vests_to_the_weighted_end() {
    let mut t = TestContext::new().await;
    t.set_vesting(VEST).await;
    let (creator, keeper) = (t.actor(5_000 * TOKEN).await, t.actor(0).await);
    let alice = t.staker(100 * TOKEN, 0).await;
    let val = t.validator(400 * TOKEN, 0).await;
    let (t1, _) = t
        .judge_task(&creator, &keeper, &[(&alice, Some(90))], &[&val])
        .await;
    let (t2, _) = t
        .judge_task(&creator, &keeper, &[(&alice, Some(90))], &[&val])
        .await;
    t.claim_submission(&alice, t1).await.unwrap();
    let start = t.now();
    t.set_time(start + VEST / 2);
    t.claim_submission(&alice, t2).await.unwrap();
    let v = vesting(&mut t, &alice).await;
    // Half of the first 800 vested; 400 left with VEST/2 to go, plus 800 over VEST.
    assert_eq!(v.unlocked, 400 * TOKEN);
    assert_eq!(v.unvested, 1_200 * TOKEN);
    let left = (400 * (VEST / 2) + 800 * VEST + 1_199) / 1_200;
    assert_eq!(v.vest_until, start + VEST / 2 + left);
}

#[tokio::test]
async fn claims_must_pass_vesting_accounts_exactly_when_vesting_is_on() {
    let mut t = TestContext::new().await;
    let (creator, keeper) = (t.actor(2_000 * TOKEN).await, t.actor(0).await);
    let alice = t.staker(100 * TOKEN, 0).await;
    let val = t.validator(200 * TOKEN, 0).await;
    let (task, subs) = t
        .judge_task(&creator, &keeper, &[(&alice, Some(90))], &[&val])
        .await;
    // Vesting off, vesting accounts passed.
    let ix = t
        .client()
        .with_vesting(true)
        .claim_submission(alice.pubkey(), task);
    assert_merit_err(t.send(&[ix], &[&alice]).await, MeritError::VestingMismatch);
    // Vesting on, vesting accounts missing.
    t.set_vesting(VEST).await;
    let ix = t
        .client()
        .with_vesting(false)
        .claim_vote(val.pubkey(), task, subs[0]);
    assert_merit_err(t.send(&[ix], &[&val]).await, MeritError::VestingMismatch);
    assert!(!t.vote(&subs[0], &val.pubkey()).await.claimed);
    t.claim_vote(&val, task, subs[0]).await.unwrap();
    assert_eq!(vesting(&mut t, &val).await.unvested, 200 * TOKEN + FEE);
}

#[tokio::test]
async fn emission_claims_vest_too() {
    let mut t = TestContext::new().await;
    t.set_vesting(VEST).await;
    let (creator, keeper, funder) = (
        t.actor(2_000 * TOKEN).await,
        t.actor(0).await,
        t.actor(20_000 * TOKEN).await,
    );
    t.fund_emissions(&funder, 20_000 * TOKEN, 0).await.unwrap();
    let alice = t.staker(100 * TOKEN, 0).await;
    let val = t.validator(200 * TOKEN, 0).await;
    let (task, _) = t
        .judge_task(&creator, &keeper, &[(&alice, Some(90))], &[&val])
        .await;
    t.close_epoch(&keeper).await;
    t.claim_submission_emission(&alice, task).await.unwrap();
    // Her share, up to her part of the task's emission cap, all into vesting.
    let paid = t.task(&task).await.emission_paid;
    assert!(paid > 0 && paid <= t.epoch(0).await.contributor_emission);
    assert_eq!(vesting(&mut t, &alice).await.unvested, paid);
    assert_eq!(t.balance(&alice.pubkey()).await, 0);
}

#[tokio::test]
async fn a_slash_takes_from_unvested_rewards_before_stake() {
    let mut t = TestContext::new().await;
    // Long enough that the rewards are still vesting when the slash comes.
    t.set_vesting(30 * 24 * 3600).await;
    let (creator, keeper) = (t.actor(5_000 * TOKEN).await, t.actor(0).await);
    let alice = t.staker(100 * TOKEN, 0).await;
    let bob = t.staker(100 * TOKEN, 0).await;
    let val = t.validator(200 * TOKEN, 0).await;
    let lazy = t.validator(200 * TOKEN, 0).await;
    // First task: the lazy validator votes and reveals properly, earning vesting rewards.
    let (t1, subs1) = t
        .judge_task(&creator, &keeper, &[(&alice, Some(90))], &[&val, &lazy])
        .await;
    t.claim_vote(&lazy, t1, subs1[0]).await.unwrap();
    let granted = vesting(&mut t, &lazy).await.unvested;
    assert_eq!(granted, (200 * TOKEN + FEE) / 2);
    // Second task: it never reveals, and is slashed its whole bond.
    let args = t.task_args();
    let t2 = t.create_task(&creator, args).await;
    let sub = t.submit(&bob, t2, 9).await;
    t.to_commit_phase(&t2).await;
    t.try_commit(&val, t2, sub, 80).await.unwrap();
    t.try_commit(&lazy, t2, sub, 80).await.unwrap();
    let bond = t.vote(&sub, &lazy.pubkey()).await.bond;
    t.to_reveal_phase(&t2).await;
    t.try_reveal(&val, t2, sub, 80).await.unwrap();
    t.to_finalize_phase(&t2).await;
    t.finalize_submission(&keeper, t2, sub).await.unwrap();
    let deposited = t.stake(&lazy.pubkey()).await.deposited;
    let v_before = vesting(&mut t, &lazy).await;
    t.slash_vote(&keeper, t2, sub, &lazy.pubkey())
        .await
        .unwrap();
    let v = vesting(&mut t, &lazy).await;
    let stake = t.stake(&lazy.pubkey()).await;
    // The slash came out of the still-unvested rewards; the stake kept every token.
    assert_eq!(v.total_slashed, bond);
    assert_eq!(
        v.unlocked + v.unvested,
        v_before.unlocked + v_before.unvested - bond
    );
    assert_eq!(stake.deposited, deposited);
    assert_eq!(stake.locked, 0);
    assert_eq!(t.balance(&keeper.pubkey()).await, bond / 10);
}

#[tokio::test]
async fn withdrawing_someone_elses_vesting_is_rejected() {
    let mut t = TestContext::new().await;
    t.set_vesting(VEST).await;
    let (creator, keeper) = (t.actor(2_000 * TOKEN).await, t.actor(0).await);
    let alice = t.staker(100 * TOKEN, 0).await;
    let val = t.validator(200 * TOKEN, 0).await;
    let mallory = t.actor(0).await;
    let (task, _) = t
        .judge_task(&creator, &keeper, &[(&alice, Some(90))], &[&val])
        .await;
    t.claim_submission(&alice, task).await.unwrap();
    t.set_time(t.now() + VEST);
    let c = t.client();
    let mut ix = c.withdraw_vested(mallory.pubkey());
    merit_client::builders::replace_account(
        &mut ix,
        &pda::vesting(&mallory.pubkey()),
        &pda::vesting(&alice.pubkey()),
    );
    assert_anchor_err(
        t.send(&[ix], &[&mallory]).await,
        anchor_lang::error::ErrorCode::ConstraintSeeds,
    );
    assert_eq!(vesting(&mut t, &alice).await.total_withdrawn, 0);
}
