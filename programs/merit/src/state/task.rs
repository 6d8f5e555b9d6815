use crate::constants::*;
use crate::error::MeritError;
use crate::math::{bps_floor, mul_div_ceil, mul_div_floor, SafeMath};
use crate::state::Draw;
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

/// Protocol parameters copied from the config when the task was created: a parameter
/// change never alters the rules of a task already running (its gates, multipliers, bonds
/// and windows included). The epoch length, the unstake cooldown and the emission rates
/// of the epochs its work lands in are the deployment's, not the task's.
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
    /// The reputation rules of everything that happens in the task (`TaskRules::rep`).
    pub reputation_value_unit: u64,
    /// Shortest phase: the least notice a drawn validator gets before its commit window
    /// closes, for its absence to be reportable.
    pub min_phase_secs: i64,
    pub vote_bond_bps: u16,
    pub incoherence_slash_bps: u16,
    pub slasher_reward_bps: u16,
    pub reputation_start_bps: u16,
    pub reputation_decay_bps: u16,
    pub reputation_alpha_bps: u16,
    pub coherence_tolerance: u8,
    /// Explicit padding (`repr(C)` alignment), always zero.
    pub padding: [u8; 3],
}

impl TaskRules {
    /// The rules a task snapshots from `params` at creation.
    pub fn snapshot(p: &crate::state::ConfigParams) -> Self {
        TaskRules {
            keeper_bounty_lamports: p.keeper_bounty_lamports,
            min_validator_stake: p.min_validator_stake,
            claim_window_secs: p.claim_window_secs,
            vesting_duration_secs: p.vesting_duration_secs,
            reputation_value_unit: p.reputation_value_unit,
            min_phase_secs: p.min_phase_secs,
            vote_bond_bps: p.vote_bond_bps,
            incoherence_slash_bps: p.incoherence_slash_bps,
            slasher_reward_bps: p.slasher_reward_bps,
            reputation_start_bps: p.reputation_start_bps,
            reputation_decay_bps: p.reputation_decay_bps,
            reputation_alpha_bps: p.reputation_alpha_bps,
            coherence_tolerance: p.coherence_tolerance,
            padding: [0; 3],
        }
    }

    /// The reputation rules the task's gates, multipliers and outcomes use.
    pub fn rep(&self) -> crate::state::RepParams {
        crate::state::RepParams {
            start_bps: self.reputation_start_bps,
            decay_bps: self.reputation_decay_bps,
            alpha_bps: self.reputation_alpha_bps,
            value_unit: self.reputation_value_unit,
        }
    }
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
    /// Sum of consensus scores of accepted submissions, plus `UNJUDGED_SCORE` for each
    /// submission that ended unjudged: what the contributor pool is divided by.
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
    /// Tokens the task sent to the treasury: the fees no judge earned, and for work that
    /// was revealed but ended unjudged its validator slice and its share of the
    /// contributor pool (`unjudged_share`). Never the creator's again.
    pub to_treasury: u64,
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
    /// Reputation (bps) a validator needs to commit a vote: at most the score new keys
    /// start at (`rules.reputation_start_bps`), so every fresh or idle key can judge.
    pub min_reputation_vote: u16,
    pub submission_count: u16,
    pub finalized_count: u16,
    pub accepted_count: u16,
    /// Accepted submissions that have not claimed yet.
    pub accepted_unclaimed: u16,
    /// Submissions not yet closed.
    pub open_submissions: u16,
    /// Revealed submissions that ended unjudged (`NoQuorum` after their last round).
    pub unjudged_count: u16,
    /// Where the specification can be read: UTF-8, its first `uri_len` bytes (see
    /// [`Task::uri`]); the rest is zero.
    pub uri: [u8; MAX_URI_LEN],
    pub reserved: [u8; 66],
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

impl Task {
    /// The committee of every submission's first judging round: the task's draw.
    pub fn committee(&self) -> crate::state::Committee {
        crate::state::Committee {
            seed: self.draw.seed,
            epoch: self.draw.epoch,
            total_stake: self.draw.total_stake,
            size: self.committee_size,
            min_stake: self.rules.min_validator_stake,
            drawn: self.draw.drawn,
        }
    }

    /// The bond a vote holding `seats` seats locks: `ceil(seats * reward * vote_bond_bps /
    /// (10,000 * committee_size * submissions))`: a full committee bonds `vote_bond_bps` of
    /// the value one submission's judging decides, its share of the task's reward. (The
    /// submissions are known when commits open.)
    ///
    /// Every seat carries the same risk, whoever holds it: a stake spread over many small
    /// keys (each drawn rarely) lowers nobody's risk per token, and a key too small to bond
    /// its seats cannot vote, rather than hold them for less. The bond follows the value a
    /// seat decides, not the network's stake, so the stake that can be bonded at once grows
    /// with the stake; and since pay per seat follows the same share, the ratio of pay to
    /// bond is the task's `validator_share_bps / vote_bond_bps` whatever the number of
    /// submissions, which `create_task` bounds below (`judging_pays_check`).
    pub fn vote_bond(&self, seats: u64) -> Result<u64> {
        let per_seats = seats.safe_mul(u64::from(self.rules.vote_bond_bps))?;
        let denominator = u64::from(crate::constants::BPS_DENOMINATOR)
            .safe_mul(u64::from(self.committee_size))?
            .safe_mul(u64::from(self.submission_count.max(1)))?;
        mul_div_ceil(self.reward, per_seats, denominator)
    }

    /// Whether terms with `validator_share_bps` pay a seat enough for the bond it risks
    /// under `vote_bond_bps`: pay per seat (the validator share of one submission, over
    /// the expected committee) at least `MIN_JUDGE_PAY_BPS` of the bond per seat. Both
    /// scale alike with the reward, the committee and the submissions, so the rule is on
    /// the shares alone. A creator cannot post terms that make judging irrational.
    pub fn judging_pays_check(validator_share_bps: u16, vote_bond_bps: u16) -> Result<()> {
        require!(
            u64::from(validator_share_bps) * u64::from(BPS_DENOMINATOR)
                >= u64::from(MIN_JUDGE_PAY_BPS) * u64::from(vote_bond_bps),
            MeritError::JudgingUnderpaid
        );
        Ok(())
    }

    /// The least submission fee terms with `reward`, `validator_share_bps` and
    /// `max_submissions` may set: `ceil(SQUAT_FEE_FACTOR * contributor pool /
    /// (max_submissions - 1))` (one slot: the whole factor). Whoever fills every free slot
    /// to keep competitors out, so that its own work takes the whole contributor pool,
    /// pays in fees at least twice that pool, and loses money even when its own judges win
    /// back up to half of the fees.
    pub fn squat_fee_floor(
        reward: u64,
        validator_share_bps: u16,
        max_submissions: u16,
    ) -> Result<u64> {
        let pool = reward.safe_sub(bps_floor(reward, validator_share_bps)?)?;
        let others = u64::from(max_submissions.saturating_sub(1).max(1));
        mul_div_ceil(pool, SQUAT_FEE_FACTOR, others)
    }

    /// The draw step due now on the task's clock: after submissions close and before
    /// commits close (`DrawNotDue`), scheduling then seeding (`Draw::step`).
    pub fn draw_check(&self, now: i64, total_active_stake: u64) -> Result<crate::state::DrawStep> {
        require!(
            now >= self.submission_deadline && now < self.commit_deadline,
            MeritError::DrawNotDue
        );
        self.draw.step(total_active_stake)
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
    /// what may be paid, at most `emission_cap * points / (reward * 1.5)` (each
    /// participant's part of the cap in proportion to its points, over the most points the
    /// task's participants can hold together, at the highest multiplier: the parts never
    /// add up to more than the cap, so early claimants cannot take the others' part) and at
    /// most what is left of the cap. The rest is forfeited and stays in the emission vault
    /// for later epochs.
    pub fn take_emission(&mut self, share: u64, points: u64) -> Result<u64> {
        let room = self.emission_cap.safe_sub(self.emission_paid)?;
        let most_points = mul_div_floor(
            self.reward,
            u64::from(MAX_MULTIPLIER_BPS),
            u64::from(BPS_DENOMINATOR),
        )?;
        let part = mul_div_floor(self.emission_cap, points, most_points.max(1))?;
        let paid = share.min(part).min(room);
        self.emission_paid = self.emission_paid.safe_add(paid)?;
        Ok(paid)
    }

    /// Tokens the vault must hold: what was escrowed and paid in fees, less what left it.
    pub fn vault_expected(&self) -> Result<u64> {
        self.reward
            .safe_add(self.fees)?
            .safe_sub(self.to_treasury)?
            .safe_sub(self.paid_out)?
            .safe_sub(self.reclaimed)
    }

    /// Tokens nobody can claim any more, which the creator may take back.
    pub fn reclaimable(&self) -> Result<u64> {
        self.vault_expected()?
            .safe_sub(self.contributor_liability)?
            .safe_sub(self.validator_liability)
    }

    /// Nothing is owed to anyone and no submission account remains: `reclaim_task`
    /// closes the task and its vault.
    pub fn closable(&self) -> bool {
        self.open_submissions == 0
            && self.contributor_liability == 0
            && self.validator_liability == 0
    }

    /// Whether `reclaim_task` may run now: the task is finalized (`TaskNotFinalized`) and
    /// there are tokens nobody can claim, an unused keeper bounty, or a task to close
    /// (`NothingToReclaim`). The rule the instruction applies and clients call.
    pub fn reclaim_check(&self) -> Result<()> {
        self.require_finalized()?;
        require!(
            self.reclaimable()? > 0 || self.bounty_remaining > 0 || self.closable(),
            MeritError::NothingToReclaim
        );
        Ok(())
    }

    /// Lamports a new task escrows for its keepers: three per submission (finalizing its
    /// first round; drawing and finalizing a second when the first decides nothing), two
    /// for the task's draw, one for the task's finalization.
    pub fn bounty_escrow(params: &crate::state::ConfigParams, max_submissions: u16) -> Result<u64> {
        params
            .keeper_bounty_lamports
            .safe_mul(u64::from(max_submissions).safe_mul(3)?.safe_add(3)?)
    }

    /// Whether `finalize_task` may run at `now` on the task's clock: open, reveals closed,
    /// every submission final. The rule the instruction applies and keepers call.
    pub fn finalize_check(&self, now: i64) -> Result<()> {
        require!(
            self.state == TaskState::Open,
            MeritError::TaskAlreadyFinalized
        );
        self.require_reveals_closed(now)?;
        require!(
            self.finalized_count == self.submission_count,
            MeritError::SubmissionsPending
        );
        Ok(())
    }

    /// Closes the task's books at unix time `now`: what accepted contributors are owed
    /// (the contributor pool less the unjudged share), and the unjudged share for the
    /// treasury, returned for the handler to move.
    pub fn finish(&mut self, now: i64) -> Result<u64> {
        let unjudged = self.unjudged_share()?;
        self.state = TaskState::Finalized;
        self.finalized_at = now;
        self.to_treasury = self.to_treasury.safe_add(unjudged)?;
        if self.accepted_count > 0 {
            self.contributor_liability = self.contributor_pool()?.safe_sub(unjudged)?;
        }
        Ok(unjudged)
    }

    /// The share of the contributor pool that goes to the treasury for submissions that
    /// ended unjudged: each counted at `UNJUDGED_SCORE` among the accepted scores, so no
    /// accepted contributor gets more than if that work had been judged at its best, and
    /// the creator gets none of it back.
    pub fn unjudged_share(&self) -> Result<u64> {
        if self.unjudged_count == 0 {
            return Ok(0);
        }
        let nominal = u64::from(self.unjudged_count).safe_mul(u64::from(UNJUDGED_SCORE))?;
        mul_div_floor(self.contributor_pool()?, nominal, self.accepted_score_sum)
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

    /// The id a client gives a creator's new task when none is named: past the ids of
    /// the creator's live tasks (`highest_live`) and at least the cluster's second `now`
    /// times 2^16. A closed task's address is never handed out again: every id handed
    /// out at an earlier second is below `now << 16` (fewer than 65,536 tasks a second),
    /// and within a second they count up from the live ones (the one exception: a task
    /// cancelled in the second it was made, which nothing can reference yet, may lend its
    /// id to the next task of that same second). The program does not enforce
    /// it (a creator may name any unused id); every client uses it (`merit task create`,
    /// the SDK's `postTask` through its copy `defaultTaskId`, pinned by the vectors).
    pub fn default_id(highest_live: Option<u64>, now: i64) -> u64 {
        let after_live = highest_live.map_or(0, |h| h.saturating_add(1));
        let from_clock = u64::try_from(now).unwrap_or(0).saturating_mul(1 << 16);
        after_live.max(from_clock).max(1)
    }

    pub fn require_submission_open(&self, now: i64) -> Result<()> {
        require!(
            now < self.submission_deadline,
            MeritError::SubmissionWindowClosed
        );
        Ok(())
    }

    pub fn require_submission_reveal_open(&self, now: i64) -> Result<()> {
        require!(now >= self.submission_deadline, MeritError::WindowNotOpen);
        require!(
            now < self.submission_reveal_deadline,
            MeritError::SubmissionRevealClosed
        );
        Ok(())
    }

    pub fn require_commit_open(&self, now: i64) -> Result<()> {
        require!(
            now >= self.submission_reveal_deadline,
            MeritError::WindowNotOpen
        );
        require!(now < self.commit_deadline, MeritError::CommitWindowClosed);
        Ok(())
    }

    /// The hash of everything a contributor agrees to by submitting: the creator, id,
    /// specification, reward, deadlines, bond, fee, committee and quorum, thresholds,
    /// validator share, capacity, reputation gates and the protocol rules snapshot.
    pub fn terms_hash(&self) -> [u8; 32] {
        let mut numbers = [0u8; 8 * 15 + 2 * 11 + 4];
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
            self.rules.reputation_value_unit,
            self.rules.min_phase_secs as u64,
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
            self.rules.reputation_start_bps,
            self.rules.reputation_decay_bps,
            self.rules.reputation_alpha_bps,
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
        require!(now >= self.commit_deadline, MeritError::WindowNotOpen);
        require!(now < self.reveal_deadline, MeritError::RevealWindowClosed);
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
            .safe_add(self.to_treasury)?;
        require!(
            out <= self.reward.safe_add(self.fees)?,
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
                && self.accepted_count.saturating_add(self.unjudged_count) <= self.finalized_count
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
                (draw + core::mem::offset_of!(Draw, from_fallback), 1),
            ],
        )
    }
}

// The zero-copy layout has no implicit padding: its size is the sum of its fields (what
// `InitSpace` adds up), so its bytes are its fields in order, as the IDL describes them.
const _: () = assert!(core::mem::size_of::<Task>() == <Task as Space>::INIT_SPACE);
const _: () = assert!(MAX_URI_LEN <= u8::MAX as usize);

/// `Task`'s size without its discriminator, pinned: a layout change is a conscious one
/// (openbook-v2's `const_assert_eq!(size_of::<Market>(), 840)`).
const _: () = assert!(core::mem::size_of::<Task>() == 736);
#[cfg(test)]
mod layout_tests {
    use super::*;

    #[test]
    fn the_task_layout_is_its_fields_in_order() {
        assert_eq!(core::mem::size_of::<Task>(), Task::INIT_SPACE);
        assert_eq!(core::mem::size_of::<TaskRules>(), TaskRules::INIT_SPACE);
        assert_eq!(core::mem::size_of::<Draw>(), Draw::INIT_SPACE);
        // Absolute sizes: a layout change is a decision, not an accident.
        assert_eq!(core::mem::size_of::<Draw>(), 80);
        assert_eq!(core::mem::size_of::<TaskRules>(), 64);
        assert_eq!(core::mem::size_of::<Task>(), 736);
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
        let draw = core::mem::offset_of!(Task, draw);
        for (offset, valid) in [
            (core::mem::offset_of!(Task, state), 1u8),
            (core::mem::offset_of!(Task, expired), 1),
            (draw + core::mem::offset_of!(Draw, drawn), 1),
            (draw + core::mem::offset_of!(Draw, from_fallback), 1),
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

#[cfg(test)]
mod default_id_tests {
    use super::Task;

    #[test]
    fn a_default_id_never_returns_to_one_handed_out_before() {
        // A creator makes tasks over time, several in a second, and closes them (a task
        // closes at least a second after it was made): the ids a client hands out keep
        // rising, so no closed task's address comes back.
        let mut handed: Vec<u64> = Vec::new();
        let mut live: Vec<(u64, i64)> = Vec::new();
        for now in [0i64, 0, 0, 1, 1, 5, 5, 5, 9, 1_800_000_000] {
            live.retain(|&(_, made)| made == now); // older tasks have closed
            let id = Task::default_id(live.iter().map(|&(id, _)| id).max(), now);
            assert!(
                handed.iter().all(|&h| h < id),
                "id {id} at {now} after {handed:?}"
            );
            handed.push(id);
            live.push((id, now));
        }
        assert_eq!(Task::default_id(None, 0), 1);
        assert_eq!(Task::default_id(Some(7), -3), 8);
        assert_eq!(Task::default_id(None, 2), 2 << 16);
        assert_eq!(Task::default_id(Some(u64::MAX), 1), u64::MAX);
    }
}
