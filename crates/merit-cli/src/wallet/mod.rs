//! The wallet commands: each a thin layer over the Rust client, through the [`Chain`]
//! trait, so they run the same against a cluster and the in-process bank.
pub mod claim;
pub mod info;
pub mod stake;
pub mod task;
pub mod view;
pub mod vote;
pub mod wait;
pub mod work;

use crate::cluster::explorer_link;
use crate::error::{local, usage, CliError};
use crate::output::Out;
use crate::secrets::Secrets;
use crate::units::{fmt_amount, parse_amount};
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::AccountDeserialize;
use merit_client::{AccountKind, Config, MeritClient};
use merit_crank::{decode_at, Chain};
use serde_json::{json, Value};
use solana_signature::Signature;

/// What every wallet command works with: the chain (signing as the wallet), the
/// deployment read from chain, the mint's decimals, the salt store and the output.
pub struct Ctx<'o, C: Chain> {
    pub chain: C,
    pub client: MeritClient,
    pub config: Config,
    pub decimals: u8,
    pub url: String,
    pub secrets: Secrets,
    pub out: Out<'o>,
    /// The wallet: the signer of every transaction.
    pub me: Pubkey,
}

/// A token account's balance, from its account data.
pub fn token_amount(data: &[u8]) -> Option<u64> {
    Some(u64::from_le_bytes(data.get(64..72)?.try_into().ok()?))
}

impl<'o, C: Chain> Ctx<'o, C> {
    /// Reads the deployment (its config, which records the mint's decimals) from the chain.
    pub async fn open(
        mut chain: C,
        url: String,
        secrets: Secrets,
        out: Out<'o>,
    ) -> Result<Self, CliError> {
        let config = merit_crank::config(&mut chain).await?;
        let decimals = config.mint_decimals;
        let me = chain.signer();
        Ok(Ctx {
            client: MeritClient::new(config.stake_mint, config.token_program),
            config,
            decimals,
            url,
            secrets,
            out,
            me,
            chain,
        })
    }

    /// An amount in the mint's decimals, for people.
    pub fn amount(&self, units: u64) -> String {
        fmt_amount(units, self.decimals)
    }

    pub fn parse_amount(&self, text: &str) -> Result<u64, CliError> {
        parse_amount(text, self.decimals).map_err(usage)
    }

    pub async fn now(&mut self) -> Result<i64, CliError> {
        Ok(self.chain.now().await?)
    }

    /// The Merit account at `key`, decoded, if it exists (refused when another program
    /// owns it: `ChainError::NotMerit`).
    pub async fn get<T: AccountDeserialize>(
        &mut self,
        key: &Pubkey,
    ) -> Result<Option<T>, CliError> {
        match self.chain.merit_account(key).await? {
            Some(data) => Ok(Some(decode_at(key, &data)?)),
            None => Ok(None),
        }
    }

    /// The Merit account at `key`; its absence is an error naming `what` it should be.
    pub async fn must<T: AccountDeserialize>(
        &mut self,
        key: &Pubkey,
        what: &str,
    ) -> Result<T, CliError> {
        self.get(key)
            .await?
            .ok_or_else(|| local(format!("no {what} at {key} on this cluster")))
    }

    /// The Merit accounts of `kind` holding `key` at `offset`, decoded.
    pub async fn accounts_with<T: AccountDeserialize>(
        &mut self,
        kind: AccountKind,
        offset: usize,
        key: &Pubkey,
    ) -> Result<Vec<(Pubkey, T)>, CliError> {
        let raw = self.chain.merit_accounts_with(kind, offset, key).await?;
        let mut out = Vec::with_capacity(raw.len());
        for (k, data) in raw {
            out.push((k, decode_at(&k, &data)?));
        }
        Ok(out)
    }

    /// The wallet's token balance (its associated token account; 0 without one).
    pub async fn wallet_tokens(&mut self, owner: &Pubkey) -> Result<u64, CliError> {
        let ata = self.client.ata(owner);
        Ok(self
            .chain
            .account(&ata)
            .await?
            .and_then(|d| token_amount(&d))
            .unwrap_or(0))
    }

    /// The open epoch's index, read fresh.
    pub async fn current_epoch(&mut self) -> Result<u64, CliError> {
        self.config = merit_crank::config(&mut self.chain).await?;
        Ok(self.config.current_epoch)
    }

    /// Sends `ixs` as one transaction and prints what was done: `summary` and the
    /// signature with its explorer link, or, with `--output json`, `fields` with
    /// `signature` and `explorer` added.
    pub async fn send(
        &mut self,
        summary: &str,
        ixs: &[Instruction],
        fields: Value,
    ) -> Result<Signature, CliError> {
        let signature = self
            .chain
            .send(ixs)
            .await
            .map_err(|e| CliError::from_tx(e, ixs))?;
        let link = explorer_link(&signature.to_string(), &self.url);
        let mut fields = match fields {
            Value::Object(map) => map,
            _ => serde_json::Map::new(),
        };
        fields
            .entry("decimals")
            .or_insert_with(|| json!(self.decimals));
        fields.insert("signature".into(), json!(signature.to_string()));
        fields.insert("explorer".into(), json!(link));
        self.out.show(
            || format!("{summary}\nSignature: {signature}\nExplorer:  {link}"),
            || Value::Object(fields),
        );
        Ok(signature)
    }

    /// Sends many independent instructions, packed into as few transactions as fit;
    /// returns the signatures.
    pub async fn send_packed(&mut self, ixs: &[Instruction]) -> Result<Vec<Signature>, CliError> {
        let runs = merit_client::pack(ixs, &self.chain.budget(ixs.len()), &self.chain.fee_payer());
        let mut signatures = Vec::with_capacity(runs.len());
        for run in runs {
            let batch = &ixs[run];
            let sig = self
                .chain
                .send(batch)
                .await
                .map_err(|e| CliError::from_tx(e, batch))?;
            signatures.push(sig);
        }
        Ok(signatures)
    }
}
