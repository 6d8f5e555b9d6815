use merit_tests::*;

fn opts(token_program: anchor_lang::prelude::Pubkey, ext: Vec<MintExtension>) -> LocalnetOptions {
    LocalnetOptions {
        token_program,
        extensions: ext,
        params: None,
        ..LocalnetOptions::default()
    }
}

async fn try_initialize(t: &mut TestContext, params: ConfigParams) -> TxResult {
    let admin = t.admin();
    let ix = t.client().initialize(admin.pubkey(), params);
    t.send(&[ix], &[&admin]).await
}

#[tokio::test]
async fn initialize_with_spl_token_mint_creates_config_and_vaults() {
    let mut t = TestContext::with_options(opts(anchor_spl::token::ID, vec![])).await;
    try_initialize(&mut t, ConfigParams::defaults(6))
        .await
        .unwrap();
    let config = t.config().await;
    assert_eq!(config.admin, t.admin().pubkey());
    assert_eq!(config.stake_mint, t.client().stake_mint);
    assert_eq!(config.token_program, anchor_spl::token::ID);
    assert_eq!(config.stake_vault, pda::stake_vault());
    assert_eq!(config.treasury_vault, pda::treasury());
    assert_eq!(config.params, ConfigParams::defaults(6));
    assert_eq!(config.mint_decimals, 6);
    assert!(!config.paused);
    assert!(t.exists(&pda::stake_vault()).await);
    assert!(t.exists(&pda::treasury()).await);
}

#[tokio::test]
async fn initialize_accepts_plain_token_2022_mint_and_harmless_extensions() {
    let mut t = TestContext::with_options(opts(
        anchor_spl::token_2022::ID,
        vec![MintExtension::MetadataPointer],
    ))
    .await;
    try_initialize(&mut t, ConfigParams::defaults(6))
        .await
        .unwrap();
    assert_eq!(t.config().await.token_program, anchor_spl::token_2022::ID);
}

#[tokio::test]
async fn initialize_rejects_each_dangerous_token_2022_extension() {
    let cases = [
        (MintExtension::TransferFee, MeritError::MintHasTransferFee),
        (MintExtension::TransferHook, MeritError::MintHasTransferHook),
        (
            MintExtension::PermanentDelegate,
            MeritError::MintHasPermanentDelegate,
        ),
        (
            MintExtension::NonTransferable,
            MeritError::MintNonTransferable,
        ),
        (MintExtension::Pausable, MeritError::MintPausable),
        (
            MintExtension::MintCloseAuthority,
            MeritError::MintHasCloseAuthority,
        ),
        (
            MintExtension::DefaultAccountStateFrozen,
            MeritError::MintHasDefaultAccountState,
        ),
        (
            MintExtension::FreezeAuthority,
            MeritError::MintHasFreezeAuthority,
        ),
        // Off the allowlist: refused even though nothing names it.
        (
            MintExtension::InterestBearing,
            MeritError::MintExtensionNotAllowed,
        ),
    ];
    for (ext, err) in cases {
        let mut t = TestContext::with_options(opts(anchor_spl::token_2022::ID, vec![ext])).await;
        assert_merit_err(try_initialize(&mut t, ConfigParams::defaults(6)).await, err);
        assert!(
            !t.exists(&pda::config()).await,
            "{ext:?}: config was created"
        );
    }
    // A plain SPL Token mint with a freeze authority is refused too.
    let mut t = TestContext::with_options(opts(
        anchor_spl::token::ID,
        vec![MintExtension::FreezeAuthority],
    ))
    .await;
    assert_merit_err(
        try_initialize(&mut t, ConfigParams::defaults(6)).await,
        MeritError::MintHasFreezeAuthority,
    );
    assert!(!t.exists(&pda::config()).await);
}

#[tokio::test]
async fn initialize_rejects_out_of_range_params() {
    let mut t = TestContext::with_options(opts(anchor_spl::token::ID, vec![])).await;
    let base = ConfigParams::defaults(6);
    let bad = [
        ConfigParams {
            vote_bond_bps: 0,
            ..base
        },
        ConfigParams {
            vote_bond_bps: 10_001,
            ..base
        },
        ConfigParams {
            incoherence_slash_bps: 10_001,
            ..base
        },
        ConfigParams {
            slasher_reward_bps: 10_001,
            ..base
        },
        ConfigParams {
            coherence_tolerance: 101,
            ..base
        },
        ConfigParams {
            min_validator_stake: 0,
            ..base
        },
        ConfigParams {
            min_committee_size: 2,
            ..base
        },
        ConfigParams {
            max_committee_size: 17,
            ..base
        },
        ConfigParams {
            min_committee_size: 9,
            max_committee_size: 8,
            ..base
        },
        ConfigParams {
            max_quorum_bps: 7_501,
            ..base
        },
        ConfigParams {
            max_reject_threshold: 90,
            max_accept_threshold: 90,
            ..base
        },
        ConfigParams {
            max_accept_threshold: 101,
            ..base
        },
        ConfigParams {
            unstake_cooldown_secs: -1,
            ..base
        },
        ConfigParams {
            min_phase_secs: 0,
            ..base
        },
        ConfigParams {
            max_task_duration_secs: 1,
            ..base
        },
        ConfigParams {
            max_submissions_per_task: 0,
            ..base
        },
        ConfigParams {
            min_submission_bond: 0,
            ..base
        },
        // Free tasks, or emissions of 100% of the fee, would make self-dealing for
        // emissions free again.
        ConfigParams {
            task_fee_bps: 0,
            ..base
        },
        ConfigParams {
            task_fee_bps: 2_001,
            ..base
        },
        ConfigParams {
            emission_cap_bps: 10_000,
            ..base
        },
        // Free submissions would make squatting a task's slots free again.
        ConfigParams {
            min_submission_fee: 0,
            ..base
        },
        ConfigParams {
            max_submission_fee: base.min_submission_fee - 1,
            ..base
        },
        ConfigParams {
            keeper_bounty_lamports: u64::MAX,
            ..base
        },
    ];
    for params in bad {
        assert_merit_err(
            try_initialize(&mut t, params).await,
            MeritError::InvalidConfigParam,
        );
    }
    assert!(!t.exists(&pda::config()).await);
}

#[tokio::test]
async fn initialize_twice_is_rejected() {
    let mut t = TestContext::new().await;
    let res = try_initialize(&mut t, ConfigParams::defaults(6)).await;
    assert_fails(res);
    assert_eq!(t.config().await.admin, t.admin().pubkey());
}

#[tokio::test]
async fn a_parameter_change_applies_only_after_its_timelock() {
    let mut t = TestContext::new().await;
    let admin = t.admin();
    let anyone = t.actor(0).await;
    let timelock = t.config().await.params.param_timelock_secs;
    assert_eq!(timelock, 2 * 24 * 3600);
    let mut params = ConfigParams::defaults(6);
    params.coherence_tolerance = 5;
    // A proposal that would shorten the timelock still waits for the current one.
    params.param_timelock_secs = merit::constants::MIN_PARAM_TIMELOCK_SECS;
    params.unstake_cooldown_secs = merit::constants::MIN_PARAM_TIMELOCK_SECS;
    let now = t.now();
    let ix = t.client().propose_config(admin.pubkey(), params);
    t.send(&[ix], &[&admin]).await.unwrap();
    let config = t.config().await;
    assert_eq!(config.pending_params(), Some(params));
    assert_eq!(config.pending_params_eta, now + timelock);
    assert_eq!(
        config.params.coherence_tolerance, 15,
        "nothing changes at proposal"
    );
    // One second early: refused, and nothing changes.
    t.set_time(now + timelock - 1);
    let apply = t.client().apply_config(anyone.pubkey());
    assert_merit_err(
        t.send(std::slice::from_ref(&apply), &[&anyone]).await,
        MeritError::TimelockNotElapsed,
    );
    assert_eq!(t.config().await.params, suite_params());
    // At the second: anyone applies it, once.
    t.set_time(now + timelock);
    t.send(std::slice::from_ref(&apply), &[&anyone])
        .await
        .unwrap();
    let config = t.config().await;
    assert_eq!(config.params, params);
    assert_eq!(config.pending_params(), None);
    assert_merit_err(
        t.send(&[apply], &[&anyone]).await,
        MeritError::NoPendingConfig,
    );
}

#[tokio::test]
async fn a_parameter_change_never_alters_a_running_task() {
    let mut t = TestContext::new().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let args = t.task_args();
    let task = t.create_task(&creator, args).await;
    let before = t.task(&task).await;
    let mut params = ConfigParams::defaults(6);
    params.incoherence_slash_bps = 10_000;
    params.slasher_reward_bps = 2_000;
    params.coherence_tolerance = 0;
    params.vote_bond_bps = 10_000;
    params.keeper_bounty_lamports = 1_000_000;
    params.task_fee_bps = 2_000;
    params.emission_cap_bps = 0;
    t.change_params(params).await;
    assert_eq!(t.config().await.params, params);
    let after = t.task(&task).await;
    assert_eq!(after.rules, before.rules);
    assert_eq!(after.terms_hash, before.terms_hash);
    assert_eq!(
        (after.protocol_fee, after.emission_cap),
        (before.protocol_fee, before.emission_cap)
    );
}

#[tokio::test]
async fn parameter_proposals_are_validated_admin_only_and_cancellable() {
    let mut t = TestContext::new().await;
    let admin = t.admin();
    let mallory = t.actor(0).await;
    let mut params = ConfigParams::defaults(6);
    // Out of range at proposal time: refused.
    params.vote_bond_bps = 0;
    let ix = t.client().propose_config(admin.pubkey(), params);
    assert_merit_err(
        t.send(&[ix], &[&admin]).await,
        MeritError::InvalidConfigParam,
    );
    // A slasher may never be paid more than 20% of a slash.
    params = ConfigParams::defaults(6);
    params.slasher_reward_bps = 2_001;
    let ix = t.client().propose_config(admin.pubkey(), params);
    assert_merit_err(
        t.send(&[ix], &[&admin]).await,
        MeritError::InvalidConfigParam,
    );
    // Not the admin: refused.
    params.slasher_reward_bps = 2_000;
    let ix = t.client().propose_config(mallory.pubkey(), params);
    assert_merit_err(t.send(&[ix], &[&mallory]).await, MeritError::NotAdmin);
    assert_eq!(t.config().await.pending_params(), None);
    // Cancel: admin only, and only something pending.
    let ix = t.client().cancel_config(admin.pubkey());
    assert_merit_err(t.send(&[ix], &[&admin]).await, MeritError::NoPendingConfig);
    let ix = t.client().propose_config(admin.pubkey(), params);
    t.send(&[ix], &[&admin]).await.unwrap();
    let ix = t.client().cancel_config(mallory.pubkey());
    assert_merit_err(t.send(&[ix], &[&mallory]).await, MeritError::NotAdmin);
    let ix = t.client().cancel_config(admin.pubkey());
    t.send(&[ix], &[&admin]).await.unwrap();
    let eta = t.now() + 2 * 24 * 3600;
    t.set_time(eta);
    let ix = t.client().apply_config(mallory.pubkey());
    assert_merit_err(
        t.send(&[ix], &[&mallory]).await,
        MeritError::NoPendingConfig,
    );
    assert_eq!(t.config().await.params, suite_params());
}

#[tokio::test]
async fn set_paused_by_non_admin_is_rejected() {
    let mut t = TestContext::new().await;
    let mallory = t.actor(0).await;
    let ix = t.client().set_paused(mallory.pubkey(), true);
    assert_merit_err(t.send(&[ix], &[&mallory]).await, MeritError::NotAdmin);
    assert!(!t.config().await.paused);
}

#[tokio::test]
async fn admin_transfer_takes_two_steps() {
    let mut t = TestContext::new().await;
    let admin = t.admin();
    let next = t.actor(0).await;
    let mallory = t.actor(0).await;

    let ix = t
        .client()
        .propose_admin(mallory.pubkey(), Some(mallory.pubkey()));
    assert_merit_err(t.send(&[ix], &[&mallory]).await, MeritError::NotAdmin);

    let ix = t
        .client()
        .propose_admin(admin.pubkey(), Some(next.pubkey()));
    t.send(&[ix], &[&admin]).await.unwrap();
    assert_eq!(t.config().await.pending_admin(), Some(next.pubkey()));
    assert_eq!(t.config().await.admin, admin.pubkey());

    let ix = t.client().accept_admin(mallory.pubkey());
    assert_merit_err(
        t.send(&[ix], &[&mallory]).await,
        MeritError::NotPendingAdmin,
    );

    let ix = t.client().accept_admin(next.pubkey());
    t.send(&[ix], &[&next]).await.unwrap();
    let config = t.config().await;
    assert_eq!(config.admin, next.pubkey());
    assert_eq!(config.pending_admin(), None);

    // The accepted proposal is spent: accepting again fails.
    let ix = t.client().accept_admin(next.pubkey());
    assert_merit_err(t.send(&[ix], &[&next]).await, MeritError::NotPendingAdmin);
    // The old admin lost its rights.
    let ix = t.client().set_paused(admin.pubkey(), true);
    assert_merit_err(t.send(&[ix], &[&admin]).await, MeritError::NotAdmin);
}

#[tokio::test]
async fn propose_admin_none_withdraws_the_proposal() {
    let mut t = TestContext::new().await;
    let admin = t.admin();
    let next = t.actor(0).await;
    let ix = t
        .client()
        .propose_admin(admin.pubkey(), Some(next.pubkey()));
    t.send(&[ix], &[&admin]).await.unwrap();
    let ix = t.client().propose_admin(admin.pubkey(), None);
    t.send(&[ix], &[&admin]).await.unwrap();
    let ix = t.client().accept_admin(next.pubkey());
    assert_merit_err(t.send(&[ix], &[&next]).await, MeritError::NotPendingAdmin);
}

#[tokio::test]
async fn pause_blocks_new_activity_but_users_can_always_get_out() {
    let mut t = TestContext::new().await;
    let admin = t.admin();
    let creator = t.actor(5_000 * TOKEN).await;
    let alice = t.staker(100 * TOKEN, 10 * TOKEN).await;
    let bob = t.staker(100 * TOKEN, 0).await;
    let val = t.validator(1_000 * TOKEN, 0).await;
    let args = t.task_args();
    let task = t.create_task(&creator, args).await;
    let sub = t.submit(&alice, task, 1).await;
    let args2 = t.task_args();

    let c = t.client();
    let pause = |p: bool| c.set_paused(admin.pubkey(), p);
    let ix = pause(true);
    t.send(&[ix], &[&admin]).await.unwrap();
    assert!(t.config().await.paused);

    assert_merit_err(t.deposit(&alice, TOKEN).await, MeritError::ProtocolPaused);
    assert_merit_err(
        t.try_create_task(&creator, args2.clone()).await,
        MeritError::ProtocolPaused,
    );
    assert_merit_err(
        t.try_submit(&bob, task, [9; 32]).await,
        MeritError::ProtocolPaused,
    );
    // A running task's windows stand still while paused: resume to reach the commits,
    // pause inside the commit window: commits are refused.
    t.send(&[pause(false)], &[&admin]).await.unwrap();
    t.to_commit_phase(&task).await;
    t.send(&[pause(true)], &[&admin]).await.unwrap();
    assert_merit_err(
        t.try_commit(&val, task, sub, 80).await,
        MeritError::ProtocolPaused,
    );

    // Resume to commit; paused inside the reveal window, reveals still work.
    t.send(&[pause(false)], &[&admin]).await.unwrap();
    t.try_commit(&val, task, sub, 80).await.unwrap();
    t.to_reveal_phase(&task).await;
    t.send(&[pause(true)], &[&admin]).await.unwrap();
    t.try_reveal(&val, task, sub, 80).await.unwrap();
    // Past the reveal deadline, finalization, claims and unstaking work while paused.
    t.send(&[pause(false)], &[&admin]).await.unwrap();
    t.to_finalize_phase(&task).await;
    t.send(&[pause(true)], &[&admin]).await.unwrap();
    t.finalize_submission(&val, task, sub).await.unwrap();
    t.finalize_task(&val, task).await.unwrap();
    t.claim_submission(&alice, task).await.unwrap();
    t.claim_vote(&val, task, sub).await.unwrap();
    let ix = t.client().request_unstake(alice.pubkey(), 100 * TOKEN);
    t.send(&[ix], &[&alice]).await.unwrap();
    t.set_time(t.now() + ConfigParams::defaults(6).unstake_cooldown_secs);
    let ix = t.client().withdraw_stake(alice.pubkey());
    t.send(&[ix], &[&alice]).await.unwrap();
    assert!(t.balance(&alice.pubkey()).await > 110 * TOKEN);
    t.reclaim_task(&creator, task).await.unwrap();
}

#[tokio::test]
async fn a_task_paused_mid_commit_is_judged_and_paid_after_resume() {
    let mut t = TestContext::new().await;
    let (creator, keeper) = (t.actor(2_000 * TOKEN).await, t.actor(0).await);
    let alice = t.staker(100 * TOKEN, 0).await;
    let val = t.validator(200 * TOKEN, 0).await;
    let args = t.task_args();
    let task = t.create_task(&creator, args).await;
    let sub = t.submit(&alice, task, 1).await;
    t.to_commit_phase(&task).await;
    let state = t.task(&task).await;
    // Ten minutes into the commit window the protocol pauses, for three days: far past
    // every deadline of the task.
    t.set_time(state.submission_reveal_deadline + 600);
    let admin = t.admin();
    let pause = |on| t.client().set_paused(admin.pubkey(), on);
    let (on, off) = (pause(true), pause(false));
    t.send(&[on], &[&admin]).await.unwrap();
    let paused = 3 * 24 * 3600;
    t.set_time(state.submission_reveal_deadline + 600 + paused);
    // While paused the task's clock stands still: nothing can be finalized.
    assert_merit_err(
        t.finalize_submission(&keeper, task, sub).await,
        MeritError::RoundNotOver,
    );
    t.send(&[off], &[&admin]).await.unwrap();
    let config = t.config().await;
    assert_eq!(config.paused_total_secs, paused);
    // After resuming, the commit window has the ~50 minutes it had left.
    let state = t.task(&task).await;
    assert_eq!(
        state.clock(config.pause(), t.now()).unwrap(),
        state.submission_reveal_deadline + 600
    );
    t.try_commit(&val, task, sub, 90).await.unwrap();
    t.set_time(state.commit_deadline + paused);
    t.try_reveal(&val, task, sub, 90).await.unwrap();
    t.set_time(state.reveal_deadline + paused - 1);
    assert_merit_err(
        t.finalize_submission(&keeper, task, sub).await,
        MeritError::RoundNotOver,
    );
    t.set_time(state.reveal_deadline + paused);
    t.finalize_submission(&keeper, task, sub).await.unwrap();
    t.finalize_task(&keeper, task).await.unwrap();
    t.claim_submission(&alice, task).await.unwrap();
    assert_eq!(t.submission(&sub).await.outcome, Outcome::Accepted);
    assert_eq!(t.balance(&alice.pubkey()).await, 800 * TOKEN);
    // A task created after the pause is not shifted by it.
    let args = t.task_args();
    let later = t.create_task(&creator, args).await;
    let fresh = t.task(&later).await;
    assert_eq!(fresh.paused_base, paused);
    assert_eq!(
        fresh.clock(t.config().await.pause(), t.now()).unwrap(),
        t.now()
    );
}
