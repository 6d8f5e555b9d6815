use crate::constants::*;
use crate::error::MeritError;
use crate::math::SafeMath;
use crate::state::{Epoch, Side};
use anchor_lang::prelude::*;

/// Tunable protocol parameters, set at `initialize` and changed by `propose_config` then,
/// after the timelock, `apply_config`.
/// Tasks snapshot the ones that affect them at creation, so a change never alters
/// the rules of a task already running. Stored in the zero-copy config (`repr(C)`, fields
/// ordered by alignment) and, Borsh-encoded in the same field order, taken as
/// `initialize`'s and `propose_config`'s argument and carried by the config events.
#[zero_copy]
#[repr(C)]
#[derive(borsh::BorshSerialize, borsh::BorshDeserialize, Debug, PartialEq, Eq, InitSpace)]
#[borsh(crate = "anchor_lang::prelude::borsh")]
pub struct ConfigParams {
    /// Seconds between `request_unstake` and `withdraw_stake`.
    pub unstake_cooldown_secs: i64,
    /// Active stake (at the draw) a validator needs to sit on a committee, in base units.
    pub min_validator_stake: u64,
    /// Lamports paid to the keeper of each finalization, funded by the task creator.
    pub keeper_bounty_lamports: u64,
    /// Smallest bond a task may demand per submission.
    pub min_submission_bond: u64,
    /// Smallest non-refundable fee a task may charge per submission (>= 1): the floor
    /// on what squatting a task's slots costs.
    pub min_submission_fee: u64,
    /// Largest fee a task may charge per submission.
    pub max_submission_fee: u64,
    /// Shortest allowed phase (submission, submission reveal, commit, reveal), in seconds.
    pub min_phase_secs: i64,
    /// Longest allowed task, from creation to reveal deadline, in seconds.
    pub max_task_duration_secs: i64,
    /// Length of an emission epoch, in seconds. A change applies from the next epoch opened.
    pub epoch_length_secs: i64,
    /// Tokens scheduled for epoch 0.
    pub initial_emission: u64,
    /// Rewards and emissions vest linearly over this many seconds (0 = paid at once).
    pub vesting_duration_secs: i64,
    /// Value at stake (base units) from which an outcome moves reputation by the full
    /// `reputation_alpha_bps`; smaller outcomes move it proportionally less (> 0).
    pub reputation_value_unit: u64,
    /// Delay between `propose_config` and `apply_config`
    /// (`MIN_PARAM_TIMELOCK_SECS..=MAX_PARAM_TIMELOCK_SECS`), at least the unstake
    /// cooldown: a staker who dislikes a proposal can leave before it applies.
    pub param_timelock_secs: i64,
    /// How long task rewards (from the task's finalization) and epoch emissions (from the
    /// epoch's end) stay claimable; after it anyone may expire them, returning what is
    /// unclaimed to the creator or the emission vault. Snapshotted by tasks and epochs.
    pub claim_window_secs: i64,
    /// Bond locked per vote seat, in basis points of the share of the task's reward one
    /// seat decides (reward / committee size), 1..=10,000: a full committee bonds this
    /// share of the reward. The same per seat for every key, however a stake is split;
    /// open votes can never lock more than the stake.
    pub vote_bond_bps: u16,
    /// A task's quorum may be at most this share of its expected committee, in bps
    /// (1..=7,500), so that a committee of the expected size can always reach it.
    pub max_quorum_bps: u16,
    /// Share of an incoherent vote's bond that is slashed (0..=10,000).
    pub incoherence_slash_bps: u16,
    /// Share of every slash paid to the caller of `slash_*` (0..=2,000).
    pub slasher_reward_bps: u16,
    /// Non-refundable protocol fee every task pays to the treasury at creation, in bps of
    /// its reward (1..=2,000, rounded up).
    pub task_fee_bps: u16,
    /// The emission a task's participants can be paid, all together, is at most this share
    /// of the task's protocol fee (0..=9,999: strictly below 100%, so self-dealing for
    /// emissions always loses money).
    pub emission_cap_bps: u16,
    /// Largest `max_submissions` a task may set.
    pub max_submissions_per_task: u16,
    /// Each epoch's scheduled emission is this much (bps) below the previous one's.
    pub emission_decay_bps: u16,
    /// Share of each epoch's emission for contributors; validators get the rest.
    pub contributor_emission_bps: u16,
    /// Step of the reputation moving average toward 10,000 or 0, in bps of the gap.
    pub reputation_alpha_bps: u16,
    /// Per idle epoch, reputation moves this much (bps of the gap) back toward
    /// `reputation_start_bps`.
    pub reputation_decay_bps: u16,
    /// Where a new key's reputation starts, and where idle records decay to: below
    /// neutral (0..5,000), so a fresh key opens no gate a track record does not.
    pub reputation_start_bps: u16,
    /// Smallest expected committee (seats) a task may ask for (>= 3).
    pub min_committee_size: u8,
    /// Largest expected committee a task may ask for (<= 16).
    pub max_committee_size: u8,
    /// Highest reject threshold a task may set (a low bar for rejection protects honest
    /// work from a creator who would reject everything).
    pub max_reject_threshold: u8,
    /// Highest accept threshold a task may set (so that a task can be won).
    pub max_accept_threshold: u8,
    /// A revealed score is coherent when |score - consensus| <= this (0..=100).
    pub coherence_tolerance: u8,
    /// Explicit padding (`repr(C)` alignment), always zero (`validate` checks it).
    pub padding: [u8; 3],
}

/// The terms a task gets for what its creator leaves out, under one config
/// ([`ConfigParams::task_defaults`]): the `DEFAULT_*` constants within the config's caps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaskDefaults {
    pub submit_secs: i64,
    pub reveal_work_secs: i64,
    pub commit_secs: i64,
    pub reveal_secs: i64,
    pub committee_size: u8,
    pub quorum_seats: u16,
    pub accept_threshold: u8,
    pub reject_threshold: u8,
    pub validator_share_bps: u16,
    pub max_submissions: u16,
    pub bond: u64,
    pub submission_fee: u64,
}

impl ConfigParams {
    /// The reputation rules new keys start under (tasks snapshot them: `TaskRules::rep`).
    pub fn rep(&self) -> crate::state::RepParams {
        crate::state::RepParams {
            start_bps: self.reputation_start_bps,
            decay_bps: self.reputation_decay_bps,
            alpha_bps: self.reputation_alpha_bps,
            value_unit: self.reputation_value_unit,
        }
    }

    /// What a task of `reward` posted under these parameters gets for the terms its
    /// creator leaves out, for a committee of `committee` seats (default: the largest
    /// allowed): a quorum of half the committee rounded up, within `max_quorum_bps` (at
    /// least one seat); the thresholds and submission count within their caps; the minimum
    /// bond; the least fee the program accepts for those terms (the config's minimum, or
    /// the squatting floor when higher: `Task::squat_fee_floor`).
    pub fn task_defaults(&self, committee: Option<u8>, reward: u64) -> TaskDefaults {
        let committee_size = committee.unwrap_or(self.max_committee_size);
        let max_quorum =
            (u32::from(committee_size) * u32::from(self.max_quorum_bps) / 10_000) as u16;
        let max_submissions = DEFAULT_MAX_SUBMISSIONS.min(self.max_submissions_per_task);
        let floor = crate::state::Task::squat_fee_floor(
            reward,
            DEFAULT_VALIDATOR_SHARE_BPS,
            max_submissions,
        )
        .unwrap_or(u64::MAX);
        TaskDefaults {
            submit_secs: DEFAULT_SUBMIT_SECS,
            reveal_work_secs: DEFAULT_REVEAL_WORK_SECS,
            commit_secs: DEFAULT_COMMIT_SECS,
            reveal_secs: DEFAULT_REVEAL_SECS,
            committee_size,
            quorum_seats: u16::from(committee_size).div_ceil(2).min(max_quorum).max(1),
            accept_threshold: DEFAULT_ACCEPT_THRESHOLD.min(self.max_accept_threshold),
            reject_threshold: DEFAULT_REJECT_THRESHOLD.min(self.max_reject_threshold),
            validator_share_bps: DEFAULT_VALIDATOR_SHARE_BPS,
            max_submissions,
            bond: self.min_submission_bond,
            submission_fee: self.min_submission_fee.max(floor),
        }
    }

    /// The defaults documented in docs/mechanism.md, for a mint with `decimals` decimals.
    pub fn defaults(decimals: u8) -> Self {
        let unit = 10u64.saturating_pow(decimals as u32);
        Self {
            unstake_cooldown_secs: 7 * 24 * 3600,
            min_validator_stake: unit,
            vote_bond_bps: 5_000,
            min_committee_size: 5,
            max_committee_size: MAX_COMMITTEE_SIZE,
            max_quorum_bps: 5_000,
            max_reject_threshold: 50,
            max_accept_threshold: 90,
            incoherence_slash_bps: 5_000,
            slasher_reward_bps: 1_000,
            coherence_tolerance: 15,
            keeper_bounty_lamports: 10_000,
            min_submission_bond: unit,
            min_submission_fee: (unit / 10).max(1),
            max_submission_fee: unit.saturating_mul(100),
            task_fee_bps: 500,
            emission_cap_bps: 8_000,
            min_phase_secs: 60,
            max_task_duration_secs: 90 * 24 * 3600,
            max_submissions_per_task: 256,
            epoch_length_secs: 7 * 24 * 3600,
            initial_emission: unit.saturating_mul(10_000),
            emission_decay_bps: 500,
            contributor_emission_bps: 6_000,
            vesting_duration_secs: 0,
            reputation_alpha_bps: 2_000,
            reputation_decay_bps: 1_000,
            reputation_start_bps: 4_000,
            reputation_value_unit: unit.saturating_mul(100),
            param_timelock_secs: 7 * 24 * 3600,
            claim_window_secs: 180 * 24 * 3600,
            padding: [0; 3],
        }
    }

    pub fn validate(&self) -> Result<()> {
        let ok = (0..=MAX_UNSTAKE_COOLDOWN_SECS).contains(&self.unstake_cooldown_secs)
            && self.min_validator_stake > 0
            && (1..=BPS_DENOMINATOR).contains(&self.vote_bond_bps)
            && (MIN_COMMITTEE_FLOOR..=self.max_committee_size).contains(&self.min_committee_size)
            && self.max_committee_size <= MAX_COMMITTEE_SIZE
            && (1..=MAX_QUORUM_BPS).contains(&self.max_quorum_bps)
            && self.max_reject_threshold >= 1
            && self.max_reject_threshold < self.max_accept_threshold
            && self.max_accept_threshold <= MAX_SCORE
            && self.incoherence_slash_bps <= BPS_DENOMINATOR
            && self.slasher_reward_bps <= MAX_SLASHER_REWARD_BPS
            && self.coherence_tolerance <= MAX_SCORE
            && self.keeper_bounty_lamports <= MAX_KEEPER_BOUNTY_LAMPORTS
            && self.min_submission_bond > 0
            && self.min_submission_fee > 0
            && self.min_submission_fee <= self.max_submission_fee
            && (1..=MAX_TASK_FEE_BPS).contains(&self.task_fee_bps)
            && self.emission_cap_bps < BPS_DENOMINATOR
            && (1..=MAX_PHASE_SECS_FLOOR).contains(&self.min_phase_secs)
            && self.max_task_duration_secs >= self.min_phase_secs.saturating_mul(4)
            && self.max_task_duration_secs <= MAX_TASK_DURATION_SECS
            && (1..=MAX_SUBMISSIONS_PER_TASK).contains(&self.max_submissions_per_task)
            && (MIN_EPOCH_SECS..=MAX_EPOCH_SECS).contains(&self.epoch_length_secs)
            && self.emission_decay_bps <= BPS_DENOMINATOR
            && self.contributor_emission_bps <= BPS_DENOMINATOR
            && (0..=MAX_VESTING_SECS).contains(&self.vesting_duration_secs)
            && (1..=BPS_DENOMINATOR).contains(&self.reputation_alpha_bps)
            && self.reputation_decay_bps <= BPS_DENOMINATOR
            && self.reputation_start_bps < NEUTRAL_REPUTATION
            && self.reputation_value_unit > 0
            && (MIN_PARAM_TIMELOCK_SECS..=MAX_PARAM_TIMELOCK_SECS)
                .contains(&self.param_timelock_secs)
            && self.param_timelock_secs >= self.unstake_cooldown_secs
            && (MIN_CLAIM_WINDOW_SECS..=MAX_CLAIM_WINDOW_SECS).contains(&self.claim_window_secs)
            && self.padding == [0; 3];
        require!(ok, MeritError::InvalidConfigParam);
        Ok(())
    }
}

/// The deployment's single configuration. PDA `["config"]`. Zero-copy
/// (`AccountLoader`, `repr(C)`, fields ordered by alignment, no implicit padding: checked
/// against `INIT_SPACE` at compile time): every instruction reads it in place, and the
/// ones that book into it (stake totals, emissions, the treasury) write it in place,
/// where Borsh cost about 8,000 compute units to read and write it back.
#[account(zero_copy(unsafe))]
#[repr(C)]
#[derive(InitSpace, Debug)]
pub struct Config {
    pub version: u8,
    pub bump: u8,
    pub stake_vault_bump: u8,
    pub treasury_bump: u8,
    pub mint_decimals: u8,
    /// When set, deposits, new tasks, submissions and commits are refused.
    pub paused: bool,
    pub emission_vault_bump: u8,
    pub vesting_vault_bump: u8,
    /// Whether `pending_admin` holds a proposed admin (see [`Config::pending_admin`]).
    pub has_pending_admin: bool,
    /// Whether `pending_params` holds proposed parameters (see [`Config::pending_params`]).
    pub has_pending_params: bool,
    /// Explicit padding (`repr(C)` alignment), always zero.
    pub padding: [u8; 6],
    /// May update parameters, pause, and hand the role over.
    pub admin: Pubkey,
    /// Proposed next admin; takes over only by signing `accept_admin`.
    pub pending_admin: Pubkey,
    /// The token staked, bonded and paid as reward.
    pub stake_mint: Pubkey,
    /// SPL Token or Token-2022, whichever owns `stake_mint`.
    pub token_program: Pubkey,
    /// PDA token account `["stake_vault"]` holding all stake.
    pub stake_vault: Pubkey,
    /// PDA token account `["treasury"]` receiving slashed stake.
    pub treasury_vault: Pubkey,
    /// PDA token account `["emission_vault"]` holding tokens to emit.
    pub emission_vault: Pubkey,
    /// PDA token account `["vesting_vault"]` holding vesting rewards.
    pub vesting_vault: Pubkey,
    /// When the current pause began (while `paused`), or the last one did.
    pub paused_at: i64,
    /// Seconds the protocol spent paused in pauses that have ended.
    pub paused_total_secs: i64,
    /// Index of the open epoch.
    pub current_epoch: u64,
    /// Stake active in the open epoch: deposited before it, less what was requested for
    /// unstake or slashed. Committees are drawn against this total.
    pub total_active_stake: u64,
    /// Everything ever slashed to the treasury (swept or still pending in the stake vault).
    pub total_slashed_to_treasury: u64,
    /// Tokens ever added with `fund_emissions`.
    pub emission_funded: u64,
    /// Tokens ever paid out of the emission vault.
    pub emission_paid: u64,
    /// Emissions fixed for closed epochs and not yet claimed.
    pub emission_reserved: u64,
    /// Lamports on this account (above rent) that pay `advance_epoch` keepers.
    pub keeper_pool_lamports: u64,
    /// Stake deposited during the open epoch: active from the next one.
    pub total_warming_stake: u64,
    pub pending_params_eta: i64,
    pub params: ConfigParams,
    /// Parameters proposed by the admin, applicable from `pending_params_eta`.
    pub pending_params: ConfigParams,
    /// The treasury's share of slashed stake, still held in the stake vault: a slash books
    /// it here instead of transferring it (one token CPI fewer per slash), and the
    /// permissionless `sweep_treasury` moves it to the treasury vault. Never any staker's:
    /// the stake vault holds the sum of deposits plus this.
    pub treasury_pending: u64,
    /// When the last pause ended (resumed, or ran out after `MAX_PAUSE_SECS`); the next
    /// may start once the protocol has run as long as that pause lasted.
    pub last_pause_end: i64,
    pub reserved: [u8; 96],
}

impl Config {
    /// Whether `apply_config` may run at `now`: parameters are pending (`NoPendingConfig`)
    /// and their timelock has passed (`TimelockNotElapsed`). Anyone may apply them.
    pub fn apply_check(&self, now: i64) -> Result<()> {
        require!(self.has_pending_params, MeritError::NoPendingConfig);
        require!(
            now >= self.pending_params_eta,
            MeritError::TimelockNotElapsed
        );
        Ok(())
    }

    pub fn signer_seeds(&self) -> [&[u8]; 2] {
        Self::signer_seeds_for(&self.bump)
    }

    /// The config PDA's signer seeds from its bump, for callers that must not hold a
    /// borrow of the config while they update it.
    pub fn signer_seeds_for(bump: &u8) -> [&[u8]; 2] {
        [CONFIG_SEED, std::slice::from_ref(bump)]
    }

    /// The config's accounting rule: the emission vault never owes more than was funded
    /// (`emission_paid + emission_reserved <= emission_funded`).
    pub fn invariant(&self) -> Result<()> {
        require!(
            self.emission_paid.safe_add(self.emission_reserved)? <= self.emission_funded,
            MeritError::EmissionOverdrawn
        );
        Ok(())
    }

    /// Tokens in the emission vault not yet promised to a closed epoch.
    pub fn emission_available(&self) -> Result<u64> {
        self.emission_funded
            .safe_sub(self.emission_paid)?
            .safe_sub(self.emission_reserved)
    }

    /// Books a claim of `points` on `epoch`'s `side` for a participant of `task`: returns
    /// `(paid, forfeited)`. The share is paid up to what is left of the task's emission cap;
    /// the rest is forfeited and, like the epoch side's rounding dust once its last point
    /// is claimed, released to the emission vault for later epochs.
    pub fn settle_emission(
        &mut self,
        epoch: &mut Epoch,
        side: Side,
        points: u64,
        task: &mut crate::state::Task,
    ) -> Result<(u64, u64)> {
        let (share, released) = epoch.claim(side, points)?;
        let paid = task.take_emission(share, points)?;
        epoch.record_paid(side, paid)?;
        self.emission_reserved = self.emission_reserved.safe_sub(share)?.safe_sub(released)?;
        self.emission_paid = self.emission_paid.safe_add(paid)?;
        self.invariant()?;
        Ok((paid, share.safe_sub(paid)?))
    }

    /// Books a deposit: it warms up during the open epoch.
    pub fn add_warming_stake(&mut self, amount: u64) -> Result<()> {
        self.total_warming_stake = self.total_warming_stake.safe_add(amount)?;
        Ok(())
    }

    /// Books stake that stopped counting (unstake requested, or slashed), as split by
    /// [`crate::state::Stake::remove_staked`].
    pub fn remove_stake(&mut self, removed: crate::state::StakeRemoval) -> Result<()> {
        self.total_warming_stake = self.total_warming_stake.safe_sub(removed.warming)?;
        self.total_active_stake = self.total_active_stake.safe_sub(removed.active)?;
        Ok(())
    }

    /// Opens a new epoch: what warmed up during the last one becomes active.
    pub fn activate_warming_stake(&mut self) -> Result<()> {
        self.total_active_stake = self.total_active_stake.safe_add(self.total_warming_stake)?;
        self.total_warming_stake = 0;
        Ok(())
    }

    /// The pause record, what a task's clock needs of the config.
    pub fn pause(&self) -> PauseRecord {
        PauseRecord {
            paused: self.paused,
            paused_at: self.paused_at,
            paused_total_secs: self.paused_total_secs,
            last_pause_end: self.last_pause_end,
        }
    }

    /// Records a pause starting or ending at `now` (no change when already in that state).
    /// A pause that ran out counts as ended when it ran out; a new one may start only once
    /// the protocol has run as long as the last pause lasted (`PauseTooSoon`).
    pub fn set_paused(&mut self, paused: bool, now: i64) -> Result<()> {
        let record = self.pause();
        let active = record.is_paused(now);
        if self.paused && !active || !paused && active {
            // End the pause that ran out (or is being lifted) before anything else;
            // `paused_at` keeps its start, for the next pause's check.
            self.paused_total_secs = record.paused_secs(now)?;
            self.last_pause_end = record.end_of_pause(now)?;
            self.paused = false;
        }
        if paused && !active {
            self.pause().pause_check(now)?;
            self.paused = true;
            self.paused_at = now;
        }
        Ok(())
    }

    pub fn require_not_paused(&self, now: i64) -> Result<()> {
        self.pause().require_not_paused(now)
    }

    /// Whether `sweep_treasury` has anything to move: the rule the instruction applies and
    /// keepers call.
    pub fn sweep_check(&self) -> Result<()> {
        require!(self.treasury_pending > 0, MeritError::NothingToSweep);
        Ok(())
    }

    /// Takes the treasury's pending share for a sweep: returns it and books it as swept.
    pub fn take_treasury_pending(&mut self) -> Result<u64> {
        self.sweep_check()?;
        Ok(std::mem::take(&mut self.treasury_pending))
    }
}

impl Config {
    /// Whether `data` (discriminator included) holds bytes the program could have written
    /// for the config: exactly its size and valid bools (see [`crate::state::Task::check_bytes`]).
    pub fn check_bytes(data: &[u8]) -> Result<()> {
        super::check_zero_copy::<Config>(
            data,
            &[
                (core::mem::offset_of!(Config, paused), 1),
                (core::mem::offset_of!(Config, has_pending_admin), 1),
                (core::mem::offset_of!(Config, has_pending_params), 1),
            ],
        )
    }

    /// The proposed admin, if any (`propose_admin`; `accept_admin` clears it).
    pub fn pending_admin(&self) -> Option<Pubkey> {
        self.has_pending_admin.then_some(self.pending_admin)
    }

    pub fn set_pending_admin(&mut self, admin: Option<Pubkey>) {
        self.has_pending_admin = admin.is_some();
        self.pending_admin = admin.unwrap_or_default();
    }

    /// The proposed parameters, if any (`propose_config`; applied or cancelled after).
    pub fn pending_params(&self) -> Option<ConfigParams> {
        self.has_pending_params.then_some(self.pending_params)
    }

    pub fn set_pending_params(&mut self, params: Option<ConfigParams>) {
        self.has_pending_params = params.is_some();
        self.pending_params = params.unwrap_or_else(bytemuck::Zeroable::zeroed);
    }
}

/// Whether the protocol is paused, since when, and how long the pauses that ended lasted:
/// task clocks stop while it is paused ([`Config::pause`]). A pause lasts at most
/// `MAX_PAUSE_SECS`, then ends by itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PauseRecord {
    pub paused: bool,
    pub paused_at: i64,
    pub paused_total_secs: i64,
    pub last_pause_end: i64,
}

impl PauseRecord {
    /// Whether a pause is in force at `now`: set, and not yet run out.
    pub fn is_paused(&self, now: i64) -> bool {
        self.paused && now < self.paused_at.saturating_add(MAX_PAUSE_SECS)
    }

    /// When the current pause ends if lifted at `now`: `now`, or when it ran out.
    pub fn end_of_pause(&self, now: i64) -> Result<i64> {
        Ok(now.min(self.paused_at.safe_add(MAX_PAUSE_SECS)?))
    }

    /// Seconds the protocol has spent paused up to `now`, the current pause included (at
    /// most `MAX_PAUSE_SECS` of it).
    pub fn paused_secs(&self, now: i64) -> Result<i64> {
        if self.paused {
            self.paused_total_secs
                .safe_add(self.end_of_pause(now)?.safe_sub(self.paused_at)?)
        } else {
            Ok(self.paused_total_secs)
        }
    }

    /// Whether a new pause may start at `now`, no pause being in force: the protocol has
    /// run at least as long as the last pause lasted since it ended (so it runs at least
    /// half of any stretch of time, and every task gets its windows in full).
    pub fn pause_check(&self, now: i64) -> Result<()> {
        let (start, end) = if self.paused {
            (self.paused_at, self.end_of_pause(now)?)
        } else {
            (self.paused_at, self.last_pause_end)
        };
        let lasted = end.safe_sub(start)?.max(0);
        require!(
            end == 0 || now >= end.safe_add(lasted)?,
            MeritError::PauseTooSoon
        );
        Ok(())
    }

    pub fn require_not_paused(&self, now: i64) -> Result<()> {
        require!(!self.is_paused(now), MeritError::ProtocolPaused);
        Ok(())
    }
}

// The zero-copy layouts have no implicit padding: their sizes are the sums of their fields
// (what `InitSpace` adds up), so their bytes are their fields in order, as the IDL says.
const _: () = assert!(core::mem::size_of::<Config>() == <Config as Space>::INIT_SPACE);
const _: () = assert!(core::mem::size_of::<ConfigParams>() == <ConfigParams as Space>::INIT_SPACE);

/// `Config`'s size without its discriminator, pinned: a layout change is a conscious one
/// (openbook-v2's `const_assert_eq!(size_of::<Market>(), 840)`).
const _: () = assert!(core::mem::size_of::<Config>() == 760);
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_config_layout_is_its_fields_in_order() {
        assert_eq!(core::mem::size_of::<Config>(), Config::INIT_SPACE);
        assert_eq!(
            core::mem::size_of::<ConfigParams>(),
            ConfigParams::INIT_SPACE
        );
        assert_eq!(core::mem::offset_of!(Config, admin), 16);
        assert_eq!(core::mem::offset_of!(Config, params) % 8, 0);
    }

    /// The Borsh encoding of the parameters (the instructions' argument) is their
    /// zero-copy bytes: one field order for both.
    #[test]
    fn the_params_argument_is_the_stored_bytes() {
        let params = ConfigParams::defaults(6);
        let borsh = borsh::to_vec(&params).unwrap();
        assert_eq!(borsh, bytemuck::bytes_of(&params));
    }

    #[test]
    fn pending_values_round_trip() {
        let mut config = <Config as bytemuck::Zeroable>::zeroed();
        assert_eq!(config.pending_admin(), None);
        assert_eq!(config.pending_params(), None);
        let admin = Pubkey::new_unique();
        config.set_pending_admin(Some(admin));
        assert_eq!(config.pending_admin(), Some(admin));
        config.set_pending_admin(None);
        assert_eq!(
            (config.pending_admin(), config.pending_admin),
            (None, Pubkey::default())
        );
        let params = ConfigParams::defaults(9);
        config.set_pending_params(Some(params));
        assert_eq!(config.pending_params(), Some(params));
        config.set_pending_params(None);
        assert_eq!(config.pending_params(), None);
        assert!(bytemuck::bytes_of(&config.pending_params)
            .iter()
            .all(|b| *b == 0));
    }
}
