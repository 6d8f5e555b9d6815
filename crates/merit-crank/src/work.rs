//! Due work, discovered from chain state and the clock alone: a snapshot of every Merit
//! account the keeper acts on, handed to [`merit_client::keeper::due`].
use crate::chain::{Chain, ChainError};
use merit_client::keeper::{due, Snapshot};
use merit_client::{pda, AccountKind};

pub use merit_client::keeper::Work;

/// Everything due now, in the order it must run (see [`merit_client::keeper::due`]).
pub async fn discover<C: Chain>(chain: &mut C) -> Result<Vec<Work>, ChainError> {
    let now = chain.now().await?;
    let Some(config) = chain.account(&pda::config()).await? else {
        return Ok(Vec::new());
    };
    let kinds = [
        AccountKind::Task,
        AccountKind::Submission,
        AccountKind::Round,
        AccountKind::Vote,
        AccountKind::Stake,
        AccountKind::Epoch,
        AccountKind::ContentClaim,
        AccountKind::Vesting,
    ];
    let mut accounts = chain.merit_accounts(&kinds).await?;
    accounts.push((pda::config(), config));
    Ok(due(&Snapshot::from_accounts(now, &accounts)))
}
