//! Chain access: one small trait, implemented over JSON-RPC for real clusters
//! ([`crate::RpcChain`]) and, with the `local` feature, for the in-process bank
//! ([`crate::LocalChain`]). The keeper and every wallet command of the CLI go through it.
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use merit_client::AccountKind;
use merit_client::TxError;
use solana_signature::Signature;

/// Why a chain operation failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainError {
    /// Nothing answers at the endpoint (connection refused, no route, timed out).
    #[error("cannot reach {0}: is the cluster running? (a local one: `merit localnet`)")]
    Unreachable(String),
    /// The endpoint answered with an error.
    #[error("RPC error: {0}")]
    Rpc(String),
    /// A transaction was sent and failed (with its program error code, if any).
    #[error(transparent)]
    Tx(#[from] TxError),
    /// An account's data is not what its address says it holds.
    #[error("account {key} does not decode: {reason}")]
    Decode { key: Pubkey, reason: String },
    /// An account read as Merit's that another program owns (a look-alike).
    #[error("{key} is owned by {owner}, not by the Merit program")]
    NotMerit { key: Pubkey, owner: Pubkey },
    /// No Merit deployment (config account) on this cluster.
    #[error("the Merit config account does not exist on this cluster")]
    NoDeployment,
    /// The signer cannot pay transaction fees.
    #[error("{signer} holds {balance} lamports; it needs at least {needed} to pay fees")]
    InsufficientFunds {
        signer: Pubkey,
        balance: u64,
        needed: u64,
    },
}

/// Decodes the Merit account at `key` from its raw `data`.
pub fn decode_at<T: anchor_lang::AccountDeserialize>(
    key: &Pubkey,
    data: &[u8],
) -> Result<T, ChainError> {
    merit_client::decode(data).map_err(|e| ChainError::Decode {
        key: *key,
        reason: e.to_string(),
    })
}

/// What the keeper and the wallet commands need from a chain.
// The trait is used generically (never as `dyn`), so its futures need no `Send` bound.
#[allow(async_fn_in_trait)]
pub trait Chain {
    /// The address that signs every transaction this chain sends: the keeper of the crank
    /// (it receives the bounties), the wallet of a CLI command.
    fn signer(&self) -> Pubkey;
    /// Who pays the fees: the signer on a cluster, the bank's own payer in-process.
    fn fee_payer(&self) -> Pubkey;
    /// The compute-budget instructions [`Chain::send`] puts before `n` instructions.
    fn budget(&self, n: usize) -> Vec<Instruction>;
    /// The cluster's unix time.
    async fn now(&mut self) -> Result<i64, ChainError>;
    /// Every Merit account of the given kinds, with its data.
    async fn merit_accounts(
        &mut self,
        kinds: &[AccountKind],
    ) -> Result<Vec<(Pubkey, Vec<u8>)>, ChainError>;
    /// The Merit accounts of `kind` that hold `key` at byte `offset` (an owner field): on a
    /// cluster one filtered `getProgramAccounts`, not a scan of every account.
    async fn merit_accounts_with(
        &mut self,
        kind: AccountKind,
        offset: usize,
        key: &Pubkey,
    ) -> Result<Vec<(Pubkey, Vec<u8>)>, ChainError> {
        let all = self.merit_accounts(&[kind]).await?;
        Ok(all
            .into_iter()
            .filter(|(_, data)| data.get(offset..offset + 32) == Some(key.as_ref()))
            .collect())
    }
    /// One account's data, if it exists.
    async fn account(&mut self, key: &Pubkey) -> Result<Option<Vec<u8>>, ChainError>;
    /// The cluster's genesis hash, base58: which cluster this is, whatever its URL says.
    async fn genesis_hash(&mut self) -> Result<String, ChainError>;
    /// The program that owns `key`, if the account exists.
    async fn owner(&mut self, key: &Pubkey) -> Result<Option<Pubkey>, ChainError>;
    /// A Merit account's data, if it exists; refused (`NotMerit`) when another program
    /// owns it, whatever its bytes.
    async fn merit_account(&mut self, key: &Pubkey) -> Result<Option<Vec<u8>>, ChainError> {
        let Some(data) = self.account(key).await? else {
            return Ok(None);
        };
        match self.owner(key).await? {
            Some(owner) if owner == merit_client::PROGRAM_ID => Ok(Some(data)),
            Some(owner) => Err(ChainError::NotMerit { key: *key, owner }),
            None => Ok(None),
        }
    }
    /// Lamports held by `key`.
    async fn balance(&mut self, key: &Pubkey) -> Result<u64, ChainError>;
    /// Sends `ixs` in one transaction signed by [`Chain::signer`] (after the compute-budget
    /// instructions of [`Chain::budget`]), and waits for its confirmation.
    async fn send(&mut self, ixs: &[Instruction]) -> Result<Signature, TxError>;
}
