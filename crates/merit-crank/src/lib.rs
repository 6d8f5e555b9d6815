//! The keeper's logic: discover all due work from chain state alone, pack it into
//! transactions within the size limit, send, and tell work another keeper already did
//! (a named program error) from real failures. Chain access goes through [`Chain`], so the
//! same discovery and packing run against a cluster or the in-process bank.

pub mod chain;
#[cfg(feature = "local")]
pub mod local;
pub mod rpc;
pub mod work;

pub use chain::{decode_at, Chain, ChainError};
#[cfg(feature = "local")]
pub use local::LocalChain;
pub use rpc::RpcChain;
pub use work::{discover, Work};

use anchor_lang::solana_program::instruction::Instruction;
use merit::error::MeritError;
use merit_client::MeritClient;

/// What one pass did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PassSummary {
    /// Due items discovered.
    pub found: usize,
    /// Transactions sent.
    pub sent: usize,
    /// Items whose instruction succeeded.
    pub confirmed: usize,
    /// Items another keeper did first (recognised from the program's error).
    pub lost_to_other_keepers: usize,
    /// Items due but not ready yet (a draw whose chain of slots is not produced): tried
    /// again on the next pass, never backed off (a backed-off seeding could let the target
    /// age out of `SlotHashes` and the draw fall back).
    pub not_ready: usize,
    /// Items that failed for another reason, with the error.
    pub failed: Vec<(Work, String)>,
    /// Lamports the keeper gained (bounties less fees).
    pub lamports_earned: i64,
}

/// Program errors that mean "someone already did this": counted as done, never retried.
pub fn already_done(code: Option<u32>) -> bool {
    let merit = |e: MeritError| anchor_lang::error::ERROR_CODE_OFFSET + e as u32;
    let Some(code) = code else { return false };
    [
        merit(MeritError::AlreadyFinalized),
        merit(MeritError::TaskAlreadyFinalized),
        merit(MeritError::AlreadySlashed),
        merit(MeritError::EpochAlreadyClosed),
        merit(MeritError::WrongEpochIndex),
        merit(MeritError::EpochNotOver),
        merit(MeritError::NothingToSweep),
        merit(MeritError::AlreadyDrawn),
        // An absence already reported, or a round another keeper closed first.
        merit(MeritError::NotAbsent),
        merit(MeritError::RoundClosed),
        // The account was closed by another keeper.
        anchor_lang::error::ErrorCode::AccountNotInitialized as u32,
    ]
    .contains(&code)
}

/// Program errors that mean "not yet": the item is retried on the next pass, not backed
/// off.
pub fn not_yet(code: Option<u32>) -> bool {
    code == Some(anchor_lang::error::ERROR_CODE_OFFSET + MeritError::DrawNotReady as u32)
}

/// Splits `items` into consecutive groups whose transactions, as `chain` sends them (its
/// fee payer and compute-budget instructions), fit in a packet: the one packer,
/// [`merit_client::pack`].
pub fn pack<C: Chain>(chain: &C, items: &[Work], client: &MeritClient) -> Vec<Vec<Work>> {
    let signer = chain.signer();
    let ixs: Vec<Instruction> = items
        .iter()
        .map(|w| w.instruction(client, &signer))
        .collect();
    merit_client::pack(&ixs, &chain.budget(items.len()), &chain.fee_payer())
        .into_iter()
        .map(|run| items[run].to_vec())
        .collect()
}

/// The compute-unit limit a transaction of `n` keeper instructions asks for.
pub fn compute_limit(n: usize) -> Instruction {
    let per_ix = 120_000u32;
    merit_client::compute_unit_limit((per_ix * n.max(1) as u32).min(1_400_000))
}

/// Runs one pass: discover, pack, send, classify.
pub async fn run_pass<C: Chain>(
    chain: &mut C,
    client: &MeritClient,
) -> Result<PassSummary, ChainError> {
    let work = discover(chain).await?;
    execute(chain, client, work).await
}

/// Packs and sends `work`; items another keeper already did count as lost, not failed.
pub async fn execute<C: Chain>(
    chain: &mut C,
    client: &MeritClient,
    work: Vec<Work>,
) -> Result<PassSummary, ChainError> {
    let keeper = chain.signer();
    let before = chain.balance(&keeper).await?;
    let mut summary = PassSummary {
        found: work.len(),
        ..PassSummary::default()
    };
    for group in pack(chain, &work, client) {
        let ixs: Vec<Instruction> = group
            .iter()
            .map(|w| w.instruction(client, &keeper))
            .collect();
        summary.sent += 1;
        match chain.send(&ixs).await {
            Ok(_) => summary.confirmed += group.len(),
            Err(_) => {
                // One bad item fails the whole transaction: retry each on its own.
                for w in group {
                    summary.sent += 1;
                    match chain.send(&[w.instruction(client, &keeper)]).await {
                        Ok(_) => summary.confirmed += 1,
                        Err(e) if already_done(e.code) => summary.lost_to_other_keepers += 1,
                        Err(e) if not_yet(e.code) => summary.not_ready += 1,
                        Err(e) => {
                            let text = failure_text(&e, &[w.instruction(client, &keeper)]);
                            summary.failed.push((w, text))
                        }
                    }
                }
            }
        }
    }
    let after = chain.balance(&keeper).await?;
    summary.lamports_earned = after as i64 - before as i64;
    Ok(summary)
}

/// A failed item's error as the program names it (`DrawNotDue (merit error 6050): ...`,
/// not `custom program error: 0x17a2`), or the transport's words.
pub fn failure_text(e: &merit_client::TxError, ixs: &[Instruction]) -> String {
    match merit_client::errors::explain(e, ixs) {
        Some(named) => named.to_string(),
        None => e.to_string(),
    }
}

/// Lamports a keeper must hold to start: enough for fees and the rent of new epochs.
pub const MIN_KEEPER_LAMPORTS: u64 = 10_000_000;

/// Refuses a keeper that cannot pay fees.
pub async fn ensure_can_pay<C: Chain>(chain: &mut C) -> Result<u64, ChainError> {
    let signer = chain.signer();
    let balance = chain.balance(&signer).await?;
    if balance < MIN_KEEPER_LAMPORTS {
        return Err(ChainError::InsufficientFunds {
            signer,
            balance,
            needed: MIN_KEEPER_LAMPORTS,
        });
    }
    Ok(balance)
}

/// The deployment (stake mint and token program) read from the chain's config.
pub async fn deployment<C: Chain>(chain: &mut C) -> Result<MeritClient, ChainError> {
    let config = config(chain).await?;
    Ok(MeritClient::new(config.stake_mint, config.token_program))
}

/// The deployment's config account.
pub async fn config<C: Chain>(chain: &mut C) -> Result<merit_client::Config, ChainError> {
    let key = merit_client::pda::config();
    let data = chain
        .merit_account(&key)
        .await?
        .ok_or(ChainError::NoDeployment)?;
    decode_at(&key, &data)
}

/// When work that failed for a reason other than a lost race may be tried again:
/// after 1, 2, 4, ... seconds, up to an hour.
#[derive(Debug, Default)]
pub struct RetrySchedule {
    next: std::collections::BTreeMap<Work, (u32, std::time::Instant)>,
}

impl RetrySchedule {
    pub fn is_due(&self, work: &Work, now: std::time::Instant) -> bool {
        self.next.get(work).is_none_or(|(_, at)| now >= *at)
    }

    /// Records a pass's outcome: failures back off, everything else is forgotten.
    pub fn record(&mut self, summary: &PassSummary, attempted: &[Work], now: std::time::Instant) {
        for w in attempted {
            if !summary.failed.iter().any(|(f, _)| f == w) {
                self.next.remove(w);
            }
        }
        for (w, _) in &summary.failed {
            let attempts = self.next.get(w).map(|(n, _)| n + 1).unwrap_or(1);
            let wait = std::time::Duration::from_secs((1u64 << attempts.min(12)).min(3_600));
            self.next.insert(w.clone(), (attempts, now + wait));
        }
    }

    pub fn attempts(&self, work: &Work) -> u32 {
        self.next.get(work).map(|(n, _)| *n).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn a_draw_not_ready_is_retried_on_the_next_pass_never_backed_off() {
        let merit = |e: MeritError| Some(anchor_lang::error::ERROR_CODE_OFFSET + e as u32);
        assert!(not_yet(merit(MeritError::DrawNotReady)));
        assert!(!already_done(merit(MeritError::DrawNotReady)));
        assert!(already_done(merit(MeritError::AlreadyDrawn)));
        assert!(!not_yet(merit(MeritError::DrawNotDue)));
        let w = Work::Draw {
            task: anchor_lang::prelude::Pubkey::new_unique(),
        };
        let mut s = RetrySchedule::default();
        let t0 = Instant::now();
        let pass = PassSummary {
            not_ready: 1,
            ..PassSummary::default()
        };
        s.record(&pass, std::slice::from_ref(&w), t0);
        assert!(s.is_due(&w, t0), "tried again on the very next pass");
        assert_eq!(s.attempts(&w), 0);
    }

    #[test]
    fn a_failed_item_is_named_as_the_program_names_it() {
        let code = anchor_lang::error::ERROR_CODE_OFFSET + MeritError::DrawNotDue as u32;
        let e = merit_client::TxError {
            code: Some(code),
            index: Some(0),
            message: format!("custom program error: {code:#x}"),
        };
        let client = MeritClient::new(
            anchor_lang::prelude::Pubkey::new_unique(),
            anchor_lang::prelude::Pubkey::new_unique(),
        );
        let keeper = anchor_lang::prelude::Pubkey::new_unique();
        let ix = Work::Draw {
            task: anchor_lang::prelude::Pubkey::new_unique(),
        }
        .instruction(&client, &keeper);
        let text = failure_text(&e, &[ix]);
        assert!(
            text.contains("DrawNotDue") && text.contains(&code.to_string()),
            "{text}"
        );
        assert!(!text.contains("0x"), "{text}");
    }

    #[test]
    fn failed_work_backs_off_exponentially_and_is_forgotten_on_success() {
        let w = Work::FinalizeTask {
            task: anchor_lang::prelude::Pubkey::new_unique(),
        };
        let mut s = RetrySchedule::default();
        let t0 = Instant::now();
        let failed = PassSummary {
            failed: vec![(w.clone(), "boom".into())],
            ..PassSummary::default()
        };
        s.record(&failed, std::slice::from_ref(&w), t0);
        assert_eq!(s.attempts(&w), 1);
        assert!(!s.is_due(&w, t0 + Duration::from_millis(1_999)));
        assert!(s.is_due(&w, t0 + Duration::from_secs(2)));
        s.record(&failed, std::slice::from_ref(&w), t0);
        assert!(!s.is_due(&w, t0 + Duration::from_secs(3)));
        assert!(s.is_due(&w, t0 + Duration::from_secs(4)));
        s.record(&PassSummary::default(), std::slice::from_ref(&w), t0);
        assert_eq!(s.attempts(&w), 0);
        assert!(s.is_due(&w, t0));
    }
}
