use crate::constants::*;
use crate::error::MeritError;
use crate::math::{bps_floor, mul_div_ceil, mul_div_floor, SafeMath};
use anchor_lang::prelude::*;

/// Stored as one byte in the zero-copy [`Task`] (`repr(u8)`: `Open` 0, `Finalized` 1, the
/// bytes Borsh gives its variants, so the IDL's coder reads it unchanged).
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq, InitSpace)]
#[repr(u8)]
pub enum TaskState {
    /// Accepting submissions, votes or finalizations.
    Open,
    /// Every submission is final; claims and reclaim are open.
    Finalized,
}

/// Where a task stands on its own clock ([`Task::clock`]): the window that is open now.
/// The windows are the ones the `require_*` checks enforce; clients show and plan by it
/// (the SDK's `taskPhase` is pinned to it by the vectors).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskPhase {
    /// Contributors commit to hidden work (`submit`).
    Submission,
    /// Contributors reveal the work they committed to (`reveal_submission`).
    SubmissionReveal,
    /// Drawn validators commit hidden scores (`commit_vote`; `draw` runs first).
    Commit,
    /// Validators reveal their scores (`reveal_vote`).
    Reveal,
    /// Reveals are closed; keepers finalize the submissions and the task.
    Settlement,
    /// Every submission is final: claims, slashes and the creator's reclaim.
    Finalized,
}

/// Protocol parameters copied from the config when the task was created.
#[zero_copy(unsafe)]
#[repr(C)]
#[derive(Debug, PartialEq, Eq, InitSpace)]
pub struct TaskRules {
    pub keeper_bounty_lamports: u64,
    /// Active stake at the draw a validator needs to sit on a committee.
    pub min_validator_stake: u64,
    /// How long after the task's finalization its rewards stay claimable.
    pub claim_window_secs: i64,
    /// How long its rewards vest once claimed (0: paid straight to the wallet).
    pub vesting_duration_secs: i64,
    pub vote_bond_bps: u16,
    pub incoherence_slash_bps: u16,
    pub slasher_reward_bps: u16,
    pub coherence_tolerance: u8,
    /// Explicit padding (`repr(C)` alignment), always zero.
    pub padding: [u8; 1],
}

/// A posted task. PDA `["task", creator, id (u64 LE)]`; its reward sits in the
/// token account `["task_vault", task]`, whose authority is the task itself.
///
/// Zero-copy (`AccountLoader`): read and written in place, never (de)serialized, since
/// almost every instruction touches the task and Borsh cost about 6,800 compute units to
/// read and write it back (`docs/compute-units.md`). `repr(C)` with its fields ordered by
/// alignment and no implicit padding (a test checks `size_of` against `INIT_SPACE`), so
/// its bytes are also exactly what the IDL's Borsh coder reads, field after field. The
/// enum and bools are only ever written by the program (`zero_copy(unsafe)`, as Drift's
/// accounts do).
#[account(zero_copy(unsafe))]
#[repr(C)]
#[derive(InitSpace, Debug)]
pub struct Task {
    pub version: u8,
    pub bump: u8,
    pub state: TaskState,
    /// The claim window passed and `expire_task` returned what was unclaimed to the
    /// creator: later claims unlock bonds but pay nothing.
    pub expired: bool,
    /// Expected seats on each submission's committee.
    pub committee_size: u8,
    /// Consensus score at or above which a submission is Accepted.
    pub accept_threshold: u8,
    /// Consensus score below which a submission is Rejected.
    pub reject_threshold: u8,
    /// Length of `uri` in bytes.
    pub uri_len: u8,
    /// The task's token vault `["task_vault", task]`, recorded at creation so that
    /// instructions pin it by address instead of re-deriving it.
    pub vault: Pubkey,
    pub creator: Pubkey,
    /// Chosen by the creator; unique per creator.
    pub id: u64,
    /// Tokens escrowed at creation.
    pub reward: u64,
    /// Submissions are committed while `now < submission_deadline`.
    pub submission_deadline: i64,
    /// Submissions are revealed while `submission_deadline <= now < submission_reveal_deadline`.
    pub submission_reveal_deadline: i64,
    /// Votes are committed while `submission_reveal_deadline <= now < commit_deadline`.
    pub commit_deadline: i64,
    /// Votes are revealed while `commit_deadline <= now < reveal_deadline`.
    pub reveal_deadline: i64,
    /// Stake locked from each contributor per submission.
    pub bond: u64,
    /// Tokens each submission pays, non-refundable, to its coherent judges (or the
    /// treasury when none): what squatting a slot costs whatever happens next.
    pub submission_fee: u64,
    /// Sum of consensus scores of accepted submissions.
    pub accepted_score_sum: u64,
    /// Keeper bounty lamports still held on this account (above rent).
    pub bounty_remaining: u64,
    /// Tokens still owed to accepted contributors (set at task finalization).
    pub contributor_liability: u64,
    /// Tokens still owed to coherent validators.
    pub validator_liability: u64,
    /// Non-refundable protocol fee paid to the treasury at creation
    /// (`task_fee_bps` of the reward, rounded up).
    pub protocol_fee: u64,
    /// Most emission this task's participants can be paid, all together:
    /// `emission_cap_bps` (< 100%) of `protocol_fee`.
    pub emission_cap: u64,
    /// Emission paid so far to this task's participants.
    pub emission_paid: u64,
    /// Submission fees paid into the vault.
    pub fees: u64,
    /// Fees sent to the treasury (submissions no coherent judge was paid for).
    pub fees_to_treasury: u64,
    /// Tokens paid to contributors and validators.
    pub paid_out: u64,
    /// Tokens returned to the creator.
    pub reclaimed: u64,
    /// When `finalize_task` ran (0 before).
    pub finalized_at: i64,
    /// The config's paused seconds when the task was created: every pause after that
    /// extends the task's windows (see `Task::clock`).
    pub paused_base: i64,
    pub rules: TaskRules,
    pub draw: Draw,
    /// Hash of the task specification.
    pub spec_hash: [u8; 32],
    /// `terms_hash()` at creation: a submission names it, so a task re-created at the same
    /// address with other terms cannot catch a pending `submit`.
    pub terms_hash: [u8; 32],
    /// Share of `reward` paid to coherent validators, in basis points.
    pub validator_share_bps: u16,
    /// Revealed seats a submission needs for a consensus.
    pub quorum_seats: u16,
    pub max_submissions: u16,
    /// Reputation (bps) a contributor needs to submit.
    pub min_reputation_submit: u16,
    /// Reputation (bps) a validator needs to commit a vote.
    pub min_reputation_vote: u16,
    pub submission_count: u16,
    pub finalized_count: u16,
    pub accepted_count: u16,
    /// Accepted submissions that have not claimed yet.
    pub accepted_unclaimed: u16,
    /// Submissions not yet closed.
    pub open_submissions: u16,
    /// Where the specification can be read: UTF-8, its first `uri_len` bytes (see
    /// [`Task::uri`]); the rest is zero.
    pub uri: [u8; MAX_URI_LEN],
    pub reserved: [u8; 60],
}

/// The signer seeds of a task PDA, copied out of the task ([`Task::signer`]).
pub struct TaskSigner {
    creator: Pubkey,
    id: [u8; 8],
    bump: [u8; 1],
}

impl TaskSigner {
    /// Runs `f` with the task's signer seeds.
    pub fn with<R>(&self, f: impl FnOnce(&[&[&[u8]]]) -> R) -> R {
        let seeds: [&[u8]; 4] = [TASK_SEED, self.creator.as_ref(), &self.id, &self.bump];
        f(&[&seeds])
    }
}

/// The committee draw of a task: scheduled by the first `draw` after submissions close
/// (which fixes the epoch and the active stake the lot is drawn against, and a target
/// slot nobody knows the hash of yet), done by a `draw` after the target slot.
#[zero_copy(unsafe)]
#[repr(C)]
#[derive(Debug, PartialEq, Eq, InitSpace)]
pub struct Draw {
    /// Slot whose hash (or that of the first produced slot after it) seeds the draw; 0
    /// before the draw is scheduled.
    pub target_slot: u64,
    /// Epoch whose active stake counts.
    pub epoch: u64,
    /// Total active stake in `epoch`, when the draw was scheduled.
    pub total_stake: u64,
    /// The committee seed; valid once `drawn`.
    pub seed: [u8; 32],
    pub drawn: bool,
    /// Explicit padding (`repr(C)` alignment), always zero.
    pub padding: [u8; 7],
}

impl Draw {
    pub fn is_scheduled(&self) -> bool {
        self.target_slot != 0
    }

    /// Targets the slot `DRAW_DELAY_SLOTS` after `slot`. The first scheduling also fixes
    /// the epoch and total active stake the lot is drawn against; a rescheduling (the
    /// target aged out of `SlotHashes`) keeps them. Returns whether this was the first.
    pub fn schedule(&mut self, slot: u64, epoch: u64, total_active_stake: u64) -> bool {
        let first = !self.is_scheduled();
        if first {
            self.epoch = epoch;
            self.total_stake = total_active_stake;
        }
        self.target_slot = slot.saturating_add(DRAW_DELAY_SLOTS);
        first
    }

    /// Fixes the committee seed of `task` from the hash of `slot`.
    pub fn seed_from(&mut self, task: &Pubkey, slot: u64, slot_hash: &[u8; 32]) {
        self.seed = crate::sortition::task_seed(task, slot, slot_hash);
        self.drawn = true;
    }
}

impl Task {
    /// The seats `validator`, with `active_stake` at the draw, holds on `submission`'s
    /// committee (0 before the draw).
    pub fn seats_for(&self, submission: &Pubkey, validator: &Pubkey, active_stake: u64) -> u64 {
        if !self.draw.drawn || active_stake < self.rules.min_validator_stake {
            return 0;
        }
        crate::sortition::drawn_seats(
            &self.draw.seed,
            submission,
            validator,
            active_stake,
            self.draw.total_stake,
            self.committee_size,
        )
    }

    /// The bond a vote holding `seats` seats locks: `ceil(seats * reward * vote_bond_bps /
    /// (10,000 * committee_size))`, so that a full committee bonds `vote_bond_bps` of the
    /// task's reward, the most any one submission can win.
    ///
    /// Every seat carries the same risk, whoever holds it: a stake spread over many small
    /// keys (each drawn rarely) lowers nobody's risk per token. The bond is never capped at
    /// a key's stake: a key too small to bond its seats cannot vote, rather than hold them
    /// for less (a cap let keys smaller than one seat's bond risk less per seat). The bond follows the
    /// value a seat decides, not the network's stake: with a bond of a share of the total
    /// stake per seat, the whole network could bond only `1 / vote_bond_bps` committees
    /// at once (ten, at 10%), so most submissions of a busy epoch found no quorum and
    /// their creators took revealed work back for free (the confiscator of the
    /// simulator). Now the stake that can be bonded at once covers `total_stake /
    /// (reward * vote_bond_bps)` full committees, and grows with the stake.
    pub fn vote_bond(&self, seats: u64) -> Result<u64> {
        let per_seats = seats.safe_mul(u64::from(self.rules.vote_bond_bps))?;
        let denominator = u64::from(crate::constants::BPS_DENOMINATOR)
            .safe_mul(u64::from(self.committee_size))?;
        mul_div_ceil(self.reward, per_seats, denominator)
    }

    /// The draw may happen while commits are open: after submissions close.
    pub fn require_draw_due(&self, now: i64) -> Result<()> {
        require!(
            now >= self.submission_deadline && now < self.commit_deadline,
            MeritError::DrawNotDue
        );
        require!(!self.draw.drawn, MeritError::AlreadyDrawn);
        Ok(())
    }

    pub fn validator_pool(&self) -> Result<u64> {
        bps_floor(self.reward, self.validator_share_bps)
    }

    pub fn contributor_pool(&self) -> Result<u64> {
        self.reward.safe_sub(self.validator_pool()?)
    }

    /// Each submission's equal slice of the validator pool.
    pub fn validator_slice(&self) -> Result<u64> {
        self.validator_pool()?
            .safe_div(u64::from(self.submission_count))
    }

    /// Each submission's equal share of the contributor pool: the value at stake in a
    /// contributor's outcome (what its reputation moves with).
    pub fn slot_value(&self) -> Result<u64> {
        self.contributor_pool()?
            .safe_div(u64::from(self.submission_count))
    }

    /// The value the creator put up for an accepted submission with `consensus`: its slot,
    /// scaled by its score. What its merit points scale with.
    pub fn submission_value(&self, consensus: u8) -> Result<u64> {
        mul_div_floor(
            self.slot_value()?,
            u64::from(consensus),
            u64::from(MAX_SCORE),
        )
    }

    /// The value at stake in a vote of `weight` seats: its share of the submission's
    /// validator slice for an expected committee (at most the whole slice).
    pub fn seat_value(&self, weight: u64) -> Result<u64> {
        let seats = u64::from(self.committee_size).max(1);
        mul_div_floor(self.validator_slice()?, weight.min(seats), seats)
    }

    /// The value the creator pays a coherent vote of `weight` seats among `coherent_weight`:
    /// its share of the submission's validator slice. What its merit points scale with.
    pub fn vote_value(&self, weight: u64, coherent_weight: u64) -> Result<u64> {
        mul_div_floor(self.validator_slice()?, weight, coherent_weight)
    }

    /// The protocol fee a task with `reward` pays under `params`, `ceil(reward *
    /// task_fee_bps / 10,000)` (at least one base unit), and the most emission its
    /// participants can be paid, `floor(fee * emission_cap_bps / 10,000)`, which is always
    /// below the fee.
    pub fn protocol_fee_and_cap(
        reward: u64,
        params: &crate::state::ConfigParams,
    ) -> Result<(u64, u64)> {
        let fee = crate::math::bps_ceil(reward, params.task_fee_bps)?;
        Ok((fee, bps_floor(fee, params.emission_cap_bps)?))
    }

    /// Books an emission claim of `share` for `points` against this task's cap: returns
    /// what may be paid, at most `emission_cap * points / reward` (each participant's part
    /// of the cap in proportion to the value it was paid, so early claimants cannot take
    /// the others' part) and at most what is left of the cap. The rest is forfeited and
    /// stays in the emission vault for later epochs.
    pub fn take_emission(&mut self, share: u64, points: u64) -> Result<u64> {
        let room = self.emission_cap.safe_sub(self.emission_paid)?;
        let part = mul_div_floor(self.emission_cap, points, self.reward)?;
        let paid = share.min(part).min(room);
        self.emission_paid = self.emission_paid.safe_add(paid)?;
        Ok(paid)
    }

    /// Tokens the vault must hold: what was escrowed and paid in fees, less what left it.
    pub fn vault_expected(&self) -> Result<u64> {
        self.reward
            .safe_add(self.fees)?
            .safe_sub(self.fees_to_treasury)?
            .safe_sub(self.paid_out)?
            .safe_sub(self.reclaimed)
    }

    /// Tokens nobody can claim any more, which the creator may take back.
    pub fn reclaimable(&self) -> Result<u64> {
        self.vault_expected()?
            .safe_sub(self.contributor_liability)?
            .safe_sub(self.validator_liability)
    }

    /// Lamports a new task escrows for its keepers: one bounty per submission finalized,
    /// two for the draw, one for the task's finalization.
    pub fn bounty_escrow(params: &crate::state::ConfigParams, max_submissions: u16) -> Result<u64> {
        params
            .keeper_bounty_lamports
            .safe_mul(u64::from(max_submissions).safe_add(3)?)
    }

    /// The phase at `now` on the task's clock.
    pub fn phase(&self, now: i64) -> TaskPhase {
        if self.state == TaskState::Finalized {
            TaskPhase::Finalized
        } else if now < self.submission_deadline {
            TaskPhase::Submission
        } else if now < self.submission_reveal_deadline {
            TaskPhase::SubmissionReveal
        } else if now < self.commit_deadline {
            TaskPhase::Commit
        } else if now < self.reveal_deadline {
            TaskPhase::Reveal
        } else {
            TaskPhase::Settlement
        }
    }

    pub fn require_submission_open(&self, now: i64) -> Result<()> {
        require!(
            now < self.submission_deadline,
            MeritError::SubmissionWindowClosed
        );
        Ok(())
    }

    pub fn require_submission_reveal_open(&self, now: i64) -> Result<()> {
        require!(
            now >= self.submission_deadline && now < self.submission_reveal_deadline,
            MeritError::SubmissionRevealClosed
        );
        Ok(())
    }

    pub fn require_commit_open(&self, now: i64) -> Result<()> {
        require!(
            now >= self.submission_reveal_deadline && now < self.commit_deadline,
            MeritError::CommitWindowClosed
        );
        Ok(())
    }

    /// The hash of everything a contributor agrees to by submitting: the creator, id,
    /// specification, reward, deadlines, bond, fee, committee and quorum, thresholds,
    /// validator share, capacity, reputation gates and the protocol rules snapshot.
    pub fn terms_hash(&self) -> [u8; 32] {
        let mut numbers = [0u8; 8 * 13 + 2 * 8 + 4];
        let mut at = 0;
        let mut put = |bytes: &[u8]| {
            numbers[at..at + bytes.len()].copy_from_slice(bytes);
            at += bytes.len();
        };
        for v in [
            self.uri().len() as u64,
            self.id,
            self.reward,
            self.submission_deadline as u64,
            self.submission_reveal_deadline as u64,
            self.commit_deadline as u64,
            self.reveal_deadline as u64,
            self.bond,
            self.submission_fee,
            self.rules.keeper_bounty_lamports,
            self.rules.min_validator_stake,
            self.rules.claim_window_secs as u64,
            self.rules.vesting_duration_secs as u64,
        ] {
            put(&v.to_le_bytes());
        }
        for v in [
            self.quorum_seats,
            self.validator_share_bps,
            self.max_submissions,
            self.min_reputation_submit,
            self.min_reputation_vote,
            self.rules.vote_bond_bps,
            self.rules.incoherence_slash_bps,
            self.rules.slasher_reward_bps,
        ] {
            put(&v.to_le_bytes());
        }
        put(&[
            self.committee_size,
            self.accept_threshold,
            self.reject_threshold,
            self.rules.coherence_tolerance,
        ]);
        solana_sha256_hasher::hashv(&[
            TERMS_DOMAIN,
            self.creator.as_ref(),
            &self.spec_hash,
            self.uri().as_bytes(),
            &numbers,
        ])
        .to_bytes()
    }

    pub fn require_reveal_open(&self, now: i64) -> Result<()> {
        require!(
            now >= self.commit_deadline && now < self.reveal_deadline,
            MeritError::RevealWindowClosed
        );
        Ok(())
    }

    pub fn require_reveals_closed(&self, now: i64) -> Result<()> {
        require!(now >= self.reveal_deadline, MeritError::RevealWindowOpen);
        Ok(())
    }

    /// The task's clock at `now`: unix time less the time the protocol spent paused since
    /// the task was created. Every window is checked against it, so a pause extends each
    /// running task's remaining windows by the paused time (O(1), computed lazily).
    pub fn clock(&self, pause: crate::state::PauseRecord, now: i64) -> Result<i64> {
        let paused = pause.paused_secs(now)?.safe_sub(self.paused_base)?;
        now.safe_sub(paused)
    }

    /// Rewards can be expired: the task is finalized and its claim window has passed.
    pub fn require_expirable(&self, now: i64) -> Result<()> {
        self.require_finalized()?;
        require!(!self.expired, MeritError::AlreadyExpired);
        require!(
            now >= self.finalized_at.safe_add(self.rules.claim_window_secs)?,
            MeritError::ClaimWindowOpen
        );
        Ok(())
    }

    pub fn require_finalized(&self) -> Result<()> {
        require!(
            self.state == TaskState::Finalized,
            MeritError::TaskNotFinalized
        );
        Ok(())
    }

    /// What signs for this task PDA (authority of its vault): a copy, so that the task's
    /// data is no longer borrowed when the CPI runs.
    pub fn signer(&self) -> TaskSigner {
        TaskSigner {
            creator: self.creator,
            id: self.id.to_le_bytes(),
            bump: [self.bump],
        }
    }

    /// The task's URI (`uri_len` bytes of `uri`; `create_task` took it as a `String`, so
    /// it is UTF-8).
    pub fn uri(&self) -> &str {
        let len = usize::from(self.uri_len).min(MAX_URI_LEN);
        core::str::from_utf8(&self.uri[..len]).unwrap_or("")
    }

    /// Stores `uri` (at most `MAX_URI_LEN` bytes, checked by the caller).
    pub fn set_uri(&mut self, uri: &str) -> Result<()> {
        let bytes = uri.as_bytes();
        require!(bytes.len() <= MAX_URI_LEN, MeritError::UriTooLong);
        self.uri = [0; MAX_URI_LEN];
        self.uri[..bytes.len()].copy_from_slice(bytes);
        self.uri_len = bytes.len() as u8;
        Ok(())
    }

    /// Takes one keeper bounty out of the task's bounty pool.
    pub fn take_bounty(&mut self) -> Result<u64> {
        let bounty = self.rules.keeper_bounty_lamports.min(self.bounty_remaining);
        self.bounty_remaining = self.bounty_remaining.safe_sub(bounty)?;
        Ok(bounty)
    }

    /// Moves `amount` keeper-bounty lamports from this account to `keeper`.
    pub fn pay_bounty(task: &AccountInfo, keeper: &AccountInfo, amount: u64) -> Result<()> {
        task.sub_lamports(amount)?;
        keeper.add_lamports(amount)?;
        Ok(())
    }

    /// The task's accounting rules, each with its own error. Every handler that changes a
    /// task calls it before returning.
    pub fn invariant(&self) -> Result<()> {
        let out = self
            .paid_out
            .safe_add(self.reclaimed)?
            .safe_add(self.fees_to_treasury)?;
        require!(
            out <= self.reward.safe_add(self.fees)? && self.fees_to_treasury <= self.fees,
            MeritError::TaskOverpaid
        );
        require!(
            self.contributor_liability
                .safe_add(self.validator_liability)?
                <= self.vault_expected()?,
            MeritError::TaskVaultShort
        );
        require!(
            self.finalized_count <= self.submission_count
                && self.submission_count <= self.max_submissions
                && self.accepted_count <= self.finalized_count
                && self.accepted_unclaimed <= self.accepted_count
                && self.open_submissions <= self.submission_count,
            MeritError::TaskCountsInconsistent
        );
        require!(
            self.emission_paid <= self.emission_cap && self.emission_cap < self.protocol_fee.max(1),
            MeritError::TaskEmissionOverCap
        );
        Ok(())
    }
}

impl Task {
    /// Whether `data` (discriminator included) holds bytes the program could have written
    /// for a task: exactly its size, and a valid `state`, `expired` and `draw.drawn` (the
    /// enum and bools a zero-copy read takes as they are). Clients decoding an account they
    /// did not check the owner of (any address a user types) call it first, so that such
    /// an account is an error, not a panic or an invalid value.
    pub fn check_bytes(data: &[u8]) -> Result<()> {
        let draw = core::mem::offset_of!(Task, draw);
        super::check_zero_copy::<Task>(
            data,
            &[
                (
                    core::mem::offset_of!(Task, state),
                    TaskState::Finalized as u8,
                ),
                (core::mem::offset_of!(Task, expired), 1),
                (draw + core::mem::offset_of!(Draw, drawn), 1),
            ],
        )
    }
}

// The zero-copy layout has no implicit padding: its size is the sum of its fields (what
// `InitSpace` adds up), so its bytes are its fields in order, as the IDL describes them.
const _: () = assert!(core::mem::size_of::<Task>() == <Task as Space>::INIT_SPACE);
const _: () = assert!(MAX_URI_LEN <= u8::MAX as usize);

#[cfg(test)]
mod layout_tests {
    use super::*;

    #[test]
    fn the_task_layout_is_its_fields_in_order() {
        assert_eq!(core::mem::size_of::<Task>(), Task::INIT_SPACE);
        assert_eq!(core::mem::size_of::<TaskRules>(), TaskRules::INIT_SPACE);
        assert_eq!(core::mem::size_of::<Draw>(), Draw::INIT_SPACE);
        assert_eq!(core::mem::offset_of!(Task, creator), 8 + 32);
        assert_eq!(core::mem::offset_of!(Task, id), 8 + 64);
    }

    #[test]
    fn only_bytes_the_program_could_write_pass_the_check() {
        let task = <Task as bytemuck::Zeroable>::zeroed();
        let mut data = Task::DISCRIMINATOR.to_vec();
        data.extend_from_slice(bytemuck::bytes_of(&task));
        assert!(Task::check_bytes(&data).is_ok());
        assert!(Task::check_bytes(&data[..data.len() - 1]).is_err());
        let mut longer = data.clone();
        longer.push(0);
        assert!(Task::check_bytes(&longer).is_err());
        let disc = Task::DISCRIMINATOR.len();
        let draw = core::mem::offset_of!(Task, draw) + core::mem::offset_of!(Draw, drawn);
        for (offset, valid) in [
            (core::mem::offset_of!(Task, state), 1u8),
            (core::mem::offset_of!(Task, expired), 1),
            (draw, 1),
        ] {
            let mut bad = data.clone();
            bad[disc + offset] = valid;
            assert!(Task::check_bytes(&bad).is_ok());
            bad[disc + offset] = valid + 1;
            assert!(Task::check_bytes(&bad).is_err());
        }
    }

    #[test]
    fn the_uri_round_trips_and_is_bounded() {
        let mut task = <Task as bytemuck::Zeroable>::zeroed();
        task.set_uri("ipfs://spec").unwrap();
        assert_eq!(task.uri(), "ipfs://spec");
        task.set_uri("x").unwrap();
        assert_eq!(task.uri(), "x");
        assert!(task.uri[1..].iter().all(|b| *b == 0));
        let long = "u".repeat(MAX_URI_LEN);
        task.set_uri(&long).unwrap();
        assert_eq!(task.uri(), long);
        assert!(task.set_uri(&"u".repeat(MAX_URI_LEN + 1)).is_err());
        assert_eq!(task.uri(), long);
    }
}
