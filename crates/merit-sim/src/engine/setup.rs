//! The chain, the population and their stake, before the first epoch's tasks.
use super::{Agent, Totals, World};
use crate::scenario::{Scenario, TOKEN};
use crate::strategy::{Role, Strategy};
use anyhow::{anyhow, Result};
use merit_client::Task;
use merit_localnet::{Keypair, Localnet, LocalnetOptions, Signer};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Seeds every key from the scenario's RNG, so a seed reproduces a run exactly.
pub(super) fn keypair(rng: &mut ChaCha8Rng) -> Keypair {
    Keypair::new_from_array(rng.gen())
}

pub(super) async fn fund(net: &mut Localnet, who: &Keypair, tokens: u64) -> Result<()> {
    net.airdrop(&who.pubkey(), 10_000_000_000)
        .await
        .map_err(|e| anyhow!("{e}"))?;
    net.create_ata(&who.pubkey())
        .await
        .map_err(|e| anyhow!("{e}"))?;
    net.mint_to(&who.pubkey(), tokens)
        .await
        .map_err(|e| anyhow!("{e}"))
}

/// Starts the chain with the scenario's parameters, funds the creators, the keeper and
/// the emissions, makes the population and deposits its stake, and lets the first epoch
/// pass (deposits count for draws from the epoch after).
pub(super) async fn world(scenario: &Scenario) -> Result<World<'_>> {
    scenario.validate()?;
    let params = scenario.program.to_config();
    let net = Localnet::start(LocalnetOptions {
        params: Some(params),
        ..LocalnetOptions::default()
    })
    .await
    .map_err(|e| anyhow!("starting the chain: {e}"))?;
    let client = net.client;
    let mut rng = ChaCha8Rng::seed_from_u64(scenario.seed);
    let creator = keypair(&mut rng);
    let keeper = keypair(&mut rng);
    let funder = keypair(&mut rng);
    let agents = population(scenario, &mut rng);
    let mut w = World {
        s: scenario,
        params,
        net,
        client,
        rng,
        agents,
        creator,
        keeper,
        totals: Totals::default(),
        owner_of: Default::default(),
        closed_tasks: Default::default(),
        task_keys: Vec::new(),
        cast: Vec::new(),
    };
    fund_everyone(&mut w, &funder).await?;
    w.net
        .close_epoch(&w.keeper)
        .await
        .map_err(|e| anyhow!("advance_epoch: {e}"))?;
    Ok(w)
}

/// Mints what each party needs: the public creator its tasks, the funder the emissions,
/// contributors a budget for every fee, creator keys their tasks; then the stakes.
async fn fund_everyone(w: &mut World<'_>, funder: &Keypair) -> Result<()> {
    let s = w.s;
    let p = &s.population;
    let epochs = u64::from(s.epochs);
    let template = s.task.args(0, 0);
    let reward = template.reward;
    let (protocol_fee, _) =
        Task::protocol_fee_and_cap(reward, &w.params).map_err(|e| anyhow!("{e}"))?;
    let attacker_tasks =
        u64::from(p.confiscator_tasks + p.withholding_creator_tasks + p.gate_capturer_tasks);
    let tasks_total = epochs * u64::from(s.tasks_per_epoch);
    let creator = w.creator.insecure_clone();
    fund(&mut w.net, &creator, tasks_total * (reward + protocol_fee)).await?;
    fund(&mut w.net, &w.keeper.insecure_clone(), 0).await?;
    fund(&mut w.net, funder, s.emission_funding * TOKEN).await?;
    if s.emission_funding > 0 {
        let ix =
            w.client
                .fund_emissions(funder.pubkey(), s.emission_funding * TOKEN, 1_000_000_000);
        w.net
            .send(&[ix], &[funder])
            .await
            .map_err(|e| anyhow!("{e}"))?;
    }
    let farm_reward = p.farm_reward * TOKEN;
    let (farm_fee, _) =
        Task::protocol_fee_and_cap(farm_reward, &w.params).map_err(|e| anyhow!("{e}"))?;
    let fee = template.submission_fee.max(w.params.min_submission_fee);
    for a in w.agents.iter_mut() {
        a.funded += match (a.role, a.strategy) {
            (Role::Contributor, _) => {
                epochs * (u64::from(s.tasks_per_epoch) + attacker_tasks) * fee
            }
            (Role::Creator, Strategy::EmissionFarmer) => epochs * (farm_reward + farm_fee),
            (Role::Creator, Strategy::CreatorConfiscator) => {
                epochs * u64::from(p.confiscator_tasks) * (reward + protocol_fee)
            }
            (Role::Creator, Strategy::WithholdingCreator) => {
                epochs * u64::from(p.withholding_creator_tasks) * (reward + protocol_fee)
            }
            (Role::Creator, Strategy::GateCapturer) => {
                epochs * u64::from(p.gate_capturer_tasks) * (reward + protocol_fee)
            }
            _ => 0,
        };
    }
    for i in 0..w.agents.len() {
        let (key, funded, stake) = {
            let a = &w.agents[i];
            (a.key.insecure_clone(), a.funded, a.stake)
        };
        fund(&mut w.net, &key, funded).await?;
        if stake > 0 {
            let ix = w.client.deposit_stake(key.pubkey(), stake);
            w.net
                .send(&[ix], &[&key])
                .await
                .map_err(|e| anyhow!("{e}"))?;
        }
    }
    Ok(())
}

/// Every group of agents the scenario asks for: (strategy, role, count).
fn groups(s: &Scenario) -> Vec<(Strategy, Role, u32)> {
    let p = &s.population;
    use Role::{Contributor as C, Creator as K, Validator as V};
    use Strategy::*;
    vec![
        (HonestContributor, C, p.honest_contributors),
        (LowEffortContributor, C, p.low_effort_contributors),
        (Plagiarist, C, p.plagiarists),
        (Spammer, C, p.spammers),
        (ColludingBloc, C, p.colluding_contributors),
        (HonestValidator, V, p.honest_validators),
        (LazyValidator, V, p.lazy_validators),
        (ColludingBloc, V, p.colluding_validators),
        (NonRevealer, V, p.non_revealers),
        (SlotSquatter, C, p.slot_squatters),
        (FrontRunner, C, p.front_runners),
        (EmissionFarmer, K, u32::from(p.farmer_contributor_keys > 0)),
        (EmissionFarmer, C, p.farmer_contributor_keys),
        (EmissionFarmer, V, p.farmer_validator_keys),
        (SybilSplitter, V, p.sybil_keys),
        (SeatRacer, V, p.seat_racer_keys),
        (CreatorConfiscator, K, u32::from(p.confiscator_tasks > 0)),
        (CreatorConfiscator, V, p.confiscator_validator_keys),
        (
            WithholdingCreator,
            K,
            u32::from(p.withholding_creator_tasks > 0),
        ),
        (WithholdingCreator, V, p.withholding_validator_keys),
        (GateCapturer, K, u32::from(p.gate_capturer_tasks > 0)),
        (GateCapturer, V, p.gate_capturer_validator_keys),
        (DrawReroller, V, p.reroller_validator_keys),
        (DrawReroller, C, u32::from(p.reroller_validator_keys > 0)),
        (RivalSquatter, C, p.rival_squatter_keys),
    ]
}

fn population(s: &Scenario, rng: &mut ChaCha8Rng) -> Vec<Agent> {
    let p = &s.population;
    let mut agents = Vec::new();
    for (strategy, role, count) in groups(s) {
        for n in 0..count {
            let stake = match (strategy, role) {
                (_, Role::Creator) => 0,
                (_, Role::Contributor) => p.contributor_stake,
                (Strategy::SybilSplitter, _) => p.sybil_stake / u64::from(count),
                (Strategy::SeatRacer, _) => p.seat_racer_stake / u64::from(count),
                _ => rng.gen_range(p.validator_stake_min..=p.validator_stake_max),
            };
            let label = match role {
                Role::Creator => format!("{}-creator", strategy.name().replace(' ', "-")),
                _ => format!("{}-{}", strategy.name().replace(' ', "-"), n + 1),
            };
            agents.push(Agent {
                name: label,
                strategy,
                role,
                key: keypair(rng),
                stake: stake * TOKEN,
                funded: stake * TOKEN,
                rewards: 0,
                emissions: 0,
                slashed: 0,
                fees: 0,
                spent: 0,
                reclaimed: 0,
                work_value: 0,
                submissions: 0,
                votes: 0,
                history: Vec::new(),
            });
        }
    }
    if p.bloc_stake_share > 0.0 {
        set_bloc_share(p, &mut agents);
    }
    agents
}

/// The bloc's validators hold `bloc_stake_share` of all validator stake, split evenly.
fn set_bloc_share(p: &crate::scenario::Population, agents: &mut [Agent]) {
    let is_bloc = |a: &Agent| a.strategy == Strategy::ColludingBloc && a.role == Role::Validator;
    let others: u64 = agents
        .iter()
        .filter(|a| a.role == Role::Validator && !is_bloc(a))
        .map(|a| a.stake)
        .sum();
    let bloc_total = (others as f64 * p.bloc_stake_share / (1.0 - p.bloc_stake_share)) as u64;
    let each = (bloc_total / u64::from(p.colluding_validators)).max(TOKEN);
    for a in agents.iter_mut().filter(|a| is_bloc(a)) {
        a.stake = each;
        a.funded = each;
    }
}
