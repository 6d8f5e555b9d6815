//! Whole task lifecycles with invariants checked after every transaction.
use anchor_lang::prelude::Pubkey;
use merit_tests::*;

/// Seats of each of the seven equal validators: a committee of 7 over their 7,000 active
/// tokens gives each exactly one (contributors' fresh stake is still warming up).
const WEIGHT: u64 = 1;

async fn context() -> TestContext {
    TestContext::new().await
}

/// Who votes what on a submission: (validator index, score, reveals?).
type Ballot = &'static [(usize, u8, bool)];

struct World {
    t: TestContext,
    creator: Keypair,
    keeper: Keypair,
    contributors: Vec<Keypair>,
    validators: Vec<Keypair>,
    task: Pubkey,
    subs: Vec<Pubkey>,
}

async fn run_votes(ballots: &[Ballot], quorum: u64) -> World {
    let mut t = context().await;
    let creator = t.actor(1_000 * TOKEN).await;
    let keeper = t.actor(0).await;
    let mut contributors = Vec::new();
    for _ in ballots {
        contributors.push(t.staker(100 * TOKEN, 0).await);
    }
    let mut validators = Vec::new();
    for _ in 0..7 {
        validators.push(t.validator(1_000 * TOKEN, 0).await);
    }
    let mut args = t.task_args();
    args.committee_size = 7;
    args.quorum_seats = quorum as u16;
    let task = t.create_task(&creator, args).await;
    let mut subs = Vec::new();
    for (i, c) in contributors.iter().enumerate() {
        subs.push(t.submit(c, task, i as u8 + 1).await);
    }
    t.to_commit_phase(&task).await;
    for (ballot, sub) in ballots.iter().zip(&subs) {
        for &(v, score, _) in ballot.iter() {
            t.try_commit(&validators[v], task, *sub, score)
                .await
                .unwrap();
        }
    }
    t.to_reveal_phase(&task).await;
    for (ballot, sub) in ballots.iter().zip(&subs) {
        for &(v, score, reveals) in ballot.iter() {
            if reveals {
                t.try_reveal(&validators[v], task, *sub, score)
                    .await
                    .unwrap();
            }
        }
    }
    t.to_finalize_phase(&task).await;
    for sub in &subs {
        t.finalize_through_rounds(&keeper, task, *sub)
            .await
            .unwrap();
    }
    t.finalize_task(&keeper, task).await.unwrap();
    World {
        t,
        creator,
        keeper,
        contributors,
        validators,
        task,
        subs,
    }
}

const GOOD: Ballot = &[
    (0, 85, true),
    (1, 80, true),
    (2, 90, true),
    (3, 75, true),
    (4, 82, true),
    (5, 70, false), // non-revealer
    (6, 88, true),
];
const FAIR: Ballot = &[
    (0, 70, true),
    (1, 72, true),
    (2, 68, true),
    (3, 65, true),
    (4, 75, true),
];
const BAD: Ballot = &[(0, 10, true), (1, 5, true), (2, 12, true), (6, 90, true)]; // 6 incoherent
const MEH: Ballot = &[(3, 45, true), (4, 50, true), (5, 40, true), (6, 48, true)];
const THIN: Ballot = &[(0, 90, true), (1, 95, true)]; // below quorum

#[tokio::test]
async fn full_lifecycle_five_contributors_seven_validators() {
    let World {
        mut t,
        creator,
        keeper,
        contributors: c,
        validators: v,
        task,
        subs,
    } = run_votes(&[GOOD, FAIR, BAD, MEH, THIN], 3).await;

    // Even ballots split exactly in the middle: the midpoint decides (GOOD: 82 and 85,
    // BAD: 10 and 12, MEH: 45 and 48). THIN's two committed seats never reach the quorum
    // of 3, in either round: it ends unjudged.
    let expect = [
        (Outcome::Accepted, 83),
        (Outcome::Accepted, 70),
        (Outcome::Rejected, 11),
        (Outcome::Neutral, 46),
        (Outcome::NoQuorum, 0),
    ];
    for (sub, (outcome, score)) in subs.iter().zip(expect) {
        let s = t.submission(sub).await;
        assert_eq!((s.outcome, s.consensus_score), (outcome, score));
    }
    let state = t.task(&task).await;
    assert_eq!((state.accepted_count, state.unjudged_count), (2, 1));
    // The unjudged work counts at the highest score among the accepted ones' scores.
    assert_eq!(state.accepted_score_sum, 83 + 70 + 100);
    // Each judged submission's pool: its slice of the validator pool and its fee. The
    // unjudged one's slice and fee went to the treasury, and at the task's finalization
    // its share of the contributor pool: none of it back to the creator.
    let slice = 200 * TOKEN / 5 + FEE;
    assert_eq!(state.validator_liability, 4 * slice);
    let unjudged_share = 800 * TOKEN * 100 / 253;
    assert_eq!(state.to_treasury, slice + unjudged_share);
    assert_eq!(state.contributor_liability, 800 * TOKEN - unjudged_share);

    // A full committee (7 seats) bonds 10% of one submission's share of the 1,000-token
    // reward (five submissions), rounded up.
    let bond_of = |vote: merit_client::Vote| {
        assert_eq!(vote.bond, (vote.weight * 100 * TOKEN).div_ceil(7 * 5));
        vote.bond
    };
    let non_revealer = bond_of(t.vote(&subs[0], &v[5].pubkey()).await);
    let incoherent = bond_of(t.vote(&subs[2], &v[6].pubkey()).await);
    // Slashes: the rejected work, the non-revealer, the incoherent voter.
    t.slash_submission(&keeper, task, &c[2].pubkey())
        .await
        .unwrap();
    t.slash_vote(&keeper, task, subs[0], &v[5].pubkey())
        .await
        .unwrap();
    t.slash_vote(&keeper, task, subs[2], &v[6].pubkey())
        .await
        .unwrap();
    // The rejected bond, a missing reveal's whole bond and half an incoherent vote's bond.
    // Half an incoherent bond is rounded up (`Vote::slash_due`).
    let each = [10 * TOKEN, non_revealer, incoherent.div_ceil(2)];
    let slashed: u64 = each.iter().sum();
    // A tenth of each slash, rounded down per slash.
    let slasher_cut: u64 = each.iter().map(|s| s / 10).sum();
    assert_eq!(t.balance(&keeper.pubkey()).await, slasher_cut);
    // The rest waits in the stake vault until a sweep moves it to the treasury.
    let fees = slice + unjudged_share + t.task(&task).await.protocol_fee;
    assert_eq!(t.net.token_balance(&pda::treasury()).await, fees);
    assert_eq!(t.config().await.treasury_pending, slashed - slasher_cut);
    t.sweep_treasury(&keeper).await.unwrap();
    assert_eq!(
        t.net.token_balance(&pda::treasury()).await,
        slashed - slasher_cut + fees
    );

    // Contributors: pro rata to consensus score among accepted.
    for (i, contributor) in c.iter().enumerate() {
        if i == 2 {
            assert_merit_err(
                t.claim_submission(contributor, task).await,
                MeritError::SubmissionRejected,
            );
            continue;
        }
        t.claim_submission(contributor, task).await.unwrap();
    }
    assert_eq!(t.balance(&c[0].pubkey()).await, 800 * TOKEN * 83 / 253);
    assert_eq!(t.balance(&c[1].pubkey()).await, 800 * TOKEN * 70 / 253);
    for i in [3, 4] {
        assert_eq!(t.balance(&c[i].pubkey()).await, 0);
        assert_eq!(t.stake(&c[i].pubkey()).await.locked, 0);
    }
    assert_eq!(t.stake(&c[2].pubkey()).await.deposited, 90 * TOKEN);

    // Validators: every revealed vote claims; coherent ones share their slice.
    let per_vote = |coherent: u64| slice * WEIGHT / (coherent * WEIGHT);
    let ballots = [GOOD, FAIR, BAD, MEH, THIN];
    let coherent_counts = [6, 5, 3, 4, 0];
    let mut expected = [0u64; 7];
    for ((ballot, sub), coherent) in ballots.iter().zip(&subs).zip(coherent_counts) {
        for &(vi, _, revealed) in ballot.iter() {
            if !revealed {
                assert_merit_err(
                    t.claim_vote_in(&v[vi], task, *sub, 1).await,
                    MeritError::VoteNotRevealed,
                );
                continue;
            }
            t.claim_vote_in(&v[vi], task, *sub, 1).await.unwrap();
            let paid = t.vote_in(sub, 1, &v[vi].pubkey()).await.reward_paid;
            let incoherent = *sub == subs[2] && vi == 6;
            let want = if coherent == 0 || incoherent {
                0
            } else {
                per_vote(coherent)
            };
            assert_eq!(paid, want, "validator {vi} on submission {sub}");
            expected[vi] += want;
        }
    }
    for (vi, val) in v.iter().enumerate() {
        assert_eq!(t.balance(&val.pubkey()).await, expected[vi]);
        assert_eq!(
            t.stake(&val.pubkey()).await.locked,
            0,
            "validator {vi} still bonded"
        );
    }
    assert_eq!(
        t.stake(&v[5].pubkey()).await.deposited,
        1_000 * TOKEN - each[1]
    );
    assert_eq!(
        t.stake(&v[6].pubkey()).await.deposited,
        1_000 * TOKEN - each[2]
    );

    // Close the epoch and claim the emission of every point earner: nothing was funded,
    // so the shares are zero, but the claims settle the accounts.
    t.close_epoch(&keeper).await;
    for (i, contributor) in c.iter().enumerate() {
        let res = t.claim_submission_emission(contributor, task).await;
        if i < 2 {
            res.unwrap();
        } else {
            assert_merit_err(res, MeritError::NoEmissionPoints);
        }
    }
    for (ballot, sub) in ballots.iter().zip(&subs) {
        for &(vi, ..) in ballot.iter() {
            if t.vote_in(sub, 1, &v[vi].pubkey()).await.points > 0 {
                t.claim_vote_emission(&v[vi], *sub).await.unwrap();
            }
        }
    }

    // Close every vote, round and submission, then the creator takes back the rest and
    // the task closes.
    let client = t.client();
    for (ballot, sub) in ballots.iter().zip(&subs) {
        for &(vi, ..) in ballot.iter() {
            t.send(
                &[client.close_vote(*sub, 1, v[vi].pubkey(), v[vi].pubkey())],
                &[],
            )
            .await
            .unwrap();
        }
    }
    for (contributor, sub) in c.iter().zip(&subs) {
        t.send(&[client.close_round(*sub, 1, contributor.pubkey())], &[])
            .await
            .unwrap();
    }
    // THIN's second round was opened by the keeper, who gets its rent back.
    t.send(&[client.close_round(subs[4], 2, keeper.pubkey())], &[])
        .await
        .unwrap();
    for contributor in &c {
        t.send(&[client.close_submission(task, contributor.pubkey())], &[])
            .await
            .unwrap();
    }
    let state = t.task(&task).await;
    t.reclaim_task(&creator, task).await.unwrap();
    assert!(!t.exists(&task).await);
    // The creator gets back what was neither paid out nor sent to the treasury: of the
    // four judged submissions' fees, which the judges were paid from, only rounding dust.
    assert_eq!(
        t.balance(&creator.pubkey()).await + state.to_treasury + state.paid_out,
        1_000 * TOKEN + state.fees
    );
    assert!(
        state.paid_out >= 4 * FEE,
        "judges were paid the fees of the four judged submissions"
    );
    t.check_invariants().await;
}

#[tokio::test]
async fn task_where_nothing_is_accepted_returns_the_contributor_pool() {
    let World {
        mut t,
        creator,
        keeper,
        contributors: c,
        validators: v,
        task,
        subs,
    } = run_votes(&[BAD, MEH], 3).await;
    assert_eq!(t.task(&task).await.accepted_count, 0);
    assert_eq!(t.task(&task).await.contributor_liability, 0);
    t.slash_submission(&keeper, task, &c[0].pubkey())
        .await
        .unwrap();
    t.slash_vote(&keeper, task, subs[0], &v[6].pubkey())
        .await
        .unwrap();
    let before = t.balance(&creator.pubkey()).await;
    t.reclaim_task(&creator, task).await.unwrap();
    // 800 of contributor pool come back at once; the two validator slices are still owed.
    assert_eq!(t.balance(&creator.pubkey()).await - before, 800 * TOKEN);
    t.claim_submission(&c[1], task).await.unwrap();
    assert_eq!(t.balance(&c[1].pubkey()).await, 0);
    assert_eq!(t.stake(&c[1].pubkey()).await.locked, 0);
}

/// A submission with 32 revealed votes scoring 0, 3, ..., 93, at its reveal deadline.
async fn at_the_vote_cap() -> (TestContext, Keypair, Pubkey, Pubkey) {
    let mut t = context().await;
    t.check_each_step = false;
    let creator = t.actor(1_000 * TOKEN).await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let mut args = t.task_args();
    args.committee_size = 16;
    let task = t.create_task(&creator, args).await;
    let sub = t.submit(&alice, task, 1).await;
    // With at most 16 expected seats, 33 drawn validators on one submission is rare on
    // chain. Here the committee is drawn against one validator's 100 tokens, and the 33
    // validators are made active afterwards by the fixture (outside the draw's total), so
    // each holds seats: the cap is what stops the 33rd.
    t.validator(100 * TOKEN, 0).await;
    t.to_commit_phase(&task).await;
    let mut vals = Vec::new();
    for _ in 0..32 {
        vals.push(t.validator(100 * TOKEN, 0).await);
    }
    for (i, val) in vals.iter().enumerate() {
        t.try_commit(val, task, sub, (i * 3) as u8).await.unwrap();
    }
    let extra = t.validator(100 * TOKEN, 0).await;
    assert_merit_err(
        t.try_commit(&extra, task, sub, 50).await,
        MeritError::TooManyVotes,
    );
    t.to_reveal_phase(&task).await;
    for (i, val) in vals.iter().enumerate() {
        t.try_reveal(val, task, sub, (i * 3) as u8).await.unwrap();
    }
    t.to_finalize_phase(&task).await;
    (t, alice, task, sub)
}

#[tokio::test]
async fn finalize_at_the_vote_cap_uses_all_32_reveals() {
    let (mut t, alice, task, sub) = at_the_vote_cap().await;
    t.finalize_submission(&alice, task, sub).await.unwrap();
    let s = t.submission(&sub).await;
    let round = t.current_round(&sub).await;
    assert_eq!(round.revealed_count, 32);
    // Scores 0,3,...,93 with equal weight: half at or below 45, half from 48: an exact
    // split, decided at the midpoint, 46.
    assert!(round.consensus().is_tie());
    assert_eq!(s.consensus_score, 46);
    t.check_invariants().await;
}

#[tokio::test]
#[ignore = "compute is metered only on an SBF build: `anchor test` runs it with SBF_OUT_DIR set"]
async fn finalize_at_the_vote_cap_fits_the_compute_budget_on_sbf() {
    assert!(
        merit_localnet::runs_sbf(),
        "needs SBF_OUT_DIR pointing at a directory holding merit.so"
    );
    let (mut t, alice, task, sub) = at_the_vote_cap().await;
    assert_eq!(pda::submission(&task, &alice.pubkey()), sub);
    let ix = t
        .finalize_ix(&alice.pubkey(), task, &alice.pubkey(), 0)
        .await;
    let units = t.net.units_consumed(&[ix], &[&alice]).await.unwrap();
    assert!(
        units > 0 && units < 200_000,
        "finalize used {units} compute units"
    );
}
