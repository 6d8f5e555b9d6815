//! Permissionless closing of settled vote, submission and content-claim accounts. Rent
//! always goes back to whoever paid it, never to the caller.
use crate::error::MeritError;
use crate::events::AccountClosed;
use crate::math::SafeMath;
use crate::state::{ContentClaim, Submission, Task, Vote};
use anchor_lang::prelude::*;

#[derive(Accounts)]
pub struct CloseVote<'info> {
    #[account(mut, dup)]
    pub submission: Box<Account<'info, Submission>>,
    #[account(
        mut,
        dup,
        close = validator,
        has_one = submission @ MeritError::AccountMismatch,
        has_one = validator @ MeritError::AccountMismatch,
        constraint = vote.is_settled() @ MeritError::NotSettled,
    )]
    pub vote: Box<Account<'info, Vote>>,
    /// CHECK: only receives the vote's rent; pinned to `vote.validator` by `has_one`.
    #[account(mut)]
    pub validator: UncheckedAccount<'info>,
}

pub fn handle_close_vote(ctx: Context<CloseVote>) -> Result<()> {
    let sub = &mut ctx.accounts.submission;
    sub.open_votes = sub.open_votes.safe_sub(1)?;
    emit!(AccountClosed {
        account: ctx.accounts.vote.key(),
        rent_receiver: ctx.accounts.validator.key(),
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
        constraint = submission.is_settled() @ MeritError::NotSettled,
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
