//! Seeds and protocol-wide constants. Every PDA seed lives here, so that no two
//! account kinds can ever share a seed prefix. The seeds and domain separators are
//! `#[constant]`s: the IDL carries them, and the TypeScript SDK derives PDAs from the IDL.
use anchor_lang::prelude::*;

/// `["config"]`: the deployment's single [`crate::state::Config`].
#[constant]
pub const CONFIG_SEED: &[u8] = b"config";
/// `["stake_vault"]`: token account holding every participant's stake.
#[constant]
pub const STAKE_VAULT_SEED: &[u8] = b"stake_vault";
/// `["treasury"]`: token account receiving slashed stake.
#[constant]
pub const TREASURY_SEED: &[u8] = b"treasury";
/// `["stake", owner]`: one [`crate::state::Stake`] per owner.
#[constant]
pub const STAKE_SEED: &[u8] = b"stake";
/// `["task", creator, id (u64 LE)]`: a [`crate::state::Task`].
#[constant]
pub const TASK_SEED: &[u8] = b"task";
/// `["task_vault", task]`: token account escrowing a task's reward.
#[constant]
pub const TASK_VAULT_SEED: &[u8] = b"task_vault";
/// `["submission", task, contributor]`: one [`crate::state::Submission`] per contributor per task.
#[constant]
pub const SUBMISSION_SEED: &[u8] = b"submission";
/// `["vote", round, validator]`: one [`crate::state::Vote`] per validator per judging round
/// (an absence record, when a drawn validator never committed, is one too).
#[constant]
pub const VOTE_SEED: &[u8] = b"vote";
/// `["content", content_hash]`: one [`crate::state::ContentClaim`] per content hash.
#[constant]
pub const CONTENT_SEED: &[u8] = b"content";
/// `["round", submission, index (u8)]`: one judging [`crate::state::Round`] per submission
/// and round (round 1 at the reveal, round 2 when round 1 decided nothing).
#[constant]
pub const ROUND_SEED: &[u8] = b"round";

/// `["epoch", index (u64 LE)]`: one [`crate::state::Epoch`] per emission epoch.
#[constant]
pub const EPOCH_SEED: &[u8] = b"epoch";
/// `["emission_vault"]`: token account holding tokens to emit.
#[constant]
pub const EMISSION_VAULT_SEED: &[u8] = b"emission_vault";
/// `["vesting", owner]`: one [`crate::state::Vesting`] per owner.
#[constant]
pub const VESTING_SEED: &[u8] = b"vesting";
/// `["vesting_vault"]`: token account holding every vesting balance.
#[constant]
pub const VESTING_VAULT_SEED: &[u8] = b"vesting_vault";

/// Domain separator of vote commitments.
#[constant]
pub const COMMITMENT_DOMAIN: &[u8] = b"merit:vote:v2";
/// Domain separator of submission commitments.
#[constant]
pub const SUBMISSION_COMMITMENT_DOMAIN: &[u8] = b"merit:submission:v1";
/// Domain separator of a task's terms hash.
#[constant]
pub const TERMS_DOMAIN: &[u8] = b"merit:terms:v1";
/// Domain separator of a committee seed drawn from slot hashes.
#[constant]
pub const SEED_DOMAIN: &[u8] = b"merit:seed:v2";
/// Domain separator of the seed a draw falls back to when its target slot aged out of
/// `SlotHashes` unseeded: the owner's address and the entropy recorded when the draw was
/// scheduled (`sortition::fallback_seed`).
#[constant]
pub const FALLBACK_DOMAIN: &[u8] = b"merit:fallback:v2";
/// Domain separator of a validator's lot for one submission.
#[constant]
pub const DRAW_DOMAIN: &[u8] = b"merit:draw:v1";
/// `draw` fixes the seed from the hash of a slot at least this many slots after the slot
/// that scheduled it (~3 s): a slot nobody knew the hash of when the target was set.
#[constant]
pub const DRAW_DELAY_SLOTS: u64 = 8;
/// After the target, the seed mixes in this many more slots, each chosen by the hash of the
/// one before (`sortition::chain`): nobody can line the last one up with a leader's window
/// when scheduling, so the leader who can grind the seed is not the scheduler's choice.
#[constant]
pub const DRAW_HOPS: u8 = 3;
/// Each hop lands at least one leader window (4 slots) after the slot before it...
#[constant]
pub const DRAW_HOP_MIN_SLOTS: u64 = 4;
/// ...and at most this many slots further.
#[constant]
pub const DRAW_HOP_SPAN_SLOTS: u64 = 28;
/// The most slots a draw's chain spans from its scheduling: a seed is always ready this
/// long after the draw was scheduled (clients wait this many slots).
#[constant]
pub const DRAW_CHAIN_MAX_SLOTS: u64 =
    DRAW_DELAY_SLOTS + DRAW_HOPS as u64 * (DRAW_HOP_MIN_SLOTS + DRAW_HOP_SPAN_SLOTS);
/// The `SlotHashes` sysvar: hashes of the most recent 512 slots, newest first.
pub const SLOT_HASHES_SYSVAR: anchor_lang::prelude::Pubkey =
    anchor_lang::prelude::pubkey!("SysvarS1otHashes111111111111111111111111111");
/// Largest expected committee a task may ask for. With at most this many expected seats,
/// more than 32 distinct drawn validators (the vote cap) has probability below 2e-4.
pub const MAX_COMMITTEE_SIZE: u8 = 16;
/// Smallest `min_committee_size` the config accepts: below it one drawn seat decides.
pub const MIN_COMMITTEE_FLOOR: u8 = 3;
/// Largest `max_quorum_bps` the config accepts.
pub const MAX_QUORUM_BPS: u16 = 7_500;

/// Basis-point denominator (100%).
pub const BPS_DENOMINATOR: u16 = 10_000;
/// Highest score a validator may reveal.
pub const MAX_SCORE: u8 = 100;
/// Longest URI a task or submission may carry, in bytes.
pub const MAX_URI_LEN: usize = 200;
/// Hard cap on votes per judging round: the consensus is computed over at most this many
/// reveals. Only drawn validators can take one.
pub const MAX_VOTES_PER_SUBMISSION: u8 = 32;
/// Judging rounds a revealed submission gets before it ends unjudged: a round that decides
/// nothing (too few committed seats, nothing revealed, no committee) is followed by one
/// freshly drawn round; only after that does the submission end `NoQuorum`, and even then
/// its share goes to the treasury, never back to the creator.
#[constant]
pub const MAX_ROUNDS: u8 = 2;
/// The score an unjudged submission's share of the contributor pool is booked at (to the
/// treasury): the highest, so that leaving work unjudged never gives its rivals or its
/// creator more than judging it could have.
pub const UNJUDGED_SCORE: u8 = MAX_SCORE;
/// Pay per seat (the validator share of one submission, over the expected committee) must
/// be at least this share of the bond per seat, in bps, or `create_task` refuses the terms:
/// judging stays worth its risk (`Task::judging_pays_check`).
#[constant]
pub const MIN_JUDGE_PAY_BPS: u16 = 2_000;
/// A submission's fee is at least this many times the contributor pool per other slot
/// (`Task::squat_fee_floor`): filling a task's free slots to exclude competitors costs more
/// than the whole pool, even to a squatter whose own judges win back part of the fees.
pub const SQUAT_FEE_FACTOR: u64 = 2;
/// Highest reputation multiplier (score 10,000): 1.5x.
pub const MAX_MULTIPLIER_BPS: u16 = NEUTRAL_REPUTATION + MAX_REPUTATION;
/// Distinct epochs a stake account remembers its active stake for (`Stake::active_at`).
pub const STAKE_HISTORY_LEN: usize = 3;
/// Longest a pause lasts: it ends by itself after this. The next may start only once the
/// protocol has run as long as the last pause lasted.
#[constant]
pub const MAX_PAUSE_SECS: i64 = 7 * 24 * 3600;
/// Current layout version of every account.
pub const ACCOUNT_VERSION: u8 = 1;

/// Upper bounds that `ConfigParams::validate` enforces (at `initialize` and on every
/// proposal).
/// At most the longest parameter timelock: the timelock is at least the cooldown.
pub const MAX_UNSTAKE_COOLDOWN_SECS: i64 = MAX_PARAM_TIMELOCK_SECS;
pub const MAX_PHASE_SECS_FLOOR: i64 = 30 * 24 * 3600;
pub const MAX_TASK_DURATION_SECS: i64 = 365 * 24 * 3600;
pub const MAX_KEEPER_BOUNTY_LAMPORTS: u64 = 1_000_000_000;
/// Highest protocol fee a task can be charged, in bps of its reward.
pub const MAX_TASK_FEE_BPS: u16 = 2_000;
/// Highest share of a slash paid to its caller: the rest always reaches the treasury.
pub const MAX_SLASHER_REWARD_BPS: u16 = 2_000;
/// Most an `advance_epoch` caller is paid above the new epoch's rent, whatever the
/// config's keeper bounty: with one-minute epochs the donated keeper pool drains at most
/// this much per minute.
pub const MAX_EPOCH_BOUNTY_LAMPORTS: u64 = 100_000;
/// Shortest and longest delay between proposing a parameter change and applying it.
pub const MIN_PARAM_TIMELOCK_SECS: i64 = 3_600;
pub const MAX_PARAM_TIMELOCK_SECS: i64 = 30 * 24 * 3600;
/// Shortest and longest time a reward or emission stays claimable.
pub const MIN_CLAIM_WINDOW_SECS: i64 = 7 * 24 * 3600;
pub const MAX_CLAIM_WINDOW_SECS: i64 = 5 * 365 * 24 * 3600;
pub const MAX_SUBMISSIONS_PER_TASK: u16 = 1_000;
pub const MIN_EPOCH_SECS: i64 = 60;
pub const MAX_EPOCH_SECS: i64 = 365 * 24 * 3600;
pub const MAX_VESTING_SECS: i64 = 4 * 365 * 24 * 3600;

/// The score at which the reputation multiplier is 1x (`multiplier = 5,000 + score`). New
/// keys start below it, at the config's `reputation_start_bps`.
pub const NEUTRAL_REPUTATION: u16 = 5_000;
/// Best possible reputation.
pub const MAX_REPUTATION: u16 = 10_000;

// What clients fill in for the terms a task creator leaves out (`merit task create` and the
// SDK's `postTask`, both through `ConfigParams::task_defaults`). The program enforces
// only the caps; these are values within them. `#[constant]`s so the IDL carries them.
/// Default time submissions stay open.
#[constant]
pub const DEFAULT_SUBMIT_SECS: i64 = 24 * 3600;
/// Default time contributors then have to reveal their work.
#[constant]
pub const DEFAULT_REVEAL_WORK_SECS: i64 = 2 * 3600;
/// Default time drawn validators then have to commit scores.
#[constant]
pub const DEFAULT_COMMIT_SECS: i64 = 12 * 3600;
/// Default time they then have to reveal them.
#[constant]
pub const DEFAULT_REVEAL_SECS: i64 = 12 * 3600;
/// Default consensus score from which work is accepted (at most the config's cap).
#[constant]
pub const DEFAULT_ACCEPT_THRESHOLD: u8 = 60;
/// Default consensus score below which work is rejected (at most the config's cap).
#[constant]
pub const DEFAULT_REJECT_THRESHOLD: u8 = 30;
/// Default share of the reward paid to coherent validators, in bps.
#[constant]
pub const DEFAULT_VALIDATOR_SHARE_BPS: u16 = 2_000;
/// Default most submissions a task takes: the config's cap (this, or less). Fewer slots
/// raise the least fee a task may charge (`Task::squat_fee_floor`).
#[constant]
pub const DEFAULT_MAX_SUBMISSIONS: u16 = MAX_SUBMISSIONS_PER_TASK;
