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
use crate::constants::{DRAW_DOMAIN, SEED_DOMAIN};
use anchor_lang::prelude::*;

/// The committee seed of `task`, from the hash of the slot the draw targeted.
pub fn task_seed(task: &Pubkey, slot: u64, slot_hash: &[u8; 32]) -> [u8; 32] {
    solana_sha256_hasher::hashv(&[SEED_DOMAIN, task.as_ref(), &slot.to_le_bytes(), slot_hash])
        .to_bytes()
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

/// The first slot at or after `target` in the `SlotHashes` sysvar's data, with its hash.
/// Entries are newest first; a skipped slot has none, so the next produced slot stands in.
/// `None` when no entry is at or after `target`, or when the oldest entry is already past
/// `target` (it may have aged out, so the answer would not be the first).
pub fn slot_hash_at_or_after(data: &[u8], target: u64) -> Option<(u64, [u8; 32])> {
    let len_bytes: [u8; 8] = data.get(..8)?.try_into().ok()?;
    let len = usize::try_from(u64::from_le_bytes(len_bytes)).ok()?;
    let len = len.min(data.len().saturating_sub(8) / ENTRY);
    let slot_at = |i: usize| -> Option<u64> {
        let start = 8 + i * ENTRY;
        Some(u64::from_le_bytes(
            data.get(start..start + 8)?.try_into().ok()?,
        ))
    };
    if len == 0 || slot_at(len - 1)? > target || slot_at(0)? < target {
        return None;
    }
    // Entries are sorted by slot, descending: find the last index whose slot >= target.
    let (mut lo, mut hi) = (0usize, len - 1);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if slot_at(mid)? >= target {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let start = 8 + lo * ENTRY;
    let hash: [u8; 32] = data.get(start + 8..start + ENTRY)?.try_into().ok()?;
    Some((slot_at(lo)?, hash))
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

    #[test]
    fn slot_hash_lookup_takes_the_first_produced_slot_at_or_after_the_target() {
        let data = sysvar(&[20, 19, 17, 16, 12]);
        assert_eq!(slot_hash_at_or_after(&data, 17).map(|x| x.0), Some(17));
        assert_eq!(
            slot_hash_at_or_after(&data, 18).map(|x| x.0),
            Some(19),
            "skipped slot"
        );
        assert_eq!(slot_hash_at_or_after(&data, 13).map(|x| x.0), Some(16));
        assert_eq!(slot_hash_at_or_after(&data, 12).map(|x| x.0), Some(12));
        assert_eq!(
            slot_hash_at_or_after(&data, 20).map(|x| x.1),
            Some([20; 32])
        );
        assert_eq!(slot_hash_at_or_after(&data, 21), None, "not produced yet");
        assert_eq!(slot_hash_at_or_after(&data, 11), None, "may have aged out");
        assert_eq!(slot_hash_at_or_after(&sysvar(&[]), 1), None);
        assert_eq!(slot_hash_at_or_after(&[1, 2], 1), None, "malformed");
    }
}
