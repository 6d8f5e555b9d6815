//! [`Chain`] over the in-process bank (`merit-localnet`): the same discovery and packing
//! the operator runs against a cluster, driven by the test suite, the demo and the
//! simulator. Behind the `local` feature, so the operator's binary never links the bank.
use crate::chain::Chain;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use merit_client::AccountKind;
use merit_localnet::{Keypair, Localnet, Signer, TxError};

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
