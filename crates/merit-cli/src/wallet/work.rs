//! `merit submit <TASK>` (commit to hidden work) and `merit submit reveal <TASK>`.
use super::Ctx;
use crate::error::{local, rule, rule_opening, usage, CliError};
use crate::secrets::{fresh_salt, WorkSecret};
use crate::units::{fmt_when, hash_file, hex, parse_hash};
use anchor_lang::prelude::Pubkey;
use merit_client::{pda, submission_commitment, Submission, Task};
use merit_crank::Chain;
use serde_json::json;
use std::path::PathBuf;

/// What the contributor commits to: a file (hashed with sha256) or its hash.
pub enum Content {
    File(PathBuf),
    Hash(String),
}

pub async fn submit<C: Chain>(
    ctx: &mut Ctx<'_, C>,
    task_key: Pubkey,
    content: Content,
    uri: String,
) -> Result<(), CliError> {
    let content_hash = match &content {
        Content::File(path) => hash_file(path).map_err(usage)?,
        Content::Hash(h) => parse_hash(h).map_err(usage)?,
    };
    if uri.len() > merit::constants::MAX_URI_LEN {
        return Err(usage(format!(
            "--uri is longer than {} bytes",
            merit::constants::MAX_URI_LEN
        )));
    }
    let now = ctx.now().await?;
    let task: Task = ctx.must(&task_key, "task").await?;
    let me = ctx.me;
    let submission = pda::submission(&task_key, &me);
    // A salt whose commitment may be on chain is never replaced: the program refuses the
    // second submission by name, and the reveal still finds the first one's salt.
    let existing: Option<Submission> = ctx.get(&submission).await?;
    let salt = fresh_salt();
    let commitment = submission_commitment(&task_key, &me, &content_hash, &salt);
    let secret_path = if existing.is_none() {
        let secret = WorkSecret {
            task: task_key.to_string(),
            contributor: me.to_string(),
            content_hash: hex(&content_hash),
            salt: hex(&salt),
            uri: uri.clone(),
            commitment: hex(&commitment),
        };
        ctx.secrets
            .save_work(&secret, &task_key, &me)
            .map_err(local)?
    } else {
        ctx.secrets.work_path(&task_key, &me)
    };
    let ix = ctx.client.submit(me, task_key, commitment, task.terms_hash);
    let lag = super::view::task_lag(&task, &ctx.config, now);
    let summary = format!(
        "Submitted to task {task_key}: submission {submission}\n\
         Bonded {} of stake; paid a {} fee. The work stays hidden until you reveal it:\n\
         `merit submit reveal {task_key}` between {} and {}\n\
         Salt kept in {}",
        ctx.amount(task.bond),
        ctx.amount(task.submission_fee),
        fmt_when(task.submission_deadline + lag, now),
        fmt_when(task.submission_reveal_deadline + lag, now),
        secret_path.display()
    );
    let fields = json!({
        "action": "submit",
        "task": task_key.to_string(),
        "submission": submission.to_string(),
        "contentHash": hex(&content_hash),
        "commitment": hex(&commitment),
        "revealFrom": task.submission_deadline + lag,
        "revealUntil": task.submission_reveal_deadline + lag,
        "secretFile": secret_path.display().to_string(),
    });
    ctx.send(&summary, &[ix], fields).await?;
    Ok(())
}

pub async fn reveal<C: Chain>(
    ctx: &mut Ctx<'_, C>,
    task_key: Pubkey,
    uri: Option<String>,
) -> Result<(), CliError> {
    let me = ctx.me;
    let secret = ctx
        .secrets
        .work(&task_key, &me)
        .map_err(local)?
        .ok_or_else(|| {
            local(format!(
                "no salt for your submission to {task_key} in {}: it was not submitted from this machine (or --secrets-dir differs)",
                ctx.secrets.work_path(&task_key, &me).display()
            ))
        })?;
    let content_hash = secret.content_hash().map_err(local)?;
    let salt = secret.salt().map_err(local)?;
    let uri = uri.unwrap_or(secret.uri);
    let task: Task = ctx.must(&task_key, "task").await?;
    let now = ctx.now().await?;
    let task_now = task.clock(ctx.config.pause(), now).map_err(rule)?;
    task.require_submission_reveal_open(task_now)
        .map_err(|e| rule_opening(e, task.submission_deadline, task_now, now))?;
    let ix = ctx
        .client
        .reveal_submission(me, task_key, content_hash, salt, uri.clone());
    let submission = pda::submission(&task_key, &me);
    let summary = format!("Revealed submission {submission}: {uri}");
    let fields = json!({
        "action": "submit-reveal",
        "task": task_key.to_string(),
        "submission": submission.to_string(),
        "contentHash": hex(&content_hash),
        "uri": uri,
    });
    ctx.send(&summary, &[ix], fields).await?;
    Ok(())
}
