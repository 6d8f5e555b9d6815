//! Chain access: one small trait, implemented for the in-process bank here (a JSON-RPC
//! implementation for real clusters plugs in the same way).
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use merit_client::AccountKind;
use merit_localnet::{Keypair, Localnet, Signer, TxError};

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

/// The in-process bank.
pub struct LocalChain<'a> {
    pub net: &'a mut Localnet,
    pub keeper: Keypair,
}

impl Chain for LocalChain<'_> {
    fn keeper(&self) -> Pubkey {
        self.keeper.pubkey()
    }

    async fn now(&mut self) -> Result<i64, String> {
        Ok(self.net.now())
    }

    async fn merit_accounts(
        &mut self,
        kinds: &[AccountKind],
    ) -> Result<Vec<(Pubkey, Vec<u8>)>, String> {
        Ok(self
            .net
            .merit_accounts()
            .await
            .into_iter()
            .filter(|(_, a)| AccountKind::of(&a.data).is_some_and(|k| kinds.contains(&k)))
            .map(|(k, a)| (k, a.data))
            .collect())
    }

    async fn account(&mut self, key: &Pubkey) -> Result<Option<Vec<u8>>, String> {
        Ok(self.net.raw_account(key).await.map(|a| a.data))
    }

    async fn balance(&mut self, key: &Pubkey) -> Result<u64, String> {
        Ok(self.net.lamports(key).await)
    }

    async fn send(&mut self, ixs: &[Instruction]) -> Result<(), TxError> {
        let keeper = self.keeper.insecure_clone();
        self.net.send(ixs, &[&keeper]).await
    }
}
