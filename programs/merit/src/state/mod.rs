//! Merit's accounts.
//!
//! **An account's type is its identity.** Every account of these types that the program
//! owns was created by one `init` at its PDA (`seeds` in `constants.rs`), and each PDA is
//! created once: one `Config`, one `Epoch` per index, one `Stake` and one `Vesting` per
//! owner, one `Task` per creator and id, one `Submission` per task and contributor, one
//! `Vote` per submission and validator, one `ContentClaim` per content hash. So an
//! instruction that takes an existing account does not re-derive its address
//! (`create_program_address` costs 1,500 compute units each): Anchor's owner and
//! discriminator checks prove what it is, and the keys it stores prove whose it is
//! (`has_one = task`, `stake.owner == signer`, `epoch.index == ...`, the task vault's
//! `address = task.vault`), each a 32-byte comparison. Seeds stay where they must: on
//! `init`/`init_if_needed`, and on an address that may hold no account yet (a validator's
//! own submission; a vesting account, which `payout::VestingSlot` derives only when it
//! is missing and tokens must vest or be taken from it). `Round`s and `Vote`s follow the
//! same rule: one round per submission and index, one vote (or absence record) per round
//! and validator.
use anchor_lang::prelude::*;
pub mod config;
pub mod content_claim;
pub mod draw;
pub mod epoch;
pub mod round;
pub mod stake;
pub mod submission;
pub mod task;
pub mod vesting;
pub mod vote;

pub use config::*;
pub use content_claim::*;
pub use draw::*;
pub use epoch::*;
pub use round::*;
pub use stake::*;
pub use submission::*;
pub use task::*;
pub use vesting::*;
pub use vote::*;

/// What a slash took from (carried by the `Slashed` event).
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlashKind {
    RejectedSubmission,
    MissingReveal,
    IncoherentVote,
    /// A submission displaced from its content claim by an earlier commitment.
    DuplicateSubmission,
    /// A submission whose content was never revealed.
    UnrevealedSubmission,
    /// A validator drawn for a round that never committed (`report_absence`).
    Absent,
}

/// Whether `data` holds a zero-copy `T` the program could have written: its discriminator,
/// then exactly `size_of::<T>()` bytes, each `(offset, max)` byte (an enum's or a bool's)
/// at most `max`. A zero-copy read takes those bytes as they are, so a client checks them
/// before decoding data it did not check the owner of.
pub(crate) fn check_zero_copy<T: anchor_lang::ZeroCopy>(
    data: &[u8],
    bytes: &[(usize, u8)],
) -> anchor_lang::Result<()> {
    let disc = T::DISCRIMINATOR;
    let body = data
        .strip_prefix(disc)
        .filter(|body| body.len() == core::mem::size_of::<T>());
    match body {
        Some(body) if bytes.iter().all(|&(offset, max)| body[offset] <= max) => Ok(()),
        _ => Err(anchor_lang::error::ErrorCode::AccountDidNotDeserialize.into()),
    }
}

#[cfg(test)]
mod invariant_tests;

#[cfg(test)]
mod tests {
    use super::ConfigParams;
    use crate::constants::*;

    /// The defaults clients fill in stay within the caps the program enforces, and the
    /// quorum is half the committee rounded up, at least one seat, within `max_quorum_bps`.
    #[test]
    fn task_defaults_stay_within_the_config_caps() {
        let p = ConfigParams::defaults(6);
        let reward = 1_000_000_000; // 1,000 tokens of 6 decimals
        let d = p.task_defaults(None, reward);
        assert_eq!(d.committee_size, p.max_committee_size);
        assert_eq!(d.quorum_seats, 8); // 16 seats, cap 50% = 8
        assert_eq!((d.accept_threshold, d.reject_threshold), (60, 30));
        assert_eq!(d.max_submissions, p.max_submissions_per_task);
        // The squatting floor: 2 x 800 tokens of contributor pool / 255 other slots.
        assert_eq!(d.bond, p.min_submission_bond);
        assert_eq!(d.submission_fee, 6_274_510);
        assert_eq!(
            p.task_defaults(None, 1_000).submission_fee,
            p.min_submission_fee
        );
        assert_eq!(p.task_defaults(Some(5), reward).quorum_seats, 2); // ceil(5/2) = 3, cap 2
        assert_eq!(p.task_defaults(Some(1), reward).quorum_seats, 1); // cap 0, at least one
        let tight = ConfigParams {
            max_accept_threshold: 55,
            max_reject_threshold: 20,
            max_submissions_per_task: 9,
            max_quorum_bps: 10_000,
            ..p
        };
        let d = tight.task_defaults(Some(7), reward);
        assert_eq!(
            (d.accept_threshold, d.reject_threshold, d.max_submissions),
            (55, 20, 9)
        );
        assert_eq!(d.quorum_seats, 4);
        assert_eq!(d.submit_secs, DEFAULT_SUBMIT_SECS);
    }

    /// Handlers emit events; state methods return what a handler emits (`Stake::record_outcome`
    /// returns a `RepRecorded`, emitted as `ReputationUpdated::from` it). A state file that
    /// emitted would hide a state change from the handler's one list of events; and state
    /// never imports the events (they import state: no two modules import each other).
    #[test]
    fn state_does_not_emit_events() {
        let sources = [
            ("config.rs", include_str!("config.rs")),
            ("content_claim.rs", include_str!("content_claim.rs")),
            ("draw.rs", include_str!("draw.rs")),
            ("epoch.rs", include_str!("epoch.rs")),
            ("round.rs", include_str!("round.rs")),
            ("stake.rs", include_str!("stake.rs")),
            ("submission.rs", include_str!("submission.rs")),
            ("task.rs", include_str!("task.rs")),
            ("vesting.rs", include_str!("vesting.rs")),
            ("vote.rs", include_str!("vote.rs")),
        ];
        for (name, src) in sources {
            assert!(
                !src.contains(concat!("emit", "!(")),
                "state/{name} emits an event"
            );
            assert!(
                !src.contains(concat!("crate::", "events")),
                "state/{name} imports the events"
            );
        }
    }
}
