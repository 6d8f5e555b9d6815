//! Attack classes not covered in the per-instruction files: look-alike accounts owned by
//! another program, the wrong token program, a vault whose authority is not the PDA,
//! closing an account and using it again in one transaction, seed collisions, extreme
//! basis points and amounts, and remaining accounts.
use super::finalize::judged;
use anchor_lang::error::ErrorCode;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::AccountMeta;
use merit_client::builders::replace_account;
use merit_tests::*;

#[tokio::test]
async fn a_look_alike_task_owned_by_another_program_is_rejected() {
    let (mut t, _, alice, task, sub, vals) = judged(&[(100 * TOKEN, Some(80))]).await;
    // Copy the real task's bytes into an account owned by the system program.
    let real = t.net.raw_account(&task).await.unwrap();
    let fake = Pubkey::new_unique();
    let mut look_alike: merit_localnet::Account = real.clone();
    look_alike.owner = anchor_lang::system_program::ID;
    t.net.set_account(&fake, look_alike);
    let mut ix = t
        .finalize_ix(&vals[0].pubkey(), task, &alice.pubkey(), 0)
        .await;
    replace_account(&mut ix, &task, &fake);
    assert_anchor_err(
        t.send(&[ix], &[&vals[0]]).await,
        ErrorCode::AccountOwnedByWrongProgram,
    );
    assert_eq!(t.submission(&sub).await.outcome, Outcome::Pending);
}

#[tokio::test]
async fn the_wrong_token_program_is_rejected() {
    let mut t = TestContext::new().await;
    let alice = t.actor(100 * TOKEN).await;
    let c = t.client();
    let mut ix = c.deposit_stake(alice.pubkey(), TOKEN);
    replace_account(&mut ix, &anchor_spl::token::ID, &anchor_spl::token_2022::ID);
    assert_fails(t.send(&[ix], &[&alice]).await);
    assert_eq!(t.balance(&alice.pubkey()).await, 100 * TOKEN);
}

#[tokio::test]
async fn a_vault_whose_authority_is_not_the_pda_is_rejected() {
    let (mut t, _, alice, task, sub, vals) = judged(&[(100 * TOKEN, Some(80))]).await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    t.finalize_task(&vals[0], task).await.unwrap();
    // Alice's own token account, right mint, passed as the task vault.
    let c = t.client();
    let mut ix = c.claim_submission(alice.pubkey(), task);
    replace_account(&mut ix, &pda::task_vault(&task), &c.ata(&vals[0].pubkey()));
    assert_merit_err(t.send(&[ix], &[&alice]).await, MeritError::AccountMismatch);
    let mut ix = c.deposit_stake(alice.pubkey(), TOKEN);
    replace_account(&mut ix, &pda::stake_vault(), &c.ata(&vals[0].pubkey()));
    assert_merit_err(t.send(&[ix], &[&alice]).await, MeritError::AccountMismatch);
}

#[tokio::test]
async fn closing_an_account_and_using_it_again_in_one_transaction_fails() {
    let (mut t, _, _, task, sub, vals) = judged(&[(100 * TOKEN, Some(80))]).await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    t.claim_vote(&vals[0], task, sub).await.unwrap();
    t.close_epoch(&vals[0]).await;
    t.claim_vote_emission(&vals[0], sub).await.unwrap();
    let c = t.client();
    let vote = pda::vote_in(&sub, 1, &vals[0].pubkey());
    // Close, then try to claim again and to close again, atomically.
    let close = c.close_vote(sub, 1, vals[0].pubkey(), vals[0].pubkey());
    let claim = c.claim_vote(vals[0].pubkey(), task, sub, 1);
    assert_fails(t.send(&[close.clone(), claim], &[&vals[0]]).await);
    assert_fails(t.send(&[close.clone(), close.clone()], &[]).await);
    assert!(
        t.exists(&vote).await,
        "a failed transaction closed the vote"
    );
    t.send(&[close], &[]).await.unwrap();
    assert!(!t.exists(&vote).await);
}

#[test]
fn no_two_account_kinds_can_derive_the_same_seeds() {
    use merit::constants::*;
    // Each kind: its prefix and the fixed width of what follows it.
    let kinds: [(&[u8], usize); 13] = [
        (CONFIG_SEED, 0),
        (STAKE_VAULT_SEED, 0),
        (TREASURY_SEED, 0),
        (STAKE_SEED, 32),
        (TASK_SEED, 40),
        (TASK_VAULT_SEED, 32),
        (SUBMISSION_SEED, 64),
        (VOTE_SEED, 64),
        (CONTENT_SEED, 32),
        (EPOCH_SEED, 8),
        (EMISSION_VAULT_SEED, 0),
        (VESTING_SEED, 32),
        (VESTING_VAULT_SEED, 0),
    ];
    for (i, (a, wa)) in kinds.iter().enumerate() {
        for (b, wb) in &kinds[i + 1..] {
            // Two kinds could only share seed bytes if one prefix starts the other AND the
            // seeds had the same total length.
            let overlapping = a.starts_with(b) || b.starts_with(a);
            assert!(
                !overlapping || a.len() + wa != b.len() + wb,
                "{:?} and {:?} can collide",
                String::from_utf8_lossy(a),
                String::from_utf8_lossy(b)
            );
        }
    }
    let k = Pubkey::new_unique();
    let all = [
        pda::stake(&k),
        pda::task_vault(&k),
        pda::vesting(&k),
        pda::task(&k, 0),
        pda::submission(&k, &k),
        pda::vote(&k, &k),
        pda::round(&k, 1),
        pda::round(&k, 2),
        pda::content_claim(&k.to_bytes()),
    ];
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            assert_ne!(a, b);
        }
    }
}

#[tokio::test]
async fn extreme_basis_points_settle_exactly() {
    let params = ConfigParams {
        slasher_reward_bps: merit::constants::MAX_SLASHER_REWARD_BPS,
        incoherence_slash_bps: 10_000,
        vote_bond_bps: 10_000,
        ..suite_params()
    };
    let mut t = TestContext::with_options(LocalnetOptions {
        params: Some(params),
        ..LocalnetOptions::default()
    })
    .await;
    let creator = t.actor(2_000 * TOKEN).await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let good = t.validator(100 * TOKEN, 0).await;
    let good2 = t.validator(100 * TOKEN, 0).await;
    let odd = t.validator(100 * TOKEN, 0).await;
    let keeper = t.actor(0).await;
    let mut args = t.task_args();
    args.validator_share_bps = 10_000;
    args.committee_size = 15; // 5 seats each, exactly
    args.reward = 300 * TOKEN; // a seat bonds 20 tokens: 5 seats, a validator's 100
    let task = t.create_task(&creator, args).await;
    let sub = t.submit(&alice, task, 1).await;
    t.to_commit_phase(&task).await;
    for (v, s) in [(&good, 80), (&good2, 82), (&odd, 0)] {
        t.try_commit(v, task, sub, s).await.unwrap();
        // A 100% bond locks the whole weight.
        assert_eq!(t.stake(&v.pubkey()).await.unlocked(), 0);
    }
    t.to_reveal_phase(&task).await;
    for (v, s) in [(&good, 80), (&good2, 82), (&odd, 0)] {
        t.try_reveal(v, task, sub, s).await.unwrap();
    }
    t.to_finalize_phase(&task).await;
    t.finalize_submission(&keeper, task, sub).await.unwrap();
    t.finalize_task(&keeper, task).await.unwrap();
    // 100% incoherence slash, the largest slasher share (20%) to the slasher.
    t.slash_vote(&keeper, task, sub, &odd.pubkey())
        .await
        .unwrap();
    assert_eq!(t.balance(&keeper.pubkey()).await, 20 * TOKEN);
    assert_eq!(t.stake(&odd.pubkey()).await.deposited, 0);
    // The treasury holds the task's protocol fee, and the other 80 tokens once swept.
    let protocol_fee = t.task(&task).await.protocol_fee;
    assert_eq!(t.config().await.treasury_pending, 80 * TOKEN);
    t.sweep_treasury(&keeper).await.unwrap();
    assert_eq!(
        t.net.token_balance(&pda::treasury()).await,
        protocol_fee + 80 * TOKEN
    );
    // 100% validator share: the accepted contributor gets nothing, validators everything.
    t.claim_submission(&alice, task).await.unwrap();
    assert_eq!(t.balance(&alice.pubkey()).await, 0);
    t.claim_vote(&good, task, sub).await.unwrap();
    t.claim_vote(&good2, task, sub).await.unwrap();
    assert_eq!(
        t.balance(&good.pubkey()).await + t.balance(&good2.pubkey()).await,
        300 * TOKEN + FEE
    );
}

#[tokio::test]
async fn u64_max_amounts_are_refused_without_overflow() {
    let mut t = TestContext::new().await;
    let alice = t.staker(100 * TOKEN, 0).await;
    assert_fails(t.deposit(&alice, u64::MAX).await);
    let ix = t.client().request_unstake(alice.pubkey(), u64::MAX);
    assert_merit_err(
        t.send(&[ix], &[&alice]).await,
        MeritError::InsufficientUnlockedStake,
    );
    let mut args = t.task_args();
    args.reward = u64::MAX;
    assert_fails(t.try_create_task(&alice, args).await);
    let funder = t.actor(TOKEN).await;
    assert_fails(t.fund_emissions(&funder, u64::MAX, 0).await);
    assert_eq!(t.stake(&alice.pubkey()).await.deposited, 100 * TOKEN);
}

#[tokio::test]
async fn remaining_accounts_are_ignored() {
    let mut t = TestContext::new().await;
    let alice = t.actor(100 * TOKEN).await;
    let bob = t.staker(50 * TOKEN, 0).await;
    t.stakers.insert(alice.pubkey());
    let mut ix = t.client().deposit_stake(alice.pubkey(), 10 * TOKEN);
    // Extra writable accounts, including someone else's stake, change nothing.
    ix.accounts
        .push(AccountMeta::new(pda::stake(&bob.pubkey()), false));
    ix.accounts.push(AccountMeta::new(pda::treasury(), false));
    t.send(&[ix], &[&alice]).await.unwrap();
    assert_eq!(t.stake(&alice.pubkey()).await.deposited, 10 * TOKEN);
    assert_eq!(t.stake(&bob.pubkey()).await.deposited, 50 * TOKEN);
}
