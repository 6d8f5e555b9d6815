use anchor_lang::error::ErrorCode;
use merit_client::builders::replace_account;
use merit_tests::*;

#[tokio::test]
async fn deposit_creates_stake_and_moves_tokens() {
    let mut t = TestContext::new().await;
    let alice = t.actor(100 * TOKEN).await;
    t.deposit(&alice, 40 * TOKEN).await.unwrap();
    t.deposit(&alice, 10 * TOKEN).await.unwrap();
    let stake = t.stake(&alice.pubkey()).await;
    assert_eq!(stake.owner, alice.pubkey());
    assert_eq!(stake.deposited, 50 * TOKEN);
    assert_eq!(stake.unlocked(), 50 * TOKEN);
    assert_eq!(t.balance(&alice.pubkey()).await, 50 * TOKEN);
    assert_eq!(t.net.token_balance(&pda::stake_vault()).await, 50 * TOKEN);
}

#[tokio::test]
async fn deposit_zero_is_rejected() {
    let mut t = TestContext::new().await;
    let alice = t.actor(100 * TOKEN).await;
    assert_merit_err(t.deposit(&alice, 0).await, MeritError::ZeroAmount);
    assert!(!t.exists(&pda::stake(&alice.pubkey())).await);
}

#[tokio::test]
async fn deposit_more_than_wallet_fails_and_changes_nothing() {
    let mut t = TestContext::new().await;
    let alice = t.actor(10 * TOKEN).await;
    assert_fails(t.deposit(&alice, 11 * TOKEN).await);
    assert_eq!(t.balance(&alice.pubkey()).await, 10 * TOKEN);
}

#[tokio::test]
async fn deposit_from_someone_elses_token_account_is_rejected() {
    let mut t = TestContext::new().await;
    let alice = t.actor(100 * TOKEN).await;
    let mallory = t.actor(0).await;
    let c = t.client();
    let mut ix = c.deposit_stake(mallory.pubkey(), 10 * TOKEN);
    replace_account(&mut ix, &c.ata(&mallory.pubkey()), &c.ata(&alice.pubkey()));
    assert_anchor_err(
        t.send(&[ix], &[&mallory]).await,
        ErrorCode::ConstraintTokenOwner,
    );
    assert_eq!(t.balance(&alice.pubkey()).await, 100 * TOKEN);
}

#[tokio::test]
async fn deposit_into_a_vault_other_than_the_stake_vault_is_rejected() {
    let mut t = TestContext::new().await;
    let alice = t.actor(100 * TOKEN).await;
    let c = t.client();
    let mut ix = c.deposit_stake(alice.pubkey(), 10 * TOKEN);
    replace_account(&mut ix, &pda::stake_vault(), &pda::treasury());
    assert_merit_err(t.send(&[ix], &[&alice]).await, MeritError::AccountMismatch);
}

#[tokio::test]
async fn deposit_with_the_wrong_mint_is_rejected() {
    let mut t = TestContext::new().await;
    let alice = t.actor(100 * TOKEN).await;
    let c = t.client();
    let mut ix = c.deposit_stake(alice.pubkey(), 10 * TOKEN);
    // A Merit account is no mint: passing the config as the mint fails the mint check.
    replace_account(&mut ix, &c.stake_mint, &pda::config());
    assert_fails(t.send(&[ix], &[&alice]).await);
    assert_eq!(t.balance(&alice.pubkey()).await, 100 * TOKEN);
}

#[tokio::test]
async fn request_unstake_locks_amount_until_cooldown() {
    let mut t = TestContext::new().await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let c = t.client();
    let ix = c.request_unstake(alice.pubkey(), 30 * TOKEN);
    t.send(&[ix], &[&alice]).await.unwrap();
    let stake = t.stake(&alice.pubkey()).await;
    let cooldown = t.config().await.params.unstake_cooldown_secs;
    assert_eq!(stake.unstaking, 30 * TOKEN);
    assert_eq!(stake.unstake_at, t.now() + cooldown);
    assert_eq!(stake.unlocked(), 70 * TOKEN);

    // One second early: refused. At the exact second: allowed.
    t.set_time(stake.unstake_at - 1);
    let ix = c.withdraw_stake(alice.pubkey());
    assert_merit_err(
        t.send(std::slice::from_ref(&ix), &[&alice]).await,
        MeritError::CooldownNotElapsed,
    );
    t.set_time(stake.unstake_at);
    t.send(std::slice::from_ref(&ix), &[&alice]).await.unwrap();
    assert_eq!(t.balance(&alice.pubkey()).await, 30 * TOKEN);
    let stake = t.stake(&alice.pubkey()).await;
    assert_eq!((stake.deposited, stake.unstaking), (70 * TOKEN, 0));

    // Withdrawing again: nothing pending.
    assert_merit_err(
        t.send(&[ix], &[&alice]).await,
        MeritError::NothingToWithdraw,
    );
}

#[tokio::test]
async fn request_unstake_rejects_zero_and_more_than_unlocked() {
    let mut t = TestContext::new().await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let c = t.client();
    let ix = c.request_unstake(alice.pubkey(), 0);
    assert_merit_err(t.send(&[ix], &[&alice]).await, MeritError::ZeroAmount);
    let ix = c.request_unstake(alice.pubkey(), 101 * TOKEN);
    assert_merit_err(
        t.send(&[ix], &[&alice]).await,
        MeritError::InsufficientUnlockedStake,
    );
    let ix = c.request_unstake(alice.pubkey(), 60 * TOKEN);
    t.send(&[ix], &[&alice]).await.unwrap();
    // 40 left unlocked: 41 more is too much.
    let ix = c.request_unstake(alice.pubkey(), 41 * TOKEN);
    assert_merit_err(
        t.send(&[ix], &[&alice]).await,
        MeritError::InsufficientUnlockedStake,
    );
}

#[tokio::test]
async fn request_unstake_cannot_touch_bonded_stake() {
    let mut t = TestContext::new().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let alice = t.staker(15 * TOKEN, 0).await;
    let args = t.task_args();
    let task = t.create_task(&creator, args).await;
    t.submit(&alice, task, 1).await;
    let c = t.client();
    let ix = c.request_unstake(alice.pubkey(), 6 * TOKEN);
    assert_merit_err(
        t.send(&[ix], &[&alice]).await,
        MeritError::InsufficientUnlockedStake,
    );
    let ix = c.request_unstake(alice.pubkey(), 5 * TOKEN);
    t.send(&[ix], &[&alice]).await.unwrap();
}

#[tokio::test]
async fn unstake_of_someone_elses_stake_is_rejected() {
    let mut t = TestContext::new().await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let mallory = t.staker(TOKEN, 0).await;
    let c = t.client();
    let mut ix = c.request_unstake(mallory.pubkey(), 50 * TOKEN);
    replace_account(
        &mut ix,
        &pda::stake(&mallory.pubkey()),
        &pda::stake(&alice.pubkey()),
    );
    assert_merit_err(
        t.send(&[ix], &[&mallory]).await,
        MeritError::AccountMismatch,
    );

    let ix = c.request_unstake(alice.pubkey(), 50 * TOKEN);
    t.send(&[ix], &[&alice]).await.unwrap();
    t.set_time(t.now() + ConfigParams::defaults(6).unstake_cooldown_secs);
    let mut ix = c.withdraw_stake(mallory.pubkey());
    replace_account(
        &mut ix,
        &pda::stake(&mallory.pubkey()),
        &pda::stake(&alice.pubkey()),
    );
    assert_merit_err(
        t.send(&[ix], &[&mallory]).await,
        MeritError::AccountMismatch,
    );
    assert_eq!(t.stake(&alice.pubkey()).await.unstaking, 50 * TOKEN);
}

#[tokio::test]
async fn withdraw_without_the_owners_signature_is_rejected() {
    let mut t = TestContext::new().await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let c = t.client();
    let ix = c.request_unstake(alice.pubkey(), 50 * TOKEN);
    t.send(&[ix], &[&alice]).await.unwrap();
    t.set_time(t.now() + ConfigParams::defaults(6).unstake_cooldown_secs);
    let mut ix = c.withdraw_stake(alice.pubkey());
    ix.accounts[0].is_signer = false;
    assert_anchor_err(t.send(&[ix], &[]).await, ErrorCode::AccountNotSigner);
    assert_eq!(t.stake(&alice.pubkey()).await.unstaking, 50 * TOKEN);
}

#[tokio::test]
async fn a_cooldown_change_never_alters_an_existing_unstake_request() {
    let mut t = TestContext::new().await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let c = t.client();
    let ix = c.request_unstake(alice.pubkey(), 30 * TOKEN);
    t.send(&[ix], &[&alice]).await.unwrap();
    let unlocks_at = t.stake(&alice.pubkey()).await.unstake_at;
    // The admin lengthens the cooldown to the maximum (through the timelock, which must
    // be at least as long).
    let mut params = t.config().await.params;
    params.unstake_cooldown_secs = merit::constants::MAX_UNSTAKE_COOLDOWN_SECS;
    params.param_timelock_secs = merit::constants::MAX_PARAM_TIMELOCK_SECS;
    t.change_params(params).await;
    assert_eq!(t.stake(&alice.pubkey()).await.unstake_at, unlocks_at);
    t.set_time(unlocks_at);
    t.send(&[c.withdraw_stake(alice.pubkey())], &[&alice])
        .await
        .unwrap();
    assert_eq!(t.balance(&alice.pubkey()).await, 30 * TOKEN);
}
