//! Permissionless closing of settled vote, round, submission and content-claim accounts.
//! Rent always goes back to whoever paid it, never to the caller.
use crate::error::MeritError;
use crate::events::AccountClosed;
use crate::math::SafeMath;
use crate::state::{ContentClaim, Round, Submission, Task, Vote};
use anchor_lang::prelude::*;

#[derive(Accounts)]
pub struct CloseVote<'info> {
    #[account(
        mut,
        dup,
        constraint = round.load()?.votes_closable() @ MeritError::NotSettled,
    )]
    pub round: AccountLoader<'info, Round>,
    #[account(
        mut,
        dup,
        close = payer,
        has_one = round @ MeritError::AccountMismatch,
        has_one = payer @ MeritError::AccountMismatch,
        constraint = vote.is_settled() @ MeritError::NotSettled,
    )]
    pub vote: Box<Account<'info, Vote>>,
    /// CHECK: only receives the vote's rent (the validator's, or an absence reporter's);
    /// pinned to `vote.payer` by `has_one`.
    #[account(mut)]
    pub payer: UncheckedAccount<'info>,
}

pub fn handle_close_vote(ctx: Context<CloseVote>) -> Result<()> {
    let mut round = ctx.accounts.round.load_mut()?;
    round.open_votes = round.open_votes.safe_sub(1)?;
    round.invariant()?;
    emit!(AccountClosed {
        account: ctx.accounts.vote.key(),
        rent_receiver: ctx.accounts.payer.key(),
    });
    Ok(())
}

#[derive(Accounts)]
pub struct CloseRound<'info> {
    #[account(mut, dup)]
    pub submission: Box<Account<'info, Submission>>,
    #[account(
        mut,
        dup,
        close = payer,
        constraint = round.load()?.submission == submission.key() @ MeritError::AccountMismatch,
        constraint = round.load()?.payer == payer.key() @ MeritError::AccountMismatch,
        constraint = round.load()?.is_settled() @ MeritError::NotSettled,
    )]
    pub round: AccountLoader<'info, Round>,
    /// CHECK: only receives the round's rent; pinned to `round.payer` by its constraint.
    #[account(mut)]
    pub payer: UncheckedAccount<'info>,
}

/// Closes a round that is closed and whose vote accounts are all closed, returning its
/// rent to whoever opened it (the contributor for round 1, a keeper after).
pub fn handle_close_round(ctx: Context<CloseRound>) -> Result<()> {
    let sub = &mut ctx.accounts.submission;
    sub.open_rounds = sub.open_rounds.safe_sub(1)?;
    sub.invariant()?;
    emit!(AccountClosed {
        account: ctx.accounts.round.key(),
        rent_receiver: ctx.accounts.payer.key(),
    });
    Ok(())
}

#[derive(Accounts)]
pub struct CloseSubmission<'info> {
    #[account(mut, dup)]
    pub task: AccountLoader<'info, Task>,
    #[account(
        mut,
        dup,
        close = contributor,
        has_one = task @ MeritError::AccountMismatch,
        has_one = contributor @ MeritError::AccountMismatch,
        constraint = submission.is_settled(&*task.load()?) @ MeritError::NotSettled,
    )]
    pub submission: Box<Account<'info, Submission>>,
    /// CHECK: only receives the submission's rent; pinned to `submission.contributor` by `has_one`.
    #[account(mut)]
    pub contributor: UncheckedAccount<'info>,
}

pub fn handle_close_submission(ctx: Context<CloseSubmission>) -> Result<()> {
    let mut task = ctx.accounts.task.load_mut()?;
    task.open_submissions = task.open_submissions.safe_sub(1)?;
    task.invariant()?;
    emit!(AccountClosed {
        account: ctx.accounts.submission.key(),
        rent_receiver: ctx.accounts.contributor.key(),
    });
    Ok(())
}

#[derive(Accounts)]
pub struct CloseContentClaim<'info> {
    /// Anyone when the work was Rejected; otherwise only the claim's author.
    pub closer: Signer<'info>,
    #[account(
        mut,
        dup,
        close = payer,
        has_one = payer @ MeritError::AccountMismatch,
        constraint = content_claim.is_closable_by(&closer.key()) @ MeritError::NotSettled,
    )]
    pub content_claim: Box<Account<'info, ContentClaim>>,
    /// CHECK: only receives the claim's rent; pinned to `content_claim.payer` by `has_one`.
    #[account(mut)]
    pub payer: UncheckedAccount<'info>,
}

pub fn handle_close_content_claim(ctx: Context<CloseContentClaim>) -> Result<()> {
    emit!(AccountClosed {
        account: ctx.accounts.content_claim.key(),
        rent_receiver: ctx.accounts.payer.key(),
    });
    Ok(())
}
