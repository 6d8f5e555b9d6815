//! `merit demo`: one task from posting to closing, on the in-process chain.
use anyhow::{anyhow, Result};
use merit_client::{
    pda, submission_commitment, vote_commitment, ConfigParams, CreateTaskArgs, Epoch, Submission,
    Task,
};
use merit_localnet::{Keypair, Localnet, LocalnetOptions, Signer};

const TOKEN: u64 = 1_000_000;

struct Actor {
    name: &'static str,
    key: Keypair,
}

fn tokens(amount: u64) -> String {
    format!("{}.{:06}", amount / TOKEN, amount % TOKEN)
}

fn salt(key: &Keypair) -> [u8; 32] {
    let mut s = key.pubkey().to_bytes();
    s.reverse();
    s
}

async fn actor(net: &mut Localnet, name: &'static str, wallet: u64, stake: u64) -> Result<Actor> {
    let key = net.new_user(wallet + stake).await?;
    if stake > 0 {
        let ix = net.client.deposit_stake(key.pubkey(), stake);
        net.send(&[ix], &[&key]).await?;
    }
    Ok(Actor { name, key })
}

pub async fn run() -> Result<()> {
    let params = ConfigParams {
        epoch_length_secs: 24 * 3600,
        initial_emission: 5_000 * TOKEN,
        ..ConfigParams::defaults(6)
    };
    let mut net = Localnet::start(LocalnetOptions {
        params: Some(params),
        ..LocalnetOptions::default()
    })
    .await?;
    let c = net.client;
    println!("Merit demo: one task, four contributors, five validators, on an in-process chain");
    println!("running the real program (mint {}).\n", c.stake_mint);

    let foundation = actor(&mut net, "foundation", 20_000 * TOKEN, 0).await?;
    let ix = c.fund_emissions(foundation.key.pubkey(), 20_000 * TOKEN, 1_000_000_000);
    net.send(&[ix], &[&foundation.key]).await?;
    println!("0. a foundation funds 20,000 tokens of emissions; epochs last one day, epoch 0 emits 5,000 and each later one 5% less");
    let creator = actor(&mut net, "creator", 1_050 * TOKEN, 0).await?;
    let keeper = actor(&mut net, "keeper", 0, 0).await?;
    let contributors = vec![
        (
            actor(&mut net, "alice", 10 * TOKEN, 100 * TOKEN).await?,
            90u8,
        ),
        (actor(&mut net, "bob", 10 * TOKEN, 100 * TOKEN).await?, 75),
        (actor(&mut net, "carol", 10 * TOKEN, 100 * TOKEN).await?, 10),
        (actor(&mut net, "dave", 10 * TOKEN, 100 * TOKEN).await?, 45),
    ];
    let validators = vec![
        actor(&mut net, "val-1", 0, 2_500 * TOKEN).await?,
        actor(&mut net, "val-2", 0, 2_000 * TOKEN).await?,
        actor(&mut net, "val-3", 0, 1_500 * TOKEN).await?,
        actor(&mut net, "val-4", 0, 1_500 * TOKEN).await?,
        actor(&mut net, "eve", 0, 1_000 * TOKEN).await?,
    ];
    let silent = "eve";

    // Deposits warm up for an epoch before they count for committee draws.
    net.close_epoch(&keeper.key).await?;
    println!(
        "   everyone's stake warms up for a day (epoch 0) before it counts for committee draws"
    );

    let now = net.now();
    let args = CreateTaskArgs {
        id: 1,
        spec_hash: [1; 32],
        uri: "ipfs://summarize-this-paper".into(),
        reward: 1_000 * TOKEN,
        submission_deadline: now + 3_600,
        submission_reveal_deadline: now + 5_400,
        commit_deadline: now + 7_200,
        reveal_deadline: now + 10_800,
        bond: 10 * TOKEN,
        // The least fee the squatting floor allows with the default 256 slots (6.3 tokens).
        submission_fee: Task::squat_fee_floor(1_000 * TOKEN, 2_000, 256)?,
        committee_size: 16,
        quorum_seats: 8,
        accept_threshold: 60,
        reject_threshold: 30,
        validator_share_bps: 2_000,
        max_submissions: 256,
        min_reputation_submit: 0,
        min_reputation_vote: 0,
    };
    let task = pda::task(&creator.key.pubkey(), args.id);
    net.send(
        &[c.create_task(creator.key.pubkey(), args.clone())],
        &[&creator.key],
    )
    .await?;
    println!(
        "1. creator posts a task escrowing {} tokens (20% for validators): an hour of submissions, half an hour of submission reveals, half an hour of vote commits, an hour of vote reveals",
        tokens(args.reward)
    );

    let terms = net
        .account::<Task>(&task)
        .await
        .ok_or_else(|| anyhow!("task"))?
        .terms_hash;
    let mut subs = Vec::new();
    for (i, (who, _)) in contributors.iter().enumerate() {
        let commitment = submission_commitment(
            &task,
            &who.key.pubkey(),
            &solana_hash(i as u8),
            &salt(&who.key),
        );
        let ix = c.submit(who.key.pubkey(), task, commitment, terms);
        net.send(&[ix], &[&who.key]).await?;
        subs.push(pda::submission(&task, &who.key.pubkey()));
    }
    println!("2. alice, bob, carol and dave commit to their work without showing it, under the task's terms hash, each bonding 10 tokens of stake and paying a 0.1-token fee to their judges");

    net.set_time(args.submission_deadline);
    for (i, (who, _)) in contributors.iter().enumerate() {
        let ix = c.reveal_submission(
            who.key.pubkey(),
            task,
            solana_hash(i as u8),
            salt(&who.key),
            format!("ipfs://work-{}", who.name),
        );
        net.send(&[ix], &[&who.key]).await?;
    }
    println!("   submissions close; each reveals its content hash and URI, and each content's claim records the earliest commitment to it");

    net.set_time(args.submission_reveal_deadline);
    net.draw_committee(&keeper.key, &task).await?;
    let drawn: Task = net.account(&task).await.ok_or_else(|| anyhow!("task"))?;
    println!(
        "   the keeper draws each submission's committee from a slot hash nobody could choose: {} expected seats over {} active tokens",
        drawn.committee_size,
        tokens(drawn.draw.total_stake)
    );
    let epoch_now = net
        .account::<merit_client::Config>(&pda::config())
        .await
        .ok_or_else(|| anyhow!("config"))?
        .current_epoch;
    for v in &validators {
        let stake: Option<merit_client::Stake> = net.account(&pda::stake(&v.key.pubkey())).await;
        let mut line = Vec::new();
        for sub in &subs {
            let round: merit_client::Round = net
                .account(&pda::round(sub, 1))
                .await
                .ok_or_else(|| anyhow!("round"))?;
            let seats =
                merit_client::seats(&drawn, &round, &v.key.pubkey(), stake.as_ref(), epoch_now);
            line.push(seats.to_string());
        }
        println!(
            "   {:<6} seats on each submission: {}",
            v.name,
            line.join(", ")
        );
    }
    for v in &validators {
        for ((_, quality), sub) in contributors.iter().zip(&subs) {
            let score = quality.saturating_add((v.name.len() % 3) as u8);
            let round = pda::round(sub, 1);
            let commitment = vote_commitment(&round, &v.key.pubkey(), score, &salt(&v.key));
            let ix = c.commit_vote(v.key.pubkey(), task, *sub, 1, commitment);
            net.send(&[ix], &[&v.key]).await?;
        }
    }
    println!("3. five validators, each drawn on every submission (their stakes are large next to the total), commit hidden scores");

    net.set_time(args.commit_deadline);
    for v in validators.iter().filter(|v| v.name != silent) {
        for ((_, quality), sub) in contributors.iter().zip(&subs) {
            let score = quality.saturating_add((v.name.len() % 3) as u8);
            let ix = c.reveal_vote(v.key.pubkey(), task, *sub, 1, score, salt(&v.key));
            net.send(&[ix], &[&v.key]).await?;
        }
    }
    println!("4. four validators reveal; eve never does");

    net.set_time(args.reveal_deadline);
    for (i, (who, _)) in contributors.iter().enumerate() {
        let content = Some(solana_hash(i as u8));
        net.send(
            &[c.finalize_submission(
                keeper.key.pubkey(),
                task,
                who.key.pubkey(),
                1,
                content,
                Some(1),
                false,
            )],
            &[&keeper.key],
        )
        .await?;
    }
    net.send(
        &[c.finalize_task(keeper.key.pubkey(), task)],
        &[&keeper.key],
    )
    .await?;
    println!("5. a keeper finalizes every submission and the task:");
    for ((who, _), sub) in contributors.iter().zip(&subs) {
        let s: Submission = net
            .account(sub)
            .await
            .ok_or_else(|| anyhow!("submission missing"))?;
        println!(
            "     {:<6} consensus {:>3}  {:?}",
            who.name, s.consensus_score, s.outcome
        );
    }

    for ((who, _), sub) in contributors.iter().zip(&subs) {
        let s: Submission = net.account(sub).await.ok_or_else(|| anyhow!("missing"))?;
        if s.outcome.forfeits_bond() {
            let ix = c.slash_submission(keeper.key.pubkey(), task, who.key.pubkey());
            net.send(&[ix], &[&keeper.key]).await?;
        }
    }
    let eve = validators
        .iter()
        .find(|v| v.name == silent)
        .ok_or_else(|| anyhow!("no silent validator"))?;
    for sub in &subs {
        let ix = c.slash_vote(keeper.key.pubkey(), task, *sub, 1, eve.key.pubkey());
        net.send(&[ix], &[&keeper.key]).await?;
    }
    let pending = net
        .account::<merit_client::Config>(&pda::config())
        .await
        .map_or(0, |c| c.treasury_pending);
    net.send(&[c.sweep_treasury(keeper.key.pubkey())], &[&keeper.key])
        .await?;
    println!("6. the keeper slashes carol's rejected bond and eve's four unrevealed votes");
    println!(
        "   and sweeps the treasury's share, {}, from the stake vault",
        tokens(pending)
    );

    for ((who, _), sub) in contributors.iter().zip(&subs) {
        let s: Submission = net.account(sub).await.ok_or_else(|| anyhow!("missing"))?;
        if !s.outcome.forfeits_bond() {
            net.send(&[c.claim_submission(who.key.pubkey(), task)], &[&who.key])
                .await?;
        }
    }
    for v in validators.iter().filter(|v| v.name != silent) {
        for sub in &subs {
            net.send(&[c.claim_vote(v.key.pubkey(), task, *sub, 1)], &[&v.key])
                .await?;
        }
    }
    println!("7. contributors and validators claim their rewards; bonds unlock");

    net.close_epoch(&keeper.key).await?;
    let epoch: Epoch = net
        .account(&pda::epoch(1))
        .await
        .ok_or_else(|| anyhow!("epoch"))?;
    println!(
        "8. the day ends; the keeper closes epoch 1: {} tokens to contributors by merit points, {} to validators",
        tokens(epoch.contributor_emission),
        tokens(epoch.validator_emission)
    );
    let mut emitted = 0;
    for (who, _) in &contributors {
        let sub: Submission = net
            .account(&pda::submission(&task, &who.key.pubkey()))
            .await
            .ok_or_else(|| anyhow!("missing"))?;
        if sub.points > 0 {
            let before = net.wallet_balance(&who.key.pubkey()).await;
            let ix = c.claim_submission_emission(who.key.pubkey(), task, sub.epoch);
            net.send(&[ix], &[&who.key]).await?;
            let got = net.wallet_balance(&who.key.pubkey()).await - before;
            emitted += got;
            println!(
                "     {:<6} {:>9} points  -> {:>14} tokens",
                who.name,
                sub.points,
                tokens(got)
            );
        }
    }
    for v in &validators {
        for sub in &subs {
            let vote: merit_client::Vote = net
                .account(&pda::vote(&pda::round(sub, 1), &v.key.pubkey()))
                .await
                .ok_or_else(|| anyhow!("vote"))?;
            if vote.points > 0 {
                let ix = c.claim_vote_emission(v.key.pubkey(), task, *sub, 1, vote.epoch);
                let before = net.wallet_balance(&v.key.pubkey()).await;
                net.send(&[ix], &[&v.key]).await?;
                emitted += net.wallet_balance(&v.key.pubkey()).await - before;
            }
        }
    }
    println!(
        "9. everyone claims their emission share: {} tokens emitted in all",
        tokens(emitted)
    );

    for sub in &subs {
        for v in &validators {
            let ix = c.close_vote(*sub, 1, v.key.pubkey(), v.key.pubkey());
            net.send(&[ix], &[]).await?;
        }
        let round: merit_client::Round = net
            .account(&pda::round(sub, 1))
            .await
            .ok_or_else(|| anyhow!("round"))?;
        net.send(&[c.close_round(*sub, 1, round.payer)], &[])
            .await?;
    }
    for (who, _) in &contributors {
        net.send(&[c.close_submission(task, who.key.pubkey())], &[])
            .await?;
    }
    let mut released = Vec::new();
    for (i, (who, _)) in contributors.iter().enumerate() {
        let hash = solana_hash(i as u8);
        let claim: merit_client::ContentClaim = net
            .account(&pda::content_claim(&hash))
            .await
            .ok_or_else(|| anyhow!("content claim"))?;
        if claim.is_closable_by(&keeper.key.pubkey()) {
            let ix = c.close_content_claim(keeper.key.pubkey(), hash, claim.payer);
            net.send(&[ix], &[&keeper.key]).await?;
            released.push(who.name);
        }
    }
    println!(
        "   the keeper closes the content claims of rejected work ({}), rent back to whoever paid it; paid work keeps its claim for good, unpaid work keeps its author's until the author gives it up",
        released.join(", ")
    );
    let state: Task = net.account(&task).await.ok_or_else(|| anyhow!("task"))?;
    let paid_out = state.paid_out;
    net.send(
        &[c.reclaim_task(creator.key.pubkey(), task)],
        &[&creator.key],
    )
    .await?;
    println!("10. accounts close; the creator reclaims the rest and the task closes");
    println!(
        "   paid out {} tokens; task account closed: {}\n",
        tokens(paid_out),
        net.raw_account(&task).await.is_none()
    );

    println!("Final balances (wallet + stake):");
    println!("  {:<8} {:>14} {:>14}", "who", "wallet", "stake");
    let mut everyone: Vec<&Actor> = vec![&creator, &keeper, &foundation];
    everyone.extend(contributors.iter().map(|(a, _)| a));
    everyone.extend(validators.iter());
    for a in everyone {
        let wallet = net.wallet_balance(&a.key.pubkey()).await;
        let stake = net
            .account::<merit_client::Stake>(&pda::stake(&a.key.pubkey()))
            .await
            .map(|s| s.deposited)
            .unwrap_or(0);
        println!(
            "  {:<8} {:>14} {:>14}",
            a.name,
            tokens(wallet),
            tokens(stake)
        );
    }
    let treasury = net.token_balance(&pda::treasury()).await;
    println!("  {:<8} {:>14}", "treasury", tokens(treasury));
    Ok(())
}

fn solana_hash(i: u8) -> [u8; 32] {
    let mut h = [0u8; 32];
    h[0] = 0xAB;
    h[1] = i;
    h
}
