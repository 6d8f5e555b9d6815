use crate::constants::*;
use crate::error::MeritError;
use crate::events::SubmissionRevealed;
use crate::state::{Config, ContentClaim, Round, Submission, Task};
use anchor_lang::prelude::*;

#[derive(Accounts)]
#[instruction(content_hash: [u8; 32])]
pub struct RevealSubmission<'info> {
    /// The contributor; pays the content claim's rent when it is new.
    #[account(mut)]
    pub contributor: Signer<'info>,
    pub config: AccountLoader<'info, Config>,
    pub task: AccountLoader<'info, Task>,
    #[account(
        mut,
        dup,
        has_one = task @ MeritError::AccountMismatch,
        has_one = contributor @ MeritError::AccountMismatch,
    )]
    pub submission: Box<Account<'info, Submission>>,
    #[account(
        init_if_needed,
        dup,
        payer = contributor,
        space = 8 + ContentClaim::INIT_SPACE,
        seeds = [CONTENT_SEED, content_hash.as_ref()],
        bump,
    )]
    pub content_claim: Box<Account<'info, ContentClaim>>,
    /// The submission's first judging round, opened by this reveal (`init_if_needed` so
    /// that a second reveal fails by name, `SubmissionAlreadyRevealed`, not inside the
    /// system program).
    #[account(
        init_if_needed,
        dup,
        payer = contributor,
        space = 8 + Round::INIT_SPACE,
        seeds = [ROUND_SEED, submission.key().as_ref(), &[1]],
        bump,
    )]
    pub round: AccountLoader<'info, Round>,
    pub system_program: Program<'info, System>,
}

impl RevealSubmission<'_> {
    fn validate(&self, uri: &str) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let task = self.task.load()?;
        task.require_submission_reveal_open(task.clock(self.config.load()?.pause(), now)?)?;
        require!(uri.len() <= MAX_URI_LEN, MeritError::UriTooLong);
        require!(
            !self.submission.content_revealed,
            MeritError::SubmissionAlreadyRevealed
        );
        self.content_claim
            .admit_check(&self.contributor.key(), self.submission.committed_slot)
    }
}

/// Opens the commitment (content hash and salt) and publishes the URI. The submission
/// takes the content's claim when the claim is new, or its own commitment is older than
/// the holder's (which is then displaced, and finalized `Duplicate`), or the claim is
/// released and this is its author again; any other reveal of claimed content is refused
/// (and content already paid for is refused to everyone), and the submission, never
/// revealed, loses its bond. Opens the submission's first judging round (the contributor
/// pays its rent, returned by `close_round`).
/// Reveals keep working while the protocol is paused: they only honour commitments.
#[access_control(ctx.accounts.validate(&uri))]
pub fn handle_reveal_submission(
    ctx: Context<RevealSubmission>,
    content_hash: [u8; 32],
    salt: [u8; 32],
    uri: String,
) -> Result<()> {
    let a = ctx.accounts;
    a.submission.reveal(content_hash, &salt, uri)?;
    a.submission.round = 1;
    a.submission.open_rounds = 1;
    {
        let task = a.task.load()?;
        *a.round.load_init()? = Round::first(
            a.task.key(),
            a.submission.key(),
            a.contributor.key(),
            ctx.bumps.round,
            &task,
        );
    }
    let sub = &a.submission;
    let claim = &mut a.content_claim;
    let displaced = claim.take(sub.key(), sub.contributor, sub.task, sub.committed_slot)?;
    if claim.version == 0 {
        claim.version = ACCOUNT_VERSION;
        claim.bump = ctx.bumps.content_claim;
        claim.content_hash = content_hash;
        claim.payer = a.contributor.key();
        claim.created_at = Clock::get()?.unix_timestamp;
    }
    a.submission.invariant()?;
    emit!(SubmissionRevealed {
        task: a.task.key(),
        submission: a.submission.key(),
        contributor: a.contributor.key(),
        content_hash,
        uri: a.submission.uri.clone(),
        committed_slot: a.submission.committed_slot,
        displaced,
        round: a.round.key(),
    });
    Ok(())
}
