//! Every account invariant rule fails with its own named error, and a consistent account
//! passes. Accounts start from their all-zero layout (what `init` allocates), so a test
//! sets only the fields its rule reads.
use super::*;
use crate::error::MeritError;
use anchor_lang::prelude::Result;

fn zeroed<T: AnchorDeserialize + Space>() -> T {
    T::deserialize(&mut &vec![0u8; T::INIT_SPACE][..]).expect("the zero layout decodes")
}

fn fails_with(result: Result<()>, expected: MeritError) {
    assert_eq!(
        result.unwrap_err(),
        expected.into(),
        "expected {expected:?}"
    );
}

#[test]
fn task_rules_each_have_their_error() {
    let ok = || {
        let mut t: Task = bytemuck::Zeroable::zeroed();
        t.reward = 1_000;
        t.fees = 10;
        t.protocol_fee = 10;
        t.max_submissions = 4;
        t
    };
    ok().invariant().unwrap();

    let mut t = ok();
    t.paid_out = 900;
    t.reclaimed = 111;
    fails_with(t.invariant(), MeritError::TaskOverpaid);
    let mut t = ok();
    t.to_treasury = 1_011;
    fails_with(t.invariant(), MeritError::TaskOverpaid);

    let mut t = ok();
    t.paid_out = 500;
    t.contributor_liability = 400;
    t.validator_liability = 111;
    fails_with(t.invariant(), MeritError::TaskVaultShort);

    for broken in [
        |t: &mut Task| t.submission_count = 5,
        |t: &mut Task| t.finalized_count = 1,
        |t: &mut Task| {
            t.submission_count = 1;
            t.finalized_count = 1;
            t.accepted_unclaimed = 1;
        },
        |t: &mut Task| t.open_submissions = 1,
        |t: &mut Task| {
            t.submission_count = 1;
            t.finalized_count = 1;
            t.accepted_count = 1;
            t.unjudged_count = 1;
        },
    ] {
        let mut t = ok();
        broken(&mut t);
        fails_with(t.invariant(), MeritError::TaskCountsInconsistent);
    }

    let mut t = ok();
    t.emission_cap = 5;
    t.emission_paid = 6;
    fails_with(t.invariant(), MeritError::TaskEmissionOverCap);
    let mut t = ok();
    t.emission_cap = 10;
    fails_with(t.invariant(), MeritError::TaskEmissionOverCap);
}

#[test]
fn stake_rules_each_have_their_error() {
    let mut s: Stake = zeroed();
    s.deposited = 100;
    s.locked = 60;
    s.unstaking = 40;
    s.invariant().unwrap();
    s.locked = 61;
    fails_with(s.invariant(), MeritError::StakeOvercommitted);

    for broken in [
        |s: &mut Stake| s.history[0].active_min = 71,
        |s: &mut Stake| s.history[0].active_start = 9,
        |s: &mut Stake| {
            s.history_len = 2;
            s.history[1].epoch = 3;
        },
    ] {
        let mut s: Stake = zeroed();
        s.deposited = 100;
        s.unstaking = 30;
        s.history_len = 1;
        s.history[0] = StakePoint {
            epoch: 3,
            active_start: 70,
            active_min: 70,
        };
        s.invariant().unwrap();
        broken(&mut s);
        fails_with(s.invariant(), MeritError::StakeHistoryInconsistent);
    }

    let mut s: Stake = zeroed();
    s.reputation.score_bps = crate::constants::MAX_REPUTATION + 1;
    fails_with(s.invariant(), MeritError::ReputationOutOfRange);
}

#[test]
fn submission_rules_each_have_their_error() {
    let mut s: Submission = zeroed();
    s.invariant().unwrap();
    s.content_revealed = true;
    s.round = 1;
    s.open_rounds = 2;
    fails_with(s.invariant(), MeritError::SubmissionCountsInconsistent);
    s.open_rounds = 1;
    s.round = crate::constants::MAX_ROUNDS + 1;
    fails_with(s.invariant(), MeritError::SubmissionCountsInconsistent);

    let mut s: Submission = zeroed();
    s.round = 1;
    fails_with(s.invariant(), MeritError::VotesWithoutContent);
}

#[test]
fn round_rules_each_have_their_error() {
    let ok = || {
        let mut r: Round = bytemuck::Zeroable::zeroed();
        r.vote_count = 3;
        r.revealed_count = 2;
        r.committed_weight = 5;
        r.revealed_weight = 4;
        r.coherent_weight = 3;
        r.coherent_count = 1;
        r.pool = 10;
        r
    };
    ok().invariant().unwrap();
    for broken in [
        |r: &mut Round| r.revealed_count = 4,
        |r: &mut Round| r.vote_count = crate::constants::MAX_VOTES_PER_SUBMISSION + 1,
        |r: &mut Round| r.coherent_unclaimed = 2,
        |r: &mut Round| r.coherent_count = 3,
        |r: &mut Round| r.revealed_weight = 6,
        |r: &mut Round| r.coherent_weight = 5,
        |r: &mut Round| r.paid = 11,
    ] {
        let mut r = ok();
        broken(&mut r);
        fails_with(r.invariant(), MeritError::RoundCountsInconsistent);
    }
}

#[test]
fn vesting_balance_has_its_error() {
    let mut v: Vesting = zeroed();
    v.total_granted = 100;
    v.total_withdrawn = 30;
    v.unvested = 50;
    v.unlocked = 20;
    v.invariant().unwrap();
    v.unlocked = 21;
    fails_with(v.invariant(), MeritError::VestingUnbalanced);
}

#[test]
fn config_emission_accounting_has_its_error() {
    let mut c: Config = bytemuck::Zeroable::zeroed();
    c.emission_funded = 100;
    c.emission_paid = 60;
    c.emission_reserved = 40;
    c.invariant().unwrap();
    c.emission_reserved = 41;
    fails_with(c.invariant(), MeritError::EmissionOverdrawn);
}

#[test]
fn epoch_rules_each_have_their_error() {
    let ok = || {
        let mut e: Epoch = zeroed();
        e.start = 100;
        e.end = 200;
        e.contributor_emission = 10;
        e.validator_emission = 10;
        e.contributor_points = 5;
        e.validator_points = 5;
        e
    };
    ok().invariant().unwrap();
    for broken in [
        |e: &mut Epoch| e.contributor_claimed = 11,
        |e: &mut Epoch| e.validator_claimed = 11,
        |e: &mut Epoch| e.contributor_points_claimed = 6,
        |e: &mut Epoch| e.validator_points_claimed = 6,
        |e: &mut Epoch| e.contributor_paid = 1,
        |e: &mut Epoch| e.validator_paid = 1,
    ] {
        let mut e = ok();
        broken(&mut e);
        fails_with(e.invariant(), MeritError::EpochOverclaimed);
    }
    let mut e = ok();
    e.end = 100;
    fails_with(e.invariant(), MeritError::EpochSpanInvalid);
}

#[test]
fn vote_rules_each_have_their_error() {
    let mut v: Vote = zeroed();
    v.bond = 10;
    v.bond_remaining = 10;
    v.invariant().unwrap();
    v.bond_remaining = 11;
    fails_with(v.invariant(), MeritError::VoteBondExceeded);

    for broken in [
        |v: &mut Vote| v.reward_paid = 1,
        |v: &mut Vote| v.points = 1,
        |v: &mut Vote| v.emission_claimed = true,
    ] {
        let mut v: Vote = zeroed();
        broken(&mut v);
        fails_with(v.invariant(), MeritError::VoteClaimStateInconsistent);
        v.claimed = true;
        v.invariant().unwrap();
    }
}

#[test]
fn content_claim_rules_have_their_error() {
    let mut c: ContentClaim = zeroed();
    c.holder_outcome = Outcome::Accepted;
    c.paid = true;
    c.invariant().unwrap();
    c.holder_outcome = Outcome::Rejected;
    fails_with(c.invariant(), MeritError::ContentClaimInconsistent);
    c.paid = false;
    c.invariant().unwrap();
    c.holder_outcome = Outcome::Pending;
    fails_with(c.invariant(), MeritError::ContentClaimInconsistent);
    c.refs = 1;
    c.invariant().unwrap();
}
