//! Epochs, the emission schedule, merit points and emission claims.
use anchor_lang::error::ErrorCode;
use merit_client::{builders::replace_account, scheduled_emission};
use merit_tests::*;

const DAY: i64 = 24 * 3600;

async fn context(params: ConfigParams) -> TestContext {
    TestContext::with_options(LocalnetOptions {
        params: Some(params),
        ..LocalnetOptions::default()
    })
    .await
}

/// One-day epochs emitting 100 tokens, and a protocol fee (20% of a 1,000-token reward,
/// 99.99% of it claimable as emission) whose cap does not bind on one task per epoch:
/// these tests are about the epoch split. `cases/economics.rs` tests the cap.
fn daily() -> ConfigParams {
    ConfigParams {
        epoch_length_secs: DAY,
        initial_emission: 100 * TOKEN,
        emission_decay_bps: 1_000,
        task_fee_bps: 2_000,
        emission_cap_bps: 9_999,
        ..suite_params()
    }
}

#[tokio::test]
async fn initialize_opens_epoch_zero_now() {
    let mut t = context(daily()).await;
    let e = t.epoch(0).await;
    assert_eq!(
        (e.index, e.start, e.end, e.closed),
        (0, t.now(), t.now() + DAY, false)
    );
    assert_eq!(t.config().await.current_epoch, 0);
}

#[tokio::test]
async fn advance_before_the_epoch_ends_is_rejected_at_the_exact_second() {
    let mut t = context(daily()).await;
    let keeper = t.actor(0).await;
    let end = t.epoch(0).await.end;
    t.set_time(end - 1);
    let ix = t.client().advance_epoch(keeper.pubkey(), 0, 1);
    assert_merit_err(t.send(&[ix], &[&keeper]).await, MeritError::EpochNotOver);
    assert!(!t.exists(&pda::epoch(1)).await);
    t.set_time(end);
    t.advance_epoch(&keeper).await.unwrap();
    let (e0, e1) = (t.epoch(0).await, t.epoch(1).await);
    assert!(e0.closed);
    assert_eq!((e1.index, e1.start, e1.end), (1, end, end + DAY));
    assert_eq!(t.config().await.current_epoch, 1);
}

#[tokio::test]
async fn advance_twice_for_the_same_epoch_is_rejected() {
    let mut t = context(daily()).await;
    let keeper = t.actor(0).await;
    t.close_epoch(&keeper).await;
    // Replaying the same advance: epoch 0 is no longer the open one.
    let ix = t.client().advance_epoch(keeper.pubkey(), 0, 1);
    assert_merit_err(
        t.send(&[ix], &[&keeper]).await,
        MeritError::EpochAlreadyClosed,
    );
    // And epoch 1 is not over yet.
    let ix = t.client().advance_epoch(keeper.pubkey(), 1, 2);
    assert_merit_err(t.send(&[ix], &[&keeper]).await, MeritError::EpochNotOver);
    assert_eq!(t.config().await.current_epoch, 1);
}

#[tokio::test]
async fn advance_to_an_index_other_than_the_clocks_is_rejected() {
    let mut t = context(daily()).await;
    let keeper = t.actor(0).await;
    t.set_time(t.now() + 3 * DAY);
    let ix = t.client().advance_epoch(keeper.pubkey(), 0, 1);
    assert_merit_err(t.send(&[ix], &[&keeper]).await, MeritError::WrongEpochIndex);
    let ix = t.client().advance_epoch(keeper.pubkey(), 0, 4);
    assert_merit_err(t.send(&[ix], &[&keeper]).await, MeritError::WrongEpochIndex);
    let ix = t.client().advance_epoch(keeper.pubkey(), 0, 3);
    t.send(&[ix], &[&keeper]).await.unwrap();
}

#[tokio::test]
async fn skipped_epochs_are_jumped_in_one_step() {
    let mut t = context(daily()).await;
    let keeper = t.actor(0).await;
    let genesis = t.epoch(0).await.start;
    t.set_time(genesis + 10 * DAY + DAY / 2);
    t.advance_epoch(&keeper).await.unwrap();
    let e = t.epoch(10).await;
    assert_eq!((e.start, e.end), (genesis + 10 * DAY, genesis + 11 * DAY));
    assert_eq!(t.config().await.current_epoch, 10);
    for skipped in 1..10 {
        assert!(
            !t.exists(&pda::epoch(skipped)).await,
            "epoch {skipped} was created"
        );
    }
}

#[tokio::test]
async fn advance_pays_the_keeper_from_the_keeper_pool_as_far_as_it_goes() {
    let mut t = context(daily()).await;
    let keeper = t.actor(0).await;
    let funder = t.actor(10 * TOKEN).await;
    t.fund_emissions(&funder, 10 * TOKEN, 1_000_000_000)
        .await
        .unwrap();
    let before = t.net.lamports(&keeper.pubkey()).await;
    t.close_epoch(&keeper).await;
    // The keeper paid the new epoch's rent and got it back with the bounty.
    let bounty = ConfigParams::defaults(6).keeper_bounty_lamports;
    assert_eq!(t.net.lamports(&keeper.pubkey()).await, before + bounty);
    let pool = t.config().await.keeper_pool_lamports;
    assert!(pool < 1_000_000_000 && pool > 0);
}

#[tokio::test]
async fn a_huge_keeper_bounty_cannot_drain_the_keeper_pool_through_short_epochs() {
    // The largest bounty the config accepts (1 SOL) and one-minute epochs: each advance
    // still pays at most MAX_EPOCH_BOUNTY_LAMPORTS above the new epoch's rent.
    let mut t = context(ConfigParams {
        epoch_length_secs: 60,
        keeper_bounty_lamports: merit::constants::MAX_KEEPER_BOUNTY_LAMPORTS,
        ..daily()
    })
    .await;
    let keeper = t.actor(0).await;
    let funder = t.actor(10 * TOKEN).await;
    t.fund_emissions(&funder, 10 * TOKEN, 10_000_000_000)
        .await
        .unwrap();
    for _ in 0..10 {
        let before = t.net.lamports(&keeper.pubkey()).await;
        t.close_epoch(&keeper).await;
        let gained = t.net.lamports(&keeper.pubkey()).await - before;
        assert_eq!(gained, merit::constants::MAX_EPOCH_BOUNTY_LAMPORTS);
    }
    assert!(t.config().await.keeper_pool_lamports > 9_000_000_000);
}

#[tokio::test]
async fn an_emission_change_applies_from_the_next_epoch_not_to_the_open_one() {
    let mut t = context(ConfigParams {
        param_timelock_secs: merit::constants::MIN_PARAM_TIMELOCK_SECS,
        unstake_cooldown_secs: merit::constants::MIN_PARAM_TIMELOCK_SECS,
        ..daily()
    })
    .await;
    let (keeper, funder) = (t.actor(0).await, t.actor(5_000 * TOKEN).await);
    t.fund_emissions(&funder, 5_000 * TOKEN, 0).await.unwrap();
    let opened = t.epoch(0).await;
    assert_eq!(
        (opened.scheduled_emission, opened.contributor_emission_bps),
        (100 * TOKEN, 6_000)
    );
    // An hour into epoch 0 the admin's change (ten times the emission, all to
    // contributors) applies.
    let mut params = t.config().await.params;
    params.initial_emission = 1_000 * TOKEN;
    params.contributor_emission_bps = 10_000;
    t.change_params(params).await;
    assert!(t.now() < opened.end);
    assert_eq!(t.epoch(0).await.scheduled_emission, 100 * TOKEN);
    // Epoch 0 closes with what it opened with (nobody earned points: it is kept back);
    // epoch 1 opens with the new schedule (decayed once) and split.
    t.close_epoch(&keeper).await;
    let next = t.epoch(1).await;
    assert_eq!(next.scheduled_emission, 900 * TOKEN);
    assert_eq!(next.contributor_emission_bps, 10_000);
    assert_eq!(t.config().await.emission_reserved, 0);
}

#[tokio::test]
async fn fund_emissions_rejects_nothing_and_other_mints() {
    let mut t = context(daily()).await;
    let funder = t.actor(10 * TOKEN).await;
    assert_merit_err(
        t.fund_emissions(&funder, 0, 0).await,
        MeritError::ZeroAmount,
    );
    let wrong = t
        .net
        .foreign_token_account(&funder.pubkey(), TOKEN)
        .await
        .unwrap();
    let c = t.client();
    let mut ix = c.fund_emissions(funder.pubkey(), TOKEN, 0);
    replace_account(&mut ix, &c.ata(&funder.pubkey()), &wrong);
    assert_anchor_err(
        t.send(&[ix], &[&funder]).await,
        ErrorCode::ConstraintTokenMint,
    );
    t.fund_emissions(&funder, 10 * TOKEN, 0).await.unwrap();
    assert_eq!(t.config().await.emission_funded, 10 * TOKEN);
}

#[tokio::test]
async fn submission_finalized_just_before_and_after_an_epoch_closes_lands_in_the_right_epoch() {
    let mut t = context(ConfigParams {
        epoch_length_secs: 4 * 3600,
        ..daily()
    })
    .await;
    let (creator, keeper) = (t.actor(5_000 * TOKEN).await, t.actor(0).await);
    let alice = t.staker(100 * TOKEN, 0).await;
    let bob = t.staker(100 * TOKEN, 0).await;
    let val = t.validator(200 * TOKEN, 0).await;
    let args = t.task_args();
    let task = t.create_task(&creator, args).await;
    let sa = t.submit(&alice, task, 1).await;
    let sb = t.submit(&bob, task, 2).await;
    t.to_commit_phase(&task).await;
    t.try_commit(&val, task, sa, 80).await.unwrap();
    t.try_commit(&val, task, sb, 90).await.unwrap();
    t.to_reveal_phase(&task).await;
    t.try_reveal(&val, task, sa, 80).await.unwrap();
    t.try_reveal(&val, task, sb, 90).await.unwrap();
    let end = t.epoch(0).await.end;

    t.set_time(end - 1);
    t.finalize_submission(&keeper, task, sa).await.unwrap();
    t.set_time(end);
    assert_merit_err(
        t.finalize_submission(&keeper, task, sb).await,
        MeritError::EpochStale,
    );
    t.advance_epoch(&keeper).await.unwrap();
    t.finalize_submission(&keeper, task, sb).await.unwrap();

    let (a, b) = (t.submission(&sa).await, t.submission(&sb).await);
    assert_eq!((a.epoch, b.epoch), (0, 1));
    // Points are the value put up for the work (half the 800-token contributor pool,
    // scaled by the score) at a new key's multiplier (0.9x).
    assert_eq!(a.points, 400 * TOKEN * 80 / 100 * 9 / 10);
    assert_eq!(b.points, 400 * TOKEN * 90 / 100 * 9 / 10);
    assert_eq!(t.epoch(0).await.contributor_points, u128::from(a.points));
    assert_eq!(t.epoch(1).await.contributor_points, u128::from(b.points));
    // Each coherent vote earns the value it is paid (its share of the submission's 100-token
    // validator slice) at a neutral multiplier. The only active stake holds all 16 seats.
    let (wa, wb) = (
        t.vote(&sa, &val.pubkey()).await.weight,
        t.vote(&sb, &val.pubkey()).await.weight,
    );
    assert_eq!((wa, wb), (16, 16));
    assert_eq!(t.epoch(0).await.validator_points, u128::from(90 * TOKEN));
    assert_eq!(t.epoch(1).await.validator_points, u128::from(90 * TOKEN));
}

#[tokio::test]
async fn an_epoch_without_points_emits_nothing_and_leaves_its_emission_in_the_vault() {
    let mut t = context(daily()).await;
    let (keeper, funder) = (t.actor(0).await, t.actor(5_000 * TOKEN).await);
    t.fund_emissions(&funder, 5_000 * TOKEN, 0).await.unwrap();
    t.close_epoch(&keeper).await;
    let e0 = t.epoch(0).await;
    assert!(e0.closed);
    assert_eq!((e0.contributor_emission, e0.validator_emission), (0, 0));
    let config = t.config().await;
    assert_eq!(config.emission_reserved, 0);
    assert_eq!(config.emission_available().unwrap(), 5_000 * TOKEN);
}

#[tokio::test]
async fn emission_claims_pay_pro_rata_to_points_once_after_the_epoch_closes() {
    // 40 tokens an epoch: below what the epoch's points may ever be paid (its ceiling).
    let mut t = context(ConfigParams {
        initial_emission: 40 * TOKEN,
        ..daily()
    })
    .await;
    let (creator, keeper, funder) = (
        t.actor(2_000 * TOKEN).await,
        t.actor(0).await,
        t.actor(5_000 * TOKEN).await,
    );
    t.fund_emissions(&funder, 5_000 * TOKEN, 0).await.unwrap();
    let alice = t.staker(100 * TOKEN, 0).await;
    let bob = t.staker(100 * TOKEN, 0).await;
    let carol = t.staker(100 * TOKEN, 0).await;
    let v1 = t.validator(300 * TOKEN, 0).await;
    let v2 = t.validator(100 * TOKEN, 0).await;
    let (task, subs) = t
        .judge_task(
            &creator,
            &keeper,
            &[(&alice, Some(90)), (&bob, Some(60)), (&carol, Some(10))],
            &[&v1, &v2],
        )
        .await;
    assert_merit_err(
        t.claim_submission_emission(&alice, task).await,
        MeritError::EpochNotClosed,
    );
    for v in [&v1, &v2] {
        for sub in &subs {
            t.claim_vote(v, task, *sub).await.unwrap();
        }
    }
    t.close_epoch(&keeper).await;
    let e = t.epoch(0).await;
    assert_eq!(e.contributor_emission, 24 * TOKEN);
    assert_eq!(e.validator_emission, 16 * TOKEN);
    assert!(e.contributor_emission < e.emission_ceiling(e.contributor_points).unwrap());
    assert!(e.validator_emission < e.emission_ceiling(e.validator_points).unwrap());
    // Three submissions share the 800-token contributor pool: each slot is worth 800/3,
    // at a new key's 0.9x multiplier.
    let slot = 800 * TOKEN / 3;
    let pts = |score: u64| slot * score / 100 * 9 / 10;
    assert_eq!(e.contributor_points, u128::from(pts(90) + pts(60)));

    let mut contributors_paid = 0u64;
    for (who, score) in [(&alice, 90u64), (&bob, 60)] {
        let before = t.balance(&who.pubkey()).await;
        t.claim_submission_emission(who, task).await.unwrap();
        contributors_paid += t.balance(&who.pubkey()).await - before;
        let points = u128::from(pts(score));
        assert_eq!(
            u128::from(t.balance(&who.pubkey()).await - before),
            u128::from(24 * TOKEN) * points / e.contributor_points
        );
        assert_merit_err(
            t.claim_submission_emission(who, task).await,
            MeritError::AlreadyClaimed,
        );
    }
    assert_merit_err(
        t.claim_submission_emission(&carol, task).await,
        MeritError::NoEmissionPoints,
    );

    // Validators: each coherent vote's points are its share of the submission's validator
    // slice (at a neutral multiplier); shares are pro rata.
    let total = e.validator_points;
    let state = t.task(&task).await;
    let mut points_sum = 0u128;
    let (mut shares, mut validators_paid) = (0u64, 0u64);
    for v in [&v1, &v2] {
        let before = t.balance(&v.pubkey()).await;
        let mut expected = 0u64;
        for sub in &subs {
            let vote = t.vote(sub, &v.pubkey()).await;
            let coherent = t.current_round(sub).await.coherent_weight;
            let value = state.vote_value(vote.weight, coherent).unwrap();
            assert_eq!(vote.points, value * 9 / 10);
            points_sum += u128::from(vote.points);
            // The share, up to this vote's part of the task's emission cap (over the most
            // points its participants could hold, at 1.5x).
            let share = (16 * TOKEN as u128 * u128::from(vote.points) / total) as u64;
            let part = (u128::from(state.emission_cap) * u128::from(vote.points)
                / u128::from(state.reward * 3 / 2)) as u64;
            expected += share.min(part);
            shares += share;
            t.claim_vote_emission(v, *sub).await.unwrap();
        }
        assert_eq!(t.balance(&v.pubkey()).await - before, expected);
        validators_paid += expected;
    }
    assert_eq!(points_sum, total);
    // The epoch tells what its claims were worth from what they paid after the caps.
    let e = t.epoch(0).await;
    assert_eq!(e.contributor_paid, contributors_paid);
    assert_eq!(
        e.contributor_claimed, contributors_paid,
        "no cap bound a contributor"
    );
    assert_eq!(
        (e.validator_claimed, e.validator_paid),
        (shares, validators_paid)
    );
    assert_merit_err(
        t.claim_vote_emission(&v1, subs[0]).await,
        MeritError::AlreadyClaimed,
    );
    // Every point claimed: nothing stays reserved.
    assert_eq!(t.config().await.emission_reserved, 0);
}

#[tokio::test]
async fn vote_emission_needs_the_vote_claimed_first() {
    let mut t = context(daily()).await;
    let (creator, keeper) = (t.actor(2_000 * TOKEN).await, t.actor(0).await);
    let alice = t.staker(100 * TOKEN, 0).await;
    let val = t.validator(100 * TOKEN, 0).await;
    let (_, subs) = t
        .judge_task(&creator, &keeper, &[(&alice, Some(90))], &[&val])
        .await;
    t.close_epoch(&keeper).await;
    assert_merit_err(
        t.claim_vote_emission(&val, subs[0]).await,
        MeritError::NoEmissionPoints,
    );
}

#[tokio::test]
async fn emission_schedule_matches_the_formula_and_never_exceeds_funding() {
    // 12 one-day epochs, one accepted submission finalized in each; funding covers only
    // about eight epochs of the schedule.
    let params = ConfigParams {
        epoch_length_secs: DAY,
        initial_emission: 1_000 * TOKEN,
        emission_decay_bps: 1_000,
        min_phase_secs: 60,
        ..suite_params()
    };
    let mut t = context(params).await;
    t.check_each_step = false;
    let (creator, keeper, funder) = (
        t.actor(100_000 * TOKEN).await,
        t.actor(0).await,
        t.actor(5_000 * TOKEN).await,
    );
    t.fund_emissions(&funder, 5_000 * TOKEN, 0).await.unwrap();
    let val = t.validator(200 * TOKEN, 0).await;
    let mut expected_total = 0u64;
    for i in 0..12u64 {
        let alice = t.staker(100 * TOKEN, 0).await;
        let (task, subs) = t
            .judge_task(&creator, &keeper, &[(&alice, Some(80))], &[&val])
            .await;
        // Settle the vote: open votes may lock at most the validator's stake.
        t.claim_vote(&val, task, subs[0]).await.unwrap();
        let available = t.config().await.emission_available().unwrap();
        t.close_epoch(&keeper).await;
        let e = t.epoch(i).await;
        let scheduled = scheduled_emission(&params, i).unwrap();
        let reference = (1_000.0 * TOKEN as f64) * 0.9f64.powi(i as i32);
        assert!(
            (scheduled as f64 - reference).abs() <= 1.0,
            "epoch {i}: {scheduled} vs {reference}"
        );
        // The schedule, as far as the vault allows, each side at most the most its points
        // can ever be paid: points x fee rate x cap rate / 1.5.
        let ceiling = |points: u128| {
            (points * u128::from(params.task_fee_bps) * u128::from(params.emission_cap_bps)
                / (10_000 * 15_000)) as u64
        };
        let budget = scheduled.min(available);
        let contributor = budget * u64::from(params.contributor_emission_bps) / 10_000;
        let emitted = e.contributor_emission + e.validator_emission;
        assert_eq!(
            emitted,
            contributor.min(ceiling(e.contributor_points))
                + (budget - contributor).min(ceiling(e.validator_points)),
            "epoch {i}"
        );
        expected_total += emitted;
        assert!(expected_total <= 5_000 * TOKEN);
    }
    assert_eq!(t.config().await.emission_reserved, expected_total);
    // What the epochs' points could never be paid stays in the vault for later epochs.
    assert_eq!(
        t.config().await.emission_available().unwrap(),
        5_000 * TOKEN - expected_total
    );
    t.check_invariants().await;
}

/// Someone else's submission or vote, or a later epoch than the one that recorded the
/// points (an epoch is pinned by the index it stores, not re-derived), is refused.
#[tokio::test]
async fn claiming_someone_elses_emission_or_from_another_epoch_is_rejected() {
    let mut t = context(daily()).await;
    let (creator, keeper, funder) = (
        t.actor(2_000 * TOKEN).await,
        t.actor(0).await,
        t.actor(5_000 * TOKEN).await,
    );
    t.fund_emissions(&funder, 5_000 * TOKEN, 0).await.unwrap();
    let alice = t.staker(100 * TOKEN, 0).await;
    let val = t.validator(100 * TOKEN, 0).await;
    let mallory = t.staker(100 * TOKEN, 0).await;
    let (task, subs) = t
        .judge_task(&creator, &keeper, &[(&alice, Some(90))], &[&val])
        .await;
    t.claim_vote(&val, task, subs[0]).await.unwrap();
    t.close_epoch(&keeper).await;
    let c = t.client();
    let mut ix = c.claim_submission_emission(mallory.pubkey(), task, 0);
    replace_account(
        &mut ix,
        &pda::submission(&task, &mallory.pubkey()),
        &subs[0],
    );
    assert_merit_err(
        t.send(&[ix], &[&mallory]).await,
        MeritError::AccountMismatch,
    );
    let mut ix = c.claim_vote_emission(mallory.pubkey(), task, subs[0], 1, 0);
    replace_account(
        &mut ix,
        &pda::vote_in(&subs[0], 1, &mallory.pubkey()),
        &pda::vote_in(&subs[0], 1, &val.pubkey()),
    );
    assert_merit_err(
        t.send(&[ix], &[&mallory]).await,
        MeritError::AccountMismatch,
    );
    assert_eq!(t.balance(&mallory.pubkey()).await, 0);
    t.close_epoch(&keeper).await;
    let ix = c.claim_submission_emission(alice.pubkey(), task, 1);
    assert_merit_err(t.send(&[ix], &[&alice]).await, MeritError::AccountMismatch);
    let ix = c.claim_vote_emission(val.pubkey(), task, subs[0], 1, 1);
    assert_merit_err(t.send(&[ix], &[&val]).await, MeritError::AccountMismatch);
    assert_eq!(t.epoch(0).await.contributor_claimed, 0);
    assert_eq!(t.epoch(1).await.contributor_claimed, 0);
    let ix = c.claim_submission_emission(alice.pubkey(), task, 0);
    t.send(&[ix], &[&alice]).await.unwrap();
    assert!(t.epoch(0).await.contributor_claimed > 0);
}

#[tokio::test]
async fn epochs_advance_and_emissions_are_claimed_while_paused() {
    let mut t = context(daily()).await;
    let (creator, keeper, funder) = (
        t.actor(2_000 * TOKEN).await,
        t.actor(0).await,
        t.actor(5_000 * TOKEN).await,
    );
    t.fund_emissions(&funder, 4_000 * TOKEN, 0).await.unwrap();
    let alice = t.staker(100 * TOKEN, 0).await;
    let val = t.validator(100 * TOKEN, 0).await;
    let (task, _) = t
        .judge_task(&creator, &keeper, &[(&alice, Some(90))], &[&val])
        .await;
    let admin = t.admin();
    let ix = t.client().set_paused(admin.pubkey(), true);
    t.send(&[ix], &[&admin]).await.unwrap();
    t.fund_emissions(&funder, 1_000 * TOKEN, 0).await.unwrap();
    t.close_epoch(&keeper).await;
    t.claim_submission_emission(&alice, task).await.unwrap();
    assert_eq!(t.balance(&alice.pubkey()).await, 60 * TOKEN);
}
