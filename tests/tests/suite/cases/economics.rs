//! Emissions that cost what they pay: every task pays a non-refundable protocol fee, merit
//! points scale with the value the creator paid, and a task's participants together can
//! be paid at most `emission_cap_bps` (< 100%) of its fee in emissions.
use anchor_lang::prelude::Pubkey;
use merit_tests::*;

const DAY: i64 = 24 * 3_600;

/// One-day epochs emitting 1,000 tokens, default fees (5% of the reward, 80% of it
/// claimable as emission).
async fn context() -> TestContext {
    TestContext::with_options(LocalnetOptions {
        params: Some(ConfigParams {
            epoch_length_secs: DAY,
            initial_emission: 1_000 * TOKEN,
            ..suite_params()
        }),
        ..LocalnetOptions::default()
    })
    .await
}

/// Wallet, stake and vesting: all the tokens `owner` holds.
async fn worth(t: &mut TestContext, owner: &Pubkey) -> u64 {
    let stake = t
        .net
        .account::<merit_client::Stake>(&pda::stake(owner))
        .await
        .map_or(0, |s| s.deposited);
    t.balance(owner).await + stake
}

/// Runs one task with `contributors` (each scoring the given score) judged by `judges`
/// (who all reveal that score), in the open epoch. Returns the task and its submissions.
async fn run_task(
    t: &mut TestContext,
    creator: &Keypair,
    keeper: &Keypair,
    reward: u64,
    contributors: &[(&Keypair, u8)],
    judges: &[&Keypair],
) -> (Pubkey, Vec<Pubkey>) {
    let mut args = t.task_args();
    args.reward = reward;
    let task = pda::task(&creator.pubkey(), args.id);
    // The creator pays reward and fee from its own wallet here (no harness top-up).
    t.try_create_task_raw(creator, args).await.unwrap();
    // Contributors pay their fees from their own wallets too.
    let terms = t.task(&task).await.terms_hash;
    let mut subs = Vec::new();
    for (i, (c, _)) in contributors.iter().enumerate() {
        let hash = content_hash(&task, i as u8 + 1);
        let commitment =
            merit_client::submission_commitment(&task, &c.pubkey(), &hash, &salt_of(c));
        t.try_submit_raw(c, task, commitment, terms).await.unwrap();
        subs.push(pda::submission(&task, &c.pubkey()));
    }
    t.to_submission_reveal_phase(&task).await;
    for (i, (c, _)) in contributors.iter().enumerate() {
        t.try_reveal_submission(c, task, content_hash(&task, i as u8 + 1))
            .await
            .unwrap();
    }
    t.to_commit_phase(&task).await;
    for ((_, score), sub) in contributors.iter().zip(&subs) {
        for j in judges {
            t.try_commit(j, task, *sub, *score).await.unwrap();
        }
    }
    t.to_reveal_phase(&task).await;
    for ((_, score), sub) in contributors.iter().zip(&subs) {
        for j in judges {
            t.try_reveal(j, task, *sub, *score).await.unwrap();
        }
    }
    t.to_finalize_phase(&task).await;
    for sub in &subs {
        t.finalize_submission(keeper, task, *sub).await.unwrap();
    }
    t.finalize_task(keeper, task).await.unwrap();
    for (c, _) in contributors {
        t.claim_submission(c, task).await.unwrap();
    }
    for sub in &subs {
        for j in judges {
            t.claim_vote(j, task, *sub).await.unwrap();
        }
    }
    (task, subs)
}

#[tokio::test]
async fn a_self_dealing_emission_farm_loses_money_and_the_honest_task_gets_the_points() {
    let mut t = context().await;
    let keeper = t.actor(0).await;
    let funder = t.actor(10_000 * TOKEN).await;
    t.fund_emissions(&funder, 10_000 * TOKEN, 0).await.unwrap();
    // The farmer: a creator, five contributor keys and one judge, all its own. Its judge
    // is the only active stake, so it judges everything (the worst case for us).
    let farmer = t.actor(10 * TOKEN).await;
    let farm_keys: Vec<Keypair> = {
        let mut v = Vec::new();
        for _ in 0..5 {
            v.push(t.staker(20 * TOKEN, FEE).await);
        }
        v
    };
    let farm_judge = t.validator(1_000 * TOKEN, 0).await;
    let honest_creator = t.actor(1_100 * TOKEN).await;
    let honest = t.staker(20 * TOKEN, FEE).await;
    let farm_side: Vec<Pubkey> = [&farmer, &farm_judge]
        .into_iter()
        .chain(farm_keys.iter())
        .map(|k| k.pubkey())
        .collect();
    let mut start = 0u64;
    for k in &farm_side {
        start += worth(&mut t, k).await;
    }
    // The farm: a task with a reward of 1 base unit, filled and judged by the farmer.
    let farm: Vec<(&Keypair, u8)> = farm_keys.iter().map(|k| (k, 100u8)).collect();
    let (farm_task, farm_subs) = run_task(&mut t, &farmer, &keeper, 1, &farm, &[&farm_judge]).await;
    // The honest task: 1,000 tokens, one contributor, judged by the same (only) judge.
    let (honest_task, honest_subs) = run_task(
        &mut t,
        &honest_creator,
        &keeper,
        1_000 * TOKEN,
        &[(&honest, 90)],
        &[&farm_judge],
    )
    .await;
    // The farm's points are worth nothing measurable next to the honest task's.
    let current = t.config().await.current_epoch;
    let epoch = t.epoch(current).await;
    let honest_points = t.submission(&honest_subs[0]).await.points;
    let mut farm_points = 0u64;
    for s in &farm_subs {
        farm_points += t.submission(s).await.points;
    }
    // 720 tokens of value at a new key's 0.9x multiplier.
    assert_eq!(honest_points, 648 * TOKEN);
    assert!(farm_points <= 5, "farm points {farm_points}");
    assert!(u128::from(honest_points) * 1_000 >= epoch.contributor_points * 999);

    t.close_epoch(&keeper).await;
    let closed = t.epoch(epoch.index).await;
    // The farm claims everything it can: each claim with points lands, and pays nothing.
    for ((k, _), s) in farm.iter().zip(&farm_subs) {
        let before = worth(&mut t, &k.pubkey()).await;
        if t.submission(s).await.points > 0 {
            t.claim_submission_emission(k, farm_task).await.unwrap();
        }
        assert_eq!(worth(&mut t, &k.pubkey()).await, before);
        if t.vote(s, &farm_judge.pubkey()).await.points > 0 {
            let before = worth(&mut t, &farm_judge.pubkey()).await;
            t.claim_vote_emission(&farm_judge, *s).await.unwrap();
            assert_eq!(worth(&mut t, &farm_judge.pubkey()).await, before);
        }
    }
    let honest_before = t.balance(&honest.pubkey()).await;
    t.claim_submission_emission(&honest, honest_task)
        .await
        .unwrap();
    let honest_emission = t.balance(&honest.pubkey()).await - honest_before;

    // The farm paid 1 base unit of protocol fee: its cap (80%, rounded down) is 0.
    let farm_state = t.task(&farm_task).await;
    assert_eq!((farm_state.protocol_fee, farm_state.emission_cap), (1, 0));
    assert_eq!(farm_state.emission_paid, 0);
    // The farm's judge also judged the honest task (honest work, honestly paid): that is
    // not farming, so it is left out.
    let honest_judging = t
        .vote(&honest_subs[0], &farm_judge.pubkey())
        .await
        .reward_paid;
    let mut end = 0u64;
    for k in &farm_side {
        end += worth(&mut t, k).await;
    }
    let end = end - honest_judging;
    assert!(
        end < start,
        "the farm's keys together gained {} base units",
        end - start
    );
    // The epoch reserved only what its points can be paid under the tasks' caps (40
    // tokens of cap over the 1,500 points a 1,000-token task can hold at 1.5x, per point):
    // the honest contributor, holding all but a few units of the points, is paid all of
    // it, rounding aside; the farm's points dilute nothing.
    let honest_state = t.task(&honest_task).await;
    assert_eq!(honest_state.emission_cap, 40 * TOKEN);
    assert_eq!(closed.contributor_emission, 40 * TOKEN * 648 / 1_500);
    assert!(honest_emission <= closed.contributor_emission);
    assert!(honest_emission + 1 >= closed.contributor_emission);
    let e = t.epoch(closed.index).await;
    assert_eq!(e.contributor_paid, honest_emission, "what the epoch paid");
    // What nobody could be paid went back to the vault for later epochs.
    let config = t.config().await;
    assert!(config.emission_available().unwrap() >= 10_000 * TOKEN - 1_000 * TOKEN);
}

#[tokio::test]
async fn a_creator_paying_itself_a_large_reward_still_loses_to_the_fee() {
    let mut t = context().await;
    let keeper = t.actor(0).await;
    let funder = t.actor(10_000 * TOKEN).await;
    t.fund_emissions(&funder, 10_000 * TOKEN, 0).await.unwrap();
    // Every side of a 1,000-token task is the same party: the reward comes back to it, the
    // protocol fee (50 tokens) does not, and emissions are capped at 40.
    let creator = t.actor(1_050 * TOKEN).await;
    let contributor = t.staker(20 * TOKEN, FEE).await;
    let judge = t.validator(1_000 * TOKEN, 0).await;
    let side = [creator.pubkey(), contributor.pubkey(), judge.pubkey()];
    let mut start = 0u64;
    for k in &side {
        start += worth(&mut t, k).await;
    }
    let (task, subs) = run_task(
        &mut t,
        &creator,
        &keeper,
        1_000 * TOKEN,
        &[(&contributor, 100)],
        &[&judge],
    )
    .await;
    t.close_epoch(&keeper).await;
    t.claim_submission_emission(&contributor, task)
        .await
        .unwrap();
    t.claim_vote_emission(&judge, subs[0]).await.unwrap();
    let state = t.task(&task).await;
    t.reclaim_task(&creator, task).await.unwrap();
    assert!(state.emission_paid <= state.emission_cap);
    assert!(state.emission_paid > 0);
    // The epoch books what was paid (here all of it: no cap bound).
    let e = t.epoch(0).await;
    assert_eq!(e.contributor_paid + e.validator_paid, state.emission_paid);
    let mut end = 0u64;
    for k in &side {
        end += worth(&mut t, k).await;
    }
    assert!(end < start, "self-dealing gained {}", end - start);
    assert_eq!(start - end, state.protocol_fee - state.emission_paid);
}
