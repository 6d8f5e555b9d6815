use crate::error::MeritError;
use crate::events::SubmissionFinalized;
use crate::math::SafeMath;
use crate::state::{
    merit_points, Config, ContentClaim, ContentStatus, Epoch, Outcome, RepEvent, Stake, Submission,
    Task,
};
use crate::token::TokenMove;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

#[derive(Accounts)]
pub struct FinalizeSubmission<'info> {
    /// Anyone; receives the keeper bounty.
    #[account(mut)]
    pub keeper: Signer<'info>,
    pub config: AccountLoader<'info, Config>,
    #[account(mut, dup)]
    pub task: AccountLoader<'info, Task>,
    #[account(
        mut,
        dup,
        has_one = task @ MeritError::AccountMismatch,
    )]
    pub submission: Box<Account<'info, Submission>>,
    /// The contributor's stake, whose reputation the outcome updates.
    #[account(
        mut,
        dup,
        constraint = stake.owner == submission.contributor @ MeritError::AccountMismatch,
    )]
    pub stake: Box<Account<'info, Stake>>,
    /// The open epoch, which collects the merit points.
    #[account(
        mut,
        dup,
        constraint = epoch.index == config.load()?.current_epoch @ MeritError::AccountMismatch,
    )]
    pub epoch: Box<Account<'info, Epoch>>,
    /// The claim on the submission's content: pass it exactly when the content was
    /// revealed (it decides between the submission's own outcome and `Duplicate`).
    #[account(
        mut,
        dup,
        constraint = content_claim.content_hash == submission.content_hash @ MeritError::AccountMismatch,
    )]
    pub content_claim: Option<Box<Account<'info, ContentClaim>>>,
    #[account(
        mut,
        dup,
        address = task.load()?.vault @ MeritError::AccountMismatch,
    )]
    /// CHECK: Merit's own token account, pinned by address; the token program checks it.
    pub task_vault: UncheckedAccount<'info>,
    /// Receives the submission fee when no coherent judge earned it.
    #[account(mut, dup, address = config.load()?.treasury_vault @ MeritError::AccountMismatch)]
    /// CHECK: Merit's own token account, pinned by address; the token program checks it.
    pub treasury_vault: UncheckedAccount<'info>,
    /// CHECK: the config's stake mint, pinned by address; only the token program reads it.
    #[account(address = config.load()?.stake_mint @ MeritError::AccountMismatch)]
    pub stake_mint: UncheckedAccount<'info>,
    #[account(address = config.load()?.token_program @ MeritError::AccountMismatch)]
    pub token_program: Interface<'info, TokenInterface>,
}

impl FinalizeSubmission<'_> {
    fn validate(&self) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let task = self.task.load()?;
        task.require_reveals_closed(task.clock(self.config.load()?.pause(), now)?)?;
        require!(
            self.submission.outcome == Outcome::Pending,
            MeritError::AlreadyFinalized
        );
        require!(
            self.submission.content_revealed == self.content_claim.is_some(),
            MeritError::ContentClaimMismatch
        );
        self.epoch.require_open(now)
    }
}

/// Decides the outcome by stake-weighted median (or `Unrevealed`, or `Duplicate` when an
/// earlier commitment holds the content claim), records the merit points of accepted
/// work and coherent votes in the open epoch, updates the contributor's reputation, books
/// the judges' pool (slice plus fee) or sends the fee to the treasury when no judge earned
/// it, and pays the caller one bounty.
#[access_control(ctx.accounts.validate())]
pub fn handle_finalize_submission(ctx: Context<FinalizeSubmission>) -> Result<()> {
    let a = ctx.accounts;
    let p = a.config.load()?.params;
    let epoch_index = a.config.load()?.current_epoch;
    let multiplier = a.stake.reputation.multiplier_under(epoch_index, &p)?;
    let sub_key = a.submission.key();
    let content = match &a.content_claim {
        Some(claim) => claim.status_of(&sub_key),
        None => ContentStatus::Unrevealed,
    };
    let task_key = a.task.key();
    let mut task = a.task.load_mut()?;
    let vote_points = a.submission.finalize(&task, content)?;
    if let Some(claim) = a.content_claim.as_deref_mut() {
        claim.settle(&sub_key, a.submission.outcome)?;
    }
    let sub = &mut a.submission;
    sub.epoch = epoch_index;
    task.finalized_count = task.finalized_count.safe_add(1)?;
    let event = match sub.outcome {
        Outcome::Accepted => {
            task.accepted_count = task.accepted_count.safe_add(1)?;
            task.accepted_unclaimed = task.accepted_unclaimed.safe_add(1)?;
            task.accepted_score_sum = task
                .accepted_score_sum
                .safe_add(u64::from(sub.consensus_score))?;
            sub.points = merit_points(task.submission_value(sub.consensus_score)?, multiplier)?;
            Some(RepEvent::Accepted)
        }
        Outcome::Neutral => Some(RepEvent::Neutral),
        Outcome::Rejected | Outcome::Duplicate | Outcome::Unrevealed => Some(RepEvent::Rejected),
        Outcome::NoQuorum | Outcome::Pending => None,
    };
    if let Some(event) = event {
        // Reputation moves with the value the task put up for this submission.
        let value = task.slot_value()?;
        emit!(a.stake.record_outcome(event, epoch_index, &p, value)?);
    }
    a.epoch.contributor_points = a
        .epoch
        .contributor_points
        .safe_add(u128::from(sub.points))?;
    a.epoch.validator_points = a.epoch.validator_points.safe_add(u128::from(vote_points))?;
    let fee_to_treasury = !sub.judges_paid();
    if fee_to_treasury {
        task.fees_to_treasury = task.fees_to_treasury.safe_add(sub.fee)?;
    } else {
        task.validator_liability = task.validator_liability.safe_add(sub.judge_pool(&task)?)?;
    }
    let bounty = task.take_bounty()?;
    task.invariant()?;
    sub.invariant()?;
    // Copied out: the task's data must not be borrowed while the transfer runs.
    let signer = task.signer();
    drop(task);
    if fee_to_treasury {
        let tokens = TokenMove::new(
            &a.token_program,
            &a.stake_mint,
            a.config.load()?.mint_decimals,
        );
        signer.with(|seeds| {
            tokens.transfer(
                a.task_vault.to_account_info(),
                a.treasury_vault.to_account_info(),
                a.task.to_account_info(),
                sub.fee,
                seeds,
            )
        })?;
    }
    Task::pay_bounty(
        &a.task.to_account_info(),
        &a.keeper.to_account_info(),
        bounty,
    )?;
    emit!(SubmissionFinalized {
        task: task_key,
        submission: sub.key(),
        outcome: sub.outcome,
        consensus_score: sub.consensus_score,
        revealed_weight: sub.revealed_weight,
        coherent_weight: sub.coherent_weight,
        epoch: epoch_index,
        contributor_points: sub.points,
        validator_points: vote_points,
        fee: sub.fee,
        fee_to_treasury,
        keeper: a.keeper.key(),
        bounty_lamports: bounty,
    });
    Ok(())
}
