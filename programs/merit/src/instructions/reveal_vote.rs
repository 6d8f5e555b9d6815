use crate::constants::*;
use crate::error::MeritError;
use crate::events::VoteRevealed;
use crate::state::{vote_commitment, Config, Stake, Submission, Task, Vote};
use anchor_lang::prelude::*;

#[derive(Accounts)]
pub struct RevealVote<'info> {
    pub validator: Signer<'info>,
    pub config: AccountLoader<'info, Config>,
    pub task: AccountLoader<'info, Task>,
    #[account(
        mut,
        dup,
        has_one = task @ MeritError::AccountMismatch,
    )]
    pub submission: Box<Account<'info, Submission>>,
    #[account(
        mut,
        dup,
        has_one = validator @ MeritError::AccountMismatch,
        has_one = submission @ MeritError::AccountMismatch,
    )]
    pub vote: Box<Account<'info, Vote>>,
    /// The validator's stake, read for the reputation multiplier.
    #[account(constraint = stake.owner == validator.key() @ MeritError::AccountMismatch)]
    pub stake: Box<Account<'info, Stake>>,
}

impl RevealVote<'_> {
    fn validate(&self, score: u8, salt: &[u8; 32]) -> Result<()> {
        let task = self.task.load()?;
        task.require_reveal_open(
            task.clock(self.config.load()?.pause(), Clock::get()?.unix_timestamp)?,
        )?;
        require!(!self.vote.revealed, MeritError::AlreadyRevealed);
        require!(score <= MAX_SCORE, MeritError::ScoreOutOfRange);
        let expected = vote_commitment(&self.submission.key(), &self.validator.key(), score, salt);
        require!(
            expected == self.vote.commitment,
            MeritError::CommitmentMismatch
        );
        Ok(())
    }
}

#[access_control(ctx.accounts.validate(score, &salt))]
pub fn handle_reveal_vote(ctx: Context<RevealVote>, score: u8, salt: [u8; 32]) -> Result<()> {
    let a = ctx.accounts;
    let params = a.config.load()?.params;
    let epoch = a.config.load()?.current_epoch;
    let multiplier = a.stake.reputation.multiplier_under(epoch, &params)?;
    a.vote.revealed = true;
    a.vote.score = score;
    a.vote.multiplier_bps = multiplier;
    a.submission
        .record_reveal(a.vote.weight, score, multiplier)?;
    a.submission.invariant()?;
    a.vote.invariant()?;
    emit!(VoteRevealed {
        submission: a.submission.key(),
        vote: a.vote.key(),
        validator: a.validator.key(),
        score,
        weight: a.vote.weight,
    });
    Ok(())
}
