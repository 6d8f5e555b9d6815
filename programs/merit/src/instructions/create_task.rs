use crate::constants::*;
use crate::error::MeritError;
use crate::events::TaskCreated;
use crate::math::SafeMath;
use crate::state::{Config, Draw, Task, TaskRules, TaskState};
use crate::token::TokenMove;
use anchor_lang::prelude::*;
use anchor_lang::system_program;
use anchor_spl::token_interface::{TokenAccount, TokenInterface};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct CreateTaskArgs {
    /// Creator-chosen id, unique per creator.
    pub id: u64,
    pub spec_hash: [u8; 32],
    pub uri: String,
    /// Tokens escrowed as the task's reward.
    pub reward: u64,
    /// Submissions (commitments) close.
    pub submission_deadline: i64,
    /// Submission reveals close and vote commits open.
    pub submission_reveal_deadline: i64,
    pub commit_deadline: i64,
    pub reveal_deadline: i64,
    pub bond: u64,
    /// Non-refundable fee per submission: at least the config's minimum and the squatting
    /// floor (`Task::squat_fee_floor`), at most the config's maximum (or the floor).
    pub submission_fee: u64,
    /// Expected seats on each submission's committee (config bounds).
    pub committee_size: u8,
    /// Revealed seats a submission needs (1..=committee_size * max_quorum_bps).
    pub quorum_seats: u16,
    pub accept_threshold: u8,
    pub reject_threshold: u8,
    pub validator_share_bps: u16,
    pub max_submissions: u16,
    /// Reputation (bps, 0..=10,000) a contributor needs to submit.
    pub min_reputation_submit: u16,
    /// Reputation (bps) a validator needs to vote: at most the config's
    /// `reputation_start_bps`, where every new or idle key stands.
    pub min_reputation_vote: u16,
}

#[derive(Accounts)]
#[instruction(args: CreateTaskArgs)]
pub struct CreateTask<'info> {
    #[account(mut)]
    pub creator: Signer<'info>,
    pub config: AccountLoader<'info, Config>,
    #[account(
        init,
        payer = creator,
        space = 8 + Task::INIT_SPACE,
        seeds = [TASK_SEED, creator.key().as_ref(), &args.id.to_le_bytes()],
        bump,
    )]
    pub task: AccountLoader<'info, Task>,
    #[account(
        init,
        payer = creator,
        seeds = [TASK_VAULT_SEED, task.key().as_ref()],
        bump,
        token::mint = stake_mint,
        token::authority = task,
        token::token_program = token_program,
    )]
    pub task_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(
        mut,
        dup,
        token::mint = stake_mint,
        token::authority = creator,
        token::token_program = token_program,
    )]
    pub creator_token: Box<InterfaceAccount<'info, TokenAccount>>,
    /// Receives the task's protocol fee.
    #[account(mut, dup, address = config.load()?.treasury_vault @ MeritError::AccountMismatch)]
    /// CHECK: Merit's own token account, pinned by address; the token program checks it.
    pub treasury_vault: UncheckedAccount<'info>,
    /// CHECK: the config's stake mint, pinned by address; only the token program reads it.
    #[account(address = config.load()?.stake_mint @ MeritError::AccountMismatch)]
    pub stake_mint: UncheckedAccount<'info>,
    #[account(address = config.load()?.token_program @ MeritError::AccountMismatch)]
    pub token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl CreateTask<'_> {
    fn validate(&self, args: &CreateTaskArgs) -> Result<()> {
        let config = self.config.load()?;
        let p = &config.params;
        let now = Clock::get()?.unix_timestamp;
        config.require_not_paused(now)?;
        require!(args.reward > 0, MeritError::ZeroAmount);
        require!(args.uri.len() <= MAX_URI_LEN, MeritError::UriTooLong);
        let min = p.min_phase_secs;
        require!(
            args.submission_deadline >= now.safe_add(min)?
                && args.submission_reveal_deadline >= args.submission_deadline.safe_add(min)?
                && args.commit_deadline >= args.submission_reveal_deadline.safe_add(min)?
                && args.reveal_deadline >= args.commit_deadline.safe_add(min)?,
            MeritError::InvalidDeadlines
        );
        require!(
            args.reveal_deadline.safe_sub(now)? <= p.max_task_duration_secs,
            MeritError::TaskTooLong
        );
        require!(
            args.reject_threshold >= 1
                && args.reject_threshold < args.accept_threshold
                && args.reject_threshold <= p.max_reject_threshold
                && args.accept_threshold <= p.max_accept_threshold,
            MeritError::InvalidThresholds
        );
        require!(
            args.validator_share_bps <= BPS_DENOMINATOR,
            MeritError::InvalidBps
        );
        require!(
            args.max_submissions >= 1 && args.max_submissions <= p.max_submissions_per_task,
            MeritError::InvalidMaxSubmissions
        );
        require!(
            (p.min_committee_size..=p.max_committee_size).contains(&args.committee_size),
            MeritError::InvalidCommitteeSize
        );
        require!(args.bond >= p.min_submission_bond, MeritError::BondTooSmall);
        Task::judging_pays_check(args.validator_share_bps, p.vote_bond_bps)?;
        let floor =
            Task::squat_fee_floor(args.reward, args.validator_share_bps, args.max_submissions)?;
        require!(
            args.submission_fee >= floor,
            MeritError::SubmissionFeeBelowFloor
        );
        require!(
            args.submission_fee >= p.min_submission_fee
                && args.submission_fee <= p.max_submission_fee.max(floor),
            MeritError::InvalidSubmissionFee
        );
        let max_quorum = u64::from(args.committee_size) * u64::from(p.max_quorum_bps)
            / u64::from(BPS_DENOMINATOR);
        require!(
            args.quorum_seats >= 1 && u64::from(args.quorum_seats) <= max_quorum,
            MeritError::InvalidQuorum
        );
        require!(
            args.min_reputation_submit <= MAX_REPUTATION
                && args.min_reputation_vote <= p.reputation_start_bps,
            MeritError::InvalidReputation
        );
        Ok(())
    }
}

/// Escrows `reward` tokens and `(3 * max_submissions + 3) * keeper_bounty_lamports`
/// lamports (`Task::bounty_escrow`), and pays the non-refundable protocol fee, `ceil(reward * task_fee_bps /
/// 10,000)`, to the treasury; the task's participants can earn at most
/// `emission_cap_bps` of that fee in emissions.
#[access_control(ctx.accounts.validate(&args))]
pub fn handle_create_task(ctx: Context<CreateTask>, args: CreateTaskArgs) -> Result<()> {
    let a = ctx.accounts;
    let p = a.config.load()?.params;
    let bounty_total = Task::bounty_escrow(&p, args.max_submissions)?;
    let (protocol_fee, emission_cap) = Task::protocol_fee_and_cap(args.reward, &p)?;
    let mut task = a.task.load_init()?;
    *task = Task {
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.task,
        vault: a.task_vault.key(),
        creator: a.creator.key(),
        id: args.id,
        spec_hash: args.spec_hash,
        uri_len: 0,
        uri: [0; MAX_URI_LEN],
        reward: args.reward,
        validator_share_bps: args.validator_share_bps,
        submission_deadline: args.submission_deadline,
        submission_reveal_deadline: args.submission_reveal_deadline,
        commit_deadline: args.commit_deadline,
        reveal_deadline: args.reveal_deadline,
        bond: args.bond,
        submission_fee: args.submission_fee,
        committee_size: args.committee_size,
        quorum_seats: args.quorum_seats,
        accept_threshold: args.accept_threshold,
        reject_threshold: args.reject_threshold,
        max_submissions: args.max_submissions,
        min_reputation_submit: args.min_reputation_submit,
        min_reputation_vote: args.min_reputation_vote,
        rules: TaskRules::snapshot(&p),
        terms_hash: [0; 32],
        draw: Draw::unscheduled(),
        state: TaskState::Open,
        submission_count: 0,
        finalized_count: 0,
        accepted_count: 0,
        accepted_unclaimed: 0,
        open_submissions: 0,
        unjudged_count: 0,
        accepted_score_sum: 0,
        bounty_remaining: bounty_total,
        contributor_liability: 0,
        validator_liability: 0,
        protocol_fee,
        emission_cap,
        emission_paid: 0,
        fees: 0,
        to_treasury: 0,
        paid_out: 0,
        reclaimed: 0,
        finalized_at: 0,
        paused_base: a
            .config
            .load()?
            .pause()
            .paused_secs(Clock::get()?.unix_timestamp)?,
        expired: false,
        reserved: [0; 66],
    };
    task.set_uri(&args.uri)?;
    task.terms_hash = task.terms_hash();
    task.invariant()?;
    let terms_hash = task.terms_hash;
    drop(task);
    let tokens = TokenMove::new(
        &a.token_program,
        &a.stake_mint,
        a.config.load()?.mint_decimals,
    );
    tokens.transfer(
        a.creator_token.to_account_info(),
        a.task_vault.to_account_info(),
        a.creator.to_account_info(),
        args.reward,
        &[],
    )?;
    tokens.transfer(
        a.creator_token.to_account_info(),
        a.treasury_vault.to_account_info(),
        a.creator.to_account_info(),
        protocol_fee,
        &[],
    )?;
    if bounty_total > 0 {
        system_program::transfer(
            CpiContext::new(
                a.system_program.key(),
                system_program::Transfer {
                    from: a.creator.to_account_info(),
                    to: a.task.to_account_info(),
                },
            ),
            bounty_total,
        )?;
    }
    emit!(TaskCreated {
        task: a.task.key(),
        creator: a.creator.key(),
        id: args.id,
        reward: args.reward,
        bounty_lamports: bounty_total,
        submission_deadline: args.submission_deadline,
        submission_reveal_deadline: args.submission_reveal_deadline,
        commit_deadline: args.commit_deadline,
        reveal_deadline: args.reveal_deadline,
        submission_fee: args.submission_fee,
        terms_hash,
        protocol_fee,
        emission_cap,
    });
    Ok(())
}
