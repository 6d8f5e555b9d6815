//! Chain access: one small trait, implemented over JSON-RPC for real clusters
//! ([`crate::RpcChain`]) and, with the `local` feature, for the in-process bank
//! ([`crate::LocalChain`]).
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use merit_client::AccountKind;
use merit_client::TxError;

/// What the keeper needs from a chain.
// The trait is used generically (never as `dyn`), so its futures need no `Send` bound.
#[allow(async_fn_in_trait)]
pub trait Chain {
    /// The keeper's address: it signs and pays, and receives bounties.
    fn keeper(&self) -> Pubkey;
    /// The cluster's unix time.
    async fn now(&mut self) -> Result<i64, String>;
    /// Every Merit account of the given kinds, with its data.
    async fn merit_accounts(
        &mut self,
        kinds: &[AccountKind],
    ) -> Result<Vec<(Pubkey, Vec<u8>)>, String>;
    /// One account's data, if it exists.
    async fn account(&mut self, key: &Pubkey) -> Result<Option<Vec<u8>>, String>;
    async fn balance(&mut self, key: &Pubkey) -> Result<u64, String>;
    /// Sends `ixs` in one transaction signed by the keeper, and waits for it.
    async fn send(&mut self, ixs: &[Instruction]) -> Result<(), TxError>;
}
