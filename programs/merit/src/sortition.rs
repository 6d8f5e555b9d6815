//! Committees by lot. Every submission's judges are drawn from all active stake, with a
//! seed nobody in the task could choose, by a rule that is O(1) per validator and that
//! every client computes off chain with these same functions.
//!
//! A validator holding `s` of the `T` tokens active at the draw, on a task that asks for
//! an expected committee of `k` seats, gets `floor(k·s/T)` seats plus one more with
//! probability `frac(k·s/T)`, decided by its lot: the first 8 bytes of
//! `sha256("merit:draw:v1" ‖ seed ‖ submission ‖ validator)`. Its expected seats are
//! exactly `k·s/T`, linear in stake, so splitting stake over many keys neither gains nor
//! loses seats in expectation, and every seat weighs the same in the consensus: a
//! committee is a sample of active stake, one seat per draw.
use crate::constants::{
    DRAW_DELAY_SLOTS, DRAW_DOMAIN, DRAW_HOPS, DRAW_HOP_MIN_SLOTS, DRAW_HOP_SPAN_SLOTS,
    FALLBACK_DOMAIN, SEED_DOMAIN,
};
use anchor_lang::prelude::*;

/// The seed a draw falls back to when its target aged out of `SlotHashes` before anyone
/// seeded it: the address of what is drawn (a task, a round) and the `entropy` recorded
/// when the draw was scheduled, so it was fixed before anyone saw the target's committee
/// and no call made later can change it; and, its entropy being unknown while
/// submissions are open, no contributor can grind its key against it.
pub fn fallback_seed(owner: &Pubkey, entropy: &[u8; 32]) -> [u8; 32] {
    solana_sha256_hasher::hashv(&[FALLBACK_DOMAIN, owner.as_ref(), entropy]).to_bytes()
}

/// The hash of the newest slot in the `SlotHashes` sysvar's data (zero when it is empty):
/// the entropy a task's draw records when it is scheduled.
pub fn newest_slot_hash(data: &[u8]) -> Result<[u8; 32]> {
    let bad = || error!(crate::error::MeritError::InvalidSlotHashes);
    let len_bytes: [u8; 8] = data
        .get(..8)
        .ok_or_else(bad)?
        .try_into()
        .map_err(|_| bad())?;
    if u64::from_le_bytes(len_bytes) == 0 {
        return Ok([0; 32]);
    }
    let hash: [u8; 32] = data
        .get(16..48)
        .ok_or_else(bad)?
        .try_into()
        .map_err(|_| bad())?;
    Ok(hash)
}

/// The first slot of a draw scheduled at `slot`.
pub fn target_after(slot: u64) -> u64 {
    slot.saturating_add(DRAW_DELAY_SLOTS)
}

/// Where a draw's seed stands in `SlotHashes` now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChainLookup {
    /// A slot of the chain has not been produced yet: try again later.
    NotYet,
    /// The target is older than every entry: the chain can no longer be read, and the
    /// draw falls back to [`fallback_seed`].
    AgedOut,
    /// The seed, and the last slot mixed into it.
    Seed([u8; 32], u64),
}

/// The committee seed of `owner` from the chain that starts at `target`: the first
/// produced slot at or after `target`, then [`DRAW_HOPS`] more, each the first produced slot
/// at or after `previous + DRAW_HOP_MIN_SLOTS + (hash(previous) mod DRAW_HOP_SPAN_SLOTS)`,
/// all their hashes mixed in. Whoever schedules a draw can time its target, but not where
/// the chain ends: the leader who could grind the last hash is drawn by the hashes before.
pub fn chain(data: &[u8], owner: &Pubkey, target: u64) -> Result<ChainLookup> {
    let mut acc = solana_sha256_hasher::hashv(&[SEED_DOMAIN, owner.as_ref()]).to_bytes();
    let mut at = target;
    let mut last = target;
    for hop in 0..=DRAW_HOPS {
        let (slot, hash) = match slot_hash_at_or_after(data, at)? {
            SlotLookup::Found(slot, hash) => (slot, hash),
            SlotLookup::NotYet => return Ok(ChainLookup::NotYet),
            // Only the target can be older than the sysvar: every hop is newer than it.
            SlotLookup::AgedOut if hop == 0 => return Ok(ChainLookup::AgedOut),
            SlotLookup::AgedOut => return err!(crate::error::MeritError::InvalidSlotHashes),
        };
        acc = solana_sha256_hasher::hashv(&[&acc, &slot.to_le_bytes(), &hash]).to_bytes();
        let mut first = [0u8; 8];
        first.copy_from_slice(&hash[..8]);
        at = slot
            .saturating_add(DRAW_HOP_MIN_SLOTS)
            .saturating_add(u64::from_le_bytes(first) % DRAW_HOP_SPAN_SLOTS);
        last = slot;
    }
    Ok(ChainLookup::Seed(acc, last))
}

/// A validator's lot for one submission: uniform on `u64` for anyone who does not know
/// the seed, fixed for everyone once it is known.
pub fn lot(seed: &[u8; 32], submission: &Pubkey, validator: &Pubkey) -> u64 {
    let h =
        solana_sha256_hasher::hashv(&[DRAW_DOMAIN, seed, submission.as_ref(), validator.as_ref()])
            .to_bytes();
    let mut first = [0u8; 8];
    first.copy_from_slice(&h[..8]);
    u64::from_le_bytes(first)
}

/// Seats for `stake` of `total` active tokens on a committee of expected size `committee`,
/// given the validator's `lot`: `floor(k·s/T)`, plus one when `lot / 2^64 < frac(k·s/T)`.
/// Exact integer arithmetic; zero when there is no stake.
pub fn seats(stake: u64, total: u64, committee: u8, lot: u64) -> u64 {
    if stake == 0 || total == 0 {
        return 0;
    }
    let total = u128::from(total);
    let expected = u128::from(committee) * u128::from(stake);
    let (whole, frac) = (expected / total, expected % total);
    // frac < total <= u64::MAX, so frac << 64 fits; lot * total < 2^128.
    let extra = u128::from(lot) * total < frac << 64;
    u64::try_from(whole).unwrap_or(u64::MAX) + u64::from(extra)
}

/// The seats `validator` holds on `submission`'s committee: [`seats`] of its [`lot`].
pub fn drawn_seats(
    seed: &[u8; 32],
    submission: &Pubkey,
    validator: &Pubkey,
    stake: u64,
    total: u64,
    committee: u8,
) -> u64 {
    seats(stake, total, committee, lot(seed, submission, validator))
}

/// Size in bytes of one `SlotHashes` entry: slot (u64 LE) and hash.
const ENTRY: usize = 40;

/// What `SlotHashes` says of a slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotLookup {
    /// The first produced slot at or after the one asked for, with its hash.
    Found(u64, [u8; 32]),
    /// No entry is at or after it yet: not produced (or not rooted in this bank) yet.
    NotYet,
    /// The oldest entry is already past it: whether a slot between was produced can no
    /// longer be told.
    AgedOut,
}

/// The first slot at or after `target` in the `SlotHashes` sysvar's data, with its hash.
/// Entries are newest first; a skipped slot has none, so the next produced slot stands in.
/// Malformed data (shorter than its length says) is `InvalidSlotHashes`.
pub fn slot_hash_at_or_after(data: &[u8], target: u64) -> Result<SlotLookup> {
    let bad = || error!(crate::error::MeritError::InvalidSlotHashes);
    let len_bytes: [u8; 8] = data
        .get(..8)
        .ok_or_else(bad)?
        .try_into()
        .map_err(|_| bad())?;
    let len = usize::try_from(u64::from_le_bytes(len_bytes)).map_err(|_| bad())?;
    require!(
        len <= data.len().saturating_sub(8) / ENTRY,
        crate::error::MeritError::InvalidSlotHashes
    );
    let slot_at = |i: usize| -> u64 {
        let start = 8 + i * ENTRY;
        let mut b = [0u8; 8];
        b.copy_from_slice(&data[start..start + 8]);
        u64::from_le_bytes(b)
    };
    if len == 0 || slot_at(0) < target {
        return Ok(SlotLookup::NotYet);
    }
    if slot_at(len - 1) > target {
        return Ok(SlotLookup::AgedOut);
    }
    // Entries are sorted by slot, descending: find the last index whose slot >= target.
    let (mut lo, mut hi) = (0usize, len - 1);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if slot_at(mid) >= target {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let start = 8 + lo * ENTRY;
    let mut hash = [0u8; 32];
    hash.copy_from_slice(&data[start + 8..start + ENTRY]);
    Ok(SlotLookup::Found(slot_at(lo), hash))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sysvar(slots: &[u64]) -> Vec<u8> {
        let mut d = (slots.len() as u64).to_le_bytes().to_vec();
        for s in slots {
            d.extend_from_slice(&s.to_le_bytes());
            d.extend_from_slice(&[*s as u8; 32]);
        }
        d
    }

    #[test]
    fn whole_seats_are_certain_and_the_fraction_is_a_lottery() {
        // k·s/T = 16 * 300 / 400 = 12 exactly: 12 seats whatever the lot.
        assert_eq!(seats(300, 400, 16, 0), 12);
        assert_eq!(seats(300, 400, 16, u64::MAX), 12);
        // k·s/T = 9 * 1 / 4 = 2.25: a third seat for lots below a quarter of 2^64.
        assert_eq!(seats(1, 4, 9, (1u64 << 62) - 1), 3);
        assert_eq!(seats(1, 4, 9, 1u64 << 62), 2);
        assert_eq!(seats(0, 4, 9, 0), 0);
        assert_eq!(seats(4, 0, 9, 0), 0);
        assert_eq!(seats(u64::MAX, u64::MAX, 16, u64::MAX), 16);
    }

    #[test]
    fn the_lot_binds_seed_submission_and_validator() {
        let (a, b) = (Pubkey::new_unique(), Pubkey::new_unique());
        let seed = [1; 32];
        assert_eq!(lot(&seed, &a, &b), lot(&seed, &a, &b));
        assert_ne!(lot(&seed, &a, &b), lot(&seed, &b, &a));
        assert_ne!(lot(&seed, &a, &b), lot(&[2; 32], &a, &b));
    }

    fn found(data: &[u8], target: u64) -> Option<u64> {
        match slot_hash_at_or_after(data, target).unwrap() {
            SlotLookup::Found(slot, _) => Some(slot),
            _ => None,
        }
    }

    #[test]
    fn slot_hash_lookup_takes_the_first_produced_slot_at_or_after_the_target() {
        let data = sysvar(&[20, 19, 17, 16, 12]);
        assert_eq!(found(&data, 17), Some(17));
        assert_eq!(found(&data, 18), Some(19), "skipped slot");
        assert_eq!(found(&data, 13), Some(16));
        assert_eq!(found(&data, 12), Some(12));
        assert_eq!(
            slot_hash_at_or_after(&data, 20).unwrap(),
            SlotLookup::Found(20, [20; 32])
        );
        assert_eq!(
            slot_hash_at_or_after(&data, 21).unwrap(),
            SlotLookup::NotYet,
            "not produced yet"
        );
        assert_eq!(
            slot_hash_at_or_after(&data, 11).unwrap(),
            SlotLookup::AgedOut,
            "older than every entry"
        );
        assert_eq!(
            slot_hash_at_or_after(&sysvar(&[]), 1).unwrap(),
            SlotLookup::NotYet
        );
        assert!(slot_hash_at_or_after(&[1, 2], 1).is_err(), "malformed");
        let mut short = sysvar(&[3, 2]);
        short.truncate(8 + 40);
        assert!(
            slot_hash_at_or_after(&short, 2).is_err(),
            "shorter than it says"
        );
    }

    #[test]
    fn a_chain_is_ready_only_once_every_hop_was_produced_and_then_never_changes() {
        let owner = Pubkey::new_unique();
        let upto = |newest: u64| {
            sysvar(
                &(newest.saturating_sub(511)..=newest)
                    .rev()
                    .collect::<Vec<_>>(),
            )
        };
        let target = 1_000;
        assert_eq!(
            chain(&upto(999), &owner, target).unwrap(),
            ChainLookup::NotYet
        );
        let ready = chain(
            &upto(target + crate::constants::DRAW_CHAIN_MAX_SLOTS),
            &owner,
            target,
        )
        .unwrap();
        let ChainLookup::Seed(seed, last) = ready else {
            panic!("ready after the longest chain: {ready:?}");
        };
        assert!(last > target + 3 * DRAW_HOP_MIN_SLOTS);
        assert!(last <= target + crate::constants::DRAW_CHAIN_MAX_SLOTS);
        // Any later view of the sysvar that still holds the target gives the same seed.
        for newest in [last, last + 1, target + 511] {
            assert_eq!(
                chain(&upto(newest), &owner, target).unwrap(),
                ChainLookup::Seed(seed, last)
            );
        }
        assert_eq!(
            chain(&upto(last - 1), &owner, target).unwrap(),
            ChainLookup::NotYet,
            "the last hop not produced yet"
        );
        assert_eq!(
            chain(&upto(target + 512), &owner, target).unwrap(),
            ChainLookup::AgedOut
        );
        let other = chain(&upto(target + 511), &Pubkey::new_unique(), target).unwrap();
        assert_ne!(
            other,
            ChainLookup::Seed(seed, last),
            "the seed binds its owner"
        );
        let entropy = [7u8; 32];
        assert_ne!(fallback_seed(&owner, &entropy), seed);
        assert_eq!(
            fallback_seed(&owner, &entropy),
            fallback_seed(&owner, &entropy)
        );
        assert_ne!(
            fallback_seed(&owner, &entropy),
            fallback_seed(&owner, &[8; 32]),
            "the fallback binds the entropy recorded at scheduling"
        );
    }

    #[test]
    fn the_newest_slot_hash_is_the_first_entry() {
        let mut data = 2u64.to_le_bytes().to_vec();
        for (slot, byte) in [(20u64, 2u8), (19, 1)] {
            data.extend_from_slice(&slot.to_le_bytes());
            data.extend_from_slice(&[byte; 32]);
        }
        assert_eq!(newest_slot_hash(&data).unwrap(), [2; 32]);
        assert_eq!(newest_slot_hash(&0u64.to_le_bytes()).unwrap(), [0; 32]);
        assert!(newest_slot_hash(&data[..20]).is_err());
        assert!(newest_slot_hash(&[1, 2]).is_err());
    }
}
