//! Scenario parameters: population, stakes, tasks, and every program parameter. Loaded
//! from TOML (`--scenario`), with every field defaulting to the built-in scenario.
use anyhow::{anyhow, bail, Context, Result};
use merit_client::{ConfigParams, CreateTaskArgs};
use serde::{Deserialize, Serialize};

/// Base units per whole token (the simulated mint has 6 decimals).
pub const TOKEN: u64 = 1_000_000;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scenario {
    pub seed: u64,
    pub epochs: u32,
    pub tasks_per_epoch: u32,
    /// Tokens funded for epoch emissions at the start.
    pub emission_funding: u64,
    pub population: Population,
    pub task: TaskTemplate,
    pub program: ProgramParams,
}

/// How many agents follow each strategy, and their stakes (in whole tokens).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Population {
    pub honest_contributors: u32,
    pub low_effort_contributors: u32,
    pub plagiarists: u32,
    pub spammers: u32,
    pub honest_validators: u32,
    pub lazy_validators: u32,
    /// Validators of the colluding bloc.
    pub colluding_validators: u32,
    /// Contributors of the colluding bloc (weak work, pushed by the bloc's votes).
    pub colluding_contributors: u32,
    pub non_revealers: u32,
    pub contributor_stake: u64,
    /// Validator stakes are drawn uniformly from this range.
    pub validator_stake_min: u64,
    pub validator_stake_max: u64,
    /// Honest validators score true quality ± this many points.
    pub honest_noise: u8,
    /// Share of plagiarism attempts that are exact copies of work the copier obtained
    /// (leaked) and committed after its author: revealed first, they are displaced by the
    /// author's older commitment and finalized Duplicate. The rest are lightly edited
    /// copies that validators recognise.
    pub plagiarist_exact_copy_share: f64,
    /// Contributors that commit junk to every task and never reveal.
    pub slot_squatters: u32,
    /// Contributors that copy an author's pending commitment and replay its reveal.
    pub front_runners: u32,
    /// The emission farmer's contributor keys (0: no farmer). It also has a creator key.
    pub farmer_contributor_keys: u32,
    /// The emission farmer's validator keys (stakes drawn like other validators').
    pub farmer_validator_keys: u32,
    /// Reward of the farmer's own task, posted every epoch, in whole tokens.
    pub farm_reward: u64,
    /// Keys the sybil splitter spreads `sybil_stake` over (0: none).
    pub sybil_keys: u32,
    pub sybil_stake: u64,
    /// Keys the seat racer spreads `seat_racer_stake` over (0: none).
    pub seat_racer_keys: u32,
    pub seat_racer_stake: u64,
    /// When above 0: the colluding validators' stakes are set so that they hold this
    /// share of all validator stake (the rest drawn as usual). `--sweep` it to find the
    /// share at which honest play stops dominating.
    pub bloc_stake_share: f64,
    /// Tasks the creator confiscator posts each epoch at the public reward (0: none).
    pub confiscator_tasks: u32,
    /// The confiscator's terms: its tasks' accept and reject thresholds.
    pub confiscator_accept_threshold: u8,
    pub confiscator_reject_threshold: u8,
    /// The confiscator's puppet validator keys (stakes drawn like other validators').
    pub confiscator_validator_keys: u32,
    /// The harshest terms a contributor who reads them still works under: it skips tasks
    /// whose accept threshold is above `terms_max_accept_threshold` or whose reject
    /// threshold is above `terms_max_reject_threshold`. 100 and 100: nobody reads terms.
    pub terms_max_accept_threshold: u8,
    pub terms_max_reject_threshold: u8,
    /// Tasks the withholding creator posts each epoch at the public reward (0: none).
    pub withholding_creator_tasks: u32,
    /// Its puppet validator keys (half never commit, half never reveal, on its tasks).
    pub withholding_validator_keys: u32,
    /// Tasks the gate capturer posts each epoch, at the highest vote gate allowed.
    pub gate_capturer_tasks: u32,
    /// Its puppet validator keys (they score its tasks 0).
    pub gate_capturer_validator_keys: u32,
    /// The draw re-roller's validator keys (0: none); it also has one contributor key.
    pub reroller_validator_keys: u32,
    /// The rival squatter's keys (0: none): at each epoch's first public task it takes
    /// every slot it can, one key a slot (one of them with good work).
    pub rival_squatter_keys: u32,
    /// Most tasks a contributor submits to per epoch (0: every task open to it).
    pub contributor_capacity: u32,
    /// Most submissions a validator judges per epoch, of those it was drawn for
    /// (0: all of them).
    pub validator_capacity: u32,
}

/// Every task posted in the simulation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TaskTemplate {
    pub reward: u64,
    pub bond: u64,
    /// Non-refundable fee per submission, in whole tokens.
    pub submission_fee: u64,
    /// Expected seats on each submission's committee.
    pub committee_size: u8,
    /// Committed seats a judging round needs to decide.
    pub quorum_seats: u16,
    /// Slots per task; the fee is at least the program's squatting floor for them.
    pub max_submissions: u16,
    pub accept_threshold: u8,
    pub reject_threshold: u8,
    pub validator_share_bps: u16,
    pub phase_secs: i64,
    pub min_reputation_submit: u16,
    pub min_reputation_vote: u16,
}

/// The program's `ConfigParams`, with token amounts in whole tokens.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ProgramParams {
    pub unstake_cooldown_secs: i64,
    pub min_validator_stake: u64,
    pub vote_bond_bps: u16,
    pub incoherence_slash_bps: u16,
    pub slasher_reward_bps: u16,
    pub coherence_tolerance: u8,
    pub keeper_bounty_lamports: u64,
    pub min_submission_bond: u64,
    pub min_submission_fee: u64,
    pub max_submission_fee: u64,
    pub task_fee_bps: u16,
    pub emission_cap_bps: u16,
    pub min_phase_secs: i64,
    pub max_task_duration_secs: i64,
    pub max_submissions_per_task: u16,
    pub epoch_length_secs: i64,
    pub initial_emission: u64,
    pub emission_decay_bps: u16,
    pub contributor_emission_bps: u16,
    pub vesting_duration_secs: i64,
    pub reputation_alpha_bps: u16,
    pub reputation_decay_bps: u16,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            seed: 7,
            epochs: 4,
            tasks_per_epoch: 3,
            emission_funding: 20_000,
            population: Population::default(),
            task: TaskTemplate::default(),
            program: ProgramParams::default(),
        }
    }
}

impl Default for Population {
    fn default() -> Self {
        Population {
            honest_contributors: 4,
            low_effort_contributors: 2,
            plagiarists: 2,
            spammers: 2,
            honest_validators: 9,
            lazy_validators: 2,
            colluding_validators: 2,
            colluding_contributors: 1,
            non_revealers: 1,
            contributor_stake: 200,
            validator_stake_min: 500,
            validator_stake_max: 1_500,
            honest_noise: 6,
            plagiarist_exact_copy_share: 0.5,
            slot_squatters: 1,
            front_runners: 1,
            farmer_contributor_keys: 3,
            farmer_validator_keys: 0,
            farm_reward: 10,
            sybil_keys: 4,
            sybil_stake: 400,
            seat_racer_keys: 4,
            seat_racer_stake: 400,
            bloc_stake_share: 0.0,
            confiscator_tasks: 1,
            confiscator_accept_threshold: 90,
            confiscator_reject_threshold: 50,
            confiscator_validator_keys: 2,
            withholding_creator_tasks: 1,
            withholding_validator_keys: 3,
            gate_capturer_tasks: 1,
            gate_capturer_validator_keys: 2,
            reroller_validator_keys: 3,
            // The rival squatter needs a task with fewer free slots than it has keys; the
            // default tasks take 256 submissions. Its own scenario runs it.
            rival_squatter_keys: 0,
            terms_max_accept_threshold: 80,
            terms_max_reject_threshold: 40,
            contributor_capacity: 0,
            validator_capacity: 0,
        }
    }
}

impl Default for TaskTemplate {
    fn default() -> Self {
        TaskTemplate {
            reward: 1_000,
            bond: 20,
            submission_fee: 1,
            committee_size: 16,
            quorum_seats: 5,
            max_submissions: 256,
            accept_threshold: 60,
            reject_threshold: 30,
            validator_share_bps: 3_000,
            phase_secs: 3_600,
            min_reputation_submit: 0,
            min_reputation_vote: 0,
        }
    }
}

impl Default for ProgramParams {
    fn default() -> Self {
        let d = ConfigParams::defaults(6);
        ProgramParams {
            unstake_cooldown_secs: d.unstake_cooldown_secs,
            min_validator_stake: 100,
            vote_bond_bps: d.vote_bond_bps,
            incoherence_slash_bps: d.incoherence_slash_bps,
            slasher_reward_bps: d.slasher_reward_bps,
            coherence_tolerance: d.coherence_tolerance,
            keeper_bounty_lamports: d.keeper_bounty_lamports,
            min_submission_bond: d.min_submission_bond / TOKEN,
            min_submission_fee: 1,
            max_submission_fee: d.max_submission_fee / TOKEN,
            task_fee_bps: d.task_fee_bps,
            emission_cap_bps: d.emission_cap_bps,
            min_phase_secs: d.min_phase_secs,
            max_task_duration_secs: d.max_task_duration_secs,
            max_submissions_per_task: d.max_submissions_per_task,
            epoch_length_secs: 24 * 3_600,
            initial_emission: 5_000,
            emission_decay_bps: d.emission_decay_bps,
            contributor_emission_bps: d.contributor_emission_bps,
            vesting_duration_secs: d.vesting_duration_secs,
            reputation_alpha_bps: d.reputation_alpha_bps,
            reputation_decay_bps: d.reputation_decay_bps,
        }
    }
}

impl ProgramParams {
    pub fn to_config(&self) -> ConfigParams {
        let d = ConfigParams::defaults(6);
        ConfigParams {
            unstake_cooldown_secs: self.unstake_cooldown_secs,
            min_validator_stake: self.min_validator_stake.saturating_mul(TOKEN),
            vote_bond_bps: self.vote_bond_bps,
            min_committee_size: d.min_committee_size,
            max_committee_size: d.max_committee_size,
            max_quorum_bps: d.max_quorum_bps,
            max_reject_threshold: d.max_reject_threshold,
            max_accept_threshold: d.max_accept_threshold,
            incoherence_slash_bps: self.incoherence_slash_bps,
            slasher_reward_bps: self.slasher_reward_bps,
            coherence_tolerance: self.coherence_tolerance,
            keeper_bounty_lamports: self.keeper_bounty_lamports,
            min_submission_bond: self.min_submission_bond.saturating_mul(TOKEN),
            min_submission_fee: self.min_submission_fee.saturating_mul(TOKEN),
            max_submission_fee: self.max_submission_fee.saturating_mul(TOKEN),
            task_fee_bps: self.task_fee_bps,
            emission_cap_bps: self.emission_cap_bps,
            min_phase_secs: self.min_phase_secs,
            max_task_duration_secs: self.max_task_duration_secs,
            max_submissions_per_task: self.max_submissions_per_task,
            epoch_length_secs: self.epoch_length_secs,
            initial_emission: self.initial_emission.saturating_mul(TOKEN),
            emission_decay_bps: self.emission_decay_bps,
            contributor_emission_bps: self.contributor_emission_bps,
            vesting_duration_secs: self.vesting_duration_secs,
            reputation_alpha_bps: self.reputation_alpha_bps,
            reputation_decay_bps: self.reputation_decay_bps,
            param_timelock_secs: d.param_timelock_secs,
            claim_window_secs: d.claim_window_secs,
            reputation_start_bps: d.reputation_start_bps,
            reputation_value_unit: d.reputation_value_unit,
            padding: [0; 3],
        }
    }
}

impl TaskTemplate {
    /// Arguments for task `id`, whose submission phase starts at `now`, with the fee at
    /// least the program's squatting floor for its slots (`Task::squat_fee_floor`).
    pub fn args(&self, id: u64, now: i64) -> CreateTaskArgs {
        let reward = self.reward * TOKEN;
        let floor = merit_client::Task::squat_fee_floor(
            reward,
            self.validator_share_bps,
            self.max_submissions,
        )
        .unwrap_or(u64::MAX);
        CreateTaskArgs {
            id,
            spec_hash: [id as u8; 32],
            uri: format!("sim://task/{id}"),
            reward: self.reward * TOKEN,
            submission_deadline: now + self.phase_secs,
            submission_reveal_deadline: now + 2 * self.phase_secs,
            commit_deadline: now + 3 * self.phase_secs,
            reveal_deadline: now + 4 * self.phase_secs,
            bond: self.bond * TOKEN,
            submission_fee: (self.submission_fee * TOKEN).max(floor),
            committee_size: self.committee_size,
            quorum_seats: self.quorum_seats,
            accept_threshold: self.accept_threshold,
            reject_threshold: self.reject_threshold,
            validator_share_bps: self.validator_share_bps,
            max_submissions: self.max_submissions,
            min_reputation_submit: self.min_reputation_submit,
            min_reputation_vote: self.min_reputation_vote,
        }
    }
}

impl Population {
    /// Contributor keys (the farmer's included).
    pub fn contributors(&self) -> u32 {
        self.honest_contributors
            + self.low_effort_contributors
            + self.plagiarists
            + self.spammers
            + self.colluding_contributors
            + self.slot_squatters
            + self.front_runners
            + self.farmer_contributor_keys
            + u32::from(self.reroller_validator_keys > 0)
            + self.rival_squatter_keys
    }

    /// Validator keys (the farmer's, the sybil splitter's and the seat racer's included).
    pub fn validators(&self) -> u32 {
        self.honest_validators
            + self.lazy_validators
            + self.colluding_validators
            + self.non_revealers
            + self.farmer_validator_keys
            + self.sybil_keys
            + self.seat_racer_keys
            + self.confiscator_validator_keys
            + self.withholding_validator_keys
            + self.gate_capturer_validator_keys
            + self.reroller_validator_keys
    }
}

impl Scenario {
    pub fn from_toml(text: &str) -> Result<Self> {
        toml::from_str(text).context("invalid scenario")
    }

    pub fn to_toml(&self) -> String {
        toml::to_string(self).unwrap_or_default()
    }

    /// Sets one parameter by its dotted path (`program.incoherence_slash_bps`,
    /// `population.lazy_validators`, `epochs`) to a TOML value.
    pub fn with_override(&self, path: &str, value: &str) -> Result<Scenario> {
        let mut doc: toml::Value = toml::Value::try_from(self)?;
        let parsed: toml::Value = toml::from_str::<toml::Table>(&format!("v = {value}"))
            .or_else(|_| toml::from_str::<toml::Table>(&format!("v = \"{value}\"")))?
            .remove("v")
            .ok_or_else(|| anyhow!("no value"))?;
        let mut node = &mut doc;
        let parts: Vec<&str> = path.split('.').collect();
        for (i, part) in parts.iter().enumerate() {
            let table = node
                .as_table_mut()
                .ok_or_else(|| anyhow!("{path}: not a table"))?;
            if !table.contains_key(*part) {
                bail!("unknown parameter {path}");
            }
            if i + 1 == parts.len() {
                table.insert(part.to_string(), parsed.clone());
                break;
            }
            node = table.get_mut(*part).ok_or_else(|| anyhow!("{path}"))?;
        }
        doc.try_into().with_context(|| format!("{path} = {value}"))
    }

    /// Checks what the program would refuse, before running anything.
    pub fn validate(&self) -> Result<()> {
        let p = &self.population;
        if p.validator_stake_min > p.validator_stake_max {
            bail!("validator_stake_min > validator_stake_max");
        }
        if self.epochs == 0 || self.tasks_per_epoch == 0 {
            bail!("epochs and tasks_per_epoch must be positive");
        }
        if 6 * self.task.phase_secs >= self.program.epoch_length_secs {
            bail!("a task (4 phases, and 2 for a second judging round) must fit in one epoch");
        }
        if !(0.0..=1.0).contains(&p.plagiarist_exact_copy_share) {
            bail!("plagiarist_exact_copy_share must be within 0..=1");
        }
        if !(0.0..1.0).contains(&p.bloc_stake_share) {
            bail!("bloc_stake_share must be within 0..1");
        }
        if p.bloc_stake_share > 0.0 && p.colluding_validators == 0 {
            bail!("bloc_stake_share needs colluding_validators");
        }
        if p.confiscator_tasks > 0
            && p.confiscator_reject_threshold >= p.confiscator_accept_threshold
        {
            bail!("the confiscator's reject threshold must be below its accept threshold");
        }
        if p.farmer_contributor_keys > 0 && p.farm_reward == 0 {
            bail!("the farmer's task needs a reward");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_scenario_round_trips_through_toml() {
        let s = Scenario::default();
        assert_eq!(Scenario::from_toml(&s.to_toml()).unwrap(), s);
        assert_eq!(Scenario::from_toml("").unwrap(), s);
    }

    #[test]
    fn overrides_set_one_dotted_parameter() {
        let s = Scenario::default();
        let o = s
            .with_override("program.incoherence_slash_bps", "9000")
            .unwrap();
        assert_eq!(o.program.incoherence_slash_bps, 9_000);
        let o = s
            .with_override("population.plagiarist_exact_copy_share", "0.25")
            .unwrap();
        assert_eq!(o.population.plagiarist_exact_copy_share, 0.25);
        assert!(s.with_override("program.nope", "1").is_err());
        assert!(s.with_override("epochs", "\"many\"").is_err());
    }
}
