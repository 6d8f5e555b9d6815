use super::groups::*;
use crate::error::MeritError;
use crate::events::SubmissionClaimed;
use crate::math::{mul_div_floor, SafeMath};
use crate::state::{Outcome, Submission};
use anchor_lang::prelude::*;

#[derive(Accounts)]
pub struct ClaimSubmission<'info> {
    /// `payout.claimant` is the contributor.
    pub payout: RewardPayout<'info>,
    #[account(
        mut,
        dup,
        constraint = submission.task == payout.task.key()
            && submission.contributor == payout.claimant.key() @ MeritError::AccountMismatch,
    )]
    pub submission: Box<Account<'info, Submission>>,
}

impl ClaimSubmission<'_> {
    fn validate(&self) -> Result<()> {
        self.payout.validate()?;
        self.submission.claim_check(&*self.payout.task.load()?)
    }
}

/// Unlocks the bond and pays an Accepted submission
/// `floor(contributor_pool * score / sum of accepted scores)` (into vesting when on).
#[access_control(ctx.accounts.validate())]
pub fn handle_claim_submission(ctx: Context<ClaimSubmission>) -> Result<()> {
    let a = ctx.accounts;
    let mut task = a.payout.task.load_mut()?;
    let sub = &mut a.submission;
    let mut reward = 0;
    // After `expire_task` the reward went back to the creator: the bond still unlocks.
    if sub.outcome == Outcome::Accepted && task.expired {
        task.accepted_unclaimed = task.accepted_unclaimed.safe_sub(1)?;
    } else if sub.outcome == Outcome::Accepted {
        reward = mul_div_floor(
            task.contributor_pool()?,
            u64::from(sub.consensus_score),
            task.accepted_score_sum,
        )?;
        task.contributor_liability = task.contributor_liability.safe_sub(reward)?;
        task.accepted_unclaimed = task.accepted_unclaimed.safe_sub(1)?;
        if task.accepted_unclaimed == 0 {
            // The last claimant is paid: what is left of the pool is rounding dust.
            task.contributor_liability = 0;
        }
        task.paid_out = task.paid_out.safe_add(reward)?;
    }
    sub.claimed = true;
    sub.reward_paid = reward;
    let bond = sub.bond;
    drop(task);
    a.payout.settle(bond, reward)?;
    emit!(SubmissionClaimed {
        submission: a.submission.key(),
        contributor: a.submission.contributor,
        reward,
        bond_unlocked: bond,
    });
    Ok(())
}
