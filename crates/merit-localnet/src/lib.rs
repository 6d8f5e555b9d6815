//! An in-process Solana bank running the real Merit program (natively, or from
//! `merit.so` when `SBF_OUT_DIR`/`BPF_OUT_DIR` points at an SBF build) next to the real
//! SPL Token, Token-2022 and associated-token programs. Time is set by the caller.

// solana-program-test 3.x marks its whole API "unstable"; we pin the exact version.
#![allow(deprecated)]

mod mint;

pub use merit_client::{
    compute_unit_limit, compute_unit_price, pack, transaction_size, TxError, PACKET_DATA_SIZE,
};
pub use mint::MintExtension;
pub use solana_account::{Account, AccountSharedData};
pub use solana_keypair::Keypair;
pub use solana_program_test::{BanksClientError, ProgramTestContext};
pub use solana_signer::Signer;

use anchor_lang::prelude::{AccountInfo, Clock, Pubkey};
use anchor_lang::solana_program::entrypoint::ProgramResult;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::solana_program::program_pack::Pack;
use anchor_lang::solana_program::system_instruction;
use anchor_lang::AccountDeserialize;
use anchor_spl::associated_token::spl_associated_token_account::instruction::create_associated_token_account_idempotent;
use anchor_spl::token_2022::spl_token_2022;
use merit_client::{ConfigParams, MeritClient};

use solana_program_test::{processor, ProgramTest};
use solana_transaction::Transaction;

/// Unifies the lifetimes of the runtime's builtin signature with Anchor's `entry`,
/// which ties `program_id`, `accounts` and `data` to one lifetime.
fn native_entry<'a, 'b, 'c, 'd>(
    program_id: &'a Pubkey,
    accounts: &'b [AccountInfo<'c>],
    data: &'d [u8],
) -> ProgramResult {
    // SAFETY: all three borrows outlive this call; `entry` only needs them to share one
    // lifetime, and nothing it returns borrows from them.
    let (program_id, accounts, data): (&'c Pubkey, &'c [AccountInfo<'c>], &'c [u8]) = unsafe {
        (
            std::mem::transmute::<&'a Pubkey, &'c Pubkey>(program_id),
            std::mem::transmute::<&'b [AccountInfo<'c>], &'c [AccountInfo<'c>]>(accounts),
            std::mem::transmute::<&'d [u8], &'c [u8]>(data),
        )
    };
    merit::entry(program_id, accounts, data)
}

/// A `ProgramTest` with Merit loaded: natively, or as SBF when an SBF build is present.
pub fn program_test() -> ProgramTest {
    let mut pt = ProgramTest::new("merit", merit::ID, processor!(native_entry));
    pt.set_compute_max_units(1_400_000);
    pt
}

/// Whether the program runs from an SBF build (compute units are metered) or natively.
pub fn runs_sbf() -> bool {
    std::env::var("SBF_OUT_DIR").is_ok() || std::env::var("BPF_OUT_DIR").is_ok()
}

/// The environment variable naming a file to which every successful Merit instruction's
/// compute units are appended, one JSON object per line
/// (`{"ix":"commit_vote","cu":33472,"cpis":1,"cpi_cu":150}`, see [`InstructionUnits`]),
/// when the program runs from an SBF build. `scripts/compute-units.sh` sets it and turns
/// the file into `docs/compute-units.md`.
pub const CU_LOG_ENV: &str = "MERIT_CU_LOG";

/// What one top-level Merit instruction consumed, read from a transaction's logs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InstructionUnits {
    /// Snake case, from Anchor's `Instruction: Name` log.
    pub ix: String,
    /// Its `Program <merit> consumed N of M compute units` line: everything, its CPIs
    /// included.
    pub units: u64,
    /// The programs it invoked (token, system, associated token): how many, and the units
    /// they consumed themselves (their `consumed` lines at depth 2; the caller also pays
    /// each invoke's fixed cost and account serialization, which no log line shows).
    pub cpis: u32,
    pub cpi_units: u64,
}

fn consumed_units(rest: &str) -> Option<u64> {
    rest.split(' ').next().and_then(|n| n.parse().ok())
}

/// Each top-level Merit instruction in `logs` with the compute units it consumed, in order.
pub fn merit_compute_units(logs: &[String]) -> Vec<InstructionUnits> {
    let merit = merit::ID.to_string();
    let invoke = format!("Program {merit} invoke [1]");
    let consumed = format!("Program {merit} consumed ");
    let mut out = Vec::new();
    let mut depth = 0u32;
    let mut name: Option<String> = None;
    let (mut cpis, mut cpi_units) = (0u32, 0u64);
    for line in logs {
        if line.starts_with("Program ") && line.contains(" invoke [") {
            depth += 1;
            if *line == invoke {
                name = None;
                (cpis, cpi_units) = (0, 0);
            } else if depth == 2 && name.is_some() {
                cpis += 1;
            }
        } else if depth == 1 && line.starts_with("Program log: Instruction: ") && name.is_none() {
            name = Some(snake_case(&line["Program log: Instruction: ".len()..]));
        } else if depth == 1 && line.starts_with(&consumed) {
            let units = consumed_units(&line[consumed.len()..]);
            if let (Some(ix), Some(units)) = (name.take(), units) {
                out.push(InstructionUnits {
                    ix,
                    units,
                    cpis,
                    cpi_units,
                });
            }
        } else if depth == 2 && name.is_some() && line.starts_with("Program ") {
            if let Some((_, rest)) = line.split_once(" consumed ") {
                cpi_units += consumed_units(rest).unwrap_or(0);
            }
        }
        if line.starts_with("Program ")
            && (line.ends_with(" success") || line.contains(" failed"))
            && !line.starts_with("Program log:")
        {
            depth = depth.saturating_sub(1);
        }
    }
    out
}

fn snake_case(pascal: &str) -> String {
    let mut out = String::with_capacity(pascal.len() + 4);
    for (i, c) in pascal.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Appends the compute units of `logs`' Merit instructions to the file named by
/// [`CU_LOG_ENV`], on SBF builds only (natively nothing is metered).
fn record_compute_units(logs: &[String]) {
    use std::io::Write;
    let Ok(path) = std::env::var(CU_LOG_ENV) else {
        return;
    };
    if !runs_sbf() {
        return;
    }
    let mut lines = String::new();
    for u in merit_compute_units(logs) {
        lines.push_str(&format!(
            "{{\"ix\":\"{}\",\"cu\":{},\"cpis\":{},\"cpi_cu\":{}}}\n",
            u.ix, u.units, u.cpis, u.cpi_units
        ));
    }
    if lines.is_empty() {
        return;
    }
    // One append per transaction: concurrent tests never interleave within a line.
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path);
    if let Ok(mut file) = file {
        let _ = file.write_all(lines.as_bytes());
    }
}

/// A `BanksClient` failure as a [`TxError`], with its program error code when it has one.
pub(crate) fn banks_error(err: BanksClientError) -> TxError {
    match err {
        BanksClientError::TransactionError(e)
        | BanksClientError::SimulationError { err: e, .. } => TxError::from_transaction_error(e),
        other => TxError::other(other.to_string()),
    }
}

/// How to start a [`Localnet`].
#[derive(Clone, Debug)]
pub struct LocalnetOptions {
    /// `spl_token::ID` or `spl_token_2022::ID`.
    pub token_program: Pubkey,
    pub decimals: u8,
    /// Token-2022 extensions to put on the stake mint.
    pub extensions: Vec<MintExtension>,
    /// `None` leaves the program uninitialized.
    pub params: Option<ConfigParams>,
    /// Unix time the chain starts at.
    pub start_time: i64,
    /// Derive every key the chain makes (admin, mint, mint authority, [`Localnet::new_user`]
    /// users, foreign mints) from this seed instead of the OS RNG, so the accounts a run
    /// produces, and the compute units each instruction uses on SBF, are reproducible.
    /// The default is a fixed seed; `None` draws keys from the OS.
    pub key_seed: Option<u64>,
}

/// Most log lines a [`Localnet`] keeps for [`Localnet::take_logs`]: a long run that never
/// takes them (the simulator) keeps only the newest.
pub const MAX_KEPT_LOG_LINES: usize = 4_096;

/// The key seed of [`LocalnetOptions::default`].
pub const DEFAULT_KEY_SEED: u64 = 0x006d_6572_6974;

/// A keypair derived from `seed` and a role number: reproducible test and vector keys.
pub fn seeded_keypair(seed: u64, role: u8) -> Keypair {
    let mut secret = [role; 32];
    secret[..8].copy_from_slice(&seed.to_le_bytes());
    Keypair::new_from_array(secret)
}

impl Default for LocalnetOptions {
    fn default() -> Self {
        Self {
            token_program: anchor_spl::token::ID,
            decimals: 6,
            extensions: Vec::new(),
            params: Some(ConfigParams::defaults(6)),
            start_time: 1_800_000_000,
            key_seed: Some(DEFAULT_KEY_SEED),
        }
    }
}

/// The in-process chain with a Merit deployment on it.
pub struct Localnet {
    pub ctx: ProgramTestContext,
    pub client: MeritClient,
    pub admin: Keypair,
    pub mint_authority: Keypair,
    pub decimals: u8,
    now: i64,
    /// The chain's slot: moves with time (2.5 slots a second) and by [`Localnet::warp_slots`].
    slot: u64,
    nonce: u32,
    /// Log lines since the last [`Localnet::take_logs`], the newest [`MAX_KEPT_LOG_LINES`].
    logs: std::collections::VecDeque<String>,
    /// Where [`Localnet::next_keypair`] derives keys from, and how many it made.
    key_seed: Option<u64>,
    keys_made: u64,
    /// Every account named by a Merit instruction sent through this chain: the index
    /// [`Localnet::merit_accounts`] scans, since the in-process bank has no
    /// `getProgramAccounts`.
    seen: std::collections::BTreeSet<Pubkey>,
}

impl Localnet {
    pub async fn start(opts: LocalnetOptions) -> Result<Self, TxError> {
        let ctx = program_test().start_with_context().await;
        let key = |role: u8| match opts.key_seed {
            Some(seed) => seeded_keypair(seed, role),
            None => Keypair::new(),
        };
        let mint = key(1);
        let mut net = Localnet {
            ctx,
            client: MeritClient::new(mint.pubkey(), opts.token_program),
            admin: key(2),
            mint_authority: key(3),
            decimals: opts.decimals,
            now: opts.start_time,
            slot: 1,
            nonce: 0,
            logs: std::collections::VecDeque::new(),
            key_seed: opts.key_seed,
            keys_made: 0,
            seen: std::collections::BTreeSet::new(),
        };
        net.set_time(opts.start_time);
        let admin = net.admin.pubkey();
        net.airdrop(&admin, 100_000_000_000).await?;
        net.create_mint(&mint, opts.decimals, &opts.extensions)
            .await?;
        if let Some(params) = opts.params {
            let ix = net.client.initialize(admin, params);
            let admin = net.admin.insecure_clone();
            net.send(&[ix], &[&admin]).await?;
        }
        Ok(net)
    }

    /// The chain's current unix time.
    pub fn now(&self) -> i64 {
        self.now
    }

    /// The fee payer of every transaction sent through this chain.
    pub fn payer(&self) -> Pubkey {
        self.ctx.payer.pubkey()
    }

    /// The chain's current slot.
    pub fn slot(&self) -> u64 {
        self.slot
    }

    /// Sets the chain's clock to `unix_timestamp`. The slot moves forward with it (2.5
    /// slots a second, at least one), never back, like a real chain's.
    pub fn set_time(&mut self, unix_timestamp: i64) {
        let elapsed = unix_timestamp.saturating_sub(self.now).max(0) as u64;
        self.now = unix_timestamp;
        self.warp_slots((elapsed * 5 / 2).max(1));
    }

    /// Moves the slot `n` slots ahead without moving the unix time, and refreshes the
    /// `Clock` and `SlotHashes` sysvars: every slot's hash is `sha256(slot)`, so runs are
    /// reproducible while no party in a test can pick a hash.
    pub fn warp_slots(&mut self, n: u64) {
        self.slot += n;
        let clock = Clock {
            slot: self.slot,
            unix_timestamp: self.now,
            ..Clock::default()
        };
        self.ctx.set_sysvar(&clock);
        let depth = self.slot.min(512);
        let mut data = Vec::with_capacity(8 + 40 * 512);
        data.extend_from_slice(&depth.to_le_bytes());
        for slot in (self.slot - depth..self.slot).rev() {
            data.extend_from_slice(&slot.to_le_bytes());
            data.extend_from_slice(&solana_sha256_hasher::hash(&slot.to_le_bytes()).to_bytes());
        }
        data.resize(8 + 40 * 512, 0);
        let rent = anchor_lang::prelude::Rent::default().minimum_balance(data.len());
        let account = Account {
            lamports: rent,
            data,
            owner: anchor_lang::prelude::pubkey!("Sysvar1111111111111111111111111111111111111"),
            executable: false,
            rent_epoch: 0,
        };
        self.ctx
            .set_account(&merit::constants::SLOT_HASHES_SYSVAR, &account.into());
    }

    pub fn advance(&mut self, secs: i64) {
        self.set_time(self.now + secs);
    }

    /// Signs with the chain's fee payer and those of `signers` the instructions require,
    /// sends, and waits for the result.
    /// A compute-unit-limit instruction makes every transaction unique, so repeating an
    /// identical instruction is a new transaction, never deduplicated.
    pub async fn send(&mut self, ixs: &[Instruction], signers: &[&Keypair]) -> Result<(), TxError> {
        let tx = self.transaction(ixs, signers).await?;
        self.execute(tx).await
    }

    /// Verifies `tx`'s signatures and runs it in the working bank, synchronously.
    ///
    /// `BanksClient::process_transaction` hands the transaction to a server thread and
    /// polls its status with a sleep between polls: a millisecond or more of idle wall
    /// time per transaction, which dominated the simulator's runs. The bank's own
    /// `process_transaction_with_metadata` executes and commits in the call, so the
    /// signatures are checked here first, as the server would.
    pub async fn execute(&mut self, tx: Transaction) -> Result<(), TxError> {
        tx.verify().map_err(TxError::from_transaction_error)?;
        let done = self
            .ctx
            .banks_client
            .process_transaction_with_metadata(tx)
            .await
            .map_err(banks_error)?;
        let logs = done.metadata.map(|m| m.log_messages).unwrap_or_default();
        if done.result.is_ok() {
            record_compute_units(&logs);
        }
        self.logs.extend(logs);
        while self.logs.len() > MAX_KEPT_LOG_LINES {
            self.logs.pop_front();
        }
        done.result.map_err(TxError::from_transaction_error)
    }

    /// The log lines of every transaction run since the last call, failed ones included,
    /// up to the last [`MAX_KEPT_LOG_LINES`]. On an SBF build they hold the program's own
    /// logs and its events (`Program data:`); natively only the runtime's lines.
    pub fn take_logs(&mut self) -> Vec<String> {
        std::mem::take(&mut self.logs).into()
    }

    /// The signed transaction [`Localnet::send`] would submit.
    pub async fn transaction(
        &mut self,
        ixs: &[Instruction],
        signers: &[&Keypair],
    ) -> Result<Transaction, TxError> {
        self.nonce = self.nonce.wrapping_add(1);
        for ix in ixs.iter().filter(|ix| ix.program_id == merit::ID) {
            self.seen.extend(ix.accounts.iter().map(|m| m.pubkey));
        }
        let mut all = Vec::with_capacity(ixs.len() + 1);
        all.push(compute_unit_limit(1_400_000 - (self.nonce % 100_000)));
        all.extend_from_slice(ixs);
        let blockhash = self
            .ctx
            .banks_client
            .get_latest_blockhash()
            .await
            .map_err(banks_error)?;
        let payer = &self.ctx.payer;
        let needed = |k: &Pubkey| {
            *k != payer.pubkey()
                && all
                    .iter()
                    .any(|ix| ix.accounts.iter().any(|m| m.is_signer && m.pubkey == *k))
        };
        let mut keys: Vec<&Keypair> = vec![payer];
        keys.extend(signers.iter().copied().filter(|k| needed(&k.pubkey())));
        Ok(Transaction::new_signed_with_payer(
            &all,
            Some(&payer.pubkey()),
            &keys,
            blockhash,
        ))
    }

    /// Sends many independent instructions, packing as many as fit into each transaction
    /// (by serialized size, at most [`PACKET_DATA_SIZE`] bytes). When a packed transaction
    /// fails, its instructions are retried one by one, so each gets its own result.
    pub async fn send_batch(
        &mut self,
        items: &[(Instruction, Vec<&Keypair>)],
    ) -> Vec<Result<(), TxError>> {
        let mut results: Vec<Option<Result<(), TxError>>> = vec![None; items.len()];
        let ixs: Vec<Instruction> = items.iter().map(|(ix, _)| ix.clone()).collect();
        let prefix = [compute_unit_limit(1_400_000)];
        for run in pack(&ixs, &prefix, &self.ctx.payer.pubkey()) {
            let signers = Self::signers_of(&items[run.clone()]);
            match self.send(&ixs[run.clone()], &signers).await {
                Ok(()) => results[run].fill(Some(Ok(()))),
                Err(e) if run.len() == 1 => results[run.start] = Some(Err(e)),
                Err(_) => {
                    for i in run {
                        let (ix, signers) = &items[i];
                        results[i] = Some(self.send(std::slice::from_ref(ix), signers).await);
                    }
                }
            }
        }
        results
            .into_iter()
            .map(|r| r.expect("every item sent"))
            .collect()
    }

    /// The distinct signers of `items`, in order of first appearance.
    fn signers_of<'k>(items: &[(Instruction, Vec<&'k Keypair>)]) -> Vec<&'k Keypair> {
        let mut signers: Vec<&Keypair> = Vec::new();
        for (_, keys) in items {
            for k in keys {
                if !signers.iter().any(|s| s.pubkey() == k.pubkey()) {
                    signers.push(k);
                }
            }
        }
        signers
    }

    /// Moves time to the open epoch's end and advances to the next epoch, signed and
    /// paid for by `keeper`. Returns the index of the epoch it closed.
    pub async fn close_epoch(&mut self, keeper: &Keypair) -> Result<u64, TxError> {
        let config: merit_client::Config = self
            .account(&merit_client::pda::config())
            .await
            .ok_or_else(|| TxError::other("no config"))?;
        let index = config.current_epoch;
        let epoch: merit_client::Epoch = self
            .account(&merit_client::pda::epoch(index))
            .await
            .ok_or_else(|| TxError::other(format!("no epoch {index}")))?;
        if self.now < epoch.end {
            self.set_time(epoch.end);
        }
        let ix = self.client.advance_epoch(keeper.pubkey(), index, index + 1);
        self.send(&[ix], &[keeper]).await?;
        Ok(index)
    }

    /// Runs both steps of `task`'s committee draw now, signed and paid for by `keeper`,
    /// moving the slot (not the unix time) past the target's chain of slots in between.
    pub async fn draw_committee(&mut self, keeper: &Keypair, task: &Pubkey) -> Result<(), TxError> {
        let ix = self.client.draw(keeper.pubkey(), *task);
        self.send(std::slice::from_ref(&ix), &[keeper]).await?;
        self.warp_slots(merit::constants::DRAW_CHAIN_MAX_SLOTS + 1);
        self.send(&[ix], &[keeper]).await
    }

    /// Simulates `ixs` and returns the compute units they consumed (meaningful only
    /// when the program runs from an SBF build: see [`runs_sbf`]).
    pub async fn units_consumed(
        &mut self,
        ixs: &[Instruction],
        signers: &[&Keypair],
    ) -> Result<u64, TxError> {
        let tx = self.transaction(ixs, signers).await?;
        let sim = self
            .ctx
            .banks_client
            .simulate_transaction(tx)
            .await
            .map_err(banks_error)?;
        if let Err(e) = sim.result.clone().unwrap_or(Ok(())) {
            return Err(TxError::other(e.to_string()));
        }
        Ok(sim
            .simulation_details
            .map(|d| d.units_consumed)
            .unwrap_or(0))
    }

    pub async fn airdrop(&mut self, to: &Pubkey, lamports: u64) -> Result<(), TxError> {
        let ix = system_instruction::transfer(&self.ctx.payer.pubkey(), to, lamports);
        self.send(&[ix], &[]).await
    }

    /// A key never made before on this chain: derived from the key seed and a counter, or
    /// from the OS when the chain has no key seed.
    pub fn next_keypair(&mut self) -> Keypair {
        self.keys_made += 1;
        match self.key_seed {
            Some(seed) => {
                let mut bytes = seed.to_le_bytes().to_vec();
                bytes.extend_from_slice(b"merit-localnet-key");
                bytes.extend_from_slice(&self.keys_made.to_le_bytes());
                Keypair::new_from_array(solana_sha256_hasher::hash(&bytes).to_bytes())
            }
            None => Keypair::new(),
        }
    }

    /// A new funded keypair holding `tokens` stake tokens in its associated token account.
    pub async fn new_user(&mut self, tokens: u64) -> Result<Keypair, TxError> {
        let user = self.next_keypair();
        self.fund_user(&user.pubkey(), tokens).await?;
        Ok(user)
    }

    /// Gives `user` 10 SOL and `tokens` stake tokens in its associated token account.
    pub async fn fund_user(&mut self, user: &Pubkey, tokens: u64) -> Result<(), TxError> {
        self.airdrop(user, 10_000_000_000).await?;
        self.create_ata(user).await?;
        self.mint_to(user, tokens).await
    }

    pub async fn create_ata(&mut self, owner: &Pubkey) -> Result<Pubkey, TxError> {
        let mint = self.client.stake_mint;
        self.create_ata_of(&mint, owner).await
    }

    async fn create_ata_of(&mut self, mint: &Pubkey, owner: &Pubkey) -> Result<Pubkey, TxError> {
        let token_program = self.client.token_program;
        let ix = create_associated_token_account_idempotent(
            &self.ctx.payer.pubkey(),
            owner,
            mint,
            &token_program,
        );
        self.send(&[ix], &[]).await?;
        Ok(
            anchor_spl::associated_token::get_associated_token_address_with_program_id(
                owner,
                mint,
                &token_program,
            ),
        )
    }

    /// Mints `amount` stake tokens into `owner`'s associated token account.
    pub async fn mint_to(&mut self, owner: &Pubkey, amount: u64) -> Result<(), TxError> {
        let (mint, ata) = (self.client.stake_mint, self.client.ata(owner));
        self.mint_to_account(&mint, &ata, amount).await
    }

    async fn mint_to_account(
        &mut self,
        mint: &Pubkey,
        account: &Pubkey,
        amount: u64,
    ) -> Result<(), TxError> {
        if amount == 0 {
            return Ok(());
        }
        let ix = spl_token_2022::instruction::mint_to(
            &self.client.token_program,
            mint,
            account,
            &self.mint_authority.pubkey(),
            &[],
            amount,
        )
        .map_err(|e| TxError::other(e.to_string()))?;
        let authority = self.mint_authority.insecure_clone();
        self.send(&[ix], &[&authority]).await
    }

    /// Creates a second mint under the deployment's token program and an associated
    /// account of it for `owner` holding `amount`: the "wrong mint" of attack tests.
    /// Returns that token account.
    pub async fn foreign_token_account(
        &mut self,
        owner: &Pubkey,
        amount: u64,
    ) -> Result<Pubkey, TxError> {
        let mint = self.next_keypair();
        self.create_mint(&mint, self.decimals, &[]).await?;
        let ata = self.create_ata_of(&mint.pubkey(), owner).await?;
        self.mint_to_account(&mint.pubkey(), &ata, amount).await?;
        Ok(ata)
    }

    /// Every existing account owned by the Merit program that a transaction sent through
    /// this chain has named: what `getProgramAccounts` returns on a real cluster.
    pub async fn merit_accounts(&mut self) -> Vec<(Pubkey, Account)> {
        let mut out = Vec::new();
        for key in self.seen.clone() {
            if let Some(acc) = self.raw_account(&key).await {
                if acc.owner == merit::ID {
                    out.push((key, acc));
                }
            }
        }
        out
    }

    /// Writes an account directly into the bank: for attack tests that need look-alike
    /// accounts no transaction could create.
    pub fn set_account(&mut self, key: &Pubkey, account: Account) {
        self.ctx.set_account(key, &account.into());
    }

    /// Rewrites an existing Anchor account's data in the bank with `value`: for test
    /// fixtures only (see the test harness's `staker`).
    pub async fn write_account<T: anchor_lang::AccountSerialize>(
        &mut self,
        key: &Pubkey,
        value: &T,
    ) {
        let mut account = self.raw_account(key).await.expect("account exists");
        let mut data = Vec::with_capacity(account.data.len());
        value.try_serialize(&mut data).expect("serializes");
        data.resize(account.data.len(), 0);
        account.data = data;
        self.set_account(key, account);
    }

    /// Rewrites an existing zero-copy Anchor account (the config, a task) with `value`'s
    /// bytes: for test fixtures only.
    pub async fn write_zero_copy<T: anchor_lang::ZeroCopy>(&mut self, key: &Pubkey, value: &T) {
        let mut account = self.raw_account(key).await.expect("account exists");
        let mut data = T::DISCRIMINATOR.to_vec();
        data.extend_from_slice(bytemuck::bytes_of(value));
        assert_eq!(
            data.len(),
            account.data.len(),
            "a zero-copy account keeps its size"
        );
        account.data = data;
        self.set_account(key, account);
    }

    pub async fn raw_account(&mut self, key: &Pubkey) -> Option<Account> {
        self.ctx.banks_client.get_account(*key).await.ok().flatten()
    }

    /// Decodes a Merit (or any Anchor) account; `None` when it does not exist or does not decode.
    pub async fn account<T: AccountDeserialize>(&mut self, key: &Pubkey) -> Option<T> {
        let acc = self.raw_account(key).await?;
        merit_client::decode(&acc.data).ok()
    }

    pub async fn lamports(&mut self, key: &Pubkey) -> u64 {
        self.raw_account(key).await.map(|a| a.lamports).unwrap_or(0)
    }

    /// Token balance of a token account (0 when it does not exist).
    pub async fn token_balance(&mut self, token_account: &Pubkey) -> u64 {
        match self.raw_account(token_account).await {
            Some(acc) if acc.data.len() >= spl_token_2022::state::Account::LEN => {
                spl_token_2022::state::Account::unpack_from_slice(
                    &acc.data[..spl_token_2022::state::Account::LEN],
                )
                .map(|a| a.amount)
                .unwrap_or(0)
            }
            _ => 0,
        }
    }

    /// Stake-token balance of `owner`'s associated token account.
    pub async fn wallet_balance(&mut self, owner: &Pubkey) -> u64 {
        let ata = self.client.ata(owner);
        self.token_balance(&ata).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compute_units_are_read_per_top_level_merit_instruction() {
        let m = merit::ID.to_string();
        let token = anchor_spl::token::ID.to_string();
        let logs: Vec<String> = [
            "Program ComputeBudget111111111111111111111111111111 invoke [1]".to_string(),
            "Program ComputeBudget111111111111111111111111111111 success".into(),
            format!("Program {m} invoke [1]"),
            "Program log: Instruction: ClaimVote".into(),
            format!("Program {token} invoke [2]"),
            "Program log: Instruction: Transfer".into(),
            format!("Program {token} consumed 4645 of 1350000 compute units"),
            format!("Program {token} success"),
            "Program data: AAAA".into(),
            format!("Program {m} consumed 49726 of 1399850 compute units"),
            format!("Program {m} success"),
            format!("Program {m} invoke [1]"),
            "Program log: Instruction: FinalizeTask".into(),
            format!("Program {m} consumed 8093 of 1350124 compute units"),
            format!("Program {m} success"),
        ]
        .to_vec();
        assert_eq!(
            merit_compute_units(&logs),
            vec![
                InstructionUnits {
                    ix: "claim_vote".into(),
                    units: 49_726,
                    cpis: 1,
                    cpi_units: 4_645
                },
                InstructionUnits {
                    ix: "finalize_task".into(),
                    units: 8_093,
                    cpis: 0,
                    cpi_units: 0
                },
            ]
        );
    }

    #[tokio::test]
    async fn keys_follow_the_seed_and_never_repeat() {
        let mut a = Localnet::start(LocalnetOptions::default()).await.unwrap();
        let mut b = Localnet::start(LocalnetOptions::default()).await.unwrap();
        let ka: Vec<Pubkey> = (0..3).map(|_| a.next_keypair().pubkey()).collect();
        let kb: Vec<Pubkey> = (0..3).map(|_| b.next_keypair().pubkey()).collect();
        assert_eq!(ka, kb);
        assert_eq!(a.admin.pubkey(), b.admin.pubkey());
        let unique: std::collections::BTreeSet<_> = ka.iter().collect();
        assert_eq!(unique.len(), 3);
        assert!(!ka.contains(&a.admin.pubkey()));
        let mut random = Localnet::start(LocalnetOptions {
            key_seed: None,
            ..LocalnetOptions::default()
        })
        .await
        .unwrap();
        assert_ne!(random.next_keypair().pubkey(), ka[0]);
    }
}
