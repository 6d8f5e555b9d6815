//! [`Chain`] over JSON-RPC, for devnet and mainnet.
// `get_program_accounts_with_config` is deprecated in favour of a UI-account variant;
// the raw bytes are what the keeper decodes.
#![allow(deprecated)]

use crate::chain::Chain;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::error::InstructionError;
use anchor_lang::solana_program::instruction::Instruction;
use merit_client::AccountKind;
use merit_client::TxError;
use solana_account_decoder_client_types::UiAccountEncoding;
use solana_commitment_config::CommitmentConfig;
use solana_keypair::Keypair;
use solana_rpc_client::nonblocking::rpc_client::RpcClient;
use solana_rpc_client_api::client_error::Error as ClientError;
use solana_rpc_client_api::config::{RpcAccountInfoConfig, RpcProgramAccountsConfig};
use solana_rpc_client_api::filter::{Memcmp, RpcFilterType};
use solana_signer::Signer;
use solana_transaction::{Transaction, TransactionError};
use std::time::Duration;

/// The clock sysvar's address.
const CLOCK: Pubkey = anchor_lang::prelude::pubkey!("SysvarC1ock11111111111111111111111111111111");

pub struct RpcChain {
    rpc: RpcClient,
    keeper: Keypair,
    /// Priority fee, in micro-lamports per compute unit (0: none).
    priority_fee: u64,
}

impl RpcChain {
    pub fn new(url: String, keeper: Keypair, priority_fee: u64) -> Self {
        RpcChain {
            rpc: RpcClient::new_with_timeout_and_commitment(
                url,
                Duration::from_secs(30),
                CommitmentConfig::confirmed(),
            ),
            keeper,
            priority_fee,
        }
    }
}

fn rpc_err(e: ClientError) -> String {
    format!("RPC error: {e}")
}

impl RpcChain {
    /// `getProgramAccounts` filtered by the kind's discriminator.
    async fn accounts_of(&self, kind: AccountKind) -> Result<Vec<(Pubkey, Vec<u8>)>, String> {
        let config = RpcProgramAccountsConfig {
            filters: Some(vec![RpcFilterType::Memcmp(Memcmp::new_raw_bytes(
                0,
                kind.discriminator().to_vec(),
            ))]),
            account_config: RpcAccountInfoConfig {
                encoding: Some(UiAccountEncoding::Base64),
                commitment: Some(CommitmentConfig::confirmed()),
                ..RpcAccountInfoConfig::default()
            },
            with_context: None,
            sort_results: None,
        };
        let accounts = self
            .rpc
            .get_program_accounts_with_config(&merit::ID, config)
            .await
            .map_err(rpc_err)?;
        Ok(accounts.into_iter().map(|(k, a)| (k, a.data)).collect())
    }
}

impl Chain for RpcChain {
    fn keeper(&self) -> Pubkey {
        self.keeper.pubkey()
    }

    async fn now(&mut self) -> Result<i64, String> {
        let clock = self.rpc.get_account_data(&CLOCK).await.map_err(rpc_err)?;
        // Clock: slot, epoch_start_timestamp, epoch, leader_schedule_epoch, unix_timestamp.
        let bytes: [u8; 8] = clock
            .get(32..40)
            .and_then(|b| b.try_into().ok())
            .ok_or("malformed clock sysvar")?;
        Ok(i64::from_le_bytes(bytes))
    }

    async fn merit_accounts(
        &mut self,
        kinds: &[AccountKind],
    ) -> Result<Vec<(Pubkey, Vec<u8>)>, String> {
        let mut out = Vec::new();
        for kind in kinds {
            out.extend(self.accounts_of(*kind).await?);
        }
        Ok(out)
    }
    async fn account(&mut self, key: &Pubkey) -> Result<Option<Vec<u8>>, String> {
        let res = self
            .rpc
            .get_account_with_commitment(key, CommitmentConfig::confirmed())
            .await
            .map_err(rpc_err)?;
        Ok(res.value.map(|a| a.data))
    }

    async fn balance(&mut self, key: &Pubkey) -> Result<u64, String> {
        self.rpc.get_balance(key).await.map_err(rpc_err)
    }

    async fn send(&mut self, ixs: &[Instruction]) -> Result<(), TxError> {
        let mut all = vec![crate::compute_limit(ixs.len())];
        if self.priority_fee > 0 {
            all.push(merit_client::compute_unit_price(self.priority_fee));
        }
        all.extend_from_slice(ixs);
        let blockhash = self.rpc.get_latest_blockhash().await.map_err(|e| TxError {
            code: None,
            message: rpc_err(e),
        })?;
        let tx = Transaction::new_signed_with_payer(
            &all,
            Some(&self.keeper.pubkey()),
            &[&self.keeper],
            blockhash,
        );
        self.rpc
            .send_and_confirm_transaction(&tx)
            .await
            .map(|_| ())
            .map_err(|e| TxError {
                code: match e.get_transaction_error() {
                    Some(TransactionError::InstructionError(_, InstructionError::Custom(c))) => {
                        Some(c)
                    }
                    _ => None,
                },
                message: rpc_err(e),
            })
    }
}
