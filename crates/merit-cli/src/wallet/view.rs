//! How Merit's state reads for people: a task's phase by name, how far its clock lags the
//! cluster's, where a committee's draw stands. Shared by the wallet commands (no command
//! logic here).
use merit_client::{Round, Task, TaskPhase};

/// The phase's name, as the TypeScript SDK's `taskPhase` names it.
pub fn phase_name(phase: TaskPhase) -> &'static str {
    match phase {
        TaskPhase::Submission => "submission",
        TaskPhase::SubmissionReveal => "submissionReveal",
        TaskPhase::Commit => "commit",
        TaskPhase::Reveal => "reveal",
        TaskPhase::Settlement => "settlement",
        TaskPhase::Finalized => "finalized",
    }
}

/// The task's phase now, on its own clock (a pause stops it).
pub fn phase_at(task: &Task, config: &merit_client::Config, now: i64) -> TaskPhase {
    task.phase(task.clock(config.pause(), now).unwrap_or(now))
}

/// How far `task`'s clock is behind the cluster's at `now` (the pauses since it was
/// posted: `Task::clock`). A deadline on the task's clock falls at `deadline + lag` on the
/// cluster's, if no pause comes; every time the CLI prints is shifted by it.
pub fn task_lag(task: &Task, config: &merit_client::Config, now: i64) -> i64 {
    now.saturating_sub(task.clock(config.pause(), now).unwrap_or(now))
}

/// Where a committee's draw stands: a short name (for JSON) and a sentence.
pub fn draw_status(draw: &merit_client::Draw) -> (&'static str, String) {
    if draw.drawn {
        let how = if draw.from_fallback {
            "the seed fixed when it was scheduled (its target slot aged out)"
        } else {
            "slot hashes"
        };
        (
            "drawn",
            format!("drawn from {how} at slot {}", draw.seed_slot),
        )
    } else if draw.target_slot > 0 {
        (
            "scheduled",
            format!(
                "scheduled: its seed is fixed from slot {} on (up to {} slots later)",
                draw.target_slot,
                merit::constants::DRAW_CHAIN_MAX_SLOTS - merit::constants::DRAW_DELAY_SLOTS
            ),
        )
    } else {
        (
            "notScheduled",
            "not scheduled yet (a keeper schedules it once submissions close)".into(),
        )
    }
}

/// The draw a round's committee comes from: the task's for round 1, its own after.
pub fn round_draw<'a>(round: &'a Round, task: &'a Task) -> &'a merit_client::Draw {
    if round.index <= 1 {
        &task.draw
    } else {
        &round.draw
    }
}
