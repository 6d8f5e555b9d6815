//! The epoch's tasks: the public creator's, and each attacker creator's own.
use super::World;
use crate::scenario::TOKEN;
use crate::strategy::Strategy;
use anchor_lang::prelude::Pubkey;
use anyhow::{anyhow, Result};
use merit_client::{pda, CreateTaskArgs, Task};
use merit_localnet::Signer;

/// Where each kind of task's ids start (the public tasks use `epoch * 1_000 + k`).
fn task_id(owner: Strategy, epoch: u32, k: u32) -> u64 {
    let base = match owner {
        Strategy::EmissionFarmer => 1_000_000,
        Strategy::CreatorConfiscator => 2_000_000,
        Strategy::WithholdingCreator => 3_000_000,
        Strategy::GateCapturer => 4_000_000,
        _ => 0,
    };
    base + u64::from(epoch) * 1_000 + u64::from(k)
}

/// Posts the epoch's tasks, all with the same phases starting now. Returns them, the
/// public creator's first.
pub(super) async fn post_tasks(w: &mut World<'_>, epoch: u32) -> Result<Vec<Pubkey>> {
    let now = w.net.now();
    let mut tasks = Vec::new();
    for k in 0..w.s.tasks_per_epoch {
        let id = task_id(Strategy::HonestContributor, epoch, k);
        let args = w.s.task.args(id, now);
        let creator = w.creator.insecure_clone();
        tasks.push(create(w, &creator, args, None).await?);
    }
    let p = &w.s.population;
    let kinds = [
        (
            Strategy::EmissionFarmer,
            u32::from(p.farmer_contributor_keys > 0),
        ),
        (Strategy::CreatorConfiscator, p.confiscator_tasks),
        (Strategy::WithholdingCreator, p.withholding_creator_tasks),
        (Strategy::GateCapturer, p.gate_capturer_tasks),
    ];
    for (owner, count) in kinds {
        let Some(c) = w.creator_of(owner) else {
            continue;
        };
        for k in 0..count {
            let args = attacker_args(w, owner, task_id(owner, epoch, k), now);
            let key = w.agents[c].key.insecure_clone();
            let task = create(w, &key, args, Some(owner)).await?;
            tasks.push(task);
        }
    }
    w.task_keys.extend(tasks.iter().copied());
    Ok(tasks)
}

/// An attacker creator's terms: the farmer a cheap task for its own keys, the
/// confiscator the harshest thresholds, the gate capturer the highest vote gate, the
/// withholding creator the public terms with the largest quorum allowed (the most seats
/// its silence has to keep from committing).
fn attacker_args(w: &World, owner: Strategy, id: u64, now: i64) -> CreateTaskArgs {
    let p = &w.s.population;
    let mut args = w.s.task.args(id, now);
    match owner {
        Strategy::EmissionFarmer => {
            let keys = p.farmer_contributor_keys.max(1);
            args.reward = p.farm_reward * TOKEN;
            args.max_submissions = u16::try_from(keys).unwrap_or(u16::MAX);
            args.submission_fee =
                Task::squat_fee_floor(args.reward, args.validator_share_bps, args.max_submissions)
                    .unwrap_or(0)
                    .max(w.params.min_submission_fee);
        }
        Strategy::CreatorConfiscator => {
            args.accept_threshold = p.confiscator_accept_threshold;
            args.reject_threshold = p.confiscator_reject_threshold;
        }
        Strategy::GateCapturer => {
            args.min_reputation_vote = w.params.reputation_start_bps;
        }
        Strategy::WithholdingCreator => {
            let most = u32::from(args.committee_size) * u32::from(w.params.max_quorum_bps) / 10_000;
            args.quorum_seats = u16::try_from(most).unwrap_or(u16::MAX).max(1);
        }
        _ => {}
    }
    args
}

/// Creates one task signed by `creator`; books what an attacker creator spent on it.
async fn create(
    w: &mut World<'_>,
    creator: &merit_localnet::Keypair,
    args: CreateTaskArgs,
    owner: Option<Strategy>,
) -> Result<Pubkey> {
    let task = pda::task(&creator.pubkey(), args.id);
    let (fee, _) =
        Task::protocol_fee_and_cap(args.reward, &w.params).map_err(|e| anyhow!("{e}"))?;
    let reward = args.reward;
    let ix = w.client.create_task(creator.pubkey(), args);
    w.totals.transactions += 1;
    w.net
        .send(&[ix], &[creator])
        .await
        .map_err(|e| anyhow!("create_task ({owner:?}): {e}"))?;
    if let Some(owner) = owner {
        w.owner_of.insert(task, owner);
        if let Some(c) = w.creator_of(owner) {
            w.agents[c].spent += reward + fee;
        }
    }
    Ok(task)
}
