//! Committees and votes: the tasks' draws (the keeper's, or the re-roller's for the tasks
//! it alone draws), each round's commits and reveals, and the second round of the
//! submissions whose first decided nothing.
use super::{check, keep, merit_error, SubRecord, VoteRecord, World};
use crate::strategy::{Ballot, Role, Strategy};
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anyhow::{anyhow, Result};
use merit::constants::{DRAW_CHAIN_MAX_SLOTS, SLOT_HASHES_SYSVAR};
use merit::error::MeritError;
use merit::sortition::{chain, fallback_seed, ChainLookup};
use merit_client::{
    pda, vote_commitment, Committee, Config, Outcome, Round, Stake, Submission, Task,
};
use merit_localnet::{Keypair, Signer};
use rand::seq::SliceRandom;
use rand::Rng;
use std::collections::BTreeMap;

/// Draws every task's committee: the keeper schedules and seeds them all, except the
/// tasks the draw re-roller submitted to, which it alone draws (`reroll`).
pub(super) async fn draw_tasks(
    w: &mut World<'_>,
    tasks: &[Pubkey],
    subs: &[SubRecord],
) -> Result<()> {
    let rerolled: Vec<Pubkey> = tasks
        .iter()
        .copied()
        .filter(|t| {
            subs.iter()
                .any(|s| s.task == *t && w.agents[s.author].strategy == Strategy::DrawReroller)
        })
        .collect();
    let keeper = w.keeper.insecure_clone();
    let mine: Vec<Pubkey> = tasks
        .iter()
        .copied()
        .filter(|t| !rerolled.contains(t))
        .collect();
    for step in 0..2 {
        if step == 1 {
            w.net.warp_slots(DRAW_CHAIN_MAX_SLOTS + 1);
        }
        let items: Vec<(Instruction, Vec<&Keypair>)> = mine
            .iter()
            .map(|t| (w.client.draw(keeper.pubkey(), *t), vec![&keeper]))
            .collect();
        w.totals.transactions += items.len() as u64;
        check(w.net.send_batch(&items).await, "draw")?;
    }
    for task in rerolled {
        reroll(w, &task, subs).await?;
    }
    Ok(())
}

/// The re-roller's draw of `task`: it schedules, looks at the committee the target's
/// chain of slot hashes gives, and when its validators hold no majority of the seats on
/// its own submission there, lets the target age out of `SlotHashes` so that the seed is
/// the task's fallback. It can never get a third committee.
async fn reroll(w: &mut World<'_>, task: &Pubkey, subs: &[SubRecord]) -> Result<()> {
    let Some(bloc) = w
        .agents
        .iter()
        .position(|a| a.strategy == Strategy::DrawReroller && a.role == Role::Validator)
    else {
        return Ok(());
    };
    let key = w.agents[bloc].key.insecure_clone();
    let ix = w.client.draw(key.pubkey(), *task);
    w.totals.transactions += 2;
    w.net
        .send(std::slice::from_ref(&ix), &[&key])
        .await
        .map_err(|e| anyhow!("draw: {e}"))?;
    w.net.warp_slots(DRAW_CHAIN_MAX_SLOTS + 1);
    let state: Task = w.net.account(task).await.ok_or_else(|| anyhow!("task"))?;
    let data = w
        .net
        .raw_account(&SLOT_HASHES_SYSVAR)
        .await
        .ok_or_else(|| anyhow!("SlotHashes"))?
        .data;
    let target = match chain(&data, task, state.draw.target_slot).map_err(|e| anyhow!("{e}"))? {
        ChainLookup::Seed(seed, _) => seed,
        _ => return Err(anyhow!("the target's chain is not ready")),
    };
    let own: Vec<Pubkey> = subs
        .iter()
        .filter(|s| s.task == *task && w.agents[s.author].strategy == Strategy::DrawReroller)
        .map(|s| s.key)
        .collect();
    if !bloc_majority(w, &state, &target, &own).await? {
        // Decline: let the target age out; the fallback was fixed before it saw either.
        w.totals.committees_declined += 1;
        w.net.warp_slots(600);
        if bloc_majority(w, &state, &fallback_seed(task, &state.draw.seed), &own).await? {
            w.totals.declined_for_a_majority += 1;
        }
    }
    w.net
        .send(&[ix], &[&key])
        .await
        .map_err(|e| anyhow!("draw: {e}"))
}

/// Whether the re-roller's validators would hold more than half the seats of `task`'s
/// committee drawn from `seed`, on every one of its own submissions `own`.
async fn bloc_majority(
    w: &mut World<'_>,
    task: &Task,
    seed: &[u8; 32],
    own: &[Pubkey],
) -> Result<bool> {
    let current = config(w).await?.current_epoch;
    let committee = Committee {
        seed: *seed,
        drawn: true,
        ..task.committee()
    };
    let mut stakes = Vec::new();
    for a in w.agents.iter().filter(|a| a.role == Role::Validator) {
        let stake: Option<Stake> = w.net.account(&pda::stake(&a.key.pubkey())).await;
        let active = stake.map_or(0, |s| s.active_at(committee.epoch, current));
        stakes.push((a.key.pubkey(), a.strategy == Strategy::DrawReroller, active));
    }
    Ok(own.iter().all(|sub| {
        let (mut bloc, mut all) = (0u64, 0u64);
        for (key, is_bloc, active) in &stakes {
            let seats = committee.seats(sub, key, *active);
            all += seats;
            if *is_bloc {
                bloc += seats;
            }
        }
        2 * bloc > all
    }))
}

async fn config(w: &mut World<'_>) -> Result<Config> {
    w.net
        .account(&pda::config())
        .await
        .ok_or_else(|| anyhow!("config"))
}

/// Every validator's commits on round `round` of the submissions `open` (indices into
/// `subs`), for the seats it was drawn for, in a random order: what its strategy does
/// with a seat (abstainers commit nothing and are reported by the keeper). Seat racers
/// also commit where they were not drawn (refused).
pub(super) async fn commit_round(
    w: &mut World<'_>,
    subs: &[SubRecord],
    open: &[usize],
    round: u8,
) -> Result<Vec<VoteRecord>> {
    let current = config(w).await?.current_epoch;
    let mut tasks: BTreeMap<Pubkey, Task> = BTreeMap::new();
    let mut rounds: BTreeMap<usize, Round> = BTreeMap::new();
    for &s in open {
        let t = subs[s].task;
        if let std::collections::btree_map::Entry::Vacant(e) = tasks.entry(t) {
            e.insert(w.net.account(&t).await.ok_or_else(|| anyhow!("task"))?);
        }
        let r: Round = w
            .net
            .account(&pda::round(&subs[s].key, round))
            .await
            .ok_or_else(|| anyhow!("round"))?;
        rounds.insert(s, r);
    }
    let mut votes = Vec::new();
    let capacity = w.s.population.validator_capacity as usize;
    let validators = w.with_role(Role::Validator);
    let mut puppets: BTreeMap<Strategy, usize> = BTreeMap::new();
    for &v in &validators {
        let stake: Option<Stake> = w.net.account(&pda::stake(&w.agents[v].key.pubkey())).await;
        let puppet = {
            let n = puppets.entry(w.agents[v].strategy).or_default();
            *n += 1;
            *n
        };
        let mut mine = open.to_vec();
        mine.shuffle(&mut w.rng);
        for s in mine {
            if capacity > 0 && w.cast[v] == capacity {
                break;
            }
            let sub = &subs[s];
            let seats = merit_client::seats(
                &tasks[&sub.task],
                &rounds[&s],
                &w.agents[v].key.pubkey(),
                stake.as_ref(),
                current,
            );
            let owner = w.owner_of.get(&sub.task).copied();
            let strategy = w.agents[v].strategy;
            if strategy.judges_only_own_tasks() && owner != Some(strategy) {
                continue;
            }
            let racing = strategy.races_for_seats()
                && w.agents[sub.author].strategy == Strategy::ColludingBloc;
            if seats == 0 && !racing {
                continue;
            }
            if seats > 0 {
                w.cast[v] += 1;
            }
            let noise = w.s.population.honest_noise;
            let author = w.agents[sub.author].strategy;
            let ballot = strategy.vote(&mut w.rng, sub.quality, author, owner, noise, puppet);
            if ballot == Ballot::Abstain {
                continue;
            }
            votes.push(VoteRecord {
                sub: s,
                validator: v,
                round,
                ballot,
                salt: w.rng.gen(),
            });
        }
    }
    send_commits(w, subs, votes).await
}

/// Sends the commits; keeps the ones that landed (a validator whose unlocked stake ran out,
/// or whose commit was refused, simply votes less).
async fn send_commits(
    w: &mut World<'_>,
    subs: &[SubRecord],
    votes: Vec<VoteRecord>,
) -> Result<Vec<VoteRecord>> {
    let keys: Vec<Keypair> = votes
        .iter()
        .map(|r| w.agents[r.validator].key.insecure_clone())
        .collect();
    let items: Vec<(Instruction, Vec<&Keypair>)> = votes
        .iter()
        .zip(&keys)
        .map(|(r, key)| {
            let sub = &subs[r.sub];
            let score = match r.ballot {
                Ballot::Reveal(s) | Ballot::Withhold(s) => s,
                Ballot::Abstain => 0,
            };
            let round = pda::round(&sub.key, r.round);
            let commitment = vote_commitment(&round, &key.pubkey(), score, &r.salt);
            (
                w.client
                    .commit_vote(key.pubkey(), sub.task, sub.key, r.round, commitment),
                vec![key],
            )
        })
        .collect();
    w.totals.transactions += items.len() as u64;
    let results = w.net.send_batch(&items).await;
    let mut landed = Vec::new();
    for (r, result) in votes.into_iter().zip(results) {
        let racer = w.agents[r.validator].strategy.races_for_seats();
        match result {
            Ok(()) => {
                if racer {
                    w.totals.seat_race_commits_landed += 1;
                }
                w.agents[r.validator].votes += 1;
                landed.push(r);
            }
            Err(e) if racer && e.code == Some(merit_error(MeritError::NotDrawn)) => {
                w.totals.seat_race_commits_refused += 1;
            }
            Err(_) => {}
        }
    }
    Ok(landed)
}

/// The reveals of round `round`'s committed votes whose ballot reveals.
pub(super) async fn reveal_round(
    w: &mut World<'_>,
    subs: &[SubRecord],
    votes: &[VoteRecord],
    round: u8,
) -> Result<()> {
    let mine: Vec<&VoteRecord> = votes.iter().filter(|r| r.round == round).collect();
    let keys: Vec<Keypair> = mine
        .iter()
        .map(|r| w.agents[r.validator].key.insecure_clone())
        .collect();
    let items: Vec<(Instruction, Vec<&Keypair>)> = mine
        .iter()
        .zip(&keys)
        .filter_map(|(r, key)| match r.ballot {
            Ballot::Reveal(score) => {
                let sub = &subs[r.sub];
                Some((
                    w.client
                        .reveal_vote(key.pubkey(), sub.task, sub.key, r.round, score, r.salt),
                    vec![key],
                ))
            }
            _ => None,
        })
        .collect();
    w.totals.transactions += items.len() as u64;
    check(w.net.send_batch(&items).await, "reveal")
}

/// The submissions now in a second round (their first decided nothing), undecided.
pub(super) async fn second_round_subs(w: &mut World<'_>, subs: &[SubRecord]) -> Result<Vec<usize>> {
    let mut out = Vec::new();
    for (i, s) in subs.iter().enumerate() {
        let sub: Submission = w
            .net
            .account(&s.key)
            .await
            .ok_or_else(|| anyhow!("submission"))?;
        if sub.outcome == Outcome::Pending && sub.round == 2 {
            out.push(i);
        }
    }
    Ok(out)
}

/// The second round of the submissions `second`: the keeper seeds their draws once the
/// chains are produced, the drawn validators commit at once and reveal when commits close,
/// and the keeper closes them when reveals close.
pub(super) async fn run_second_round(
    w: &mut World<'_>,
    subs: &[SubRecord],
    second: &[usize],
) -> Result<Vec<VoteRecord>> {
    w.net.warp_slots(DRAW_CHAIN_MAX_SLOTS + 1);
    keep::pass(w).await?;
    let first: Round = w
        .net
        .account(&pda::round(&subs[second[0]].key, 2))
        .await
        .ok_or_else(|| anyhow!("round"))?;
    let votes = commit_round(w, subs, second, 2).await?;
    w.net.set_time(first.commit_deadline.max(w.net.now()));
    reveal_round(w, subs, &votes, 2).await?;
    let mut last = 0;
    for &s in second {
        let r: Round = w
            .net
            .account(&pda::round(&subs[s].key, 2))
            .await
            .ok_or_else(|| anyhow!("round"))?;
        last = last.max(r.reveal_deadline).max(r.draw_deadline);
    }
    w.net.set_time(last.max(w.net.now()));
    keep::pass(w).await?;
    Ok(votes)
}
