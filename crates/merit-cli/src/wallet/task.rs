//! `merit task create|show|list|cancel|reclaim`.
use super::view::{draw_status, phase_at, phase_name, round_draw, task_lag};
use super::Ctx;
use crate::error::{rule, usage, CliError};
use crate::output::units;
use crate::units::{fmt_when, hash_file, hex, parse_duration, parse_hash};
use anchor_lang::prelude::Pubkey;
use clap::Args;
use merit_client::{offsets, pda, AccountKind, CreateTaskArgs, Submission, Task, TaskPhase};
use merit_crank::Chain;
use serde::Deserialize;
use serde_json::{json, Value};
use std::path::PathBuf;

/// A task's terms: from flags, or from a TOML or JSON file (`--from`) whose keys are the
/// flags' names with underscores (`submit_for = "2d"`); flags override the file.
#[derive(Args, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskTerms {
    /// Reward escrowed for accepted work, in tokens (e.g. 100 or 2.5).
    #[arg(long)]
    pub reward: Option<String>,
    /// The specification file; its sha256 is the task's spec hash.
    #[arg(long, conflicts_with = "spec_hash")]
    pub spec: Option<PathBuf>,
    /// The spec hash itself (64 hex digits), instead of `--spec`.
    #[arg(long)]
    pub spec_hash: Option<String>,
    /// Where contributors read the specification.
    #[arg(long)]
    pub uri: Option<String>,
    /// How long submissions stay open (default 1d).
    #[arg(long)]
    pub submit_for: Option<String>,
    /// How long contributors then have to reveal their work (default 2h).
    #[arg(long)]
    pub reveal_work_for: Option<String>,
    /// How long drawn validators then have to commit scores (default 12h).
    #[arg(long)]
    pub commit_for: Option<String>,
    /// How long they then have to reveal them (default 12h).
    #[arg(long)]
    pub reveal_for: Option<String>,
    /// Stake each submission bonds, in tokens (default: the protocol's minimum).
    #[arg(long)]
    pub bond: Option<String>,
    /// Non-refundable fee per submission, in tokens (default: the protocol's minimum, or
    /// the squatting floor `Task::squat_fee_floor` when that is higher).
    #[arg(long)]
    pub fee: Option<String>,
    /// Expected seats on each submission's committee (default: the protocol's maximum).
    #[arg(long)]
    pub committee: Option<u8>,
    /// Revealed seats a submission needs (default: half the committee, within the cap).
    #[arg(long)]
    pub quorum: Option<u16>,
    /// Consensus score from which work is accepted and paid (default 60).
    #[arg(long)]
    pub accept: Option<u8>,
    /// Consensus score below which work is rejected and its bond slashed (default 30).
    #[arg(long)]
    pub reject: Option<u8>,
    /// Validators' share of the reward, in basis points (default 2000: 20%).
    #[arg(long)]
    pub validator_share_bps: Option<u16>,
    /// Most submissions the task takes (default 16).
    #[arg(long)]
    pub max_submissions: Option<u16>,
    /// Reputation (bps) a contributor needs to submit (default 0).
    #[arg(long)]
    pub min_reputation_submit: Option<u16>,
    /// Reputation (bps) a validator needs to vote (default 0).
    #[arg(long)]
    pub min_reputation_vote: Option<u16>,
    /// The task's id, unique per creator (default: `Task::default_id`, past the creator's
    /// live tasks and the cluster's clock, so a closed task's address is never reused).
    #[arg(long)]
    pub id: Option<u64>,
}

#[derive(Args, Debug)]
pub struct CreateArgs {
    /// A TOML or JSON file of terms (keys as the flags, with underscores).
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    #[command(flatten)]
    pub terms: TaskTerms,
}

impl TaskTerms {
    /// `self` over `file`: each flag given replaces the file's value.
    fn over(self, file: TaskTerms) -> TaskTerms {
        macro_rules! pick {
            ($($f:ident),*) => { TaskTerms { $($f: self.$f.or(file.$f)),* } };
        }
        pick!(
            reward,
            spec,
            spec_hash,
            uri,
            submit_for,
            reveal_work_for,
            commit_for,
            reveal_for,
            bond,
            fee,
            committee,
            quorum,
            accept,
            reject,
            validator_share_bps,
            max_submissions,
            min_reputation_submit,
            min_reputation_vote,
            id
        )
    }
}

fn read_terms_file(path: &PathBuf) -> Result<TaskTerms, CliError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| usage(format!("cannot read {}: {e}", path.display())))?;
    let is_json = path.extension().is_some_and(|e| e == "json");
    if is_json {
        serde_json::from_str(&text).map_err(|e| usage(format!("{}: {e}", path.display())))
    } else {
        toml::from_str(&text).map_err(|e| usage(format!("{}: {e}", path.display())))
    }
}

fn duration(text: Option<&str>, default: i64, flag: &str) -> Result<i64, CliError> {
    match text {
        Some(text) => parse_duration(text).map_err(|e| usage(format!("--{flag}: {e}"))),
        None => Ok(default),
    }
}

pub async fn create<C: Chain>(ctx: &mut Ctx<'_, C>, args: CreateArgs) -> Result<(), CliError> {
    let terms = match &args.from {
        Some(path) => args.terms.over(read_terms_file(path)?),
        None => args.terms,
    };
    let p = ctx.config.params;
    let reward = ctx.parse_amount(
        terms
            .reward
            .as_deref()
            .ok_or_else(|| usage("--reward is required"))?,
    )?;
    let spec_hash = match (&terms.spec, &terms.spec_hash) {
        (Some(file), _) => hash_file(file).map_err(usage)?,
        (None, Some(h)) => parse_hash(h).map_err(usage)?,
        (None, None) => {
            return Err(usage(
                "give the specification: --spec FILE or --spec-hash HEX",
            ))
        }
    };
    let uri = terms
        .uri
        .clone()
        .ok_or_else(|| usage("--uri is required"))?;
    let d = p.task_defaults(terms.committee, reward);
    let submit_for = duration(terms.submit_for.as_deref(), d.submit_secs, "submit-for")?;
    let reveal_work_for = duration(
        terms.reveal_work_for.as_deref(),
        d.reveal_work_secs,
        "reveal-work-for",
    )?;
    let commit_for = duration(terms.commit_for.as_deref(), d.commit_secs, "commit-for")?;
    let reveal_for = duration(terms.reveal_for.as_deref(), d.reveal_secs, "reveal-for")?;
    let id = match terms.id {
        Some(id) => id,
        None => next_id(ctx).await?,
    };
    let now = ctx.now().await?;
    let submission_deadline = now + submit_for;
    let submission_reveal_deadline = submission_deadline + reveal_work_for;
    let commit_deadline = submission_reveal_deadline + commit_for;
    let task_args = CreateTaskArgs {
        id,
        spec_hash,
        uri,
        reward,
        submission_deadline,
        submission_reveal_deadline,
        commit_deadline,
        reveal_deadline: commit_deadline + reveal_for,
        bond: match &terms.bond {
            Some(b) => ctx.parse_amount(b)?,
            None => d.bond,
        },
        submission_fee: match &terms.fee {
            Some(f) => ctx.parse_amount(f)?,
            None => d.submission_fee,
        },
        committee_size: d.committee_size,
        quorum_seats: terms.quorum.unwrap_or(d.quorum_seats),
        accept_threshold: terms.accept.unwrap_or(d.accept_threshold),
        reject_threshold: terms.reject.unwrap_or(d.reject_threshold),
        validator_share_bps: terms.validator_share_bps.unwrap_or(d.validator_share_bps),
        max_submissions: terms.max_submissions.unwrap_or(d.max_submissions),
        min_reputation_submit: terms.min_reputation_submit.unwrap_or(0),
        min_reputation_vote: terms.min_reputation_vote.unwrap_or(0),
    };
    let task = pda::task(&ctx.me, id);
    let (protocol_fee, _) =
        Task::protocol_fee_and_cap(reward, &p).map_err(|e| usage(format!("reward: {e}")))?;
    let bounties = Task::bounty_escrow(&p, task_args.max_submissions)
        .map_err(|e| usage(format!("--max-submissions: {e}")))?;
    let summary = format!(
        "Task {task} created (id {id})\n\
         Reward {} escrowed; protocol fee {}; keeper bounties {} lamports\n\
         Submissions close  {}\n\
         Work reveals close {}\n\
         Vote commits close {}\n\
         Vote reveals close {}",
        ctx.amount(reward),
        ctx.amount(protocol_fee),
        bounties,
        fmt_when(task_args.submission_deadline, now),
        fmt_when(task_args.submission_reveal_deadline, now),
        fmt_when(task_args.commit_deadline, now),
        fmt_when(task_args.reveal_deadline, now),
    );
    let fields = json!({
        "task": task.to_string(),
        "id": id,
        "action": "task-create",
        "reward": units(reward),
        "protocolFee": units(protocol_fee),
        "bountyLamports": units(bounties),
        "submissionDeadline": task_args.submission_deadline,
        "submissionRevealDeadline": task_args.submission_reveal_deadline,
        "commitDeadline": task_args.commit_deadline,
        "revealDeadline": task_args.reveal_deadline,
    });
    let ix = ctx.client.create_task(ctx.me, task_args);
    ctx.send(&summary, &[ix], fields).await?;
    Ok(())
}

/// The program's default id for the wallet's next task (`Task::default_id`): past its
/// live tasks and the cluster's clock, so a closed task's address is never reused.
async fn next_id<C: Chain>(ctx: &mut Ctx<'_, C>) -> Result<u64, CliError> {
    let me = ctx.me;
    let mine: Vec<(Pubkey, Task)> = ctx
        .accounts_with(AccountKind::Task, offsets::TASK_CREATOR, &me)
        .await?;
    let now = ctx.now().await?;
    Ok(Task::default_id(mine.iter().map(|(_, t)| t.id).max(), now))
}

pub fn outcome_name(sub: &Submission) -> String {
    format!("{:?}", sub.outcome).to_lowercase()
}

pub async fn show<C: Chain>(ctx: &mut Ctx<'_, C>, key: Pubkey) -> Result<(), CliError> {
    let now = ctx.now().await?;
    let task: Task = ctx.must(&key, "task").await?;
    let phase = phase_at(&task, &ctx.config, now);
    let lag = task_lag(&task, &ctx.config, now);
    let mut subs: Vec<(Pubkey, Submission)> = ctx
        .accounts_with(AccountKind::Submission, offsets::SUBMISSION_TASK, &key)
        .await?;
    subs.sort_by_key(|(_, s)| s.index);
    let mut human = format!(
        "Task {key}\n\
         Creator:      {}\n\
         Id:           {}\n\
         Phase:        {}\n\
         Spec:         {} (sha256 {})\n\
         Reward:       {} ({}% to validators)\n\
         Bond / fee:   {} / {} per submission\n\
         Committee:    {} seats, quorum {}; accept from {}, reject below {}\n\
         Submissions:  {} of {} ({} final, {} accepted)\n\
         Submissions close  {}\n\
         Work reveals close {}\n\
         Vote commits close {}\n\
         Vote reveals close {}\n\
         Terms hash:   {}\n\
         Committee:    {}",
        task.creator,
        task.id,
        phase_name(phase),
        task.uri(),
        hex(&task.spec_hash),
        ctx.amount(task.reward),
        super::info::pct(task.validator_share_bps),
        ctx.amount(task.bond),
        ctx.amount(task.submission_fee),
        task.committee_size,
        task.quorum_seats,
        task.accept_threshold,
        task.reject_threshold,
        task.submission_count,
        task.max_submissions,
        task.finalized_count,
        task.accepted_count,
        fmt_when(task.submission_deadline + lag, now),
        fmt_when(task.submission_reveal_deadline + lag, now),
        fmt_when(task.commit_deadline + lag, now),
        fmt_when(task.reveal_deadline + lag, now),
        hex(&task.terms_hash),
        draw_status(&task.draw).1,
    );
    let mut subs_json = Vec::with_capacity(subs.len());
    for (k, s) in &subs {
        human.push_str(&format!(
            "\n  submission {k}\n    by {}  {}{}",
            s.contributor,
            outcome_name(s),
            if s.content_revealed {
                format!("  consensus {}  {}", s.consensus_score, s.uri)
            } else {
                "  (content not revealed)".into()
            }
        ));
        let mut j = submission_json(k, s);
        if let Some((line, round)) = round_line(ctx, &task, k, s).await? {
            human.push_str(&line);
            j["round"] = round;
        }
        subs_json.push(j);
    }
    let machine = crate::units::machine_now();
    if let Some(note) = crate::units::clock_skew_note(now, machine) {
        human.push_str(&format!("\n{note}"));
    }
    let json = json!({
        "address": key.to_string(),
        "clusterTime": now,
        "machineClockOffsetSecs": machine.saturating_sub(now),
        "decimals": ctx.decimals,
        "phase": phase_name(phase),
        "task": task_json(&task, lag),
        "submissions": subs_json,
    });
    ctx.out.show(|| human, || json);
    Ok(())
}

/// A revealed submission's current round: its committee's draw and, once drawn, the
/// wallet's seats on it (`Round::seat_check`), as a line and as JSON.
async fn round_line<C: Chain>(
    ctx: &mut Ctx<'_, C>,
    task: &Task,
    key: &Pubkey,
    s: &Submission,
) -> Result<Option<(String, Value)>, CliError> {
    if s.round == 0 {
        return Ok(None);
    }
    let Some(round) = ctx
        .get::<merit_client::Round>(&pda::round(key, s.round))
        .await?
    else {
        return Ok(None);
    };
    let draw = round_draw(&round, task);
    let (status, sentence) = draw_status(draw);
    let seats = super::vote::seats_known(ctx, task, &round).await?;
    let yours = match seats {
        Some(n) => format!(
            "; you hold {n} {}",
            super::claim::plural(n as usize, "seat", "seats")
        ),
        None => String::new(),
    };
    Ok(Some((
        format!("\n    round {}: committee {sentence}{yours}", round.index),
        json!({ "index": round.index, "draw": status, "drawTargetSlot": draw.target_slot, "yourSeats": seats }),
    )))
}

/// A task as JSON, its deadlines on the cluster's clock (`lag`: [`task_lag`]).
pub fn task_json(t: &Task, lag: i64) -> Value {
    json!({
        "draw": draw_status(&t.draw).0,
        "drawTargetSlot": t.draw.target_slot,
        "creator": t.creator.to_string(),
        "id": t.id,
        "specHash": hex(&t.spec_hash),
        "uri": t.uri(),
        "reward": units(t.reward),
        "validatorShareBps": t.validator_share_bps,
        "submissionDeadline": t.submission_deadline + lag,
        "submissionRevealDeadline": t.submission_reveal_deadline + lag,
        "commitDeadline": t.commit_deadline + lag,
        "revealDeadline": t.reveal_deadline + lag,
        "taskClockLagSecs": lag,
        "bond": units(t.bond),
        "submissionFee": units(t.submission_fee),
        "committeeSize": t.committee_size,
        "quorumSeats": t.quorum_seats,
        "acceptThreshold": t.accept_threshold,
        "rejectThreshold": t.reject_threshold,
        "maxSubmissions": t.max_submissions,
        "minReputationSubmit": t.min_reputation_submit,
        "minReputationVote": t.min_reputation_vote,
        "termsHash": hex(&t.terms_hash),
        "state": format!("{:?}", t.state).to_lowercase(),
        "submissionCount": t.submission_count,
        "finalizedCount": t.finalized_count,
        "acceptedCount": t.accepted_count,
        "drawn": t.draw.drawn,
        "paidOut": units(t.paid_out),
        "reclaimed": units(t.reclaimed),
        "expired": t.expired,
    })
}

pub fn submission_json(key: &Pubkey, s: &Submission) -> Value {
    json!({
        "address": key.to_string(),
        "task": s.task.to_string(),
        "contributor": s.contributor.to_string(),
        "index": s.index,
        "contentRevealed": s.content_revealed,
        "contentHash": s.content_revealed.then(|| hex(&s.content_hash)),
        "uri": s.uri,
        "outcome": outcome_name(s),
        "consensusScore": s.consensus_score,
        "quorumReached": s.quorum_reached,
        "round": s.round,
        "claimed": s.claimed,
        "slashed": s.slashed,
        "rewardPaid": units(s.reward_paid),
        "points": units(s.points),
        "epoch": s.epoch,
    })
}

#[derive(Args, Debug)]
pub struct ListArgs {
    /// Only the tasks this key created.
    #[arg(long, value_parser = crate::units::pubkey, conflicts_with = "mine")]
    pub creator: Option<Pubkey>,
    /// Only the wallet's own tasks.
    #[arg(long)]
    pub mine: bool,
    /// Only tasks still taking submissions.
    #[arg(long)]
    pub open: bool,
}

pub async fn list<C: Chain>(ctx: &mut Ctx<'_, C>, args: ListArgs) -> Result<(), CliError> {
    let now = ctx.now().await?;
    let creator = if args.mine {
        Some(ctx.me)
    } else {
        args.creator
    };
    let mut tasks: Vec<(Pubkey, Task)> = match creator {
        Some(c) => {
            ctx.accounts_with(AccountKind::Task, offsets::TASK_CREATOR, &c)
                .await?
        }
        None => {
            let raw = ctx.chain.merit_accounts(&[AccountKind::Task]).await?;
            let mut out = Vec::new();
            for (k, d) in raw {
                out.push((k, merit_crank::decode_at(&k, &d)?));
            }
            out
        }
    };
    let config = ctx.config;
    if args.open {
        tasks.retain(|(_, t)| phase_at(t, &config, now) == TaskPhase::Submission);
    }
    tasks.sort_by_key(|(_, t)| (t.submission_deadline, t.id));
    let human = if tasks.is_empty() {
        "No tasks.".to_string()
    } else {
        let mut lines = vec![format!(
            "{:<44}  {:>12}  {:<18}  {:>5}  {}",
            "TASK", "REWARD", "PHASE", "SUBS", "SUBMISSIONS CLOSE"
        )];
        for (k, t) in &tasks {
            lines.push(format!(
                "{:<44}  {:>12}  {:<18}  {:>5}  {}",
                k.to_string(),
                ctx.amount(t.reward),
                phase_name(phase_at(t, &config, now)),
                format!("{}/{}", t.submission_count, t.max_submissions),
                fmt_when(t.submission_deadline + task_lag(t, &config, now), now)
            ));
        }
        lines.join("\n")
    };
    let json = Value::Array(
        tasks
            .iter()
            .map(|(k, t)| {
                json!({
                    "address": k.to_string(),
                    "phase": phase_name(phase_at(t, &config, now)),
                    "task": task_json(t, task_lag(t, &config, now)),
                })
            })
            .collect(),
    );
    ctx.out.show(|| human, || json);
    Ok(())
}

pub async fn cancel<C: Chain>(ctx: &mut Ctx<'_, C>, key: Pubkey) -> Result<(), CliError> {
    let task: Task = ctx.must(&key, "task").await?;
    let ix = ctx.client.cancel_task(ctx.me, key);
    let summary = format!(
        "Task {key} cancelled: {} and the keeper bounties refunded",
        ctx.amount(task.reward)
    );
    ctx.send(
        &summary,
        &[ix],
        json!({ "action": "task-cancel", "task": key.to_string() }),
    )
    .await?;
    Ok(())
}

/// `merit task reclaim`: the program's `Task::reclaim_check` first (a refusal says what is
/// still owed), then the tokens nobody can claim, the unused keeper bounty and, once
/// nothing is owed, the task's and vault's rent; it reports each, and what is still owed.
pub async fn reclaim<C: Chain>(ctx: &mut Ctx<'_, C>, key: Pubkey) -> Result<(), CliError> {
    let task: Task = ctx.must(&key, "task").await?;
    let (owed_lines, owed) = still_owed(ctx, &key, &task).await?;
    if let Err(e) = task.reclaim_check() {
        let mut e = rule(e);
        if let CliError::Program(named) = &mut e {
            if named.name == "NothingToReclaim" && !owed_lines.is_empty() {
                named.msg = format!("{}; still owed:\n  {}", named.msg, owed_lines.join("\n  "));
            }
        }
        return Err(e);
    }
    let closes = task.closable();
    let tokens = if closes {
        ctx.chain
            .account(&task.vault)
            .await?
            .and_then(|d| super::token_amount(&d))
            .unwrap_or(0)
    } else {
        task.reclaimable().map_err(rule)?
    };
    let lamports = if closes {
        ctx.chain
            .balance(&key)
            .await?
            .saturating_add(ctx.chain.balance(&task.vault).await?)
    } else {
        task.bounty_remaining
    };
    let ix = ctx.client.reclaim_task(ctx.me, key);
    let sol = crate::units::fmt_amount(lamports, 9);
    let mut summary = format!(
        "Reclaimed {} and {sol} SOL from task {key}",
        ctx.amount(tokens)
    );
    if closes {
        summary.push_str(" (the task and its vault are closed: their rent is in the SOL)");
    } else if !owed_lines.is_empty() {
        summary.push_str(&format!(
            "; still owed (reclaim again once claimed):\n  {}",
            owed_lines.join("\n  ")
        ));
    }
    let fields = json!({ "action": "task-reclaim", "task": key.to_string(), "amount": units(tokens), "lamports": units(lamports),
                         "closed": closes, "stillOwed": owed });
    ctx.send(&summary, &[ix], fields).await?;
    Ok(())
}

/// What a task still owes, as lines and JSON: accepted submissions whose reward is not
/// claimed, rounds whose coherent votes are not all claimed, submission accounts open.
async fn still_owed<C: Chain>(
    ctx: &mut Ctx<'_, C>,
    key: &Pubkey,
    task: &Task,
) -> Result<(Vec<String>, Value), CliError> {
    let subs: Vec<(Pubkey, Submission)> = ctx
        .accounts_with(AccountKind::Submission, offsets::SUBMISSION_TASK, key)
        .await?;
    let (mut lines, mut submissions, mut rounds) = (Vec::new(), Vec::new(), Vec::new());
    for (k, s) in &subs {
        // What `claim_submission` would pay now (`Submission::claim_check`) is owed.
        if task.contributor_liability > 0 && s.claim_check(task).is_ok() {
            lines.push(format!(
                "the reward of submission {k} (by {}), unclaimed",
                s.contributor
            ));
            submissions.push(k.to_string());
        }
        for index in 1..=s.round {
            let Some(round) = ctx
                .get::<merit_client::Round>(&pda::round(k, index))
                .await?
            else {
                continue;
            };
            if round.coherent_unclaimed > 0 {
                let n = round.coherent_unclaimed;
                lines.push(format!(
                    "{n} coherent {} on submission {k} (round {index}), unclaimed",
                    super::claim::plural(n as usize, "vote", "votes")
                ));
                rounds.push(
                    json!({ "submission": k.to_string(), "round": index, "unclaimedVotes": n }),
                );
            }
        }
    }
    if task.open_submissions > 0 && lines.is_empty() {
        let n = task.open_submissions;
        lines.push(format!(
            "{n} submission {} still open (a keeper closes each once it is settled: `merit crank`)",
            super::claim::plural(n as usize, "account", "accounts")
        ));
    }
    let json = json!({ "contributorTokens": units(task.contributor_liability), "validatorTokens": units(task.validator_liability),
                       "submissions": submissions, "rounds": rounds, "openSubmissionAccounts": task.open_submissions });
    Ok((lines, json))
}
