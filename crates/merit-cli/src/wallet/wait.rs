//! `merit task wait TASK PHASE` and `merit epoch wait [INDEX]`: wait on the cluster's clock
//! (the Clock sysvar, never the laptop's), polling once a second, so a script or a person
//! acts when the program will accept it.
use super::view::{phase_at, phase_name};
use super::Ctx;
use crate::error::{local, usage, CliError};
use crate::units::parse_duration;
use anchor_lang::prelude::Pubkey;
use merit_client::{pda, Task, TaskPhase};
use merit_crank::Chain;
use serde_json::json;
use std::time::{Duration, Instant};

/// A task phase, as `merit task wait` names it (the names `task show` prints).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum WaitPhase {
    #[value(name = "submissionReveal", alias = "reveal-work")]
    SubmissionReveal,
    #[value(name = "commit")]
    Commit,
    /// The first round's committee is drawn (its seed fixed): `vote pending` lists seats.
    #[value(name = "drawn")]
    Drawn,
    #[value(name = "reveal")]
    Reveal,
    #[value(name = "settlement")]
    Settlement,
    #[value(name = "finalized")]
    Finalized,
}

/// A phase's place in a task's life.
fn rank(phase: TaskPhase) -> u8 {
    match phase {
        TaskPhase::Submission => 0,
        TaskPhase::SubmissionReveal => 1,
        TaskPhase::Commit => 2,
        TaskPhase::Reveal => 3,
        TaskPhase::Settlement => 4,
        TaskPhase::Finalized => 5,
    }
}

/// The phase `phase` waits for (`Drawn`: the commit phase, and the committee drawn).
pub fn target(phase: WaitPhase) -> TaskPhase {
    match phase {
        WaitPhase::SubmissionReveal => TaskPhase::SubmissionReveal,
        WaitPhase::Commit | WaitPhase::Drawn => TaskPhase::Commit,
        WaitPhase::Reveal => TaskPhase::Reveal,
        WaitPhase::Settlement => TaskPhase::Settlement,
        WaitPhase::Finalized => TaskPhase::Finalized,
    }
}

fn deadline(timeout: &str) -> Result<Instant, CliError> {
    let secs = parse_duration(timeout).map_err(usage)?;
    Ok(Instant::now() + Duration::from_secs(secs.max(0) as u64))
}

pub async fn task<C: Chain>(
    ctx: &mut Ctx<'_, C>,
    key: Pubkey,
    phase: WaitPhase,
    timeout: &str,
) -> Result<(), CliError> {
    let until = deadline(timeout)?;
    let want = target(phase);
    loop {
        let now = ctx.now().await?;
        let config = merit_crank::config(&mut ctx.chain).await?;
        let task: Task = ctx.must(&key, "task").await?;
        let at = phase_at(&task, &config, now);
        let drawn = task.committee().drawn;
        // `drawn` means: commits are open and the committee that may commit is known.
        if phase == WaitPhase::Drawn && rank(at) > rank(TaskPhase::Commit) {
            let why = if task.submission_count == 0 {
                "nothing was submitted, so no committee is drawn"
            } else if drawn {
                "its committee was drawn, but commits have closed"
            } else {
                "its committee was not drawn before commits closed (revealed work goes to a second round)"
            };
            return Err(local(format!(
                "task {key} is in its {} phase: {why}",
                phase_name(at)
            )));
        }
        if rank(at) >= rank(want) && (phase != WaitPhase::Drawn || drawn) {
            ctx.out.show(
                || {
                    let what = if phase == WaitPhase::Drawn {
                        ", its committee drawn"
                    } else {
                        ""
                    };
                    format!(
                        "Task {key} is in its {} phase{what} (cluster time {now})",
                        phase_name(at)
                    )
                },
                || {
                    json!({"action": "task-wait", "task": key.to_string(), "phase": phase_name(at),
                          "drawn": drawn, "clusterTime": now})
                },
            );
            return Ok(());
        }
        if Instant::now() >= until {
            return Err(local(format!(
                "gave up after {timeout}: task {key} is still in its {} phase",
                phase_name(at)
            )));
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

pub async fn epoch<C: Chain>(
    ctx: &mut Ctx<'_, C>,
    index: Option<u64>,
    timeout: &str,
) -> Result<(), CliError> {
    let until = deadline(timeout)?;
    let want = match index {
        Some(i) => i,
        None => ctx.current_epoch().await? + 1,
    };
    loop {
        let current = ctx.current_epoch().await?;
        if current >= want {
            let now = ctx.now().await?;
            ctx.out.show(
                || format!("Epoch {current} is open (cluster time {now})"),
                || json!({"action": "epoch-wait", "epoch": current, "address": pda::epoch(current).to_string(), "clusterTime": now}),
            );
            return Ok(());
        }
        if Instant::now() >= until {
            return Err(local(format!(
                "gave up after {timeout}: epoch {current} is still open (is a keeper running? `merit crank`)"
            )));
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}
