//! Commit-reveal submissions and content claims: what a copier can do with a pending
//! `submit` or a published file (nothing), who is paid for content two commitments share
//! (the earliest by slot, whoever reveals first), what an unrevealed commitment costs
//! (its bond and fee), and when a content claim's rent comes back.
use anchor_lang::error::ErrorCode;
use anchor_lang::prelude::Pubkey;
use merit_client::builders::replace_account;
use merit_client::{submission_commitment, ContentClaim};
use merit_tests::*;

struct World {
    t: TestContext,
    creator: Keypair,
    keeper: Keypair,
    task: Pubkey,
    vals: Vec<Keypair>,
}

/// A task (quorum 4 seats) and three established validators holding all active stake.
async fn world() -> World {
    let mut t = TestContext::new().await;
    let creator = t.actor(5_000 * TOKEN).await;
    let keeper = t.actor(0).await;
    let mut vals = Vec::new();
    for _ in 0..3 {
        vals.push(t.validator(300 * TOKEN, 0).await);
    }
    let mut args = t.task_args();
    args.quorum_seats = 4;
    let task = t.create_task(&creator, args).await;
    World {
        t,
        creator,
        keeper,
        task,
        vals,
    }
}

impl World {
    fn vals(&self) -> Vec<Keypair> {
        self.vals.iter().map(|v| v.insecure_clone()).collect()
    }
}

/// Every validator commits and reveals the given score on each submission, and the
/// keeper finalizes every submission of the task (judged or not) and the task.
async fn judge(w: &mut World, scored: &[(Pubkey, u8)]) {
    let task = w.task;
    w.t.to_commit_phase(&task).await;
    for (sub, score) in scored {
        for v in w.vals() {
            w.t.try_commit(&v, task, *sub, *score).await.unwrap();
        }
    }
    w.t.to_reveal_phase(&task).await;
    for (sub, score) in scored {
        for v in w.vals() {
            w.t.try_reveal(&v, task, *sub, *score).await.unwrap();
        }
    }
    w.t.to_finalize_phase(&task).await;
    for sub in w.t.submissions.clone() {
        let pending =
            w.t.net
                .account::<merit_client::Submission>(&sub)
                .await
                .is_some_and(|s| s.task == task && s.outcome == Outcome::Pending);
        if pending {
            w.t.finalize_through_rounds(&w.keeper, task, sub)
                .await
                .unwrap();
        }
    }
    w.t.finalize_task(&w.keeper, task).await.unwrap();
}

/// The copier's bond is slashed and it cannot claim; the author claims the whole
/// 800-token contributor pool.
async fn copier_slashed_author_paid(w: &mut World, author: &Keypair, copier: &Keypair) {
    let (task, keeper) = (w.task, w.keeper.insecure_clone());
    w.t.slash_submission(&keeper, task, &copier.pubkey())
        .await
        .unwrap();
    assert_merit_err(
        w.t.claim_submission(copier, task).await,
        MeritError::SubmissionRejected,
    );
    w.t.claim_submission(author, task).await.unwrap();
    assert_eq!(w.t.balance(&author.pubkey()).await, 800 * TOKEN);
}

async fn claim(t: &mut TestContext, hash: &[u8; 32]) -> Option<ContentClaim> {
    t.net.account(&pda::content_claim(hash)).await
}

/// Wallet plus stake: what an actor owns.
async fn worth(t: &mut TestContext, who: &Pubkey) -> u64 {
    t.balance(who).await + t.stake(who).await.deposited
}

#[tokio::test]
async fn front_running_a_pending_submit_gains_the_copier_nothing() {
    let mut w = world().await;
    let task = w.task;
    let author = w.t.staker(100 * TOKEN, 0).await;
    let copier = w.t.staker(100 * TOKEN, 0).await;
    w.t.mint_to(&copier.pubkey(), FEE).await;
    let copier_start = worth(&mut w.t, &copier.pubkey()).await;
    let work = content_hash(&task, 1);
    let terms = w.t.task(&task).await.terms_hash;
    // All the author's pending `submit` shows is its commitment. The copier lands the
    // same bytes first, in its own name (the only thing it can do with them).
    let commitment = submission_commitment(&task, &author.pubkey(), &work, &salt_of(&author));
    w.t.try_submit_raw(&copier, task, commitment, terms)
        .await
        .unwrap();
    let author_sub = w.t.submit(&author, task, 1).await;
    let copier_sub = pda::submission(&task, &copier.pubkey());
    // Nothing the copier knows opens its commitment: it binds the author's key.
    w.t.to_submission_reveal_phase(&task).await;
    for salt in [salt_of(&author), salt_of(&copier), [0; 32]] {
        let ix = w.t.client().reveal_submission(
            copier.pubkey(),
            task,
            work,
            salt,
            "ipfs://stolen".into(),
        );
        assert_merit_err(
            w.t.send(&[ix], &[&copier]).await,
            MeritError::SubmissionCommitmentMismatch,
        );
    }
    // The author reveals; the copier's commitment is never opened.
    judge(&mut w, &[(author_sub, 80)]).await;
    let (a, c) = (
        w.t.submission(&author_sub).await,
        w.t.submission(&copier_sub).await,
    );
    assert_eq!(
        (a.outcome, c.outcome),
        (Outcome::Accepted, Outcome::Unrevealed)
    );
    copier_slashed_author_paid(&mut w, &author, &copier).await;
    // The copier lost its bond and its fee.
    let copier_end = worth(&mut w.t, &copier.pubkey()).await;
    assert_eq!(copier_start - copier_end, 10 * TOKEN + FEE);
}

#[tokio::test]
async fn a_copy_revealed_first_is_displaced_by_the_older_commitment() {
    let mut w = world().await;
    let task = w.task;
    let author = w.t.staker(100 * TOKEN, 0).await;
    let copier = w.t.staker(100 * TOKEN, 0).await;
    let work = content_hash(&task, 1);
    let author_sub = w.t.submit(&author, task, 1).await;
    // The copier got hold of the file (a leak) and commits to it a slot later.
    w.t.net.warp_slots(1);
    w.t.try_submit(&copier, task, work).await.unwrap();
    let copier_sub = pda::submission(&task, &copier.pubkey());
    let copier_start = worth(&mut w.t, &copier.pubkey()).await;
    // It reveals first and takes the new claim ...
    w.t.to_submission_reveal_phase(&task).await;
    w.t.try_reveal_submission(&copier, task, work)
        .await
        .unwrap();
    assert_eq!(claim(&mut w.t, &work).await.unwrap().submission, copier_sub);
    // ... which the author's older commitment takes back when it reveals.
    w.t.try_reveal_submission(&author, task, work)
        .await
        .unwrap();
    let held = claim(&mut w.t, &work).await.unwrap();
    assert_eq!(
        (held.submission, held.contributor),
        (author_sub, author.pubkey())
    );
    assert_eq!(
        held.payer,
        copier.pubkey(),
        "rent stays with whoever paid it"
    );
    assert_eq!(held.refs, 2);
    // Both are judged alike; only the author's is Accepted.
    judge(&mut w, &[(author_sub, 80), (copier_sub, 80)]).await;
    let (a, c) = (
        w.t.submission(&author_sub).await,
        w.t.submission(&copier_sub).await,
    );
    assert_eq!(
        (a.outcome, c.outcome),
        (Outcome::Accepted, Outcome::Duplicate)
    );
    assert_eq!(
        c.consensus_score, 80,
        "the copy was judged like the original"
    );
    // The author takes the whole contributor pool; the judges of both are paid.
    copier_slashed_author_paid(&mut w, &author, &copier).await;
    for v in w.vals() {
        w.t.claim_vote(&v, task, copier_sub).await.unwrap();
        assert!(w.t.vote(&copier_sub, &v.pubkey()).await.reward_paid > 0);
    }
    let copier_end = worth(&mut w.t, &copier.pubkey()).await;
    assert_eq!(copier_start - copier_end, 10 * TOKEN, "its bond");
    let held = claim(&mut w.t, &work).await.unwrap();
    assert!(held.paid && held.refs == 0);
}

#[tokio::test]
async fn a_later_commitment_to_revealed_content_is_refused_and_loses_its_bond() {
    let mut w = world().await;
    let task = w.task;
    let author = w.t.staker(100 * TOKEN, 0).await;
    let copier = w.t.staker(100 * TOKEN, 0).await;
    let same_slot = w.t.staker(100 * TOKEN, 0).await;
    let work = content_hash(&task, 1);
    let author_sub = w.t.submit(&author, task, 1).await;
    // Committed in the author's own slot: a tie, which the first revealer keeps.
    w.t.try_submit(&same_slot, task, work).await.unwrap();
    w.t.net.warp_slots(1);
    w.t.try_submit(&copier, task, work).await.unwrap();
    w.t.to_submission_reveal_phase(&task).await;
    w.t.try_reveal_submission(&author, task, work)
        .await
        .unwrap();
    let before = w.t.snapshot(&[pda::content_claim(&work)]).await;
    for late in [&copier, &same_slot] {
        assert_merit_err(
            w.t.try_reveal_submission(late, task, work).await,
            MeritError::DuplicateContent,
        );
    }
    assert_eq!(w.t.snapshot(&[pda::content_claim(&work)]).await, before);
    w.t.skip_reveals(&task);
    judge(&mut w, &[(author_sub, 80)]).await;
    let keeper = w.keeper.insecure_clone();
    for late in [&copier, &same_slot] {
        let sub = pda::submission(&task, &late.pubkey());
        assert_eq!(w.t.submission(&sub).await.outcome, Outcome::Unrevealed);
        w.t.slash_submission(&keeper, task, &late.pubkey())
            .await
            .unwrap();
        assert_eq!(w.t.stake(&late.pubkey()).await.deposited, 90 * TOKEN);
    }
}

#[tokio::test]
async fn the_submission_reveal_window_is_exact_to_the_second() {
    let mut w = world().await;
    let task = w.task;
    let alice = w.t.staker(100 * TOKEN, 0).await;
    let work = content_hash(&task, 1);
    w.t.submit(&alice, task, 1).await;
    let state = w.t.task(&task).await;
    // Too early is named as such, too late as closed.
    w.t.set_time(state.submission_deadline - 1);
    assert_merit_err(
        w.t.try_reveal_submission(&alice, task, work).await,
        MeritError::WindowNotOpen,
    );
    w.t.set_time(state.submission_reveal_deadline);
    assert_merit_err(
        w.t.try_reveal_submission(&alice, task, work).await,
        MeritError::SubmissionRevealClosed,
    );
    // Time never runs back on a real chain; a fresh task shows the last open second.
    let mut args = w.t.task_args();
    args.quorum_seats = 4;
    let creator = w.creator.insecure_clone();
    let second = w.t.create_task(&creator, args).await;
    let bob = w.t.staker(100 * TOKEN, 0).await;
    w.t.submit(&bob, second, 2).await;
    let state = w.t.task(&second).await;
    w.t.set_time(state.submission_deadline);
    w.t.set_time(state.submission_reveal_deadline - 1);
    w.t.try_reveal_submission(&bob, second, content_hash(&second, 2))
        .await
        .unwrap();
    let sub =
        w.t.submission(&pda::submission(&second, &bob.pubkey()))
            .await;
    assert!(sub.content_revealed);
    assert_eq!(sub.content_hash, content_hash(&second, 2));
    assert_eq!(sub.uri, "ipfs://work");
}

#[tokio::test]
async fn bad_reveals_are_refused_and_change_nothing() {
    let mut w = world().await;
    let task = w.task;
    let alice = w.t.staker(100 * TOKEN, 0).await;
    let mallory = w.t.staker(100 * TOKEN, 0).await;
    let work = content_hash(&task, 1);
    let alice_sub = w.t.submit(&alice, task, 1).await;
    w.t.submit(&mallory, task, 2).await;
    w.t.to_submission_reveal_phase(&task).await;
    let watched = [alice_sub, pda::content_claim(&work)];
    let before = w.t.snapshot(&watched).await;
    let c = w.t.client();
    // Wrong salt, wrong content.
    for (hash, salt) in [(work, [0; 32]), (content_hash(&task, 9), salt_of(&alice))] {
        let ix = c.reveal_submission(alice.pubkey(), task, hash, salt, "ipfs://x".into());
        assert_merit_err(
            w.t.send(&[ix], &[&alice]).await,
            MeritError::SubmissionCommitmentMismatch,
        );
    }
    // An overlong URI.
    let ix = c.reveal_submission(alice.pubkey(), task, work, salt_of(&alice), "u".repeat(201));
    assert_merit_err(w.t.send(&[ix], &[&alice]).await, MeritError::UriTooLong);
    // Mallory opening alice's submission (she knows the salt here), signing herself.
    let mut ix = c.reveal_submission(
        mallory.pubkey(),
        task,
        work,
        salt_of(&alice),
        "ipfs://x".into(),
    );
    let mallory_sub = pda::submission(&task, &mallory.pubkey());
    replace_account(&mut ix, &mallory_sub, &alice_sub);
    replace_account(
        &mut ix,
        &pda::round(&mallory_sub, 1),
        &pda::round(&alice_sub, 1),
    );
    assert_merit_err(
        w.t.send(&[ix], &[&mallory]).await,
        MeritError::AccountMismatch,
    );
    // Alice's reveal without her signature.
    let mut ix = c.reveal_submission(alice.pubkey(), task, work, salt_of(&alice), "u".into());
    ix.accounts[0].is_signer = false;
    assert_fails(w.t.send(&[ix], &[&mallory]).await);
    assert_eq!(w.t.snapshot(&watched).await, before);
    // A reveal on a submission that does not exist.
    let nobody = w.t.staker(100 * TOKEN, 0).await;
    assert_anchor_err(
        w.t.try_reveal_submission(&nobody, task, work).await,
        ErrorCode::AccountNotInitialized,
    );
    // Once, not twice.
    w.t.try_reveal_submission(&alice, task, work).await.unwrap();
    assert_merit_err(
        w.t.try_reveal_submission(&alice, task, work).await,
        MeritError::SubmissionAlreadyRevealed,
    );
}

#[tokio::test]
async fn an_unrevealed_submission_cannot_be_judged_and_loses_bond_and_fee() {
    let mut w = world().await;
    let task = w.task;
    let alice = w.t.staker(100 * TOKEN, 0).await;
    let sub = w.t.submit(&alice, task, 1).await;
    w.t.skip_reveals(&task);
    w.t.to_commit_phase(&task).await;
    // Never revealed, it has no judging round: there is nothing to vote in.
    assert_anchor_err(
        w.t.try_commit(&w.vals[0].insecure_clone(), task, sub, 80)
            .await,
        anchor_lang::error::ErrorCode::AccountOwnedByWrongProgram,
    );
    w.t.to_finalize_phase(&task).await;
    let keeper = w.keeper.insecure_clone();
    // A claim passed for a submission never revealed is refused.
    let epoch = w.t.config().await.current_epoch;
    let ix = w.t.client().finalize_submission(
        keeper.pubkey(),
        task,
        alice.pubkey(),
        epoch,
        Some(content_hash(&task, 1)),
        Some(1),
        false,
    );
    assert_fails(w.t.send(&[ix], &[&keeper]).await);
    let treasury = w.t.net.token_balance(&pda::treasury()).await;
    w.t.finalize_submission(&keeper, task, sub).await.unwrap();
    assert_eq!(w.t.submission(&sub).await.outcome, Outcome::Unrevealed);
    // No judge earned the fee: it went to the treasury.
    assert_eq!(
        w.t.net.token_balance(&pda::treasury()).await,
        treasury + FEE
    );
    assert_eq!(w.t.task(&task).await.to_treasury, FEE);
    w.t.finalize_task(&keeper, task).await.unwrap();
    assert_merit_err(
        w.t.claim_submission(&alice, task).await,
        MeritError::SubmissionRejected,
    );
    w.t.slash_submission(&keeper, task, &alice.pubkey())
        .await
        .unwrap();
    assert_eq!(w.t.stake(&alice.pubkey()).await.deposited, 90 * TOKEN);
    assert_eq!(w.t.stake(&alice.pubkey()).await.reputation.rejected, 1);
}

#[tokio::test]
async fn a_revealed_submission_is_finalized_only_with_its_own_claim() {
    let mut w = world().await;
    let task = w.task;
    let alice = w.t.staker(100 * TOKEN, 0).await;
    let bob = w.t.staker(100 * TOKEN, 0).await;
    let sub = w.t.submit(&alice, task, 1).await;
    w.t.submit(&bob, task, 2).await;
    w.t.to_commit_phase(&task).await;
    w.t.to_finalize_phase(&task).await;
    let keeper = w.keeper.insecure_clone();
    let epoch = w.t.config().await.current_epoch;
    let c = w.t.client();
    let without = c.finalize_submission(
        keeper.pubkey(),
        task,
        alice.pubkey(),
        epoch,
        None,
        None,
        false,
    );
    assert_merit_err(
        w.t.send(&[without], &[&keeper]).await,
        MeritError::ContentClaimMismatch,
    );
    let bobs = Some(content_hash(&task, 2));
    let other = c.finalize_submission(
        keeper.pubkey(),
        task,
        alice.pubkey(),
        epoch,
        bobs,
        Some(1),
        false,
    );
    assert_merit_err(
        w.t.send(&[other], &[&keeper]).await,
        MeritError::AccountMismatch,
    );
    assert_eq!(w.t.submission(&sub).await.outcome, Outcome::Pending);
    w.t.finalize_through_rounds(&keeper, task, sub)
        .await
        .unwrap();
    assert_eq!(w.t.submission(&sub).await.outcome, Outcome::NoQuorum);
}

#[tokio::test]
async fn an_author_can_submit_its_own_work_again_after_no_quorum_and_nobody_else_can() {
    let mut w = world().await;
    let task = w.task;
    let author = w.t.staker(100 * TOKEN, 0).await;
    let copier = w.t.staker(100 * TOKEN, 0).await;
    let work = content_hash(&task, 1);
    let sub = w.t.submit(&author, task, 1).await;
    // Nobody judges it, in either round: NoQuorum, bond back, and the claim is released.
    w.t.to_commit_phase(&task).await;
    w.t.to_finalize_phase(&task).await;
    let keeper = w.keeper.insecure_clone();
    w.t.finalize_through_rounds(&keeper, task, sub)
        .await
        .unwrap();
    assert_eq!(w.t.submission(&sub).await.outcome, Outcome::NoQuorum);
    assert!(claim(&mut w.t, &work).await.unwrap().is_released());
    // The work is public now. On a second task a copier commits to it before the author
    // does; the author's own reveal still wins, the copier's is refused.
    let mut args = w.t.task_args();
    args.quorum_seats = 4;
    let creator = w.creator.insecure_clone();
    let second = w.t.create_task(&creator, args).await;
    w.t.try_submit(&copier, second, work).await.unwrap();
    w.t.net.warp_slots(1);
    w.t.try_submit(&author, second, work).await.unwrap();
    w.t.to_submission_reveal_phase(&second).await;
    assert_merit_err(
        w.t.try_reveal_submission(&copier, second, work).await,
        MeritError::DuplicateContent,
    );
    w.t.try_reveal_submission(&author, second, work)
        .await
        .unwrap();
    let held = claim(&mut w.t, &work).await.unwrap();
    assert_eq!(held.submission, pda::submission(&second, &author.pubkey()));
    w.t.skip_reveals(&second);
    w.task = second;
    judge(&mut w, &[(pda::submission(&second, &author.pubkey()), 80)]).await;
    w.t.claim_submission(&author, second).await.unwrap();
    assert_eq!(w.t.balance(&author.pubkey()).await, 800 * TOKEN);
}

#[tokio::test]
async fn content_claims_close_when_nothing_depends_on_them() {
    let mut w = world().await;
    let task = w.task;
    let (good, junk, quiet) = (
        w.t.staker(100 * TOKEN, 0).await,
        w.t.staker(100 * TOKEN, 0).await,
        w.t.staker(100 * TOKEN, 0).await,
    );
    let subs = [
        w.t.submit(&good, task, 1).await,
        w.t.submit(&junk, task, 2).await,
        w.t.submit(&quiet, task, 3).await,
    ];
    let hashes = [1, 2, 3].map(|s| content_hash(&task, s));
    let keeper = w.keeper.insecure_clone();
    let c = w.t.client();
    let close = |closer: &Keypair, i: usize, payer: &Pubkey| {
        c.close_content_claim(closer.pubkey(), hashes[i], *payer)
    };
    // Revealed and pending: nothing closes.
    w.t.to_submission_reveal_phase(&task).await;
    w.t.reveal_submissions(&task).await;
    let ix = close(&keeper, 1, &junk.pubkey());
    assert_merit_err(w.t.send(&[ix], &[&keeper]).await, MeritError::NotSettled);
    judge(&mut w, &[(subs[0], 90), (subs[1], 5)]).await;
    let outcomes = [Outcome::Accepted, Outcome::Rejected, Outcome::NoQuorum];
    for (sub, outcome) in subs.iter().zip(outcomes) {
        assert_eq!(w.t.submission(sub).await.outcome, outcome);
    }
    // Paid work keeps its claim for good, even for its author.
    let ix = close(&good, 0, &good.pubkey());
    assert_merit_err(w.t.send(&[ix], &[&good]).await, MeritError::NotSettled);
    // Unpaid, unjudged work keeps its author's priority: only the author gives it up.
    let ix = close(&keeper, 2, &quiet.pubkey());
    assert_merit_err(w.t.send(&[ix], &[&keeper]).await, MeritError::NotSettled);
    // The rent goes to the payer and nobody else.
    let ix = close(&keeper, 1, &keeper.pubkey());
    assert_merit_err(
        w.t.send(&[ix], &[&keeper]).await,
        MeritError::AccountMismatch,
    );
    let ix = close(&keeper, 1, &junk.pubkey());
    let mut unsigned = ix.clone();
    unsigned.accounts[0].is_signer = false;
    assert_fails(w.t.send(&[unsigned], &[&junk]).await);
    // Rejected work: anyone closes, the rent goes back to its payer.
    let rent =
        w.t.net
            .raw_account(&pda::content_claim(&hashes[1]))
            .await
            .unwrap()
            .lamports;
    let lamports = w.t.net.lamports(&junk.pubkey()).await;
    w.t.send(std::slice::from_ref(&ix), &[&keeper])
        .await
        .unwrap();
    assert!(!w.t.exists(&pda::content_claim(&hashes[1])).await);
    assert_eq!(w.t.net.lamports(&junk.pubkey()).await, lamports + rent);
    assert_fails(w.t.send(&[ix], &[&keeper]).await);
    // The author of the unjudged work closes its own.
    let ix = close(&quiet, 2, &quiet.pubkey());
    w.t.send(&[ix], &[&quiet]).await.unwrap();
    assert!(!w.t.exists(&pda::content_claim(&hashes[2])).await);
    assert!(w.t.exists(&pda::content_claim(&hashes[0])).await);
}

#[tokio::test]
#[ignore = "compute is metered only on an SBF build: `anchor test` runs it with SBF_OUT_DIR set"]
async fn submit_reveal_and_finalize_fit_the_compute_budget_on_sbf() {
    assert!(
        merit_localnet::runs_sbf(),
        "needs SBF_OUT_DIR pointing at a directory holding merit.so"
    );
    let mut w = world().await;
    let task = w.task;
    let (alice, bob) = (
        w.t.staker(100 * TOKEN, FEE).await,
        w.t.staker(100 * TOKEN, FEE).await,
    );
    let work = content_hash(&task, 1);
    let terms = w.t.task(&task).await.terms_hash;
    let commitment = submission_commitment(&task, &alice.pubkey(), &work, &salt_of(&alice));
    let submit = w.t.client().submit(alice.pubkey(), task, commitment, terms);
    w.t.submissions
        .insert(pda::submission(&task, &alice.pubkey()));
    let submit_units =
        w.t.net
            .units_consumed(std::slice::from_ref(&submit), &[&alice])
            .await
            .unwrap();
    w.t.send(&[submit], &[&alice]).await.unwrap();
    let bobs = submission_commitment(&task, &bob.pubkey(), &[2; 32], &salt_of(&bob));
    w.t.try_submit_raw(&bob, task, bobs, terms).await.unwrap();
    w.t.to_submission_reveal_phase(&task).await;
    let reveal = w.t.client().reveal_submission(
        alice.pubkey(),
        task,
        work,
        salt_of(&alice),
        "u".repeat(200),
    );
    let reveal_units =
        w.t.net
            .units_consumed(std::slice::from_ref(&reveal), &[&alice])
            .await
            .unwrap();
    w.t.send(&[reveal], &[&alice]).await.unwrap();
    let sub = pda::submission(&task, &alice.pubkey());
    w.t.to_commit_phase(&task).await;
    for v in w.vals() {
        w.t.try_commit(&v, task, sub, 80).await.unwrap();
    }
    w.t.to_reveal_phase(&task).await;
    for v in w.vals() {
        w.t.try_reveal(&v, task, sub, 80).await.unwrap();
    }
    w.t.to_finalize_phase(&task).await;
    let keeper = w.keeper.insecure_clone();
    let epoch = w.t.config().await.current_epoch;
    let judged =
        w.t.finalize_ix(&keeper.pubkey(), task, &alice.pubkey(), epoch)
            .await;
    let judged_units = w.t.net.units_consumed(&[judged], &[&keeper]).await.unwrap();
    // Bob never revealed: his fee goes to the treasury (a token transfer).
    let unrevealed =
        w.t.finalize_ix(&keeper.pubkey(), task, &bob.pubkey(), epoch)
            .await;
    let unrevealed_units =
        w.t.net
            .units_consumed(&[unrevealed], &[&keeper])
            .await
            .unwrap();
    println!(
        "compute units: submit {submit_units}, reveal_submission {reveal_units}, \
         finalize_submission (revealed, 3 votes) {judged_units}, (unrevealed, fee to treasury) {unrevealed_units}"
    );
    for (name, units) in [
        ("submit", submit_units),
        ("reveal_submission", reveal_units),
        ("finalize_submission revealed", judged_units),
        ("finalize_submission unrevealed", unrevealed_units),
    ] {
        assert!(
            units > 0 && units <= 100_000,
            "{name} used {units} compute units"
        );
    }
}
