use crate::constants::*;
use crate::error::MeritError;
use crate::events::VoteCommitted;
use crate::math::SafeMath;
use crate::state::{Config, Stake, Submission, Task, Vote};
use anchor_lang::prelude::*;

#[derive(Accounts)]
pub struct CommitVote<'info> {
    #[account(mut)]
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
        constraint = stake.owner == validator.key() @ MeritError::AccountMismatch,
    )]
    pub stake: Box<Account<'info, Stake>>,
    /// CHECK: the validator's own submission PDA for this task, pinned by seeds; it must
    /// not exist (a contributor may not judge where it competes).
    #[account(
        seeds = [SUBMISSION_SEED, task.key().as_ref(), validator.key().as_ref()],
        bump,
        constraint = validator_submission.data_is_empty() @ MeritError::CompetitorVote,
    )]
    pub validator_submission: UncheckedAccount<'info>,
    #[account(
        init_if_needed,
        dup,
        payer = validator,
        space = 8 + Vote::INIT_SPACE,
        seeds = [VOTE_SEED, submission.key().as_ref(), validator.key().as_ref()],
        bump,
    )]
    pub vote: Box<Account<'info, Vote>>,
    pub system_program: Program<'info, System>,
}

impl CommitVote<'_> {
    fn validate(&self) -> Result<()> {
        self.config.load()?.pause().require_not_paused()?;
        let task = self.task.load()?;
        task.require_commit_open(
            task.clock(self.config.load()?.pause(), Clock::get()?.unix_timestamp)?,
        )?;
        let validator = self.validator.key();
        require_keys_neq!(validator, task.creator, MeritError::CreatorVote);
        require!(self.vote.version == 0, MeritError::AlreadyVoted);
        require!(task.draw.drawn, MeritError::CommitteeNotDrawn);
        require!(
            self.submission.content_revealed,
            MeritError::SubmissionNotRevealed
        );
        require!(
            self.submission.vote_count < MAX_VOTES_PER_SUBMISSION,
            MeritError::TooManyVotes
        );
        require!(
            self.active_stake()? >= task.rules.min_validator_stake,
            MeritError::StakeBelowMinimum
        );
        let config = self.config.load()?;
        require!(
            self.stake
                .reputation
                .score_under(config.current_epoch, &config.params)?
                >= task.min_reputation_vote,
            MeritError::ReputationTooLow
        );
        Ok(())
    }

    /// The validator's stake that was active when the task's draw was scheduled.
    fn active_stake(&self) -> Result<u64> {
        Ok(self.stake.active_at(
            self.task.load()?.draw.epoch,
            self.config.load()?.current_epoch,
        ))
    }
}

/// Weight = the seats drawn for this validator on this submission (at least one, or
/// `NotDrawn`); bond = `Task::vote_bond(weight)`, the same per seat for everyone, locked
/// until the vote settles.
#[access_control(ctx.accounts.validate())]
pub fn handle_commit_vote(ctx: Context<CommitVote>, commitment: [u8; 32]) -> Result<()> {
    let a = ctx.accounts;
    let active = a.active_stake()?;
    let task = a.task.load()?;
    let weight = task.seats_for(&a.submission.key(), &a.validator.key(), active);
    require!(weight > 0, MeritError::NotDrawn);
    let bond = task.vote_bond(weight)?;
    a.stake.lock(bond)?;
    a.stake.invariant()?;

    a.submission.vote_count = a.submission.vote_count.safe_add(1)?;
    a.submission.open_votes = a.submission.open_votes.safe_add(1)?;
    a.submission.invariant()?;

    a.vote.set_inner(Vote {
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.vote,
        task: a.task.key(),
        submission: a.submission.key(),
        validator: a.validator.key(),
        commitment,
        weight,
        bond,
        bond_remaining: bond,
        committed_at: Clock::get()?.unix_timestamp,
        revealed: false,
        score: 0,
        slashed: false,
        claimed: false,
        reward_paid: 0,
        multiplier_bps: 0,
        points: 0,
        epoch: 0,
        emission_claimed: false,
        reserved: [0; 32],
    });
    a.vote.invariant()?;
    emit!(VoteCommitted {
        submission: a.submission.key(),
        vote: a.vote.key(),
        validator: a.validator.key(),
        weight,
        bond,
    });
    Ok(())
}
