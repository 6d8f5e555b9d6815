use crate::constants::*;
use crate::error::MeritError;
use crate::events::WorkSubmitted;
use crate::math::SafeMath;
use crate::state::{Config, ContentClaim, Outcome, Stake, Submission, Task};
use anchor_lang::prelude::*;

#[derive(Accounts)]
#[instruction(content_hash: [u8; 32])]
pub struct Submit<'info> {
    #[account(mut)]
    pub contributor: Signer<'info>,
    #[account(seeds = [CONFIG_SEED], bump = config.bump)]
    pub config: Box<Account<'info, Config>>,
    #[account(
        mut,
        seeds = [TASK_SEED, task.creator.as_ref(), &task.id.to_le_bytes()],
        bump = task.bump,
    )]
    pub task: Box<Account<'info, Task>>,
    #[account(
        mut,
        seeds = [STAKE_SEED, contributor.key().as_ref()],
        bump = stake.bump,
    )]
    pub stake: Box<Account<'info, Stake>>,
    #[account(
        init_if_needed,
        payer = contributor,
        space = 8 + Submission::INIT_SPACE,
        seeds = [SUBMISSION_SEED, task.key().as_ref(), contributor.key().as_ref()],
        bump,
    )]
    pub submission: Box<Account<'info, Submission>>,
    #[account(
        init_if_needed,
        payer = contributor,
        space = 8 + ContentClaim::INIT_SPACE,
        seeds = [CONTENT_SEED, content_hash.as_ref()],
        bump,
    )]
    pub content_claim: Box<Account<'info, ContentClaim>>,
    pub system_program: Program<'info, System>,
}

impl Submit<'_> {
    fn validate(&self, uri: &str) -> Result<()> {
        self.config.require_not_paused()?;
        self.task
            .require_submission_open(Clock::get()?.unix_timestamp)?;
        require!(uri.len() <= MAX_URI_LEN, MeritError::UriTooLong);
        require!(self.submission.version == 0, MeritError::AlreadySubmitted);
        require!(
            self.content_claim.version == 0,
            MeritError::DuplicateContent
        );
        require!(
            self.task.submission_count < self.task.max_submissions,
            MeritError::TaskFull
        );
        let p = &self.config.params;
        require!(
            self.stake
                .reputation
                .score_at(self.config.current_epoch, p.reputation_decay_bps)?
                >= self.task.min_reputation_submit,
            MeritError::ReputationTooLow
        );
        Ok(())
    }
}

/// Locks the task's bond from the contributor's unlocked stake.
#[access_control(ctx.accounts.validate(&uri))]
pub fn handle_submit(ctx: Context<Submit>, content_hash: [u8; 32], uri: String) -> Result<()> {
    let a = ctx.accounts;
    let now = Clock::get()?.unix_timestamp;
    let bond = a.task.bond;
    a.stake.lock(bond)?;
    a.stake.invariant()?;

    let index = a.task.submission_count;
    a.task.submission_count = index.safe_add(1)?;
    a.task.open_submissions = a.task.open_submissions.safe_add(1)?;
    a.task.invariant()?;

    let task_key = a.task.key();
    let submission_key = a.submission.key();
    a.submission.set_inner(Submission {
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.submission,
        task: task_key,
        contributor: a.contributor.key(),
        index,
        content_hash,
        uri,
        bond,
        submitted_at: now,
        vote_count: 0,
        open_votes: 0,
        revealed: Vec::new(),
        revealed_weight: 0,
        outcome: Outcome::Pending,
        consensus_score: 0,
        coherent_weight: 0,
        coherent_count: 0,
        coherent_unclaimed: 0,
        validator_paid: 0,
        reward_paid: 0,
        claimed: false,
        slashed: false,
        epoch: 0,
        points: 0,
        emission_claimed: false,
        reserved: [0; 32],
    });
    a.content_claim.set_inner(ContentClaim {
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.content_claim,
        content_hash,
        submission: submission_key,
        contributor: a.contributor.key(),
        task: task_key,
        created_at: now,
    });
    emit!(WorkSubmitted {
        task: task_key,
        submission: submission_key,
        contributor: a.contributor.key(),
        content_hash,
        bond,
    });
    Ok(())
}
