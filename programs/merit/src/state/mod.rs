pub mod config;
pub mod content_claim;
pub mod epoch;
pub mod stake;
pub mod submission;
pub mod task;
pub mod vesting;
pub mod vote;

pub use config::*;
pub use content_claim::*;
pub use epoch::*;
pub use stake::*;
pub use submission::*;
pub use task::*;
pub use vesting::*;
pub use vote::*;

#[cfg(test)]
mod invariant_tests;
