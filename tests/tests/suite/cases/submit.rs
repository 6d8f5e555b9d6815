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
async fn submit_records_only_a_commitment_and_takes_bond_and_fee() {
    let (mut t, _, task) = setup().await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let hash = content_hash(&task, 1);
    let fee = t.task(&task).await.submission_fee;
    let vault_before = t.net.token_balance(&pda::task_vault(&task)).await;
    t.try_submit(&alice, task, hash).await.unwrap();
    let sub_key = pda::submission(&task, &alice.pubkey());
    let sub = t.submission(&sub_key).await;
    assert_eq!(sub.contributor, alice.pubkey());
    assert_eq!(
        sub.commitment,
        merit_client::submission_commitment(&task, &alice.pubkey(), &hash, &salt_of(&alice))
    );
    // Nothing about the content is on chain yet.
    assert_eq!(sub.content_hash, [0; 32]);
    assert!(sub.uri.is_empty() && !sub.content_revealed);
    assert!(!t.exists(&pda::content_claim(&hash)).await);
    assert_eq!(sub.committed_slot, t.net.slot());
    assert_eq!((sub.bond, sub.fee), (10 * TOKEN, FEE));
    assert_eq!(sub.outcome, Outcome::Pending);
    assert_eq!(t.stake(&alice.pubkey()).await.locked, 10 * TOKEN);
    assert_eq!(
        t.net.token_balance(&pda::task_vault(&task)).await,
        vault_before + fee
    );
    let state = t.task(&task).await;
    assert_eq!((state.submission_count, state.open_submissions), (1, 1));
    assert_eq!(state.fees, fee);
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
async fn submit_to_a_full_task_is_rejected() {
    let mut t = TestContext::new().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let mut args = t.task_args();
    args.max_submissions = 2;
    args.submission_fee = squat_floor(&args);
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
async fn submit_with_someone_elses_stake_is_rejected() {
    let (mut t, _, task) = setup().await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let mallory = t.staker(TOKEN, 0).await;
    let terms = t.task(&task).await.terms_hash;
    let mut ix = t.client().submit(mallory.pubkey(), task, [1; 32], terms);
    merit_client::builders::replace_account(
        &mut ix,
        &pda::stake(&mallory.pubkey()),
        &pda::stake(&alice.pubkey()),
    );
    assert_merit_err(
        t.send(&[ix], &[&mallory]).await,
        MeritError::AccountMismatch,
    );
    assert_eq!(t.stake(&alice.pubkey()).await.locked, 0);
}

#[tokio::test]
async fn a_task_recreated_under_a_pending_submit_with_other_terms_fails_it() {
    let mut t = TestContext::new().await;
    let creator = t.actor(5_000 * TOKEN).await;
    let alice = t.staker(100 * TOKEN, 0).await;
    t.mint_to(&alice.pubkey(), FEE).await;
    let args = t.task_args();
    let task = t.create_task(&creator, args.clone()).await;
    // What alice read and agreed to.
    let agreed = t.task(&task).await.terms_hash;
    let commitment =
        merit_client::submission_commitment(&task, &alice.pubkey(), &[1; 32], &salt_of(&alice));
    let submit = t.client().submit(alice.pubkey(), task, commitment, agreed);
    // The creator cancels and re-creates the task at the same address, in one
    // transaction, with terms that take alice's whole stake and can never be won.
    let harsh = CreateTaskArgs {
        bond: 100 * TOKEN,
        reject_threshold: 50,
        accept_threshold: 90,
        submission_deadline: t.now() + 60,
        submission_reveal_deadline: t.now() + 120,
        commit_deadline: t.now() + 180,
        reveal_deadline: t.now() + 240,
        ..args.clone()
    };
    let swap = [
        t.client().cancel_task(creator.pubkey(), task),
        t.client().create_task(creator.pubkey(), harsh),
    ];
    t.send(&swap, &[&creator]).await.unwrap();
    assert_ne!(t.task(&task).await.terms_hash, agreed);
    // Alice's pending submit lands after the swap: refused, nothing moves.
    let watched = [
        pda::stake(&alice.pubkey()),
        pda::submission(&task, &alice.pubkey()),
        task,
        t.client().ata(&alice.pubkey()),
    ];
    let before = t.snapshot(&watched).await;
    assert_merit_err(
        t.send(&[submit], &[&alice]).await,
        MeritError::TermsMismatch,
    );
    assert_eq!(t.snapshot(&watched).await, before);
    // Any change of terms changes the hash; the same terms give the same hash.
    let base = t.task(&task).await;
    for change in [
        |x: &mut merit_client::Task| x.reward -= 1,
        |x: &mut merit_client::Task| x.submission_fee += 1,
        |x: &mut merit_client::Task| x.commit_deadline += 1,
        |x: &mut merit_client::Task| x.quorum_seats += 1,
        |x: &mut merit_client::Task| x.rules.incoherence_slash_bps += 1,
        |x: &mut merit_client::Task| x.set_uri(&format!("{}!", x.uri())).unwrap(),
    ] {
        let mut other = t.task(&task).await;
        change(&mut other);
        assert_ne!(other.terms_hash(), base.terms_hash());
    }
    assert_eq!(base.terms_hash(), base.terms_hash);
}

/// Ten slots: the least fee a task may charge is twice the 800-token contributor pool over
/// the nine other slots. Filling every slot at once costs more than the whole pool in fees,
/// whatever happens next: here the junk is revealed and nobody ever judges it, so the bonds
/// come back and the unjudged work's shares go to the treasury, none to the creator.
#[tokio::test]
async fn squatting_every_slot_costs_more_than_the_whole_contributor_pool() {
    let mut t = TestContext::new().await;
    let creator = t.actor(5_000 * TOKEN).await;
    let mut args = t.task_args();
    args.max_submissions = 10;
    let floor = squat_floor(&args);
    assert_eq!(floor, (2 * 800 * TOKEN).div_ceil(9));
    args.submission_fee = floor - 1;
    assert_merit_err(
        t.try_create_task(&creator, args.clone()).await,
        MeritError::SubmissionFeeBelowFloor,
    );
    args.submission_fee = floor;
    let fee = args.submission_fee;
    let task = t.create_task(&creator, args).await;
    // Ten keys, each with a bond's stake and a fee in its wallet, fill every slot at once.
    let mut squatters = Vec::new();
    for i in 0..10u8 {
        let s = t.staker(10 * TOKEN, fee).await;
        let commitment =
            merit_client::submission_commitment(&task, &s.pubkey(), &[i; 32], &salt_of(&s));
        let terms = t.task(&task).await.terms_hash;
        t.try_submit_raw(&s, task, commitment, terms).await.unwrap();
        squatters.push(s);
    }
    let honest = t.staker(100 * TOKEN, 0).await;
    assert_merit_err(
        t.try_submit(&honest, task, [99; 32]).await,
        MeritError::TaskFull,
    );
    // The cheapest follow-up for the squatter: reveal the junk, and nobody judges it in
    // either round (bonds come back). The fees are gone whatever happens.
    t.to_submission_reveal_phase(&task).await;
    for (i, s) in squatters.iter().enumerate() {
        let ix = t.client().reveal_submission(
            s.pubkey(),
            task,
            [i as u8; 32],
            salt_of(s),
            "ipfs://junk".into(),
        );
        t.send(&[ix], &[s]).await.unwrap();
        t.rounds
            .insert(pda::round(&pda::submission(&task, &s.pubkey()), 1));
    }
    let state = t.task(&task).await;
    t.set_time(state.reveal_deadline);
    let keeper = t.actor(0).await;
    for s in &squatters {
        let sub = pda::submission(&task, &s.pubkey());
        t.finalize_through_rounds(&keeper, task, sub).await.unwrap();
        assert_eq!(t.submission(&sub).await.outcome, Outcome::NoQuorum);
    }
    t.finalize_task(&keeper, task).await.unwrap();
    let mut spent = 0;
    for s in &squatters {
        t.claim_submission(s, task).await.unwrap();
        let end = t.balance(&s.pubkey()).await + t.stake(&s.pubkey()).await.deposited;
        spent += 10 * TOKEN + fee - end;
    }
    assert_eq!(spent, 10 * fee, "the squat cost max_submissions x fee");
    assert!(
        spent > 2 * 800 * TOKEN,
        "more than twice the contributor pool"
    );
    // Everything the creator escrowed went to the treasury with the fees: the unjudged
    // work's validator slices and its shares of the contributor pool.
    let state = t.task(&task).await;
    assert_eq!(state.to_treasury, 10 * fee + 1_000 * TOKEN);
    assert_eq!(state.reclaimable().unwrap(), 0);
}

#[tokio::test]
async fn a_judged_junk_submission_pays_its_fee_to_its_judges_and_loses_its_bond() {
    let mut t = TestContext::new().await;
    let creator = t.actor(5_000 * TOKEN).await;
    let keeper = t.actor(0).await;
    let val = t.validator(1_000 * TOKEN, 0).await;
    let spammer = t.staker(100 * TOKEN, 0).await;
    let (task, subs) = t
        .judge_task(&creator, &keeper, &[(&spammer, Some(3))], &[&val])
        .await;
    assert_eq!(t.submission(&subs[0]).await.outcome, Outcome::Rejected);
    t.slash_submission(&keeper, task, &spammer.pubkey())
        .await
        .unwrap();
    t.claim_vote(&val, task, subs[0]).await.unwrap();
    // The one coherent judge takes the submission's whole pool: the slice and the fee.
    assert_eq!(t.balance(&val.pubkey()).await, 200 * TOKEN + FEE);
    assert_eq!(t.stake(&spammer.pubkey()).await.deposited, 90 * TOKEN);
    assert_eq!(t.task(&task).await.to_treasury, 0);
}

#[tokio::test]
async fn submit_without_the_fee_in_the_wallet_or_from_another_wallet_is_rejected() {
    let (mut t, _, task) = setup().await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let bob = t.actor(TOKEN).await;
    let terms = t.task(&task).await.terms_hash;
    let watched = [pda::stake(&alice.pubkey()), task];
    let before = t.snapshot(&watched).await;
    // Nothing in alice's wallet: the token program refuses the fee transfer.
    assert_fails(t.try_submit_raw(&alice, task, [1; 32], terms).await);
    // Paying from bob's wallet without bob's signature.
    let mut ix = t.client().submit(alice.pubkey(), task, [1; 32], terms);
    merit_client::builders::replace_account(
        &mut ix,
        &t.client().ata(&alice.pubkey()),
        &t.client().ata(&bob.pubkey()),
    );
    assert_anchor_err(
        t.send(&[ix], &[&alice]).await,
        ErrorCode::ConstraintTokenOwner,
    );
    // Into another task's vault.
    let mut ix = t.client().submit(alice.pubkey(), task, [1; 32], terms);
    merit_client::builders::replace_account(&mut ix, &pda::task_vault(&task), &pda::stake_vault());
    t.mint_to(&alice.pubkey(), FEE).await;
    assert_merit_err(t.send(&[ix], &[&alice]).await, MeritError::AccountMismatch);
    assert_eq!(t.snapshot(&watched).await, before);
}
