use crate::constants::*;
use crate::error::MeritError;
use crate::events::VoteRevealed;
use crate::state::{vote_commitment, Config, Round, Stake, Submission, Task, Vote};
use anchor_lang::prelude::*;

#[derive(Accounts)]
pub struct RevealVote<'info> {
    pub validator: Signer<'info>,
    pub config: AccountLoader<'info, Config>,
    pub task: AccountLoader<'info, Task>,
    #[account(has_one = task @ MeritError::AccountMismatch)]
    pub submission: Box<Account<'info, Submission>>,
    #[account(
        mut,
        dup,
        constraint = round.load()?.submission == submission.key() @ MeritError::AccountMismatch,
    )]
    pub round: AccountLoader<'info, Round>,
    #[account(
        mut,
        dup,
        has_one = validator @ MeritError::AccountMismatch,
        has_one = round @ MeritError::AccountMismatch,
    )]
    pub vote: Box<Account<'info, Vote>>,
    /// The validator's stake, read for the reputation multiplier.
    #[account(constraint = stake.owner == validator.key() @ MeritError::AccountMismatch)]
    pub stake: Box<Account<'info, Stake>>,
}

impl RevealVote<'_> {
    fn validate(&self, score: u8, salt: &[u8; 32]) -> Result<()> {
        let task = self.task.load()?;
        self.round
            .load()?
            .reveal_check(task.clock(self.config.load()?.pause(), Clock::get()?.unix_timestamp)?)?;
        require!(!self.vote.revealed, MeritError::AlreadyRevealed);
        require!(score <= MAX_SCORE, MeritError::ScoreOutOfRange);
        let expected = vote_commitment(&self.round.key(), &self.validator.key(), score, salt);
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
    let epoch = a.config.load()?.current_epoch;
    let rep = a.task.load()?.rules.rep();
    let multiplier = a.stake.reputation.multiplier_under(epoch, &rep)?;
    a.vote.revealed = true;
    a.vote.score = score;
    a.vote.multiplier_bps = multiplier;
    {
        let mut round = a.round.load_mut()?;
        round.record_reveal(a.vote.weight, score, multiplier)?;
        round.invariant()?;
    }
    a.vote.invariant()?;
    emit!(VoteRevealed {
        submission: a.submission.key(),
        round: a.round.key(),
        vote: a.vote.key(),
        validator: a.validator.key(),
        score,
        weight: a.vote.weight,
    });
    Ok(())
}
