use crate::constants::*;
use crate::error::MeritError;
use crate::events::SubmissionCommitted;
use crate::math::SafeMath;
use crate::state::{Config, Stake, Submission, Task};
use crate::token::TokenMove;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{TokenAccount, TokenInterface};

#[derive(Accounts)]
pub struct Submit<'info> {
    #[account(mut)]
    pub contributor: Signer<'info>,
    pub config: AccountLoader<'info, Config>,
    #[account(mut, dup)]
    pub task: AccountLoader<'info, Task>,
    #[account(
        mut,
        dup,
        constraint = stake.owner == contributor.key() @ MeritError::AccountMismatch,
    )]
    pub stake: Box<Account<'info, Stake>>,
    #[account(
        init_if_needed,
        dup,
        payer = contributor,
        space = 8 + Submission::INIT_SPACE,
        seeds = [SUBMISSION_SEED, task.key().as_ref(), contributor.key().as_ref()],
        bump,
    )]
    pub submission: Box<Account<'info, Submission>>,
    /// Pays the submission fee.
    #[account(
        mut,
        dup,
        token::mint = stake_mint,
        token::authority = contributor,
        token::token_program = token_program,
    )]
    pub contributor_token: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(
        mut,
        dup,
        address = task.load()?.vault @ MeritError::AccountMismatch,
    )]
    /// CHECK: Merit's own token account, pinned by address; the token program checks it.
    pub task_vault: UncheckedAccount<'info>,
    /// CHECK: the config's stake mint, pinned by address; only the token program reads it.
    #[account(address = config.load()?.stake_mint @ MeritError::AccountMismatch)]
    pub stake_mint: UncheckedAccount<'info>,
    #[account(address = config.load()?.token_program @ MeritError::AccountMismatch)]
    pub token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl Submit<'_> {
    fn validate(&self, terms_hash: &[u8; 32]) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let pause = self.config.load()?.pause();
        pause.require_not_paused(now)?;
        let task = self.task.load()?;
        require!(*terms_hash == task.terms_hash, MeritError::TermsMismatch);
        task.require_submission_open(task.clock(pause, now)?)?;
        require!(self.submission.version == 0, MeritError::AlreadySubmitted);
        require!(
            task.submission_count < task.max_submissions,
            MeritError::TaskFull
        );
        require!(
            self.stake
                .reputation
                .score_under(self.config.load()?.current_epoch, &task.rules.rep())?
                >= task.min_reputation_submit,
            MeritError::ReputationTooLow
        );
        Ok(())
    }
}

/// Commits to work without showing it: `commitment = submission_commitment(task,
/// contributor, content_hash, salt)`, revealed by `reveal_submission` after submissions
/// close. `terms_hash` must equal the task's: the contributor agrees to those terms and
/// no others. Locks the task's bond from unlocked stake and pays the task's fee.
#[access_control(ctx.accounts.validate(&terms_hash))]
pub fn handle_submit(
    ctx: Context<Submit>,
    commitment: [u8; 32],
    terms_hash: [u8; 32],
) -> Result<()> {
    let a = ctx.accounts;
    let clock = Clock::get()?;
    let mut task = a.task.load_mut()?;
    let (bond, fee) = (task.bond, task.submission_fee);
    a.stake.lock(bond)?;
    a.stake.invariant()?;

    let index = task.submission_count;
    task.submission_count = index.safe_add(1)?;
    task.open_submissions = task.open_submissions.safe_add(1)?;
    task.fees = task.fees.safe_add(fee)?;
    task.invariant()?;
    drop(task);

    let task_key = a.task.key();
    a.submission.set_inner(Submission::committed(
        ctx.bumps.submission,
        task_key,
        a.contributor.key(),
        index,
        commitment,
        clock.slot,
        bond,
        fee,
        clock.unix_timestamp,
    ));
    TokenMove::new(
        &a.token_program,
        &a.stake_mint,
        a.config.load()?.mint_decimals,
    )
    .transfer(
        a.contributor_token.to_account_info(),
        a.task_vault.to_account_info(),
        a.contributor.to_account_info(),
        fee,
        &[],
    )?;
    emit!(SubmissionCommitted {
        task: task_key,
        submission: a.submission.key(),
        contributor: a.contributor.key(),
        commitment,
        committed_slot: clock.slot,
        bond,
        fee,
    });
    Ok(())
}
