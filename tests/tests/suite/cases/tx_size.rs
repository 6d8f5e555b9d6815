//! Every transaction the client builds fits in a packet, with the longest arguments.
use anchor_lang::prelude::Pubkey;
use merit_client::{pda, ConfigParams, CreateTaskArgs};
use merit_tests::*;

use merit_localnet::PACKET_DATA_SIZE;

#[tokio::test]
async fn every_instruction_fits_in_one_transaction() {
    let mut t = TestContext::new().await;
    let c = t.client();
    let k = Pubkey::new_unique;
    let (a, b, task, sub) = (t.actor(0).await, k(), k(), k());
    let args = CreateTaskArgs {
        id: u64::MAX,
        spec_hash: [255; 32],
        uri: "u".repeat(200),
        reward: u64::MAX,
        submission_deadline: i64::MAX,
        submission_reveal_deadline: i64::MAX,
        commit_deadline: i64::MAX,
        reveal_deadline: i64::MAX,
        bond: u64::MAX,
        submission_fee: u64::MAX,
        committee_size: u8::MAX,
        quorum_seats: u16::MAX,
        accept_threshold: 100,
        reject_threshold: 100,
        validator_share_bps: 10_000,
        max_submissions: u16::MAX,
        min_reputation_submit: 10_000,
        min_reputation_vote: 10_000,
    };
    let ap = a.pubkey();
    let ixs = vec![
        c.initialize(ap, ConfigParams::defaults(6)),
        c.propose_config(ap, ConfigParams::defaults(6)),
        c.cancel_config(ap),
        c.apply_config(ap),
        c.set_paused(ap, true),
        c.propose_admin(ap, Some(b)),
        c.accept_admin(ap),
        c.deposit_stake(ap, u64::MAX),
        c.request_unstake(ap, u64::MAX),
        c.withdraw_stake(ap),
        c.create_task(ap, args),
        c.cancel_task(ap, task),
        c.submit(ap, task, [255; 32], [255; 32]),
        c.reveal_submission(ap, task, [255; 32], [255; 32], "u".repeat(200)),
        c.commit_vote(ap, task, sub, 1, [255; 32]),
        c.reveal_vote(ap, task, sub, 1, 100, [255; 32]),
        c.finalize_submission(ap, task, b, u64::MAX, Some([255; 32]), Some(1), false),
        c.finalize_task(ap, task),
        c.slash_submission(ap, task, b),
        c.slash_vote(ap, task, sub, 1, b),
        c.claim_submission(ap, task),
        c.claim_vote(ap, task, sub, 1),
        c.fund_emissions(ap, u64::MAX, u64::MAX),
        c.advance_epoch(ap, u64::MAX - 1, u64::MAX),
        c.claim_submission_emission(ap, task, u64::MAX),
        c.claim_vote_emission(ap, task, sub, 1, u64::MAX),
        c.withdraw_vested(ap),
        c.reclaim_task(ap, task),
        c.close_vote(sub, 1, b, b),
        c.close_submission(task, b),
        c.close_content_claim(ap, [255; 32], b),
        c.expire_task(ap, task),
        c.expire_epoch(ap, u64::MAX),
    ];
    assert_eq!(
        ixs.len(),
        33,
        "every builder (claims with the vesting accounts they always pass)"
    );
    for ix in ixs {
        let tx = t
            .net
            .transaction(std::slice::from_ref(&ix), &[&a])
            .await
            .unwrap();
        let size = tx.message.serialize().len() + 1 + 64 * tx.signatures.len();
        assert!(
            size <= PACKET_DATA_SIZE,
            "{:?} is {size} bytes",
            ix.data.get(..8)
        );
    }
    assert_ne!(pda::config(), pda::stake_vault());
}
