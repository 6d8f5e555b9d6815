//! One event per state change, carrying the keys and amounts an indexer needs.
use crate::state::{ConfigParams, Outcome, SlashKind};
use anchor_lang::prelude::*;

#[event]
pub struct ConfigInitialized {
    pub admin: Pubkey,
    pub stake_mint: Pubkey,
    pub token_program: Pubkey,
    pub params: ConfigParams,
}

/// A task's claim window passed: what was unclaimed is the creator's to reclaim.
#[event]
pub struct TaskExpired {
    pub task: Pubkey,
    pub released: u64,
    pub caller: Pubkey,
}

/// An epoch's claim window passed: its unclaimed emission went back to the vault.
#[event]
pub struct EpochExpired {
    pub epoch: u64,
    pub released: u64,
    pub caller: Pubkey,
}

/// The admin proposed new parameters, applicable from `eta`.
#[event]
pub struct ConfigProposed {
    pub admin: Pubkey,
    pub params: ConfigParams,
    pub eta: i64,
}

/// The admin withdrew its pending proposal.
#[event]
pub struct ConfigProposalCancelled {
    pub admin: Pubkey,
}

/// A proposal was applied after its timelock.
#[event]
pub struct ConfigUpdated {
    pub admin: Pubkey,
    pub params: ConfigParams,
}

#[event]
pub struct PauseSet {
    pub admin: Pubkey,
    pub paused: bool,
}

#[event]
pub struct AdminTransferProposed {
    pub admin: Pubkey,
    pub pending_admin: Option<Pubkey>,
}

#[event]
pub struct AdminTransferred {
    pub previous_admin: Pubkey,
    pub new_admin: Pubkey,
}

#[event]
pub struct StakeDeposited {
    pub owner: Pubkey,
    pub amount: u64,
    pub deposited: u64,
}

#[event]
pub struct UnstakeRequested {
    pub owner: Pubkey,
    pub amount: u64,
    pub unstaking: u64,
    pub unlocks_at: i64,
}

#[event]
pub struct StakeWithdrawn {
    pub owner: Pubkey,
    pub amount: u64,
    pub deposited: u64,
}

#[event]
pub struct TaskCreated {
    pub task: Pubkey,
    pub creator: Pubkey,
    pub id: u64,
    pub reward: u64,
    pub bounty_lamports: u64,
    pub submission_deadline: i64,
    pub submission_reveal_deadline: i64,
    pub commit_deadline: i64,
    pub reveal_deadline: i64,
    pub submission_fee: u64,
    pub terms_hash: [u8; 32],
    /// Paid to the treasury, non-refundable.
    pub protocol_fee: u64,
    /// Most emission the task's participants can be paid.
    pub emission_cap: u64,
}

#[event]
pub struct TaskCancelled {
    pub task: Pubkey,
    pub creator: Pubkey,
    pub refunded: u64,
}

/// A contributor committed to work it will reveal after submissions close.
#[event]
pub struct SubmissionCommitted {
    pub task: Pubkey,
    pub submission: Pubkey,
    pub contributor: Pubkey,
    pub commitment: [u8; 32],
    pub committed_slot: u64,
    pub bond: u64,
    /// Non-refundable fee paid into the task vault for the submission's judges.
    pub fee: u64,
}

/// A committed submission's content is revealed and holds the content's claim.
#[event]
pub struct SubmissionRevealed {
    pub task: Pubkey,
    pub submission: Pubkey,
    pub contributor: Pubkey,
    pub content_hash: [u8; 32],
    pub uri: String,
    pub committed_slot: u64,
    /// The later commitment this reveal took the content claim from (default: none).
    pub displaced: Pubkey,
    /// The submission's first judging round, opened by the reveal.
    pub round: Pubkey,
}

/// The first `draw` after submissions closed: the target slot and the stake snapshot.
#[event]
pub struct DrawScheduled {
    pub task: Pubkey,
    pub target_slot: u64,
    pub epoch: u64,
    pub total_stake: u64,
    pub keeper: Pubkey,
    pub bounty_lamports: u64,
}

/// A committee seed is fixed: every validator can now compute its seats. `owner` is the
/// task (every submission's first round) or a later round.
#[event]
pub struct CommitteeDrawn {
    pub owner: Pubkey,
    pub seed: [u8; 32],
    /// The last slot of the chain mixed into the seed (0: the target aged out and the seed
    /// is the owner's fallback).
    pub slot: u64,
    pub from_fallback: bool,
    pub keeper: Pubkey,
    pub bounty_lamports: u64,
}

/// A round decided nothing and the submission's next round was opened, its draw scheduled
/// (`target_slot` 0: no stake was active to draw from).
#[event]
pub struct RoundOpened {
    pub submission: Pubkey,
    pub round: Pubkey,
    pub index: u8,
    pub target_slot: u64,
    /// The round closes without votes if its committee is not drawn by then (task clock).
    pub draw_deadline: i64,
    pub keeper: Pubkey,
    pub bounty_lamports: u64,
}

/// A judging round closed: with a consensus (`decided`), or with none.
#[event]
pub struct RoundClosed {
    pub submission: Pubkey,
    pub round: Pubkey,
    pub index: u8,
    pub decided: bool,
    pub consensus: u8,
    /// The middle range: one score, or the two sides of an exact split.
    pub consensus_low: u8,
    pub consensus_high: u8,
    pub committed_weight: u64,
    pub revealed_weight: u64,
    pub coherent_weight: u64,
}

#[event]
pub struct VoteCommitted {
    pub submission: Pubkey,
    pub round: Pubkey,
    pub vote: Pubkey,
    pub validator: Pubkey,
    /// Seats drawn.
    pub weight: u64,
    pub bond: u64,
}

#[event]
pub struct VoteRevealed {
    pub submission: Pubkey,
    pub round: Pubkey,
    pub vote: Pubkey,
    pub validator: Pubkey,
    pub score: u8,
    pub weight: u64,
}

#[event]
pub struct SubmissionFinalized {
    pub task: Pubkey,
    pub submission: Pubkey,
    pub outcome: Outcome,
    pub consensus_score: u8,
    /// The round that ended it (0: never revealed).
    pub round: u8,
    /// Epoch that received the merit points.
    pub epoch: u64,
    pub contributor_points: u64,
    pub validator_points: u64,
    /// The submission fee: for its coherent judges, or sent to the treasury when none.
    pub fee: u64,
    /// Sent to the treasury because no judge was paid: the fee, and for revealed work its
    /// validator slice.
    pub to_treasury: u64,
    pub keeper: Pubkey,
    pub bounty_lamports: u64,
}

#[event]
pub struct TaskFinalized {
    pub task: Pubkey,
    pub accepted: u16,
    pub submissions: u16,
    /// Revealed submissions that ended unjudged.
    pub unjudged: u16,
    /// Their share of the contributor pool, sent to the treasury.
    pub unjudged_share: u64,
    pub keeper: Pubkey,
    pub bounty_lamports: u64,
}

#[event]
pub struct Slashed {
    pub kind: SlashKind,
    /// The submission or vote account that was slashed.
    pub target: Pubkey,
    /// The stake owner who lost tokens.
    pub offender: Pubkey,
    pub amount: u64,
    pub to_treasury: u64,
    /// The slasher's whole share; `to_slasher_vesting` of it was granted into its vesting.
    pub to_slasher: u64,
    pub to_slasher_vesting: u64,
    /// Part of the amount taken from the offender's unvested rewards.
    pub from_vesting: u64,
    pub slasher: Pubkey,
}

#[event]
pub struct SubmissionClaimed {
    pub submission: Pubkey,
    pub contributor: Pubkey,
    pub reward: u64,
    pub bond_unlocked: u64,
}

#[event]
pub struct VoteClaimed {
    pub vote: Pubkey,
    pub validator: Pubkey,
    pub reward: u64,
    pub bond_unlocked: u64,
}

#[event]
pub struct TaskReclaimed {
    pub task: Pubkey,
    pub creator: Pubkey,
    pub tokens: u64,
    pub lamports: u64,
    pub closed: bool,
}

#[event]
pub struct AccountClosed {
    pub account: Pubkey,
    pub rent_receiver: Pubkey,
}

#[event]
pub struct EmissionsFunded {
    pub funder: Pubkey,
    pub amount: u64,
    pub lamports: u64,
    pub emission_funded: u64,
}

#[event]
pub struct TreasurySwept {
    /// Whoever sent the sweep (anyone).
    pub caller: Pubkey,
    /// Moved from the stake vault to the treasury vault: every slash's pending share.
    pub amount: u64,
    /// Everything ever slashed to the treasury, at the sweep.
    pub total_slashed_to_treasury: u64,
}

#[event]
pub struct EpochAdvanced {
    pub closed_epoch: u64,
    pub contributor_emission: u64,
    pub validator_emission: u64,
    pub contributor_points: u128,
    pub validator_points: u128,
    pub opened_epoch: u64,
    pub opened_start: i64,
    pub opened_end: i64,
    pub keeper: Pubkey,
    pub bounty_lamports: u64,
}

#[event]
pub struct EmissionClaimed {
    pub epoch: u64,
    /// The submission or vote whose points were paid.
    pub source: Pubkey,
    pub owner: Pubkey,
    pub points: u64,
    pub amount: u64,
    /// The share above what was left of the task's emission cap: back to the vault.
    pub forfeited: u64,
    pub vested: bool,
}

#[event]
pub struct VestedWithdrawn {
    pub owner: Pubkey,
    pub amount: u64,
    pub unvested: u64,
}

#[event]
pub struct ReputationUpdated {
    pub owner: Pubkey,
    pub score_bps: u16,
    pub epoch: u64,
}

impl From<crate::state::RepRecorded> for ReputationUpdated {
    fn from(r: crate::state::RepRecorded) -> Self {
        ReputationUpdated {
            owner: r.owner,
            score_bps: r.score_bps,
            epoch: r.epoch,
        }
    }
}
