use anchor_lang::error::ErrorCode;
use merit_client::builders::replace_account;
use merit_tests::*;

#[tokio::test]
async fn create_task_escrows_reward_and_keeper_bounties() {
    let mut t = TestContext::new().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let args = t.task_args();
    let lamports_before = t.net.lamports(&creator.pubkey()).await;
    let task = t.create_task(&creator, args.clone()).await;
    let state = t.task(&task).await;
    let bounty = ConfigParams::defaults(6).keeper_bounty_lamports;
    assert_eq!(state.creator, creator.pubkey());
    assert_eq!(state.reward, args.reward);
    assert_eq!(state.uri(), args.uri);
    assert_eq!(
        state.bounty_remaining,
        bounty * (3 * u64::from(args.max_submissions) + 3)
    );
    assert_eq!(
        t.net.token_balance(&pda::task_vault(&task)).await,
        args.reward
    );
    assert_eq!(t.balance(&creator.pubkey()).await, 1_000 * TOKEN);
    // 5% of the reward to the treasury, non-refundable; 80% of it is the most the task's
    // participants can ever be paid in emissions.
    assert_eq!(
        (state.protocol_fee, state.emission_cap),
        (50 * TOKEN, 40 * TOKEN)
    );
    assert_eq!(t.net.token_balance(&pda::treasury()).await, 50 * TOKEN);
    let rent = t.net.lamports(&task).await - state.bounty_remaining;
    let vault_rent = t.net.lamports(&pda::task_vault(&task)).await;
    assert_eq!(
        lamports_before - t.net.lamports(&creator.pubkey()).await,
        rent + vault_rent + state.bounty_remaining
    );
}

#[tokio::test]
async fn create_task_rejects_each_out_of_range_argument() {
    let mut t = TestContext::new().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let base = t.task_args();
    let now = t.now();
    let p = suite_params();
    let cases: Vec<(CreateTaskArgs, MeritError)> = vec![
        (
            CreateTaskArgs {
                reward: 0,
                ..base.clone()
            },
            MeritError::ZeroAmount,
        ),
        (
            CreateTaskArgs {
                uri: "x".repeat(201),
                ..base.clone()
            },
            MeritError::UriTooLong,
        ),
        (
            CreateTaskArgs {
                submission_deadline: now,
                ..base.clone()
            },
            MeritError::InvalidDeadlines,
        ),
        (
            CreateTaskArgs {
                submission_reveal_deadline: base.submission_deadline + p.min_phase_secs - 1,
                ..base.clone()
            },
            MeritError::InvalidDeadlines,
        ),
        (
            CreateTaskArgs {
                commit_deadline: base.submission_reveal_deadline + p.min_phase_secs - 1,
                ..base.clone()
            },
            MeritError::InvalidDeadlines,
        ),
        (
            // A reward so small that the squatting floor is below the config's minimum.
            CreateTaskArgs {
                reward: 1_000,
                submission_fee: p.min_submission_fee - 1,
                ..base.clone()
            },
            MeritError::InvalidSubmissionFee,
        ),
        (
            CreateTaskArgs {
                submission_fee: squat_floor(&base) - 1,
                ..base.clone()
            },
            MeritError::SubmissionFeeBelowFloor,
        ),
        (
            // A seat would be paid less than a fifth of its bond (suite: 10% bond).
            CreateTaskArgs {
                validator_share_bps: 199,
                ..base.clone()
            },
            MeritError::JudgingUnderpaid,
        ),
        (
            CreateTaskArgs {
                submission_fee: p.max_submission_fee + 1,
                ..base.clone()
            },
            MeritError::InvalidSubmissionFee,
        ),
        (
            CreateTaskArgs {
                reveal_deadline: base.commit_deadline,
                ..base.clone()
            },
            MeritError::InvalidDeadlines,
        ),
        (
            CreateTaskArgs {
                reveal_deadline: now + p.max_task_duration_secs + 1,
                ..base.clone()
            },
            MeritError::TaskTooLong,
        ),
        (
            CreateTaskArgs {
                reject_threshold: 0,
                ..base.clone()
            },
            MeritError::InvalidThresholds,
        ),
        (
            CreateTaskArgs {
                reject_threshold: 70,
                accept_threshold: 60,
                ..base.clone()
            },
            MeritError::InvalidThresholds,
        ),
        (
            CreateTaskArgs {
                accept_threshold: 101,
                ..base.clone()
            },
            MeritError::InvalidThresholds,
        ),
        (
            CreateTaskArgs {
                validator_share_bps: 10_001,
                ..base.clone()
            },
            MeritError::InvalidBps,
        ),
        (
            CreateTaskArgs {
                max_submissions: 0,
                ..base.clone()
            },
            MeritError::InvalidMaxSubmissions,
        ),
        (
            CreateTaskArgs {
                max_submissions: p.max_submissions_per_task + 1,
                ..base.clone()
            },
            MeritError::InvalidMaxSubmissions,
        ),
        (
            CreateTaskArgs {
                committee_size: p.min_committee_size - 1,
                ..base.clone()
            },
            MeritError::InvalidCommitteeSize,
        ),
        (
            CreateTaskArgs {
                committee_size: p.max_committee_size + 1,
                ..base.clone()
            },
            MeritError::InvalidCommitteeSize,
        ),
        (
            CreateTaskArgs {
                bond: p.min_submission_bond - 1,
                ..base.clone()
            },
            MeritError::BondTooSmall,
        ),
        (
            CreateTaskArgs {
                quorum_seats: 0,
                ..base.clone()
            },
            MeritError::InvalidQuorum,
        ),
        (
            // 16 expected seats and at most half of them as quorum: 9 is out of reach.
            CreateTaskArgs {
                committee_size: 16,
                quorum_seats: 9,
                ..base.clone()
            },
            MeritError::InvalidQuorum,
        ),
        (
            CreateTaskArgs {
                reject_threshold: 60,
                accept_threshold: 60,
                ..base.clone()
            },
            MeritError::InvalidThresholds,
        ),
        (
            CreateTaskArgs {
                reject_threshold: p.max_reject_threshold + 1,
                accept_threshold: p.max_reject_threshold + 2,
                ..base.clone()
            },
            MeritError::InvalidThresholds,
        ),
        (
            CreateTaskArgs {
                accept_threshold: p.max_accept_threshold + 1,
                ..base.clone()
            },
            MeritError::InvalidThresholds,
        ),
        (
            CreateTaskArgs {
                min_reputation_vote: p.reputation_start_bps + 1,
                ..base.clone()
            },
            MeritError::InvalidReputation,
        ),
    ];
    let fee = t.protocol_fee(base.reward).await;
    t.mint_to(&creator.pubkey(), fee).await;
    for (args, err) in cases {
        let task = pda::task(&creator.pubkey(), args.id);
        assert_merit_err(t.try_create_task_raw(&creator, args).await, err);
        assert!(!t.exists(&task).await);
    }
    assert_eq!(t.balance(&creator.pubkey()).await, 2_000 * TOKEN + fee);
}

#[tokio::test]
async fn create_task_with_more_reward_than_balance_fails() {
    let mut t = TestContext::new().await;
    let creator = t.actor(10 * TOKEN).await;
    let args = t.task_args();
    assert_fails(t.try_create_task(&creator, args).await);
}

#[tokio::test]
async fn create_task_with_a_reused_id_is_rejected() {
    let mut t = TestContext::new().await;
    let creator = t.actor(3_000 * TOKEN).await;
    let args = t.task_args();
    t.create_task(&creator, args.clone()).await;
    assert_fails(t.try_create_task_raw(&creator, args).await);
    assert_eq!(t.balance(&creator.pubkey()).await, 2_000 * TOKEN);
}

#[tokio::test]
async fn create_task_paying_from_someone_elses_account_is_rejected() {
    let mut t = TestContext::new().await;
    let victim = t.actor(2_000 * TOKEN).await;
    let mallory = t.actor(0).await;
    let args = t.task_args();
    let c = t.client();
    let mut ix = c.create_task(mallory.pubkey(), args);
    replace_account(&mut ix, &c.ata(&mallory.pubkey()), &c.ata(&victim.pubkey()));
    assert_anchor_err(
        t.send(&[ix], &[&mallory]).await,
        ErrorCode::ConstraintTokenOwner,
    );
}

#[tokio::test]
async fn cancel_task_refunds_everything_but_the_protocol_fee_and_closes() {
    let mut t = TestContext::new().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let lamports_before = t.net.lamports(&creator.pubkey()).await;
    let args = t.task_args();
    let task = t.create_task(&creator, args).await;
    let ix = t.client().cancel_task(creator.pubkey(), task);
    t.send(&[ix], &[&creator]).await.unwrap();
    assert!(!t.exists(&task).await);
    assert!(!t.exists(&pda::task_vault(&task)).await);
    assert_eq!(t.balance(&creator.pubkey()).await, 2_000 * TOKEN);
    assert_eq!(t.net.lamports(&creator.pubkey()).await, lamports_before);
    // The protocol fee is not refunded: posting tasks is never free.
    let fee = t.protocol_fee(1_000 * TOKEN).await;
    assert!(fee > 0);
    assert_eq!(t.net.token_balance(&pda::treasury()).await, fee);
}

#[tokio::test]
async fn cancel_task_by_someone_else_is_rejected() {
    let mut t = TestContext::new().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let mallory = t.actor(0).await;
    let args = t.task_args();
    let task = t.create_task(&creator, args).await;
    let ix = t.client().cancel_task(mallory.pubkey(), task);
    assert_merit_err(t.send(&[ix], &[&mallory]).await, MeritError::NotTaskCreator);
    assert!(t.exists(&task).await);
}

#[tokio::test]
async fn cancel_task_after_a_submission_is_rejected() {
    let mut t = TestContext::new().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let alice = t.staker(100 * TOKEN, 0).await;
    let args = t.task_args();
    let task = t.create_task(&creator, args).await;
    t.submit(&alice, task, 1).await;
    let ix = t.client().cancel_task(creator.pubkey(), task);
    assert_merit_err(
        t.send(&[ix], &[&creator]).await,
        MeritError::TaskHasSubmissions,
    );
    assert_eq!(
        t.net.token_balance(&pda::task_vault(&task)).await,
        1_000 * TOKEN + FEE
    );
}

#[tokio::test]
async fn cancel_task_twice_fails() {
    let mut t = TestContext::new().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let args = t.task_args();
    let task = t.create_task(&creator, args).await;
    let ix = t.client().cancel_task(creator.pubkey(), task);
    t.send(std::slice::from_ref(&ix), &[&creator])
        .await
        .unwrap();
    // The closed task is the system program's empty account again: the zero-copy task's
    // loader checks its owner first.
    assert_anchor_err(
        t.send(&[ix], &[&creator]).await,
        ErrorCode::AccountOwnedByWrongProgram,
    );
    assert!(t.net.raw_account(&task).await.is_none());
}

#[tokio::test]
async fn task_with_no_submissions_can_be_finalized_and_fully_reclaimed() {
    let mut t = TestContext::new().await;
    let creator = t.actor(2_000 * TOKEN).await;
    let keeper = t.actor(0).await;
    let args = t.task_args();
    let task = t.create_task(&creator, args).await;
    t.to_finalize_phase(&task).await;
    t.finalize_task(&keeper, task).await.unwrap();
    t.reclaim_task(&creator, task).await.unwrap();
    assert!(!t.exists(&task).await);
    assert_eq!(t.balance(&creator.pubkey()).await, 2_000 * TOKEN);
}
