//! The keeper: what is due, from a snapshot of the chain, by the same rule the crank runs
//! (`merit_client::keeper::due`): absences, rounds closed (a second opened where the first
//! decided nothing), later rounds drawn, slashes, tasks finalized. It leaves accounts open
//! (the simulator reads them to book what each agent earned) and expiries alone.
use super::{merit_error, World};
use anchor_lang::solana_program::instruction::Instruction;
use anyhow::{anyhow, Result};
use merit::error::MeritError;
use merit_client::keeper::{due, Snapshot, Work};
use merit_localnet::{Keypair, Signer};

/// Runs keeper work until nothing more is due now (a few rounds at most: closing a round
/// can make a slash or a task's finalization due).
pub(super) async fn pass(w: &mut World<'_>) -> Result<()> {
    for _ in 0..4 {
        let accounts: Vec<_> = w
            .net
            .merit_accounts()
            .await
            .into_iter()
            .map(|(key, account)| (key, account.data))
            .collect();
        let work: Vec<Work> = due(&Snapshot::from_accounts(w.net.now(), &accounts))
            .into_iter()
            .filter(wanted)
            .collect();
        if work.is_empty() {
            return Ok(());
        }
        let keeper = w.keeper.insecure_clone();
        let items: Vec<(Instruction, Vec<&Keypair>)> = work
            .iter()
            .map(|item| (item.instruction(&w.client, &keeper.pubkey()), vec![&keeper]))
            .collect();
        w.totals.transactions += items.len() as u64;
        let results = w.net.send_batch(&items).await;
        let mut progress = false;
        for (item, result) in work.iter().zip(results) {
            match result {
                Ok(()) => {
                    progress = true;
                    if matches!(item, Work::ReportAbsence { .. }) {
                        w.totals.absences_reported += 1;
                    }
                }
                // A later round's chain of slots is not produced yet: the caller waits.
                Err(e) if e.code == Some(merit_error(MeritError::DrawNotReady)) => {}
                // An earlier item of the pass lowered the validator's stake (a penalty,
                // a slash), and with it its seats: no longer due, as the next pass sees.
                Err(_) if matches!(item, Work::ReportAbsence { .. }) => {}
                Err(e) => return Err(anyhow!("keeper {}: {e}", item.name())),
            }
        }
        if !progress {
            return Ok(());
        }
    }
    Ok(())
}

/// The work the simulated keeper does: everything but closing accounts and expiries.
fn wanted(item: &Work) -> bool {
    !matches!(
        item,
        Work::CloseVote { .. }
            | Work::CloseRound { .. }
            | Work::CloseSubmission { .. }
            | Work::CloseContentClaim { .. }
            | Work::ExpireTask { .. }
            | Work::ExpireEpoch { .. }
            | Work::AdvanceEpoch { .. }
            | Work::SweepTreasury
            | Work::Draw { .. }
    )
}
