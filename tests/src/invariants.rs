//! Invariants checked after every step: exact token conservation, the stake vault equal
//! to the sum of stakes, each task vault equal to what it still owes, the treasury equal
//! to what was slashed into it plus the fees no judge earned, locked stake equal to the open bonds and within deposits,
//! the config's active and warming stake equal to the sums over stake accounts,
//! claims and slashes happening at most once.
use crate::{pda, TestContext};
use anchor_lang::prelude::Pubkey;
use merit_client::{Config, Round, RoundState, Stake, Submission, Task, Vesting, Vote};
use std::collections::BTreeMap;
use std::collections::BTreeSet;

/// What the checker remembers of accounts between steps, including closed ones.
#[derive(Default)]
pub struct Ledger {
    /// submission or vote -> (task, reward paid, claimed, slashed)
    seen: BTreeMap<Pubkey, (Pubkey, u64, bool, bool)>,
    /// (task, terms hash) -> its protocol fee and the submission fees it sent to the
    /// treasury (kept after the task closes; a task re-created at the same address with
    /// other terms is another entry)
    fees_to_treasury: BTreeMap<(Pubkey, [u8; 32]), u64>,
}

impl Ledger {
    /// Records what an account shows now, panicking if a claim or slash was undone
    /// or a payout changed after its claim.
    fn observe(&mut self, key: Pubkey, task: Pubkey, paid: u64, claimed: bool, slashed: bool) {
        if let Some(&(_, old_paid, old_claimed, old_slashed)) = self.seen.get(&key) {
            assert!(!old_claimed || claimed, "{key}: claim flag was cleared");
            assert!(!old_slashed || slashed, "{key}: slash flag was cleared");
            if old_claimed {
                assert_eq!(old_paid, paid, "{key}: paid again after its claim");
            }
        }
        self.seen.insert(key, (task, paid, claimed, slashed));
    }

    fn paid_for_task(&self, task: &Pubkey) -> u64 {
        self.seen
            .values()
            .filter(|(t, ..)| t == task)
            .map(|(_, paid, ..)| *paid)
            .sum()
    }
}

impl TestContext {
    /// Checks every invariant against the chain, panicking with the broken rule.
    pub async fn check_invariants(&mut self) {
        let mut expected_locked: BTreeMap<Pubkey, u64> = BTreeMap::new();

        for key in self.submissions.clone() {
            if let Some(s) = self.net.account::<Submission>(&key).await {
                self.ledger
                    .observe(key, s.task, s.reward_paid, s.claimed, s.slashed);
                if !s.claimed && !s.slashed {
                    *expected_locked.entry(s.contributor).or_default() += s.bond;
                }
            }
        }
        // round -> (live tracked votes, what their claims were paid)
        let mut round_votes: BTreeMap<Pubkey, (u8, u64)> = BTreeMap::new();
        for key in self.votes.clone() {
            if let Some(v) = self.net.account::<Vote>(&key).await {
                self.ledger
                    .observe(key, v.task, v.reward_paid, v.claimed, v.slashed);
                if !v.claimed {
                    *expected_locked.entry(v.validator).or_default() += v.bond_remaining;
                }
                let entry = round_votes.entry(v.round).or_default();
                entry.0 += 1;
                entry.1 += v.reward_paid;
                assert!(
                    !v.absent || (v.slashed && !v.revealed && !v.claimed && v.bond_remaining == 0),
                    "{key}: an absence record is slashed, never revealed nor claimed"
                );
            }
        }
        // submission -> live tracked rounds
        let mut live_rounds: BTreeMap<Pubkey, u8> = BTreeMap::new();
        for key in self.rounds.clone() {
            if let Some(r) = self.net.account::<Round>(&key).await {
                r.invariant()
                    .unwrap_or_else(|e| panic!("{key}: round accounting broken: {e}"));
                let (votes, paid) = round_votes.get(&key).copied().unwrap_or_default();
                assert!(
                    votes <= r.open_votes,
                    "{key}: more live votes than the round counts"
                );
                assert!(
                    paid <= r.paid,
                    "{key}: its votes were paid more than the round paid"
                );
                assert!(
                    r.state == RoundState::Decided || r.pool == 0,
                    "{key}: a round that decided nothing holds a judges' pool"
                );
                *live_rounds.entry(r.submission).or_default() += 1;
            }
        }
        for key in self.content_claims.clone() {
            if let Some(c) = self.net.account::<merit_client::ContentClaim>(&key).await {
                c.invariant()
                    .unwrap_or_else(|e| panic!("{key}: content claim broken: {e}"));
            }
        }
        for (sub, live) in live_rounds {
            if let Some(s) = self.net.account::<Submission>(&sub).await {
                assert!(
                    live <= s.open_rounds && s.open_rounds <= s.round,
                    "{sub}: its open rounds do not match its round accounts"
                );
            }
        }

        let config = self.net.account::<Config>(&pda::config()).await;
        let current_epoch = config.as_ref().map_or(0, |c| c.current_epoch);
        let (mut deposited, mut active, mut warming) = (0u64, 0u64, 0u64);
        for owner in self.stakers.clone() {
            if let Some(stake) = self.net.account::<Stake>(&pda::stake(&owner)).await {
                assert!(
                    stake.locked + stake.unstaking <= stake.deposited,
                    "{owner}: locked + unstaking exceeds deposited"
                );
                assert_eq!(
                    stake.locked,
                    expected_locked.get(&owner).copied().unwrap_or(0),
                    "{owner}: locked stake differs from its open bonds"
                );
                deposited += stake.deposited;
                let warm = stake.warming_at(current_epoch);
                warming += warm;
                active += stake.staked() - warm;
            }
        }
        let treasury_pending = config.as_ref().map_or(0, |c| c.treasury_pending);
        let stake_vault = self.net.token_balance(&pda::stake_vault()).await;
        assert_eq!(
            stake_vault,
            deposited + treasury_pending,
            "stake vault != sum of deposits + the treasury's pending share of slashes"
        );

        for key in self.tasks.clone() {
            if let Some(t) = self.net.account::<Task>(&key).await {
                let fees = t.protocol_fee + t.to_treasury;
                let old = self
                    .ledger
                    .fees_to_treasury
                    .insert((key, t.terms_hash), fees);
                assert!(
                    old.unwrap_or(0) <= fees,
                    "{key}: fees sent to the treasury went down"
                );
                assert!(
                    t.emission_paid <= t.emission_cap && t.emission_cap < t.protocol_fee,
                    "{key}: emission above the task's cap, or a cap not below its fee"
                );
            }
        }
        let fees_to_treasury: u64 = self.ledger.fees_to_treasury.values().sum();
        let treasury = self.net.token_balance(&pda::treasury()).await;
        let emission_vault = self.net.token_balance(&pda::emission_vault()).await;
        let vesting_vault = self.net.token_balance(&pda::vesting_vault()).await;
        if let Some(config) = config {
            assert_eq!(
                treasury + config.treasury_pending,
                config.total_slashed_to_treasury + fees_to_treasury,
                "treasury + pending != slashed to it + protocol fees + what tasks sent it"
            );
            assert_eq!(
                emission_vault,
                config.emission_funded - config.emission_paid,
                "emission vault != funded - paid"
            );
            assert!(
                config.emission_reserved <= emission_vault,
                "closed epochs promise more than the emission vault holds"
            );
            assert_eq!(
                (config.total_active_stake, config.total_warming_stake),
                (active, warming),
                "config's active/warming stake != sum over stakes"
            );
        }
        let mut vesting_held = 0u64;
        let owners: BTreeSet<Pubkey> = self.wallets.union(&self.stakers).copied().collect();
        for owner in owners {
            if let Some(v) = self.net.account::<Vesting>(&pda::vesting(&owner)).await {
                assert_eq!(
                    v.unlocked + v.unvested,
                    v.total_granted - v.total_withdrawn - v.total_slashed,
                    "{owner}: vesting balance != granted - withdrawn - slashed"
                );
                vesting_held += v.unlocked + v.unvested;
            }
        }
        assert_eq!(
            vesting_vault, vesting_held,
            "vesting vault != sum of vesting balances"
        );

        let mut task_vaults = 0u64;
        for key in self.tasks.clone() {
            let vault = self.net.token_balance(&pda::task_vault(&key)).await;
            task_vaults += vault;
            if let Some(t) = self.net.account::<Task>(&key).await {
                assert_eq!(
                    vault,
                    t.vault_expected().unwrap(),
                    "{key}: task vault != reward + fees - paid - reclaimed - fees to treasury"
                );
                assert!(
                    t.contributor_liability + t.validator_liability <= vault,
                    "{key}: task owes more than its vault holds"
                );
                assert_eq!(
                    t.paid_out,
                    self.ledger.paid_for_task(&key),
                    "{key}: paid_out != sum of claims"
                );
                assert!(
                    t.paid_out + t.reclaimed <= t.reward + t.fees - t.to_treasury,
                    "{key}: paid above reward and judges' fees"
                );
            } else {
                assert_eq!(vault, 0, "{key}: closed task left tokens behind");
            }
        }

        let mut wallets = 0u64;
        for owner in self.wallets.clone() {
            wallets += self.net.wallet_balance(&owner).await;
        }
        assert_eq!(
            wallets + stake_vault + treasury + task_vaults + emission_vault + vesting_vault,
            self.minted,
            "tokens were created or destroyed"
        );
    }
}
