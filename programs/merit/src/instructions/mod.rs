//! One file per instruction: its accounts, `validate()` (run by `access_control`) and
//! handler. Grouped files, each saying why: `admin.rs` (the admin's instructions, one
//! account group), `draw.rs` (a task's draw and a round's, one rule), `expire.rs` (task and
//! epoch expiry), `close_accounts.rs` (closing settled accounts), and `groups.rs` (account
//! groups shared by instruction pairs, not an instruction).
//!
//! Aliasing: every mutable program or token account is marked `dup`, which opts it out of
//! Anchor 1.2.2's duplicate-mutable-account check (a SipHash `HashSet` built on every
//! call: ~12,600 CU on `claim_vote` on SBF). What that check guarded is covered as follows:
//! - two typed program accounts can't be one account: each holds one discriminator and is
//!   pinned by the keys it stores (see `state`: an account's type is its identity); where
//!   two accounts of one type appear (`advance_epoch`'s two epochs) a constraint tells them
//!   apart;
//! - a token account whose address the caller chooses and whose authority is not the
//!   signer (a claimant's, slasher's or withdrawer's destination, a creator's refund
//!   account) is compared with the vaults of the instruction by
//!   [`crate::token::require_distinct`] in `validate()` (`DuplicateTokenAccount`);
//! - a token account with `token::authority = <signer>` can't be a vault, whose
//!   authority is a program PDA.
pub mod admin;
pub mod advance_epoch;
pub mod cancel_task;
pub mod claim_submission;
pub mod claim_submission_emission;
pub mod claim_vote;
pub mod claim_vote_emission;
pub mod close_accounts;
pub mod commit_vote;
pub mod create_task;
pub mod deposit_stake;
pub mod draw;
pub mod expire;
pub mod finalize_submission;
pub mod finalize_task;
pub mod fund_emissions;
pub mod groups;
pub mod initialize;
pub mod reclaim_task;
pub mod report_absence;
pub mod request_unstake;
pub mod reveal_submission;
pub mod reveal_vote;
pub mod slash_submission;
pub mod slash_vote;
pub mod submit;
pub mod sweep_treasury;
pub mod withdraw_stake;
pub mod withdraw_vested;

pub use admin::*;
pub use advance_epoch::*;
pub use cancel_task::*;
pub use claim_submission::*;
pub use claim_submission_emission::*;
pub use claim_vote::*;
pub use claim_vote_emission::*;
pub use close_accounts::*;
pub use commit_vote::*;
pub use create_task::*;
pub use deposit_stake::*;
pub use draw::*;
pub use expire::*;
pub use finalize_submission::*;
pub use finalize_task::*;
pub use fund_emissions::*;
pub use groups::*;
pub use initialize::*;
pub use reclaim_task::*;
pub use report_absence::*;
pub use request_unstake::*;
pub use reveal_submission::*;
pub use reveal_vote::*;
pub use slash_submission::*;
pub use slash_vote::*;
pub use submit::*;
pub use sweep_treasury::*;
pub use withdraw_stake::*;
pub use withdraw_vested::*;
