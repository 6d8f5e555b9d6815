//! Accountable judging: a creator never keeps revealed work for free, no caller picks the
//! committee, running tasks keep their rules. Each test is an attack on a rule, written so
//! that it fails when the rule's defence is removed.
use anchor_lang::prelude::Pubkey;
use merit::constants::{DRAW_CHAIN_MAX_SLOTS, MAX_PAUSE_SECS};
use merit::math::bps_ceil;
use merit_client::RoundState;
use merit_tests::*;

/// A task of 1,000 tokens (committee `committee`, quorum `quorum`) by `creator` with one
/// submission by a fresh contributor, the validators of `stakes` established, the
/// submission revealed and the committee drawn at the start of the commit window.
struct Drawn {
    t: TestContext,
    creator: Keypair,
    keeper: Keypair,
    alice: Keypair,
    task: Pubkey,
    sub: Pubkey,
    vals: Vec<Keypair>,
}

async fn drawn(stakes: &[u64], committee: u8, quorum: u16) -> Drawn {
    let mut t = TestContext::new().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let keeper = t.actor(0).await;
    let mut vals = Vec::new();
    for stake in stakes {
        vals.push(t.validator(*stake, 0).await);
    }
    let alice = t.staker(100 * TOKEN, 0).await;
    let mut args = t.task_args();
    args.committee_size = committee;
    args.quorum_seats = quorum;
    let task = t.create_task(&creator, args).await;
    let sub = t.submit(&alice, task, 1).await;
    t.to_commit_phase(&task).await;
    Drawn {
        t,
        creator,
        keeper,
        alice,
        task,
        sub,
        vals,
    }
}

/// The treasury's tokens: its vault, plus the slashes' share still in the stake vault.
async fn treasury(t: &mut TestContext) -> u64 {
    t.net.token_balance(&pda::treasury()).await + t.config().await.treasury_pending
}

/// Wallet plus stake: what an actor owns.
async fn worth(t: &mut TestContext, who: &Pubkey) -> u64 {
    let stake: Option<merit_client::Stake> = t.net.account(&pda::stake(who)).await;
    t.balance(who).await + stake.map_or(0, |s| s.deposited)
}

/// What `validator`'s silence on `seats` seats of `task` costs it: an incoherent vote's
/// slash of those seats' bond.
async fn penalty(t: &mut TestContext, task: &Pubkey, seats: u64) -> u64 {
    let state = t.task(task).await;
    bps_ceil(
        state.vote_bond(seats).unwrap(),
        state.rules.incoherence_slash_bps,
    )
    .unwrap()
}

/// Silence is accountable: once the commit window closed, anyone proves that a drawn,
/// eligible key has no vote; the key loses what an incoherent vote of its seats would
/// (the reporter's share, the rest to the treasury), takes a reputation miss, and the
/// record blocks a second report.
#[tokio::test]
async fn a_drawn_validators_silence_is_reported_once_and_costs_it_per_seat() {
    let mut w = drawn(&[1_000 * TOKEN, 1_000 * TOKEN, 1_000 * TOKEN], 16, 1).await;
    let (task, sub) = (w.task, w.sub);
    let (honest, silent, late) = (
        w.vals[0].insecure_clone(),
        w.vals[1].insecure_clone(),
        w.vals[2].insecure_clone(),
    );
    let t = &mut w.t;
    let seats = t.seats(&task, &sub, &silent.pubkey()).await;
    assert!(seats > 0, "a third of the stake of a 16-seat committee");
    t.try_commit(&honest, task, sub, 80).await.unwrap();
    let reporter = t.actor(0).await;
    // Not before the commit window closed: it could still commit.
    assert_merit_err(
        t.report_absence(&reporter, task, sub, 1, &silent.pubkey())
            .await,
        MeritError::CommitWindowOpen,
    );
    t.to_reveal_phase(&task).await;
    // A key that committed is not absent.
    assert_merit_err(
        t.report_absence(&reporter, task, sub, 1, &honest.pubkey())
            .await,
        MeritError::NotAbsent,
    );
    // The contributor, who may not judge its own task, is not absent either.
    assert_merit_err(
        t.report_absence(&reporter, task, sub, 1, &w.alice.pubkey())
            .await,
        MeritError::CompetitorVote,
    );
    let before_stake = t.stake(&silent.pubkey()).await;
    let before_treasury = t.config().await.treasury_pending;
    let before_reporter = t.balance(&reporter.pubkey()).await;
    t.report_absence(&reporter, task, sub, 1, &silent.pubkey())
        .await
        .unwrap();
    let due = penalty(t, &task, seats).await;
    assert!(due > 0);
    let after = t.stake(&silent.pubkey()).await;
    assert_eq!(before_stake.deposited - after.deposited, due, "the penalty");
    let to_reporter = t.balance(&reporter.pubkey()).await - before_reporter;
    let to_treasury = t.config().await.treasury_pending - before_treasury;
    assert!(to_reporter > 0 && to_treasury > 0);
    assert_eq!(to_reporter + to_treasury, due);
    assert_eq!(after.reputation.absences, 1);
    assert!(after.reputation.score_bps < before_stake.reputation.score_bps);
    let record = t.vote_in(&sub, 1, &silent.pubkey()).await;
    assert!(record.absent && record.slashed && record.weight == seats);
    assert_eq!(record.payer, reporter.pubkey());
    // Once: the record stands where its vote would.
    assert_merit_err(
        t.report_absence(&reporter, task, sub, 1, &silent.pubkey())
            .await,
        MeritError::NotAbsent,
    );
    assert_eq!(t.stake(&silent.pubkey()).await.deposited, after.deposited);
    // The honest vote decides; once the round is closed, silence is no longer reported
    // (a vote account of a closed round may be closed too).
    t.try_reveal(&honest, task, sub, 80).await.unwrap();
    t.to_finalize_phase(&task).await;
    let keeper = w.keeper.insecure_clone();
    t.finalize_submission(&keeper, task, sub).await.unwrap();
    assert_eq!(t.submission(&sub).await.outcome, Outcome::Accepted);
    assert_merit_err(
        t.report_absence(&reporter, task, sub, 1, &late.pubkey())
            .await,
        MeritError::RoundClosed,
    );
    // The absence record closes like a vote, its rent to the reporter.
    let ix = t
        .client()
        .close_vote(sub, 1, silent.pubkey(), reporter.pubkey());
    let rent = t.net.lamports(&reporter.pubkey()).await;
    t.send(&[ix], &[]).await.unwrap();
    assert!(t.net.lamports(&reporter.pubkey()).await > rent);
}

/// A report names the round it is about: another submission's round, a key whose stake
/// is still warming up (it had no seat), a committee drawn too late for anyone to commit.
#[tokio::test]
async fn reports_against_keys_that_could_not_have_committed_are_refused() {
    let mut t = TestContext::new().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let val = t.validator(1_000 * TOKEN, 0).await;
    let fresh = t.staker(1_000 * TOKEN, 0).await;
    let (alice, bob) = (
        t.staker(100 * TOKEN, 0).await,
        t.staker(100 * TOKEN, 0).await,
    );
    let reporter = t.actor(0).await;
    // Drawn 30 seconds before commits close (less than the task's least phase): nobody
    // drawn there is absent.
    let args = t.task_args();
    let late = t.create_task(&creator, args).await;
    let sub = t.submit(&alice, late, 1).await;
    let state = t.task(&late).await;
    t.set_time(state.submission_deadline);
    t.reveal_submissions(&late).await;
    t.set_time(state.commit_deadline - 30);
    t.draw(&late).await.unwrap();
    t.to_reveal_phase(&late).await;
    assert!(t.seats(&late, &sub, &val.pubkey()).await > 0);
    assert_merit_err(
        t.report_absence(&reporter, late, sub, 1, &val.pubkey())
            .await,
        MeritError::NotAbsent,
    );
    // Drawn on time: a warming key had no seat, and a round is another submission's.
    let args = t.task_args();
    let task = t.create_task(&creator, args).await;
    let (a, b) = (
        t.submit(&alice, task, 1).await,
        t.submit(&bob, task, 2).await,
    );
    t.to_commit_phase(&task).await;
    t.to_reveal_phase(&task).await;
    assert_merit_err(
        t.report_absence(&reporter, task, a, 1, &fresh.pubkey())
            .await,
        MeritError::StakeBelowMinimum,
    );
    let mut ix = t
        .client()
        .report_absence(reporter.pubkey(), task, a, 1, val.pubkey());
    // Submission a with b's round.
    let at = ix
        .accounts
        .iter()
        .position(|m| m.pubkey == pda::round(&a, 1))
        .unwrap();
    ix.accounts[at].pubkey = pda::round(&b, 1);
    let vote = pda::vote_in(&a, 1, &val.pubkey());
    let at = ix.accounts.iter().position(|m| m.pubkey == vote).unwrap();
    ix.accounts[at].pubkey = pda::vote_in(&b, 1, &val.pubkey());
    assert_merit_err(
        t.send(&[ix], &[&reporter]).await,
        MeritError::AccountMismatch,
    );
    assert!(!t.exists(&pda::vote_in(&a, 1, &val.pubkey())).await);
}

/// The audit's withheld reveal (committee 5, quorum 2, reward 1,000): the creator's puppet
/// holds 4 seats, commits and withholds once it sees the honest score; quorum counts
/// committed seats, so the honest seat's reveal decides and the contributor is paid. The
/// puppet loses its bond, the creator gets nothing back (before: NoQuorum, +910).
#[tokio::test]
async fn a_withheld_reveal_cannot_turn_a_consensus_into_no_quorum() {
    let mut w = drawn(&[200 * TOKEN, 800 * TOKEN], 5, 2).await;
    let (task, sub) = (w.task, w.sub);
    let (honest, puppet) = (w.vals[0].insecure_clone(), w.vals[1].insecure_clone());
    let t = &mut w.t;
    assert_eq!(t.seats(&task, &sub, &honest.pubkey()).await, 1);
    assert_eq!(t.seats(&task, &sub, &puppet.pubkey()).await, 4);
    t.try_commit(&honest, task, sub, 90).await.unwrap();
    t.try_commit(&puppet, task, sub, 0).await.unwrap();
    t.to_reveal_phase(&task).await;
    t.try_reveal(&honest, task, sub, 90).await.unwrap();
    t.to_finalize_phase(&task).await;
    let keeper = w.keeper.insecure_clone();
    t.finalize_submission(&keeper, task, sub).await.unwrap();
    let s = t.submission(&sub).await;
    assert_eq!((s.outcome, s.consensus_score), (Outcome::Accepted, 90));
    t.finalize_task(&keeper, task).await.unwrap();
    t.slash_vote(&keeper, task, sub, &puppet.pubkey())
        .await
        .unwrap();
    assert_eq!(t.vote(&sub, &puppet.pubkey()).await.bond_remaining, 0);
    let alice = w.alice.insecure_clone();
    t.claim_submission(&alice, task).await.unwrap();
    assert_eq!(t.submission(&sub).await.reward_paid, 800 * TOKEN);
    assert!(t.task(&task).await.reclaimable().unwrap() < TOKEN);
}

/// The creator's puppet holds every seat and stays silent, round after round. Each
/// silence is reported; the failed round is followed by a freshly drawn one; when that
/// fails too the work ends unjudged and its shares go to the treasury. The creator ends
/// with the revealed work and nothing back: poorer by the reward, the fee and its
/// puppet's penalties.
#[tokio::test]
async fn silence_in_every_round_sends_the_reward_to_the_treasury_not_the_creator() {
    let mut w = drawn(&[1_000 * TOKEN], 16, 1).await;
    let (task, sub) = (w.task, w.sub);
    let puppet = w.vals[0].insecure_clone();
    let creator = w.creator.pubkey();
    let keeper = w.keeper.insecure_clone();
    let t = &mut w.t;
    let start = worth(t, &creator).await + worth(t, &puppet.pubkey()).await;
    let treasury_before = treasury(t).await;
    // Round 1: silence, reported.
    t.to_reveal_phase(&task).await;
    t.report_absence(&keeper, task, sub, 1, &puppet.pubkey())
        .await
        .unwrap();
    t.to_finalize_phase(&task).await;
    t.finalize_submission(&keeper, task, sub).await.unwrap();
    assert_eq!(t.round(&sub, 1).await.state, RoundState::Failed);
    assert_eq!(t.submission(&sub).await.outcome, Outcome::Pending);
    // Round 2: a fresh committee, the same silence, reported again.
    t.draw_round(task, sub, 2).await.unwrap();
    let second = t.round(&sub, 2).await;
    assert!(second.draw.drawn);
    t.to_task_time(&task, second.commit_deadline).await;
    t.report_absence(&keeper, task, sub, 2, &puppet.pubkey())
        .await
        .unwrap();
    t.to_task_time(&task, second.reveal_deadline).await;
    t.finalize_submission(&keeper, task, sub).await.unwrap();
    let s = t.submission(&sub).await;
    assert_eq!(s.outcome, Outcome::NoQuorum);
    // No third round: the task closes and the unjudged work's shares leave it.
    t.finalize_task(&keeper, task).await.unwrap();
    let state = t.task(&task).await;
    assert_eq!(state.unjudged_count, 1);
    assert_eq!(state.reclaimable().unwrap(), 0, "nothing comes back");
    // Reclaiming returns the unused keeper bounties (lamports), no token.
    t.reclaim_task(&w.creator, task).await.unwrap();
    let t = &mut w.t;
    let to_treasury = treasury(t).await - treasury_before;
    assert!(
        to_treasury > 1_000 * TOKEN,
        "the reward, the fee and the penalties: {to_treasury}"
    );
    let end = worth(t, &creator).await + worth(t, &puppet.pubkey()).await;
    let penalties = t.vote_in(&sub, 1, &puppet.pubkey()).await.bond
        + t.vote_in(&sub, 2, &puppet.pubkey()).await.bond;
    assert!(penalties > 0);
    // Reward and fee were paid at creation (before `start`): none of it came back, and
    // the puppet lost its penalties on top.
    assert_eq!(start - end, penalties);
    assert!(to_treasury >= 1_000 * TOKEN + penalties - penalties / 10);
    // The contributor's bond comes back; its fee paid the treasury too.
    let alice = w.alice.insecure_clone();
    t.claim_submission(&alice, task).await.unwrap();
    assert_eq!(t.stake(&alice.pubkey()).await.locked, 0);
}

/// A draw with no active stake would seat nobody: it is refused, and nothing is recorded.
#[tokio::test]
async fn no_committee_is_drawn_while_no_stake_is_active() {
    let mut t = TestContext::new().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let alice = t.staker(100 * TOKEN, 0).await;
    t.staker(1_000 * TOKEN, 0).await;
    assert_eq!(t.config().await.total_active_stake, 0);
    let args = t.task_args();
    let task = t.create_task(&creator, args).await;
    t.submit(&alice, task, 1).await;
    t.to_submission_reveal_phase(&task).await;
    let before = t.task(&task).await.draw;
    assert_merit_err(t.draw_step(&task).await, MeritError::NoActiveStake);
    assert_eq!(t.task(&task).await.draw, before);
}

/// Declining a second round's committee (letting its target age out, as long as one
/// likes) gets the round's fallback, fixed by its address before it was scheduled; the
/// target is never moved to a new slot, and once seeded the draw is done.
#[tokio::test]
async fn declining_a_second_rounds_committee_never_yields_a_chosen_one() {
    let mut w = drawn(&[1_000 * TOKEN], 16, 1).await;
    let (task, sub) = (w.task, w.sub);
    let keeper = w.keeper.insecure_clone();
    let t = &mut w.t;
    t.to_finalize_phase(&task).await;
    t.finalize_submission(&keeper, task, sub).await.unwrap();
    let scheduled = t.round(&sub, 2).await.draw;
    assert!(scheduled.is_scheduled() && !scheduled.drawn);
    for wait in [DRAW_CHAIN_MAX_SLOTS + 1, 600, 5_000] {
        // The re-roller looks at the chain's committee and declines: nothing it can call
        // moves the target.
        t.net.warp_slots(wait);
        assert_eq!(t.round(&sub, 2).await.draw, scheduled);
    }
    let ix = t.client().draw_round(keeper.pubkey(), task, sub, 2);
    t.send(&[ix], &[&keeper]).await.unwrap();
    let drawn = t.round(&sub, 2).await.draw;
    assert!(drawn.drawn && drawn.from_fallback);
    assert_eq!(
        drawn.seed,
        merit::sortition::fallback_seed(&pda::round(&sub, 2), &t.task(&task).await.draw.seed)
    );
    assert_eq!(drawn.target_slot, scheduled.target_slot);
    let ix = t.client().draw_round(keeper.pubkey(), task, sub, 2);
    assert_merit_err(t.send(&[ix], &[&keeper]).await, MeritError::AlreadyDrawn);
}

/// A pause lasts at most `MAX_PAUSE_SECS`, so task clocks stop for at most that long, and
/// the next pause may start only once the protocol has run as long as the last one
/// lasted: the admin key cannot hold tasks (and the stake bonded in them) indefinitely.
#[tokio::test]
async fn pauses_are_bounded_and_spaced() {
    let mut t = TestContext::new().await;
    let admin = t.admin();
    let creator = t.actor(5_000 * TOKEN).await;
    let pause = |t: &mut TestContext, on: bool| t.client().set_paused(admin.pubkey(), on);
    let start = t.now();
    let ix = pause(&mut t, true);
    t.send(&[ix], &[&admin]).await.unwrap();
    t.set_time(start + MAX_PAUSE_SECS - 1);
    let args = t.task_args();
    assert_merit_err(
        t.try_create_task(&creator, args).await,
        MeritError::ProtocolPaused,
    );
    // The pause ran out: the protocol runs again, and a clock stopped exactly that long.
    t.set_time(start + MAX_PAUSE_SECS + 10);
    let args = t.task_args();
    t.try_create_task(&creator, args).await.unwrap();
    let now = t.now();
    assert_eq!(
        t.config().await.pause().paused_secs(now).unwrap(),
        MAX_PAUSE_SECS
    );
    // Too soon for another.
    let ix = pause(&mut t, true);
    assert_merit_err(t.send(&[ix], &[&admin]).await, MeritError::PauseTooSoon);
    t.set_time(start + 2 * MAX_PAUSE_SECS - 1);
    let ix = pause(&mut t, true);
    assert_merit_err(t.send(&[ix], &[&admin]).await, MeritError::PauseTooSoon);
    t.set_time(start + 2 * MAX_PAUSE_SECS);
    let ix = pause(&mut t, true);
    t.send(&[ix], &[&admin]).await.unwrap();
    // A short pause lifted early needs as short a wait.
    let again = t.now();
    t.set_time(again + 100);
    let ix = pause(&mut t, false);
    t.send(&[ix], &[&admin]).await.unwrap();
    t.set_time(again + 199);
    let ix = pause(&mut t, true);
    assert_merit_err(t.send(&[ix], &[&admin]).await, MeritError::PauseTooSoon);
    t.set_time(again + 200);
    let ix = pause(&mut t, true);
    t.send(&[ix], &[&admin]).await.unwrap();
}

/// Stakers can always leave before a parameter change applies: the timelock is at least
/// the unstake cooldown, at initialization and in every proposal.
#[tokio::test]
async fn a_timelock_shorter_than_the_unstake_cooldown_is_refused() {
    let mut t = TestContext::new().await;
    let admin = t.admin();
    let mut params = t.config().await.params;
    params.unstake_cooldown_secs = params.param_timelock_secs + 1;
    let ix = t.client().propose_config(admin.pubkey(), params);
    assert_merit_err(
        t.send(&[ix], &[&admin]).await,
        MeritError::InvalidConfigParam,
    );
    assert!(ConfigParams {
        unstake_cooldown_secs: suite_params().param_timelock_secs + 1,
        ..suite_params()
    }
    .validate()
    .is_err());
    params.unstake_cooldown_secs = params.param_timelock_secs;
    let ix = t.client().propose_config(admin.pubkey(), params);
    t.send(&[ix], &[&admin]).await.unwrap();
}

/// A timelocked change to the reputation rules (a lower start, full decay) would push an
/// idle validator below a running task's gate; the task keeps the rules it was created
/// under, so the validator still judges it.
#[tokio::test]
async fn a_reputation_rule_change_never_moves_a_running_tasks_gate() {
    let params = ConfigParams {
        epoch_length_secs: 24 * 3600,
        ..suite_params()
    };
    let mut t = TestContext::with_options(merit_localnet::LocalnetOptions {
        params: Some(params),
        ..Default::default()
    })
    .await;
    let creator = t.actor(2_000 * TOKEN).await;
    let keeper = t.actor(0).await;
    let val = t.validator(1_000 * TOKEN, 0).await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let mut args = t.task_args();
    let now = t.now();
    args.submission_deadline = now + 4 * 24 * 3600;
    args.submission_reveal_deadline = args.submission_deadline + 1_800;
    args.commit_deadline = args.submission_reveal_deadline + 1_800;
    args.reveal_deadline = args.commit_deadline + 3_600;
    args.min_reputation_vote = params.reputation_start_bps;
    let task = t.create_task(&creator, args).await;
    let sub = t.submit(&alice, task, 1).await;
    t.change_params(ConfigParams {
        reputation_start_bps: 1_000,
        reputation_decay_bps: 10_000,
        ..params
    })
    .await;
    // Idle epochs pass: under the new rules the validator would sit at 1,000.
    t.close_epoch(&keeper).await;
    t.close_epoch(&keeper).await;
    let live = t.config().await.params.rep();
    let current = t.config().await.current_epoch;
    let rep = t.stake(&val.pubkey()).await.reputation;
    assert!(rep.score_under(current, &live).unwrap() < params.reputation_start_bps);
    let snapshot = t.task(&task).await.rules.rep();
    assert_eq!(
        rep.score_under(current, &snapshot).unwrap(),
        params.reputation_start_bps
    );
    t.to_commit_phase(&task).await;
    t.try_commit(&val, task, sub, 80).await.unwrap();
}

/// A copier who commits to an author's released work while the author re-submits it
/// never becomes "older" than the author, whoever reveals first: the claim's priority
/// stays at the author's first commitment.
#[tokio::test]
async fn a_copier_between_an_authors_two_commitments_never_takes_the_work() {
    let mut t = TestContext::new().await;
    let creator = t.actor(5_000 * TOKEN).await;
    let keeper = t.actor(0).await;
    let val = t.validator(1_000 * TOKEN, 0).await;
    let author = t.staker(100 * TOKEN, 0).await;
    let copier = t.staker(100 * TOKEN, 0).await;
    let args = t.task_args();
    let first = t.create_task(&creator, args).await;
    let work = content_hash(&first, 1);
    let sub = t.submit(&author, first, 1).await;
    // Nobody judges the first task: NoQuorum, the claim is released to its author.
    t.to_commit_phase(&first).await;
    t.to_finalize_phase(&first).await;
    t.finalize_through_rounds(&keeper, first, sub)
        .await
        .unwrap();
    let claim: merit_client::ContentClaim =
        t.net.account(&pda::content_claim(&work)).await.unwrap();
    assert!(claim.is_released());
    let first_slot = claim.committed_slot;
    // On a second task the copier commits to the now public work, then the author
    // re-submits it; the author reveals first, the copier after.
    let args = t.task_args();
    let second = t.create_task(&creator, args).await;
    t.try_submit(&copier, second, work).await.unwrap();
    t.net.warp_slots(1);
    t.try_submit(&author, second, work).await.unwrap();
    t.to_submission_reveal_phase(&second).await;
    t.try_reveal_submission(&author, second, work)
        .await
        .unwrap();
    let held: merit_client::ContentClaim = t.net.account(&pda::content_claim(&work)).await.unwrap();
    assert_eq!(
        held.committed_slot, first_slot,
        "priority never moves later"
    );
    assert_merit_err(
        t.try_reveal_submission(&copier, second, work).await,
        MeritError::DuplicateContent,
    );
    t.skip_reveals(&second);
    let mine = pda::submission(&second, &author.pubkey());
    t.to_commit_phase(&second).await;
    t.try_commit(&val, second, mine, 80).await.unwrap();
    t.to_reveal_phase(&second).await;
    t.try_reveal(&val, second, mine, 80).await.unwrap();
    t.to_finalize_phase(&second).await;
    for sub in [mine, pda::submission(&second, &copier.pubkey())] {
        t.finalize_through_rounds(&keeper, second, sub)
            .await
            .unwrap();
    }
    assert_eq!(t.submission(&mine).await.outcome, Outcome::Accepted);
    t.finalize_task(&keeper, second).await.unwrap();
    t.claim_submission(&author, second).await.unwrap();
    assert_eq!(t.submission(&mine).await.reward_paid, 800 * TOKEN);
}

/// Content is paid once: an older commitment to the same bytes, revealed after they were
/// paid elsewhere, is refused, and so is the author's own second try.
#[tokio::test]
async fn paid_content_is_never_paid_again() {
    let mut t = TestContext::new().await;
    let creator = t.actor(5_000 * TOKEN).await;
    let keeper = t.actor(0).await;
    let val = t.validator(1_000 * TOKEN, 0).await;
    let (early, author) = (
        t.staker(100 * TOKEN, 0).await,
        t.staker(100 * TOKEN, 0).await,
    );
    // A long task on which `early` commits first, and a short one the author wins.
    let mut long = t.task_args();
    let now = t.now();
    long.submission_deadline = now + 6 * 3_600;
    long.submission_reveal_deadline = long.submission_deadline + 1_800;
    long.commit_deadline = long.submission_reveal_deadline + 1_800;
    long.reveal_deadline = long.commit_deadline + 3_600;
    let slow = t.create_task(&creator, long).await;
    let args = t.task_args();
    let fast = t.create_task(&creator, args).await;
    let work = content_hash(&fast, 1);
    t.try_submit(&early, slow, work).await.unwrap();
    t.net.warp_slots(1);
    t.try_submit(&author, fast, work).await.unwrap();
    let sub = pda::submission(&fast, &author.pubkey());
    t.to_commit_phase(&fast).await;
    t.try_commit(&val, fast, sub, 90).await.unwrap();
    t.to_reveal_phase(&fast).await;
    t.try_reveal(&val, fast, sub, 90).await.unwrap();
    t.to_finalize_phase(&fast).await;
    t.finalize_submission(&keeper, fast, sub).await.unwrap();
    let claim: merit_client::ContentClaim =
        t.net.account(&pda::content_claim(&work)).await.unwrap();
    assert!(claim.paid);
    // The older commitment reveals on the slow task: refused, the claim unchanged.
    t.to_submission_reveal_phase(&slow).await;
    assert_merit_err(
        t.try_reveal_submission(&early, slow, work).await,
        MeritError::ContentAlreadyPaid,
    );
    let after: merit_client::ContentClaim =
        t.net.account(&pda::content_claim(&work)).await.unwrap();
    assert_eq!(after.submission, sub);
    assert!(after.paid);
}

/// A contributor to a task may not judge in it, so it is never absent there: its
/// submission stays (and so the rule holds) until the task is final, even when the
/// submission itself was settled early (never revealed, slashed).
#[tokio::test]
async fn a_competitor_stays_one_until_its_task_is_final_and_is_never_reported() {
    let mut t = TestContext::new().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let keeper = t.actor(0).await;
    let val = t.validator(1_000 * TOKEN, 0).await;
    let rival = t.validator(1_000 * TOKEN, 0).await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let args = t.task_args();
    let task = t.create_task(&creator, args).await;
    let sub = t.submit(&alice, task, 1).await;
    t.submit(&rival, task, 2).await;
    let theirs = pda::submission(&task, &rival.pubkey());
    // The rival never reveals; nobody judges alice's work in round 1.
    t.skip_reveals(&task);
    t.to_submission_reveal_phase(&task).await;
    t.try_reveal_submission(&alice, task, content_hash(&task, 1))
        .await
        .unwrap();
    t.rounds.insert(pda::round(&sub, 1));
    t.to_commit_phase(&task).await;
    t.to_finalize_phase(&task).await;
    t.finalize_submission(&keeper, task, theirs).await.unwrap();
    assert_eq!(t.submission(&theirs).await.outcome, Outcome::Unrevealed);
    t.slash_submission(&keeper, task, &rival.pubkey())
        .await
        .unwrap();
    t.finalize_submission(&keeper, task, sub).await.unwrap();
    assert_eq!(t.submission(&sub).await.round, 2);
    // Settled, but the task is not final: the rival's submission cannot be closed.
    let ix = t.client().close_submission(task, rival.pubkey());
    assert_merit_err(t.send(&[ix], &[]).await, MeritError::NotSettled);
    // Round 2 is drawn; the rival, a competitor, is not absent when it does not commit.
    t.draw_round(task, sub, 2).await.unwrap();
    let second = t.round(&sub, 2).await;
    assert!(t.seats(&task, &sub, &rival.pubkey()).await > 0);
    t.to_task_time(&task, second.commit_deadline).await;
    assert_merit_err(
        t.report_absence(&keeper, task, sub, 2, &rival.pubkey())
            .await,
        MeritError::CompetitorVote,
    );
    assert!(!t.exists(&pda::vote_in(&sub, 2, &rival.pubkey())).await);
    let _ = val;
}

/// On a task that gates votes on reputation, a key below the gate during the commit
/// window could not commit; if its record rose above the gate in a later epoch before the
/// report, it is still not reported. A key whose record stood still since the draw's epoch
/// and passed the gate is.
#[tokio::test]
async fn a_gated_out_key_whose_record_rose_later_is_not_reported() {
    let mut t = TestContext::new().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let keeper = t.actor(0).await;
    let low = t.validator(1_000 * TOKEN, 0).await;
    let steady = t.validator(1_000 * TOKEN, 0).await;
    let alice = t.staker(100 * TOKEN, 0).await;
    t.close_epoch(&keeper).await;
    let gate = t.config().await.params.reputation_start_bps;
    // The low key's record sits below the gate (a bad track record).
    let key = pda::stake(&low.pubkey());
    let mut stake = t.stake(&low.pubkey()).await;
    stake.reputation.score_bps = gate - 1_000;
    t.net.write_account(&key, &stake).await;
    let mut args = t.task_args();
    args.min_reputation_vote = gate;
    let task = t.create_task(&creator, args).await;
    let sub = t.submit(&alice, task, 1).await;
    t.to_commit_phase(&task).await;
    assert!(t.seats(&task, &sub, &low.pubkey()).await > 0);
    assert_merit_err(
        t.try_commit(&low, task, sub, 80).await,
        MeritError::ReputationTooLow,
    );
    t.to_reveal_phase(&task).await;
    // A later epoch; the low key's record rises above the gate there.
    t.close_epoch(&keeper).await;
    let current = t.config().await.current_epoch;
    let mut stake = t.stake(&low.pubkey()).await;
    stake.reputation.score_bps = gate + 1_000;
    stake.reputation.last_epoch = current;
    t.net.write_account(&key, &stake).await;
    assert_merit_err(
        t.report_absence(&keeper, task, sub, 1, &low.pubkey()).await,
        MeritError::NotAbsent,
    );
    // The steady key could have committed all along: its silence is reported.
    assert!(t.seats(&task, &sub, &steady.pubkey()).await > 0);
    t.report_absence(&keeper, task, sub, 1, &steady.pubkey())
        .await
        .unwrap();
    assert_eq!(t.stake(&steady.pubkey()).await.reputation.absences, 1);
}
