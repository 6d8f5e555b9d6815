use crate::constants::*;
use crate::error::MeritError;
use crate::events::SubmissionFinalized;
use crate::math::SafeMath;
use crate::state::{submission_points, Config, Epoch, Outcome, RepEvent, Stake, Submission, Task};
use anchor_lang::prelude::*;

#[derive(Accounts)]
pub struct FinalizeSubmission<'info> {
    /// Anyone; receives the keeper bounty.
    #[account(mut)]
    pub keeper: Signer<'info>,
    #[account(seeds = [CONFIG_SEED], bump = config.bump)]
    pub config: Box<Account<'info, Config>>,
    #[account(
        mut,
        seeds = [TASK_SEED, task.creator.as_ref(), &task.id.to_le_bytes()],
        bump = task.bump,
    )]
    pub task: Box<Account<'info, Task>>,
    #[account(
        mut,
        seeds = [SUBMISSION_SEED, task.key().as_ref(), submission.contributor.as_ref()],
        bump = submission.bump,
        has_one = task @ MeritError::AccountMismatch,
    )]
    pub submission: Box<Account<'info, Submission>>,
    /// The contributor's stake, whose reputation the outcome updates.
    #[account(
        mut,
        seeds = [STAKE_SEED, submission.contributor.as_ref()],
        bump = stake.bump,
    )]
    pub stake: Box<Account<'info, Stake>>,
    /// The open epoch, which collects the merit points.
    #[account(
        mut,
        seeds = [EPOCH_SEED, &config.current_epoch.to_le_bytes()],
        bump = epoch.bump,
    )]
    pub epoch: Box<Account<'info, Epoch>>,
}

impl FinalizeSubmission<'_> {
    fn validate(&self) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        self.task.require_reveals_closed(now)?;
        require!(
            self.submission.outcome == Outcome::Pending,
            MeritError::AlreadyFinalized
        );
        self.epoch.require_open(now)
    }
}

/// Decides the outcome by stake-weighted median, records the merit points of accepted
/// work and coherent votes in the open epoch, updates the contributor's reputation, and
/// pays the caller one bounty.
#[access_control(ctx.accounts.validate())]
pub fn handle_finalize_submission(ctx: Context<FinalizeSubmission>) -> Result<()> {
    let a = ctx.accounts;
    let p = a.config.params;
    let epoch_index = a.config.current_epoch;
    let multiplier = a
        .stake
        .reputation
        .multiplier_at(epoch_index, p.reputation_decay_bps)?;
    let vote_points = a.submission.finalize(&a.task)?;
    let sub = &mut a.submission;
    let task = &mut a.task;
    sub.epoch = epoch_index;
    task.finalized_count = task.finalized_count.safe_add(1)?;
    let event = match sub.outcome {
        Outcome::Accepted => {
            task.accepted_count = task.accepted_count.safe_add(1)?;
            task.accepted_unclaimed = task.accepted_unclaimed.safe_add(1)?;
            task.accepted_score_sum = task
                .accepted_score_sum
                .safe_add(u64::from(sub.consensus_score))?;
            sub.points = submission_points(sub.consensus_score, multiplier)?;
            Some(RepEvent::Accepted)
        }
        Outcome::Neutral => Some(RepEvent::Neutral),
        Outcome::Rejected => Some(RepEvent::Rejected),
        Outcome::NoQuorum | Outcome::Pending => None,
    };
    if let Some(event) = event {
        a.stake.record_outcome(event, epoch_index, &p)?;
    }
    a.epoch.contributor_points = a
        .epoch
        .contributor_points
        .safe_add(u128::from(sub.points))?;
    a.epoch.validator_points = a.epoch.validator_points.safe_add(u128::from(vote_points))?;
    if sub.has_consensus() && sub.coherent_weight > 0 {
        task.validator_liability = task.validator_liability.safe_add(task.validator_slice()?)?;
    }
    let bounty = task.take_bounty()?;
    task.invariant()?;
    sub.invariant()?;
    Task::pay_bounty(&task.to_account_info(), &a.keeper.to_account_info(), bounty)?;
    emit!(SubmissionFinalized {
        task: task.key(),
        submission: sub.key(),
        outcome: sub.outcome,
        consensus_score: sub.consensus_score,
        revealed_weight: sub.revealed_weight,
        coherent_weight: sub.coherent_weight,
        epoch: epoch_index,
        contributor_points: sub.points,
        validator_points: vote_points,
        keeper: a.keeper.key(),
        bounty_lamports: bounty,
    });
    Ok(())
}
