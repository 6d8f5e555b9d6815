//! `merit claim [TASK] [--all]`: everything the wallet can claim now, decided by the
//! program's own rules (`Submission::claim_check`, `Vote::claim_check`, a vesting
//! account's checkpoint), packed into as few transactions as fit.
use super::Ctx;
use crate::error::{usage, CliError};
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use merit_client::merit::error::MeritError;
use merit_client::merit::state::Side;
use merit_client::{offsets, pda, AccountKind, Epoch, Round, Submission, Task, Vesting, Vote};
use merit_crank::Chain;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// One claim the wallet can make now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Claim {
    Submission {
        task: Pubkey,
    },
    Vote {
        task: Pubkey,
        submission: Pubkey,
        round: u8,
    },
    SubmissionEmission {
        task: Pubkey,
        epoch: u64,
    },
    VoteEmission {
        task: Pubkey,
        submission: Pubkey,
        round: u8,
        epoch: u64,
    },
    Vested,
}

impl Claim {
    fn instruction(&self, ctx: &Ctx<'_, impl Chain>) -> Instruction {
        let (c, me) = (&ctx.client, ctx.me);
        match *self {
            Claim::Submission { task } => c.claim_submission(me, task),
            Claim::Vote {
                task,
                submission,
                round,
            } => c.claim_vote(me, task, submission, round),
            Claim::SubmissionEmission { task, epoch } => {
                c.claim_submission_emission(me, task, epoch)
            }
            Claim::VoteEmission {
                task,
                submission,
                round,
                epoch,
            } => c.claim_vote_emission(me, task, submission, round, epoch),
            Claim::Vested => c.withdraw_vested(me),
        }
    }

    fn describe(&self) -> String {
        match self {
            Claim::Submission { task } => format!("reward and bond of your submission to {task}"),
            Claim::Vote {
                submission, round, ..
            } => {
                format!("reward and bond of your vote on {submission} (round {round})")
            }
            Claim::SubmissionEmission { task, epoch } => {
                format!("epoch {epoch} emission for your submission to {task}")
            }
            Claim::VoteEmission {
                submission,
                round,
                epoch,
                ..
            } => {
                format!("epoch {epoch} emission for your vote on {submission} (round {round})")
            }
            Claim::Vested => "vested tokens".into(),
        }
    }
}

/// Everything the wallet can claim now (of `only` task, when given), and what it will
/// claim once something else happens (`waiting`: a task to finalize, a round to close, an
/// incoherent vote for a keeper to slash), by the same rules' refusals.
pub async fn claimable<C: Chain>(
    ctx: &mut Ctx<'_, C>,
    only: Option<Pubkey>,
    waiting: &mut Vec<String>,
) -> Result<Vec<Claim>, CliError> {
    let me = ctx.me;
    let now = ctx.now().await?;
    let mut tasks: BTreeMap<Pubkey, Option<Task>> = BTreeMap::new();
    let mut epochs: BTreeMap<u64, Option<Epoch>> = BTreeMap::new();
    let mut claims = Vec::new();
    let subs: Vec<(Pubkey, Submission)> = ctx
        .accounts_with(
            AccountKind::Submission,
            offsets::SUBMISSION_CONTRIBUTOR,
            &me,
        )
        .await?;
    let votes: Vec<(Pubkey, Vote)> = ctx
        .accounts_with(AccountKind::Vote, offsets::VOTE_VALIDATOR, &me)
        .await?;
    for (_, sub) in subs
        .iter()
        .filter(|(_, s)| only.is_none_or(|t| s.task == t))
    {
        let Some(task) = task_of(ctx, &mut tasks, &sub.task).await? else {
            continue;
        };
        match sub.claim_check(&task) {
            Ok(()) => claims.push(Claim::Submission { task: sub.task }),
            Err(e) if is(&e, MeritError::TaskNotFinalized) => waiting.push(format!(
                "your submission to {}: its task is not finalized yet (a keeper finalizes it once every submission is judged)",
                sub.task
            )),
            Err(_) => {}
        }
        if sub.emission_claim_check().is_ok()
            && emission_payable(ctx, &mut epochs, sub.epoch, Side::Contributor, sub.points).await?
        {
            claims.push(Claim::SubmissionEmission {
                task: sub.task,
                epoch: sub.epoch,
            });
        }
    }
    for (_, vote) in votes
        .iter()
        .filter(|(_, v)| only.is_none_or(|t| v.task == t))
    {
        let Some(task) = task_of(ctx, &mut tasks, &vote.task).await? else {
            continue;
        };
        // A validator votes once per round: each vote reads its own round.
        let Some(round) = ctx.get::<Round>(&vote.round).await? else {
            continue;
        };
        let check = vote.claim_check(&round, &task.rules);
        match &check {
            Err(e) if is(e, MeritError::VoteMustBeSlashedFirst) => waiting.push(format!(
                "your vote on {} (round {}): scored {}, outside the consensus; a keeper slashes it (`merit crank`), then what is left of its bond unlocks here",
                vote.submission, vote.round_index, vote.score
            )),
            Err(e) if is(e, MeritError::SubmissionNotFinalized) => waiting.push(format!(
                "your vote on {} (round {}): the round is still being judged",
                vote.submission, vote.round_index
            )),
            _ => {}
        }
        if let Ok(coherent) = check {
            claims.push(Claim::Vote {
                task: vote.task,
                submission: vote.submission,
                round: vote.round_index,
            });
            // The claim fixes the vote's points (`Round::vote_points`) in the round's
            // points epoch: its emission follows in the same batch when that epoch pays.
            let points = match coherent {
                true => round
                    .vote_points(&task, vote.weight, vote.multiplier_bps)
                    .map_err(crate::error::rule)?,
                false => 0,
            };
            let epoch = round.points_epoch;
            if points > 0
                && emission_payable(ctx, &mut epochs, epoch, Side::Validator, points).await?
            {
                claims.push(Claim::VoteEmission {
                    task: vote.task,
                    submission: vote.submission,
                    round: vote.round_index,
                    epoch,
                });
            }
        } else if vote.emission_claim_check().is_ok()
            && emission_payable(ctx, &mut epochs, vote.epoch, Side::Validator, vote.points).await?
        {
            claims.push(Claim::VoteEmission {
                task: vote.task,
                submission: vote.submission,
                round: vote.round_index,
                epoch: vote.epoch,
            });
        }
    }
    if only.is_none() {
        if let Some(mut vesting) = ctx.get::<Vesting>(&pda::vesting(&me)).await? {
            if vesting.checkpoint(now).is_ok() && vesting.unlocked > 0 {
                claims.push(Claim::Vested);
            }
        }
    }
    Ok(claims)
}

/// Whether a rule refused with Merit's error `code`.
fn is(e: &anchor_lang::error::Error, code: MeritError) -> bool {
    matches!(e, anchor_lang::error::Error::AnchorError(a) if a.error_code_number == u32::from(code))
}

async fn task_of<C: Chain>(
    ctx: &mut Ctx<'_, C>,
    cache: &mut BTreeMap<Pubkey, Option<Task>>,
    key: &Pubkey,
) -> Result<Option<Task>, CliError> {
    if let Some(t) = cache.get(key) {
        return Ok(*t);
    }
    let t: Option<Task> = ctx.get(key).await?;
    cache.insert(*key, t);
    Ok(t)
}

/// Whether epoch `index` would take a claim of `points` on `side` now: the program's own
/// `Epoch::claim`, tried on a copy.
async fn emission_payable<C: Chain>(
    ctx: &mut Ctx<'_, C>,
    cache: &mut BTreeMap<u64, Option<Epoch>>,
    index: u64,
    side: Side,
    points: u64,
) -> Result<bool, CliError> {
    let epoch = match cache.get(&index) {
        Some(e) => e.clone(),
        None => {
            let e: Option<Epoch> = ctx.get(&pda::epoch(index)).await?;
            cache.insert(index, e.clone());
            e
        }
    };
    Ok(epoch.is_some_and(|mut e| e.claim(side, points).is_ok()))
}

pub async fn run<C: Chain>(
    ctx: &mut Ctx<'_, C>,
    task: Option<Pubkey>,
    all: bool,
) -> Result<(), CliError> {
    if task.is_none() && !all {
        return Err(usage(
            "name a task (`merit claim <TASK>`) or claim everything (`merit claim --all`)",
        ));
    }
    let me = ctx.me;
    let before = ctx.wallet_tokens(&me).await?;
    // One pass: a vote claimed now brings its emission along (see `claimable`).
    let mut waiting = Vec::new();
    let done = claimable(ctx, task, &mut waiting).await?;
    let ixs: Vec<Instruction> = done.iter().map(|c| c.instruction(ctx)).collect();
    let signatures = ctx.send_packed(&ixs).await?;
    let received = ctx.wallet_tokens(&me).await?.saturating_sub(before);
    let mut human = if done.is_empty() {
        "Nothing to claim.".to_string()
    } else {
        // Rewards vest only under a vesting schedule: say so only then.
        let vests = if ctx.config.params.vesting_duration_secs > 0 {
            " (rewards vest: they wait in your vesting account, `merit claim --all` withdraws what has vested)"
        } else {
            ""
        };
        let mut lines = vec![format!(
            "Claimed {} {} in {} {}; {} tokens reached your wallet{vests}:",
            done.len(),
            plural(done.len(), "item", "items"),
            signatures.len(),
            plural(signatures.len(), "transaction", "transactions"),
            ctx.amount(received)
        )];
        lines.extend(done.iter().map(|c| format!("  {}", c.describe())));
        lines.extend(signatures.iter().map(|s| format!("Signature: {s}")));
        lines.join("\n")
    };
    if !waiting.is_empty() {
        human.push_str("\nLater, once settled:");
        for w in &waiting {
            human.push_str(&format!("\n  {w}"));
        }
    }
    let json = json!({
        "claimed": done.iter().map(|c| Value::String(c.describe())).collect::<Vec<_>>(),
        "action": "claim",
        "decimals": ctx.decimals,
        "received": crate::output::units(received),
        "signatures": signatures.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        "waiting": waiting,
    });
    ctx.out.show(|| human, || json);
    Ok(())
}

/// `one` or `many`, as `n` says.
pub fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}
