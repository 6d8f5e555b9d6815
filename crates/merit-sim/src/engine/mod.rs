//! Runs a scenario on the in-process chain: agents post, submit, vote, and are settled by
//! the real program; every amount booked to an agent is read back from chain state.
//!
//! One file per phase of an epoch: `setup` (the chain, the population, their stake),
//! `post` (the epoch's tasks), `work` (submissions and their reveals), `judge` (draws and
//! votes, round by round), `keep` (the keeper: `merit_client::keeper::due`, as the crank
//! runs it), `settle` (claims, reclaims, emissions, and what each agent earned).
mod judge;
mod keep;
mod post;
mod settle;
mod setup;
mod work;

use crate::scenario::Scenario;
use crate::strategy::{Ballot, Role, Strategy};
use anchor_lang::prelude::Pubkey;
use anyhow::{anyhow, Result};
use indicatif::ProgressBar;
use merit::error::MeritError;
use merit_client::{ConfigParams, MeritClient, Task};
use merit_localnet::{Keypair, Localnet};
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeMap;

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
    /// Drawn validators reported absent by the keeper (`report_absence`).
    pub absences_reported: u64,
    /// Submissions judged in a second round, freshly drawn, because the first decided
    /// nothing.
    pub second_rounds: u64,
    /// Revealed submissions that ended unjudged (their shares went to the treasury).
    pub unjudged: u64,
    /// Committees the draw re-roller declined (it let the target age out for the
    /// fallback), and those of them that gave its bloc a majority on its own work.
    pub committees_declined: u64,
    pub declined_for_a_majority: u64,
    /// Submissions refused because a task was full (`TaskFull`).
    pub submissions_excluded: u64,
}

/// A submission the run committed, and what the simulator knows of it.
pub(crate) struct SubRecord {
    pub task: Pubkey,
    pub author: usize,
    pub key: Pubkey,
    pub quality: f64,
    pub content_hash: [u8; 32],
    pub salt: [u8; 32],
    /// An exact copy of another submission's content.
    pub copy: bool,
    /// A front-runner's copy of another contributor's commitment.
    pub front_run: bool,
    /// Committed only to hold a slot: never revealed.
    pub junk: bool,
}

/// A vote the run committed.
pub(crate) struct VoteRecord {
    pub sub: usize,
    pub validator: usize,
    pub round: u8,
    pub ballot: Ballot,
    pub salt: [u8; 32],
}

pub struct Run {
    pub agents: Vec<Agent>,
    pub totals: Totals,
}

/// Everything a run shares between its phases.
pub(crate) struct World<'a> {
    pub s: &'a Scenario,
    pub params: ConfigParams,
    pub net: Localnet,
    pub client: MeritClient,
    pub rng: ChaCha8Rng,
    pub agents: Vec<Agent>,
    /// The public creator, the keeper (the only one, but for the re-roller's tasks), and
    /// the emission funder.
    pub creator: Keypair,
    pub keeper: Keypair,
    pub totals: Totals,
    /// The tasks posted by an attacker's creator key, by owner: the rest are the public
    /// creator's.
    pub owner_of: BTreeMap<Pubkey, Strategy>,
    /// Tasks' last state before their creator reclaimed them (reclaim may close them).
    pub closed_tasks: BTreeMap<Pubkey, Task>,
    pub task_keys: Vec<Pubkey>,
    /// Seats each agent took this epoch (of its capacity, over every round).
    pub cast: Vec<usize>,
}

impl World<'_> {
    /// Agents of `role`, by index.
    pub fn with_role(&self, role: Role) -> Vec<usize> {
        (0..self.agents.len())
            .filter(|&i| self.agents[i].role == role)
            .collect()
    }

    /// The creator key of strategy `s`, if the scenario has one.
    pub fn creator_of(&self, s: Strategy) -> Option<usize> {
        self.agents
            .iter()
            .position(|a| a.role == Role::Creator && a.strategy == s)
    }
}

pub(crate) fn merit_error(e: MeritError) -> u32 {
    anchor_lang::error::ERROR_CODE_OFFSET + e as u32
}

pub(crate) fn check(results: Vec<Result<(), merit_localnet::TxError>>, what: &str) -> Result<()> {
    for r in results {
        r.map_err(|e| anyhow!("{what}: {e}"))?;
    }
    Ok(())
}

pub async fn run(scenario: &Scenario, progress: &ProgressBar) -> Result<Run> {
    let mut w = setup::world(scenario).await?;
    for epoch in 0..scenario.epochs {
        run_epoch(&mut w, epoch).await?;
        progress.inc(u64::from(scenario.tasks_per_epoch));
    }
    settle::reconcile(&mut w).await?;
    Ok(Run {
        agents: w.agents,
        totals: w.totals,
    })
}

/// One epoch: its tasks are posted, worked on, judged (a second round where the first
/// decided nothing), settled and claimed; then the epoch closes and its emission is claimed.
async fn run_epoch(w: &mut World<'_>, epoch: u32) -> Result<()> {
    w.cast = vec![0; w.agents.len()];
    let tasks = post::post_tasks(w, epoch).await?;
    let t0: Task = w
        .net
        .account(&tasks[0])
        .await
        .ok_or_else(|| anyhow!("task"))?;
    let subs = work::commit_work(w, &tasks).await?;
    w.net.set_time(t0.submission_deadline);
    let revealed = work::reveal_work(w, &subs).await?;
    w.net.set_time(t0.submission_reveal_deadline);
    judge::draw_tasks(w, &tasks, &subs).await?;
    let first: Vec<usize> = (0..subs.len()).filter(|&i| revealed[i]).collect();
    let mut votes = judge::commit_round(w, &subs, &first, 1).await?;
    w.net.set_time(t0.commit_deadline);
    judge::reveal_round(w, &subs, &votes, 1).await?;
    w.net.set_time(t0.reveal_deadline);
    keep::pass(w).await?;
    let second = judge::second_round_subs(w, &subs).await?;
    if !second.is_empty() {
        w.totals.second_rounds += second.len() as u64;
        votes.extend(judge::run_second_round(w, &subs, &second).await?);
    }
    keep::pass(w).await?;
    settle::claim(w, &subs, &votes).await?;
    settle::reclaim(w, &tasks, &subs, &revealed).await?;
    settle::close_epoch(w, &subs, &votes).await?;
    Ok(())
}
