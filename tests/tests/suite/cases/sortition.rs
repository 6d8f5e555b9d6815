//! Committees by lot: the attacks that worked against first-come seats, as tests that
//! fail if the defence breaks.
use anchor_lang::prelude::Pubkey;
use merit::sortition::{lot, seats};
use merit_tests::*;

/// A task with one honest submission, judged after `validators` are active.
async fn task_with_submission(t: &mut TestContext) -> (Keypair, Pubkey, Pubkey) {
    let creator = t.actor(2_000 * TOKEN).await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let mut args = t.task_args();
    args.committee_size = 9;
    args.quorum_seats = 3;
    let task = t.create_task(&creator, args).await;
    let sub = t.submit(&alice, task, 1).await;
    (creator, task, sub)
}

#[tokio::test]
async fn thirty_two_minimum_stake_sybils_cannot_take_the_seats_of_a_large_honest_validator() {
    let mut t = TestContext::new().await;
    t.check_each_step = false;
    let honest = t.validator(1_000_000 * TOKEN, 0).await;
    let mut sybils = Vec::new();
    for _ in 0..32 {
        sybils.push(t.validator(10 * TOKEN, 0).await);
    }
    let (_, task, sub) = task_with_submission(&mut t).await;
    t.to_commit_phase(&task).await;
    // They race to commit first: only the drawn may, whatever the order.
    let mut sybil_seats = 0;
    for s in &sybils {
        let drawn = t.seats(&task, &sub, &s.pubkey()).await;
        match t.try_commit(s, task, sub, 0).await {
            Ok(()) => sybil_seats += drawn,
            Err(_) => assert_eq!(drawn, 0, "a drawn sybil was refused"),
        }
    }
    // 320 of 1,000,320 tokens: 0.003 expected seats of 9.
    assert!(sybil_seats <= 1, "sybils took {sybil_seats} seats");
    t.try_commit(&honest, task, sub, 85).await.unwrap();
    assert!(t.vote(&sub, &honest.pubkey()).await.weight >= 8);
    t.to_reveal_phase(&task).await;
    t.try_reveal(&honest, task, sub, 85).await.unwrap();
    for s in &sybils {
        let _ = t.try_reveal(s, task, sub, 0).await;
    }
    t.to_finalize_phase(&task).await;
    let keeper = t.actor(0).await;
    t.finalize_submission(&keeper, task, sub).await.unwrap();
    assert_eq!(t.submission(&sub).await.outcome, Outcome::Accepted);
}

#[tokio::test]
async fn an_undrawn_validator_is_refused_and_uses_no_seat() {
    let mut t = TestContext::new().await;
    let big = t.validator(1_000_000 * TOKEN, 0).await;
    let (_, task, sub) = task_with_submission(&mut t).await;
    // Keys whose lot misses: a minimum-stake validator is drawn with odds 9e-6.
    let small = t.validator(TOKEN, 0).await;
    t.to_commit_phase(&task).await;
    assert_eq!(t.seats(&task, &sub, &small.pubkey()).await, 0);
    assert_merit_err(
        t.try_commit(&small, task, sub, 0).await,
        MeritError::NotDrawn,
    );
    assert!(!t.exists(&pda::vote_in(&sub, 1, &small.pubkey())).await);
    assert_eq!(t.current_round(&sub).await.vote_count, 0);
    t.try_commit(&big, task, sub, 80).await.unwrap();
}

/// 32 distinct bytes per draw index, for seeds that differ from draw to draw.
fn seed_bytes(i: u64) -> [u8; 32] {
    let mut b = [1u8; 32];
    b[..8].copy_from_slice(&i.to_le_bytes());
    b
}

#[test]
fn a_whale_split_over_five_keys_gets_the_same_expected_seats_as_one_key() {
    // 500,000 of 2,000,000 active tokens, committee of 9: 2.25 expected seats either way.
    let total = 2_000_000 * TOKEN;
    let (n, k) = (20_000u64, 9u8);
    let (mut one, mut five) = (0u64, 0u64);
    for i in 0..n {
        let seed =
            merit::sortition::fallback_seed(&Pubkey::new_from_array(seed_bytes(i)), &[0; 32]);
        let sub = Pubkey::new_from_array([3; 32]);
        one += seats(
            500_000 * TOKEN,
            total,
            k,
            lot(&seed, &sub, &Pubkey::new_from_array([9; 32])),
        );
        for key in 0..5u8 {
            let v = Pubkey::new_from_array([10 + key; 32]);
            five += seats(100_000 * TOKEN, total, k, lot(&seed, &sub, &v));
        }
    }
    let (mean_one, mean_five) = (one as f64 / n as f64, five as f64 / n as f64);
    // Standard error of a mean of 20,000 draws with variance <= 1.25: < 0.008; 5 sigma.
    assert!((mean_one - 2.25).abs() < 0.04, "one key: {mean_one}");
    assert!((mean_five - 2.25).abs() < 0.04, "five keys: {mean_five}");
}

#[tokio::test]
async fn a_contributor_cannot_judge_a_rival_in_the_same_task() {
    let mut t = TestContext::new().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let rival = t.validator(1_000 * TOKEN, 0).await;
    let args = t.task_args();
    let task = t.create_task(&creator, args).await;
    let sub = t.submit(&alice, task, 1).await;
    t.submit(&rival, task, 2).await;
    t.to_commit_phase(&task).await;
    assert!(t.seats(&task, &sub, &rival.pubkey()).await > 0);
    assert_merit_err(
        t.try_commit(&rival, task, sub, 0).await,
        MeritError::CompetitorVote,
    );
}

#[tokio::test]
async fn stake_deposited_after_the_draw_gives_no_seat_even_once_active() {
    let mut t = TestContext::new().await;
    let honest = t.validator(1_000 * TOKEN, 0).await;
    let (_, task, sub) = task_with_submission(&mut t).await;
    t.to_commit_phase(&task).await;
    // Seeing the seed, an attacker deposits 100x the active stake and waits for it to warm.
    let late = t.staker(100_000 * TOKEN, 0).await;
    let keeper = t.actor(0).await;
    let state = t.task(&task).await;
    let end = t.epoch(0).await.end;
    assert!(end > state.commit_deadline, "the epoch outlasts the task");
    assert_eq!(t.seats(&task, &sub, &late.pubkey()).await, 0);
    assert_merit_err(
        t.try_commit(&late, task, sub, 0).await,
        MeritError::StakeBelowMinimum,
    );
    t.try_commit(&honest, task, sub, 80).await.unwrap();
    // Its stake counts from the next epoch on, for tasks drawn then.
    t.set_time(end);
    t.advance_epoch(&keeper).await.unwrap();
    let stake = t.stake(&late.pubkey()).await;
    assert_eq!(stake.active_at(0, 1), 0);
    assert_eq!(stake.active_at(1, 1), 100_000 * TOKEN);
    // The honest validator, the contributor's epoch-0 deposit, and now the late stake.
    assert_eq!(t.config().await.total_active_stake, 101_100 * TOKEN);
}

#[tokio::test]
async fn stake_requested_for_unstake_stops_counting_at_once() {
    let mut t = TestContext::new().await;
    let whale = t.validator(1_000 * TOKEN, 0).await;
    let other = t.validator(1_000 * TOKEN, 0).await;
    let (_, task, sub) = task_with_submission(&mut t).await;
    t.to_commit_phase(&task).await;
    assert!(t.seats(&task, &sub, &whale.pubkey()).await >= 4);
    let ix = t.client().request_unstake(whale.pubkey(), 1_000 * TOKEN);
    t.send(&[ix], &[&whale]).await.unwrap();
    assert_eq!(t.config().await.total_active_stake, 1_000 * TOKEN);
    assert_eq!(t.seats(&task, &sub, &whale.pubkey()).await, 0);
    assert_merit_err(
        t.try_commit(&whale, task, sub, 0).await,
        MeritError::StakeBelowMinimum,
    );
    t.try_commit(&other, task, sub, 80).await.unwrap();
}

#[tokio::test]
async fn tokens_backing_an_open_vote_cannot_be_unstaked() {
    let mut t = TestContext::new().await;
    let val = t.validator(1_000 * TOKEN, 0).await;
    let (_, task, sub) = task_with_submission(&mut t).await;
    t.to_commit_phase(&task).await;
    t.try_commit(&val, task, sub, 80).await.unwrap();
    // The bond (all 16 seats: 10% of the 1,000-token reward) stays locked until the vote
    // settles.
    let ix = t.client().request_unstake(val.pubkey(), 1_000 * TOKEN);
    assert_merit_err(
        t.send(&[ix], &[&val]).await,
        MeritError::InsufficientUnlockedStake,
    );
    assert_eq!(t.stake(&val.pubkey()).await.locked, 100 * TOKEN);
}

#[tokio::test]
async fn a_creator_cannot_set_parameters_that_make_a_task_capturable() {
    let mut t = TestContext::new().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let p = ConfigParams::defaults(6);
    for (edit, err) in [
        (
            (|a: &mut CreateTaskArgs| a.committee_size = 1) as fn(&mut CreateTaskArgs),
            MeritError::InvalidCommitteeSize,
        ),
        (|a| a.quorum_seats = 9, MeritError::InvalidQuorum),
        (
            |a| {
                a.reject_threshold = 100;
                a.accept_threshold = 100;
            },
            MeritError::InvalidThresholds,
        ),
        (|a| a.reject_threshold = 51, MeritError::InvalidThresholds),
        (
            |a| a.min_reputation_vote = 10_000,
            MeritError::InvalidReputation,
        ),
    ] {
        let mut args = t.task_args();
        edit(&mut args);
        assert_merit_err(t.try_create_task(&creator, args).await, err);
    }
    assert!(p.min_committee_size >= 3 && p.max_reject_threshold < p.max_accept_threshold);
}

#[tokio::test]
async fn a_puppet_of_the_creator_with_one_token_is_not_drawn() {
    let mut t = TestContext::new().await;
    let honest = t.validator(100_000 * TOKEN, 0).await;
    // The creator's puppet: a minimum-stake key the creator controls, racing to commit
    // first with a rejecting score. Its odds of a seat are 9 x 1/100,001.
    let puppet = t.validator(TOKEN, 0).await;
    let (_, task, sub) = task_with_submission(&mut t).await;
    t.to_commit_phase(&task).await;
    assert_merit_err(
        t.try_commit(&puppet, task, sub, 0).await,
        MeritError::NotDrawn,
    );
    t.try_commit(&honest, task, sub, 85).await.unwrap();
}

/// Nobody draws round 1's committee by the commit deadline: the round decides nothing, and
/// instead of handing the revealed work back to its creator for free, a second round
/// with a committee of its own is opened, drawn and judges it.
#[tokio::test]
async fn a_round_with_no_committee_is_followed_by_a_freshly_drawn_one() {
    let mut t = TestContext::new().await;
    let val = t.validator(1_000 * TOKEN, 0).await;
    let (_, task, sub) = task_with_submission(&mut t).await;
    let state = t.task(&task).await;
    t.to_submission_reveal_phase(&task).await;
    t.reveal_submissions(&task).await;
    t.set_time(state.submission_reveal_deadline);
    assert_merit_err(
        t.try_commit(&val, task, sub, 80).await,
        MeritError::CommitteeNotDrawn,
    );
    t.set_time(state.commit_deadline);
    assert_merit_err(t.draw_step(&task).await, MeritError::DrawNotDue);
    t.to_finalize_phase(&task).await;
    let keeper = t.actor(0).await;
    t.finalize_submission(&keeper, task, sub).await.unwrap();
    let s = t.submission(&sub).await;
    assert_eq!(
        (s.outcome, s.round, s.open_rounds),
        (Outcome::Pending, 2, 2)
    );
    assert_eq!(
        t.round(&sub, 1).await.state,
        merit_client::RoundState::Failed
    );
    let second = t.round(&sub, 2).await;
    assert!(second.draw.is_scheduled() && !second.draw.drawn);
    assert_eq!(second.payer, keeper.pubkey());
    // Its own committee: drawn from its own seed, then a full commit and reveal window.
    t.draw_round(task, sub, 2).await.unwrap();
    let second = t.round(&sub, 2).await;
    assert!(second.draw.drawn);
    assert_ne!(second.draw.seed, t.task(&task).await.draw.seed);
    assert_eq!(
        second.commit_deadline - second.commit_opens_at,
        second.commit_secs
    );
    t.try_commit_in(&val, task, sub, 2, 80).await.unwrap();
    t.to_task_time(&task, second.commit_deadline).await;
    t.try_reveal_in(&val, task, sub, 2, 80).await.unwrap();
    t.to_task_time(&task, second.reveal_deadline).await;
    t.finalize_submission(&keeper, task, sub).await.unwrap();
    let s = t.submission(&sub).await;
    assert_eq!((s.outcome, s.consensus_score), (Outcome::Accepted, 80));
    t.finalize_task(&keeper, task).await.unwrap();
    let contributor = s.contributor;
    assert_merit_err(
        t.slash_submission(&keeper, task, &contributor).await,
        MeritError::SubmissionNotRejected,
    );
    t.claim_vote_in(&val, task, sub, 2).await.unwrap();
    assert!(t.vote_in(&sub, 2, &val.pubkey()).await.reward_paid > 0);
}

#[tokio::test]
async fn the_draw_is_refused_before_its_target_slot_and_done_once() {
    let mut t = TestContext::new().await;
    t.validator(1_000 * TOKEN, 0).await;
    let (_, task, _) = task_with_submission(&mut t).await;
    let state = t.task(&task).await;
    t.set_time(state.submission_deadline - 1);
    assert_merit_err(t.draw_step(&task).await, MeritError::DrawNotDue);
    t.set_time(state.submission_deadline);
    t.draw_step(&task).await.unwrap();
    let draw = t.task(&task).await.draw;
    assert_eq!(draw.total_stake, 1_000 * TOKEN);
    assert!(!draw.drawn && draw.target_slot > t.net.slot());
    assert_merit_err(t.draw_step(&task).await, MeritError::DrawNotReady);
    // The target is produced, not yet the hops after it: still not ready.
    t.net.warp_slots(merit::constants::DRAW_DELAY_SLOTS + 1);
    assert_merit_err(t.draw_step(&task).await, MeritError::DrawNotReady);
    assert!(!t.task(&task).await.draw.drawn);
    t.net.warp_slots(merit::constants::DRAW_CHAIN_MAX_SLOTS);
    t.draw_step(&task).await.unwrap();
    let draw = t.task(&task).await.draw;
    assert!(draw.drawn && !draw.from_fallback);
    assert!(draw.seed_slot > draw.target_slot);
    assert_merit_err(t.draw_step(&task).await, MeritError::AlreadyDrawn);
}

#[tokio::test]
async fn a_draw_from_an_account_other_than_slot_hashes_is_refused() {
    let mut t = TestContext::new().await;
    t.validator(1_000 * TOKEN, 0).await;
    let (_, task, _) = task_with_submission(&mut t).await;
    t.to_commit_phase(&task).await;
    let mut ix = t.client().draw(t.net.payer(), task);
    // A look-alike "sysvar" the caller controls: it would let the caller choose the seed.
    let fake = t.actor(0).await;
    ix.accounts[3].pubkey = fake.pubkey();
    let before = t.task(&task).await.draw;
    assert_merit_err(t.send(&[ix], &[]).await, MeritError::InvalidSlotHashes);
    assert_eq!(t.task(&task).await.draw, before);
}

#[tokio::test]
async fn a_contributor_cannot_hide_its_submission_to_judge_a_rival() {
    let mut t = TestContext::new().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let rival = t.validator(1_000 * TOKEN, 0).await;
    let args = t.task_args();
    let task = t.create_task(&creator, args).await;
    let sub = t.submit(&alice, task, 1).await;
    t.submit(&rival, task, 2).await;
    t.to_commit_phase(&task).await;
    let commitment =
        merit_client::vote_commitment(&pda::round(&sub, 1), &rival.pubkey(), 0, &salt_of(&rival));
    let mut ix = t
        .client()
        .commit_vote(rival.pubkey(), task, sub, 1, commitment);
    // An empty account in place of its own submission PDA.
    ix.accounts[6].pubkey = Pubkey::new_unique();
    assert_anchor_err(
        t.send(&[ix], &[&rival]).await,
        anchor_lang::error::ErrorCode::ConstraintSeeds,
    );
    assert!(!t.exists(&pda::vote_in(&sub, 1, &rival.pubkey())).await);
}

/// Each of the two steps pays one bounty. A target nobody seeded before it left
/// `SlotHashes` is never rescheduled to a new future slot: the draw is seeded from the
/// task's fallback, fixed by its address before anything was scheduled.
#[tokio::test]
async fn each_draw_step_pays_one_bounty_and_an_aged_out_target_falls_back_to_a_fixed_seed() {
    let mut t = TestContext::new().await;
    t.validator(1_000 * TOKEN, 0).await;
    let (_, task, _) = task_with_submission(&mut t).await;
    let keeper = t.actor(0).await;
    let bounty = ConfigParams::defaults(6).keeper_bounty_lamports;
    let state = t.task(&task).await;
    t.set_time(state.submission_deadline);
    let step = |t: &mut TestContext| t.client().draw(keeper.pubkey(), task);
    let before = t.net.lamports(&keeper.pubkey()).await;
    let ix = step(&mut t);
    t.send(&[ix], &[&keeper]).await.unwrap();
    assert_eq!(t.net.lamports(&keeper.pubkey()).await, before + bounty);
    let first = t.task(&task).await.draw;
    // Scheduling recorded the newest slot hash: the fallback's entropy, which nobody knew
    // while submissions were open.
    let sysvar = t
        .net
        .raw_account(&merit::constants::SLOT_HASHES_SYSVAR)
        .await
        .unwrap();
    assert_eq!(
        first.seed,
        merit::sortition::newest_slot_hash(&sysvar.data).unwrap()
    );
    t.net.warp_slots(600);
    let ix = step(&mut t);
    t.send(&[ix], &[&keeper]).await.unwrap();
    let drawn = t.task(&task).await.draw;
    assert!(drawn.drawn && drawn.from_fallback);
    // The fallback mixes in the newest slot hash at scheduling, unknown while submissions
    // were open (no contributor could grind its key against it).
    assert_eq!(
        drawn.seed,
        merit::sortition::fallback_seed(&task, &first.seed)
    );
    assert_ne!(first.seed, [0; 32]);
    assert_eq!(
        (drawn.target_slot, drawn.epoch, drawn.total_stake),
        (first.target_slot, first.epoch, first.total_stake)
    );
    assert_eq!(t.net.lamports(&keeper.pubkey()).await, before + 2 * bounty);
    let ix = step(&mut t);
    assert_merit_err(t.send(&[ix], &[&keeper]).await, MeritError::AlreadyDrawn);
}

#[tokio::test]
async fn a_pause_stops_commits_but_not_the_draw() {
    let mut t = TestContext::new().await;
    let val = t.validator(1_000 * TOKEN, 0).await;
    let (_, task, sub) = task_with_submission(&mut t).await;
    // Submissions closed and revealed, then the pause: the draw still runs.
    t.to_submission_reveal_phase(&task).await;
    t.reveal_submissions(&task).await;
    let admin = t.admin();
    let ix = t.client().set_paused(admin.pubkey(), true);
    t.send(&[ix], &[&admin]).await.unwrap();
    t.draw(&task).await.unwrap();
    assert!(t.task(&task).await.draw.drawn);
    let state = t.task(&task).await;
    t.set_time(state.submission_reveal_deadline);
    assert_merit_err(
        t.try_commit(&val, task, sub, 80).await,
        MeritError::ProtocolPaused,
    );
}

#[tokio::test]
#[ignore = "compute is metered only on an SBF build: `anchor test` runs it with SBF_OUT_DIR set"]
async fn draw_and_a_drawn_commit_fit_the_compute_budget_on_sbf() {
    assert!(
        merit_localnet::runs_sbf(),
        "needs SBF_OUT_DIR pointing at a directory holding merit.so"
    );
    let mut t = TestContext::new().await;
    let val = t.validator(1_000 * TOKEN, 0).await;
    let (_, task, sub) = task_with_submission(&mut t).await;
    let state = t.task(&task).await;
    t.set_time(state.submission_deadline);
    let keeper = t.actor(0).await;
    let draw = t.client().draw(keeper.pubkey(), task);
    let schedule = t
        .net
        .units_consumed(std::slice::from_ref(&draw), &[&keeper])
        .await
        .unwrap();
    t.send(std::slice::from_ref(&draw), &[&keeper])
        .await
        .unwrap();
    t.net.warp_slots(merit::constants::DRAW_CHAIN_MAX_SLOTS + 1);
    let seed = t
        .net
        .units_consumed(std::slice::from_ref(&draw), &[&keeper])
        .await
        .unwrap();
    t.send(&[draw], &[&keeper]).await.unwrap();
    t.reveal_submissions(&task).await;
    t.set_time(state.submission_reveal_deadline);
    let commitment =
        merit_client::vote_commitment(&pda::round(&sub, 1), &val.pubkey(), 80, &salt_of(&val));
    let ix = t
        .client()
        .commit_vote(val.pubkey(), task, sub, 1, commitment);
    let commit = t.net.units_consumed(&[ix], &[&val]).await.unwrap();
    println!("compute units: draw (schedule) {schedule}, draw (seed) {seed}, commit_vote {commit}");
    for (name, units) in [
        ("draw schedule", schedule),
        ("draw seed", seed),
        ("commit_vote", commit),
    ] {
        assert!(
            units > 0 && units <= 60_000,
            "{name} used {units} compute units"
        );
    }
}
