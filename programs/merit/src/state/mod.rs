pub mod config;
pub mod content_claim;
pub mod stake;
pub mod submission;
pub mod task;
pub mod vote;

pub use config::*;
pub use content_claim::*;
pub use stake::*;
pub use submission::*;
pub use task::*;
pub use vote::*;
