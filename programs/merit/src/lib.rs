//! Merit: pays people for useful AI work. Creators escrow rewards for tasks,
//! staked contributors submit work, staked validators judge it with commit-reveal
//! votes, and a stake-weighted median decides who is paid and who is slashed.
#![allow(unexpected_cfgs)]

use anchor_lang::prelude::*;

pub mod constants;
pub mod error;
pub mod events;
pub mod instructions;
pub mod math;
pub mod payout;
pub mod sortition;
pub mod state;
pub mod token;

use instructions::*;
use state::ConfigParams;

declare_id!("MeRiTqY5bJ3v7c6CTaJ8Ue8ESs8nq5V1xLQ8ZVoEP6F");

#[cfg(not(feature = "no-entrypoint"))]
solana_security_txt::security_txt! {
    name: "Merit",
    project_url: "https://github.com/merit-protocol/merit",
    contacts: "email:security@merit.dev",
    policy: "https://github.com/merit-protocol/merit/blob/main/SECURITY.md",
    source_code: "https://github.com/merit-protocol/merit"
}

#[program]
pub mod merit {
    use super::*;

    // Admin

    /// Creates the config and the stake and treasury vaults. Called once, right after
    /// deploy, by the deployer, who becomes admin.
    pub fn initialize(ctx: Context<Initialize>, params: ConfigParams) -> Result<()> {
        handle_initialize(ctx, params)
    }

    /// Admin: proposes new protocol parameters (validated), applicable after the current
    /// `param_timelock_secs`; replaces an earlier proposal.
    pub fn propose_config(ctx: Context<AdminOnly>, params: ConfigParams) -> Result<()> {
        handle_propose_config(ctx, params)
    }

    /// Admin: withdraws the pending parameter proposal.
    pub fn cancel_config(ctx: Context<AdminOnly>) -> Result<()> {
        handle_cancel_config(ctx)
    }

    /// Anyone, once the timelock has elapsed: applies the pending parameters (running
    /// tasks keep the rules they snapshotted).
    pub fn apply_config(ctx: Context<ApplyConfig>) -> Result<()> {
        handle_apply_config(ctx)
    }

    /// Admin: pauses or resumes new activity (deposit, create task, submit, commit). A
    /// pause ends by itself after `MAX_PAUSE_SECS`; the next may start as long after.
    pub fn set_paused(ctx: Context<AdminOnly>, paused: bool) -> Result<()> {
        handle_set_paused(ctx, paused)
    }

    /// Admin: proposes a new admin (`None` withdraws the proposal).
    pub fn propose_admin(ctx: Context<AdminOnly>, new_admin: Option<Pubkey>) -> Result<()> {
        handle_propose_admin(ctx, new_admin)
    }

    /// Pending admin: accepts the role.
    pub fn accept_admin(ctx: Context<AcceptAdmin>) -> Result<()> {
        handle_accept_admin(ctx)
    }

    // Participants

    /// Anyone: deposits stake tokens (creates the stake account on first use).
    pub fn deposit_stake(ctx: Context<DepositStake>, amount: u64) -> Result<()> {
        handle_deposit_stake(ctx, amount)
    }

    /// Stake owner: starts the cooldown on `amount` of unlocked stake.
    pub fn request_unstake(ctx: Context<RequestUnstake>, amount: u64) -> Result<()> {
        handle_request_unstake(ctx, amount)
    }

    /// Stake owner: withdraws the pending unstake after its cooldown.
    pub fn withdraw_stake(ctx: Context<WithdrawStake>) -> Result<()> {
        handle_withdraw_stake(ctx)
    }

    /// Anyone: posts a task, escrowing its reward and the keeper bounties.
    pub fn create_task(ctx: Context<CreateTask>, args: CreateTaskArgs) -> Result<()> {
        handle_create_task(ctx, args)
    }

    /// Task creator: cancels a task that has no submission, refunding everything.
    pub fn cancel_task(ctx: Context<CancelTask>) -> Result<()> {
        handle_cancel_task(ctx)
    }

    /// Staked contributor: commits to hidden work before the submission deadline, under
    /// the task's terms (`terms_hash`), bonding stake and paying the task's fee.
    pub fn submit(ctx: Context<Submit>, commitment: [u8; 32], terms_hash: [u8; 32]) -> Result<()> {
        handle_submit(ctx, commitment, terms_hash)
    }

    /// The contributor: reveals the committed content hash and its URI after submissions
    /// close, taking the content's claim if its commitment is the earliest, and opens the
    /// submission's first judging round.
    pub fn reveal_submission(
        ctx: Context<RevealSubmission>,
        content_hash: [u8; 32],
        salt: [u8; 32],
        uri: String,
    ) -> Result<()> {
        handle_reveal_submission(ctx, content_hash, salt, uri)
    }

    /// Staked validator drawn for a round's committee: commits a hidden score during the
    /// round's commit window, locking a bond.
    pub fn commit_vote(ctx: Context<CommitVote>, commitment: [u8; 32]) -> Result<()> {
        handle_commit_vote(ctx, commitment)
    }

    /// Validator: reveals the committed score and salt during the reveal window.
    pub fn reveal_vote(ctx: Context<RevealVote>, score: u8, salt: [u8; 32]) -> Result<()> {
        handle_reveal_vote(ctx, score, salt)
    }

    /// Contributor: after the task is finalized, unlocks the bond and takes the reward.
    pub fn claim_submission(ctx: Context<ClaimSubmission>) -> Result<()> {
        handle_claim_submission(ctx)
    }

    /// Validator: after its round is closed, unlocks the bond and takes the reward.
    pub fn claim_vote(ctx: Context<ClaimVote>) -> Result<()> {
        handle_claim_vote(ctx)
    }

    /// Vesting owner: withdraws what has vested so far.
    pub fn withdraw_vested(ctx: Context<WithdrawVested>) -> Result<()> {
        handle_withdraw_vested(ctx)
    }

    /// Contributor: after its epoch closes, takes an accepted submission's emission share.
    pub fn claim_submission_emission(ctx: Context<ClaimSubmissionEmission>) -> Result<()> {
        handle_claim_submission_emission(ctx)
    }

    /// Validator: after its epoch closes, takes a claimed coherent vote's emission share.
    pub fn claim_vote_emission(ctx: Context<ClaimVoteEmission>) -> Result<()> {
        handle_claim_vote_emission(ctx)
    }

    /// Anyone: adds tokens to the emission vault and lamports to the keeper pool.
    pub fn fund_emissions(ctx: Context<FundEmissions>, amount: u64, lamports: u64) -> Result<()> {
        handle_fund_emissions(ctx, amount, lamports)
    }

    /// Task creator: after finalization, takes back what no one can claim; closes the
    /// task once everything is settled.
    pub fn reclaim_task(ctx: Context<ReclaimTask>) -> Result<()> {
        handle_reclaim_task(ctx)
    }

    // Keepers (permissionless)

    /// Anyone, after submissions close and before commits close: schedules the task's
    /// committee draw (first call) or seeds it from the target's chain of slot hashes (or
    /// its fallback, once the target aged out); pays a bounty.
    pub fn draw(ctx: Context<DrawCommittee>) -> Result<()> {
        handle_draw(ctx)
    }

    /// Anyone, before a later round's draw deadline: seeds its committee (scheduled when
    /// the round was opened) and opens its windows; pays a bounty.
    pub fn draw_round(ctx: Context<DrawRound>) -> Result<()> {
        handle_draw_round(ctx)
    }

    /// Anyone, once a submission's round is over: closes it. A round that decided nothing
    /// opens the next (the caller pays its rent, returned at `close_round`); otherwise the
    /// outcome is final. Pays a bounty.
    pub fn finalize_submission(ctx: Context<FinalizeSubmission>) -> Result<()> {
        handle_finalize_submission(ctx)
    }

    /// Anyone, once a round's commit window closed: proves that a validator drawn for it
    /// never committed; the validator loses what an incoherent vote would and the caller
    /// gets the slasher's share.
    pub fn report_absence(ctx: Context<ReportAbsence>) -> Result<()> {
        handle_report_absence(ctx)
    }

    /// Anyone, once every submission is final: finalizes the task; pays a bounty.
    pub fn finalize_task(ctx: Context<FinalizeTask>) -> Result<()> {
        handle_finalize_task(ctx)
    }

    /// Anyone: slashes a Rejected submission's bond; pays the caller a share.
    pub fn slash_submission(ctx: Context<SlashSubmission>) -> Result<()> {
        handle_slash_submission(ctx)
    }

    /// Anyone: slashes an unrevealed or incoherent vote; pays the caller a share.
    pub fn slash_vote(ctx: Context<SlashVote>) -> Result<()> {
        handle_slash_vote(ctx)
    }

    /// Anyone: moves the treasury's pending share of slashed stake to the treasury vault.
    pub fn sweep_treasury(ctx: Context<SweepTreasury>) -> Result<()> {
        handle_sweep_treasury(ctx)
    }

    /// Anyone, once the current epoch has ended: closes it (fixing its emission) and
    /// opens the epoch containing now (`next_index`); pays a bounty from the keeper pool.
    pub fn advance_epoch(ctx: Context<AdvanceEpoch>, next_index: u64) -> Result<()> {
        handle_advance_epoch(ctx, next_index)
    }

    /// Anyone: closes a settled vote (or absence record), returning its rent to its payer.
    pub fn close_vote(ctx: Context<CloseVote>) -> Result<()> {
        handle_close_vote(ctx)
    }

    /// Anyone: closes a closed round whose votes are all closed, returning its rent to
    /// whoever opened it.
    pub fn close_round(ctx: Context<CloseRound>) -> Result<()> {
        handle_close_round(ctx)
    }

    /// Anyone, once a finalized task's claim window has passed: what it still owes
    /// becomes the creator's to reclaim; later claims unlock bonds but pay nothing.
    pub fn expire_task(ctx: Context<ExpireTask>) -> Result<()> {
        handle_expire_task(ctx)
    }

    /// Anyone, once a closed epoch's claim window has passed: its unclaimed emission goes
    /// back to the vault for later epochs; later claims pay nothing.
    pub fn expire_epoch(ctx: Context<ExpireEpoch>) -> Result<()> {
        handle_expire_epoch(ctx)
    }

    /// Anyone: closes a settled submission, returning its rent to the contributor.
    pub fn close_submission(ctx: Context<CloseSubmission>) -> Result<()> {
        handle_close_submission(ctx)
    }

    /// Closes a released content claim no revealed submission is pending on (anyone, when
    /// the work was Rejected; its author, otherwise), returning its rent to whoever paid it.
    pub fn close_content_claim(ctx: Context<CloseContentClaim>) -> Result<()> {
        handle_close_content_claim(ctx)
    }
}
