//! Due work, discovered from chain state and the clock alone.
use crate::chain::{decode_at, Chain, ChainError};
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use merit_client::{
    pda, AccountKind, Config, ContentClaim, Epoch, MeritClient, Outcome, Submission, Task,
    TaskState, Vesting, Vote,
};
use std::collections::{BTreeMap, BTreeSet};

/// One permissionless action a keeper can take now.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Work {
    /// Schedule a task's committee draw, or seed it once its target slot has passed (a
    /// call before then fails with `DrawNotReady` and is retried on a later pass).
    Draw {
        task: Pubkey,
    },
    AdvanceEpoch {
        current: u64,
        next: u64,
    },
    FinalizeSubmission {
        task: Pubkey,
        contributor: Pubkey,
        epoch: u64,
        /// The revealed content (None: never revealed).
        content: Option<[u8; 32]>,
    },
    FinalizeTask {
        task: Pubkey,
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
        validator: Pubkey,
        from_vesting: bool,
    },
    CloseVote {
        submission: Pubkey,
        validator: Pubkey,
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

impl Work {
    pub fn instruction(&self, c: &MeritClient, keeper: &Pubkey) -> Instruction {
        let k = *keeper;
        match *self {
            Work::Draw { task } => c.draw(k, task),
            Work::AdvanceEpoch { current, next } => c.advance_epoch(k, current, next),
            Work::FinalizeSubmission {
                task,
                contributor,
                epoch,
                content,
            } => c.finalize_submission(k, task, contributor, epoch, content),
            Work::FinalizeTask { task } => c.finalize_task(k, task),
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
                validator,
                from_vesting,
            } => slash(
                c.slash_vote(k, task, submission, validator),
                keeper,
                from_vesting,
            ),
            Work::CloseVote {
                submission,
                validator,
            } => c.close_vote(submission, validator),
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
}

/// A slash instruction, without the keeper's vesting account when the offender has no
/// unvested rewards to take.
fn slash(mut ix: Instruction, keeper: &Pubkey, from_vesting: bool) -> Instruction {
    if !from_vesting {
        merit_client::builders::leave_out(&mut ix, &pda::vesting(keeper));
    }
    ix
}

/// Everything due now, in the order it must run: the epoch first (finalizations need an
/// open epoch), then finalizations, slashes, committee draws and closes (votes,
/// submissions, content claims), and last the treasury sweep of earlier slashes.
pub async fn discover<C: Chain>(chain: &mut C) -> Result<Vec<Work>, ChainError> {
    let now = chain.now().await?;
    let config: Config = match chain.account(&pda::config()).await? {
        Some(data) => decode_at(&pda::config(), &data)?,
        None => return Ok(Vec::new()),
    };
    let mut tasks: BTreeMap<Pubkey, Task> = BTreeMap::new();
    let mut subs: BTreeMap<Pubkey, Submission> = BTreeMap::new();
    let mut votes: Vec<(Pubkey, Vote)> = Vec::new();
    let mut claims: Vec<ContentClaim> = Vec::new();
    let mut epoch: Option<Epoch> = None;
    let mut expirable_epochs: Vec<u64> = Vec::new();
    // Owners with rewards still vesting: a slash of them takes from those first.
    let mut vesting_owners: BTreeSet<Pubkey> = BTreeSet::new();
    let kinds = [
        AccountKind::Task,
        AccountKind::Submission,
        AccountKind::Vote,
        AccountKind::Epoch,
        AccountKind::ContentClaim,
        AccountKind::Vesting,
    ];
    for (key, data) in chain.merit_accounts(&kinds).await? {
        match AccountKind::of(&data) {
            Some(AccountKind::Task) => {
                tasks.insert(key, decode_at(&key, &data)?);
            }
            Some(AccountKind::Submission) => {
                subs.insert(key, decode_at(&key, &data)?);
            }
            Some(AccountKind::Vote) => votes.push((key, decode_at(&key, &data)?)),
            Some(AccountKind::ContentClaim) => {
                claims.push(decode_at(&key, &data)?);
            }
            Some(AccountKind::Vesting) => {
                let v: Vesting = decode_at(&key, &data)?;
                if v.remaining_secs(now) > 0 {
                    vesting_owners.insert(v.owner);
                }
            }
            Some(AccountKind::Epoch) => {
                let e: Epoch = decode_at(&key, &data)?;
                if key == pda::epoch(config.current_epoch) {
                    epoch = Some(e);
                } else if e.closed
                    && now >= e.end.saturating_add(e.claim_window_secs)
                    && e.unclaimed_reserved().unwrap_or(0) > 0
                {
                    expirable_epochs.push(e.index);
                }
            }
            _ => {}
        }
    }
    let mut work = Vec::new();
    let mut open_epoch = config.current_epoch;
    if let Some(e) = epoch.filter(|e| now >= e.end) {
        let length = config.params.epoch_length_secs.max(1);
        let next = e.index + 1 + ((now - e.end) / length) as u64;
        work.push(Work::AdvanceEpoch {
            current: e.index,
            next,
        });
        open_epoch = next;
    }
    for sub in subs.values() {
        let Some(task) = tasks.get(&sub.task) else {
            continue;
        };
        let (t, c) = (sub.task, sub.contributor);
        // Windows run on the task's clock, which stands still while the protocol is paused.
        let task_now = task.clock(config.pause(), now).unwrap_or(now);
        match sub.outcome {
            Outcome::Pending if task_now >= task.reveal_deadline => {
                work.push(Work::FinalizeSubmission {
                    task: t,
                    contributor: c,
                    epoch: open_epoch,
                    content: sub.content_revealed.then_some(sub.content_hash),
                });
            }
            o if o.forfeits_bond() && !sub.slashed => {
                work.push(Work::SlashSubmission {
                    task: t,
                    contributor: c,
                    from_vesting: vesting_owners.contains(&c),
                });
            }
            _ if sub.is_settled() => work.push(Work::CloseSubmission {
                task: t,
                contributor: c,
            }),
            _ => {}
        }
    }
    for (key, task) in &tasks {
        let task_now = task.clock(config.pause(), now).unwrap_or(now);
        if task.submission_count > 0 && task.require_draw_due(task_now).is_ok() {
            work.push(Work::Draw { task: *key });
        }
    }
    for (key, task) in &tasks {
        if task.state == TaskState::Open
            && task.clock(config.pause(), now).unwrap_or(now) >= task.reveal_deadline
            && task.finalized_count == task.submission_count
        {
            work.push(Work::FinalizeTask { task: *key });
        }
    }
    for (_, vote) in &votes {
        let (Some(sub), Some(task)) = (subs.get(&vote.submission), tasks.get(&vote.task)) else {
            continue;
        };
        if sub.outcome == Outcome::Pending {
            continue;
        }
        // The program's own rule (what `slash_vote` would take).
        if matches!(vote.slash_due(sub, &task.rules), Ok(Some(_))) {
            work.push(Work::SlashVote {
                task: vote.task,
                submission: vote.submission,
                validator: vote.validator,
                from_vesting: vesting_owners.contains(&vote.validator),
            });
        } else if vote.is_settled() {
            work.push(Work::CloseVote {
                submission: vote.submission,
                validator: vote.validator,
            });
        }
    }
    for (key, task) in &tasks {
        let owed = task.contributor_liability + task.validator_liability;
        if owed > 0 && task.require_expirable(now).is_ok() {
            work.push(Work::ExpireTask { task: *key });
        }
    }
    for index in expirable_epochs {
        work.push(Work::ExpireEpoch { index });
    }
    for claim in claims
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
    Ok(work)
}
