//! `merit vote commit|reveal|pending`: a validator's commit-reveal, with the salt kept
//! on this machine between the two.
use super::task::{phase_at, phase_name};
use super::Ctx;
use crate::error::{local, CliError};
use crate::secrets::{fresh_salt, VoteSecret};
use crate::units::{fmt_when, hex};
use anchor_lang::prelude::Pubkey;
use merit_client::{
    offsets, pda, vote_commitment, AccountKind, Stake, Submission, Task, TaskPhase, Vote,
};
use merit_crank::Chain;
use serde_json::{json, Value};

pub async fn commit<C: Chain>(
    ctx: &mut Ctx<'_, C>,
    submission: Pubkey,
    score: u8,
) -> Result<(), CliError> {
    let now = ctx.now().await?;
    let me = ctx.me;
    let sub: Submission = ctx.must(&submission, "submission").await?;
    let task: Task = ctx.must(&sub.task, "task").await?;
    let epoch = ctx.current_epoch().await?;
    let stake: Option<Stake> = ctx.get(&pda::stake(&me)).await?;
    let seats = merit_client::seats(&task, &submission, &me, stake.as_ref(), epoch);
    let vote_key = pda::vote(&submission, &me);
    let existing: Option<Vote> = ctx.get(&vote_key).await?;
    let salt = fresh_salt();
    let commitment = vote_commitment(&submission, &me, score, &salt);
    // A salt whose commitment is on chain is never replaced: the program refuses the
    // second commit by name, and the reveal still finds the first one's salt.
    let path = if existing.is_none() {
        let secret = VoteSecret {
            task: sub.task.to_string(),
            submission: submission.to_string(),
            validator: me.to_string(),
            score,
            salt: hex(&salt),
            commitment: hex(&commitment),
        };
        ctx.secrets
            .save_vote(&secret, &submission, &me)
            .map_err(local)?
    } else {
        ctx.secrets.vote_path(&submission, &me)
    };
    let bond = task.vote_bond(seats).unwrap_or(0);
    let ix = ctx.client.commit_vote(me, sub.task, submission, commitment);
    let summary = format!(
        "Committed a hidden score on submission {submission} with {seats} seats, bonding {}\n\
         Reveal it with `merit vote reveal {submission}` between {} and {}\n\
         Salt kept in {}",
        ctx.amount(bond),
        fmt_when(task.commit_deadline, now),
        fmt_when(task.reveal_deadline, now),
        path.display()
    );
    let fields = json!({
        "task": sub.task.to_string(),
        "submission": submission.to_string(),
        "vote": vote_key.to_string(),
        "seats": seats,
        "bond": bond,
        "commitment": hex(&commitment),
        "revealFrom": task.commit_deadline,
        "revealUntil": task.reveal_deadline,
        "secretFile": path.display().to_string(),
    });
    ctx.send(&summary, &[ix], fields).await?;
    Ok(())
}

pub async fn reveal<C: Chain>(ctx: &mut Ctx<'_, C>, submission: Pubkey) -> Result<(), CliError> {
    let me = ctx.me;
    let secret = ctx.secrets.vote(&submission, &me).map_err(local)?.ok_or_else(|| {
        local(format!(
            "no salt for your vote on {submission} in {}: it was not committed from this machine (or --secrets-dir differs)",
            ctx.secrets.vote_path(&submission, &me).display()
        ))
    })?;
    let salt = secret.salt().map_err(local)?;
    let sub: Submission = ctx.must(&submission, "submission").await?;
    let ix = ctx
        .client
        .reveal_vote(me, sub.task, submission, secret.score, salt);
    let summary = format!("Revealed score {} on submission {submission}", secret.score);
    let fields = json!({
        "task": sub.task.to_string(),
        "submission": submission.to_string(),
        "score": secret.score,
    });
    ctx.send(&summary, &[ix], fields).await?;
    Ok(())
}

/// What the wallet still has to do as a validator and a contributor, and until when:
/// seats drawn for it and not yet committed, committed votes and submissions not yet
/// revealed.
pub async fn pending<C: Chain>(ctx: &mut Ctx<'_, C>) -> Result<(), CliError> {
    let now = ctx.now().await?;
    let me = ctx.me;
    let epoch = ctx.current_epoch().await?;
    let config = ctx.config;
    let stake: Option<Stake> = ctx.get(&pda::stake(&me)).await?;
    let mut items: Vec<(String, Value)> = Vec::new();

    let raw = ctx.chain.merit_accounts(&[AccountKind::Task]).await?;
    for (task_key, data) in raw {
        let task: Task = merit_crank::decode_at(&task_key, &data)?;
        if !task.draw.drawn
            || task.creator == me
            || phase_at(&task, &config, now) != TaskPhase::Commit
        {
            continue;
        }
        let subs: Vec<(Pubkey, Submission)> = ctx
            .accounts_with(AccountKind::Submission, offsets::SUBMISSION_TASK, &task_key)
            .await?;
        if subs.iter().any(|(_, s)| s.contributor == me) {
            continue; // contributors to a task may not judge it
        }
        for (sub_key, sub) in subs.iter().filter(|(_, s)| s.content_revealed) {
            let seats = merit_client::seats(&task, sub_key, &me, stake.as_ref(), epoch);
            if seats == 0 || ctx.chain.account(&pda::vote(sub_key, &me)).await?.is_some() {
                continue;
            }
            items.push((
                format!(
                    "commit  submission {sub_key} ({seats} seats; {}) before {}",
                    sub.uri,
                    fmt_when(task.commit_deadline, now)
                ),
                json!({ "action": "commit", "submission": sub_key.to_string(), "task": task_key.to_string(),
                        "seats": seats, "deadline": task.commit_deadline }),
            ));
        }
    }

    for secret in ctx.secrets.votes_of(&me).map_err(local)? {
        let Ok(sub_key) = secret.submission.parse::<Pubkey>() else {
            continue;
        };
        let Some(vote) = ctx.get::<Vote>(&pda::vote(&sub_key, &me)).await? else {
            continue;
        };
        if vote.revealed {
            continue;
        }
        let Some(task) = ctx.get::<Task>(&vote.task).await? else {
            continue;
        };
        let phase = phase_at(&task, &config, now);
        let when = match phase {
            TaskPhase::Submission | TaskPhase::SubmissionReveal | TaskPhase::Commit => {
                format!(
                    "from {} until {}",
                    fmt_when(task.commit_deadline, now),
                    fmt_when(task.reveal_deadline, now)
                )
            }
            TaskPhase::Reveal => format!("now, until {}", fmt_when(task.reveal_deadline, now)),
            _ => "too late: the reveal window has closed".to_string(),
        };
        items.push((
            format!("reveal  vote on {sub_key} (score {}) {when}", secret.score),
            json!({ "action": "reveal-vote", "submission": sub_key.to_string(), "task": vote.task.to_string(),
                    "phase": phase_name(phase), "from": task.commit_deadline, "until": task.reveal_deadline }),
        ));
    }

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
        let when = match phase {
            TaskPhase::Submission => format!(
                "from {} until {}",
                fmt_when(task.submission_deadline, now),
                fmt_when(task.submission_reveal_deadline, now)
            ),
            TaskPhase::SubmissionReveal => {
                format!(
                    "now, until {}",
                    fmt_when(task.submission_reveal_deadline, now)
                )
            }
            _ => "too late: the reveal window has closed".to_string(),
        };
        items.push((
            format!("reveal  submission to task {task_key} {when}"),
            json!({ "action": "reveal-submission", "task": task_key.to_string(), "phase": phase_name(phase),
                    "from": task.submission_deadline, "until": task.submission_reveal_deadline }),
        ));
    }

    let human = if items.is_empty() {
        "Nothing pending.".to_string()
    } else {
        items
            .iter()
            .map(|(h, _)| h.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let json = Value::Array(items.into_iter().map(|(_, j)| j).collect());
    ctx.out.show(|| human, || json);
    Ok(())
}
