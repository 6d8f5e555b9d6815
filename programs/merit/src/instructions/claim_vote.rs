use super::groups::*;
use crate::error::MeritError;
use crate::events::{ReputationUpdated, VoteClaimed};
use crate::math::SafeMath;
use crate::state::{RepEvent, Round, Vote};
use anchor_lang::prelude::*;

#[derive(Accounts)]
pub struct ClaimVote<'info> {
    /// `payout.claimant` is the validator.
    pub payout: RewardPayout<'info>,
    #[account(
        mut,
        dup,
        constraint = round.load()?.task == payout.task.key() @ MeritError::AccountMismatch,
    )]
    pub round: AccountLoader<'info, Round>,
    #[account(
        mut,
        dup,
        has_one = round @ MeritError::AccountMismatch,
        constraint = vote.validator == payout.claimant.key() @ MeritError::AccountMismatch,
    )]
    pub vote: Box<Account<'info, Vote>>,
}

impl ClaimVote<'_> {
    fn validate(&self) -> Result<()> {
        self.payout.validate()?;
        self.vote
            .claim_check(&*self.round.load()?, &self.payout.task.load()?.rules)
            .map(|_| ())
    }
}

/// Unlocks the vote's remaining bond and pays a coherent voter
/// `floor(pool * weight / coherent weight)` of its round's pool (the submission's validator
/// slice plus its fee; into vesting when on). A coherent vote also records its merit points
/// and a good outcome in the validator's reputation.
#[access_control(ctx.accounts.validate())]
pub fn handle_claim_vote(ctx: Context<ClaimVote>) -> Result<()> {
    let a = ctx.accounts;
    let mut task = a.payout.task.load_mut()?;
    let mut round = a.round.load_mut()?;
    let coherent = a.vote.claim_check(&round, &task.rules)?;
    let vote = &mut a.vote;
    let mut reward = 0;
    if coherent {
        let rep = task.rules.rep();
        let value = task.vote_value(vote.weight, round.coherent_weight)?;
        emit!(ReputationUpdated::from(a.payout.stake.record_outcome(
            RepEvent::Coherent,
            a.payout.config.load()?.current_epoch,
            &rep,
            value,
        )?));
        vote.points = round.vote_points(&task, vote.weight, vote.multiplier_bps)?;
        vote.epoch = round.points_epoch;
        // After `expire_task` the pool went back to the creator: the bond still unlocks.
        let (pay, dust) = round.take_pay(vote.weight, !task.expired)?;
        reward = pay;
        task.validator_liability = task.validator_liability.safe_sub(pay)?.safe_sub(dust)?;
        task.paid_out = task.paid_out.safe_add(pay)?;
    }
    let unlocked = vote.bond_remaining;
    vote.bond_remaining = 0;
    vote.claimed = true;
    vote.reward_paid = reward;
    vote.invariant()?;
    round.invariant()?;
    drop(round);
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
