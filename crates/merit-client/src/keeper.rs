//! Keeper work due now, as a pure function of a snapshot of chain state ([`due`]): the
//! crank, the simulator and the CLI's one-shot keeper all run this, and every item is the
//! program's own "may this happen now" check (`Submission::close_check`,
//! `Round::seat_check`, `Vote::slash_due`, ...), never a copy of it.
use crate::{pda, Config, ContentClaim, ContentStatus, Epoch, MeritClient, Round, Stake};
use crate::{Submission, Task, Vote};
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use std::collections::{BTreeMap, BTreeSet};

/// One permissionless action a keeper can take now.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Work {
    /// Schedule a task's committee draw, or seed it once its chain of slots was produced
    /// (a call before then fails with `DrawNotReady` and is retried on a later pass).
    Draw {
        task: Pubkey,
    },
    /// Seed the committee of a later round (same retry as `Draw`).
    DrawRound {
        task: Pubkey,
        submission: Pubkey,
        round: u8,
    },
    AdvanceEpoch {
        current: u64,
        next: u64,
    },
    /// Close a submission's round: `round` is its current round (None: never revealed);
    /// `open_next` when the round decided nothing and another is due.
    FinalizeSubmission {
        task: Pubkey,
        contributor: Pubkey,
        epoch: u64,
        /// The revealed content (None: never revealed).
        content: Option<[u8; 32]>,
        round: Option<u8>,
        open_next: bool,
    },
    FinalizeTask {
        task: Pubkey,
    },
    /// A validator drawn for a round that never committed. `from_vesting`: as for slashes.
    ReportAbsence {
        task: Pubkey,
        submission: Pubkey,
        round: u8,
        validator: Pubkey,
        from_vesting: bool,
    },
    /// `from_vesting`: the offender has unvested rewards, so the slash takes from them
    /// and the keeper's share of that part vests (its vesting account is passed, and
    /// created on first use; otherwise left out to spare its rent).
    SlashSubmission {
        task: Pubkey,
        contributor: Pubkey,
        from_vesting: bool,
    },
    SlashVote {
        task: Pubkey,
        submission: Pubkey,
        round: u8,
        validator: Pubkey,
        from_vesting: bool,
    },
    CloseVote {
        submission: Pubkey,
        round: u8,
        validator: Pubkey,
        payer: Pubkey,
    },
    CloseRound {
        submission: Pubkey,
        round: u8,
        payer: Pubkey,
    },
    CloseSubmission {
        task: Pubkey,
        contributor: Pubkey,
    },
    /// Return a task's unclaimed rewards to its creator after the claim window.
    ExpireTask {
        task: Pubkey,
    },
    /// Return an epoch's unclaimed emission to the vault after the claim window.
    ExpireEpoch {
        index: u64,
    },
    /// Close the content claim of Rejected work nothing depends on any more, returning
    /// its rent to its payer (a keeper may not close other released claims: they keep
    /// their author's priority until the author gives it up).
    CloseContentClaim {
        content_hash: [u8; 32],
        payer: Pubkey,
    },
    /// Move the treasury's pending share of slashed stake to the treasury vault.
    SweepTreasury,
}

/// What an item does, in words: how `merit crank --dry-run` and its logs list it.
impl std::fmt::Display for Work {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let vesting = |v: bool| if v { " (from unvested rewards)" } else { "" };
        match self {
            Work::Draw { task } => write!(f, "draw the committee of task {task}"),
            Work::DrawRound {
                task,
                submission,
                round,
            } => write!(
                f,
                "draw round {round}'s committee of submission {submission} (task {task})"
            ),
            Work::AdvanceEpoch { current, next } => {
                write!(f, "close epoch {current} and open epoch {next}")
            }
            Work::FinalizeSubmission {
                task,
                contributor,
                round,
                open_next,
                ..
            } => {
                write!(f, "finalize the submission of {contributor} to task {task}")?;
                match (round, open_next) {
                    (None, _) => write!(f, " (never revealed)"),
                    (Some(r), true) => write!(f, " (round {r} decided nothing: open the next)"),
                    (Some(r), false) => write!(f, " (round {r})"),
                }
            }
            Work::FinalizeTask { task } => write!(f, "finalize task {task}"),
            Work::ReportAbsence {
                submission,
                round,
                validator,
                from_vesting,
                ..
            } => write!(
                f,
                "report {validator} absent from round {round} of submission {submission}{}",
                vesting(*from_vesting)
            ),
            Work::SlashSubmission {
                task,
                contributor,
                from_vesting,
            } => write!(
                f,
                "slash the submission of {contributor} to task {task}{}",
                vesting(*from_vesting)
            ),
            Work::SlashVote {
                submission,
                round,
                validator,
                from_vesting,
                ..
            } => write!(
                f,
                "slash the vote of {validator} in round {round} of submission {submission}{}",
                vesting(*from_vesting)
            ),
            Work::CloseVote {
                submission,
                round,
                validator,
                ..
            } => write!(
                f,
                "close the vote of {validator} in round {round} of submission {submission}"
            ),
            Work::CloseRound {
                submission, round, ..
            } => {
                write!(f, "close round {round} of submission {submission}")
            }
            Work::CloseSubmission { task, contributor } => {
                write!(f, "close the submission of {contributor} to task {task}")
            }
            Work::ExpireTask { task } => write!(f, "expire task {task}'s unclaimed rewards"),
            Work::ExpireEpoch { index } => write!(f, "expire epoch {index}'s unclaimed emission"),
            Work::CloseContentClaim { content_hash, .. } => {
                let hex: String = content_hash[..8]
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect();
                write!(f, "close the content claim {hex}...")
            }
            Work::SweepTreasury => write!(f, "sweep the treasury's pending share"),
        }
    }
}

impl Work {
    pub fn instruction(&self, c: &MeritClient, keeper: &Pubkey) -> Instruction {
        let k = *keeper;
        match *self {
            Work::Draw { task } => c.draw(k, task),
            Work::DrawRound {
                task,
                submission,
                round,
            } => c.draw_round(k, task, submission, round),
            Work::AdvanceEpoch { current, next } => c.advance_epoch(k, current, next),
            Work::FinalizeSubmission {
                task,
                contributor,
                epoch,
                content,
                round,
                open_next,
            } => c.finalize_submission(k, task, contributor, epoch, content, round, open_next),
            Work::FinalizeTask { task } => c.finalize_task(k, task),
            Work::ReportAbsence {
                task,
                submission,
                round,
                validator,
                from_vesting,
            } => slash(
                c.report_absence(k, task, submission, round, validator),
                keeper,
                from_vesting,
            ),
            Work::SlashSubmission {
                task,
                contributor,
                from_vesting,
            } => slash(
                c.slash_submission(k, task, contributor),
                keeper,
                from_vesting,
            ),
            Work::SlashVote {
                task,
                submission,
                round,
                validator,
                from_vesting,
            } => slash(
                c.slash_vote(k, task, submission, round, validator),
                keeper,
                from_vesting,
            ),
            Work::CloseVote {
                submission,
                round,
                validator,
                payer,
            } => c.close_vote(submission, round, validator, payer),
            Work::CloseRound {
                submission,
                round,
                payer,
            } => c.close_round(submission, round, payer),
            Work::CloseSubmission { task, contributor } => c.close_submission(task, contributor),
            Work::ExpireTask { task } => c.expire_task(k, task),
            Work::ExpireEpoch { index } => c.expire_epoch(k, index),
            Work::CloseContentClaim {
                content_hash,
                payer,
            } => c.close_content_claim(k, content_hash, payer),
            Work::SweepTreasury => c.sweep_treasury(k),
        }
    }

    /// A short human name for the item (`finalize-submission`, `report-absence`, ...).
    pub fn name(&self) -> &'static str {
        match self {
            Work::Draw { .. } => "draw",
            Work::DrawRound { .. } => "draw-round",
            Work::AdvanceEpoch { .. } => "advance-epoch",
            Work::FinalizeSubmission { .. } => "finalize-submission",
            Work::FinalizeTask { .. } => "finalize-task",
            Work::ReportAbsence { .. } => "report-absence",
            Work::SlashSubmission { .. } => "slash-submission",
            Work::SlashVote { .. } => "slash-vote",
            Work::CloseVote { .. } => "close-vote",
            Work::CloseRound { .. } => "close-round",
            Work::CloseSubmission { .. } => "close-submission",
            Work::ExpireTask { .. } => "expire-task",
            Work::ExpireEpoch { .. } => "expire-epoch",
            Work::CloseContentClaim { .. } => "close-content-claim",
            Work::SweepTreasury => "sweep-treasury",
        }
    }
}

/// A slash instruction, without the keeper's vesting account when the offender has no
/// unvested rewards to take.
fn slash(mut ix: Instruction, keeper: &Pubkey, from_vesting: bool) -> Instruction {
    if !from_vesting {
        crate::builders::leave_out(&mut ix, &pda::vesting(keeper));
    }
    ix
}

/// The chain state keepers decide from: every Merit account of the kinds they act on,
/// decoded, and the cluster's clock.
#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    pub now: i64,
    pub config: Option<Config>,
    pub tasks: BTreeMap<Pubkey, Task>,
    pub submissions: BTreeMap<Pubkey, Submission>,
    pub rounds: BTreeMap<Pubkey, Round>,
    pub votes: BTreeMap<Pubkey, Vote>,
    /// Stake accounts by owner.
    pub stakes: BTreeMap<Pubkey, Stake>,
    pub claims: Vec<ContentClaim>,
    pub epochs: Vec<Epoch>,
    /// Owners with rewards still vesting: a slash of them takes from those first.
    pub vesting_owners: BTreeSet<Pubkey>,
}

impl Snapshot {
    /// Decodes raw Merit accounts (`(address, data)`, any kinds) at unix time `now`;
    /// accounts that do not decode are skipped.
    pub fn from_accounts(now: i64, accounts: &[(Pubkey, Vec<u8>)]) -> Self {
        use crate::AccountKind as K;
        let mut s = Snapshot {
            now,
            ..Snapshot::default()
        };
        for (key, data) in accounts {
            let key = *key;
            match K::of(data) {
                Some(K::Config) => s.config = crate::decode(data).ok(),
                Some(K::Task) => put(&mut s.tasks, key, data),
                Some(K::Submission) => put(&mut s.submissions, key, data),
                Some(K::Round) => put(&mut s.rounds, key, data),
                Some(K::Vote) => put(&mut s.votes, key, data),
                Some(K::Stake) => {
                    if let Ok(stake) = crate::decode::<Stake>(data) {
                        s.stakes.insert(stake.owner, stake);
                    }
                }
                Some(K::ContentClaim) => s.claims.extend(crate::decode(data).ok()),
                Some(K::Epoch) => s.epochs.extend(crate::decode(data).ok()),
                Some(K::Vesting) => {
                    if let Ok(v) = crate::decode::<crate::Vesting>(data) {
                        if v.remaining_secs(now) > 0 {
                            s.vesting_owners.insert(v.owner);
                        }
                    }
                }
                None => {}
            }
        }
        s
    }

    /// The task's clock now (windows stand still while the protocol is paused).
    fn task_now(&self, config: &Config, task: &Task) -> i64 {
        task.clock(config.pause(), self.now).unwrap_or(self.now)
    }

    /// What the content claim says of `sub` (`Unrevealed` when never revealed).
    pub fn content_status(&self, key: &Pubkey, sub: &Submission) -> ContentStatus {
        if !sub.content_revealed {
            return ContentStatus::Unrevealed;
        }
        self.claims
            .iter()
            .find(|c| c.content_hash == sub.content_hash)
            .map_or(ContentStatus::Displaced, |c| c.status_of(key))
    }
}

fn put<T: anchor_lang::AccountDeserialize>(
    map: &mut BTreeMap<Pubkey, T>,
    key: Pubkey,
    data: &[u8],
) {
    if let Ok(value) = crate::decode(data) {
        map.insert(key, value);
    }
}

/// What `finalize_submission` needs of a submission's state: the revealed content (None:
/// never revealed), its current round (None: never revealed), and whether closing that
/// round opens another (`Submission::close_check` says it decides nothing and a round is
/// left). Errors when the round cannot be closed now (`RoundNotOver`, ...).
pub fn finalize_args(
    sub: &Submission,
    task: &Task,
    round: Option<&Round>,
    content: ContentStatus,
    task_now: i64,
) -> anchor_lang::Result<(Option<[u8; 32]>, Option<u8>, bool)> {
    let round = round.filter(|_| sub.content_revealed);
    let finalizes = sub.close_check(task, round, content, task_now)?;
    Ok((
        sub.content_revealed.then_some(sub.content_hash),
        round.map(|_| sub.round),
        !finalizes,
    ))
}

/// Everything due now, in the order it must run: the epoch first (finalizations need an
/// open epoch), absences (reportable only until their round closes), then submissions
/// (their rounds closed, slashes, closes), committee draws, task finalizations, votes,
/// rounds, expiries, content claims, and last the treasury sweep of earlier slashes.
pub fn due(s: &Snapshot) -> Vec<Work> {
    let Some(config) = s.config.as_ref() else {
        return Vec::new();
    };
    let mut work = Vec::new();
    let open_epoch = advance_epoch(s, config, &mut work);
    // Absences first: they can be reported only until their round is closed.
    absences(s, config, &mut work);
    submissions(s, config, open_epoch, &mut work);
    for (key, task) in &s.tasks {
        let now = s.task_now(config, task);
        if task.submission_count > 0 && task.draw_check(now, config.total_active_stake).is_ok() {
            work.push(Work::Draw { task: *key });
        }
    }
    for (key, task) in &s.tasks {
        if task.finalize_check(s.task_now(config, task)).is_ok() {
            work.push(Work::FinalizeTask { task: *key });
        }
    }
    votes_and_rounds(s, &mut work);
    for (key, task) in &s.tasks {
        let owed = task.contributor_liability + task.validator_liability;
        if owed > 0 && task.require_expirable(s.now).is_ok() {
            work.push(Work::ExpireTask { task: *key });
        }
    }
    for e in &s.epochs {
        if e.expire_check(s.now).is_ok() && e.unclaimed_reserved().unwrap_or(0) > 0 {
            work.push(Work::ExpireEpoch { index: e.index });
        }
    }
    for claim in s
        .claims
        .iter()
        .filter(|c| c.is_closable_by(&Pubkey::default()))
    {
        work.push(Work::CloseContentClaim {
            content_hash: claim.content_hash,
            payer: claim.payer,
        });
    }
    if config.sweep_check().is_ok() {
        work.push(Work::SweepTreasury);
    }
    work
}

/// `AdvanceEpoch` when the open epoch is over (`Epoch::next_at`); returns the epoch open
/// once it ran.
fn advance_epoch(s: &Snapshot, config: &Config, work: &mut Vec<Work>) -> u64 {
    let length = config.params.epoch_length_secs;
    let open = s.epochs.iter().find(|e| e.index == config.current_epoch);
    match open.and_then(|e| {
        e.next_at(s.now, length)
            .ok()
            .map(|(next, _)| (e.index, next))
    }) {
        Some((current, next)) => {
            work.push(Work::AdvanceEpoch { current, next });
            next
        }
        None => config.current_epoch,
    }
}

/// Per submission: close its round when over (`Submission::close_check`), seed a later
/// round's draw, slash a forfeited bond (`Submission::slash_due`), close it when settled.
fn submissions(s: &Snapshot, config: &Config, epoch: u64, work: &mut Vec<Work>) {
    for (key, sub) in &s.submissions {
        let Some(task) = s.tasks.get(&sub.task) else {
            continue;
        };
        let now = s.task_now(config, task);
        let round = s.rounds.get(&pda::round(key, sub.round));
        let (t, c) = (sub.task, sub.contributor);
        let content = s.content_status(key, sub);
        if let Ok((content, round, open_next)) = finalize_args(sub, task, round, content, now) {
            work.push(Work::FinalizeSubmission {
                task: t,
                contributor: c,
                epoch,
                content,
                round,
                open_next,
            });
        } else if round.is_some_and(|r| r.draw_check(now).is_ok()) {
            work.push(Work::DrawRound {
                task: t,
                submission: *key,
                round: sub.round,
            });
        } else if sub.slash_due().is_ok() {
            work.push(Work::SlashSubmission {
                task: t,
                contributor: c,
                from_vesting: s.vesting_owners.contains(&c),
            });
        } else if sub.is_settled(task) {
            work.push(Work::CloseSubmission {
                task: t,
                contributor: c,
            });
        }
    }
}

/// Every staker drawn for a round whose commit window closed, who could have committed
/// (`Round::absence_seats`) and has no vote there: an absence to report.
fn absences(s: &Snapshot, config: &Config, work: &mut Vec<Work>) {
    for (round_key, round) in &s.rounds {
        let Some(task) = s.tasks.get(&round.task) else {
            continue;
        };
        let now = s.task_now(config, task);
        let committee = round.committee(task);
        let notice = task.rules.min_phase_secs;
        if round
            .absence_check(committee.drawn, round.drawn_at(task), notice, now)
            .is_err()
            || round.vote_count >= merit::constants::MAX_VOTES_PER_SUBMISSION
        {
            continue;
        }
        for (owner, stake) in &s.stakes {
            if s.votes.contains_key(&pda::vote(round_key, owner)) {
                continue;
            }
            let competitor = s
                .submissions
                .contains_key(&pda::submission(&round.task, owner));
            if round
                .absence_seats(task, stake, competitor, config.current_epoch)
                .is_ok()
            {
                work.push(Work::ReportAbsence {
                    task: round.task,
                    submission: round.submission,
                    round: round.index,
                    validator: *owner,
                    from_vesting: s.vesting_owners.contains(owner),
                });
            }
        }
    }
}

/// Votes to slash (`Vote::slash_due`) or close, and rounds to close once settled.
fn votes_and_rounds(s: &Snapshot, work: &mut Vec<Work>) {
    for vote in s.votes.values() {
        let (Some(round), Some(task)) = (s.rounds.get(&vote.round), s.tasks.get(&vote.task)) else {
            continue;
        };
        if matches!(vote.slash_due(round, &task.rules), Ok(Some(_))) {
            work.push(Work::SlashVote {
                task: vote.task,
                submission: vote.submission,
                round: vote.round_index,
                validator: vote.validator,
                from_vesting: s.vesting_owners.contains(&vote.validator),
            });
        } else if vote.is_settled() {
            work.push(Work::CloseVote {
                submission: vote.submission,
                round: vote.round_index,
                validator: vote.validator,
                payer: vote.payer,
            });
        }
    }
    for round in s.rounds.values() {
        if round.is_settled() {
            work.push(Work::CloseRound {
                submission: round.submission,
                round: round.index,
                payer: round.payer,
            });
        }
    }
}
