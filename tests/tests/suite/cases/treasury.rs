//! The treasury's share of a slash: booked as pending in the stake vault by the slash (one
//! transfer per slash instead of two) and moved to the treasury vault by the
//! permissionless `sweep_treasury`.
use super::finalize::judged;
use anchor_lang::error::ErrorCode;
use anchor_lang::prelude::Pubkey;
use merit_client::builders::replace_account;
use merit_tests::*;

const BOND: u64 = 10 * TOKEN;
/// The default `slasher_reward_bps` is 10%.
const TO_SLASHER: u64 = BOND / 10;

/// A rejected submission, finalized and slashed: the treasury's share is pending.
async fn slashed() -> (TestContext, Keypair, Vec<Keypair>) {
    let (mut t, _, alice, task, sub, vals) = judged(&[(100 * TOKEN, Some(5))]).await;
    t.finalize_submission(&vals[0], task, sub).await.unwrap();
    let slasher = t.actor(0).await;
    t.slash_submission(&slasher, task, &alice.pubkey())
        .await
        .unwrap();
    (t, alice, vals)
}

#[tokio::test]
async fn a_slash_books_the_treasury_share_and_a_sweep_moves_exactly_it() {
    let (mut t, _, _) = slashed().await;
    let config = t.config().await;
    assert_eq!(config.treasury_pending, BOND - TO_SLASHER);
    assert_eq!(config.total_slashed_to_treasury, BOND - TO_SLASHER);
    let treasury = t.net.token_balance(&pda::treasury()).await;
    let stake_vault = t.net.token_balance(&pda::stake_vault()).await;

    // Anyone may sweep; it pays the caller nothing and moves exactly the pending share.
    let anyone = t.actor(0).await;
    t.sweep_treasury(&anyone).await.unwrap();
    assert_eq!(
        t.net.token_balance(&pda::treasury()).await,
        treasury + BOND - TO_SLASHER
    );
    assert_eq!(
        t.net.token_balance(&pda::stake_vault()).await,
        stake_vault - (BOND - TO_SLASHER)
    );
    assert_eq!(t.balance(&anyone.pubkey()).await, 0);
    let config = t.config().await;
    assert_eq!(config.treasury_pending, 0);
    assert_eq!(config.total_slashed_to_treasury, BOND - TO_SLASHER);

    // Repeated: nothing left, nothing moves.
    assert_merit_err(t.sweep_treasury(&anyone).await, MeritError::NothingToSweep);
    assert_eq!(
        t.net.token_balance(&pda::treasury()).await,
        treasury + BOND - TO_SLASHER
    );
}

#[tokio::test]
async fn a_sweep_with_nothing_slashed_is_refused() {
    let mut t = TestContext::new().await;
    let anyone = t.actor(0).await;
    assert_merit_err(t.sweep_treasury(&anyone).await, MeritError::NothingToSweep);
}

/// The pending share sits in the stake vault beside the stakers' deposits, and no staker
/// can withdraw it: the slashed contributor takes out all it has left, and the sweep
/// still finds the whole share there.
#[tokio::test]
async fn a_staker_leaving_cannot_take_the_treasurys_pending_share() {
    let (mut t, alice, vals) = slashed().await;
    let stake = t.stake(&alice.pubkey()).await;
    assert_eq!((stake.deposited, stake.locked), (90 * TOKEN, 0));
    let ix = t.client().request_unstake(alice.pubkey(), stake.deposited);
    t.send(&[ix], &[&alice]).await.unwrap();
    t.set_time(t.now() + ConfigParams::defaults(6).unstake_cooldown_secs);
    let wallet = t.balance(&alice.pubkey()).await;
    let ix = t.client().withdraw_stake(alice.pubkey());
    t.send(&[ix], &[&alice]).await.unwrap();
    assert_eq!(t.balance(&alice.pubkey()).await, wallet + 90 * TOKEN);
    // Withdrawing again finds nothing.
    let ix = t.client().withdraw_stake(alice.pubkey());
    assert_merit_err(
        t.send(&[ix], &[&alice]).await,
        MeritError::NothingToWithdraw,
    );
    let validator = t.stake(&vals[0].pubkey()).await.deposited;
    assert_eq!(
        t.net.token_balance(&pda::stake_vault()).await,
        validator + BOND - TO_SLASHER
    );
    let anyone = t.actor(0).await;
    t.sweep_treasury(&anyone).await.unwrap();
    assert_eq!(t.net.token_balance(&pda::stake_vault()).await, validator);
}

/// A sweep moves the config's vaults only: a caller who swaps in its own token account as
/// the treasury, another vault as the source, another mint, token program or config, or
/// who does not sign, moves nothing.
#[tokio::test]
async fn a_sweep_to_or_from_any_other_account_is_refused() {
    let (mut t, _, _) = slashed().await;
    let mallory = t.actor(TOKEN).await;
    let c = t.client();
    let own = c.ata(&mallory.pubkey());
    let pending = BOND - TO_SLASHER;

    // Pinned by the config's addresses: each a named AccountMismatch.
    let pinned: Vec<(&str, Pubkey, Pubkey)> = vec![
        ("treasury is the caller's", pda::treasury(), own),
        (
            "treasury is the vesting vault",
            pda::treasury(),
            pda::vesting_vault(),
        ),
        (
            "source is the emission vault",
            pda::stake_vault(),
            pda::emission_vault(),
        ),
        ("mint is another", c.stake_mint, Pubkey::new_unique()),
    ];
    for (what, from, to) in pinned {
        let mut ix = c.sweep_treasury(mallory.pubkey());
        replace_account(&mut ix, &from, &to);
        assert_merit_err(
            t.send(&[ix], &[&mallory]).await,
            MeritError::AccountMismatch,
        );
        assert_eq!(t.config().await.treasury_pending, pending, "{what}");
    }
    // Not a token program, not a config: refused by Anchor's type checks.
    let typed: Vec<(&str, Pubkey, Pubkey)> = vec![
        (
            "token program is another",
            c.token_program,
            Pubkey::new_unique(),
        ),
        (
            "config is a look-alike",
            pda::config(),
            pda::stake(&mallory.pubkey()),
        ),
    ];
    for (what, from, to) in typed {
        let mut ix = c.sweep_treasury(mallory.pubkey());
        replace_account(&mut ix, &from, &to);
        assert_fails(t.send(&[ix], &[&mallory]).await);
        assert_eq!(t.config().await.treasury_pending, pending, "{what}");
    }
    let mut ix = c.sweep_treasury(mallory.pubkey());
    ix.accounts[0].is_signer = false;
    assert_anchor_err(t.send(&[ix], &[]).await, ErrorCode::AccountNotSigner);
    assert_eq!(t.balance(&mallory.pubkey()).await, TOKEN);
    assert_eq!(t.config().await.treasury_pending, pending);
}

/// Pause stops new entries, not settlement: a sweep goes through while paused.
#[tokio::test]
async fn a_sweep_works_while_paused() {
    let (mut t, _, _) = slashed().await;
    let admin = t.admin();
    let ix = t.client().set_paused(admin.pubkey(), true);
    t.send(&[ix], &[&admin]).await.unwrap();
    let anyone = t.actor(0).await;
    t.sweep_treasury(&anyone).await.unwrap();
    assert_eq!(t.config().await.treasury_pending, 0);
}
