//! The test harness: a [`TestContext`] with funded actors, one helper per instruction,
//! account fetchers, error assertions, and an invariant checker that runs after every
//! step (token conservation, claim-once, locked stake within deposits).

mod invariants;

pub use merit::error::MeritError;
pub use merit_client::{pda, ConfigParams, CreateTaskArgs, MeritClient, Outcome};
pub use merit_localnet::{Keypair, Localnet, LocalnetOptions, MintExtension, Signer, TxError};

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use merit_client::{
    submission_commitment, vote_commitment, Config, ContentStatus, Round, Stake, Submission, Task,
    Vote,
};
use std::collections::BTreeSet;

/// One whole token at the harness's 6 decimals.
pub const TOKEN: u64 = 1_000_000;
/// The submission fee of [`TestContext::task_args`]: paid by each submission to its
/// coherent judges, on top of their slice of the validator pool.
pub const FEE: u64 = 2 * TOKEN;

pub type TxResult = Result<(), TxError>;

/// Asserts that `res` failed with the Merit error `expected`.
#[track_caller]
pub fn assert_merit_err(res: TxResult, expected: MeritError) {
    assert_code(
        res,
        anchor_lang::error::ERROR_CODE_OFFSET + expected as u32,
        &expected,
    );
}

/// Asserts that `res` failed with the Anchor framework error `expected`.
#[track_caller]
pub fn assert_anchor_err(res: TxResult, expected: anchor_lang::error::ErrorCode) {
    assert_code(res, expected as u32, &expected);
}

#[track_caller]
fn assert_code(res: TxResult, code: u32, name: &dyn std::fmt::Debug) {
    match res {
        Ok(()) => panic!("expected {name:?}, but the transaction succeeded"),
        Err(e) => assert_eq!(e.code, Some(code), "expected {name:?} ({code}), got: {e}"),
    }
}

/// Asserts that `res` failed, whatever the reason (runtime-level rejections such as a
/// missing signature carry no program error code).
#[track_caller]
pub fn assert_fails(res: TxResult) {
    assert!(res.is_err(), "expected the transaction to fail");
}

/// The harness. Every helper that sends a transaction checks the invariants afterwards
/// unless `check_each_step` is turned off.
pub struct TestContext {
    pub net: Localnet,
    pub check_each_step: bool,
    /// Owners whose stake accounts the invariants track.
    pub stakers: BTreeSet<Pubkey>,
    /// Owners of associated token accounts the harness created.
    pub wallets: BTreeSet<Pubkey>,
    pub tasks: BTreeSet<Pubkey>,
    pub submissions: BTreeSet<Pubkey>,
    pub rounds: BTreeSet<Pubkey>,
    pub votes: BTreeSet<Pubkey>,
    /// Content claims of revealed work: each checked by `ContentClaim::invariant`.
    pub content_claims: BTreeSet<Pubkey>,
    /// Tokens minted so far: what all wallets and vaults together must hold.
    pub minted: u64,
    pub(crate) ledger: invariants::Ledger,
    next_task_id: u64,
    /// Committed submissions not revealed yet: (task, contributor, content hash).
    pending_reveals: Vec<(Pubkey, Keypair, [u8; 32])>,
}

/// The program's defaults, except: a full committee bonds 10% of a task's reward instead
/// of half (the suite's tasks pay 1,000 tokens while its networks hold a few hundred to a
/// few thousand tokens of stake, so at the default one committee would bond more than a
/// test validator holds); tasks may take the protocol's most submissions (the suite's
/// tasks take 801, so their squatting floor is a 2-token fee); and a two-day parameter
/// timelock and unstake cooldown (the suite moves time across parameter changes within
/// one seven-day epoch). The simulator runs the defaults.
pub fn suite_params() -> ConfigParams {
    ConfigParams {
        vote_bond_bps: 1_000,
        max_submissions_per_task: merit::constants::MAX_SUBMISSIONS_PER_TASK,
        param_timelock_secs: 2 * 24 * 3600,
        unstake_cooldown_secs: 2 * 24 * 3600,
        ..ConfigParams::defaults(6)
    }
}

/// The least submission fee `args` may set against slot squatting
/// (`Task::squat_fee_floor`): what a test that changes the reward, the validator share or
/// the slots sets the fee to.
pub fn squat_floor(args: &CreateTaskArgs) -> u64 {
    Task::squat_fee_floor(args.reward, args.validator_share_bps, args.max_submissions)
        .expect("floor")
}

impl TestContext {
    pub async fn new() -> Self {
        Self::with_options(LocalnetOptions {
            params: Some(suite_params()),
            ..LocalnetOptions::default()
        })
        .await
    }

    pub async fn with_options(opts: LocalnetOptions) -> Self {
        let net = Localnet::start(opts).await.expect("localnet starts");
        TestContext {
            net,
            check_each_step: true,
            stakers: BTreeSet::new(),
            wallets: BTreeSet::new(),
            tasks: BTreeSet::new(),
            submissions: BTreeSet::new(),
            rounds: BTreeSet::new(),
            votes: BTreeSet::new(),
            content_claims: BTreeSet::new(),
            minted: 0,
            ledger: invariants::Ledger::default(),
            next_task_id: 0,
            pending_reveals: Vec::new(),
        }
    }

    /// `ix`, a slash built for slasher `other`, turned into the offender slashing its own
    /// stake while passing its own vesting account as the slasher's (the refused case).
    pub fn as_self_slash_into_own_vesting(
        &self,
        mut ix: Instruction,
        other: &Pubkey,
        offender: &Pubkey,
    ) -> Instruction {
        let c = self.client();
        for (from, to) in [
            (*other, *offender),
            (pda::vesting(other), pda::vesting(offender)),
            (c.ata(other), c.ata(offender)),
        ] {
            merit_client::builders::replace_account(&mut ix, &from, &to);
        }
        ix
    }

    pub fn client(&self) -> MeritClient {
        self.net.client
    }

    /// Turns vesting on or off (admin `propose_config`, the clock moved past the
    /// timelock, `apply_config`). Tasks created and epochs opened from now on vest.
    pub async fn set_vesting(&mut self, duration: i64) {
        let mut params = self.config().await.params;
        params.vesting_duration_secs = duration;
        self.change_params(params).await;
    }

    /// Proposes `params`, moves the clock to the end of the timelock, and applies them.
    pub async fn change_params(&mut self, params: ConfigParams) {
        let admin = self.admin();
        let ix = self.client().propose_config(admin.pubkey(), params);
        self.send(&[ix], &[&admin]).await.expect("propose_config");
        let eta = self.config().await.pending_params_eta;
        self.set_time(eta.max(self.now()));
        let ix = self.client().apply_config(admin.pubkey());
        self.send(&[ix], &[&admin]).await.expect("apply_config");
    }

    pub fn admin(&self) -> Keypair {
        self.net.admin.insecure_clone()
    }

    pub fn now(&self) -> i64 {
        self.net.now()
    }

    pub fn set_time(&mut self, t: i64) {
        self.net.set_time(t)
    }

    /// Sends `ixs` signed by `signers`, then checks every invariant.
    pub async fn send(&mut self, ixs: &[Instruction], signers: &[&Keypair]) -> TxResult {
        let res = self.net.send(ixs, signers).await;
        if self.check_each_step {
            self.check_invariants().await;
        }
        res
    }

    /// A funded actor holding `tokens` in its wallet.
    pub async fn actor(&mut self, tokens: u64) -> Keypair {
        let user = self.net.new_user(tokens).await.expect("actor funded");
        self.wallets.insert(user.pubkey());
        self.minted += tokens;
        user
    }

    /// A validator: a funded actor with `stake` deposited and active, and `spare` left in
    /// its wallet: an established staker, as if it had deposited before the open epoch. The deposit
    /// is a real `deposit_stake`; only its warm-up is skipped, by moving the amount from
    /// the warming to the active bucket in the stake account and the config's totals
    /// alike (the invariants check both). Real warm-up is what `staker` gives, and
    /// what `cases/sortition.rs` tests.
    pub async fn validator(&mut self, stake: u64, spare: u64) -> Keypair {
        let user = self.staker(stake, spare).await;
        self.warm(&user.pubkey()).await;
        user
    }

    /// Makes `owner`'s warming stake active now (the fixture behind [`Self::validator`]).
    pub async fn warm(&mut self, owner: &Pubkey) {
        let key = pda::stake(owner);
        let mut account: Stake = self.net.account(&key).await.expect("stake");
        let epoch = self.config().await.current_epoch;
        let warm = account.warming_at(epoch);
        // As if everything staked had been deposited before the open epoch began.
        let staked = account.staked();
        let len = usize::from(account.history_len);
        if let Some(p) = account.history[..len]
            .last_mut()
            .filter(|p| p.epoch == epoch)
        {
            p.active_start = staked;
            p.active_min = staked;
        }
        self.net.write_account(&key, &account).await;
        let mut config = self.config().await;
        config.total_warming_stake -= warm;
        config.total_active_stake += warm;
        self.net.write_zero_copy(&pda::config(), &config).await;
    }

    /// A funded actor whose `stake` was just deposited (enough for contributors' bonds):
    /// it warms up until the next epoch.
    pub async fn staker(&mut self, stake: u64, spare: u64) -> Keypair {
        let user = self.actor(stake + spare).await;
        self.deposit(&user, stake).await.expect("deposit");
        user
    }

    pub async fn mint_to(&mut self, owner: &Pubkey, amount: u64) {
        self.net.mint_to(owner, amount).await.expect("mint");
        self.minted += amount;
    }

    // Instruction helpers

    pub async fn deposit(&mut self, owner: &Keypair, amount: u64) -> TxResult {
        self.stakers.insert(owner.pubkey());
        let ix = self.client().deposit_stake(owner.pubkey(), amount);
        self.send(&[ix], &[owner]).await
    }

    /// Default task arguments starting now: an hour of submissions, half an hour of
    /// submission reveals, half an hour of vote commits, an hour of vote reveals; 1,000
    /// tokens of reward, 801 slots and the 2-token fee that is their squatting floor.
    pub fn task_args(&mut self) -> CreateTaskArgs {
        self.next_task_id += 1;
        let now = self.now();
        CreateTaskArgs {
            id: self.next_task_id,
            spec_hash: [7; 32],
            uri: "ipfs://task-spec".to_string(),
            reward: 1_000 * TOKEN,
            submission_deadline: now + 3_600,
            submission_reveal_deadline: now + 5_400,
            commit_deadline: now + 7_200,
            reveal_deadline: now + 10_800,
            bond: 10 * TOKEN,
            submission_fee: FEE,
            committee_size: 16,
            quorum_seats: 1,
            accept_threshold: 60,
            reject_threshold: 30,
            validator_share_bps: 2_000,
            max_submissions: 801,
            min_reputation_submit: 0,
            min_reputation_vote: 0,
        }
    }

    /// Creates a task the way a client does. The protocol fee is minted to the creator
    /// first, so that balance checks concern the reward alone (`try_create_task_raw` and
    /// `cases/economics.rs` test the fee itself).
    pub async fn try_create_task(&mut self, creator: &Keypair, args: CreateTaskArgs) -> TxResult {
        let fee = self.protocol_fee(args.reward).await;
        self.mint_to(&creator.pubkey(), fee).await;
        self.try_create_task_raw(creator, args).await
    }

    /// `create_task` exactly as given.
    pub async fn try_create_task_raw(
        &mut self,
        creator: &Keypair,
        args: CreateTaskArgs,
    ) -> TxResult {
        self.tasks.insert(pda::task(&creator.pubkey(), args.id));
        let ix = self.client().create_task(creator.pubkey(), args);
        self.send(&[ix], &[creator]).await
    }

    /// The protocol fee a task with `reward` pays under the current config (0 before
    /// `initialize`).
    pub async fn protocol_fee(&mut self, reward: u64) -> u64 {
        match self.net.account::<Config>(&pda::config()).await {
            Some(c) => Task::protocol_fee_and_cap(reward, &c.params).map_or(0, |(fee, _)| fee),
            None => 0,
        }
    }

    /// Creates a task, panicking on failure; returns its address.
    pub async fn create_task(&mut self, creator: &Keypair, args: CreateTaskArgs) -> Pubkey {
        let task = pda::task(&creator.pubkey(), args.id);
        self.try_create_task(creator, args)
            .await
            .expect("create_task");
        task
    }

    /// Commits `content_hash` to `task` under the task's current terms, the way a client
    /// does (salt: [`salt_of`]); the fee is minted to the contributor first, so wallets
    /// end where they started. A commitment that lands is revealed by
    /// [`Self::to_commit_phase`] (or [`Self::reveal_submissions`]).
    pub async fn try_submit(
        &mut self,
        contributor: &Keypair,
        task: Pubkey,
        content_hash: [u8; 32],
    ) -> TxResult {
        let t = self.task(&task).await;
        self.mint_to(&contributor.pubkey(), t.submission_fee).await;
        let commitment = submission_commitment(
            &task,
            &contributor.pubkey(),
            &content_hash,
            &salt_of(contributor),
        );
        let res = self
            .try_submit_raw(contributor, task, commitment, t.terms_hash)
            .await;
        if res.is_ok() {
            self.pending_reveals
                .push((task, contributor.insecure_clone(), content_hash));
        }
        res
    }

    /// `submit` exactly as given: no fee top-up, no reveal bookkeeping.
    pub async fn try_submit_raw(
        &mut self,
        contributor: &Keypair,
        task: Pubkey,
        commitment: [u8; 32],
        terms_hash: [u8; 32],
    ) -> TxResult {
        self.submissions
            .insert(pda::submission(&task, &contributor.pubkey()));
        let ix = self
            .client()
            .submit(contributor.pubkey(), task, commitment, terms_hash);
        self.send(&[ix], &[contributor]).await
    }

    pub async fn submit(&mut self, contributor: &Keypair, task: Pubkey, seed: u8) -> Pubkey {
        let hash = content_hash(&task, seed);
        self.try_submit(contributor, task, hash)
            .await
            .expect("submit");
        pda::submission(&task, &contributor.pubkey())
    }

    /// `reveal_submission` of `content_hash` with the contributor's [`salt_of`].
    pub async fn try_reveal_submission(
        &mut self,
        contributor: &Keypair,
        task: Pubkey,
        content_hash: [u8; 32],
    ) -> TxResult {
        let ix = self.client().reveal_submission(
            contributor.pubkey(),
            task,
            content_hash,
            salt_of(contributor),
            "ipfs://work".to_string(),
        );
        let res = self.send(&[ix], &[contributor]).await;
        if res.is_ok() {
            let key = pda::submission(&task, &contributor.pubkey());
            self.rounds.insert(pda::round(&key, 1));
            self.content_claims
                .insert(pda::content_claim(&content_hash));
            let who = contributor.pubkey();
            self.pending_reveals
                .retain(|(t, c, _)| !(*t == task && c.pubkey() == who));
        }
        res
    }

    /// Reveals every submission to `task` committed through [`Self::try_submit`] and not
    /// revealed yet (the time must be within the submission reveal window).
    pub async fn reveal_submissions(&mut self, task: &Pubkey) {
        let pending: Vec<(Keypair, [u8; 32])> = self
            .pending_reveals
            .iter()
            .filter(|(t, ..)| t == task)
            .map(|(_, c, h)| (c.insecure_clone(), *h))
            .collect();
        for (contributor, hash) in pending {
            self.try_reveal_submission(&contributor, *task, hash)
                .await
                .expect("reveal_submission");
        }
    }

    /// Forgets the pending reveals of `task` (a test that leaves them unrevealed).
    pub fn skip_reveals(&mut self, task: &Pubkey) {
        self.pending_reveals.retain(|(t, ..)| t != task);
    }

    /// The submission's round under way (1 before it was revealed).
    pub async fn round_of(&mut self, submission: &Pubkey) -> u8 {
        let sub: Option<Submission> = self.net.account(submission).await;
        sub.map_or(1, |s| s.round.max(1))
    }

    /// Commits `score` in the submission's round under way.
    pub async fn try_commit(
        &mut self,
        validator: &Keypair,
        task: Pubkey,
        submission: Pubkey,
        score: u8,
    ) -> TxResult {
        let round = self.round_of(&submission).await;
        self.try_commit_in(validator, task, submission, round, score)
            .await
    }

    /// Commits `score` in round `round` of the submission.
    pub async fn try_commit_in(
        &mut self,
        validator: &Keypair,
        task: Pubkey,
        submission: Pubkey,
        round: u8,
        score: u8,
    ) -> TxResult {
        let round_key = pda::round(&submission, round);
        self.rounds.insert(round_key);
        self.votes
            .insert(pda::vote(&round_key, &validator.pubkey()));
        let commitment =
            vote_commitment(&round_key, &validator.pubkey(), score, &salt_of(validator));
        let ix = self
            .client()
            .commit_vote(validator.pubkey(), task, submission, round, commitment);
        self.send(&[ix], &[validator]).await
    }

    /// Reveals `score` in the submission's round under way.
    pub async fn try_reveal(
        &mut self,
        validator: &Keypair,
        task: Pubkey,
        submission: Pubkey,
        score: u8,
    ) -> TxResult {
        let round = self.round_of(&submission).await;
        self.try_reveal_in(validator, task, submission, round, score)
            .await
    }

    pub async fn try_reveal_in(
        &mut self,
        validator: &Keypair,
        task: Pubkey,
        submission: Pubkey,
        round: u8,
        score: u8,
    ) -> TxResult {
        let ix = self.client().reveal_vote(
            validator.pubkey(),
            task,
            submission,
            round,
            score,
            salt_of(validator),
        );
        self.send(&[ix], &[validator]).await
    }

    /// Finalizes `submission` into the open epoch.
    pub async fn finalize_submission(
        &mut self,
        keeper: &Keypair,
        task: Pubkey,
        submission: Pubkey,
    ) -> TxResult {
        let epoch = self.config().await.current_epoch;
        let contributor = self.submission(&submission).await.contributor;
        let ix = self
            .finalize_ix(&keeper.pubkey(), task, &contributor, epoch)
            .await;
        self.send(&[ix], &[keeper]).await
    }

    /// The `finalize_submission` instruction for `contributor`'s submission to `task`
    /// into epoch `epoch`, built as a client does (`keeper::finalize_args`): with the
    /// content claim and the round under way when the submission was revealed, and the
    /// next round's account when the round decides nothing and another is due. (When the
    /// round cannot be closed yet, the plain instruction, which the program refuses.)
    pub async fn finalize_ix(
        &mut self,
        keeper: &Pubkey,
        task: Pubkey,
        contributor: &Pubkey,
        epoch: u64,
    ) -> Instruction {
        let key = pda::submission(&task, contributor);
        let sub: Option<Submission> = self.net.account(&key).await;
        let (content, round, open_next) = match (sub, self.net.account::<Task>(&task).await) {
            (Some(sub), Some(t)) => {
                let round: Option<Round> = self.net.account(&pda::round(&key, sub.round)).await;
                let content = self.content_status(&key, &sub).await;
                let config = self.config().await;
                let now = t.clock(config.pause(), self.now()).unwrap_or(self.now());
                merit_client::keeper::finalize_args(&sub, &t, round.as_ref(), content, now)
                    .unwrap_or((
                        sub.content_revealed.then_some(sub.content_hash),
                        sub.content_revealed.then_some(sub.round),
                        false,
                    ))
            }
            _ => (None, None, false),
        };
        if open_next {
            if let Some(r) = round {
                self.rounds.insert(pda::round(&key, r + 1));
            }
        }
        self.client().finalize_submission(
            *keeper,
            task,
            *contributor,
            epoch,
            content,
            round,
            open_next,
        )
    }

    /// What the content claim says of the submission at `key`.
    pub async fn content_status(&mut self, key: &Pubkey, sub: &Submission) -> ContentStatus {
        if !sub.content_revealed {
            return ContentStatus::Unrevealed;
        }
        let claim: Option<merit_client::ContentClaim> = self
            .net
            .account(&pda::content_claim(&sub.content_hash))
            .await;
        claim.map_or(ContentStatus::Displaced, |c| c.status_of(key))
    }

    /// Finalizes `submission` until its outcome is final: a round that decides nothing
    /// opens the next, which this runs out undrawn (the time moves to its draw deadline)
    /// so that it closes without votes. What a test wants when no later round is judged.
    pub async fn finalize_through_rounds(
        &mut self,
        keeper: &Keypair,
        task: Pubkey,
        submission: Pubkey,
    ) -> TxResult {
        loop {
            self.finalize_submission(keeper, task, submission).await?;
            if self.submission(&submission).await.outcome != Outcome::Pending {
                return Ok(());
            }
            let deadline = self.current_round(&submission).await.draw_deadline;
            self.to_task_time(&task, deadline).await;
        }
    }

    /// Moves the unix time to when `task`'s clock reads `at` (they differ by the time the
    /// protocol spent paused since the task was created).
    pub async fn to_task_time(&mut self, task: &Pubkey, at: i64) {
        let t = self.task(task).await;
        let pause = self.config().await.pause();
        let behind = self.now() - t.clock(pause, self.now()).expect("clock");
        self.set_time(at + behind);
    }

    /// Advances from the open epoch to the one containing now.
    pub async fn advance_epoch(&mut self, keeper: &Keypair) -> TxResult {
        let ix = self.advance_epoch_ix(keeper).await;
        self.send(&[ix], &[keeper]).await
    }

    /// The `advance_epoch` instruction for now (which may not be due yet).
    pub async fn advance_epoch_ix(&mut self, keeper: &Keypair) -> Instruction {
        let config = self.config().await;
        let current: merit_client::Epoch = self
            .net
            .account(&pda::epoch(config.current_epoch))
            .await
            .expect("open epoch");
        let len = config.params.epoch_length_secs;
        let next = current.index + 1 + (self.now() - current.end).max(0) as u64 / len as u64;
        self.client()
            .advance_epoch(keeper.pubkey(), current.index, next)
    }

    pub async fn fund_emissions(
        &mut self,
        funder: &Keypair,
        amount: u64,
        lamports: u64,
    ) -> TxResult {
        let ix = self
            .client()
            .fund_emissions(funder.pubkey(), amount, lamports);
        self.send(&[ix], &[funder]).await
    }

    /// Moves time to the open epoch's end and advances past it.
    pub async fn close_epoch(&mut self, keeper: &Keypair) {
        let current = self.config().await.current_epoch;
        let end = self.epoch(current).await.end;
        if self.now() < end {
            self.set_time(end);
        }
        self.advance_epoch(keeper).await.expect("advance_epoch");
    }

    pub async fn claim_submission_emission(
        &mut self,
        contributor: &Keypair,
        task: Pubkey,
    ) -> TxResult {
        let sub = self
            .submission(&pda::submission(&task, &contributor.pubkey()))
            .await;
        let ix = self
            .client()
            .claim_submission_emission(contributor.pubkey(), task, sub.epoch);
        self.send(&[ix], &[contributor]).await
    }

    pub async fn claim_vote_emission(
        &mut self,
        validator: &Keypair,
        submission: Pubkey,
    ) -> TxResult {
        let vote = self.vote(&submission, &validator.pubkey()).await;
        let ix = self.client().claim_vote_emission(
            validator.pubkey(),
            vote.task,
            submission,
            vote.round_index,
            vote.epoch,
        );
        self.send(&[ix], &[validator]).await
    }

    pub async fn epoch(&mut self, index: u64) -> merit_client::Epoch {
        self.net.account(&pda::epoch(index)).await.expect("epoch")
    }

    pub async fn finalize_task(&mut self, keeper: &Keypair, task: Pubkey) -> TxResult {
        let ix = self.client().finalize_task(keeper.pubkey(), task);
        self.send(&[ix], &[keeper]).await
    }

    pub async fn slash_submission(
        &mut self,
        slasher: &Keypair,
        task: Pubkey,
        contributor: &Pubkey,
    ) -> TxResult {
        let ix = self
            .client()
            .slash_submission(slasher.pubkey(), task, *contributor);
        self.send(&[ix], &[slasher]).await
    }

    pub async fn sweep_treasury(&mut self, caller: &Keypair) -> TxResult {
        let ix = self.client().sweep_treasury(caller.pubkey());
        self.send(&[ix], &[caller]).await
    }

    /// Slashes `validator`'s vote in the submission's round under way.
    pub async fn slash_vote(
        &mut self,
        slasher: &Keypair,
        task: Pubkey,
        submission: Pubkey,
        validator: &Pubkey,
    ) -> TxResult {
        let round = self.round_of(&submission).await;
        self.slash_vote_in(slasher, task, submission, round, validator)
            .await
    }

    pub async fn slash_vote_in(
        &mut self,
        slasher: &Keypair,
        task: Pubkey,
        submission: Pubkey,
        round: u8,
        validator: &Pubkey,
    ) -> TxResult {
        let ix = self
            .client()
            .slash_vote(slasher.pubkey(), task, submission, round, *validator);
        self.send(&[ix], &[slasher]).await
    }

    /// Reports `validator`'s absence from round `round` of the submission.
    pub async fn report_absence(
        &mut self,
        slasher: &Keypair,
        task: Pubkey,
        submission: Pubkey,
        round: u8,
        validator: &Pubkey,
    ) -> TxResult {
        self.votes
            .insert(pda::vote_in(&submission, round, validator));
        let ix =
            self.client()
                .report_absence(slasher.pubkey(), task, submission, round, *validator);
        self.send(&[ix], &[slasher]).await
    }

    pub async fn claim_submission(&mut self, contributor: &Keypair, task: Pubkey) -> TxResult {
        let ix = self.client().claim_submission(contributor.pubkey(), task);
        self.send(&[ix], &[contributor]).await
    }

    /// Claims `validator`'s vote in the submission's round under way.
    pub async fn claim_vote(
        &mut self,
        validator: &Keypair,
        task: Pubkey,
        submission: Pubkey,
    ) -> TxResult {
        let round = self.round_of(&submission).await;
        self.claim_vote_in(validator, task, submission, round).await
    }

    pub async fn claim_vote_in(
        &mut self,
        validator: &Keypair,
        task: Pubkey,
        submission: Pubkey,
        round: u8,
    ) -> TxResult {
        let ix = self
            .client()
            .claim_vote(validator.pubkey(), task, submission, round);
        self.send(&[ix], &[validator]).await
    }

    pub async fn reclaim_task(&mut self, creator: &Keypair, task: Pubkey) -> TxResult {
        let ix = self.client().reclaim_task(creator.pubkey(), task);
        self.send(&[ix], &[creator]).await
    }

    /// Runs a task from creation to `finalize_task`: each contributor submits, every
    /// validator votes the contributor's given score (`None`: commits, never reveals),
    /// and `keeper` finalizes. Starts now; ends at the reveal deadline. Returns the task
    /// and the submissions, in contributor order.
    pub async fn judge_task(
        &mut self,
        creator: &Keypair,
        keeper: &Keypair,
        contributors: &[(&Keypair, Option<u8>)],
        validators: &[&Keypair],
    ) -> (Pubkey, Vec<Pubkey>) {
        let args = self.task_args();
        let task = self.create_task(creator, args).await;
        let mut subs = Vec::new();
        for (i, (c, _)) in contributors.iter().enumerate() {
            subs.push(self.submit(c, task, i as u8 + 1).await);
        }
        self.to_commit_phase(&task).await;
        for ((_, score), sub) in contributors.iter().zip(&subs) {
            for v in validators {
                self.try_commit(v, task, *sub, score.unwrap_or(50))
                    .await
                    .expect("commit");
            }
        }
        self.to_reveal_phase(&task).await;
        for ((_, score), sub) in contributors.iter().zip(&subs) {
            if let Some(score) = score {
                for v in validators {
                    self.try_reveal(v, task, *sub, *score)
                        .await
                        .expect("reveal");
                }
            }
        }
        self.to_finalize_phase(&task).await;
        for sub in &subs {
            self.finalize_through_rounds(keeper, task, *sub)
                .await
                .expect("finalize_submission");
        }
        self.finalize_task(keeper, task)
            .await
            .expect("finalize_task");
        (task, subs)
    }

    // Time travel to a task's phases

    pub async fn task(&mut self, task: &Pubkey) -> Task {
        self.net.account(task).await.expect("task exists")
    }

    /// Moves to the first second of the submission reveal window.
    pub async fn to_submission_reveal_phase(&mut self, task: &Pubkey) {
        let t = self.task(task).await;
        self.set_time(t.submission_deadline);
    }

    /// Reveals the pending submissions (at the first second of the submission reveal
    /// window, unless already past it), moves to the first second of the commit window
    /// and draws the committee.
    pub async fn to_commit_phase(&mut self, task: &Pubkey) {
        let t = self.task(task).await;
        if self.now() < t.submission_deadline {
            self.set_time(t.submission_deadline);
        }
        if self.now() < t.submission_reveal_deadline {
            self.reveal_submissions(task).await;
        }
        self.set_time(t.submission_reveal_deadline);
        self.draw(task).await.expect("draw");
    }

    /// Runs both steps of `task`'s committee draw now (the keeper is the fee payer),
    /// moving only the slot, not the unix time: past the longest chain of slots.
    pub async fn draw(&mut self, task: &Pubkey) -> TxResult {
        self.draw_step(task).await?;
        self.net
            .warp_slots(merit::constants::DRAW_CHAIN_MAX_SLOTS + 1);
        self.draw_step(task).await
    }

    /// Seeds round `round` of the submission (scheduled when it was opened): moves past
    /// the longest chain of slots first.
    pub async fn draw_round(&mut self, task: Pubkey, submission: Pubkey, round: u8) -> TxResult {
        self.net
            .warp_slots(merit::constants::DRAW_CHAIN_MAX_SLOTS + 1);
        let keeper = self.net.payer();
        let ix = self.client().draw_round(keeper, task, submission, round);
        self.send(&[ix], &[]).await
    }

    /// The submission's round under way (or the one that decided it).
    pub async fn current_round(&mut self, submission: &Pubkey) -> Round {
        let index = self.round_of(submission).await;
        self.round(submission, index).await
    }

    /// The submission's round `index`.
    pub async fn round(&mut self, submission: &Pubkey, index: u8) -> Round {
        self.net
            .account(&pda::round(submission, index))
            .await
            .expect("round")
    }

    /// One `draw` call by the fee payer.
    pub async fn draw_step(&mut self, task: &Pubkey) -> TxResult {
        let keeper = self.net.payer();
        let ix = self.client().draw(keeper, *task);
        self.send(&[ix], &[]).await
    }

    /// The seats `validator` holds on the committee of the submission's round under way
    /// (0: not drawn).
    pub async fn seats(&mut self, task: &Pubkey, submission: &Pubkey, validator: &Pubkey) -> u64 {
        let index = self.round_of(submission).await;
        let t = self.task(task).await;
        let round = match self
            .net
            .account::<Round>(&pda::round(submission, index))
            .await
        {
            Some(r) => r,
            // Not revealed yet: round 1 as it will be opened.
            None => Round::first(*task, *submission, Pubkey::default(), 0, &t),
        };
        let stake: Option<Stake> = self.net.account(&pda::stake(validator)).await;
        let epoch = self.config().await.current_epoch;
        merit_client::seats(&t, &round, validator, stake.as_ref(), epoch)
    }

    pub async fn to_reveal_phase(&mut self, task: &Pubkey) {
        let t = self.task(task).await;
        self.set_time(t.commit_deadline);
    }

    pub async fn to_finalize_phase(&mut self, task: &Pubkey) {
        let t = self.task(task).await;
        self.set_time(t.reveal_deadline);
    }

    // Fetchers

    pub async fn config(&mut self) -> Config {
        self.net.account(&pda::config()).await.expect("config")
    }

    pub async fn stake(&mut self, owner: &Pubkey) -> Stake {
        self.net.account(&pda::stake(owner)).await.expect("stake")
    }

    pub async fn submission(&mut self, key: &Pubkey) -> Submission {
        self.net.account(key).await.expect("submission")
    }

    /// `validator`'s vote in the submission's round under way.
    pub async fn vote(&mut self, submission: &Pubkey, validator: &Pubkey) -> Vote {
        let round = self.round_of(submission).await;
        self.vote_in(submission, round, validator).await
    }

    pub async fn vote_in(&mut self, submission: &Pubkey, round: u8, validator: &Pubkey) -> Vote {
        self.net
            .account(&pda::vote_in(submission, round, validator))
            .await
            .expect("vote")
    }

    pub async fn balance(&mut self, owner: &Pubkey) -> u64 {
        self.net.wallet_balance(owner).await
    }

    /// Lamports, owner and data of each account (None when it does not exist).
    pub async fn snapshot(&mut self, keys: &[Pubkey]) -> Vec<Option<(u64, Pubkey, Vec<u8>)>> {
        let mut out = Vec::with_capacity(keys.len());
        for k in keys {
            out.push(
                self.net
                    .raw_account(k)
                    .await
                    .map(|a| (a.lamports, a.owner, a.data)),
            );
        }
        out
    }

    /// Stops tracking tasks, submissions and votes that were closed (the ledger keeps
    /// what they paid), so long runs check only live accounts.
    pub async fn prune_closed(&mut self) {
        for set in [
            &mut self.tasks,
            &mut self.submissions,
            &mut self.rounds,
            &mut self.votes,
        ] {
            let mut live = BTreeSet::new();
            for k in set.iter() {
                if self.net.raw_account(k).await.is_some() {
                    live.insert(*k);
                }
            }
            *set = live;
        }
    }

    pub async fn exists(&mut self, key: &Pubkey) -> bool {
        self.net.raw_account(key).await.is_some()
    }
}

/// A deterministic content hash for test submissions.
pub fn content_hash(task: &Pubkey, seed: u8) -> [u8; 32] {
    let mut h = task.to_bytes();
    h[0] ^= seed;
    h[31] = seed;
    h
}

/// The salt a test validator uses: derived from its key, so a reveal can be rebuilt.
pub fn salt_of(validator: &Keypair) -> [u8; 32] {
    let mut s = validator.pubkey().to_bytes();
    s.reverse();
    s
}
