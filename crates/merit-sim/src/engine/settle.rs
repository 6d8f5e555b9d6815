//! Claims, the attacker creators' reclaims and the value of the work they received, the
//! epoch's close and emission claims, and what each agent earned, read back from chain.
use super::{check, SubRecord, VoteRecord, World};
use crate::strategy::Strategy;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anyhow::{anyhow, Result};
use merit::error::MeritError;
use merit_client::{
    pda, AccountKind, Config, Outcome, Round, Stake, Submission, Task, Vesting, Vote,
};
use merit_localnet::{Keypair, Localnet, Signer};
use std::collections::BTreeMap;

/// Contributors claim what their submissions may claim (`Submission::claim_check`), and
/// validators their votes of every round (`Vote::claim_check`).
pub(super) async fn claim(
    w: &mut World<'_>,
    subs: &[SubRecord],
    votes: &[VoteRecord],
) -> Result<()> {
    let mut items: Vec<(Instruction, Keypair)> = Vec::new();
    let mut tasks: BTreeMap<Pubkey, Task> = BTreeMap::new();
    for s in subs {
        let task = match tasks.get(&s.task) {
            Some(t) => *t,
            None => {
                let t: Task = w
                    .net
                    .account(&s.task)
                    .await
                    .ok_or_else(|| anyhow!("task"))?;
                tasks.insert(s.task, t);
                t
            }
        };
        let sub: Submission = w
            .net
            .account(&s.key)
            .await
            .ok_or_else(|| anyhow!("submission"))?;
        if sub.claim_check(&task).is_ok() {
            let key = w.agents[s.author].key.insecure_clone();
            items.push((w.client.claim_submission(key.pubkey(), s.task), key));
        }
        if sub.outcome == Outcome::NoQuorum {
            w.totals.unjudged += 1;
        }
    }
    for r in votes {
        let s = &subs[r.sub];
        let key = w.agents[r.validator].key.insecure_clone();
        let round: Round = w
            .net
            .account(&pda::round(&s.key, r.round))
            .await
            .ok_or_else(|| anyhow!("round"))?;
        let vote: Vote = w
            .net
            .account(&pda::vote_in(&s.key, r.round, &key.pubkey()))
            .await
            .ok_or_else(|| anyhow!("vote"))?;
        if vote.claim_check(&round, &tasks[&s.task].rules).is_ok() {
            items.push((
                w.client.claim_vote(key.pubkey(), s.task, s.key, r.round),
                key,
            ));
        }
    }
    send_all(w, items, "claim").await
}

async fn send_all(w: &mut World<'_>, items: Vec<(Instruction, Keypair)>, what: &str) -> Result<()> {
    let batch: Vec<(Instruction, Vec<&Keypair>)> =
        items.iter().map(|(ix, k)| (ix.clone(), vec![k])).collect();
    w.totals.transactions += batch.len() as u64;
    check(w.net.send_batch(&batch).await, what)
}

/// Each attacker creator takes back what its tasks did not pay, and keeps the work: worth
/// the task's reward to it when its best revealed original work meets the public tasks'
/// standard.
pub(super) async fn reclaim(
    w: &mut World<'_>,
    tasks: &[Pubkey],
    subs: &[SubRecord],
    revealed: &[bool],
) -> Result<()> {
    let standard = f64::from(w.s.task.accept_threshold) / 100.0;
    for t in tasks {
        let Some(owner) = w.owner_of.get(t).copied() else {
            continue;
        };
        if owner == Strategy::EmissionFarmer {
            continue;
        }
        let Some(c) = w.creator_of(owner) else {
            continue;
        };
        let best = subs
            .iter()
            .zip(revealed)
            .filter(|(s, revealed)| s.task == *t && **revealed && !s.copy)
            .map(|(s, _)| s.quality)
            .fold(0.0, f64::max);
        let before: Task = w.net.account(t).await.ok_or_else(|| anyhow!("task"))?;
        if best >= standard {
            w.agents[c].work_value += before.reward;
        }
        let who = w.agents[c].key.insecure_clone();
        let wallet = w.net.wallet_balance(&who.pubkey()).await;
        w.totals.transactions += 1;
        match w
            .net
            .send(&[w.client.reclaim_task(who.pubkey(), *t)], &[&who])
            .await
        {
            Ok(()) => {}
            Err(e) if e.code == Some(super::merit_error(MeritError::NothingToReclaim)) => {}
            Err(e) => return Err(anyhow!("reclaim_task: {e}")),
        }
        w.agents[c].reclaimed += w.net.wallet_balance(&who.pubkey()).await - wallet;
        // A task nobody submitted to closes on reclaim: keep its last state.
        w.closed_tasks.insert(*t, before);
    }
    Ok(())
}

/// Closes the epoch, claims its emission for every submission and vote with points, and
/// books each agent's epoch: rewards and slashes read back from the accounts, emissions
/// from its holdings.
pub(super) async fn close_epoch(
    w: &mut World<'_>,
    subs: &[SubRecord],
    votes: &[VoteRecord],
) -> Result<()> {
    let keeper = w.keeper.insecure_clone();
    w.totals.transactions += 1;
    let epoch = w
        .net
        .close_epoch(&keeper)
        .await
        .map_err(|e| anyhow!("advance_epoch: {e}"))?;
    let mut items: Vec<(Instruction, Keypair)> = Vec::new();
    for s in subs {
        let sub: Submission = w
            .net
            .account(&s.key)
            .await
            .ok_or_else(|| anyhow!("submission"))?;
        if sub.points > 0 && sub.epoch == epoch {
            let key = w.agents[s.author].key.insecure_clone();
            items.push((
                w.client
                    .claim_submission_emission(key.pubkey(), s.task, epoch),
                key,
            ));
        }
    }
    for r in votes {
        let s = &subs[r.sub];
        let key = w.agents[r.validator].key.insecure_clone();
        let vote: Vote = w
            .net
            .account(&pda::vote_in(&s.key, r.round, &key.pubkey()))
            .await
            .ok_or_else(|| anyhow!("vote"))?;
        if vote.points > 0 && vote.epoch == epoch {
            items.push((
                w.client
                    .claim_vote_emission(key.pubkey(), s.task, s.key, r.round, epoch),
                key,
            ));
        }
    }
    // What each claim pays is the epoch share capped by its task's emission cap: read it
    // back from the agents' holdings.
    let mut before = Vec::with_capacity(w.agents.len());
    for a in &w.agents {
        before.push(holdings(&mut w.net, &a.key.pubkey()).await);
    }
    send_all(w, items, "emission claim").await?;
    for (i, then) in before.into_iter().enumerate() {
        let now = holdings(&mut w.net, &w.agents[i].key.pubkey()).await;
        w.agents[i].emissions += now - then;
    }
    tally(w).await?;
    for a in w.agents.iter_mut() {
        let net = a.net();
        a.history.push(net);
    }
    Ok(())
}

/// Every agent's rewards and slashes so far, from every submission and vote (absence
/// records included) on chain: the simulator closes none of them.
async fn tally(w: &mut World<'_>) -> Result<()> {
    let by_key: BTreeMap<Pubkey, usize> = (0..w.agents.len())
        .map(|i| (w.agents[i].key.pubkey(), i))
        .collect();
    let mut rewards = vec![0u64; w.agents.len()];
    let mut slashed = vec![0u64; w.agents.len()];
    let mut rules = BTreeMap::new();
    for (key, account) in w.net.merit_accounts().await {
        match AccountKind::of(&account.data) {
            Some(AccountKind::Task) => {
                let t: Task = merit_client::decode(&account.data).map_err(|e| anyhow!("{e}"))?;
                rules.insert(key, t.rules);
            }
            Some(AccountKind::Submission) => {
                let s: Submission =
                    merit_client::decode(&account.data).map_err(|e| anyhow!("{e}"))?;
                if let Some(&i) = by_key.get(&s.contributor) {
                    rewards[i] += s.reward_paid;
                    slashed[i] += if s.slashed { s.bond } else { 0 };
                }
            }
            _ => {}
        }
    }
    for (_, account) in w.net.merit_accounts().await {
        if AccountKind::of(&account.data) == Some(AccountKind::Vote) {
            let v: Vote = merit_client::decode(&account.data).map_err(|e| anyhow!("{e}"))?;
            let task_rules = rules
                .get(&v.task)
                .or_else(|| w.closed_tasks.get(&v.task).map(|t| &t.rules))
                .ok_or_else(|| anyhow!("a vote's task"))?;
            if let Some(&i) = by_key.get(&v.validator) {
                rewards[i] += v.reward_paid;
                slashed[i] += v.slashed_amount(task_rules).map_err(|e| anyhow!("{e}"))?;
            }
        }
    }
    for (i, a) in w.agents.iter_mut().enumerate() {
        a.rewards = rewards[i];
        a.slashed = slashed[i];
    }
    Ok(())
}

/// Tokens `owner` holds outside its stake: wallet and vesting balances.
pub(super) async fn holdings(net: &mut Localnet, owner: &Pubkey) -> u64 {
    let vesting = net
        .account::<Vesting>(&pda::vesting(owner))
        .await
        .map(|v| v.unlocked + v.unvested)
        .unwrap_or(0);
    net.wallet_balance(owner).await + vesting
}

/// Reads back, from program and token accounts, the same totals the run booked.
pub(super) async fn reconcile(w: &mut World<'_>) -> Result<()> {
    for a in &w.agents {
        w.totals.rewards_booked += a.rewards;
        w.totals.emissions_booked += a.emissions;
        w.totals.slashed_booked += a.slashed;
        w.totals.fees_booked += a.fees;
        w.totals.agents_net_booked += a.net_on_chain();
        let wallet = w.net.wallet_balance(&a.key.pubkey()).await;
        let stake = w
            .net
            .account::<Stake>(&pda::stake(&a.key.pubkey()))
            .await
            .map(|s| s.deposited)
            .unwrap_or(0);
        let vesting = w
            .net
            .account::<Vesting>(&pda::vesting(&a.key.pubkey()))
            .await
            .map(|v| v.unlocked + v.unvested)
            .unwrap_or(0);
        w.totals.agents_net_on_chain += i128::from(wallet + stake + vesting) - i128::from(a.funded);
    }
    let mut to_treasury = 0;
    for t in w.task_keys.clone() {
        let task: Task = match w.net.account(&t).await {
            Some(task) => task,
            None => w
                .closed_tasks
                .get(&t)
                .cloned()
                .ok_or_else(|| anyhow!("task"))?,
        };
        w.totals.rewards_on_chain += task.paid_out;
        w.totals.fees_on_chain += task.fees;
        to_treasury += task.to_treasury + task.protocol_fee;
    }
    let config: Config = w
        .net
        .account(&pda::config())
        .await
        .ok_or_else(|| anyhow!("config"))?;
    w.totals.emissions_on_chain = config.emission_paid;
    // The treasury's share, swept or still pending in the stake vault, and the keeper's
    // slasher shares: liquid, or vesting when taken from unvested rewards.
    let keeper = w.keeper.pubkey();
    w.totals.slashed_on_chain =
        w.net.token_balance(&pda::treasury()).await + config.treasury_pending - to_treasury
            + holdings(&mut w.net, &keeper).await;
    Ok(())
}
