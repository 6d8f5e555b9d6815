use super::groups::*;
use crate::constants::*;
use crate::error::MeritError;
use crate::events::ReputationUpdated;
use crate::math::bps_ceil;
use crate::state::{RepEvent, Round, SlashKind, Stake, Submission, Task, Vote};
use anchor_lang::prelude::*;

#[derive(Accounts)]
pub struct ReportAbsence<'info> {
    /// `payout.slasher` reports the absence and pays the record's rent (returned when it is
    /// closed).
    pub payout: SlashPayout<'info>,
    pub task: AccountLoader<'info, Task>,
    #[account(has_one = task @ MeritError::AccountMismatch)]
    pub submission: Box<Account<'info, Submission>>,
    #[account(
        mut,
        dup,
        constraint = round.load()?.submission == submission.key() @ MeritError::AccountMismatch,
    )]
    pub round: AccountLoader<'info, Round>,
    /// The silent validator's stake.
    #[account(mut, dup)]
    pub stake: Box<Account<'info, Stake>>,
    /// The validator's vesting account (`["vesting", validator]`); it may not exist. When it
    /// does, the penalty takes from its unvested balance first.
    /// CHECK: by `VestingSlot` (an existing one by type and owner, a missing one by address).
    #[account(mut)]
    pub offender_vesting: UncheckedAccount<'info>,
    /// CHECK: the validator's own submission PDA for this task, pinned by seeds: a
    /// competitor could not commit, so it is not absent (`Round::seat_check`).
    #[account(seeds = [SUBMISSION_SEED, task.key().as_ref(), stake.owner.as_ref()], bump)]
    pub validator_submission: UncheckedAccount<'info>,
    /// The validator's vote address in this round: it must hold no vote. The record of the
    /// absence is created here, so the same silence is reported once.
    #[account(
        init_if_needed,
        dup,
        payer = payout.slasher,
        space = 8 + Vote::INIT_SPACE,
        seeds = [VOTE_SEED, round.key().as_ref(), stake.owner.as_ref()],
        bump,
    )]
    pub vote: Box<Account<'info, Vote>>,
    pub system_program: Program<'info, System>,
}

impl ReportAbsence<'_> {
    fn validate(&self) -> Result<()> {
        self.payout.validate(&self.stake.owner)?;
        require!(self.vote.version == 0, MeritError::NotAbsent);
        let task = self.task.load()?;
        let round = self.round.load()?;
        let now = task.clock(
            self.payout.config.load()?.pause(),
            Clock::get()?.unix_timestamp,
        )?;
        round.absence_check(
            round.committee(&task).drawn,
            round.drawn_at(&task),
            task.rules.min_phase_secs,
            now,
        )?;
        require!(
            round.vote_count < MAX_VOTES_PER_SUBMISSION,
            MeritError::NotAbsent
        );
        self.seats().map(|_| ())
    }

    /// The seats the validator held and could have committed: `Round::absence_seats`.
    fn seats(&self) -> Result<u64> {
        let current = self.payout.config.load()?.current_epoch;
        self.round.load()?.absence_seats(
            &*self.task.load()?,
            &self.stake,
            !self.validator_submission.data_is_empty(),
            current,
        )
    }

    /// The penalty for `seats` silent seats: what an incoherent vote of those seats loses
    /// (`incoherence_slash_bps` of their bond), at most the validator's unlocked stake.
    fn penalty(&self, seats: u64) -> Result<u64> {
        let task = self.task.load()?;
        let due = bps_ceil(task.vote_bond(seats)?, task.rules.incoherence_slash_bps)?;
        Ok(due.min(self.stake.unlocked()))
    }
}

/// Proves that a validator drawn for the round (seats > 0 from the stored seed and its
/// stake at the draw, eligible to commit) has no vote once the commit window closed. The
/// silence costs it what an incoherent vote of its seats would, paid like every slash
/// (the reporter's share, the rest to the treasury), and a reputation miss; the record of
/// it blocks a second report. A silent seat can no longer help a creator starve a round.
#[access_control(ctx.accounts.validate())]
pub fn handle_report_absence(ctx: Context<ReportAbsence>) -> Result<()> {
    let a = ctx.accounts;
    let seats = a.seats()?;
    let amount = a.penalty(seats)?;
    let (rules, value) = {
        let task = a.task.load()?;
        (task.rules, task.seat_value(seats)?)
    };
    let (round_key, round_index) = {
        let mut round = a.round.load_mut()?;
        round.record_absence()?;
        round.invariant()?;
        (a.round.key(), round.index)
    };
    let validator = a.stake.owner;
    a.vote.set_inner(Vote::absence(
        ctx.bumps.vote,
        a.task.key(),
        a.submission.key(),
        round_key,
        round_index,
        validator,
        seats,
        amount,
        a.payout.slasher.key(),
        Clock::get()?.unix_timestamp,
    ));
    a.vote.invariant()?;
    let epoch = a.payout.config.load()?.current_epoch;
    let rep = rules.rep();
    emit!(ReputationUpdated::from(a.stake.record_outcome(
        RepEvent::Absent,
        epoch,
        &rep,
        value
    )?));
    emit!(ReputationUpdated::from(a.stake.record_outcome(
        RepEvent::Slashed,
        epoch,
        &rep,
        0
    )?));
    a.stake.lock(amount)?;
    let target = a.vote.key();
    emit!(a.payout.execute(
        &mut a.stake,
        a.offender_vesting.to_account_info(),
        SlashKind::Absent,
        target,
        amount,
        rules.slasher_reward_bps,
    )?);
    Ok(())
}
