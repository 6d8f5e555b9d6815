//! Aliasing: Merit's instructions opt out of Anchor's duplicate-mutable check (`dup`, see
//! `programs/merit/src/instructions/mod.rs`). Every instruction whose caller chooses a
//! token account that a vault of the same mint could stand in for refuses the vault
//! (`DuplicateTokenAccount`), changes nothing, and then goes through honestly. Each test
//! fails when `token::require_distinct` is dropped from that instruction's `validate()`.
use super::finalize::judged;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use merit_client::builders::replace_account;
use merit_tests::*;

/// Sends `ix` with `from` replaced by `to` and asserts the named refusal.
async fn refused_with(
    t: &mut TestContext,
    ix: &Instruction,
    from: &Pubkey,
    to: &Pubkey,
    signer: &Keypair,
) {
    let mut ix = ix.clone();
    replace_account(&mut ix, from, to);
    assert_merit_err(
        t.send(&[ix], &[signer]).await,
        MeritError::DuplicateTokenAccount,
    );
}

/// The three protocol vaults a slasher's token account could name.
fn slash_vaults() -> [Pubkey; 3] {
    [pda::stake_vault(), pda::vesting_vault(), pda::treasury()]
}

#[tokio::test]
async fn claim_vote_refuses_the_task_vault_as_the_validators_token_account() {
    // claim_vote opts out of Anchor's (costly) duplicate-mutable check; its own check must
    // still refuse a token account passed for two roles, and change nothing.
    let (mut t, _, _, task, sub, vals) = judged(&[(100 * TOKEN, Some(80))]).await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    let mut ix = t.client().claim_vote(vals[0].pubkey(), task, sub, 1);
    let vault = pda::task_vault(&task);
    replace_account(&mut ix, &t.client().ata(&vals[0].pubkey()), &vault);
    let before = t.vote(&sub, &vals[0].pubkey()).await;
    assert_merit_err(
        t.send(&[ix], &[&vals[0]]).await,
        MeritError::DuplicateTokenAccount,
    );
    let after = t.vote(&sub, &vals[0].pubkey()).await;
    assert!(!after.claimed && after.bond_remaining == before.bond_remaining);
    // The honest claim still goes through.
    t.claim_vote(&vals[0], task, sub).await.unwrap();
}

#[tokio::test]
async fn claims_refuse_a_vault_as_the_claimants_token_account() {
    let (mut t, creator, alice, task, sub, vals) = judged(&[(100 * TOKEN, Some(80))]).await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    t.finalize_task(&vals[0], task).await.unwrap();
    let c = t.client();

    let mut ix = c.claim_submission(alice.pubkey(), task);
    replace_account(&mut ix, &c.ata(&alice.pubkey()), &pda::task_vault(&task));
    assert_merit_err(
        t.send(&[ix], &[&alice]).await,
        MeritError::DuplicateTokenAccount,
    );
    assert!(!t.submission(&sub).await.claimed);
    t.claim_submission(&alice, task).await.unwrap();

    t.claim_vote(&vals[0], task, sub).await.unwrap();
    t.close_epoch(&creator).await;
    let epoch = t.vote(&sub, &vals[0].pubkey()).await.epoch;
    let mut ix = c.claim_vote_emission(vals[0].pubkey(), task, sub, 1, epoch);
    replace_account(&mut ix, &c.ata(&vals[0].pubkey()), &pda::emission_vault());
    assert_merit_err(
        t.send(&[ix], &[&vals[0]]).await,
        MeritError::DuplicateTokenAccount,
    );
    assert!(!t.vote(&sub, &vals[0].pubkey()).await.emission_claimed);
    t.claim_vote_emission(&vals[0], sub).await.unwrap();

    let epoch = t.submission(&sub).await.epoch;
    let mut ix = c.claim_submission_emission(alice.pubkey(), task, epoch);
    replace_account(&mut ix, &c.ata(&alice.pubkey()), &pda::vesting_vault());
    assert_merit_err(
        t.send(&[ix], &[&alice]).await,
        MeritError::DuplicateTokenAccount,
    );
    t.claim_submission_emission(&alice, task).await.unwrap();
}

#[tokio::test]
async fn slash_submission_refuses_a_vault_as_the_slashers_token_account() {
    let (mut t, _, alice, task, sub, vals) = judged(&[(100 * TOKEN, Some(5))]).await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    let slasher = t.actor(0).await;
    let c = t.client();
    let ix = c.slash_submission(slasher.pubkey(), task, alice.pubkey());
    let before = t.net.token_balance(&pda::treasury()).await;
    for vault in slash_vaults() {
        refused_with(&mut t, &ix, &c.ata(&slasher.pubkey()), &vault, &slasher).await;
    }
    assert!(!t.submission(&sub).await.slashed);
    assert_eq!(t.stake(&alice.pubkey()).await.locked, 10 * TOKEN);
    assert_eq!(t.net.token_balance(&pda::treasury()).await, before);
    t.send(&[ix], &[&slasher]).await.unwrap();
    assert_eq!(t.balance(&slasher.pubkey()).await, TOKEN);
}

#[tokio::test]
async fn slash_vote_refuses_a_vault_as_the_slashers_token_account() {
    let (mut t, _, _, task, sub, vals) =
        judged(&[(100 * TOKEN, Some(80)), (200 * TOKEN, None)]).await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    let slasher = t.actor(0).await;
    let lazy = vals[1].pubkey();
    let c = t.client();
    let ix = c.slash_vote(slasher.pubkey(), task, sub, 1, lazy);
    for vault in slash_vaults() {
        refused_with(&mut t, &ix, &c.ata(&slasher.pubkey()), &vault, &slasher).await;
    }
    let vote = t.vote(&sub, &lazy).await;
    assert!(!vote.slashed && vote.bond_remaining == vote.bond);
    t.send(&[ix], &[&slasher]).await.unwrap();
    assert_eq!(t.balance(&slasher.pubkey()).await, vote.bond / 10);
}

#[tokio::test]
async fn cancel_and_reclaim_refuse_the_task_vault_as_the_creators_token_account() {
    let mut t = TestContext::new().await;
    let creator = t.actor(4_000 * TOKEN).await;
    let c = t.client();
    let args = t.task_args();
    let task = t.create_task(&creator, args).await;
    let vault = pda::task_vault(&task);
    let ix = c.cancel_task(creator.pubkey(), task);
    refused_with(&mut t, &ix, &c.ata(&creator.pubkey()), &vault, &creator).await;
    assert_eq!(t.net.token_balance(&vault).await, 1_000 * TOKEN);
    t.send(&[ix], &[&creator]).await.unwrap();
    assert!(!t.exists(&task).await);

    let mut args = t.task_args();
    args.id += 1;
    let task = t.create_task(&creator, args).await;
    let vault = pda::task_vault(&task);
    t.to_finalize_phase(&task).await;
    t.finalize_task(&creator, task).await.unwrap();
    let ix = c.reclaim_task(creator.pubkey(), task);
    refused_with(&mut t, &ix, &c.ata(&creator.pubkey()), &vault, &creator).await;
    assert!(t.net.token_balance(&vault).await >= 1_000 * TOKEN);
    let before = t.balance(&creator.pubkey()).await;
    t.send(&[ix], &[&creator]).await.unwrap();
    assert!(t.balance(&creator.pubkey()).await >= before + 1_000 * TOKEN);
}

#[tokio::test]
async fn withdraw_stake_refuses_the_stake_vault_as_the_owners_token_account() {
    let mut t = TestContext::new().await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let c = t.client();
    let ix = c.request_unstake(alice.pubkey(), 50 * TOKEN);
    t.send(&[ix], &[&alice]).await.unwrap();
    t.set_time(t.now() + ConfigParams::defaults(6).unstake_cooldown_secs);
    let ix = c.withdraw_stake(alice.pubkey());
    let vault = pda::stake_vault();
    refused_with(&mut t, &ix, &c.ata(&alice.pubkey()), &vault, &alice).await;
    assert_eq!(t.stake(&alice.pubkey()).await.unstaking, 50 * TOKEN);
    t.send(&[ix], &[&alice]).await.unwrap();
    assert_eq!(t.balance(&alice.pubkey()).await, 50 * TOKEN);
}

#[tokio::test]
async fn withdraw_vested_refuses_the_vesting_vault_as_the_owners_token_account() {
    let mut t = TestContext::new().await;
    let c = t.client();
    let vest = 10_000;
    t.set_vesting(vest).await;
    let (creator, keeper) = (t.actor(2_000 * TOKEN).await, t.actor(0).await);
    let bob = t.staker(100 * TOKEN, 0).await;
    let val = t.validator(200 * TOKEN, 0).await;
    let (task, _) = t
        .judge_task(&creator, &keeper, &[(&bob, Some(90))], &[&val])
        .await;
    t.claim_submission(&bob, task).await.unwrap();
    t.set_time(t.now() + vest);
    let ix = c.withdraw_vested(bob.pubkey());
    let vault = pda::vesting_vault();
    refused_with(&mut t, &ix, &c.ata(&bob.pubkey()), &vault, &bob).await;
    assert_eq!(t.balance(&bob.pubkey()).await, 0);
    t.send(&[ix], &[&bob]).await.unwrap();
    assert_eq!(t.balance(&bob.pubkey()).await, 800 * TOKEN);
}
