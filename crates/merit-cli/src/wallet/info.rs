//! `merit config show` and `merit epoch show`.
use super::Ctx;
use crate::error::CliError;
use crate::output::units;
use crate::units::{fmt_duration, fmt_when};
use merit_client::{pda, Epoch};
use merit_crank::Chain;
use serde_json::json;

pub async fn config_show<C: Chain>(ctx: &mut Ctx<'_, C>) -> Result<(), CliError> {
    let now = ctx.now().await?;
    let c = ctx.config;
    let p = c.params;
    let a = |v: u64| ctx.amount(v);
    let human = format!(
        "Merit deployment ({url})\n\
         Program:            {program}\n\
         Admin:              {admin}\n\
         Stake mint:         {mint} ({decimals} decimals, token program {tp})\n\
         Paused:             {paused}\n\
         Current epoch:      {epoch}\n\
         Active stake:       {active} ({warming} warming up)\n\
         Slashed to treasury {slashed} ({swept} to sweep)\n\
         Epoch length:       {epoch_len}\n\
         Unstake cooldown:   {cooldown}\n\
         Min validator stake {min_stake}\n\
         Submission bond     at least {bond}\n\
         Submission fee      {fee_min} to {fee_max}\n\
         Committee size      {cmin} to {cmax} seats; quorum at most {quorum}% of it\n\
         Vote bond           {vote_bond}% of the reward per full committee\n\
         Thresholds          reject at most {rmax}, accept at most {amax}\n\
         Coherence tolerance {tol} points; incoherent votes lose {inc}% of their bond\n\
         Slasher reward      {slasher}%\n\
         Task fee            {task_fee}% of the reward\n\
         Vesting             {vesting}\n\
         Min phase           {min_phase}; longest task {max_task}\n\
         Parameter timelock  {timelock}{pending}",
        url = ctx.url,
        program = merit_client::PROGRAM_ID,
        admin = c.admin,
        mint = c.stake_mint,
        decimals = ctx.decimals,
        tp = c.token_program,
        paused = c.paused,
        epoch = c.current_epoch,
        active = a(c.total_active_stake),
        warming = a(c.total_warming_stake),
        slashed = a(c.total_slashed_to_treasury),
        swept = a(c.treasury_pending),
        epoch_len = fmt_duration(p.epoch_length_secs),
        cooldown = fmt_duration(p.unstake_cooldown_secs),
        min_stake = a(p.min_validator_stake),
        bond = a(p.min_submission_bond),
        fee_min = a(p.min_submission_fee),
        fee_max = a(p.max_submission_fee),
        cmin = p.min_committee_size,
        cmax = p.max_committee_size,
        quorum = pct(p.max_quorum_bps),
        vote_bond = pct(p.vote_bond_bps),
        rmax = p.max_reject_threshold,
        amax = p.max_accept_threshold,
        tol = p.coherence_tolerance,
        inc = pct(p.incoherence_slash_bps),
        slasher = pct(p.slasher_reward_bps),
        task_fee = pct(p.task_fee_bps),
        vesting = if p.vesting_duration_secs == 0 {
            "none: rewards are paid at once".to_string()
        } else {
            format!("linear over {}", fmt_duration(p.vesting_duration_secs))
        },
        min_phase = fmt_duration(p.min_phase_secs),
        max_task = fmt_duration(p.max_task_duration_secs),
        timelock = fmt_duration(p.param_timelock_secs),
        pending = match c.pending_params() {
            Some(_) => format!(
                "\nPending change      applies from {}",
                fmt_when(c.pending_params_eta, now)
            ),
            None => String::new(),
        },
    );
    let json = json!({
        "program": merit_client::PROGRAM_ID.to_string(),
        "admin": c.admin.to_string(),
        "stakeMint": c.stake_mint.to_string(),
        "decimals": ctx.decimals,
        "tokenProgram": c.token_program.to_string(),
        "paused": c.paused,
        "currentEpoch": c.current_epoch,
        "totalActiveStake": units(c.total_active_stake),
        "totalWarmingStake": units(c.total_warming_stake),
        "totalSlashedToTreasury": units(c.total_slashed_to_treasury),
        "treasuryPending": units(c.treasury_pending),
        "emissionFunded": units(c.emission_funded),
        "emissionPaid": units(c.emission_paid),
        "params": params_json(&p),
        "pendingParams": c.pending_params().as_ref().map(params_json),
        "pendingApplyAt": c.pending_params().map(|_| c.pending_params_eta),
    });
    ctx.out.show(|| human, || json);
    Ok(())
}

/// Basis points as a percentage for people (`2500` is `25`).
pub fn pct(bps: u16) -> String {
    let whole = bps / 100;
    match bps % 100 {
        0 => whole.to_string(),
        frac => format!("{whole}.{frac:02}")
            .trim_end_matches('0')
            .to_string(),
    }
}

/// The parameters as JSON (camelCase; amounts as strings): `config show`, `admin` and
/// `localnet` print them alike, and `--set` takes these names.
pub fn params_json(p: &merit_client::ConfigParams) -> serde_json::Value {
    json!({
        "unstakeCooldownSecs": p.unstake_cooldown_secs,
        "minValidatorStake": units(p.min_validator_stake),
        "voteBondBps": p.vote_bond_bps,
        "minCommitteeSize": p.min_committee_size,
        "maxCommitteeSize": p.max_committee_size,
        "maxQuorumBps": p.max_quorum_bps,
        "maxRejectThreshold": p.max_reject_threshold,
        "maxAcceptThreshold": p.max_accept_threshold,
        "incoherenceSlashBps": p.incoherence_slash_bps,
        "slasherRewardBps": p.slasher_reward_bps,
        "coherenceTolerance": p.coherence_tolerance,
        "keeperBountyLamports": units(p.keeper_bounty_lamports),
        "minSubmissionBond": units(p.min_submission_bond),
        "minSubmissionFee": units(p.min_submission_fee),
        "maxSubmissionFee": units(p.max_submission_fee),
        "taskFeeBps": p.task_fee_bps,
        "emissionCapBps": p.emission_cap_bps,
        "minPhaseSecs": p.min_phase_secs,
        "maxTaskDurationSecs": p.max_task_duration_secs,
        "maxSubmissionsPerTask": p.max_submissions_per_task,
        "epochLengthSecs": p.epoch_length_secs,
        "initialEmission": units(p.initial_emission),
        "emissionDecayBps": p.emission_decay_bps,
        "contributorEmissionBps": p.contributor_emission_bps,
        "vestingDurationSecs": p.vesting_duration_secs,
        "reputationAlphaBps": p.reputation_alpha_bps,
        "reputationDecayBps": p.reputation_decay_bps,
        "reputationStartBps": p.reputation_start_bps,
        "reputationValueUnit": units(p.reputation_value_unit),
        "paramTimelockSecs": p.param_timelock_secs,
        "claimWindowSecs": p.claim_window_secs,
    })
}

pub async fn epoch_show<C: Chain>(
    ctx: &mut Ctx<'_, C>,
    index: Option<u64>,
) -> Result<(), CliError> {
    let now = ctx.now().await?;
    let index = match index {
        Some(i) => i,
        None => ctx.current_epoch().await?,
    };
    let e: Epoch = ctx
        .must(&pda::epoch(index), &format!("epoch {index}"))
        .await?;
    let status = if e.expired {
        "expired"
    } else if e.closed {
        "closed: emissions claimable"
    } else if now >= e.end {
        "ended: waiting for a keeper to advance it"
    } else {
        "open"
    };
    let human = format!(
        "Epoch {index} ({status})\n\
         Runs:                 {} to {}\n\
         Scheduled emission:   {}\n\
         Contributor points:   {}\n\
         Validator points:     {}\n\
         Contributor emission: {} ({} claimed, {} paid after the tasks' caps)\n\
         Validator emission:   {} ({} claimed, {} paid after the tasks' caps)",
        fmt_when(e.start, now),
        fmt_when(e.end, now),
        ctx.amount(e.scheduled_emission),
        e.contributor_points,
        e.validator_points,
        ctx.amount(e.contributor_emission),
        ctx.amount(e.contributor_claimed),
        ctx.amount(e.contributor_paid),
        ctx.amount(e.validator_emission),
        ctx.amount(e.validator_claimed),
        ctx.amount(e.validator_paid),
    );
    let json = json!({
        "index": index,
        "address": pda::epoch(index).to_string(),
        "status": status.split(':').next().unwrap_or(status),
        "start": e.start,
        "end": e.end,
        "closed": e.closed,
        "expired": e.expired,
        "decimals": ctx.decimals,
        "scheduledEmission": units(e.scheduled_emission),
        "contributorPoints": e.contributor_points.to_string(),
        "validatorPoints": e.validator_points.to_string(),
        "contributorEmission": units(e.contributor_emission),
        "validatorEmission": units(e.validator_emission),
        "contributorClaimed": units(e.contributor_claimed),
        "validatorClaimed": units(e.validator_claimed),
        "contributorPaid": units(e.contributor_paid),
        "validatorPaid": units(e.validator_paid),
    });
    ctx.out.show(|| human, || json);
    Ok(())
}
