//! `merit vote commit|reveal|pending`: a validator's commit-reveal on a submission's
//! judging round, with the salt kept on this machine between the two. Whether the wallet
//! may vote is the program's own rule (`Round::seat_check`, `Round::commit_check`),
//! checked before anything is sent.
use super::view::{draw_status, phase_at, phase_name, round_draw, task_lag};
use super::Ctx;
use crate::error::{local, rule, rule_opening, CliError};
use crate::output::units;
use crate::secrets::{fresh_salt, VoteSecret};
use crate::units::{fmt_when, hex};
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use merit_client::{
    pda, vote_commitment, AccountKind, Round, RoundState, Stake, Submission, Task, TaskPhase, Vote,
};
use merit_crank::Chain;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// The round `submission` is judged in now (its latest), with its address.
pub async fn current_round<C: Chain>(
    ctx: &mut Ctx<'_, C>,
    submission: &Pubkey,
    sub: &Submission,
) -> Result<(Pubkey, Round), CliError> {
    if sub.round == 0 {
        return Err(local(format!(
            "submission {submission} is not revealed: it has no judging round yet"
        )));
    }
    let key = pda::round(submission, sub.round);
    let round = ctx.must(&key, "judging round").await?;
    Ok((key, round))
}

/// The seats the wallet may commit on `round` of `task` now: the program's
/// `Round::seat_check`, named as the program would refuse it.
async fn my_seats<C: Chain>(
    ctx: &mut Ctx<'_, C>,
    task_key: &Pubkey,
    task: &Task,
    round: &Round,
) -> Result<u64, CliError> {
    let me = ctx.me;
    let epoch = ctx.current_epoch().await?;
    let stake: Stake = ctx
        .get(&pda::stake(&me))
        .await?
        .ok_or_else(|| local("this wallet has no stake: `merit stake deposit` first"))?;
    let competitor = ctx
        .chain
        .account(&pda::submission(task_key, &me))
        .await?
        .is_some();
    round
        .seat_check(task, &stake, competitor, epoch)
        .map_err(rule)
}

/// One vote commit, checked by the program's rules and its salt stored: the instruction,
/// its summary and its JSON document.
async fn prepare_commit<C: Chain>(
    ctx: &mut Ctx<'_, C>,
    submission: Pubkey,
    score: u8,
) -> Result<(Instruction, String, Value), CliError> {
    let now = ctx.now().await?;
    let me = ctx.me;
    let sub: Submission = ctx.must(&submission, "submission").await?;
    let task: Task = ctx.must(&sub.task, "task").await?;
    let (round_key, round) = current_round(ctx, &submission, &sub).await?;
    let task_now = task.clock(ctx.config.pause(), now).map_err(rule)?;
    let lag = now - task_now;
    round
        .commit_check(round.committee(&task).drawn, task_now)
        .map_err(|e| rule_opening(e, round.commit_opens_at, task_now, now))?;
    let seats = my_seats(ctx, &sub.task, &task, &round).await?;
    let vote_key = pda::vote(&round_key, &me);
    let existing: Option<Vote> = ctx.get(&vote_key).await?;
    let salt = fresh_salt();
    let commitment = vote_commitment(&round_key, &me, score, &salt);
    // A salt whose commitment is on chain is never replaced: the program refuses the
    // second commit by name, and the reveal still finds the first one's salt.
    let path = if existing.is_none() {
        let secret = VoteSecret {
            task: sub.task.to_string(),
            submission: submission.to_string(),
            round: round.index,
            validator: me.to_string(),
            score,
            salt: hex(&salt),
            commitment: hex(&commitment),
        };
        ctx.secrets
            .save_vote(&secret, &round_key, &me)
            .map_err(local)?
    } else {
        ctx.secrets.vote_path(&round_key, &me)
    };
    let bond = task.vote_bond(seats).unwrap_or(0);
    let ix = ctx
        .client
        .commit_vote(me, sub.task, submission, round.index, commitment);
    let summary = format!(
        "Committed a hidden score on submission {submission} (round {}) with {seats} {}, bonding {}\n\
         Reveal it with `merit vote reveal {submission}` between {} and {}\n\
         Salt kept in {}",
        round.index,
        super::claim::plural(seats as usize, "seat", "seats"),
        ctx.amount(bond),
        fmt_when(round.commit_deadline + lag, now),
        fmt_when(round.reveal_deadline + lag, now),
        path.display()
    );
    let fields = json!({
        "task": sub.task.to_string(),
        "submission": submission.to_string(),
        "round": round.index,
        "vote": vote_key.to_string(),
        "action": "vote-commit",
        "seats": seats,
        "bond": units(bond),
        "commitment": hex(&commitment),
        "revealFrom": round.commit_deadline + lag,
        "revealUntil": round.reveal_deadline + lag,
        "secretFile": path.display().to_string(),
    });
    Ok((ix, summary, fields))
}

/// `merit vote commit SUBMISSION[=SCORE]...`: every vote checked (a refusal sends
/// nothing) and its salt stored, then all sent in as few transactions as fit.
pub async fn commit<C: Chain>(
    ctx: &mut Ctx<'_, C>,
    votes: &[(Pubkey, u8)],
) -> Result<(), CliError> {
    if let [(submission, score)] = votes {
        let (ix, summary, fields) = prepare_commit(ctx, *submission, *score).await?;
        ctx.send(&summary, &[ix], fields).await?;
        return Ok(());
    }
    let mut seen = std::collections::BTreeSet::new();
    if let Some((twice, _)) = votes.iter().find(|(s, _)| !seen.insert(*s)) {
        return Err(crate::error::usage(format!(
            "submission {twice} is named twice"
        )));
    }
    let (mut ixs, mut summaries, mut docs) = (Vec::new(), Vec::new(), Vec::new());
    for (submission, score) in votes {
        let (ix, summary, mut fields) = prepare_commit(ctx, *submission, *score).await?;
        fields["decimals"] = json!(ctx.decimals);
        ixs.push(ix);
        summaries.push(summary);
        docs.push(fields);
    }
    let signatures = ctx.send_packed(&ixs).await?;
    let sigs: Vec<String> = signatures.iter().map(|s| s.to_string()).collect();
    for d in &mut docs {
        d["signatures"] = json!(sigs);
    }
    let human = format!(
        "{}\n{} {} in {} {}:\n{}",
        summaries.join("\n"),
        votes.len(),
        super::claim::plural(votes.len(), "vote", "votes"),
        signatures.len(),
        super::claim::plural(signatures.len(), "transaction", "transactions"),
        sigs.iter()
            .map(|s| format!("Signature: {s}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    ctx.out.show(|| human, || Value::Array(docs));
    Ok(())
}

pub async fn reveal<C: Chain>(ctx: &mut Ctx<'_, C>, submission: Pubkey) -> Result<(), CliError> {
    let me = ctx.me;
    let sub: Submission = ctx.must(&submission, "submission").await?;
    let (round_key, round) = current_round(ctx, &submission, &sub).await?;
    let secret = ctx.secrets.vote(&round_key, &me).map_err(local)?.ok_or_else(|| {
        local(format!(
            "no salt for your vote on {submission} (round {}) in {}: it was not committed from this machine (or --secrets-dir differs)",
            round.index,
            ctx.secrets.vote_path(&round_key, &me).display()
        ))
    })?;
    let salt = secret.salt().map_err(local)?;
    let task: Task = ctx.must(&sub.task, "task").await?;
    let now = ctx.now().await?;
    let task_now = task.clock(ctx.config.pause(), now).map_err(rule)?;
    round
        .reveal_check(task_now)
        .map_err(|e| rule_opening(e, round.commit_deadline, task_now, now))?;
    let ix = ctx
        .client
        .reveal_vote(me, sub.task, submission, round.index, secret.score, salt);
    let summary = format!(
        "Revealed score {} on submission {submission} (round {})",
        secret.score, round.index
    );
    let fields = json!({
        "action": "vote-reveal",
        "task": sub.task.to_string(),
        "submission": submission.to_string(),
        "round": round.index,
        "score": secret.score,
    });
    ctx.send(&summary, &[ix], fields).await?;
    Ok(())
}

/// A line of `pending`: for people, and for `--output json`.
type Item = (String, Value);

/// What the wallet still has to do as a validator and a contributor, and until when:
/// seats drawn for it in a round whose commit window is open and not yet committed,
/// committed votes and submissions not yet revealed.
pub async fn pending<C: Chain>(ctx: &mut Ctx<'_, C>) -> Result<(), CliError> {
    let mut items = seats_to_commit(ctx).await?;
    items.extend(votes_to_reveal(ctx).await?);
    items.extend(works_to_reveal(ctx).await?);
    let mut human = if items.is_empty() {
        "Nothing pending.".to_string()
    } else {
        items
            .iter()
            .map(|(h, _)| h.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let now = ctx.now().await?;
    if let Some(note) = crate::units::clock_skew_note(now, crate::units::machine_now()) {
        if !items.is_empty() {
            human.push_str(&format!("\n{note}"));
        }
    }
    let json = Value::Array(items.into_iter().map(|(_, j)| j).collect());
    ctx.out.show(|| human, || json);
    Ok(())
}

/// The wallet's seats on `round`, once its committee is drawn: `Round::seat_check`
/// (`None` before the draw, or when the program would refuse the wallet a vote).
pub async fn seats_known<C: Chain>(
    ctx: &mut Ctx<'_, C>,
    task: &Task,
    round: &Round,
) -> Result<Option<u64>, CliError> {
    if !round.committee(task).drawn {
        return Ok(None);
    }
    Ok(my_seats(ctx, &round.task, task, round).await.ok())
}

/// Every open round whose commit window has not closed, where the wallet has not voted:
/// drawn, with seats for the wallet (`Round::seat_check`): commit now or from the window's
/// opening (`Round::commit_check`); not drawn yet, while the wallet holds stake and is
/// neither the task's creator nor a competitor: the draw's status (its seats are known
/// once it is drawn).
async fn seats_to_commit<C: Chain>(ctx: &mut Ctx<'_, C>) -> Result<Vec<Item>, CliError> {
    let now = ctx.now().await?;
    let me = ctx.me;
    let pause = ctx.config.pause();
    let staked = ctx.chain.account(&pda::stake(&me)).await?.is_some();
    let mut tasks: BTreeMap<Pubkey, Option<Task>> = BTreeMap::new();
    let mut items = Vec::new();
    for (round_key, data) in ctx.chain.merit_accounts(&[AccountKind::Round]).await? {
        let round: Round = merit_crank::decode_at(&round_key, &data)?;
        if round.state != RoundState::Open {
            continue;
        }
        if let std::collections::btree_map::Entry::Vacant(e) = tasks.entry(round.task) {
            e.insert(ctx.get::<Task>(&round.task).await?);
        }
        let Some(task) = tasks[&round.task] else {
            continue;
        };
        let Ok(task_now) = task.clock(pause, now) else {
            continue;
        };
        let drawn = round.committee(&task).drawn;
        let window = round.commit_check(drawn, task_now);
        let early = matches!(&window, Err(e) if merit_client::errors::rule(e)
            .is_some_and(|n| n.name == "WindowNotOpen" || n.name == "CommitteeNotDrawn"));
        if window.is_err() && !early {
            continue; // closed, or the round is full
        }
        if ctx
            .chain
            .account(&pda::vote(&round_key, &me))
            .await?
            .is_some()
        {
            continue;
        }
        let sub_key = round.submission;
        // The task's clock stops in a pause: its windows in the cluster's time.
        let at = |t: i64| t.saturating_add(now.saturating_sub(task_now));
        if !drawn {
            let mine = task.creator == me
                || ctx
                    .chain
                    .account(&pda::submission(&round.task, &me))
                    .await?
                    .is_some();
            if !staked || mine {
                continue;
            }
            let (status, sentence) = draw_status(round_draw(&round, &task));
            items.push((
                format!(
                    "wait    submission {sub_key} round {}: committee {sentence}; your seats are known once it is drawn",
                    round.index
                ),
                json!({ "action": "await-draw", "submission": sub_key.to_string(), "task": round.task.to_string(),
                        "round": round.index, "draw": status, "drawTargetSlot": round_draw(&round, &task).target_slot,
                        "opens": at(round.commit_opens_at), "deadline": at(round.commit_deadline) }),
            ));
            continue;
        }
        let Ok(seats) = my_seats(ctx, &round.task, &task, &round).await else {
            continue;
        };
        let uri = match ctx.get::<Submission>(&round.submission).await? {
            Some(s) => s.uri,
            None => continue,
        };
        let when = if window.is_ok() {
            format!("now, until {}", fmt_when(at(round.commit_deadline), now))
        } else {
            format!(
                "from {} until {}",
                fmt_when(at(round.commit_opens_at), now),
                fmt_when(at(round.commit_deadline), now)
            )
        };
        items.push((
            format!(
                "commit  submission {sub_key} round {} ({seats} {}; {uri}) {when}",
                round.index,
                super::claim::plural(seats as usize, "seat", "seats"),
            ),
            json!({ "action": "commit", "submission": sub_key.to_string(), "task": round.task.to_string(),
                    "round": round.index, "seats": seats, "open": window.is_ok(),
                    "opens": at(round.commit_opens_at), "deadline": at(round.commit_deadline) }),
        ));
    }
    Ok(items)
}

/// The wallet's committed votes (their salts on this machine) not revealed yet.
async fn votes_to_reveal<C: Chain>(ctx: &mut Ctx<'_, C>) -> Result<Vec<Item>, CliError> {
    let now = ctx.now().await?;
    let me = ctx.me;
    let mut items = Vec::new();
    for secret in ctx.secrets.votes_of(&me).map_err(local)? {
        let Ok(sub_key) = secret.submission.parse::<Pubkey>() else {
            continue;
        };
        let round_key = pda::round(&sub_key, secret.round);
        let Some(vote) = ctx.get::<Vote>(&pda::vote(&round_key, &me)).await? else {
            continue;
        };
        let Some(round) = ctx.get::<Round>(&round_key).await? else {
            continue;
        };
        if vote.revealed || round.state != RoundState::Open {
            continue;
        }
        let Some(task) = ctx.get::<Task>(&vote.task).await? else {
            continue;
        };
        let lag = task_lag(&task, &ctx.config, now);
        let (from, until) = (round.commit_deadline + lag, round.reveal_deadline + lag);
        // The program's own rule: `Round::reveal_check` on the task's clock.
        let (phase, when) = match round.reveal_check(now - lag) {
            Ok(()) => ("reveal", format!("now, until {}", fmt_when(until, now))),
            Err(e) if merit_client::errors::rule(&e).is_some_and(|n| n.name == "WindowNotOpen") => {
                (
                    "commit",
                    format!(
                        "from {} until {}",
                        fmt_when(from, now),
                        fmt_when(until, now)
                    ),
                )
            }
            Err(_) => (
                "settlement",
                "too late: the reveal window has closed".to_string(),
            ),
        };
        items.push((
            format!(
                "reveal  vote on {sub_key} round {} (score {}) {when}",
                round.index, secret.score
            ),
            json!({ "action": "reveal-vote", "submission": sub_key.to_string(), "task": vote.task.to_string(),
                    "round": round.index, "phase": phase, "from": from, "until": until }),
        ));
    }
    Ok(items)
}

/// The wallet's committed submissions (their salts on this machine) not revealed yet.
async fn works_to_reveal<C: Chain>(ctx: &mut Ctx<'_, C>) -> Result<Vec<Item>, CliError> {
    let now = ctx.now().await?;
    let me = ctx.me;
    let config = ctx.config;
    let mut items = Vec::new();
    for secret in ctx.secrets.works_of(&me).map_err(local)? {
        let Ok(task_key) = secret.task.parse::<Pubkey>() else {
            continue;
        };
        let Some(sub) = ctx
            .get::<Submission>(&pda::submission(&task_key, &me))
            .await?
        else {
            continue;
        };
        if sub.content_revealed {
            continue;
        }
        let Some(task) = ctx.get::<Task>(&task_key).await? else {
            continue;
        };
        let phase = phase_at(&task, &config, now);
        let lag = task_lag(&task, &config, now);
        let (from, until) = (
            task.submission_deadline + lag,
            task.submission_reveal_deadline + lag,
        );
        let when = match phase {
            TaskPhase::Submission => {
                format!(
                    "from {} until {}",
                    fmt_when(from, now),
                    fmt_when(until, now)
                )
            }
            TaskPhase::SubmissionReveal => format!("now, until {}", fmt_when(until, now)),
            _ => "too late: the reveal window has closed".to_string(),
        };
        items.push((
            format!("reveal  submission to task {task_key} {when}"),
            json!({ "action": "reveal-submission", "task": task_key.to_string(), "phase": phase_name(phase),
                    "from": from, "until": until }),
        ));
    }
    Ok(items)
}
