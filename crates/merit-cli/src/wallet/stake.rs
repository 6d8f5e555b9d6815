//! `merit stake deposit|unstake|withdraw|show`.
use super::Ctx;
use crate::error::{local, rule, CliError};
use crate::output::units;
use crate::units::fmt_when;
use anchor_lang::prelude::Pubkey;
use merit_client::{offsets, pda, AccountKind, Stake, Submission, Vote};
use merit_crank::Chain;
use serde_json::json;

pub async fn deposit<C: Chain>(ctx: &mut Ctx<'_, C>, amount: &str) -> Result<(), CliError> {
    let amount = ctx.parse_amount(amount)?;
    let me = ctx.me;
    let held = ctx.wallet_tokens(&me).await?;
    if held < amount {
        return Err(local(format!(
            "your wallet holds {} tokens; a deposit of {} needs that many (`merit airdrop` on a local cluster)",
            ctx.amount(held),
            ctx.amount(amount)
        )));
    }
    let epoch = ctx.current_epoch().await?;
    let ix = ctx.client.deposit_stake(ctx.me, amount);
    let summary = format!(
        "Deposited {} of stake; it warms up during epoch {epoch} and counts for committee draws from epoch {}",
        ctx.amount(amount),
        epoch + 1
    );
    ctx.send(
        &summary,
        &[ix],
        json!({ "action": "stake-deposit", "amount": units(amount), "activeFromEpoch": epoch + 1 }),
    )
    .await?;
    Ok(())
}

pub async fn unstake<C: Chain>(ctx: &mut Ctx<'_, C>, amount: &str) -> Result<(), CliError> {
    let amount = ctx.parse_amount(amount)?;
    let now = ctx.now().await?;
    let me = ctx.me;
    let stake: Stake = ctx.must(&pda::stake(&me), "stake account").await?;
    if let Err(e) = stake.unstake_check(amount) {
        return Err(with_numbers(e, || unstake_numbers(ctx, &stake, amount)).await);
    }
    let ready = now + ctx.config.params.unstake_cooldown_secs;
    let ix = ctx.client.request_unstake(me, amount);
    let summary = format!(
        "Requested to unstake {}; withdrawable from {}",
        ctx.amount(amount),
        fmt_when(ready, now)
    );
    ctx.send(
        &summary,
        &[ix],
        json!({ "action": "stake-unstake", "amount": units(amount), "withdrawableAt": ready }),
    )
    .await?;
    Ok(())
}

/// The program's refusal `e`, its message followed by what `numbers` says.
async fn with_numbers<F: std::future::Future<Output = Result<String, CliError>>>(
    e: anchor_lang::error::Error,
    numbers: impl FnOnce() -> F,
) -> CliError {
    let mut err = rule(e);
    if let CliError::Program(named) = &mut err {
        match numbers().await {
            Ok(more) if !more.is_empty() => named.msg = format!("{}: {more}", named.msg),
            Ok(_) => {}
            Err(e) => return e,
        }
    }
    err
}

/// Why `amount` cannot be unstaked: the stake's parts, and the votes and submissions whose
/// bonds lock it.
async fn unstake_numbers<C: Chain>(
    ctx: &mut Ctx<'_, C>,
    stake: &Stake,
    amount: u64,
) -> Result<String, CliError> {
    if amount == 0 {
        return Ok(String::new());
    }
    let mut text = format!(
        "asked {}, unlocked {} of {} deposited ({} locked as bonds, {} already unstaking)",
        ctx.amount(amount),
        ctx.amount(stake.unlocked()),
        ctx.amount(stake.deposited),
        ctx.amount(stake.locked),
        ctx.amount(stake.unstaking)
    );
    let me = ctx.me;
    let votes: Vec<(Pubkey, Vote)> = ctx
        .accounts_with(AccountKind::Vote, offsets::VOTE_VALIDATOR, &me)
        .await?;
    let mut locks: Vec<String> = votes
        .iter()
        .filter(|(_, v)| v.bond_remaining > 0)
        .map(|(_, v)| {
            format!(
                "{} by your vote on submission {} of task {} (round {}; unlocked when claimed)",
                ctx.amount(v.bond_remaining),
                v.submission,
                v.task,
                v.round_index
            )
        })
        .collect();
    let subs: Vec<(Pubkey, Submission)> = ctx
        .accounts_with(
            AccountKind::Submission,
            offsets::SUBMISSION_CONTRIBUTOR,
            &me,
        )
        .await?;
    for (k, s) in subs.iter().filter(|(_, s)| !s.claimed && !s.slashed) {
        let fate = if s.outcome.forfeits_bond() {
            "forfeited: a keeper slashes it"
        } else {
            "unlocked when claimed once the task is final"
        };
        locks.push(format!(
            "{} by your submission {k} to task {} ({fate})",
            ctx.amount(s.bond),
            s.task
        ));
    }
    locks.sort();
    if !locks.is_empty() {
        text.push_str(&format!("; locked: {}", locks.join("; ")));
    }
    Ok(text)
}

pub async fn withdraw<C: Chain>(ctx: &mut Ctx<'_, C>) -> Result<(), CliError> {
    let me = ctx.me;
    let now = ctx.now().await?;
    let stake: Stake = ctx.must(&pda::stake(&me), "stake account").await?;
    if let Err(e) = stake.withdraw_check(now) {
        let numbers = || async {
            Ok(match stake.unstaking {
                0 => {
                    "nothing is unstaking: `merit stake unstake AMOUNT` starts the cooldown".into()
                }
                n => format!(
                    "{} unstaking, withdrawable from {} (the cluster's clock)",
                    ctx.amount(n),
                    fmt_when(stake.unstake_at, now)
                ),
            })
        };
        return Err(with_numbers(e, numbers).await);
    }
    let ix = ctx.client.withdraw_stake(me);
    let summary = format!("Withdrew {} of stake", ctx.amount(stake.unstaking));
    ctx.send(
        &summary,
        &[ix],
        json!({ "action": "stake-withdraw", "amount": units(stake.unstaking) }),
    )
    .await?;
    Ok(())
}

pub async fn show<C: Chain>(ctx: &mut Ctx<'_, C>, owner: Option<Pubkey>) -> Result<(), CliError> {
    let owner = owner.unwrap_or(ctx.me);
    let now = ctx.now().await?;
    let epoch = ctx.current_epoch().await?;
    let stake: Stake = ctx.get(&pda::stake(&owner)).await?.ok_or_else(|| {
        local(format!(
            "{owner} has no stake account: `merit stake deposit` opens one"
        ))
    })?;
    let params = ctx.config.params.rep();
    let score = stake
        .reputation
        .score_under(epoch, &params)
        .map_err(|e| local(e.to_string()))?;
    let multiplier = stake
        .reputation
        .multiplier_under(epoch, &params)
        .map_err(|e| local(e.to_string()))?;
    let wallet = ctx.wallet_tokens(&owner).await?;
    let r = &stake.reputation;
    let human = format!(
        "Stake of {owner}\n\
         Deposited:   {}\n\
         Active:      {} (counts for draws in epoch {epoch})\n\
         Warming up:  {}\n\
         Locked:      {} (bonds of open submissions and votes)\n\
         Unlocked:    {}\n\
         Unstaking:   {}{}\n\
         Wallet:      {}\n\
         Reputation:  {} bps (points x{}.{:02})\n\
         Record:      {} accepted, {} neutral, {} rejected; {} coherent, {} incoherent, {} missed reveals; slashed {} times",
        ctx.amount(stake.deposited),
        ctx.amount(stake.active_at(epoch, epoch)),
        ctx.amount(stake.warming_at(epoch)),
        ctx.amount(stake.locked),
        ctx.amount(stake.unlocked()),
        ctx.amount(stake.unstaking),
        if stake.unstaking > 0 {
            format!(", withdrawable from {}", fmt_when(stake.unstake_at, now))
        } else {
            String::new()
        },
        ctx.amount(wallet),
        score,
        multiplier / 10_000,
        multiplier % 10_000 / 100,
        r.accepted,
        r.neutral,
        r.rejected,
        r.coherent,
        r.incoherent,
        r.missed_reveals,
        r.slashed,
    );
    let json = json!({
        "owner": owner.to_string(),
        "address": pda::stake(&owner).to_string(),
        "decimals": ctx.decimals,
        "deposited": units(stake.deposited),
        "active": units(stake.active_at(epoch, epoch)),
        "warming": units(stake.warming_at(epoch)),
        "locked": units(stake.locked),
        "unlocked": units(stake.unlocked()),
        "unstaking": units(stake.unstaking),
        "unstakeAt": stake.unstake_at,
        "walletTokens": units(wallet),
        "reputation": {
            "scoreBps": score,
            "multiplierBps": multiplier,
            "accepted": r.accepted,
            "neutral": r.neutral,
            "rejected": r.rejected,
            "coherent": r.coherent,
            "incoherent": r.incoherent,
            "missedReveals": r.missed_reveals,
            "slashed": r.slashed,
        },
    });
    ctx.out.show(|| human, || json);
    Ok(())
}
