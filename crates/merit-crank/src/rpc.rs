//! [`Chain`] over JSON-RPC, for devnet and mainnet.
// `get_program_accounts_with_config` is deprecated in favour of a UI-account variant;
// the raw bytes are what the keeper decodes.
#![allow(deprecated)]

use crate::chain::{Chain, ChainError};
use anchor_lang::prelude::Pubkey;
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
use solana_signature::Signature;
use solana_signer::Signer;
use solana_transaction::Transaction;
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

impl RpcChain {
    /// An RPC failure: `Unreachable` when nothing answered at the endpoint.
    fn rpc_err(&self, e: ClientError) -> ChainError {
        if let solana_rpc_client_api::client_error::ErrorKind::Reqwest(r) = e.kind() {
            if r.is_connect() || r.is_timeout() {
                return ChainError::Unreachable(self.rpc.url());
            }
        }
        // `getAccountInfo` wraps a transport failure as "AccountNotFound: pubkey=...:
        // error sending request for url (...)": it is no answer, not a missing account.
        let text = e.to_string();
        if text.contains("error sending request for url") {
            return ChainError::Unreachable(self.rpc.url());
        }
        ChainError::Rpc(text)
    }
}

impl RpcChain {
    /// The endpoint this chain talks to.
    pub fn url(&self) -> String {
        self.rpc.url()
    }

    /// `getProgramAccounts` filtered by the kind's discriminator, and by `with`: a key at
    /// a byte offset.
    async fn accounts_of(
        &self,
        kind: AccountKind,
        with: Option<(usize, &Pubkey)>,
    ) -> Result<Vec<(Pubkey, Vec<u8>)>, ChainError> {
        let mut filters = vec![RpcFilterType::Memcmp(Memcmp::new_raw_bytes(
            0,
            kind.discriminator().to_vec(),
        ))];
        if let Some((offset, key)) = with {
            filters.push(RpcFilterType::Memcmp(Memcmp::new_raw_bytes(
                offset,
                key.to_bytes().to_vec(),
            )));
        }
        let config = RpcProgramAccountsConfig {
            filters: Some(filters),
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
            .map_err(|e| self.rpc_err(e))?;
        Ok(accounts.into_iter().map(|(k, a)| (k, a.data)).collect())
    }
}

impl Chain for RpcChain {
    fn signer(&self) -> Pubkey {
        self.keeper.pubkey()
    }

    fn fee_payer(&self) -> Pubkey {
        self.keeper.pubkey()
    }

    fn budget(&self, n: usize) -> Vec<Instruction> {
        let mut ixs = vec![crate::compute_limit(n)];
        if self.priority_fee > 0 {
            ixs.push(merit_client::compute_unit_price(self.priority_fee));
        }
        ixs
    }

    async fn now(&mut self) -> Result<i64, ChainError> {
        let clock = self
            .rpc
            .get_account_data(&CLOCK)
            .await
            .map_err(|e| self.rpc_err(e))?;
        // Clock: slot, epoch_start_timestamp, epoch, leader_schedule_epoch, unix_timestamp.
        let bytes: [u8; 8] = clock
            .get(32..40)
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| ChainError::Decode {
                key: CLOCK,
                reason: "malformed clock sysvar".into(),
            })?;
        Ok(i64::from_le_bytes(bytes))
    }

    async fn merit_accounts(
        &mut self,
        kinds: &[AccountKind],
    ) -> Result<Vec<(Pubkey, Vec<u8>)>, ChainError> {
        let mut out = Vec::new();
        for kind in kinds {
            out.extend(self.accounts_of(*kind, None).await?);
        }
        Ok(out)
    }

    async fn merit_accounts_with(
        &mut self,
        kind: AccountKind,
        offset: usize,
        key: &Pubkey,
    ) -> Result<Vec<(Pubkey, Vec<u8>)>, ChainError> {
        self.accounts_of(kind, Some((offset, key))).await
    }

    async fn account(&mut self, key: &Pubkey) -> Result<Option<Vec<u8>>, ChainError> {
        let res = self
            .rpc
            .get_account_with_commitment(key, CommitmentConfig::confirmed())
            .await
            .map_err(|e| self.rpc_err(e))?;
        Ok(res.value.map(|a| a.data))
    }

    async fn merit_account(&mut self, key: &Pubkey) -> Result<Option<Vec<u8>>, ChainError> {
        let res = self
            .rpc
            .get_account_with_commitment(key, CommitmentConfig::confirmed())
            .await
            .map_err(|e| self.rpc_err(e))?;
        match res.value {
            Some(a) if a.owner == merit::ID => Ok(Some(a.data)),
            Some(a) => Err(ChainError::NotMerit {
                key: *key,
                owner: a.owner,
            }),
            None => Ok(None),
        }
    }

    async fn genesis_hash(&mut self) -> Result<String, ChainError> {
        self.rpc
            .get_genesis_hash()
            .await
            .map(|h| h.to_string())
            .map_err(|e| self.rpc_err(e))
    }

    async fn owner(&mut self, key: &Pubkey) -> Result<Option<Pubkey>, ChainError> {
        let res = self
            .rpc
            .get_account_with_commitment(key, CommitmentConfig::confirmed())
            .await
            .map_err(|e| self.rpc_err(e))?;
        Ok(res.value.map(|a| a.owner))
    }

    async fn balance(&mut self, key: &Pubkey) -> Result<u64, ChainError> {
        self.rpc.get_balance(key).await.map_err(|e| self.rpc_err(e))
    }

    async fn send(&mut self, ixs: &[Instruction]) -> Result<Signature, TxError> {
        let mut all = self.budget(ixs.len());
        all.extend_from_slice(ixs);
        let blockhash = self
            .rpc
            .get_latest_blockhash()
            .await
            .map_err(|e| TxError::other(format!("RPC error: {e}")))?;
        let tx = Transaction::new_signed_with_payer(
            &all,
            Some(&self.keeper.pubkey()),
            &[&self.keeper],
            blockhash,
        );
        self.rpc
            .send_and_confirm_transaction(&tx)
            .await
            .map_err(|e| match e.get_transaction_error() {
                // A failed instruction is reported in the caller's numbering: the
                // compute-budget instructions put first are not counted.
                Some(err) => {
                    let mut tx_err = TxError::from_transaction_error(err);
                    let budget = (all.len() - ixs.len()) as u8;
                    tx_err.index = tx_err.index.map(|i| i.saturating_sub(budget));
                    tx_err
                }
                None => TxError::other(format!("RPC error: {e}")),
            })
    }
}
