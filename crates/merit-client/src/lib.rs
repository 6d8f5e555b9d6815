//! Rust client for the Merit program. It owns PDA derivation ([`pda`]), a builder for
//! every instruction ([`MeritClient`]), account decoding ([`decode`]) and the vote and
//! submission commitments ([`vote_commitment`], [`submission_commitment`]). The CLI, the in-process chain and the tests all go
//! through it; nothing else derives a Merit address by hand.

pub mod builders;
pub mod errors;
pub mod keeper;
pub mod pda;
pub mod tx;

pub use builders::MeritClient;
pub use merit;
pub use merit::instructions::CreateTaskArgs;
pub use merit::sortition;
pub use merit::state::{
    scheduled_emission, submission_commitment, vote_commitment, Committee, Config, ConfigParams,
    ContentClaim, ContentStatus, Draw, Epoch, Outcome, Reputation, Round, RoundResult, RoundState,
    Stake, Submission, Task, TaskPhase, TaskState, Vesting, Vote,
};
pub use tx::{
    compute_unit_limit, compute_unit_price, pack, transaction_size, TxError, PACKET_DATA_SIZE,
};

/// The seats `validator` holds on `round`'s committee (a round of a submission to
/// `task`), from chain state: the round's (or, for round 1, the task's) draw, the
/// validator's stake account (`None`: no stake) and the open epoch. 0 means not drawn (or
/// not yet). Whether it may commit them is `Round::seat_check`.
pub fn seats(
    task: &Task,
    round: &Round,
    validator: &anchor_lang::prelude::Pubkey,
    stake: Option<&Stake>,
    current_epoch: u64,
) -> u64 {
    let committee = round.committee(task);
    let active = stake.map_or(0, |s| s.active_at(committee.epoch, current_epoch));
    committee.seats(&round.submission, validator, active)
}

use anchor_lang::{AccountDeserialize, Discriminator};

/// Byte offsets of the owner fields that `getProgramAccounts` filters on (after the
/// 8-byte discriminator; pinned by the CLI's end-to-end test, whose listings filter on
/// them).
pub mod offsets {
    /// `Task.creator` (the task is zero-copy: its `repr(C)` offset).
    pub const TASK_CREATOR: usize = 8 + core::mem::offset_of!(merit::state::Task, creator);
    /// `Submission.task`.
    pub const SUBMISSION_TASK: usize = 8 + 2;
    /// `Submission.contributor`.
    pub const SUBMISSION_CONTRIBUTOR: usize = 8 + 2 + 32;
    /// `Vote.submission`.
    pub const VOTE_SUBMISSION: usize = 8 + 2 + 32;
    /// `Vote.round`.
    pub const VOTE_ROUND: usize = 8 + 2 + 64;
    /// `Vote.validator`.
    pub const VOTE_VALIDATOR: usize = 8 + 2 + 96;
    /// `Round.submission` (the round is zero-copy: its `repr(C)` offset).
    pub const ROUND_SUBMISSION: usize = 8 + core::mem::offset_of!(merit::state::Round, submission);
}

/// The program id every builder targets.
pub const PROGRAM_ID: anchor_lang::prelude::Pubkey = merit::ID;

/// Decodes a Merit account from its raw data, checking its discriminator. A zero-copy
/// task or config is read as it is, so its bytes are checked first (`Task::check_bytes`,
/// `Config::check_bytes`): data at an
/// address nobody checked the owner of is an error, never a panic or an invalid value.
pub fn decode<T: AccountDeserialize>(data: &[u8]) -> anchor_lang::Result<T> {
    if data.starts_with(merit::state::Task::DISCRIMINATOR) {
        merit::state::Task::check_bytes(data)?;
    }
    if data.starts_with(merit::state::Config::DISCRIMINATOR) {
        merit::state::Config::check_bytes(data)?;
    }
    if data.starts_with(merit::state::Round::DISCRIMINATOR) {
        merit::state::Round::check_bytes(data)?;
    }
    let mut slice = data;
    T::try_deserialize(&mut slice)
}

/// The account kind a raw Merit account holds, read from its discriminator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountKind {
    Config,
    Stake,
    Task,
    Submission,
    Vote,
    ContentClaim,
    Epoch,
    Vesting,
    Round,
}

impl AccountKind {
    pub const ALL: [AccountKind; 9] = [
        AccountKind::Config,
        AccountKind::Stake,
        AccountKind::Task,
        AccountKind::Submission,
        AccountKind::Vote,
        AccountKind::ContentClaim,
        AccountKind::Epoch,
        AccountKind::Vesting,
        AccountKind::Round,
    ];

    pub fn discriminator(self) -> &'static [u8] {
        match self {
            AccountKind::Config => Config::DISCRIMINATOR,
            AccountKind::Stake => Stake::DISCRIMINATOR,
            AccountKind::Task => Task::DISCRIMINATOR,
            AccountKind::Submission => Submission::DISCRIMINATOR,
            AccountKind::Vote => Vote::DISCRIMINATOR,
            AccountKind::ContentClaim => ContentClaim::DISCRIMINATOR,
            AccountKind::Epoch => Epoch::DISCRIMINATOR,
            AccountKind::Vesting => Vesting::DISCRIMINATOR,
            AccountKind::Round => Round::DISCRIMINATOR,
        }
    }

    pub fn of(data: &[u8]) -> Option<AccountKind> {
        Self::ALL
            .into_iter()
            .find(|k| data.starts_with(k.discriminator()))
    }
}

#[cfg(test)]
mod decode_tests {
    use super::*;

    /// What an attacker's account at an address a user typed could hold: the task's
    /// discriminator over bytes of another size, or an out-of-range state.
    #[test]
    fn a_look_alike_task_is_an_error_not_a_panic() {
        let size = 8 + core::mem::size_of::<Task>();
        let mut data = vec![0u8; size];
        data[..8].copy_from_slice(Task::DISCRIMINATOR);
        assert!(decode::<Task>(&data).is_ok());
        for len in [8, 40, size - 1, size + 1, size + 64] {
            let mut other = data.clone();
            other.resize(len, 0);
            assert!(decode::<Task>(&other).is_err(), "{len} bytes");
        }
        data[8 + core::mem::offset_of!(Task, state)] = 2;
        assert!(decode::<Task>(&data).is_err());
    }

    #[test]
    fn a_look_alike_config_is_an_error_not_a_panic() {
        let size = 8 + core::mem::size_of::<Config>();
        let mut data = vec![0u8; size];
        data[..8].copy_from_slice(Config::DISCRIMINATOR);
        assert!(decode::<Config>(&data).is_ok());
        assert!(decode::<Config>(&data[..size - 1]).is_err());
        for field in [
            core::mem::offset_of!(Config, paused),
            core::mem::offset_of!(Config, has_pending_admin),
            core::mem::offset_of!(Config, has_pending_params),
        ] {
            let mut bad = data.clone();
            bad[8 + field] = 2;
            assert!(decode::<Config>(&bad).is_err(), "byte {field}");
        }
    }
}
