use crate::constants::*;
use crate::error::MeritError;
use crate::events::VoteCommitted;
use crate::state::{Config, Round, Stake, Submission, Task, Vote};
use anchor_lang::prelude::*;

#[derive(Accounts)]
pub struct CommitVote<'info> {
    #[account(mut)]
    pub validator: Signer<'info>,
    pub config: AccountLoader<'info, Config>,
    pub task: AccountLoader<'info, Task>,
    #[account(has_one = task @ MeritError::AccountMismatch)]
    pub submission: Box<Account<'info, Submission>>,
    /// The submission's round under way.
    #[account(
        mut,
        dup,
        constraint = round.load()?.submission == submission.key() @ MeritError::AccountMismatch,
    )]
    pub round: AccountLoader<'info, Round>,
    #[account(
        mut,
        dup,
        constraint = stake.owner == validator.key() @ MeritError::AccountMismatch,
    )]
    pub stake: Box<Account<'info, Stake>>,
    /// CHECK: the validator's own submission PDA for this task, pinned by seeds; a
    /// contributor may not judge where it competes (`Round::seat_check`).
    #[account(seeds = [SUBMISSION_SEED, task.key().as_ref(), validator.key().as_ref()], bump)]
    pub validator_submission: UncheckedAccount<'info>,
    #[account(
        init_if_needed,
        dup,
        payer = validator,
        space = 8 + Vote::INIT_SPACE,
        seeds = [VOTE_SEED, round.key().as_ref(), validator.key().as_ref()],
        bump,
    )]
    pub vote: Box<Account<'info, Vote>>,
    pub system_program: Program<'info, System>,
}

impl CommitVote<'_> {
    fn validate(&self) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let config = self.config.load()?;
        config.require_not_paused(now)?;
        require!(self.vote.version == 0, MeritError::AlreadyVoted);
        let task = self.task.load()?;
        let round = self.round.load()?;
        round.commit_check(
            round.committee(&task).drawn,
            task.clock(config.pause(), now)?,
        )?;
        require!(
            round.index == self.submission.round,
            MeritError::AccountMismatch
        );
        self.seats().map(|_| ())
    }

    /// The seats the validator may commit here: `Round::seat_check`.
    fn seats(&self) -> Result<u64> {
        let current = self.config.load()?.current_epoch;
        self.round.load()?.seat_check(
            &*self.task.load()?,
            &self.stake,
            !self.validator_submission.data_is_empty(),
            current,
        )
    }
}

/// Weight = the seats drawn for this validator on this round's committee; bond =
/// `Task::vote_bond(weight)`, the same per seat for everyone, locked until the vote
/// settles. The committed seats count toward the round's quorum whether or not they are
/// revealed.
#[access_control(ctx.accounts.validate())]
pub fn handle_commit_vote(ctx: Context<CommitVote>, commitment: [u8; 32]) -> Result<()> {
    let a = ctx.accounts;
    let weight = a.seats()?;
    let bond = a.task.load()?.vote_bond(weight)?;
    a.stake.lock(bond)?;
    a.stake.invariant()?;
    let round_index = {
        let mut round = a.round.load_mut()?;
        round.record_commit(weight)?;
        round.invariant()?;
        round.index
    };
    let now = Clock::get()?.unix_timestamp;
    a.vote.set_inner(Vote::committed(
        ctx.bumps.vote,
        a.task.key(),
        a.submission.key(),
        a.round.key(),
        round_index,
        a.validator.key(),
        commitment,
        weight,
        bond,
        now,
    ));
    a.vote.invariant()?;
    emit!(VoteCommitted {
        submission: a.submission.key(),
        round: a.round.key(),
        vote: a.vote.key(),
        validator: a.validator.key(),
        weight,
        bond,
    });
    Ok(())
}
