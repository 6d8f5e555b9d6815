//! Getting started without other tools: `merit keygen` (a keypair file, in the Solana CLI's
//! format), `merit airdrop` (SOL and test tokens from a local cluster's faucet key, refused on
//! mainnet-beta) and [`bootstrap`], which makes a stake mint and a deployment on a fresh
//! cluster (`merit localnet` runs it).
use crate::admin::{apply_sets, initialize_ix};
use crate::cluster::cluster_label;
use crate::error::{local, usage, CliError};
use crate::output::Out;
use crate::units::{fmt_amount, parse_amount};
use crate::wallet::info::params_json;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::solana_program::system_instruction;
use anchor_spl::associated_token::spl_associated_token_account::instruction::create_associated_token_account_idempotent;
use anchor_spl::token_2022::spl_token_2022;
use clap::Args;
use merit_client::ConfigParams;
use merit_crank::Chain;
use serde_json::json;
use solana_keypair::Keypair;
use solana_signer::Signer;
use std::path::{Path, PathBuf};

const LAMPORTS_PER_SOL: u64 = 1_000_000_000;
/// The seed of the stake mint `merit localnet` makes: an address derived from the faucet
/// key (`create_account_with_seed`), so the faucet alone signs its creation.
pub const MINT_SEED: &str = "merit-stake-mint";
/// Decimals of that mint.
pub const LOCALNET_DECIMALS: u8 = 6;

#[derive(Args, Debug)]
pub struct KeygenArgs {
    /// Where to write the keypair (default: where `merit` reads it, `-k` or the Solana
    /// CLI config's keypair, else ~/.config/solana/id.json).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub outfile: Option<PathBuf>,
    /// Replace an existing file (its key is lost).
    #[arg(long)]
    pub force: bool,
}

#[derive(Args, Debug)]
pub struct AirdropArgs {
    /// SOL to send (for fees and rent).
    #[arg(long, default_value = "10", value_name = "SOL")]
    pub sol: String,
    /// Stake tokens to mint (the faucet must be the stake mint's authority, as on
    /// `merit localnet`).
    #[arg(long, default_value = "1000", value_name = "AMOUNT")]
    pub tokens: String,
    /// The recipient (default: the wallet, `-k`).
    #[arg(long, value_parser = crate::units::pubkey)]
    pub to: Option<Pubkey>,
    /// The faucet's keypair (default: the one `merit localnet` wrote).
    #[arg(long, env = "MERIT_FAUCET_KEYPAIR", value_name = "FILE")]
    pub faucet: Option<PathBuf>,
}

/// Where `merit localnet` keeps its files (the faucet key, the validator's log).
pub fn localnet_dir() -> PathBuf {
    std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_default()
        .join(".config/merit/localnet")
}

/// `merit keygen`: writes a new keypair to `path`, never over an existing file without
/// `--force`.
pub fn keygen(path: &Path, force: bool, out: &mut Out<'_>) -> Result<(), CliError> {
    let existing = std::fs::symlink_metadata(path).ok();
    if existing
        .as_ref()
        .is_some_and(|m| m.file_type().is_symlink())
    {
        return Err(local(format!(
            "{} is a symbolic link: refusing to write a secret key through it",
            path.display()
        )));
    }
    if existing.is_some() && !force {
        return Err(local(format!(
            "{} already exists: pass --force to replace it (its key would be lost), or --outfile",
            path.display()
        )));
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .map_err(|e| local(format!("cannot create {}: {e}", dir.display())))?;
    let keypair = Keypair::new();
    write_secret(path, dir, &keypair)?;
    let pubkey = keypair.pubkey();
    out.show(
        || {
            format!(
                "Wrote a new keypair to {}\nPublic key: {pubkey}\nKeep this file secret: it signs for the wallet.",
                path.display()
            )
        },
        || json!({"action": "keygen", "path": path.display().to_string(), "pubkey": pubkey.to_string()}),
    );
    Ok(())
}

/// Mainnet-beta's genesis hash: the cluster, whatever URL or provider serves it.
pub const MAINNET_BETA_GENESIS: &str = "5eykt4UsFv8P8NJdTREpY1vzqKqZKvdpKuc147dw2N9d";

/// Writes `keypair` (the Solana CLI's JSON) to `path` readable by its owner alone: into a
/// new file of mode 0600 in `dir` (never an existing one), renamed over `path`.
fn write_secret(path: &Path, dir: &Path, keypair: &Keypair) -> Result<(), CliError> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let temp = dir.join(format!(
        ".merit-keygen-{}-{}",
        std::process::id(),
        keypair.pubkey()
    ));
    let written = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&temp)?;
        let bytes = keypair.to_bytes().to_vec();
        file.write_all(serde_json::to_string(&bytes)?.as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    written.map_err(|e: std::io::Error| {
        let _ = std::fs::remove_file(&temp);
        local(format!("cannot write {}: {e}", path.display()))
    })
}

/// Refuses a faucet on mainnet-beta by its URL, before anything is read.
pub fn refuse_mainnet(url: &str) -> Result<(), CliError> {
    if cluster_label(url) == "mainnet-beta" {
        return Err(usage(
            "airdrop is for local and test clusters: refused on mainnet-beta",
        ));
    }
    Ok(())
}

/// Refuses a faucet on mainnet-beta by the cluster's genesis hash (a custom RPC URL
/// of a mainnet provider says nothing in its name).
pub async fn refuse_mainnet_genesis<C: Chain>(chain: &mut C) -> Result<(), CliError> {
    if chain.genesis_hash().await? == MAINNET_BETA_GENESIS {
        return Err(usage(
            "airdrop is for local and test clusters: this RPC serves mainnet-beta (its genesis hash), refused",
        ));
    }
    Ok(())
}

/// The stake mint's authority, from the mint's data (a `COption<Pubkey>` first).
fn mint_authority(data: &[u8]) -> Option<Pubkey> {
    match data.get(0..4)? {
        [1, 0, 0, 0] => Some(Pubkey::new_from_array(data.get(4..36)?.try_into().ok()?)),
        _ => None,
    }
}

/// The instructions that give `to` `tokens` of the stake mint, minted by `authority`.
fn mint_ixs(
    authority: &Pubkey,
    to: &Pubkey,
    mint: &Pubkey,
    token_program: &Pubkey,
    tokens: u64,
) -> Result<Vec<Instruction>, CliError> {
    let ata = merit_client::pda::associated_token(to, mint, token_program);
    Ok(vec![
        create_associated_token_account_idempotent(authority, to, mint, token_program),
        spl_token_2022::instruction::mint_to(token_program, mint, &ata, authority, &[], tokens)
            .map_err(|e| local(e.to_string()))?,
    ])
}

/// `merit airdrop`: `chain` signs as the faucet.
pub async fn airdrop<C: Chain>(
    mut chain: C,
    url: &str,
    to: Pubkey,
    args: &AirdropArgs,
    out: &mut Out<'_>,
) -> Result<(), CliError> {
    refuse_mainnet(url)?;
    refuse_mainnet_genesis(&mut chain).await?;
    let faucet = chain.signer();
    let lamports = parse_amount(&args.sol, 9).map_err(usage)?;
    let mut ixs = Vec::new();
    if lamports > 0 {
        ixs.push(system_instruction::transfer(&faucet, &to, lamports));
    }
    let config = merit_crank::config(&mut chain).await?;
    let tokens = parse_amount(&args.tokens, config.mint_decimals).map_err(usage)?;
    if tokens > 0 {
        let mint = chain
            .account(&config.stake_mint)
            .await?
            .ok_or_else(|| local("the stake mint does not exist on this cluster"))?;
        if mint_authority(&mint) != Some(faucet) {
            return Err(local(format!(
                "the faucet {faucet} cannot mint the stake mint {}: test tokens come only from a `merit localnet` cluster (pass --tokens 0 for SOL alone)",
                config.stake_mint
            )));
        }
        ixs.extend(mint_ixs(
            &faucet,
            &to,
            &config.stake_mint,
            &config.token_program,
            tokens,
        )?);
    }
    if ixs.is_empty() {
        return Err(usage("nothing to send: --sol and --tokens are both 0"));
    }
    let signature = chain
        .send(&ixs)
        .await
        .map_err(|e| CliError::from_tx(e, &ixs))?;
    let (sol, tok) = (
        fmt_amount(lamports, 9),
        fmt_amount(tokens, config.mint_decimals),
    );
    out.show(
        || format!("Sent {sol} SOL and {tok} tokens to {to}\nSignature: {signature}"),
        || {
            json!({"action": "airdrop", "to": to.to_string(), "lamports": lamports.to_string(),
                   "tokens": tokens.to_string(), "decimals": config.mint_decimals,
                   "signature": signature.to_string()})
        },
    );
    Ok(())
}

/// The parameters `merit localnet` starts with: the program's defaults with windows short
/// enough to try a task's whole life in minutes (see docs/localnet.md), then `sets`.
pub fn localnet_params(sets: &[String]) -> Result<ConfigParams, CliError> {
    let mut base = ConfigParams::defaults(LOCALNET_DECIMALS);
    base.min_phase_secs = 5;
    base.epoch_length_secs = merit::constants::MIN_EPOCH_SECS;
    base.unstake_cooldown_secs = 60;
    base.param_timelock_secs = merit::constants::MIN_PARAM_TIMELOCK_SECS;
    base.min_committee_size = 3;
    apply_sets(base, sets)
}

/// What [`bootstrap`] made.
#[derive(Debug, Clone)]
pub struct Bootstrap {
    pub mint: Pubkey,
    pub admin: Pubkey,
    pub params: ConfigParams,
    pub emission_funded: u64,
}

impl Bootstrap {
    pub fn json(&self) -> serde_json::Value {
        json!({
            "mint": self.mint.to_string(),
            "decimals": LOCALNET_DECIMALS,
            "admin": self.admin.to_string(),
            "emissionFunded": self.emission_funded.to_string(),
            "params": params_json(&self.params),
        })
    }
}

/// On a cluster with no deployment: a stake mint whose authority is `chain`'s signer (the
/// faucet), the deployment initialized with `params` (the signer its admin), and
/// `emission` tokens put in the emission vault.
pub async fn bootstrap<C: Chain>(
    chain: &mut C,
    params: ConfigParams,
    emission: u64,
) -> Result<Bootstrap, CliError> {
    let faucet = chain.signer();
    let token_program = anchor_spl::token::ID;
    let mint = Pubkey::create_with_seed(&faucet, MINT_SEED, &token_program)
        .map_err(|e| local(e.to_string()))?;
    let space = spl_token_2022::state::Mint::LEN;
    let rent = anchor_lang::prelude::Rent::default().minimum_balance(space);
    let create = vec![
        system_instruction::create_account_with_seed(
            &faucet,
            &mint,
            &faucet,
            MINT_SEED,
            rent,
            space as u64,
            &token_program,
        ),
        spl_token_2022::instruction::initialize_mint2(
            &token_program,
            &mint,
            &faucet,
            None,
            LOCALNET_DECIMALS,
        )
        .map_err(|e| local(e.to_string()))?,
    ];
    send(chain, &create).await?;
    let init = initialize_ix(chain, faucet, mint, params).await?;
    send(chain, &[init]).await?;
    if emission > 0 {
        let client = merit_client::MeritClient::new(mint, token_program);
        let mut fund = mint_ixs(&faucet, &faucet, &mint, &token_program, emission)?;
        fund.push(client.fund_emissions(faucet, emission, LAMPORTS_PER_SOL));
        send(chain, &fund).await?;
    }
    Ok(Bootstrap {
        mint,
        admin: faucet,
        params,
        emission_funded: emission,
    })
}

async fn send<C: Chain>(chain: &mut C, ixs: &[Instruction]) -> Result<(), CliError> {
    chain
        .send(ixs)
        .await
        .map(|_| ())
        .map_err(|e| CliError::from_tx(e, ixs))
}

use anchor_lang::solana_program::program_pack::Pack;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_faucet_is_refused_on_mainnet_beta_only() {
        assert!(refuse_mainnet("https://api.mainnet-beta.solana.com").is_err());
        assert!(refuse_mainnet("http://localhost:8899").is_ok());
        assert!(refuse_mainnet("https://api.devnet.solana.com").is_ok());
    }

    /// A cluster that answers only its genesis hash.
    struct Genesis(&'static str);

    impl Chain for Genesis {
        fn signer(&self) -> Pubkey {
            Pubkey::default()
        }
        fn fee_payer(&self) -> Pubkey {
            Pubkey::default()
        }
        fn budget(&self, _: usize) -> Vec<Instruction> {
            Vec::new()
        }
        async fn now(&mut self) -> Result<i64, merit_crank::ChainError> {
            unreachable!()
        }
        async fn merit_accounts(
            &mut self,
            _: &[merit_client::AccountKind],
        ) -> Result<Vec<(Pubkey, Vec<u8>)>, merit_crank::ChainError> {
            unreachable!()
        }
        async fn account(
            &mut self,
            _: &Pubkey,
        ) -> Result<Option<Vec<u8>>, merit_crank::ChainError> {
            unreachable!()
        }
        async fn genesis_hash(&mut self) -> Result<String, merit_crank::ChainError> {
            Ok(self.0.into())
        }
        async fn owner(&mut self, _: &Pubkey) -> Result<Option<Pubkey>, merit_crank::ChainError> {
            unreachable!()
        }
        async fn balance(&mut self, _: &Pubkey) -> Result<u64, merit_crank::ChainError> {
            unreachable!()
        }
        async fn send(
            &mut self,
            _: &[Instruction],
        ) -> Result<solana_signature::Signature, merit_client::TxError> {
            unreachable!()
        }
    }

    #[tokio::test]
    async fn the_faucet_is_refused_on_a_mainnet_beta_genesis_whatever_the_url() {
        let err = refuse_mainnet_genesis(&mut Genesis(MAINNET_BETA_GENESIS))
            .await
            .unwrap_err();
        assert!(err.to_string().contains("serves mainnet-beta"), "{err}");
        // Devnet's genesis, or a local cluster's, is not refused.
        refuse_mainnet_genesis(&mut Genesis("EtWTRABZaYq6iMfeYKouRu166VU2xqa1wcaWoxPkrZBG"))
            .await
            .unwrap();
    }

    #[test]
    fn the_localnet_parameters_pass_the_programs_rule_and_can_be_overridden() {
        let p = localnet_params(&[]).unwrap();
        assert_eq!(p.epoch_length_secs, 60);
        assert_eq!(p.min_phase_secs, 5);
        let q = localnet_params(&["epoch_length_secs=120".into()]).unwrap();
        assert_eq!(q.epoch_length_secs, 120);
        assert!(localnet_params(&["epoch_length_secs=5".into()]).is_err());
    }

    #[test]
    fn a_mints_authority_is_read_from_its_data() {
        let key = Pubkey::new_unique();
        let mut data = vec![0u8; 82];
        assert_eq!(mint_authority(&data), None);
        data[0] = 1;
        data[4..36].copy_from_slice(key.as_ref());
        assert_eq!(mint_authority(&data), Some(key));
    }
}
