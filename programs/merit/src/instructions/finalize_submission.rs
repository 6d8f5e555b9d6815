use super::finalize_task::KeeperPay;
use crate::constants::*;
use crate::error::MeritError;
use crate::events::{ReputationUpdated, RoundClosed, RoundOpened, SubmissionFinalized};
use crate::math::SafeMath;
use crate::state::{
    merit_points, Config, ContentClaim, ContentStatus, Epoch, Outcome, RepEvent, Round,
    RoundResult, Stake, Submission, Task,
};
use crate::token::TokenMove;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

#[derive(Accounts)]
pub struct FinalizeSubmission<'info> {
    /// Anyone; receives the keeper bounty (and pays a next round's rent, returned when the
    /// round is closed).
    #[account(mut)]
    pub keeper: Signer<'info>,
    pub config: AccountLoader<'info, Config>,
    #[account(mut, dup)]
    pub task: AccountLoader<'info, Task>,
    #[account(
        mut,
        dup,
        has_one = task @ MeritError::AccountMismatch,
    )]
    pub submission: Box<Account<'info, Submission>>,
    /// The submission's round under way: pass it exactly when the content was revealed.
    #[account(
        mut,
        dup,
        constraint = round.load()?.submission == submission.key() @ MeritError::AccountMismatch,
    )]
    pub round: Option<AccountLoader<'info, Round>>,
    /// The next round: pass it exactly when this round decides nothing and a round is
    /// left (`Submission::close_check`); it is opened here.
    #[account(
        init,
        payer = keeper,
        space = 8 + Round::INIT_SPACE,
        seeds = [ROUND_SEED, submission.key().as_ref(), &[submission.round.saturating_add(1)]],
        bump,
    )]
    pub next_round: Option<AccountLoader<'info, Round>>,
    /// The contributor's stake, whose reputation the outcome updates.
    #[account(
        mut,
        dup,
        constraint = stake.owner == submission.contributor @ MeritError::AccountMismatch,
    )]
    pub stake: Box<Account<'info, Stake>>,
    /// The open epoch, which collects the merit points.
    #[account(
        mut,
        dup,
        constraint = epoch.index == config.load()?.current_epoch @ MeritError::AccountMismatch,
    )]
    pub epoch: Box<Account<'info, Epoch>>,
    /// The claim on the submission's content: pass it exactly when the content was
    /// revealed (it decides between the submission's own outcome and `Duplicate`).
    #[account(
        mut,
        dup,
        constraint = content_claim.content_hash == submission.content_hash @ MeritError::AccountMismatch,
    )]
    pub content_claim: Option<Box<Account<'info, ContentClaim>>>,
    #[account(
        mut,
        dup,
        address = task.load()?.vault @ MeritError::AccountMismatch,
    )]
    /// CHECK: Merit's own token account, pinned by address; the token program checks it.
    pub task_vault: UncheckedAccount<'info>,
    /// Receives what no judge earned.
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

impl FinalizeSubmission<'_> {
    fn validate(&self) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        self.epoch.require_open(now)?;
        require!(
            self.submission.content_revealed == self.content_claim.is_some(),
            MeritError::ContentClaimMismatch
        );
        let finalizes = self.finalizes()?;
        require!(
            finalizes || self.next_round.is_some(),
            MeritError::NextRoundRequired
        );
        require!(
            !finalizes || self.next_round.is_none(),
            MeritError::NextRoundNotDue
        );
        Ok(())
    }

    /// What the claim on the content says of this submission.
    fn content(&self) -> ContentStatus {
        match &self.content_claim {
            Some(claim) => claim.status_of(&self.submission.key()),
            None => ContentStatus::Unrevealed,
        }
    }

    /// `Submission::close_check` now: whether closing the round finalizes the submission.
    fn finalizes(&self) -> Result<bool> {
        let task = self.task.load()?;
        let now = task.clock(self.config.load()?.pause(), Clock::get()?.unix_timestamp)?;
        let round = self.round.as_ref().map(|r| r.load()).transpose()?;
        self.submission
            .close_check(&task, round.as_deref(), self.content(), now)
    }
}

/// Closes the submission's round. A round that decides nothing while a round is left opens
/// the next, drawn by lot from a fresh seed. Otherwise the outcome is final: by the round's
/// stake-weighted median (or `Duplicate` when an earlier commitment holds the content,
/// `Unrevealed`, or `NoQuorum` when no round decided it); merit points go to the open
/// epoch, the contributor's reputation moves, the judges' pool (slice plus fee) is booked
/// for the round's coherent votes or sent to the treasury. Pays the caller one bounty.
#[access_control(ctx.accounts.validate())]
pub fn handle_finalize_submission(ctx: Context<FinalizeSubmission>) -> Result<()> {
    let bump = ctx.bumps.next_round;
    let a = ctx.accounts;
    let (result, vote_points) = match &a.round {
        Some(round) => {
            let (result, points) = round.load_mut()?.close(&*a.task.load()?)?;
            let closed = round.load()?;
            emit!(RoundClosed {
                submission: a.submission.key(),
                round: round.key(),
                index: closed.index,
                decided: closed.state == crate::state::RoundState::Decided,
                consensus: closed.consensus,
                consensus_low: closed.consensus_low,
                consensus_high: closed.consensus_high,
                committed_weight: closed.committed_weight,
                revealed_weight: closed.revealed_weight,
                coherent_weight: closed.coherent_weight,
            });
            (Some(result), points)
        }
        None => (None, 0),
    };
    if let Some(next) = a.next_round.clone() {
        return open_next_round(a, &next, bump.unwrap_or_default());
    }
    let decided = match result {
        Some(RoundResult::Decided(consensus)) => Some(consensus.score),
        _ => None,
    };
    let content = a.content();
    a.submission.finalize(&*a.task.load()?, content, decided)?;
    let sub_key = a.submission.key();
    if let Some(claim) = a.content_claim.as_deref_mut() {
        claim.settle(&sub_key, a.submission.outcome)?;
    }
    let epoch_index = a.config.load()?.current_epoch;
    a.submission.epoch = epoch_index;
    if let Some(round) = &a.round {
        round.load_mut()?.points_epoch = epoch_index;
    }
    let contributor_points = record_outcome(a, epoch_index)?;
    a.epoch.contributor_points = a
        .epoch
        .contributor_points
        .safe_add(u128::from(contributor_points))?;
    a.epoch.validator_points = a.epoch.validator_points.safe_add(u128::from(vote_points))?;
    let to_treasury = book_judging(a)?;
    let bounty = a.task.load_mut()?.take_bounty()?;
    pay_out(a, to_treasury, bounty)?;
    emit!(SubmissionFinalized {
        task: a.task.key(),
        submission: sub_key,
        outcome: a.submission.outcome,
        consensus_score: a.submission.consensus_score,
        round: a.submission.round,
        epoch: epoch_index,
        contributor_points,
        validator_points: vote_points,
        fee: a.submission.fee,
        to_treasury,
        keeper: a.keeper.key(),
        bounty_lamports: bounty,
    });
    Ok(())
}

/// The round closed without a decision and another is due: opens it, scheduling its draw
/// against the open epoch's active stake (a round with no stake to draw from closes
/// without votes at its draw deadline).
fn open_next_round<'info>(
    a: &mut FinalizeSubmission<'info>,
    next: &AccountLoader<'info, Round>,
    bump: u8,
) -> Result<()> {
    let clock = Clock::get()?;
    let (epoch, active, pause) = {
        let config = a.config.load()?;
        (
            config.current_epoch,
            config.total_active_stake,
            config.pause(),
        )
    };
    let closed = a.round.as_ref().ok_or(MeritError::ContentClaimMismatch)?;
    let mut task = a.task.load_mut()?;
    let now = task.clock(pause, clock.unix_timestamp)?;
    let opened = Round::next(
        &*closed.load()?,
        a.keeper.key(),
        bump,
        &task,
        now,
        clock.slot,
        epoch,
        active,
    )?;
    let (target_slot, draw_deadline) = (opened.draw.target_slot, opened.draw_deadline);
    // Written at load_init; its discriminator only at the instruction's exit, so it is
    // not loaded again here.
    *next.load_init()? = opened;
    a.submission.round = a.submission.round.safe_add(1)?;
    a.submission.open_rounds = a.submission.open_rounds.safe_add(1)?;
    a.submission.invariant()?;
    let bounty = task.take_bounty()?;
    task.invariant()?;
    drop(task);
    Task::pay_bounty(
        &a.task.to_account_info(),
        &a.keeper.to_account_info(),
        bounty,
    )?;
    emit!(RoundOpened {
        submission: a.submission.key(),
        round: next.key(),
        index: a.submission.round,
        target_slot,
        draw_deadline,
        keeper: a.keeper.key(),
        bounty_lamports: bounty,
    });
    Ok(())
}

/// Counts the final outcome on the task, records its merit points and moves the
/// contributor's reputation by the value the task put up for it. Returns the points.
fn record_outcome(a: &mut FinalizeSubmission, epoch_index: u64) -> Result<u64> {
    let mut task = a.task.load_mut()?;
    let rep = task.rules.rep();
    let multiplier = a.stake.reputation.multiplier_under(epoch_index, &rep)?;
    let sub = &mut a.submission;
    task.finalized_count = task.finalized_count.safe_add(1)?;
    let event = match sub.outcome {
        Outcome::Accepted => {
            task.accepted_count = task.accepted_count.safe_add(1)?;
            task.accepted_unclaimed = task.accepted_unclaimed.safe_add(1)?;
            task.accepted_score_sum = task
                .accepted_score_sum
                .safe_add(u64::from(sub.consensus_score))?;
            sub.points = merit_points(task.submission_value(sub.consensus_score)?, multiplier)?;
            Some(RepEvent::Accepted)
        }
        Outcome::NoQuorum => {
            task.unjudged_count = task.unjudged_count.safe_add(1)?;
            task.accepted_score_sum = task
                .accepted_score_sum
                .safe_add(u64::from(UNJUDGED_SCORE))?;
            None
        }
        Outcome::Neutral => Some(RepEvent::Neutral),
        Outcome::Rejected | Outcome::Duplicate | Outcome::Unrevealed => Some(RepEvent::Rejected),
        Outcome::Pending => None,
    };
    if let Some(event) = event {
        let value = task.slot_value()?;
        emit!(ReputationUpdated::from(a.stake.record_outcome(
            event,
            epoch_index,
            &rep,
            value
        )?));
    }
    Ok(sub.points)
}

/// Books the judges' pool for the deciding round's coherent votes, or, when no judge is
/// paid, what the submission owes its judging to the treasury. Returns that amount.
fn book_judging(a: &mut FinalizeSubmission) -> Result<u64> {
    let mut task = a.task.load_mut()?;
    let paid_round = match &a.round {
        Some(round) if round.load()?.judges_paid() => Some(round),
        _ => None,
    };
    let to_treasury = match paid_round {
        Some(round) => {
            let pool = a.submission.judge_pool(&task)?;
            round.load_mut()?.pool = pool;
            task.validator_liability = task.validator_liability.safe_add(pool)?;
            0
        }
        None => a.submission.unpaid_judging(&task)?,
    };
    task.to_treasury = task.to_treasury.safe_add(to_treasury)?;
    task.invariant()?;
    a.submission.invariant()?;
    if let Some(round) = &a.round {
        round.load()?.invariant()?;
    }
    Ok(to_treasury)
}

/// Moves what goes to the treasury out of the task vault, and pays the keeper's bounty.
fn pay_out(a: &FinalizeSubmission, to_treasury: u64, bounty: u64) -> Result<()> {
    KeeperPay {
        task: &a.task,
        task_vault: &a.task_vault,
        treasury_vault: &a.treasury_vault,
        keeper: &a.keeper,
        tokens: TokenMove::new(
            &a.token_program,
            &a.stake_mint,
            a.config.load()?.mint_decimals,
        ),
    }
    .settle(to_treasury, bounty)
}
