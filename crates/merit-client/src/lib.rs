//! Rust client for the Merit program. It owns PDA derivation ([`pda`]), a builder for
//! every instruction ([`MeritClient`]), account decoding ([`decode`]) and the vote
//! commitment ([`vote_commitment`]). The CLI, the in-process chain and the tests all go
//! through it; nothing else derives a Merit address by hand.

pub mod builders;
pub mod pda;

pub use builders::MeritClient;
pub use merit;
pub use merit::instructions::CreateTaskArgs;
pub use merit::state::{
    vote_commitment, Config, ConfigParams, ContentClaim, Outcome, Stake, Submission, Task,
    TaskState, Vote,
};

use anchor_lang::{AccountDeserialize, Discriminator};

/// The program id every builder targets.
pub const PROGRAM_ID: anchor_lang::prelude::Pubkey = merit::ID;

/// Decodes a Merit account from its raw data, checking its discriminator.
pub fn decode<T: AccountDeserialize>(data: &[u8]) -> anchor_lang::Result<T> {
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
}

impl AccountKind {
    pub const ALL: [AccountKind; 6] = [
        AccountKind::Config,
        AccountKind::Stake,
        AccountKind::Task,
        AccountKind::Submission,
        AccountKind::Vote,
        AccountKind::ContentClaim,
    ];

    pub fn discriminator(self) -> &'static [u8] {
        match self {
            AccountKind::Config => Config::DISCRIMINATOR,
            AccountKind::Stake => Stake::DISCRIMINATOR,
            AccountKind::Task => Task::DISCRIMINATOR,
            AccountKind::Submission => Submission::DISCRIMINATOR,
            AccountKind::Vote => Vote::DISCRIMINATOR,
            AccountKind::ContentClaim => ContentClaim::DISCRIMINATOR,
        }
    }

    pub fn of(data: &[u8]) -> Option<AccountKind> {
        Self::ALL
            .into_iter()
            .find(|k| data.starts_with(k.discriminator()))
    }
}
