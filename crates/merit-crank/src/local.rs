//! [`Chain`] over the in-process bank (`merit-localnet`): the same discovery, packing and
//! wallet commands the operator runs against a cluster, driven by the test suite, the
//! demo and the simulator. Behind the `local` feature, so the operator's binary never
//! links the bank.
use crate::chain::{Chain, ChainError};
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use merit_client::AccountKind;
use merit_localnet::{Keypair, Localnet, Signer, TxError};
use solana_signature::Signature;

/// The in-process bank; `keeper` signs (the bank's own payer pays the fees).
pub struct LocalChain<'a> {
    pub net: &'a mut Localnet,
    pub keeper: Keypair,
}

impl Chain for LocalChain<'_> {
    fn signer(&self) -> Pubkey {
        self.keeper.pubkey()
    }

    fn fee_payer(&self) -> Pubkey {
        self.net.payer()
    }

    fn budget(&self, _n: usize) -> Vec<Instruction> {
        vec![merit_client::compute_unit_limit(1_400_000)]
    }

    async fn now(&mut self) -> Result<i64, ChainError> {
        Ok(self.net.now())
    }

    async fn merit_accounts(
        &mut self,
        kinds: &[AccountKind],
    ) -> Result<Vec<(Pubkey, Vec<u8>)>, ChainError> {
        Ok(self
            .net
            .merit_accounts()
            .await
            .into_iter()
            .filter(|(_, a)| AccountKind::of(&a.data).is_some_and(|k| kinds.contains(&k)))
            .map(|(k, a)| (k, a.data))
            .collect())
    }

    async fn account(&mut self, key: &Pubkey) -> Result<Option<Vec<u8>>, ChainError> {
        Ok(self.net.raw_account(key).await.map(|a| a.data))
    }

    // `genesis_config` is marked for Agave's unstable API from 4.0; the test bank is 3.1.
    #[allow(deprecated)]
    async fn genesis_hash(&mut self) -> Result<String, ChainError> {
        Ok(self.net.ctx.genesis_config().hash().to_string())
    }

    async fn owner(&mut self, key: &Pubkey) -> Result<Option<Pubkey>, ChainError> {
        Ok(self.net.raw_account(key).await.map(|a| a.owner))
    }

    async fn balance(&mut self, key: &Pubkey) -> Result<u64, ChainError> {
        Ok(self.net.lamports(key).await)
    }

    async fn send(&mut self, ixs: &[Instruction]) -> Result<Signature, TxError> {
        let keeper = self.keeper.insecure_clone();
        let tx = self.net.transaction(ixs, &[&keeper]).await?;
        let signature = tx.signatures[0];
        // Failed instructions are numbered as the caller sent them (the bank's
        // compute-budget instruction comes first).
        self.net
            .execute(tx)
            .await
            .map(|()| signature)
            .map_err(|mut e| {
                e.index = e.index.map(|i| i.saturating_sub(1));
                e
            })
    }
}
