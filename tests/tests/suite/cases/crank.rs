//! The keeper against the real program: exactly the due work, each bounty once, racing
//! keepers, and packing within the packet size.
use anchor_lang::prelude::Pubkey;
use merit_crank::{discover, execute, pack, run_pass, Chain, LocalChain, RpcChain, Work};
use merit_localnet::PACKET_DATA_SIZE;
use merit_tests::*;
use solana_transaction::Transaction;

/// Task `done` is past its reveal deadline with an accepted submission and a rejected one
/// (one validator committed on both and never revealed); task `open` still takes
/// submissions.
async fn world() -> (TestContext, Pubkey, Pubkey, Vec<Pubkey>, Keypair) {
    let mut t = TestContext::new().await;
    let creator = t.actor(5_000 * TOKEN).await;
    let (a, b, c) = (
        t.staker(100 * TOKEN, 0).await,
        t.staker(100 * TOKEN, 0).await,
        t.staker(100 * TOKEN, 0).await,
    );
    let (v1, v2, lazy) = (
        t.validator(200 * TOKEN, 0).await,
        t.validator(200 * TOKEN, 0).await,
        t.validator(200 * TOKEN, 0).await,
    );
    let args = t.task_args();
    let done = t.create_task(&creator, args).await;
    let s1 = t.submit(&a, done, 1).await;
    let s2 = t.submit(&b, done, 2).await;
    t.to_commit_phase(&done).await;
    for (sub, score) in [(s1, 85), (s2, 5)] {
        for v in [&v1, &v2] {
            t.try_commit(v, done, sub, score).await.unwrap();
        }
    }
    t.try_commit(&lazy, done, s1, 85).await.unwrap();
    t.try_commit(&lazy, done, s2, 85).await.unwrap();
    t.to_reveal_phase(&done).await;
    for (sub, score) in [(s1, 85), (s2, 5)] {
        for v in [&v1, &v2] {
            t.try_reveal(v, done, sub, score).await.unwrap();
        }
    }
    t.to_finalize_phase(&done).await;
    let mut args = t.task_args();
    args.submission_deadline = t.now() + 3_600;
    args.commit_deadline = t.now() + 7_200;
    args.reveal_deadline = t.now() + 10_800;
    let open = t.create_task(&creator, args).await;
    t.submit(&c, open, 3).await;
    let keeper = t.actor(0).await;
    (t, done, open, vec![s1, s2], keeper)
}

#[tokio::test]
async fn each_pass_does_exactly_the_due_work_and_each_bounty_is_paid_once() {
    let (mut t, done, open, subs, keeper) = world().await;
    let client = t.client();
    let bounty = ConfigParams::defaults(6).keeper_bounty_lamports as i64;

    let mut chain = LocalChain {
        net: &mut t.net,
        keeper: keeper.insecure_clone(),
    };
    let first = run_pass(&mut chain, &client).await.unwrap();
    // Two finalizations are due; the task can be finalized only once they are.
    assert_eq!(
        (first.found, first.confirmed, first.lost_to_other_keepers),
        (2, 2, 0)
    );
    assert!(first.failed.is_empty(), "{:?}", first.failed);
    assert_eq!(first.lamports_earned, 2 * bounty);
    t.check_invariants().await;
    assert_eq!(t.submission(&subs[1]).await.outcome, Outcome::Rejected);

    let mut chain = LocalChain {
        net: &mut t.net,
        keeper: keeper.insecure_clone(),
    };
    let second = run_pass(&mut chain, &client).await.unwrap();
    // finalize_task, the rejected bond, the two missing reveals, the rejected work's
    // content claim (never paid, nothing pending on it: its rent goes back).
    assert_eq!((second.found, second.confirmed), (5, 5), "{second:?}");
    assert!(!t.exists(&pda::content_claim(&content_hash(&done, 2))).await);
    assert!(t.exists(&pda::content_claim(&content_hash(&done, 1))).await);
    assert_eq!(second.lamports_earned, bounty);
    t.check_invariants().await;
    assert!(t.submission(&subs[1]).await.slashed);
    assert_eq!(
        t.task(&done).await.state,
        merit_client::TaskState::Finalized
    );

    // The slashed, never-revealed votes are settled: closing them returns their rent to
    // the validator (not the keeper), and the slashes' treasury share is swept (no
    // bounty either). After that nothing is due until people claim.
    let pending = t.config().await.treasury_pending;
    assert!(pending > 0);
    let treasury = t.net.token_balance(&pda::treasury()).await;
    let mut chain = LocalChain {
        net: &mut t.net,
        keeper: keeper.insecure_clone(),
    };
    let third = run_pass(&mut chain, &client).await.unwrap();
    assert_eq!(
        (third.found, third.confirmed, third.lamports_earned),
        (3, 3, 0),
        "{third:?}"
    );
    assert_eq!(t.config().await.treasury_pending, 0);
    assert_eq!(
        t.net.token_balance(&pda::treasury()).await,
        treasury + pending
    );
    let mut chain = LocalChain {
        net: &mut t.net,
        keeper: keeper.insecure_clone(),
    };
    let fourth = run_pass(&mut chain, &client).await.unwrap();
    assert_eq!((fourth.found, fourth.confirmed), (0, 0));
    t.check_invariants().await;
    // The task still taking submissions was never touched.
    assert_eq!(t.task(&open).await.finalized_count, 0);
    // Slasher rewards went to the keeper's token account.
    assert!(t.balance(&keeper.pubkey()).await > 0);
}

#[tokio::test]
async fn two_keepers_racing_do_every_item_once() {
    let (mut t, _, _, _, keeper) = world().await;
    let other = t.actor(0).await;
    let client = t.client();
    // Both see the same due work; the other keeper lands first.
    let mut b = LocalChain {
        net: &mut t.net,
        keeper: other.insecure_clone(),
    };
    let seen_by_b = discover(&mut b).await.unwrap();
    let mut a = LocalChain {
        net: &mut t.net,
        keeper: keeper.insecure_clone(),
    };
    let won = run_pass(&mut a, &client).await.unwrap();
    let mut b = LocalChain {
        net: &mut t.net,
        keeper: other.insecure_clone(),
    };
    let lost = execute(&mut b, &client, seen_by_b).await.unwrap();
    assert_eq!(won.confirmed, 2);
    assert_eq!(lost.confirmed, 0);
    assert_eq!(lost.lost_to_other_keepers, 2, "{lost:?}");
    assert!(lost.failed.is_empty(), "{:?}", lost.failed);
    assert_eq!(lost.lamports_earned, 0, "no bounty is paid twice");
    t.check_invariants().await;
}

#[test]
fn packing_never_builds_a_transaction_over_the_packet_size() {
    let client = MeritClient::new(Pubkey::new_unique(), anchor_spl::token::ID);
    // Never contacted: packing reads only the chain's signer, fee payer and the
    // compute-budget instructions it adds (a priority fee adds one more).
    let chain = RpcChain::new("http://127.0.0.1:1".into(), Keypair::new(), 5_000);
    let keeper = chain.signer();
    let work: Vec<Work> = (0..200)
        .map(|i| match i % 4 {
            0 => Work::SlashVote {
                task: Pubkey::new_unique(),
                submission: Pubkey::new_unique(),
                round: 1,
                validator: Pubkey::new_unique(),
                from_vesting: i % 8 == 0,
            },
            1 => Work::FinalizeSubmission {
                task: Pubkey::new_unique(),
                contributor: Pubkey::new_unique(),
                epoch: i,
                content: Some([i as u8; 32]),
                round: Some(1),
                open_next: i % 8 == 1,
            },
            2 => Work::CloseVote {
                submission: Pubkey::new_unique(),
                round: 1,
                validator: Pubkey::new_unique(),
                payer: Pubkey::new_unique(),
            },
            _ => Work::FinalizeTask {
                task: Pubkey::new_unique(),
            },
        })
        .collect();
    let groups = pack(&chain, &work, &client);
    assert!(groups.len() > 10);
    let flat: Vec<Work> = groups.iter().flatten().cloned().collect();
    assert_eq!(flat, work, "packing keeps every item, in order");
    for g in &groups {
        let mut ixs = chain.budget(g.len());
        assert_eq!(ixs.len(), 2, "compute-unit limit and price");
        ixs.extend(g.iter().map(|w| w.instruction(&client, &keeper)));
        let tx = Transaction::new_with_payer(&ixs, Some(&chain.fee_payer()));
        assert!(merit_client::transaction_size(&tx) <= PACKET_DATA_SIZE);
    }
}

#[tokio::test]
async fn a_keeper_that_cannot_pay_fees_is_refused() {
    let mut t = TestContext::new().await;
    let broke = Keypair::new();
    let mut chain = LocalChain {
        net: &mut t.net,
        keeper: broke.insecure_clone(),
    };
    let err = merit_crank::ensure_can_pay(&mut chain).await.unwrap_err();
    assert!(
        matches!(
            err,
            merit_crank::ChainError::InsufficientFunds { balance: 0, needed, .. }
                if needed == merit_crank::MIN_KEEPER_LAMPORTS
        ),
        "{err}"
    );
    t.net
        .airdrop(&broke.pubkey(), merit_crank::MIN_KEEPER_LAMPORTS)
        .await
        .unwrap();
    let mut chain = LocalChain {
        net: &mut t.net,
        keeper: broke.insecure_clone(),
    };
    assert!(merit_crank::ensure_can_pay(&mut chain).await.is_ok());
    // The deployment is read from the chain's config.
    let client = merit_crank::deployment(&mut chain).await.unwrap();
    assert_eq!(client, t.client());
}

#[tokio::test]
async fn the_keeper_draws_a_due_committee_in_two_passes_and_leaves_empty_tasks_alone() {
    let (mut t, _, open, _, keeper) = world().await;
    let bounty = ConfigParams::defaults(6).keeper_bounty_lamports as i64;
    // A second task past its submission deadline with no submission: nothing to draw.
    let creator = t.actor(1_000 * TOKEN).await;
    let args = t.task_args();
    let empty = t.create_task(&creator, args).await;
    let state = t.task(&open).await;
    t.set_time(state.submission_deadline);
    let escrow = t.task(&open).await.bounty_remaining;
    let (draws, first) = draw_pass(&mut t, &keeper).await;
    assert_eq!(draws, vec![Work::Draw { task: open }]);
    assert!(first.failed.is_empty(), "{first:?}");
    assert!(t.task(&open).await.draw.is_scheduled());
    t.net.warp_slots(merit::constants::DRAW_CHAIN_MAX_SLOTS + 1);
    let (draws, second) = draw_pass(&mut t, &keeper).await;
    assert_eq!(draws, vec![Work::Draw { task: open }]);
    assert!(second.failed.is_empty(), "{second:?}");
    assert!(t.task(&open).await.draw.drawn);
    // Each step paid the keeper one bounty from the task's escrow.
    assert_eq!(
        t.task(&open).await.bounty_remaining,
        escrow - 2 * bounty as u64
    );
    assert!(!t.task(&empty).await.draw.is_scheduled());
    let (draws, _) = draw_pass(&mut t, &keeper).await;
    assert!(draws.is_empty());
    t.check_invariants().await;
}

/// One keeper pass; returns the draws it found due and the pass summary.
async fn draw_pass(t: &mut TestContext, keeper: &Keypair) -> (Vec<Work>, merit_crank::PassSummary) {
    let client = t.client();
    let mut chain = LocalChain {
        net: &mut t.net,
        keeper: keeper.insecure_clone(),
    };
    let draws = discover(&mut chain)
        .await
        .unwrap()
        .into_iter()
        .filter(|w| matches!(w, Work::Draw { .. }))
        .collect();
    (draws, run_pass(&mut chain, &client).await.unwrap())
}

#[tokio::test]
async fn the_keeper_expires_unclaimed_rewards_after_the_claim_window() {
    let mut t = TestContext::new().await;
    let (creator, keeper) = (t.actor(2_000 * TOKEN).await, t.actor(0).await);
    let alice = t.staker(100 * TOKEN, 0).await;
    let val = t.validator(200 * TOKEN, 0).await;
    let (task, _) = t
        .judge_task(&creator, &keeper, &[(&alice, Some(90))], &[&val])
        .await;
    let client = t.client();
    let state = t.task(&task).await;
    let mut chain = LocalChain {
        net: &mut t.net,
        keeper: keeper.insecure_clone(),
    };
    let due = discover(&mut chain).await.unwrap();
    assert!(!due.contains(&Work::ExpireTask { task }));
    t.set_time(state.finalized_at + state.rules.claim_window_secs);
    let mut chain = LocalChain {
        net: &mut t.net,
        keeper: keeper.insecure_clone(),
    };
    let due = discover(&mut chain).await.unwrap();
    assert!(due.contains(&Work::ExpireTask { task }), "{due:?}");
    run_pass(&mut chain, &client).await.unwrap();
    t.check_invariants().await;
    assert!(t.task(&task).await.expired);
}
