//! Runs a scenario on the in-process chain: agents post, submit, vote, and are settled by
//! the real program; every amount booked to an agent is read back from chain state.
use crate::scenario::{Scenario, TOKEN};
use crate::strategy::{Role, Strategy};
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anyhow::{anyhow, Context, Result};
use indicatif::ProgressBar;
use merit::error::MeritError;
use merit_client::{
    pda, submission_commitment, vote_commitment, Config, Outcome, Stake, Submission, Task, Vesting,
    Vote,
};
use merit_localnet::{Keypair, Localnet, LocalnetOptions, Signer};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// One simulated participant and what it earned, as read from the chain.
pub struct Agent {
    pub name: String,
    pub strategy: Strategy,
    pub role: Role,
    pub key: Keypair,
    pub stake: u64,
    /// Tokens minted to the agent: its stake, and for contributors a budget for fees.
    pub funded: u64,
    pub rewards: u64,
    pub emissions: u64,
    pub slashed: u64,
    /// Submission fees paid.
    pub fees: u64,
    /// Spent posting tasks: rewards escrowed and protocol fees (creator keys).
    pub spent: u64,
    /// Escrow returned by `reclaim_task` (creator keys).
    pub reclaimed: u64,
    /// What the work a creator key received is worth to it, off chain: the task's reward
    /// for each of its tasks whose best revealed work meets the public tasks' standard.
    pub work_value: u64,
    /// Submissions committed and votes committed (accepted by the program).
    pub submissions: u32,
    pub votes: u32,
    /// Net earnings (rewards + emissions − slashes − fees) at the end of each epoch.
    pub history: Vec<i128>,
}

impl Agent {
    /// Net earnings: what the chain paid and took, plus the value of work received.
    pub fn net(&self) -> i128 {
        self.net_on_chain() + i128::from(self.work_value)
    }

    /// Net earnings in tokens, as the chain's accounts show them.
    pub fn net_on_chain(&self) -> i128 {
        i128::from(self.rewards) + i128::from(self.emissions) + i128::from(self.reclaimed)
            - i128::from(self.slashed)
            - i128::from(self.fees)
            - i128::from(self.spent)
    }

    /// Tokens put at risk: stake at start plus tokens spent posting tasks.
    pub fn capital(&self) -> u64 {
        self.stake + self.spent
    }
}

/// Amounts booked to agents next to the same amounts read from program accounts.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Totals {
    pub rewards_booked: u64,
    pub rewards_on_chain: u64,
    pub emissions_booked: u64,
    pub emissions_on_chain: u64,
    pub slashed_booked: u64,
    pub slashed_on_chain: u64,
    pub fees_booked: u64,
    /// Σ over tasks of fees paid into their vaults.
    pub fees_on_chain: u64,
    /// Σ over agents of (wallet + stake + vesting now) − stake at start.
    pub agents_net_on_chain: i128,
    /// Σ over agents of booked rewards + emissions + reclaimed escrow − slashes − fees −
    /// tokens spent posting tasks.
    pub agents_net_booked: i128,
    pub transactions: u64,
    /// Exact copies that lost their bond: refused at reveal (an older commitment held the
    /// content) or displaced by the author's older commitment and finalized Duplicate.
    pub duplicate_copies_refused: u64,
    /// Submissions skipped because the contributor's unlocked stake no longer covered the bond.
    pub submissions_unaffordable: u64,
    /// Front-runners' replayed reveals of a copied commitment, refused on chain.
    pub front_runs_refused: u64,
    /// Seat racers' commits on submissions they were not drawn for, refused on chain.
    pub seat_race_commits_refused: u64,
    /// Votes the seat racers landed (drawn seats only).
    pub seat_race_commits_landed: u64,
}

struct SubRecord {
    task: Pubkey,
    author: usize,
    key: Pubkey,
    quality: f64,
    content_hash: [u8; 32],
    salt: [u8; 32],
    /// An exact copy of another submission's content.
    copy: bool,
    /// A front-runner's copy of another contributor's commitment.
    front_run: bool,
}

struct VoteRecord {
    sub: usize,
    validator: usize,
}

pub struct Run {
    pub agents: Vec<Agent>,
    pub totals: Totals,
}

/// Seeds every key from the scenario's RNG, so a seed reproduces a run exactly.
fn keypair(rng: &mut ChaCha8Rng) -> Keypair {
    Keypair::new_from_array(rng.gen())
}

fn check(results: Vec<Result<(), merit_localnet::TxError>>, what: &str) -> Result<()> {
    for r in results {
        r.map_err(|e| anyhow!("{what}: {e}"))?;
    }
    Ok(())
}

pub async fn run(scenario: &Scenario, progress: &ProgressBar) -> Result<Run> {
    scenario.validate()?;
    let params = scenario.program.to_config();
    let mut net = Localnet::start(LocalnetOptions {
        params: Some(params),
        ..LocalnetOptions::default()
    })
    .await
    .map_err(|e| anyhow!("starting the chain: {e}"))?;
    let client = net.client;
    let mut rng = ChaCha8Rng::seed_from_u64(scenario.seed);
    let mut totals = Totals::default();

    // The creator, the keeper and the emission funding.
    let tasks_total = u64::from(scenario.epochs) * u64::from(scenario.tasks_per_epoch);
    let (protocol_fee, _) = Task::protocol_fee_and_cap(scenario.task.reward * TOKEN, &params)
        .map_err(|e| anyhow!("{e}"))?;
    let creator = keypair(&mut rng);
    let keeper = keypair(&mut rng);
    let funder = keypair(&mut rng);
    for (who, tokens) in [
        (
            &creator,
            tasks_total * (scenario.task.reward * TOKEN + protocol_fee),
        ),
        (&keeper, 0),
        (&funder, scenario.emission_funding * TOKEN),
    ] {
        fund(&mut net, who, tokens).await?;
    }
    if scenario.emission_funding > 0 {
        let ix = client.fund_emissions(
            funder.pubkey(),
            scenario.emission_funding * TOKEN,
            1_000_000_000,
        );
        net.send(&[ix], &[&funder])
            .await
            .map_err(|e| anyhow!("{e}"))?;
    }

    let mut agents = population(scenario, &mut rng);
    let farm_reward = scenario.population.farm_reward * TOKEN;
    let (farm_fee, _) =
        Task::protocol_fee_and_cap(farm_reward, &params).map_err(|e| anyhow!("{e}"))?;
    let epochs = u64::from(scenario.epochs);
    let confiscations = epochs * u64::from(scenario.population.confiscator_tasks);
    for a in agents.iter_mut() {
        match (a.role, a.strategy) {
            (Role::Contributor, _) => {
                a.funded += (tasks_total + confiscations) * scenario.task.submission_fee * TOKEN
            }
            (Role::Creator, Strategy::EmissionFarmer) => {
                a.funded += epochs * (farm_reward + farm_fee)
            }
            (Role::Creator, _) => {
                a.funded += confiscations * (scenario.task.reward * TOKEN + protocol_fee)
            }
            (Role::Validator, _) => {}
        }
    }
    for a in &agents {
        fund(&mut net, &a.key, a.funded).await?;
        if a.stake > 0 {
            let ix = client.deposit_stake(a.key.pubkey(), a.stake);
            net.send(&[ix], &[&a.key])
                .await
                .map_err(|e| anyhow!("{e}"))?;
        }
    }
    let creator_of = |s: Strategy| {
        agents
            .iter()
            .position(|a| a.role == Role::Creator && a.strategy == s)
    };
    let farmer = creator_of(Strategy::EmissionFarmer);
    let confiscator = creator_of(Strategy::CreatorConfiscator);
    // Deposits warm up during the epoch they were made in: the first tasks come in the
    // next epoch, when the stake counts for committee draws.
    net.close_epoch(&keeper)
        .await
        .map_err(|e| anyhow!("advance_epoch: {e}"))?;
    let contributors: Vec<usize> = (0..agents.len())
        .filter(|&i| agents[i].role == Role::Contributor)
        .collect();
    let validators: Vec<usize> = (0..agents.len())
        .filter(|&i| agents[i].role == Role::Validator)
        .collect();
    // Room for every contributor, within what the program allows per task.
    let max_submissions = u16::try_from(contributors.len())
        .unwrap_or(u16::MAX)
        .min(params.max_submissions_per_task);
    // The tasks posted by an attacker's creator key, by owner: the rest are the public
    // creator's.
    let mut owner_of: std::collections::BTreeMap<Pubkey, Strategy> = Default::default();
    // Tasks' last state before their creator reclaimed them (reclaim may close them).
    let mut closed_tasks: std::collections::BTreeMap<Pubkey, Task> = Default::default();
    let mut task_keys = Vec::new();

    for epoch_index in 0..scenario.epochs {
        let now = net.now();
        // Post this epoch's tasks, all with the same phases.
        let mut tasks = Vec::new();
        for k in 0..scenario.tasks_per_epoch {
            let id = u64::from(epoch_index) * 1_000 + u64::from(k);
            let args = scenario.task.args(id, now, max_submissions.max(1));
            tasks.push(pda::task(&creator.pubkey(), id));
            let ix = client.create_task(creator.pubkey(), args);
            net.send(&[ix], &[&creator])
                .await
                .map_err(|e| anyhow!("create_task: {e}"))?;
        }
        if let Some(f) = farmer {
            // The farmer's own cheap task, open to its own keys only in practice.
            let farm_keys = contributors
                .iter()
                .filter(|&&i| agents[i].strategy == Strategy::EmissionFarmer)
                .count();
            let mut args = scenario.task.args(
                farm_task_id(epoch_index),
                now,
                u16::try_from(farm_keys.max(1)).context("too many farmer keys")?,
            );
            args.reward = farm_reward;
            args.submission_fee = params.min_submission_fee;
            let who = &agents[f].key;
            let ix = client.create_task(who.pubkey(), args);
            net.send(&[ix], &[who])
                .await
                .map_err(|e| anyhow!("create_task (farm): {e}"))?;
            tasks.push(pda::task(&who.pubkey(), farm_task_id(epoch_index)));
            agents[f].spent += farm_reward + farm_fee;
            owner_of.insert(*tasks.last().expect("pushed"), Strategy::EmissionFarmer);
        }
        if let Some(c) = confiscator {
            // The confiscator's tasks: the public reward under the harshest terms allowed.
            for k in 0..scenario.population.confiscator_tasks {
                let id = confiscated_task_id(epoch_index, k);
                let mut args = scenario.task.args(id, now, max_submissions.max(1));
                args.accept_threshold = scenario.population.confiscator_accept_threshold;
                args.reject_threshold = scenario.population.confiscator_reject_threshold;
                let who = &agents[c].key;
                let ix = client.create_task(who.pubkey(), args);
                net.send(&[ix], &[who])
                    .await
                    .map_err(|e| anyhow!("create_task (confiscator): {e}"))?;
                let task = pda::task(&who.pubkey(), id);
                tasks.push(task);
                owner_of.insert(task, Strategy::CreatorConfiscator);
                agents[c].spent += scenario.task.reward * TOKEN + protocol_fee;
            }
        }
        task_keys.extend(tasks.iter().copied());

        // Submissions, as commitments: original work first, so plagiarists have something
        // to copy; copies are committed a slot later (a copier only learns the content
        // after its author committed it).
        let mut subs: Vec<SubRecord> = Vec::new();
        // Each task's original work: (author, content, salt, commitment).
        #[allow(clippy::type_complexity)]
        let mut originals: std::collections::BTreeMap<
            Pubkey,
            Vec<(usize, [u8; 32], [u8; 32], [u8; 32])>,
        > = std::collections::BTreeMap::new();
        // Each task's terms (what a submission names) and its own submission fee.
        let mut terms: Vec<[u8; 32]> = Vec::new();
        let mut fee_of: std::collections::BTreeMap<Pubkey, u64> = Default::default();
        let mut acceptable = Vec::new();
        let p = &scenario.population;
        for t in &tasks {
            let task: Task = net.account(t).await.ok_or_else(|| anyhow!("task"))?;
            terms.push(task.terms_hash);
            fee_of.insert(*t, task.submission_fee);
            acceptable.push(
                task.accept_threshold <= p.terms_max_accept_threshold
                    && task.reject_threshold <= p.terms_max_reject_threshold,
            );
        }
        // Each contributor's picks this epoch: the tasks open to it, at most its capacity.
        let capacity = scenario.population.contributor_capacity as usize;
        let mut picks: Vec<(usize, usize)> = Vec::new();
        for &i in &contributors {
            let s = agents[i].strategy;
            let mut open: Vec<usize> = (0..tasks.len())
                .filter(|&k| match owner_of.get(&tasks[k]) {
                    Some(Strategy::EmissionFarmer) => !s.submits_to_public_tasks(),
                    _ => s.submits_to_public_tasks() && (acceptable[k] || !s.reads_terms()),
                })
                .collect();
            open.shuffle(&mut rng);
            if capacity > 0 {
                open.truncate(capacity);
            }
            picks.extend(open.into_iter().map(|k| (k, i)));
        }
        // Arrivals are spread over the window: a random order, a few per slot.
        picks.shuffle(&mut rng);
        for copiers in [false, true] {
            if copiers {
                net.warp_slots(1);
            }
            for (n, &(k, i)) in picks.iter().enumerate() {
                let (task, terms_hash) = (&tasks[k], &terms[k]);
                let a = &agents[i];
                let copier = matches!(a.strategy, Strategy::Plagiarist | Strategy::FrontRunner);
                if copier != copiers {
                    continue;
                }
                if n % ARRIVALS_PER_SLOT == ARRIVALS_PER_SLOT - 1 {
                    net.warp_slots(1);
                }
                {
                    let mut front_run = false;
                    let (hash, quality, copy, salt, commitment) = if a.strategy
                        == Strategy::FrontRunner
                    {
                        // Copies a pending commitment as it is: it cannot see inside it.
                        let Some(&(_, hash, salt, commitment)) =
                            originals.get(task).and_then(|o| o.choose(&mut rng))
                        else {
                            continue;
                        };
                        front_run = true;
                        (hash, 0.0, true, salt, commitment)
                    } else {
                        let salt: [u8; 32] = rng.gen();
                        let (hash, quality, copy) = if copiers {
                            match originals.get(task).and_then(|o| o.choose(&mut rng)) {
                                Some(&(_, hash, _, _))
                                    if rng.gen_bool(
                                        scenario.population.plagiarist_exact_copy_share,
                                    ) =>
                                {
                                    (hash, 0.0, true)
                                }
                                _ => (rng.gen(), a.strategy.work_quality(&mut rng), false),
                            }
                        } else {
                            (rng.gen(), a.strategy.work_quality(&mut rng), false)
                        };
                        let commitment = submission_commitment(task, &a.key.pubkey(), &hash, &salt);
                        if !copiers && a.strategy.reveals_submission() {
                            originals
                                .entry(*task)
                                .or_default()
                                .push((i, hash, salt, commitment));
                        }
                        (hash, quality, copy, salt, commitment)
                    };
                    let ix = client.submit(a.key.pubkey(), *task, commitment, *terms_hash);
                    totals.transactions += 1;
                    match net.send(&[ix], &[&a.key]).await {
                        Ok(()) => subs.push(SubRecord {
                            task: *task,
                            author: i,
                            key: pda::submission(task, &a.key.pubkey()),
                            quality,
                            content_hash: hash,
                            salt,
                            copy,
                            front_run,
                        }),
                        // Slashed below the bond: this agent can no longer afford to submit.
                        Err(e)
                            if e.code
                                == Some(merit_error(MeritError::InsufficientUnlockedStake)) =>
                        {
                            totals.submissions_unaffordable += 1;
                        }
                        Err(e) => return Err(anyhow!("submit by {}: {e}", a.name)),
                    }
                }
            }
        }
        for s in &subs {
            agents[s.author].fees += fee_of[&s.task];
            agents[s.author].submissions += 1;
        }

        // Reveal the submissions, copies first (the copier's best order: whoever reveals
        // first, the older commitment keeps the content).
        let t0: Task = net
            .account(&tasks[0])
            .await
            .ok_or_else(|| anyhow!("task"))?;
        net.set_time(t0.submission_deadline);
        let mut reveal_order: Vec<usize> = (0..subs.len()).collect();
        reveal_order.sort_by_key(|&i| !subs[i].copy);
        for i in reveal_order {
            let s = &subs[i];
            let a = &agents[s.author];
            if !a.strategy.reveals_submission() && !s.front_run {
                continue;
            }
            let ix = client.reveal_submission(
                a.key.pubkey(),
                s.task,
                s.content_hash,
                s.salt,
                format!("sim://work/{}", a.name),
            );
            totals.transactions += 1;
            match net.send(&[ix], &[&a.key]).await {
                Ok(()) => {}
                // An older commitment to the same content was revealed first: the copy
                // stays unrevealed and loses its bond.
                Err(e) if e.code == Some(merit_error(MeritError::DuplicateContent)) => {}
                // A copied commitment binds its author's key: the replay cannot open it.
                Err(e)
                    if s.front_run
                        && e.code
                            == Some(merit_error(MeritError::SubmissionCommitmentMismatch)) =>
                {
                    totals.front_runs_refused += 1;
                }
                Err(e) => return Err(anyhow!("reveal_submission by {}: {e}", a.name)),
            }
        }

        // Draw: the keeper schedules every task's committee draw when submission reveals
        // close, and seeds it once the target slot has passed.
        net.set_time(t0.submission_reveal_deadline);
        for step in 0..2 {
            if step == 1 {
                net.warp_slots(merit::constants::DRAW_DELAY_SLOTS + 1);
            }
            let items: Vec<(Instruction, Vec<&Keypair>)> = tasks
                .iter()
                .map(|t| (client.draw(keeper.pubkey(), *t), vec![&keeper]))
                .collect();
            totals.transactions += items.len() as u64;
            check(net.send_batch(&items).await, "draw")?;
        }
        let current_epoch = net
            .account::<Config>(&pda::config())
            .await
            .ok_or_else(|| anyhow!("config"))?
            .current_epoch;
        let mut drawn_tasks = std::collections::BTreeMap::new();
        for t in &tasks {
            let task: Task = net.account(t).await.ok_or_else(|| anyhow!("task"))?;
            drawn_tasks.insert(*t, task);
        }
        let mut revealed = Vec::with_capacity(subs.len());
        for s in &subs {
            let sub: Submission = net.account(&s.key).await.ok_or_else(|| anyhow!("sub"))?;
            revealed.push(sub.content_revealed);
        }
        let mut stakes = Vec::with_capacity(agents.len());
        for a in &agents {
            stakes.push(net.account::<Stake>(&pda::stake(&a.key.pubkey())).await);
        }

        // Commit: each validator judges the submissions it was drawn for, in random order.
        let mut votes: Vec<(VoteRecord, u8, [u8; 32], bool)> = Vec::new();
        let mut items = Vec::new();
        let vote_capacity = scenario.population.validator_capacity as usize;
        for &v in &validators {
            let mut mine: Vec<usize> = (0..subs.len()).collect();
            mine.shuffle(&mut rng);
            let mut cast = 0;
            for s in mine {
                let sub = &subs[s];
                if !revealed[s] || (vote_capacity > 0 && cast == vote_capacity) {
                    continue;
                }
                let seats = merit_client::seats(
                    &drawn_tasks[&sub.task],
                    &sub.key,
                    &agents[v].key.pubkey(),
                    stakes[v].as_ref(),
                    current_epoch,
                );
                // The farmer's and the confiscator's judges sit only on their own tasks.
                let task_owner = owner_of.get(&sub.task).copied();
                if agents[v].strategy.judges_only_own_tasks()
                    && task_owner != Some(agents[v].strategy)
                {
                    continue;
                }
                let racing = agents[v].strategy.races_for_seats()
                    && agents[sub.author].strategy == Strategy::ColludingBloc;
                if seats == 0 && !racing {
                    continue;
                }
                if seats > 0 {
                    cast += 1;
                }
                let (score, reveals) = agents[v].strategy.vote(
                    &mut rng,
                    sub.quality,
                    agents[sub.author].strategy,
                    task_owner,
                    scenario.population.honest_noise,
                );
                let salt: [u8; 32] = rng.gen();
                let commitment = vote_commitment(&sub.key, &agents[v].key.pubkey(), score, &salt);
                items.push((
                    client.commit_vote(agents[v].key.pubkey(), sub.task, sub.key, commitment),
                    vec![&agents[v].key],
                ));
                votes.push((
                    VoteRecord {
                        sub: s,
                        validator: v,
                    },
                    score,
                    salt,
                    reveals,
                ));
            }
        }
        totals.transactions += items.len() as u64;
        let results = net.send_batch(&items).await;
        for ((r, _, _, _), result) in votes.iter().zip(&results) {
            if agents[r.validator].strategy.races_for_seats() {
                match result {
                    Ok(()) => totals.seat_race_commits_landed += 1,
                    Err(e) if e.code == Some(merit_error(MeritError::NotDrawn)) => {
                        totals.seat_race_commits_refused += 1
                    }
                    Err(_) => {}
                }
            }
        }
        for ((r, _, _, _), result) in votes.iter().zip(&results) {
            if result.is_ok() {
                agents[r.validator].votes += 1;
            }
        }
        // A validator whose unlocked stake ran out simply casts fewer votes.
        let votes: Vec<_> = votes
            .into_iter()
            .zip(results)
            .filter(|(_, r)| r.is_ok())
            .map(|(v, _)| v)
            .collect();

        // Reveal.
        net.set_time(t0.commit_deadline);
        let items: Vec<(Instruction, Vec<&Keypair>)> = votes
            .iter()
            .filter(|(_, _, _, reveals)| *reveals)
            .map(|(r, score, salt, _)| {
                let sub = &subs[r.sub];
                let a = &agents[r.validator];
                (
                    client.reveal_vote(a.key.pubkey(), sub.task, sub.key, *score, *salt),
                    vec![&a.key],
                )
            })
            .collect();
        totals.transactions += items.len() as u64;
        check(net.send_batch(&items).await, "reveal")?;

        // Finalize, slash, claim.
        net.set_time(t0.reveal_deadline);
        let epoch = net
            .account::<Config>(&pda::config())
            .await
            .ok_or_else(|| anyhow!("config"))?
            .current_epoch;
        let mut items: Vec<(Instruction, Vec<&Keypair>)> = subs
            .iter()
            .zip(&revealed)
            .map(|(s, revealed)| {
                (
                    client.finalize_submission(
                        keeper.pubkey(),
                        s.task,
                        agents[s.author].key.pubkey(),
                        epoch,
                        revealed.then_some(s.content_hash),
                    ),
                    vec![&keeper],
                )
            })
            .collect();
        items.extend(
            tasks
                .iter()
                .map(|t| (client.finalize_task(keeper.pubkey(), *t), vec![&keeper])),
        );
        totals.transactions += items.len() as u64;
        check(net.send_batch(&items).await, "finalize")?;

        let mut outcomes = Vec::new();
        for s in &subs {
            let sub: Submission = net
                .account(&s.key)
                .await
                .ok_or_else(|| anyhow!("submission"))?;
            outcomes.push(sub);
        }
        let mut items = Vec::new();
        for (s, sub) in subs.iter().zip(&outcomes) {
            if s.copy && matches!(sub.outcome, Outcome::Duplicate | Outcome::Unrevealed) {
                totals.duplicate_copies_refused += 1;
            }
            if sub.outcome.forfeits_bond() {
                items.push((
                    client.slash_submission(keeper.pubkey(), s.task, agents[s.author].key.pubkey()),
                    vec![&keeper],
                ));
                agents[s.author].slashed += sub.bond;
            }
        }
        let mut slashed_votes = Vec::new();
        // Each vote as it stands after the slashes: read once here, re-read when slashed.
        let mut vote_state = Vec::with_capacity(votes.len());
        for (n, (r, _, _, _)) in votes.iter().enumerate() {
            let sub = &outcomes[r.sub];
            let vote: Vote = net
                .account(&pda::vote(
                    &subs[r.sub].key,
                    &agents[r.validator].key.pubkey(),
                ))
                .await
                .ok_or_else(|| anyhow!("vote"))?;
            // The program's own rule, under the task's own rules.
            let rules = &drawn_tasks[&subs[r.sub].task].rules;
            if vote
                .slash_due(sub, rules)
                .map_err(|e| anyhow!("{e}"))?
                .is_some()
            {
                items.push((
                    client.slash_vote(
                        keeper.pubkey(),
                        subs[r.sub].task,
                        subs[r.sub].key,
                        agents[r.validator].key.pubkey(),
                    ),
                    vec![&keeper],
                ));
                slashed_votes.push(n);
            }
            vote_state.push(vote);
        }
        totals.transactions += items.len() as u64;
        check(net.send_batch(&items).await, "slash")?;
        for n in slashed_votes {
            let (s, v) = (votes[n].0.sub, votes[n].0.validator);
            let vote: Vote = net
                .account(&pda::vote(&subs[s].key, &agents[v].key.pubkey()))
                .await
                .ok_or_else(|| anyhow!("vote"))?;
            agents[v].slashed += vote.bond - vote.bond_remaining;
            vote_state[n] = vote;
        }

        let mut items = Vec::new();
        for (s, sub) in subs.iter().zip(&outcomes) {
            if !sub.outcome.forfeits_bond() {
                let a = &agents[s.author];
                items.push((
                    client.claim_submission(a.key.pubkey(), s.task),
                    vec![&a.key],
                ));
            }
        }
        for ((r, _, _, _), vote) in votes.iter().zip(&vote_state) {
            let a = &agents[r.validator];
            let s = &subs[r.sub];
            // The program's own rule: final, revealed, unclaimed, and slashed if incoherent.
            if vote
                .claim_check(&outcomes[r.sub], &drawn_tasks[&s.task].rules)
                .is_ok()
            {
                items.push((
                    client.claim_vote(a.key.pubkey(), s.task, s.key),
                    vec![&a.key],
                ));
            }
        }
        totals.transactions += items.len() as u64;
        check(net.send_batch(&items).await, "claim")?;
        for s in subs.iter() {
            let sub: Submission = net.account(&s.key).await.ok_or_else(|| anyhow!("sub"))?;
            agents[s.author].rewards += sub.reward_paid;
        }
        let mut vote_points = Vec::new();
        for (r, _, _, _) in &votes {
            let vote: Vote = net
                .account(&pda::vote(
                    &subs[r.sub].key,
                    &agents[r.validator].key.pubkey(),
                ))
                .await
                .ok_or_else(|| anyhow!("vote"))?;
            agents[r.validator].rewards += vote.reward_paid;
            if vote.points > 0 {
                vote_points.push((r.sub, r.validator, vote.points));
            }
        }

        // The confiscator takes back what its tasks did not pay, and keeps the work.
        if let Some(c) = confiscator {
            let standard = f64::from(scenario.task.accept_threshold) / 100.0;
            let who = agents[c].key.insecure_clone();
            for t in tasks
                .iter()
                .filter(|t| owner_of.get(t) == Some(&Strategy::CreatorConfiscator))
            {
                let best = subs
                    .iter()
                    .zip(&revealed)
                    .filter(|(s, revealed)| s.task == *t && **revealed && !s.copy)
                    .map(|(s, _)| s.quality)
                    .fold(0.0, f64::max);
                if best >= standard {
                    agents[c].work_value += scenario.task.reward * TOKEN;
                }
                let before: Task = net.account(t).await.ok_or_else(|| anyhow!("task"))?;
                let wallet = net.wallet_balance(&who.pubkey()).await;
                totals.transactions += 1;
                match net
                    .send(&[client.reclaim_task(who.pubkey(), *t)], &[&who])
                    .await
                {
                    Ok(()) => {}
                    Err(e) if e.code == Some(merit_error(MeritError::NothingToReclaim)) => {}
                    Err(e) => return Err(anyhow!("reclaim_task: {e}")),
                }
                agents[c].reclaimed += net.wallet_balance(&who.pubkey()).await - wallet;
                // A task nobody submitted to closes on reclaim: keep its last state.
                closed_tasks.insert(*t, before);
            }
        }

        // The epoch ends: advance it and claim its emission.
        totals.transactions += 1;
        net.close_epoch(&keeper)
            .await
            .map_err(|e| anyhow!("advance_epoch: {e}"))?;
        let mut items = Vec::new();
        for (s, sub) in subs.iter().zip(&outcomes) {
            if sub.points > 0 {
                let a = &agents[s.author];
                items.push((
                    client.claim_submission_emission(a.key.pubkey(), s.task, epoch),
                    vec![&a.key],
                ));
            }
        }
        for (s, v, _) in &vote_points {
            let a = &agents[*v];
            items.push((
                client.claim_vote_emission(a.key.pubkey(), subs[*s].task, subs[*s].key, epoch),
                vec![&a.key],
            ));
        }
        // What each claim pays is the epoch share capped by its task's emission cap: read
        // it back from the agents' holdings.
        let mut before = Vec::with_capacity(agents.len());
        for a in &agents {
            before.push(holdings(&mut net, &a.key.pubkey()).await);
        }
        totals.transactions += items.len() as u64;
        check(net.send_batch(&items).await, "emission claim")?;
        for (a, before) in agents.iter_mut().zip(before) {
            a.emissions += holdings(&mut net, &a.key.pubkey()).await - before;
        }
        for a in agents.iter_mut() {
            let net_now = a.net();
            a.history.push(net_now);
        }
        progress.inc(u64::from(scenario.tasks_per_epoch));
    }

    reconcile(
        &mut net,
        &agents,
        &task_keys,
        &closed_tasks,
        &keeper,
        &mut totals,
    )
    .await?;
    Ok(Run { agents, totals })
}

fn merit_error(e: MeritError) -> u32 {
    anchor_lang::error::ERROR_CODE_OFFSET + e as u32
}

/// Tokens `owner` holds outside its stake: wallet and vesting balances.
async fn holdings(net: &mut Localnet, owner: &Pubkey) -> u64 {
    let vesting = net
        .account::<Vesting>(&pda::vesting(owner))
        .await
        .map(|v| v.unlocked + v.unvested)
        .unwrap_or(0);
    net.wallet_balance(owner).await + vesting
}

async fn fund(net: &mut Localnet, who: &Keypair, tokens: u64) -> Result<()> {
    net.airdrop(&who.pubkey(), 10_000_000_000)
        .await
        .map_err(|e| anyhow!("{e}"))?;
    net.create_ata(&who.pubkey())
        .await
        .map_err(|e| anyhow!("{e}"))?;
    net.mint_to(&who.pubkey(), tokens)
        .await
        .map_err(|e| anyhow!("{e}"))
}

fn population(s: &Scenario, rng: &mut ChaCha8Rng) -> Vec<Agent> {
    let p = &s.population;
    let groups = [
        (
            Strategy::HonestContributor,
            Role::Contributor,
            p.honest_contributors,
        ),
        (
            Strategy::LowEffortContributor,
            Role::Contributor,
            p.low_effort_contributors,
        ),
        (Strategy::Plagiarist, Role::Contributor, p.plagiarists),
        (Strategy::Spammer, Role::Contributor, p.spammers),
        (
            Strategy::ColludingBloc,
            Role::Contributor,
            p.colluding_contributors,
        ),
        (
            Strategy::HonestValidator,
            Role::Validator,
            p.honest_validators,
        ),
        (Strategy::LazyValidator, Role::Validator, p.lazy_validators),
        (
            Strategy::ColludingBloc,
            Role::Validator,
            p.colluding_validators,
        ),
        (Strategy::NonRevealer, Role::Validator, p.non_revealers),
        (Strategy::SlotSquatter, Role::Contributor, p.slot_squatters),
        (Strategy::FrontRunner, Role::Contributor, p.front_runners),
        (
            Strategy::EmissionFarmer,
            Role::Creator,
            u32::from(p.farmer_contributor_keys > 0),
        ),
        (
            Strategy::EmissionFarmer,
            Role::Contributor,
            p.farmer_contributor_keys,
        ),
        (
            Strategy::EmissionFarmer,
            Role::Validator,
            p.farmer_validator_keys,
        ),
        (Strategy::SybilSplitter, Role::Validator, p.sybil_keys),
        (Strategy::SeatRacer, Role::Validator, p.seat_racer_keys),
        (
            Strategy::CreatorConfiscator,
            Role::Creator,
            u32::from(p.confiscator_tasks > 0),
        ),
        (
            Strategy::CreatorConfiscator,
            Role::Validator,
            p.confiscator_validator_keys,
        ),
    ];
    let mut agents = Vec::new();
    for (strategy, role, count) in groups {
        for n in 0..count {
            let stake = match (strategy, role) {
                (_, Role::Creator) => 0,
                (_, Role::Contributor) => p.contributor_stake,
                (Strategy::SybilSplitter, _) => p.sybil_stake / u64::from(count),
                (Strategy::SeatRacer, _) => p.seat_racer_stake / u64::from(count),
                _ => rng.gen_range(p.validator_stake_min..=p.validator_stake_max),
            };
            let label = match role {
                Role::Creator => format!("{}-creator", strategy.name().replace(' ', "-")),
                _ => format!("{}-{}", strategy.name().replace(' ', "-"), n + 1),
            };
            agents.push(Agent {
                name: label,
                strategy,
                role,
                key: keypair(rng),
                stake: stake * TOKEN,
                funded: stake * TOKEN,
                rewards: 0,
                emissions: 0,
                slashed: 0,
                fees: 0,
                spent: 0,
                reclaimed: 0,
                work_value: 0,
                submissions: 0,
                votes: 0,
                history: Vec::new(),
            });
        }
    }
    if p.bloc_stake_share > 0.0 {
        // The bloc's validators hold `share` of all validator stake, split evenly.
        let is_bloc =
            |a: &Agent| a.strategy == Strategy::ColludingBloc && a.role == Role::Validator;
        let others: u64 = agents
            .iter()
            .filter(|a| a.role == Role::Validator && !is_bloc(a))
            .map(|a| a.stake)
            .sum();
        let bloc_total = (others as f64 * p.bloc_stake_share / (1.0 - p.bloc_stake_share)) as u64;
        let each = (bloc_total / u64::from(p.colluding_validators)).max(TOKEN);
        for a in agents.iter_mut().filter(|a| is_bloc(a)) {
            a.stake = each;
            a.funded = each;
        }
    }
    agents
}

/// Submissions landing in one slot: arrivals are spread over the submission window.
const ARRIVALS_PER_SLOT: usize = 4;

/// The confiscator's `k`th task id in epoch `e`.
fn confiscated_task_id(e: u32, k: u32) -> u64 {
    2_000_000 + u64::from(e) * 1_000 + u64::from(k)
}

/// The farmer's task id in epoch `e` (the public tasks use `e * 1_000 + k`).
fn farm_task_id(e: u32) -> u64 {
    1_000_000 + u64::from(e)
}

/// Reads back, from program and token accounts, the same totals the run booked.
async fn reconcile(
    net: &mut Localnet,
    agents: &[Agent],
    tasks: &[Pubkey],
    closed_tasks: &std::collections::BTreeMap<Pubkey, Task>,
    keeper: &Keypair,
    totals: &mut Totals,
) -> Result<()> {
    for a in agents {
        totals.rewards_booked += a.rewards;
        totals.emissions_booked += a.emissions;
        totals.slashed_booked += a.slashed;
        totals.fees_booked += a.fees;
        totals.agents_net_booked += a.net_on_chain();
        let wallet = net.wallet_balance(&a.key.pubkey()).await;
        let stake = net
            .account::<Stake>(&pda::stake(&a.key.pubkey()))
            .await
            .map(|s| s.deposited)
            .unwrap_or(0);
        let vesting = net
            .account::<Vesting>(&pda::vesting(&a.key.pubkey()))
            .await
            .map(|v| v.unlocked + v.unvested)
            .unwrap_or(0);
        totals.agents_net_on_chain += i128::from(wallet + stake + vesting) - i128::from(a.funded);
    }
    let mut fees_to_treasury = 0;
    for t in tasks {
        let task: Task = match net.account(t).await {
            Some(task) => task,
            None => closed_tasks
                .get(t)
                .cloned()
                .ok_or_else(|| anyhow!("task"))?,
        };
        totals.rewards_on_chain += task.paid_out;
        totals.fees_on_chain += task.fees;
        fees_to_treasury += task.fees_to_treasury + task.protocol_fee;
    }
    let config: Config = net
        .account(&pda::config())
        .await
        .ok_or_else(|| anyhow!("config"))?;
    totals.emissions_on_chain = config.emission_paid;
    // The treasury's share, swept or still pending in the stake vault, and the keeper's
    // slasher shares: liquid, or vesting when taken from unvested rewards.
    totals.slashed_on_chain = net.token_balance(&pda::treasury()).await + config.treasury_pending
        - fees_to_treasury
        + holdings(net, &keeper.pubkey()).await;
    Ok(())
}
