//! Submissions: who commits to which task, in what order (originals before copies, the
//! rival squatter at the open), and the reveals after submissions close.
use super::{merit_error, SubRecord, World};
use crate::strategy::{Role, Strategy};
use anchor_lang::prelude::Pubkey;
use anyhow::{anyhow, Result};
use merit::error::MeritError;
use merit_client::{pda, submission_commitment, Task};
use merit_localnet::Signer;
use rand::seq::SliceRandom;
use rand::Rng;
use std::collections::BTreeMap;

/// Submissions landing in one slot: arrivals are spread over the submission window.
const ARRIVALS_PER_SLOT: usize = 4;

/// A task's original work so far: (author, content, salt, commitment).
type Originals = BTreeMap<Pubkey, Vec<(usize, [u8; 32], [u8; 32], [u8; 32])>>;

/// What a contributor needs to know of a task to submit to it.
struct TaskView {
    key: Pubkey,
    terms: [u8; 32],
    fee: u64,
    /// Its thresholds are within what readers of terms accept.
    acceptable: bool,
    owner: Option<Strategy>,
}

/// Every contributor's commitments of the epoch: the rival squatter first (it takes the
/// first public task at its open), then the originals in a random order, a few per
/// slot, then the copies a slot later (a copier learns content only after its author
/// committed it).
pub(super) async fn commit_work(w: &mut World<'_>, tasks: &[Pubkey]) -> Result<Vec<SubRecord>> {
    let mut views = Vec::new();
    let p = &w.s.population;
    for t in tasks {
        let task: Task = w.net.account(t).await.ok_or_else(|| anyhow!("task"))?;
        views.push(TaskView {
            key: *t,
            terms: task.terms_hash,
            fee: task.submission_fee,
            acceptable: task.accept_threshold <= p.terms_max_accept_threshold
                && task.reject_threshold <= p.terms_max_reject_threshold,
            owner: w.owner_of.get(t).copied(),
        });
    }
    let mut subs = squat(w, &views[0]).await?;
    let picks = picks(w, &views);
    let mut originals = Originals::new();
    for copiers in [false, true] {
        if copiers {
            w.net.warp_slots(1);
        }
        for (n, &(k, i)) in picks.iter().enumerate() {
            let copier = matches!(
                w.agents[i].strategy,
                Strategy::Plagiarist | Strategy::FrontRunner
            );
            if copier != copiers {
                continue;
            }
            if n % ARRIVALS_PER_SLOT == ARRIVALS_PER_SLOT - 1 {
                w.net.warp_slots(1);
            }
            if let Some(record) = commit_one(w, &views[k], i, copiers, &mut originals).await? {
                subs.push(record);
            }
        }
    }
    let fee_of: BTreeMap<Pubkey, u64> = views.iter().map(|v| (v.key, v.fee)).collect();
    for s in &subs {
        w.agents[s.author].fees += fee_of[&s.task];
        w.agents[s.author].submissions += 1;
    }
    Ok(subs)
}

/// Each contributor's tasks this epoch: those open to it, at most its capacity, in a
/// random order over everyone.
fn picks(w: &mut World<'_>, views: &[TaskView]) -> Vec<(usize, usize)> {
    let capacity = w.s.population.contributor_capacity as usize;
    let mut picks = Vec::new();
    for i in w.with_role(Role::Contributor) {
        let s = w.agents[i].strategy;
        let mut open: Vec<usize> = (0..views.len())
            .filter(|&k| match views[k].owner {
                Some(Strategy::EmissionFarmer) => s == Strategy::EmissionFarmer,
                _ => s.submits_to_public_tasks() && (views[k].acceptable || !s.reads_terms()),
            })
            .collect();
        open.shuffle(&mut w.rng);
        if capacity > 0 {
            open.truncate(capacity);
        }
        picks.extend(open.into_iter().map(|k| (k, i)));
    }
    picks.shuffle(&mut w.rng);
    picks
}

/// The rival squatter at `task`'s open: one key commits good work, every other key junk
/// it never reveals, until its keys or the task's slots run out.
async fn squat(w: &mut World<'_>, task: &TaskView) -> Result<Vec<SubRecord>> {
    let keys: Vec<usize> = (0..w.agents.len())
        .filter(|&i| w.agents[i].strategy == Strategy::RivalSquatter)
        .collect();
    let mut subs = Vec::new();
    for (n, i) in keys.into_iter().enumerate() {
        let junk = n > 0;
        let quality = if junk {
            0.0
        } else {
            w.agents[i].strategy.work_quality(&mut w.rng)
        };
        let hash: [u8; 32] = w.rng.gen();
        if let Some(mut record) = send_submit(w, task, i, hash, quality).await? {
            record.junk = junk;
            subs.push(record);
        }
    }
    Ok(subs)
}

/// One contributor's commitment to one task: original work, an exact or edited copy of an
/// original (plagiarists), or a pending commitment copied as it is (front-runners).
async fn commit_one(
    w: &mut World<'_>,
    task: &TaskView,
    i: usize,
    copiers: bool,
    originals: &mut Originals,
) -> Result<Option<SubRecord>> {
    let strategy = w.agents[i].strategy;
    if strategy == Strategy::FrontRunner {
        // Copies a pending commitment as it is: it cannot see inside it.
        let Some(&(_, hash, salt, commitment)) =
            originals.get(&task.key).and_then(|o| o.choose(&mut w.rng))
        else {
            return Ok(None);
        };
        return front_run(w, task, i, hash, salt, commitment).await;
    }
    let exact = w.s.population.plagiarist_exact_copy_share;
    let (hash, quality, copy) = match originals.get(&task.key).and_then(|o| o.choose(&mut w.rng)) {
        Some(&(_, hash, _, _)) if copiers && w.rng.gen_bool(exact) => (hash, 0.0, true),
        _ => (w.rng.gen(), strategy.work_quality(&mut w.rng), false),
    };
    let record = send_submit(w, task, i, hash, quality).await?;
    if let Some(r) = &record {
        if !copiers && strategy.reveals_submission() {
            let commitment =
                submission_commitment(&task.key, &w.agents[i].key.pubkey(), &hash, &r.salt);
            originals
                .entry(task.key)
                .or_default()
                .push((i, hash, r.salt, commitment));
        }
    }
    Ok(record.map(|r| SubRecord { copy, ..r }))
}

async fn front_run(
    w: &mut World<'_>,
    task: &TaskView,
    i: usize,
    hash: [u8; 32],
    salt: [u8; 32],
    commitment: [u8; 32],
) -> Result<Option<SubRecord>> {
    let key = w.agents[i].key.insecure_clone();
    let ix = w
        .client
        .submit(key.pubkey(), task.key, commitment, task.terms);
    Ok(submit_result(w, &key, ix, i).await?.then(|| SubRecord {
        task: task.key,
        author: i,
        key: pda::submission(&task.key, &key.pubkey()),
        quality: 0.0,
        content_hash: hash,
        salt,
        copy: true,
        front_run: true,
        junk: false,
    }))
}

/// Commits to `hash` with a fresh salt; `None` when the program refused it for a reason
/// the simulation expects (a full task, a contributor slashed below its bond).
async fn send_submit(
    w: &mut World<'_>,
    task: &TaskView,
    i: usize,
    hash: [u8; 32],
    quality: f64,
) -> Result<Option<SubRecord>> {
    let key = w.agents[i].key.insecure_clone();
    let salt: [u8; 32] = w.rng.gen();
    let commitment = submission_commitment(&task.key, &key.pubkey(), &hash, &salt);
    let ix = w
        .client
        .submit(key.pubkey(), task.key, commitment, task.terms);
    Ok(submit_result(w, &key, ix, i).await?.then(|| SubRecord {
        task: task.key,
        author: i,
        key: pda::submission(&task.key, &key.pubkey()),
        quality,
        content_hash: hash,
        salt,
        copy: false,
        front_run: false,
        junk: false,
    }))
}

async fn submit_result(
    w: &mut World<'_>,
    key: &merit_localnet::Keypair,
    ix: anchor_lang::solana_program::instruction::Instruction,
    i: usize,
) -> Result<bool> {
    w.totals.transactions += 1;
    match w.net.send(&[ix], &[key]).await {
        Ok(()) => Ok(true),
        // Slashed below the bond: this agent can no longer afford to submit.
        Err(e) if e.code == Some(merit_error(MeritError::InsufficientUnlockedStake)) => {
            w.totals.submissions_unaffordable += 1;
            Ok(false)
        }
        Err(e) if e.code == Some(merit_error(MeritError::TaskFull)) => {
            w.totals.submissions_excluded += 1;
            Ok(false)
        }
        Err(e) => Err(anyhow!("submit by {}: {e}", w.agents[i].name)),
    }
}

/// Reveals the submissions after submissions close, copies first (the copier's best
/// order: whoever reveals first, the older commitment keeps the content). Returns, per
/// submission, whether it is revealed.
pub(super) async fn reveal_work(w: &mut World<'_>, subs: &[SubRecord]) -> Result<Vec<bool>> {
    let mut revealed = vec![false; subs.len()];
    let mut order: Vec<usize> = (0..subs.len()).collect();
    order.sort_by_key(|&i| !subs[i].copy);
    for i in order {
        let s = &subs[i];
        let a = &w.agents[s.author];
        if s.junk || (!a.strategy.reveals_submission() && !s.front_run) {
            continue;
        }
        let ix = w.client.reveal_submission(
            a.key.pubkey(),
            s.task,
            s.content_hash,
            s.salt,
            format!("sim://work/{}", a.name),
        );
        let key = a.key.insecure_clone();
        w.totals.transactions += 1;
        match w.net.send(&[ix], &[&key]).await {
            Ok(()) => revealed[i] = true,
            // An older commitment to the same content was revealed first (or the content
            // was paid before): the copy stays unrevealed and loses its bond.
            Err(e)
                if e.code == Some(merit_error(MeritError::DuplicateContent))
                    || e.code == Some(merit_error(MeritError::ContentAlreadyPaid)) => {}
            // A copied commitment binds its author's key: the replay cannot open it.
            Err(e)
                if s.front_run
                    && e.code == Some(merit_error(MeritError::SubmissionCommitmentMismatch)) =>
            {
                w.totals.front_runs_refused += 1;
            }
            Err(e) => {
                return Err(anyhow!(
                    "reveal_submission by {}: {e}",
                    w.agents[s.author].name
                ))
            }
        }
    }
    Ok(revealed)
}
