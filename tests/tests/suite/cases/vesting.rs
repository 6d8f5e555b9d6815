//! Vesting: rewards and emissions unlock linearly; slashes take unvested rewards first.
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
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

/// Vesting on, and a judged task whose one contributor (`alice`, scored 90) can claim.
async fn vesting_task() -> (TestContext, Keypair, Pubkey) {
    let mut t = TestContext::new().await;
    t.set_vesting(VEST).await;
    let (creator, keeper) = (t.actor(2_000 * TOKEN).await, t.actor(0).await);
    let alice = t.staker(100 * TOKEN, 0).await;
    let val = t.validator(200 * TOKEN, 0).await;
    let (task, _) = t
        .judge_task(&creator, &keeper, &[(&alice, Some(90))], &[&val])
        .await;
    (t, alice, task)
}

#[tokio::test]
async fn rewards_vest_linearly_and_are_withdrawn_in_pieces_once() {
    let (mut t, alice, task) = vesting_task().await;
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

/// `ix` with the vesting account and vault left out (Anchor's `None`).
fn without_vesting(mut ix: Instruction, owner: &Keypair) -> Instruction {
    let none = merit_client::PROGRAM_ID;
    merit_client::builders::replace_account(&mut ix, &pda::vesting(&owner.pubkey()), &none);
    merit_client::builders::replace_account(&mut ix, &pda::vesting_vault(), &none);
    ix
}

#[tokio::test]
async fn each_task_vests_under_the_duration_it_was_created_with() {
    let mut t = TestContext::new().await;
    let (creator, keeper) = (t.actor(5_000 * TOKEN).await, t.actor(0).await);
    let alice = t.staker(100 * TOKEN, 0).await;
    let val = t.validator(200 * TOKEN, 0).await;
    // Created while vesting is off.
    let (before, _) = t
        .judge_task(&creator, &keeper, &[(&alice, Some(90))], &[&val])
        .await;
    // The admin turns vesting on: a task created afterwards vests.
    t.set_vesting(VEST).await;
    let (after, subs) = t
        .judge_task(&creator, &keeper, &[(&alice, Some(90))], &[&val])
        .await;
    assert_eq!(t.task(&before).await.rules.vesting_duration_secs, 0);
    assert_eq!(t.task(&after).await.rules.vesting_duration_secs, VEST);

    // The earlier task still pays straight to the wallet, although the client passed
    // the vesting accounts (it always does) and vesting is now on.
    t.claim_submission(&alice, before).await.unwrap();
    assert_eq!(t.balance(&alice.pubkey()).await, 800 * TOKEN);
    // A claim that does not vest leaves the vesting account alone: not even created.
    assert!(!t.exists(&pda::vesting(&alice.pubkey())).await);

    // The later task vests, and a claim that leaves the vesting accounts out is refused.
    let ix = without_vesting(t.client().claim_submission(alice.pubkey(), after), &alice);
    assert_merit_err(t.send(&[ix], &[&alice]).await, MeritError::VestingMismatch);
    assert!(!t.submission(&subs[0]).await.claimed);
    t.claim_submission(&alice, after).await.unwrap();
    assert_eq!(vesting(&mut t, &alice).await.unvested, 800 * TOKEN);
    assert_eq!(t.balance(&alice.pubkey()).await, 800 * TOKEN);

    // Turning vesting off later does not free what the task promised to vest: the
    // validator's reward on it still vests.
    t.set_vesting(0).await;
    let ix = without_vesting(t.client().claim_vote(val.pubkey(), after, subs[0], 1), &val);
    assert_merit_err(t.send(&[ix], &[&val]).await, MeritError::VestingMismatch);
    let wallet = t.balance(&val.pubkey()).await;
    t.claim_vote(&val, after, subs[0]).await.unwrap();
    assert_eq!(vesting(&mut t, &val).await.unvested, 200 * TOKEN + FEE);
    assert_eq!(t.balance(&val.pubkey()).await, wallet);
}

#[tokio::test]
async fn a_claim_may_leave_out_the_vesting_accounts_when_nothing_vests() {
    let mut t = TestContext::new().await;
    let (creator, keeper) = (t.actor(2_000 * TOKEN).await, t.actor(0).await);
    let alice = t.staker(100 * TOKEN, 0).await;
    let val = t.validator(200 * TOKEN, 0).await;
    let (task, _) = t
        .judge_task(&creator, &keeper, &[(&alice, Some(90))], &[&val])
        .await;
    let ix = without_vesting(t.client().claim_submission(alice.pubkey(), task), &alice);
    t.send(&[ix], &[&alice]).await.unwrap();
    assert_eq!(t.balance(&alice.pubkey()).await, 800 * TOKEN);
    assert!(t
        .net
        .account::<Vesting>(&pda::vesting(&alice.pubkey()))
        .await
        .is_none());
}

#[tokio::test]
async fn emission_claims_vest_under_the_epochs_snapshot() {
    let mut t = TestContext::new().await;
    let (creator, keeper, funder) = (
        t.actor(2_000 * TOKEN).await,
        t.actor(0).await,
        t.actor(20_000 * TOKEN).await,
    );
    t.fund_emissions(&funder, 20_000 * TOKEN, 0).await.unwrap();
    let alice = t.staker(100 * TOKEN, 0).await;
    let val = t.validator(200 * TOKEN, 0).await;
    // Vesting is turned on during epoch 0, which opened without it.
    t.set_vesting(VEST).await;
    t.close_epoch(&keeper).await;
    let epoch = t.config().await.current_epoch;
    assert_eq!(t.epoch(0).await.vesting_duration_secs, 0);
    assert_eq!(t.epoch(epoch).await.vesting_duration_secs, VEST);
    let (task, subs) = t
        .judge_task(&creator, &keeper, &[(&alice, Some(90))], &[&val])
        .await;
    assert_eq!(t.submission(&subs[0]).await.epoch, epoch);
    // Turned off again before the epoch closes: its emissions still vest.
    t.set_vesting(0).await;
    t.close_epoch(&keeper).await;
    let ix = t
        .client()
        .claim_submission_emission(alice.pubkey(), task, epoch);
    let ix = without_vesting(ix, &alice);
    assert_merit_err(t.send(&[ix], &[&alice]).await, MeritError::VestingMismatch);
    t.claim_submission_emission(&alice, task).await.unwrap();
    // Her share, up to her part of the task's emission cap, all into vesting.
    let paid = t.task(&task).await.emission_paid;
    assert!(paid > 0 && paid <= t.epoch(epoch).await.contributor_emission);
    assert_eq!(vesting(&mut t, &alice).await.unvested, paid);
    assert_eq!(t.balance(&alice.pubkey()).await, 0);
}

/// A validator with rewards still vesting (30 days) that left a vote on `task`'s
/// submission unrevealed, finalized and not yet slashed.
struct UnrevealedVesting {
    t: TestContext,
    keeper: Keypair,
    lazy: Keypair,
    task: Pubkey,
    sub: Pubkey,
    bond: u64,
}

async fn unrevealed_vote_of_a_vesting_validator() -> UnrevealedVesting {
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
    // Second task: it never reveals.
    let args = t.task_args();
    let task = t.create_task(&creator, args).await;
    let sub = t.submit(&bob, task, 9).await;
    t.to_commit_phase(&task).await;
    t.try_commit(&val, task, sub, 80).await.unwrap();
    t.try_commit(&lazy, task, sub, 80).await.unwrap();
    let bond = t.vote(&sub, &lazy.pubkey()).await.bond;
    t.to_reveal_phase(&task).await;
    t.try_reveal(&val, task, sub, 80).await.unwrap();
    t.to_finalize_phase(&task).await;
    t.finalize_submission(&keeper, task, sub).await.unwrap();
    UnrevealedVesting {
        t,
        keeper,
        lazy,
        task,
        sub,
        bond,
    }
}

#[tokio::test]
async fn a_slash_takes_from_unvested_rewards_before_stake() {
    let UnrevealedVesting {
        mut t,
        keeper,
        lazy,
        task,
        sub,
        bond,
    } = unrevealed_vote_of_a_vesting_validator().await;
    let deposited = t.stake(&lazy.pubkey()).await.deposited;
    let v_before = vesting(&mut t, &lazy).await;
    t.slash_vote(&keeper, task, sub, &lazy.pubkey())
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
    // The keeper's tenth came from unvested rewards: it vests, no sooner than it would
    // have for the offender, and nothing of it is liquid.
    assert_eq!(t.balance(&keeper.pubkey()).await, 0);
    let k = vesting(&mut t, &keeper).await;
    assert_eq!(k.unvested, bond / 10);
    assert_eq!(k.vest_until, v.vest_until);
}

/// The attack: a validator with unvested rewards lets a vote go unrevealed and slashes
/// itself, hoping to turn a tenth of its unvested rewards liquid at once. From a second
/// key the share vests on the offender's schedule (the test above); from its own key it
/// cannot take the share at all: there is no liquid path, and its own vesting account is
/// refused as the slasher's.
#[tokio::test]
async fn slashing_yourself_never_unlocks_unvested_rewards() {
    let UnrevealedVesting {
        mut t,
        keeper,
        lazy,
        task,
        sub,
        bond,
    } = unrevealed_vote_of_a_vesting_validator().await;
    // Its own key, passing its own vesting account as the slasher's: refused.
    let ix = t
        .client()
        .slash_vote(keeper.pubkey(), task, sub, 1, lazy.pubkey());
    let ix = t.as_self_slash_into_own_vesting(ix, &keeper.pubkey(), &lazy.pubkey());
    assert_merit_err(t.send(&[ix], &[&lazy]).await, MeritError::SelfSlashVesting);
    assert!(!t.vote(&sub, &lazy.pubkey()).await.slashed);

    // Its own key without a slasher vesting account: the share goes to the treasury.
    let wallet = t.balance(&lazy.pubkey()).await;
    let treasury = t.net.token_balance(&pda::treasury()).await;
    t.slash_vote(&lazy, task, sub, &lazy.pubkey())
        .await
        .unwrap();
    assert_eq!(t.balance(&lazy.pubkey()).await, wallet, "nothing liquid");
    assert_eq!(t.net.token_balance(&pda::treasury()).await, treasury + bond);
}

/// The crank passes its vesting account exactly when the offender has unvested rewards,
/// so a keeper pays that account's rent only when it has something to receive in it.
#[tokio::test]
async fn the_crank_takes_its_vesting_share_and_otherwise_spares_the_rent() {
    use merit_crank::{discover, Work};
    let UnrevealedVesting {
        mut t,
        keeper,
        lazy,
        task,
        sub,
        bond,
    } = unrevealed_vote_of_a_vesting_validator().await;
    let mut chain = merit_crank::LocalChain {
        net: &mut t.net,
        keeper: keeper.insecure_clone(),
    };
    let work = discover(&mut chain).await.unwrap();
    let slash = Work::SlashVote {
        task,
        submission: sub,
        round: 1,
        validator: lazy.pubkey(),
        from_vesting: true,
    };
    assert!(work.contains(&slash), "{work:?}");
    let c = t.client();
    let ix = slash.instruction(&c, &keeper.pubkey());
    t.send(&[ix], &[&keeper]).await.unwrap();
    assert_eq!(vesting(&mut t, &keeper).await.unvested, bond / 10);

    // Nothing left unvested to take from an offender: the account is left out.
    let quiet = Work::SlashVote {
        task,
        submission: sub,
        round: 1,
        validator: lazy.pubkey(),
        from_vesting: false,
    }
    .instruction(&c, &keeper.pubkey());
    assert!(quiet
        .accounts
        .iter()
        .all(|m| m.pubkey != pda::vesting(&keeper.pubkey())));
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
    assert_merit_err(
        t.send(&[ix], &[&mallory]).await,
        MeritError::AccountMismatch,
    );
    assert_eq!(vesting(&mut t, &alice).await.total_withdrawn, 0);
}

/// A vesting claim pays into the claimant's own vesting account only: another owner's
/// (existing) account, or any address that is not the claimant's vesting PDA, is refused,
/// and nothing changes.
#[tokio::test]
async fn a_vesting_claim_into_another_vesting_account_is_rejected() {
    let mut t = TestContext::new().await;
    t.set_vesting(VEST).await;
    let (creator, keeper) = (t.actor(5_000 * TOKEN).await, t.actor(0).await);
    let alice = t.staker(100 * TOKEN, 0).await;
    let bob = t.staker(100 * TOKEN, 0).await;
    let val = t.validator(200 * TOKEN, 0).await;
    let (task, subs) = t
        .judge_task(
            &creator,
            &keeper,
            &[(&alice, Some(90)), (&bob, Some(90))],
            &[&val],
        )
        .await;
    t.claim_submission(&bob, task).await.unwrap();
    let bobs = vesting(&mut t, &bob).await;
    for wrong in [pda::vesting(&bob.pubkey()), Pubkey::new_unique()] {
        let mut ix = t.client().claim_submission(alice.pubkey(), task);
        merit_client::builders::replace_account(&mut ix, &pda::vesting(&alice.pubkey()), &wrong);
        assert_merit_err(t.send(&[ix], &[&alice]).await, MeritError::AccountMismatch);
    }
    assert!(!t.submission(&subs[0]).await.claimed);
    assert_eq!(vesting(&mut t, &bob).await.unvested, bobs.unvested);
    assert!(!t.exists(&pda::vesting(&alice.pubkey())).await);
    t.claim_submission(&alice, task).await.unwrap();
    assert_eq!(vesting(&mut t, &alice).await.unvested, 400 * TOKEN);
}

/// The attack: lamports sent to someone's vesting address before its first vesting claim,
/// hoping a plain `create_account` then fails and the claim is stuck. The program tops the
/// account up to rent and allocates it instead: the claim goes through.
#[tokio::test]
async fn lamports_sent_to_a_vesting_address_do_not_block_its_creation() {
    let (mut t, alice, task) = vesting_task().await;
    let address = pda::vesting(&alice.pubkey());
    t.net.airdrop(&address, 1_000_000).await.unwrap();
    t.claim_submission(&alice, task).await.unwrap();
    let v = vesting(&mut t, &alice).await;
    assert_eq!((v.owner, v.unvested), (alice.pubkey(), 800 * TOKEN));
    assert!(
        t.net.lamports(&address).await > 1_000_000,
        "topped up to rent"
    );
}

/// The attack: a slasher leaves the offender's vesting account out (passing another
/// address, or its own vesting account), so that the slash comes out of liquid stake and
/// its share is paid liquid instead of vesting on the offender's schedule. Refused: the
/// account must be the offender's vesting account, existing or not.
#[tokio::test]
async fn a_slash_cannot_leave_out_the_offenders_vesting_account() {
    let UnrevealedVesting {
        mut t,
        keeper,
        lazy,
        task,
        sub,
        ..
    } = unrevealed_vote_of_a_vesting_validator().await;
    let other = t.staker(10 * TOKEN, 0).await;
    for wrong in [Pubkey::new_unique(), pda::vesting(&other.pubkey())] {
        let mut ix = t
            .client()
            .slash_vote(keeper.pubkey(), task, sub, 1, lazy.pubkey());
        merit_client::builders::replace_account(&mut ix, &pda::vesting(&lazy.pubkey()), &wrong);
        assert_merit_err(t.send(&[ix], &[&keeper]).await, MeritError::AccountMismatch);
    }
    assert!(!t.vote(&sub, &lazy.pubkey()).await.slashed);
    assert_eq!(t.balance(&keeper.pubkey()).await, 0);
}
