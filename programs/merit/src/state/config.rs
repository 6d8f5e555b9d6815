use crate::constants::*;
use crate::error::MeritError;
use crate::math::SafeMath;
use crate::state::{Epoch, Side};
use anchor_lang::prelude::*;

/// Tunable protocol parameters, set at `initialize` and changed with `update_config`.
/// Tasks snapshot the ones that affect them at creation, so a change never alters
/// the rules of a task already running.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq, InitSpace)]
pub struct ConfigParams {
    /// Seconds between `request_unstake` and `withdraw_stake`.
    pub unstake_cooldown_secs: i64,
    /// Active stake (at the draw) a validator needs to sit on a committee, in base units.
    pub min_validator_stake: u64,
    /// Bond locked per vote seat, in basis points of the share of the task's reward one
    /// seat decides (reward / committee size), 1..=10,000: a full committee bonds this
    /// share of the reward. The same per seat for every key, however a stake is split;
    /// open votes can never lock more than the stake.
    pub vote_bond_bps: u16,
    /// Smallest expected committee (seats) a task may ask for (>= 3).
    pub min_committee_size: u8,
    /// Largest expected committee a task may ask for (<= 16).
    pub max_committee_size: u8,
    /// A task's quorum may be at most this share of its expected committee, in bps
    /// (1..=7,500), so that a committee of the expected size can always reach it.
    pub max_quorum_bps: u16,
    /// Highest reject threshold a task may set (a low bar for rejection protects honest
    /// work from a creator who would reject everything).
    pub max_reject_threshold: u8,
    /// Highest accept threshold a task may set (so that a task can be won).
    pub max_accept_threshold: u8,
    /// Share of an incoherent vote's bond that is slashed (0..=10,000).
    pub incoherence_slash_bps: u16,
    /// Share of every slash paid to the caller of `slash_*` (0..=2,000).
    pub slasher_reward_bps: u16,
    /// A revealed score is coherent when |score - consensus| <= this (0..=100).
    pub coherence_tolerance: u8,
    /// Lamports paid to the keeper of each finalization, funded by the task creator.
    pub keeper_bounty_lamports: u64,
    /// Smallest bond a task may demand per submission.
    pub min_submission_bond: u64,
    /// Smallest non-refundable fee a task may charge per submission (>= 1): the floor
    /// on what squatting a task's slots costs.
    pub min_submission_fee: u64,
    /// Largest fee a task may charge per submission.
    pub max_submission_fee: u64,
    /// Non-refundable protocol fee every task pays to the treasury at creation, in bps of
    /// its reward (1..=2,000, rounded up).
    pub task_fee_bps: u16,
    /// The emission a task's participants can be paid, all together, is at most this share
    /// of the task's protocol fee (0..=9,999: strictly below 100%, so self-dealing for
    /// emissions always loses money).
    pub emission_cap_bps: u16,
    /// Shortest allowed phase (submission, submission reveal, commit, reveal), in seconds.
    pub min_phase_secs: i64,
    /// Longest allowed task, from creation to reveal deadline, in seconds.
    pub max_task_duration_secs: i64,
    /// Largest `max_submissions` a task may set.
    pub max_submissions_per_task: u16,
    /// Length of an emission epoch, in seconds. A change applies from the next epoch opened.
    pub epoch_length_secs: i64,
    /// Tokens scheduled for epoch 0.
    pub initial_emission: u64,
    /// Each epoch's scheduled emission is this much (bps) below the previous one's.
    pub emission_decay_bps: u16,
    /// Share of each epoch's emission for contributors; validators get the rest.
    pub contributor_emission_bps: u16,
    /// Rewards and emissions vest linearly over this many seconds (0 = paid at once).
    pub vesting_duration_secs: i64,
    /// Step of the reputation moving average toward 10,000 or 0, in bps of the gap.
    pub reputation_alpha_bps: u16,
    /// Per idle epoch, reputation moves this much (bps of the gap) back toward
    /// `reputation_start_bps`.
    pub reputation_decay_bps: u16,
    /// Where a new key's reputation starts, and where idle records decay to: below
    /// neutral (0..5,000), so a fresh key opens no gate a track record does not.
    pub reputation_start_bps: u16,
    /// Value at stake (base units) from which an outcome moves reputation by the full
    /// `reputation_alpha_bps`; smaller outcomes move it proportionally less (> 0).
    pub reputation_value_unit: u64,
    /// Delay between `propose_config` and `apply_config`
    /// (`MIN_PARAM_TIMELOCK_SECS..=MAX_PARAM_TIMELOCK_SECS`).
    pub param_timelock_secs: i64,
    /// How long task rewards (from the task's finalization) and epoch emissions (from the
    /// epoch's end) stay claimable; after it anyone may expire them, returning what is
    /// unclaimed to the creator or the emission vault. Snapshotted by tasks and epochs.
    pub claim_window_secs: i64,
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
    /// What a task posted under these parameters gets for the terms its creator leaves
    /// out, for a committee of `committee` seats (default: the largest allowed): a quorum
    /// of half the committee rounded up, within `max_quorum_bps` (at least one seat); the
    /// thresholds and submission count within their caps; the minimum bond and fee.
    pub fn task_defaults(&self, committee: Option<u8>) -> TaskDefaults {
        let committee_size = committee.unwrap_or(self.max_committee_size);
        let max_quorum =
            (u32::from(committee_size) * u32::from(self.max_quorum_bps) / 10_000) as u16;
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
            max_submissions: DEFAULT_MAX_SUBMISSIONS.min(self.max_submissions_per_task),
            bond: self.min_submission_bond,
            submission_fee: self.min_submission_fee,
        }
    }

    /// The defaults documented in the README, for a mint with `decimals` decimals.
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
            param_timelock_secs: 2 * 24 * 3600,
            claim_window_secs: 180 * 24 * 3600,
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
            && (MIN_CLAIM_WINDOW_SECS..=MAX_CLAIM_WINDOW_SECS).contains(&self.claim_window_secs);
        require!(ok, MeritError::InvalidConfigParam);
        Ok(())
    }
}

/// The deployment's single configuration. PDA `["config"]`.
///
/// The fields most instructions read come first, before `params`: those instructions read
/// the config as a `LazyAccount`, field by field, and Anchor 1.2.2's lazy loader cannot yet
/// compute the offset of a field that follows a fixed-size struct (it slices an empty buffer
/// for its size and panics), so nothing read lazily may sit after `params`. A test
/// (`state::tests::lazily_read_config_fields_precede_params`) keeps it so.
#[account]
#[derive(InitSpace, Debug)]
pub struct Config {
    pub version: u8,
    pub bump: u8,
    pub stake_vault_bump: u8,
    pub treasury_bump: u8,
    /// May update parameters, pause, and hand the role over.
    pub admin: Pubkey,
    /// Proposed next admin; takes over only by signing `accept_admin`.
    pub pending_admin: Option<Pubkey>,
    /// The token staked, bonded and paid as reward.
    pub stake_mint: Pubkey,
    /// SPL Token or Token-2022, whichever owns `stake_mint`.
    pub token_program: Pubkey,
    pub mint_decimals: u8,
    /// PDA token account `["stake_vault"]` holding all stake.
    pub stake_vault: Pubkey,
    /// PDA token account `["treasury"]` receiving slashed stake.
    pub treasury_vault: Pubkey,
    /// PDA token account `["emission_vault"]` holding tokens to emit.
    pub emission_vault: Pubkey,
    /// PDA token account `["vesting_vault"]` holding vesting rewards.
    pub vesting_vault: Pubkey,
    /// When set, deposits, new tasks, submissions and commits are refused.
    pub paused: bool,
    /// When the current pause began (meaningful while `paused`).
    pub paused_at: i64,
    /// Seconds the protocol spent paused in pauses that have ended.
    pub paused_total_secs: i64,
    /// Index of the open epoch.
    pub current_epoch: u64,
    /// Stake active in the open epoch: deposited before it, less what was requested for
    /// unstake or slashed. Committees are drawn against this total.
    pub total_active_stake: u64,
    pub params: ConfigParams,
    pub emission_vault_bump: u8,
    pub vesting_vault_bump: u8,
    /// Everything ever slashed into the treasury.
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
    /// Parameters proposed by the admin, applicable from `pending_params_eta`.
    pub pending_params: Option<ConfigParams>,
    pub pending_params_eta: i64,
    pub reserved: [u8; 112],
}

impl Config {
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
        }
    }

    /// Records a pause starting or ending at `now` (no change when already in that state).
    pub fn set_paused(&mut self, paused: bool, now: i64) -> Result<()> {
        if paused && !self.paused {
            self.paused_at = now;
        } else if !paused && self.paused {
            self.paused_total_secs = self.pause().paused_secs(now)?;
            self.paused_at = 0;
        }
        self.paused = paused;
        Ok(())
    }

    pub fn require_not_paused(&self) -> Result<()> {
        self.pause().require_not_paused()
    }
}

/// Byte offset of `Config::pending_admin`'s tag in the account data (discriminator, the
/// four bumps and version, `admin`), and what separates the end of `pending_admin` from
/// `params`: the fixed fields between them (checked against Borsh by a unit test).
const PENDING_ADMIN_AT: usize = 8 + 4 + 32;
const PENDING_ADMIN_TO_PARAMS: usize = 32 + 32 + 1 + 32 * 4 + 1 + 8 * 4;

impl Config {
    /// `params` of a config read lazily. Anchor 1.2.2's `LazyAccount` cannot load a field
    /// whose type is a fixed-size struct (it sizes it by slicing an empty buffer, which
    /// panics), so this reads `params` at its offset: after the fixed fields and
    /// `pending_admin`'s 1 or 33 bytes.
    pub fn lazy_params(config: &LazyAccount<'_, Config>) -> Result<ConfigParams> {
        let data = config.as_ref().try_borrow_data()?;
        let tag = *data
            .get(PENDING_ADMIN_AT)
            .ok_or(ErrorCode::AccountDidNotDeserialize)?;
        let at = PENDING_ADMIN_AT + if tag == 0 { 1 } else { 33 } + PENDING_ADMIN_TO_PARAMS;
        let mut bytes = data.get(at..).ok_or(ErrorCode::AccountDidNotDeserialize)?;
        Ok(ConfigParams::deserialize(&mut bytes)?)
    }
}

/// Whether the protocol is paused, since when, and how long the pauses that ended lasted:
/// task clocks stop while it is paused. Read whole from a loaded config
/// ([`Config::pause`]) or field by field from one loaded lazily ([`PauseRecord::of`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PauseRecord {
    pub paused: bool,
    pub paused_at: i64,
    pub paused_total_secs: i64,
}

impl PauseRecord {
    /// The record of a config read lazily: its three fields, nothing else.
    pub fn of(config: &LazyAccount<'_, Config>) -> Result<Self> {
        // One load per statement: a first load while another field's borrow is alive
        // would panic.
        let paused = *config.load_paused()?;
        let paused_at = *config.load_paused_at()?;
        let paused_total_secs = *config.load_paused_total_secs()?;
        Ok(Self {
            paused,
            paused_at,
            paused_total_secs,
        })
    }

    /// Seconds the protocol has spent paused up to `now`, the current pause included.
    pub fn paused_secs(&self, now: i64) -> Result<i64> {
        if self.paused {
            self.paused_total_secs
                .safe_add(now.safe_sub(self.paused_at)?)
        } else {
            Ok(self.paused_total_secs)
        }
    }

    pub fn require_not_paused(&self) -> Result<()> {
        require!(!self.paused, MeritError::ProtocolPaused);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A config whose every field the instructions read lazily holds a distinct value.
    fn sample() -> Config {
        let key = |b: u8| Pubkey::new_from_array([b; 32]);
        Config {
            version: 1,
            bump: 254,
            stake_vault_bump: 3,
            treasury_bump: 4,
            admin: key(1),
            pending_admin: Some(key(2)),
            stake_mint: key(3),
            token_program: key(4),
            mint_decimals: 6,
            stake_vault: key(5),
            treasury_vault: key(6),
            emission_vault: key(7),
            vesting_vault: key(8),
            paused: true,
            paused_at: 1_234,
            paused_total_secs: 56,
            current_epoch: 9,
            total_active_stake: 777,
            params: ConfigParams::defaults(6),
            emission_vault_bump: 5,
            vesting_vault_bump: 6,
            total_slashed_to_treasury: 1,
            emission_funded: 2,
            emission_paid: 3,
            emission_reserved: 4,
            keeper_pool_lamports: 5,
            total_warming_stake: 6,
            pending_params: Some(ConfigParams::defaults(9)),
            pending_params_eta: 7,
            reserved: [0; 112],
        }
    }

    /// Every field an instruction reads through `LazyAccount<Config>` loads to its value.
    /// Anchor 1.2.2's lazy loader panics on a field placed after the fixed-size `params`;
    /// moving one of these there fails this test, and a new lazily read field must be
    /// added here (`every_lazily_read_field_is_checked` reads the instructions for them).
    #[test]
    fn lazily_read_config_fields_precede_params() {
        let config = sample();
        let mut data = Vec::new();
        config.try_serialize(&mut data).unwrap();
        let (key, owner, mut lamports) = (Pubkey::new_unique(), crate::ID, 1u64);
        let info = AccountInfo::new(&key, false, false, &mut lamports, &mut data, &owner, false);
        let lazy = LazyAccount::<Config>::try_from(&info).unwrap();
        assert_eq!(*lazy.load_bump().unwrap(), config.bump);
        assert_eq!(*lazy.load_stake_mint().unwrap(), config.stake_mint);
        assert_eq!(*lazy.load_token_program().unwrap(), config.token_program);
        assert_eq!(*lazy.load_mint_decimals().unwrap(), config.mint_decimals);
        assert_eq!(*lazy.load_stake_vault().unwrap(), config.stake_vault);
        assert_eq!(*lazy.load_treasury_vault().unwrap(), config.treasury_vault);
        assert_eq!(*lazy.load_emission_vault().unwrap(), config.emission_vault);
        assert_eq!(*lazy.load_vesting_vault().unwrap(), config.vesting_vault);
        assert_eq!(*lazy.load_current_epoch().unwrap(), config.current_epoch);
        assert_eq!(
            *lazy.load_total_active_stake().unwrap(),
            config.total_active_stake
        );
        assert_eq!(Config::lazy_params(&lazy).unwrap(), config.params);
        assert_eq!(PauseRecord::of(&lazy).unwrap(), config.pause());
    }

    /// `Config::lazy_params` finds `params` with and without a pending admin.
    #[test]
    fn lazy_params_reads_params_whatever_pending_admin_holds() {
        for pending_admin in [None, Some(Pubkey::new_unique())] {
            let mut config = sample();
            config.pending_admin = pending_admin;
            config.params.min_submission_fee = 4_321;
            let mut data = Vec::new();
            config.try_serialize(&mut data).unwrap();
            let (key, owner, mut lamports) = (Pubkey::new_unique(), crate::ID, 1u64);
            let info =
                AccountInfo::new(&key, false, false, &mut lamports, &mut data, &owner, false);
            let lazy = LazyAccount::<Config>::try_from(&info).unwrap();
            assert_eq!(Config::lazy_params(&lazy).unwrap(), config.params);
            assert_eq!(*lazy.load_current_epoch().unwrap(), config.current_epoch);
        }
    }

    /// The fields `lazily_read_config_fields_precede_params` checks are all the instructions
    /// load: a `load_<field>` of any other field fails here.
    #[test]
    fn every_lazily_read_field_is_checked() {
        const CHECKED: &[&str] = &[
            "bump",
            "stake_mint",
            "token_program",
            "mint_decimals",
            "stake_vault",
            "treasury_vault",
            "emission_vault",
            "vesting_vault",
            "current_epoch",
            "total_active_stake",
            "paused",
            "paused_at",
            "paused_total_secs",
        ];
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut files = Vec::new();
        for entry in std::fs::read_dir(format!("{dir}/instructions")).unwrap() {
            files.push(entry.unwrap().path().display().to_string());
        }
        for file in files {
            let src = std::fs::read_to_string(&file).unwrap();
            for (i, _) in src.match_indices(".load_") {
                let field: String = src[i + ".load_".len()..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                // `load_mut()` / `load_init()`: a whole zero-copy account (the task), not
                // a config field.
                if field == "mut" || field == "init" {
                    continue;
                }
                assert!(
                    CHECKED.contains(&field.as_str()),
                    "{file} loads config field `{field}` lazily: add it to \
                     lazily_read_config_fields_precede_params"
                );
            }
        }
    }
}
