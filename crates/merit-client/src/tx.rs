//! What every sender of Merit transactions shares, whatever the chain behind it: the
//! network's size limit, the size of a signed transaction, compute-budget instructions,
//! and a transaction failure with its program error code.
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::error::InstructionError;
use anchor_lang::solana_program::instruction::Instruction;
use solana_transaction::{Transaction, TransactionError};
use std::fmt;
use std::ops::Range;

/// Largest serialized transaction the network accepts.
pub const PACKET_DATA_SIZE: usize = 1_232;

/// Serialized size of a signed transaction, in bytes (an unsigned one has the same size).
pub fn transaction_size(tx: &Transaction) -> usize {
    // Signatures are prefixed by a compact length (one byte below 128 signatures).
    tx.message.serialize().len() + 1 + 64 * tx.signatures.len()
}

/// A compute-budget instruction setting the transaction's compute-unit limit.
pub fn compute_unit_limit(units: u32) -> Instruction {
    solana_compute_budget_interface::ComputeBudgetInstruction::set_compute_unit_limit(units)
}

/// A compute-budget instruction setting the priority fee, in micro-lamports per unit.
pub fn compute_unit_price(micro_lamports: u64) -> Instruction {
    solana_compute_budget_interface::ComputeBudgetInstruction::set_compute_unit_price(
        micro_lamports,
    )
}

/// Splits `ixs` into consecutive runs, greedily, each as long as fits in one transaction
/// made of `prefix` (the compute-budget instructions the sender adds) and the run, paid
/// by `payer`. Sized without signing: an unsigned transaction has the size of a signed
/// one. An instruction too large to fit even alone gets a run of its own, whose send then
/// fails with its own error. The one packer of the crank, the in-process chain and the CLI.
pub fn pack(ixs: &[Instruction], prefix: &[Instruction], payer: &Pubkey) -> Vec<Range<usize>> {
    let fits = |run: &[Instruction]| {
        let mut all = Vec::with_capacity(prefix.len() + run.len());
        all.extend_from_slice(prefix);
        all.extend_from_slice(run);
        transaction_size(&Transaction::new_with_payer(&all, Some(payer))) <= PACKET_DATA_SIZE
    };
    let mut runs = Vec::new();
    let mut start = 0;
    while start < ixs.len() {
        let mut end = start + 1;
        while end < ixs.len() && fits(&ixs[start..=end]) {
            end += 1;
        }
        runs.push(start..end);
        start = end;
    }
    runs
}

/// Why a transaction failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TxError {
    /// The custom program error code, when the failing instruction returned one.
    pub code: Option<u32>,
    /// The index of the failing instruction in the transaction, when one failed.
    pub index: Option<u8>,
    pub message: String,
}

impl TxError {
    /// A failure that is not a program error (transport, RPC, missing account).
    pub fn other(message: impl Into<String>) -> Self {
        TxError {
            code: None,
            index: None,
            message: message.into(),
        }
    }

    /// A failed transaction's error, with its custom program error code when it has one.
    pub fn from_transaction_error(err: TransactionError) -> Self {
        let (code, index) = match &err {
            TransactionError::InstructionError(i, InstructionError::Custom(c)) => {
                (Some(*c), Some(*i))
            }
            TransactionError::InstructionError(i, _) => (None, Some(*i)),
            _ => (None, None),
        };
        TxError {
            code,
            index,
            message: err.to_string(),
        }
    }
}

impl fmt::Display for TxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.code {
            Some(code) => write!(f, "custom program error {code}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for TxError {}
