use super::groups::*;
use crate::error::MeritError;
use crate::events::VoteClaimed;
use crate::math::{mul_div_floor, SafeMath};
use crate::state::{merit_points, RepEvent, Submission, Vote};
use anchor_lang::prelude::*;

#[derive(Accounts)]
pub struct ClaimVote<'info> {
    /// `payout.claimant` is the validator.
    pub payout: RewardPayout<'info>,
    #[account(
        mut,
        dup,
        constraint = submission.task == payout.task.key() @ MeritError::AccountMismatch,
    )]
    pub submission: Box<Account<'info, Submission>>,
    #[account(
        mut,
        dup,
        has_one = submission @ MeritError::AccountMismatch,
        constraint = vote.validator == payout.claimant.key() @ MeritError::AccountMismatch,
    )]
    pub vote: Box<Account<'info, Vote>>,
}

impl ClaimVote<'_> {
    fn validate(&self) -> Result<()> {
        self.payout.validate()?;
        self.vote
            .claim_check(&self.submission, &self.payout.task.load()?.rules)
            .map(|_| ())
    }
}

/// Unlocks the vote's remaining bond and pays a coherent voter
/// `floor(pool * weight / coherent weight)`, where `pool = validator_pool / submissions +
/// the submission's fee`
/// (into vesting when on). A coherent vote also records its merit points and a good
/// outcome in the validator's reputation.
#[access_control(ctx.accounts.validate())]
pub fn handle_claim_vote(ctx: Context<ClaimVote>) -> Result<()> {
    let a = ctx.accounts;
    let mut task = a.payout.task.load_mut()?;
    let coherent = a.vote.claim_check(&a.submission, &task.rules)?;
    let sub = &mut a.submission;
    let vote = &mut a.vote;
    let mut reward = 0;
    if coherent {
        let params = a.payout.config.load()?.params;
        let value = task.vote_value(vote.weight, sub.coherent_weight)?;
        emit!(a.payout.stake.record_outcome(
            RepEvent::Coherent,
            a.payout.config.load()?.current_epoch,
            &params,
            value,
        )?);
        vote.points = merit_points(value, vote.multiplier_bps)?;
        vote.epoch = sub.epoch;
        sub.coherent_unclaimed = sub.coherent_unclaimed.safe_sub(1)?;
        // After `expire_task` the pool went back to the creator: the bond still unlocks.
        if !task.expired {
            let slice = sub.judge_pool(&task)?;
            reward = mul_div_floor(slice, vote.weight, sub.coherent_weight)?;
            sub.validator_paid = sub.validator_paid.safe_add(reward)?;
            task.validator_liability = task.validator_liability.safe_sub(reward)?;
            if sub.coherent_unclaimed == 0 {
                // The last coherent voter is paid: the slice's rounding dust is released.
                let dust = slice.safe_sub(sub.validator_paid)?;
                task.validator_liability = task.validator_liability.safe_sub(dust)?;
            }
            task.paid_out = task.paid_out.safe_add(reward)?;
        }
    }
    let unlocked = vote.bond_remaining;
    vote.bond_remaining = 0;
    vote.claimed = true;
    vote.reward_paid = reward;
    vote.invariant()?;
    sub.invariant()?;
    drop(task);
    a.payout.settle(unlocked, reward)?;
    emit!(VoteClaimed {
        vote: vote.key(),
        validator: vote.validator,
        reward,
        bond_unlocked: unlocked,
    });
    Ok(())
}
