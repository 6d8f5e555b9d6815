//! `merit demo`: one task from posting to closing, on the in-process chain. Each numbered
//! step of the printed story is one method of [`Demo`], in order.
use anchor_lang::prelude::Pubkey;
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

fn solana_hash(i: u8) -> [u8; 32] {
    let mut h = [0u8; 32];
    h[0] = 0xAB;
    h[1] = i;
    h
}

async fn actor(net: &mut Localnet, name: &'static str, wallet: u64, stake: u64) -> Result<Actor> {
    let key = net.new_user(wallet + stake).await?;
    if stake > 0 {
        let ix = net.client.deposit_stake(key.pubkey(), stake);
        net.send(&[ix], &[&key]).await?;
    }
    Ok(Actor { name, key })
}

/// The validator that commits and never reveals.
const SILENT: &str = "eve";

/// The demo's chain, cast and task.
struct Demo {
    net: Localnet,
    foundation: Actor,
    creator: Actor,
    keeper: Actor,
    /// Each contributor with the quality of its work (what honest judges score).
    contributors: Vec<(Actor, u8)>,
    validators: Vec<Actor>,
    args: CreateTaskArgs,
    task: Pubkey,
    subs: Vec<Pubkey>,
}

pub async fn run() -> Result<()> {
    let mut d = Demo::cast().await?;
    d.post_task().await?;
    d.submit_and_reveal().await?;
    d.draw().await?;
    d.commit_votes().await?;
    d.reveal_votes().await?;
    d.finalize().await?;
    d.slash().await?;
    d.claim().await?;
    d.close_epoch_and_emit().await?;
    d.close_accounts().await?;
    d.print_balances().await
}

impl Demo {
    /// Step 0: the chain, the emission funding and everyone's stake, warmed up.
    async fn cast() -> Result<Demo> {
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
        println!(
            "Merit demo: one task, four contributors, five validators, on an in-process chain"
        );
        println!("running the real program (mint {}).\n", c.stake_mint);

        let foundation = actor(&mut net, "foundation", 20_000 * TOKEN, 0).await?;
        let ix = c.fund_emissions(foundation.key.pubkey(), 20_000 * TOKEN, 1_000_000_000);
        net.send(&[ix], &[&foundation.key]).await?;
        println!("0. a foundation funds 20,000 tokens of emissions; epochs last one day, epoch 0 emits 5,000 and each later one 5% less");
        let creator = actor(&mut net, "creator", 1_050 * TOKEN, 0).await?;
        let keeper = actor(&mut net, "keeper", 0, 0).await?;
        let mut contributors = Vec::new();
        for (name, quality) in [("alice", 90u8), ("bob", 75), ("carol", 10), ("dave", 45)] {
            contributors.push((
                actor(&mut net, name, 10 * TOKEN, 100 * TOKEN).await?,
                quality,
            ));
        }
        let mut validators = Vec::new();
        for (name, stake) in [
            ("val-1", 2_500),
            ("val-2", 2_000),
            ("val-3", 1_500),
            ("val-4", 1_500),
            (SILENT, 1_000),
        ] {
            validators.push(actor(&mut net, name, 0, stake * TOKEN).await?);
        }
        // Deposits warm up for an epoch before they count for committee draws.
        net.close_epoch(&keeper.key).await?;
        println!(
            "   everyone's stake warms up for a day (epoch 0) before it counts for committee draws"
        );
        let args = Demo::terms(net.now())?;
        let task = pda::task(&creator.key.pubkey(), args.id);
        Ok(Demo {
            net,
            foundation,
            creator,
            keeper,
            contributors,
            validators,
            args,
            task,
            subs: Vec::new(),
        })
    }

    /// The task's terms, from `now`.
    fn terms(now: i64) -> Result<CreateTaskArgs> {
        Ok(CreateTaskArgs {
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
        })
    }

    async fn task_state(&mut self) -> Result<Task> {
        self.net
            .account(&self.task)
            .await
            .ok_or_else(|| anyhow!("task"))
    }

    /// The score `v` gives work of `quality`: honest, give or take its own noise.
    fn score(v: &Actor, quality: u8) -> u8 {
        quality.saturating_add((v.name.len() % 3) as u8)
    }

    /// Step 1.
    async fn post_task(&mut self) -> Result<()> {
        let c = self.net.client;
        let ix = c.create_task(self.creator.key.pubkey(), self.args.clone());
        self.net.send(&[ix], &[&self.creator.key]).await?;
        println!(
            "1. creator posts a task escrowing {} tokens (20% for validators): an hour of submissions, half an hour of submission reveals, half an hour of vote commits, an hour of vote reveals",
            tokens(self.args.reward)
        );
        Ok(())
    }

    /// Step 2: commitments under the terms hash, then reveals.
    async fn submit_and_reveal(&mut self) -> Result<()> {
        let c = self.net.client;
        let (task, terms) = (self.task, self.task_state().await?.terms_hash);
        for (i, (who, _)) in self.contributors.iter().enumerate() {
            let (me, content) = (who.key.pubkey(), solana_hash(i as u8));
            let commitment = submission_commitment(&task, &me, &content, &salt(&who.key));
            let ix = c.submit(me, task, commitment, terms);
            self.net.send(&[ix], &[&who.key]).await?;
            self.subs.push(pda::submission(&task, &me));
        }
        println!("2. alice, bob, carol and dave commit to their work without showing it, under the task's terms hash, each bonding 10 tokens of stake and paying a 0.1-token fee to their judges");
        self.net.set_time(self.args.submission_deadline);
        for (i, (who, _)) in self.contributors.iter().enumerate() {
            let uri = format!("ipfs://work-{}", who.name);
            let ix = c.reveal_submission(
                who.key.pubkey(),
                task,
                solana_hash(i as u8),
                salt(&who.key),
                uri,
            );
            self.net.send(&[ix], &[&who.key]).await?;
        }
        println!("   submissions close; each reveals its content hash and URI, and each content's claim records the earliest commitment to it");
        Ok(())
    }

    /// The committee draw, and each validator's seats.
    async fn draw(&mut self) -> Result<()> {
        self.net.set_time(self.args.submission_reveal_deadline);
        self.net
            .draw_committee(&self.keeper.key, &self.task)
            .await?;
        let drawn = self.task_state().await?;
        println!(
            "   the keeper draws each submission's committee from a slot hash nobody could choose: {} expected seats over {} active tokens",
            drawn.committee_size,
            tokens(drawn.draw.total_stake)
        );
        let epoch_now = self
            .net
            .account::<merit_client::Config>(&pda::config())
            .await
            .ok_or_else(|| anyhow!("config"))?
            .current_epoch;
        for v in &self.validators {
            let stake: Option<merit_client::Stake> =
                self.net.account(&pda::stake(&v.key.pubkey())).await;
            let mut line = Vec::new();
            for sub in &self.subs {
                let round: merit_client::Round = self
                    .net
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
        Ok(())
    }

    /// Step 3.
    async fn commit_votes(&mut self) -> Result<()> {
        let c = self.net.client;
        for v in &self.validators {
            for ((_, quality), sub) in self.contributors.iter().zip(&self.subs) {
                let round = pda::round(sub, 1);
                let score = Demo::score(v, *quality);
                let commitment = vote_commitment(&round, &v.key.pubkey(), score, &salt(&v.key));
                let ix = c.commit_vote(v.key.pubkey(), self.task, *sub, 1, commitment);
                self.net.send(&[ix], &[&v.key]).await?;
            }
        }
        println!("3. five validators, each drawn on every submission (their stakes are large next to the total), commit hidden scores");
        Ok(())
    }

    /// Step 4: everyone but the silent validator reveals.
    async fn reveal_votes(&mut self) -> Result<()> {
        let c = self.net.client;
        self.net.set_time(self.args.commit_deadline);
        for v in self.validators.iter().filter(|v| v.name != SILENT) {
            for ((_, quality), sub) in self.contributors.iter().zip(&self.subs) {
                let score = Demo::score(v, *quality);
                let ix = c.reveal_vote(v.key.pubkey(), self.task, *sub, 1, score, salt(&v.key));
                self.net.send(&[ix], &[&v.key]).await?;
            }
        }
        println!("4. four validators reveal; eve never does");
        Ok(())
    }

    /// Step 5.
    async fn finalize(&mut self) -> Result<()> {
        let c = self.net.client;
        let k = &self.keeper.key;
        self.net.set_time(self.args.reveal_deadline);
        for (i, (who, _)) in self.contributors.iter().enumerate() {
            let content = Some(solana_hash(i as u8));
            let ix = c.finalize_submission(
                k.pubkey(),
                self.task,
                who.key.pubkey(),
                1,
                content,
                Some(1),
                false,
            );
            self.net.send(&[ix], &[k]).await?;
        }
        self.net
            .send(&[c.finalize_task(k.pubkey(), self.task)], &[k])
            .await?;
        println!("5. a keeper finalizes every submission and the task:");
        for ((who, _), sub) in self.contributors.iter().zip(&self.subs) {
            let s: Submission = self
                .net
                .account(sub)
                .await
                .ok_or_else(|| anyhow!("submission missing"))?;
            println!(
                "     {:<6} consensus {:>3}  {:?}",
                who.name, s.consensus_score, s.outcome
            );
        }
        Ok(())
    }

    /// Step 6: forfeited bonds and the silent validator's votes, then the treasury sweep.
    async fn slash(&mut self) -> Result<()> {
        let c = self.net.client;
        let k = &self.keeper.key;
        for ((who, _), sub) in self.contributors.iter().zip(&self.subs) {
            let s: Submission = self
                .net
                .account(sub)
                .await
                .ok_or_else(|| anyhow!("missing"))?;
            if s.outcome.forfeits_bond() {
                let ix = c.slash_submission(k.pubkey(), self.task, who.key.pubkey());
                self.net.send(&[ix], &[k]).await?;
            }
        }
        let eve = self
            .validators
            .iter()
            .find(|v| v.name == SILENT)
            .ok_or_else(|| anyhow!("no silent validator"))?;
        for sub in &self.subs {
            let ix = c.slash_vote(k.pubkey(), self.task, *sub, 1, eve.key.pubkey());
            self.net.send(&[ix], &[k]).await?;
        }
        let pending = self
            .net
            .account::<merit_client::Config>(&pda::config())
            .await
            .map_or(0, |c| c.treasury_pending);
        self.net.send(&[c.sweep_treasury(k.pubkey())], &[k]).await?;
        println!("6. the keeper slashes carol's rejected bond and eve's four unrevealed votes");
        println!(
            "   and sweeps the treasury's share, {}, from the stake vault",
            tokens(pending)
        );
        Ok(())
    }

    /// Step 7.
    async fn claim(&mut self) -> Result<()> {
        let c = self.net.client;
        for ((who, _), sub) in self.contributors.iter().zip(&self.subs) {
            let s: Submission = self
                .net
                .account(sub)
                .await
                .ok_or_else(|| anyhow!("missing"))?;
            if !s.outcome.forfeits_bond() {
                let ix = c.claim_submission(who.key.pubkey(), self.task);
                self.net.send(&[ix], &[&who.key]).await?;
            }
        }
        for v in self.validators.iter().filter(|v| v.name != SILENT) {
            for sub in &self.subs {
                let ix = c.claim_vote(v.key.pubkey(), self.task, *sub, 1);
                self.net.send(&[ix], &[&v.key]).await?;
            }
        }
        println!("7. contributors and validators claim their rewards; bonds unlock");
        Ok(())
    }

    /// Steps 8 and 9: the epoch closes and everyone claims its emission share.
    async fn close_epoch_and_emit(&mut self) -> Result<()> {
        let c = self.net.client;
        self.net.close_epoch(&self.keeper.key).await?;
        let epoch: Epoch = self
            .net
            .account(&pda::epoch(1))
            .await
            .ok_or_else(|| anyhow!("epoch"))?;
        println!(
            "8. the day ends; the keeper closes epoch 1: {} tokens to contributors by merit points, {} to validators",
            tokens(epoch.contributor_emission),
            tokens(epoch.validator_emission)
        );
        let mut emitted = 0;
        for (who, _) in &self.contributors {
            let me = who.key.pubkey();
            let sub: Submission = self
                .net
                .account(&pda::submission(&self.task, &me))
                .await
                .ok_or_else(|| anyhow!("missing"))?;
            if sub.points > 0 {
                let before = self.net.wallet_balance(&me).await;
                let ix = c.claim_submission_emission(me, self.task, sub.epoch);
                self.net.send(&[ix], &[&who.key]).await?;
                let got = self.net.wallet_balance(&me).await - before;
                emitted += got;
                println!(
                    "     {:<6} {:>9} points  -> {:>14} tokens",
                    who.name,
                    sub.points,
                    tokens(got)
                );
            }
        }
        for v in &self.validators {
            let me = v.key.pubkey();
            for sub in &self.subs {
                let vote: merit_client::Vote = self
                    .net
                    .account(&pda::vote(&pda::round(sub, 1), &me))
                    .await
                    .ok_or_else(|| anyhow!("vote"))?;
                if vote.points > 0 {
                    let ix = c.claim_vote_emission(me, self.task, *sub, 1, vote.epoch);
                    let before = self.net.wallet_balance(&me).await;
                    self.net.send(&[ix], &[&v.key]).await?;
                    emitted += self.net.wallet_balance(&me).await - before;
                }
            }
        }
        println!(
            "9. everyone claims their emission share: {} tokens emitted in all",
            tokens(emitted)
        );
        Ok(())
    }

    /// Step 10: votes, rounds, submissions and released content claims close; the creator
    /// reclaims the rest and the task closes.
    async fn close_accounts(&mut self) -> Result<()> {
        let c = self.net.client;
        for sub in &self.subs {
            for v in &self.validators {
                let ix = c.close_vote(*sub, 1, v.key.pubkey(), v.key.pubkey());
                self.net.send(&[ix], &[]).await?;
            }
            let round: merit_client::Round = self
                .net
                .account(&pda::round(sub, 1))
                .await
                .ok_or_else(|| anyhow!("round"))?;
            self.net
                .send(&[c.close_round(*sub, 1, round.payer)], &[])
                .await?;
        }
        for (who, _) in &self.contributors {
            let ix = c.close_submission(self.task, who.key.pubkey());
            self.net.send(&[ix], &[]).await?;
        }
        let k = &self.keeper.key;
        let mut released = Vec::new();
        for (i, (who, _)) in self.contributors.iter().enumerate() {
            let hash = solana_hash(i as u8);
            let claim: merit_client::ContentClaim = self
                .net
                .account(&pda::content_claim(&hash))
                .await
                .ok_or_else(|| anyhow!("content claim"))?;
            if claim.is_closable_by(&k.pubkey()) {
                let ix = c.close_content_claim(k.pubkey(), hash, claim.payer);
                self.net.send(&[ix], &[k]).await?;
                released.push(who.name);
            }
        }
        println!(
            "   the keeper closes the content claims of rejected work ({}), rent back to whoever paid it; paid work keeps its claim for good, unpaid work keeps its author's until the author gives it up",
            released.join(", ")
        );
        let paid_out = self.task_state().await?.paid_out;
        let ix = c.reclaim_task(self.creator.key.pubkey(), self.task);
        self.net.send(&[ix], &[&self.creator.key]).await?;
        println!("10. accounts close; the creator reclaims the rest and the task closes");
        println!(
            "   paid out {} tokens; task account closed: {}\n",
            tokens(paid_out),
            self.net.raw_account(&self.task).await.is_none()
        );
        Ok(())
    }

    async fn print_balances(&mut self) -> Result<()> {
        println!("Final balances (wallet + stake):");
        println!("  {:<8} {:>14} {:>14}", "who", "wallet", "stake");
        let mut everyone: Vec<&Actor> = vec![&self.creator, &self.keeper, &self.foundation];
        everyone.extend(self.contributors.iter().map(|(a, _)| a));
        everyone.extend(self.validators.iter());
        for a in everyone {
            let wallet = self.net.wallet_balance(&a.key.pubkey()).await;
            let stake = self
                .net
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
        let treasury = self.net.token_balance(&pda::treasury()).await;
        println!("  {:<8} {:>14}", "treasury", tokens(treasury));
        Ok(())
    }
}
