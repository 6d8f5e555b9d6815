//! Judging rounds. A revealed submission is judged in round 1 by a committee drawn from
//! its task's draw; a round that decides nothing (too few committed seats, nothing
//! revealed, no committee) is followed by a round with a committee of its own, drawn by
//! lot from a fresh seed, before the submission can end unjudged (`MAX_ROUNDS`). Every
//! round has its own seed, committee, windows and votes, so a later issue's appeals can
//! reuse them for larger committees.
use crate::constants::*;
use crate::error::MeritError;
use crate::math::{mul_div_floor, SafeMath};
use crate::state::{merit_points, Committee, Draw, Stake, Task};
use anchor_lang::prelude::*;

/// A revealed vote as the consensus sees it (zero-copy: eight bytes).
#[zero_copy(unsafe)]
#[repr(C)]
#[derive(Debug, Default, PartialEq, Eq, InitSpace)]
pub struct RevealedVote {
    /// Seats the validator holds on this round's committee.
    pub weight: u32,
    /// The validator's reputation multiplier at reveal, in bps.
    pub multiplier_bps: u16,
    pub score: u8,
    /// Explicit padding, always zero.
    pub padding: u8,
}

impl RevealedVote {
    pub fn new(weight: u32, score: u8, multiplier_bps: u16) -> Self {
        RevealedVote {
            weight,
            multiplier_bps,
            score,
            padding: 0,
        }
    }
}

/// Where a round stands (`repr(u8)`: `Open` 0, `Failed` 1, `Decided` 2).
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq, InitSpace)]
#[repr(u8)]
pub enum RoundState {
    /// Drawing, committing or revealing, or waiting to be closed.
    Open,
    /// Closed without a consensus: its revealed votes get their bonds back, unpaid; its
    /// unrevealed ones are slashed.
    Failed,
    /// Closed with a consensus (`consensus`): its votes are scored against it.
    Decided,
}

/// The consensus of a round: the stake-weighted median of its revealed scores, as the
/// range `[low, high]` of the middle: one score, or on an exact split of the revealed
/// weight (exactly half at or below `low`, half at or above `high`) the two middle scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Consensus {
    /// What decides the outcome: the median, or on an exact split the midpoint of the two
    /// middle scores, rounded down.
    pub score: u8,
    pub low: u8,
    pub high: u8,
}

impl Consensus {
    /// An exact split: half a committee decides nothing against the other half, so the
    /// outcome is the midpoint and neither side is incoherent.
    pub fn is_tie(&self) -> bool {
        self.low != self.high
    }

    /// Whether `score` is coherent: within `tolerance` of the middle range (of the
    /// median itself, off a split). A vote on either side of an exact split is coherent; a
    /// vote far from both is not.
    pub fn admits(&self, score: u8, tolerance: u8) -> bool {
        is_coherent_with(score, self.low, self.high, tolerance)
    }
}

/// The stake-weighted median of `votes`: the lowest revealed score `low` such that the
/// votes scoring at most `low` carry at least half the revealed weight; on an exact split
/// (exactly half at or below `low`) also the next score above, `high`. `None` when no
/// weight was revealed.
pub fn weighted_median(votes: &[RevealedVote]) -> Result<Option<Consensus>> {
    let mut total: u64 = 0;
    for v in votes {
        total = total.safe_add(u64::from(v.weight))?;
    }
    if total == 0 {
        return Ok(None);
    }
    let at_or_below = |score: u8| -> Result<u64> {
        let mut sum = 0u64;
        for v in votes.iter().filter(|v| v.score <= score) {
            sum = sum.safe_add(u64::from(v.weight))?;
        }
        Ok(sum)
    };
    let mut low: Option<u8> = None;
    for candidate in votes {
        if low.is_some_and(|b| candidate.score >= b) {
            continue;
        }
        if at_or_below(candidate.score)?.safe_mul(2)? >= total {
            low = Some(candidate.score);
        }
    }
    let Some(low) = low else {
        return Ok(None);
    };
    let high = if at_or_below(low)?.safe_mul(2)? == total {
        votes
            .iter()
            .filter(|v| v.score > low && v.weight > 0)
            .map(|v| v.score)
            .min()
            .unwrap_or(low)
    } else {
        low
    };
    Ok(Some(Consensus {
        score: ((u16::from(low) + u16::from(high)) / 2) as u8,
        low,
        high,
    }))
}

/// A revealed score is coherent with a consensus `consensus` when within `tolerance` of it.
pub fn is_coherent(score: u8, consensus: u8, tolerance: u8) -> bool {
    is_coherent_with(score, consensus, consensus, tolerance)
}

/// A revealed score is coherent with the middle range `[low, high]` when within
/// `tolerance` of it.
pub fn is_coherent_with(score: u8, low: u8, high: u8, tolerance: u8) -> bool {
    u16::from(score) + u16::from(tolerance) >= u16::from(low)
        && u16::from(score) <= u16::from(high) + u16::from(tolerance)
}

/// One judging round of one submission. PDA `["round", submission, index]`.
///
/// Zero-copy (`repr(C)`, no implicit padding, checked at compile time): commits, reveals
/// and the close read and write it in place. Round 1 is created by the submission's reveal
/// (its contributor pays the rent); a later round by the `finalize_submission` that closed
/// the one before without a consensus (its keeper pays). `close_round` returns the rent to
/// `payer` once the round and its votes are settled.
#[account(zero_copy(unsafe))]
#[repr(C)]
#[derive(InitSpace, Debug)]
pub struct Round {
    pub version: u8,
    pub bump: u8,
    /// 1 for the first round.
    pub index: u8,
    pub state: RoundState,
    /// Expected seats on the committee.
    pub committee_size: u8,
    /// The middle range of the consensus (`Consensus::low`; `consensus_high` below): one
    /// score, or the two sides of an exact split.
    pub consensus_low: u8,
    /// Votes committed (at most `MAX_VOTES_PER_SUBMISSION`).
    pub vote_count: u8,
    /// Vote accounts (absence records included) not closed yet.
    pub open_votes: u8,
    pub revealed_count: u8,
    pub coherent_count: u8,
    /// Coherent votes that have not claimed their pay yet.
    pub coherent_unclaimed: u8,
    pub consensus: u8,
    /// Seats that must be *committed* for the round to decide: a committed vote that is
    /// never revealed loses its bond and cannot undo a consensus.
    pub quorum_seats: u16,
    pub consensus_high: u8,
    /// Explicit padding (`repr(C)` alignment), always zero.
    pub padding: [u8; 1],
    pub task: Pubkey,
    pub submission: Pubkey,
    /// Paid the rent; receives it back when the round is closed.
    pub payer: Pubkey,
    /// Commits are open in `[commit_opens_at, commit_deadline)` and reveals in
    /// `[commit_deadline, reveal_deadline)`, on the task's clock. Round 1 takes the task's
    /// windows; a later round opens them when its committee is drawn.
    pub commit_opens_at: i64,
    pub commit_deadline: i64,
    pub reveal_deadline: i64,
    /// A later round's window lengths, the task's own.
    pub commit_secs: i64,
    pub reveal_secs: i64,
    /// A round whose committee is not drawn by then closes without votes.
    pub draw_deadline: i64,
    pub committed_weight: u64,
    pub revealed_weight: u64,
    /// Weight of revealed votes within the coherence tolerance of the consensus.
    pub coherent_weight: u64,
    /// What the coherent votes share (the submission's validator slice and fee), booked
    /// against the task when the round decided the submission.
    pub pool: u64,
    /// Paid so far out of `pool`.
    pub paid: u64,
    /// The epoch that received the merit points of the round's coherent votes (when the
    /// round decided its submission).
    pub points_epoch: u64,
    /// A later round's own draw (round 1 uses the task's).
    pub draw: Draw,
    /// The revealed votes, the first `revealed_count` of them.
    pub reveals: [RevealedVote; MAX_VOTES_PER_SUBMISSION as usize],
    pub reserved: [u8; 24],
}

/// What closing a round decided ([`Round::close`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoundResult {
    Decided(Consensus),
    Failed,
}

impl Round {
    /// Round 1 of `submission`, under `task`'s windows and committee.
    pub fn first(
        task_key: Pubkey,
        submission: Pubkey,
        payer: Pubkey,
        bump: u8,
        task: &Task,
    ) -> Self {
        let mut round = Self::blank(task_key, submission, payer, bump, 1, task);
        round.commit_opens_at = task.submission_reveal_deadline;
        round.commit_deadline = task.commit_deadline;
        round.reveal_deadline = task.reveal_deadline;
        round.draw_deadline = task.reveal_deadline;
        round
    }

    /// The round after `previous`, opened at `now` on the task's clock and scheduled at
    /// `slot` against `total_active_stake` of `epoch`: its committee must be drawn within
    /// a commit window's length, then gets a full commit and reveal window.
    #[allow(clippy::too_many_arguments)]
    pub fn next(
        previous: &Round,
        payer: Pubkey,
        bump: u8,
        task: &Task,
        now: i64,
        slot: u64,
        epoch: u64,
        total_active_stake: u64,
    ) -> Result<Self> {
        let index = previous.index.safe_add(1)?;
        let mut round = Self::blank(previous.task, previous.submission, payer, bump, index, task);
        round.draw_deadline = now.safe_add(round.commit_secs)?;
        if total_active_stake > 0 {
            // The fallback mixes in the task's seed, unknown while submissions were open.
            round
                .draw
                .schedule(slot, epoch, total_active_stake, task.draw.seed)?;
        }
        Ok(round)
    }

    fn blank(
        task_key: Pubkey,
        submission: Pubkey,
        payer: Pubkey,
        bump: u8,
        index: u8,
        task: &Task,
    ) -> Self {
        let mut round = <Round as bytemuck::Zeroable>::zeroed();
        round.version = ACCOUNT_VERSION;
        round.bump = bump;
        round.index = index;
        round.state = RoundState::Open;
        round.committee_size = task.committee_size;
        round.quorum_seats = task.quorum_seats;
        round.task = task_key;
        round.submission = submission;
        round.payer = payer;
        round.commit_secs = task.commit_deadline - task.submission_reveal_deadline;
        round.reveal_secs = task.reveal_deadline - task.commit_deadline;
        round.draw = Draw::unscheduled();
        round
    }

    /// The committee this round is drawn from: the task's draw for round 1, its own after.
    pub fn committee(&self, task: &Task) -> Committee {
        if self.index <= 1 {
            return task.committee();
        }
        Committee {
            seed: self.draw.seed,
            epoch: self.draw.epoch,
            total_stake: self.draw.total_stake,
            size: self.committee_size,
            min_stake: task.rules.min_validator_stake,
            drawn: self.draw.drawn,
        }
    }

    /// The seats `stake`'s owner may commit on this round under `task`, in the open epoch
    /// `current` (`competitor`: it has a submission in the task): not the creator
    /// (`CreatorVote`), not a competitor (`CompetitorVote`), active stake at the draw at
    /// least the task's minimum (`StakeBelowMinimum`), reputation at least the task's gate
    /// under the task's own rules (`ReputationTooLow`), and drawn (`NotDrawn`). The rule
    /// `commit_vote` applies, `report_absence` holds a silent key to, and every client's
    /// "may I vote here" calls.
    pub fn seat_check(
        &self,
        task: &Task,
        stake: &Stake,
        competitor: bool,
        current: u64,
    ) -> Result<u64> {
        require_keys_neq!(stake.owner, task.creator, MeritError::CreatorVote);
        require!(!competitor, MeritError::CompetitorVote);
        let committee = self.committee(task);
        let active = stake.active_at(committee.epoch, current);
        require!(active >= committee.min_stake, MeritError::StakeBelowMinimum);
        require!(
            stake.reputation.score_under(current, &task.rules.rep())? >= task.min_reputation_vote,
            MeritError::ReputationTooLow
        );
        let seats = committee.seats(&self.submission, &stake.owner, active);
        require!(seats > 0, MeritError::NotDrawn);
        Ok(seats)
    }

    /// The seats `stake`'s owner held on this round and could have committed while its
    /// commit window was open, as far as the chain can still tell: `seat_check` (stake at
    /// the draw only ever decreases after it, so seats are never over-counted), and, where
    /// the task gates votes on reputation, a record that passed the gate in the draw's epoch
    /// and has not moved in a later epoch (decay alone moves a record toward the start
    /// reputation, at or above every gate). A record that moved in a later epoch may have
    /// been below the gate during the window: `NotAbsent`. (Within the draw's epoch the
    /// chain cannot tell: a key below the gate during the window whose record rose above it
    /// before the report, in the same epoch, is reportable. Keepers report at the first
    /// pass after the window.) The rule `report_absence` applies and the keeper calls.
    pub fn absence_seats(
        &self,
        task: &Task,
        stake: &Stake,
        competitor: bool,
        current: u64,
    ) -> Result<u64> {
        let seats = self.seat_check(task, stake, competitor, current)?;
        if task.min_reputation_vote > 0 {
            let epoch = self.committee(task).epoch;
            let rep = &stake.reputation;
            require!(
                rep.last_epoch <= epoch
                    && rep.score_under(epoch, &task.rules.rep())? >= task.min_reputation_vote,
                MeritError::NotAbsent
            );
        }
        Ok(seats)
    }

    fn require_open(&self) -> Result<()> {
        require!(self.state == RoundState::Open, MeritError::RoundClosed);
        Ok(())
    }

    /// Whether `draw_round` may seed this round's committee at `now` (task clock): a later
    /// round, open, scheduled and not drawn, before its draw deadline.
    pub fn draw_check(&self, now: i64) -> Result<()> {
        self.require_open()?;
        require!(
            self.index > 1 && self.draw.is_scheduled() && now < self.draw_deadline,
            MeritError::DrawNotDue
        );
        require!(!self.draw.drawn, MeritError::AlreadyDrawn);
        Ok(())
    }

    /// Seeds a later round's committee (`Draw::seed`) and opens its windows at `now`.
    pub fn seed(&mut self, key: &Pubkey, slot_hashes: &[u8], now: i64) -> Result<()> {
        self.draw_check(now)?;
        self.draw.seed(key, slot_hashes, now)?;
        self.commit_opens_at = now;
        self.commit_deadline = now.safe_add(self.commit_secs)?;
        self.reveal_deadline = self.commit_deadline.safe_add(self.reveal_secs)?;
        Ok(())
    }

    /// Whether a vote may be committed at `now` on the task's clock: the round is open, its
    /// committee drawn (`committee_drawn`), the commit window open, a vote left.
    pub fn commit_check(&self, committee_drawn: bool, now: i64) -> Result<()> {
        self.require_open()?;
        require!(now >= self.commit_opens_at, MeritError::WindowNotOpen);
        require!(now < self.commit_deadline, MeritError::CommitWindowClosed);
        require!(committee_drawn, MeritError::CommitteeNotDrawn);
        require!(
            self.vote_count < MAX_VOTES_PER_SUBMISSION,
            MeritError::TooManyVotes
        );
        Ok(())
    }

    /// Whether a committed vote may be revealed at `now`.
    pub fn reveal_check(&self, now: i64) -> Result<()> {
        self.require_open()?;
        require!(now >= self.commit_deadline, MeritError::WindowNotOpen);
        require!(now < self.reveal_deadline, MeritError::RevealWindowClosed);
        Ok(())
    }

    /// Whether a drawn validator's silence can be reported at `now`: the committee was
    /// drawn (`committee_drawn`, at `drawn_at`) at least `min_notice` before the commit
    /// window closed, it has closed, and the round is still open (until it is closed, no
    /// vote account of it can be closed either, so a vote that was cast is always there to
    /// refute the report). Whether the validator could have committed is `seat_check`'s.
    pub fn absence_check(
        &self,
        committee_drawn: bool,
        drawn_at: i64,
        min_notice: i64,
        now: i64,
    ) -> Result<()> {
        self.require_open()?;
        require!(committee_drawn, MeritError::CommitteeNotDrawn);
        require!(now >= self.commit_deadline, MeritError::CommitWindowOpen);
        require!(
            self.commit_deadline.safe_sub(drawn_at)? >= min_notice,
            MeritError::NotAbsent
        );
        Ok(())
    }

    /// When this round's committee was drawn (round 1: the task's draw).
    pub fn drawn_at(&self, task: &Task) -> i64 {
        if self.index <= 1 {
            task.draw.drawn_at
        } else {
            self.draw.drawn_at
        }
    }

    /// Whether the round's windows are over at `now` (`committee_drawn`: its committee was
    /// drawn), so `finalize_submission` may close it.
    pub fn close_check(&self, committee_drawn: bool, now: i64) -> Result<()> {
        self.require_open()?;
        let over = if committee_drawn {
            now >= self.reveal_deadline
        } else {
            now >= self.draw_deadline
        };
        require!(over, MeritError::RoundNotOver);
        Ok(())
    }

    pub fn record_commit(&mut self, weight: u64) -> Result<()> {
        require!(
            self.vote_count < MAX_VOTES_PER_SUBMISSION,
            MeritError::TooManyVotes
        );
        self.vote_count = self.vote_count.safe_add(1)?;
        self.open_votes = self.open_votes.safe_add(1)?;
        self.committed_weight = self.committed_weight.safe_add(weight)?;
        Ok(())
    }

    /// An absence record takes a vote account (closed later), not a seat.
    pub fn record_absence(&mut self) -> Result<()> {
        self.open_votes = self.open_votes.safe_add(1)?;
        Ok(())
    }

    pub fn record_reveal(&mut self, weight: u64, score: u8, multiplier_bps: u16) -> Result<()> {
        let at = usize::from(self.revealed_count);
        require!(at < self.reveals.len(), MeritError::TooManyVotes);
        let weight32 = u32::try_from(weight).map_err(|_| error!(MeritError::MathOverflow))?;
        self.reveals[at] = RevealedVote::new(weight32, score, multiplier_bps);
        self.revealed_count = self.revealed_count.safe_add(1)?;
        self.revealed_weight = self.revealed_weight.safe_add(weight)?;
        Ok(())
    }

    pub fn revealed(&self) -> &[RevealedVote] {
        &self.reveals[..usize::from(self.revealed_count).min(self.reveals.len())]
    }

    /// What the round decides now: a consensus when its committed seats reach the quorum
    /// and some weight was revealed (a withheld reveal cannot turn a consensus into no
    /// decision: it still counts as committed, and loses its bond), nothing otherwise.
    pub fn result(&self) -> Result<RoundResult> {
        if self.committed_weight < u64::from(self.quorum_seats) {
            return Ok(RoundResult::Failed);
        }
        Ok(match weighted_median(self.revealed())? {
            Some(consensus) => RoundResult::Decided(consensus),
            None => RoundResult::Failed,
        })
    }

    /// Closes the round with [`Round::result`] under `task`'s tolerance. A decided round
    /// records its consensus and coherent weight; returns the result and the merit points
    /// of its coherent votes, exactly as `claim_vote` will record them.
    pub fn close(&mut self, task: &Task) -> Result<(RoundResult, u64)> {
        self.require_open()?;
        let result = self.result()?;
        let RoundResult::Decided(consensus) = result else {
            self.state = RoundState::Failed;
            return Ok((result, 0));
        };
        let tolerance = task.rules.coherence_tolerance;
        let (mut weight, mut count) = (0u64, 0u8);
        for v in self.revealed() {
            if consensus.admits(v.score, tolerance) {
                weight = weight.safe_add(u64::from(v.weight))?;
                count = count.safe_add(1)?;
            }
        }
        self.state = RoundState::Decided;
        self.consensus = consensus.score;
        self.consensus_low = consensus.low;
        self.consensus_high = consensus.high;
        self.coherent_weight = weight;
        self.coherent_count = count;
        self.coherent_unclaimed = count;
        let mut points = 0u64;
        for v in self.revealed() {
            if consensus.admits(v.score, tolerance) {
                let p = self.vote_points(task, u64::from(v.weight), v.multiplier_bps)?;
                points = points.safe_add(p)?;
            }
        }
        Ok((result, points))
    }

    /// The merit points `claim_vote` records for a coherent vote of `weight` seats and
    /// `multiplier_bps` in this decided round: its value (`Task::vote_value` against the
    /// round's coherent weight) times the multiplier. Clients predict a claim's emission
    /// with it (SDK `votePoints`, pinned by the vectors).
    pub fn vote_points(&self, task: &Task, weight: u64, multiplier_bps: u16) -> Result<u64> {
        merit_points(
            task.vote_value(weight, self.coherent_weight)?,
            multiplier_bps,
        )
    }

    /// The consensus a decided round recorded.
    pub fn consensus(&self) -> Consensus {
        Consensus {
            score: self.consensus,
            low: self.consensus_low,
            high: self.consensus_high,
        }
    }

    /// Whether the round's coherent votes are paid: decided, with coherent weight.
    pub fn judges_paid(&self) -> bool {
        self.state == RoundState::Decided && self.coherent_weight > 0
    }

    /// Books a coherent vote of `weight` seats claiming: its share of `pool`, the rounding
    /// dust released to `release` once the last coherent vote claimed (`paid` only when
    /// the pool is still owed: an expired task pays nothing). Returns `(pay, dust)`.
    pub fn take_pay(&mut self, weight: u64, paid: bool) -> Result<(u64, u64)> {
        self.coherent_unclaimed = self.coherent_unclaimed.safe_sub(1)?;
        if !paid {
            return Ok((0, 0));
        }
        let pay = mul_div_floor(self.pool, weight, self.coherent_weight)?;
        self.paid = self.paid.safe_add(pay)?;
        let dust = if self.coherent_unclaimed == 0 {
            self.pool.safe_sub(self.paid)?
        } else {
            0
        };
        Ok((pay, dust))
    }

    /// Whether the round's vote accounts may be closed: once the round is closed (before, a
    /// closed absence record or vote could be reported absent again).
    pub fn votes_closable(&self) -> bool {
        self.state != RoundState::Open
    }

    /// Nothing further can happen to this round: closed, and every vote account closed.
    pub fn is_settled(&self) -> bool {
        self.state != RoundState::Open && self.open_votes == 0
    }

    /// The round's accounting rules, each with its own error.
    pub fn invariant(&self) -> Result<()> {
        require!(
            self.revealed_count <= self.vote_count
                && self.vote_count <= MAX_VOTES_PER_SUBMISSION
                && self.coherent_unclaimed <= self.coherent_count
                && self.coherent_count <= self.revealed_count
                && self.revealed_weight <= self.committed_weight
                && self.coherent_weight <= self.revealed_weight
                && self.paid <= self.pool,
            MeritError::RoundCountsInconsistent
        );
        Ok(())
    }

    /// Whether `data` holds bytes the program could have written for a round (see
    /// [`crate::state::Task::check_bytes`]).
    pub fn check_bytes(data: &[u8]) -> Result<()> {
        let draw = core::mem::offset_of!(Round, draw);
        super::check_zero_copy::<Round>(
            data,
            &[
                (
                    core::mem::offset_of!(Round, state),
                    RoundState::Decided as u8,
                ),
                (draw + core::mem::offset_of!(Draw, drawn), 1),
                (draw + core::mem::offset_of!(Draw, from_fallback), 1),
            ],
        )
    }
}

const _: () = assert!(core::mem::size_of::<Round>() == <Round as Space>::INIT_SPACE);
const _: () = assert!(core::mem::size_of::<Round>() == 568);

#[cfg(test)]
mod tests {
    use super::*;

    fn v(weight: u32, score: u8) -> RevealedVote {
        RevealedVote::new(weight, score, 10_000)
    }

    fn median(votes: &[RevealedVote]) -> Option<(u8, bool)> {
        weighted_median(votes)
            .unwrap()
            .map(|c| (c.score, c.is_tie()))
    }

    #[test]
    fn median_of_nothing_is_none() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[v(0, 50)]), None);
    }

    #[test]
    fn median_follows_weight_not_count() {
        assert_eq!(median(&[v(1, 10), v(1, 20), v(10, 90)]), Some((90, false)));
        assert_eq!(median(&[v(5, 10), v(1, 20), v(3, 90)]), Some((10, false)));
    }

    #[test]
    fn an_exact_split_is_a_tie_at_the_midpoint() {
        assert_eq!(median(&[v(5, 80), v(5, 40)]), Some((60, true)));
        assert_eq!(
            median(&[v(5, 80), v(5, 41)]),
            Some((60, true)),
            "rounded down"
        );
        assert_eq!(median(&[v(3, 0), v(2, 20), v(5, 90)]), Some((55, true)));
        assert_eq!(median(&[v(4, 70), v(4, 70)]), Some((70, false)), "no split");
    }

    #[test]
    fn both_sides_of_a_split_are_coherent_and_an_outlier_is_not() {
        let c = weighted_median(&[v(1, 5), v(1, 10), v(1, 12), v(1, 90)])
            .unwrap()
            .unwrap();
        assert_eq!((c.score, c.low, c.high), (11, 10, 12));
        assert!(c.admits(5, 15) && c.admits(27, 15));
        assert!(!c.admits(90, 15), "far from both sides");
        let split = weighted_median(&[v(5, 80), v(5, 40)]).unwrap().unwrap();
        assert!(split.admits(40, 0) && split.admits(80, 0) && split.admits(60, 0));
        assert!(!split.admits(39, 0) && !split.admits(81, 0));
    }

    #[test]
    fn coherence_is_symmetric_and_inclusive() {
        assert!(is_coherent(60, 75, 15));
        assert!(is_coherent(90, 75, 15));
        assert!(!is_coherent(59, 75, 15));
        assert!(!is_coherent(91, 75, 15));
    }

    #[test]
    fn the_round_layout_is_its_fields_in_order() {
        assert_eq!(core::mem::size_of::<Round>(), Round::INIT_SPACE);
        assert_eq!(core::mem::size_of::<RevealedVote>(), 8);
        let round = <Round as bytemuck::Zeroable>::zeroed();
        let mut data = Round::DISCRIMINATOR.to_vec();
        data.extend_from_slice(bytemuck::bytes_of(&round));
        assert!(Round::check_bytes(&data).is_ok());
        data[8 + core::mem::offset_of!(Round, state)] = 3;
        assert!(Round::check_bytes(&data).is_err());
    }
}
