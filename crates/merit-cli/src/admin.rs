//! `merit admin initialize|propose-config|cancel-config|apply-config|pause|unpause`: the
//! operator's commands, over the same builders as the SDK and `migrations/deploy.ts`.
//! Parameters are set by name (`--set epoch_length_secs=60`, the fields of
//! `ConfigParams` as the program and `merit config show --output json` name them), over
//! the program's defaults for `initialize` and over the live parameters for a proposal;
//! the program validates them (`InvalidConfigParam`), and so does the CLI first.
use crate::error::{local, rule, usage, CliError};
use crate::units::fmt_when;
use crate::wallet::Ctx;
use anchor_lang::prelude::Pubkey;
use clap::{Args, Subcommand};
use merit_client::{ConfigParams, MeritClient};
use merit_crank::Chain;
use serde_json::json;

#[derive(Subcommand, Debug)]
pub enum AdminCmd {
    /// Create the deployment: the config, its vaults and epoch 0, the signer as admin.
    Initialize(InitializeArgs),
    /// Propose new parameters (the live ones with `--set` changes); they apply after the
    /// timelock.
    ProposeConfig(SetArgs),
    /// Withdraw the pending proposal.
    CancelConfig,
    /// Apply the pending parameters once their timelock has passed (anyone may).
    ApplyConfig,
    /// Stop new tasks, submissions, votes and deposits (settlement goes on).
    Pause,
    /// Lift a pause.
    Unpause,
}

#[derive(Args, Debug)]
pub struct InitializeArgs {
    /// The stake mint (SPL Token or Token-2022; its owner is the token program used).
    #[arg(long, value_parser = crate::units::pubkey)]
    pub mint: Pubkey,
    #[command(flatten)]
    pub set: SetArgs,
}

#[derive(Args, Debug, Default)]
pub struct SetArgs {
    /// A parameter by its name, `NAME=VALUE` (repeatable), e.g. `epoch_length_secs=60`.
    /// Names: the fields of `ConfigParams` (snake_case) or of `merit config show --output
    /// json`'s `params` (camelCase).
    #[arg(long = "set", value_name = "NAME=VALUE")]
    pub set: Vec<String>,
}

/// Every settable field of [`ConfigParams`], in the program's order.
macro_rules! with_params {
    ($m:ident) => {
        $m!(
            unstake_cooldown_secs,
            min_validator_stake,
            keeper_bounty_lamports,
            min_submission_bond,
            min_submission_fee,
            max_submission_fee,
            min_phase_secs,
            max_task_duration_secs,
            epoch_length_secs,
            initial_emission,
            vesting_duration_secs,
            reputation_value_unit,
            param_timelock_secs,
            claim_window_secs,
            vote_bond_bps,
            max_quorum_bps,
            incoherence_slash_bps,
            slasher_reward_bps,
            task_fee_bps,
            emission_cap_bps,
            max_submissions_per_task,
            emission_decay_bps,
            contributor_emission_bps,
            reputation_alpha_bps,
            reputation_decay_bps,
            reputation_start_bps,
            min_committee_size,
            max_committee_size,
            max_reject_threshold,
            max_accept_threshold,
            coherence_tolerance
        )
    };
}

/// Sets one parameter by name from its text.
pub fn set_param(params: &mut ConfigParams, assignment: &str) -> Result<(), CliError> {
    let (name, value) = assignment
        .split_once('=')
        .ok_or_else(|| usage(format!("{assignment:?}: write NAME=VALUE")))?;
    let (name, value) = (snake_case(name.trim()), value.trim().replace('_', ""));
    let name = name.as_str();
    macro_rules! set {
        ($($f:ident),*) => {
            match name {
                $(stringify!($f) => {
                    params.$f = value.parse().map_err(|_| {
                        usage(format!("{name}={value}: not a whole number in range"))
                    })?;
                })*
                other => return Err(usage(format!(
                    "{other:?} is not a parameter; names: {}",
                    param_names().join(", ")
                ))),
            }
        };
    }
    with_params!(set);
    Ok(())
}

/// `voteBondBps` (as `merit config show --output json` prints it) as `vote_bond_bps`;
/// snake_case names pass unchanged.
fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The settable parameters' names.
pub fn param_names() -> Vec<&'static str> {
    macro_rules! names {
        ($($f:ident),*) => { vec![$(stringify!($f)),*] };
    }
    with_params!(names)
}

/// `base` with every `--set` applied, checked by the program's own rule.
pub fn apply_sets(mut base: ConfigParams, sets: &[String]) -> Result<ConfigParams, CliError> {
    for s in sets {
        set_param(&mut base, s)?;
    }
    base.validate().map_err(rule)?;
    Ok(base)
}

/// A mint's token program (its owner) and decimals, read from the chain.
pub async fn mint_info<C: Chain>(chain: &mut C, mint: &Pubkey) -> Result<(Pubkey, u8), CliError> {
    let data = chain
        .account(mint)
        .await?
        .ok_or_else(|| local(format!("no mint at {mint} on this cluster")))?;
    let owner = chain
        .owner(mint)
        .await?
        .ok_or_else(|| local(format!("no mint at {mint} on this cluster")))?;
    let token = anchor_spl::token::ID;
    let token_2022 = anchor_spl::token_2022::ID;
    if owner != token && owner != token_2022 {
        return Err(local(format!(
            "{mint} is not a mint: it belongs to {owner}, not a token program"
        )));
    }
    // A mint's decimals are at byte 44 (SPL Token and Token-2022 alike).
    let decimals = *data
        .get(44)
        .ok_or_else(|| local(format!("{mint} is not a mint")))?;
    Ok((owner, decimals))
}

/// The instruction that creates the deployment on `mint` with `params`, `admin` its admin.
pub async fn initialize_ix<C: Chain>(
    chain: &mut C,
    admin: Pubkey,
    mint: Pubkey,
    params: ConfigParams,
) -> Result<anchor_lang::solana_program::instruction::Instruction, CliError> {
    let (token_program, _) = mint_info(chain, &mint).await?;
    Ok(MeritClient::new(mint, token_program).initialize(admin, params))
}

/// `merit admin initialize --mint M [--set NAME=VALUE ...]`.
pub async fn initialize<C: Chain>(
    mut chain: C,
    url: &str,
    args: InitializeArgs,
    out: &mut crate::output::Out<'_>,
) -> Result<(), CliError> {
    if chain.account(&merit_client::pda::config()).await?.is_some() {
        return Err(local(format!(
            "a Merit deployment already exists on {url} (merit config show)"
        )));
    }
    let (_, decimals) = mint_info(&mut chain, &args.mint).await?;
    let params = apply_sets(ConfigParams::defaults(decimals), &args.set.set)?;
    let admin = chain.signer();
    let ix = initialize_ix(&mut chain, admin, args.mint, params).await?;
    let signature = chain
        .send(std::slice::from_ref(&ix))
        .await
        .map_err(|e| CliError::from_tx(e, std::slice::from_ref(&ix)))?;
    let link = crate::cluster::explorer_link(&signature.to_string(), url);
    out.show(
        || {
            format!(
                "Initialized Merit on {url}: admin {admin}, stake mint {mint} ({decimals} decimals)\n\
                 Signature: {signature}\nExplorer:  {link}",
                mint = args.mint
            )
        },
        || {
            json!({
                "action": "initialize",
                "admin": admin.to_string(),
                "mint": args.mint.to_string(),
                "decimals": decimals,
                "params": crate::wallet::info::params_json(&params),
                "signature": signature.to_string(),
                "explorer": link,
            })
        },
    );
    Ok(())
}

fn require_admin<C: Chain>(ctx: &Ctx<'_, C>) -> Result<(), CliError> {
    if ctx.config.admin != ctx.me {
        return Err(rule(anchor_lang::error::Error::from(
            merit::error::MeritError::NotAdmin,
        )));
    }
    Ok(())
}

/// The admin commands that run on an existing deployment.
pub async fn run<C: Chain>(ctx: &mut Ctx<'_, C>, cmd: AdminCmd) -> Result<(), CliError> {
    let me = ctx.me;
    match cmd {
        AdminCmd::Initialize(_) => unreachable!("initialize runs before the deployment exists"),
        AdminCmd::ProposeConfig(args) => {
            require_admin(ctx)?;
            if args.set.is_empty() {
                return Err(usage("say what changes: --set NAME=VALUE (repeatable)"));
            }
            let params = apply_sets(ctx.config.params, &args.set)?;
            let now = ctx.now().await?;
            let eta = now + ctx.config.params.param_timelock_secs;
            let ix = ctx.client.propose_config(me, params);
            ctx.send(
                &format!(
                    "Proposed {}; it can be applied from {}",
                    args.set.join(", "),
                    fmt_when(eta, now)
                ),
                &[ix],
                json!({"action": "propose-config", "set": args.set, "eta": eta,
                       "params": crate::wallet::info::params_json(&params)}),
            )
            .await?;
        }
        AdminCmd::CancelConfig => {
            require_admin(ctx)?;
            let ix = ctx.client.cancel_config(me);
            ctx.send(
                "Withdrew the pending proposal",
                &[ix],
                json!({"action": "cancel-config"}),
            )
            .await?;
        }
        AdminCmd::ApplyConfig => {
            let c = ctx.config;
            let now = ctx.now().await?;
            if let Err(e) = c.apply_check(now) {
                let mut e = crate::error::rule(e);
                if let CliError::Program(named) = &mut e {
                    named.msg = match named.name.as_str() {
                        "TimelockNotElapsed" => format!(
                            "{}: the proposal applies from {} (the cluster's clock)",
                            named.msg,
                            fmt_when(c.pending_params_eta, now)
                        ),
                        _ => format!("{} (merit config show)", named.msg),
                    };
                }
                return Err(e);
            }
            let ix = ctx.client.apply_config(me);
            ctx.send(
                "Applied the pending parameters",
                &[ix],
                json!({"action": "apply-config"}),
            )
            .await?;
        }
        AdminCmd::Pause | AdminCmd::Unpause => {
            require_admin(ctx)?;
            let paused = matches!(cmd, AdminCmd::Pause);
            let ix = ctx.client.set_paused(me, paused);
            let (text, action) = if paused {
                ("Paused the deployment", "pause")
            } else {
                ("Lifted the pause", "unpause")
            };
            ctx.send(text, &[ix], json!({"action": action})).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_parameter_is_settable_by_name_and_bad_ones_are_refused() {
        let mut p = ConfigParams::defaults(6);
        set_param(&mut p, "epoch_length_secs=60").unwrap();
        set_param(&mut p, "min_committee_size = 3").unwrap();
        set_param(&mut p, "initial_emission=1_000_000").unwrap();
        assert_eq!(p.epoch_length_secs, 60);
        assert_eq!(p.min_committee_size, 3);
        assert_eq!(p.initial_emission, 1_000_000);
        // The camelCase names `merit config show --output json` prints are taken too.
        set_param(&mut p, "voteBondBps=4000").unwrap();
        assert_eq!(p.vote_bond_bps, 4000);
        assert!(set_param(&mut p, "no_such=1").is_err());
        assert!(set_param(&mut p, "min_committee_size=300").is_err());
        assert!(set_param(&mut p, "epoch_length_secs").is_err());
        // Every name round-trips through the JSON form.
        let json = crate::wallet::info::params_json(&p);
        for name in param_names() {
            let camel: String = name
                .split('_')
                .enumerate()
                .map(|(i, w)| match i {
                    0 => w.to_string(),
                    _ => w[..1].to_uppercase() + &w[1..],
                })
                .collect();
            let value = match &json[&camel] {
                serde_json::Value::String(v) => v.clone(),
                v => v.to_string(),
            };
            set_param(&mut p, &format!("{camel}={value}")).unwrap();
        }
        assert_eq!(param_names().len(), json.as_object().unwrap().len());
        // The program's rule runs before anything is sent.
        assert!(apply_sets(ConfigParams::defaults(6), &["epoch_length_secs=1".into()]).is_err());
    }
}
