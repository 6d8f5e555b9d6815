//! A builder for every instruction. Each resolves the PDAs and the caller's associated
//! token account itself, so a caller passes only what it must choose.
use crate::pda;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::{system_program, InstructionData, ToAccountMetas};
use merit::instructions::CreateTaskArgs;
use merit::state::ConfigParams;
use merit::{accounts as acc, instruction as data};

fn build(accounts: impl ToAccountMetas, data: impl InstructionData) -> Instruction {
    Instruction {
        program_id: merit::ID,
        accounts: accounts.to_account_metas(None),
        data: data.data(),
    }
}

/// Builds Merit instructions for one deployment (its stake mint and token program).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MeritClient {
    pub stake_mint: Pubkey,
    pub token_program: Pubkey,
}

impl MeritClient {
    pub fn new(stake_mint: Pubkey, token_program: Pubkey) -> Self {
        Self {
            stake_mint,
            token_program,
        }
    }

    /// The claimant's vesting accounts. Claims always pass them: the program decides from
    /// the task's or epoch's snapshot whether the payment vests, and reads (or creates) the
    /// vesting account only then.
    fn vesting_accounts(&self, owner: &Pubkey) -> (Option<Pubkey>, Option<Pubkey>) {
        (Some(pda::vesting(owner)), Some(pda::vesting_vault()))
    }

    /// The slasher's vesting account, for its share of a slash taken from unvested
    /// rewards; none when slashing its own stake.
    fn slasher_vesting(slasher: &Pubkey, offender: &Pubkey) -> Option<Pubkey> {
        (slasher != offender).then(|| pda::vesting(slasher))
    }

    /// The group every reward claim shares: `claimant` claims from `task`.
    fn reward_payout(&self, claimant: Pubkey, task: Pubkey) -> acc::RewardPayout {
        let (vesting, vesting_vault) = self.vesting_accounts(&claimant);
        acc::RewardPayout {
            claimant,
            config: pda::config(),
            task,
            stake: pda::stake(&claimant),
            task_vault: pda::task_vault(&task),
            claimant_token: self.ata(&claimant),
            vesting,
            vesting_vault,
            stake_mint: self.stake_mint,
            token_program: self.token_program,
            system_program: system_program::ID,
        }
    }

    /// The group both emission claims share.
    fn emission_payout(&self, claimant: Pubkey) -> acc::EmissionPayout {
        let (vesting, vesting_vault) = self.vesting_accounts(&claimant);
        acc::EmissionPayout {
            claimant,
            config: pda::config(),
            emission_vault: pda::emission_vault(),
            claimant_token: self.ata(&claimant),
            vesting,
            vesting_vault,
            stake_mint: self.stake_mint,
            token_program: self.token_program,
            system_program: system_program::ID,
        }
    }

    /// The group both slashes share: `slasher` slashes `offender`'s stake.
    fn slash_payout(&self, slasher: Pubkey, offender: &Pubkey) -> acc::SlashPayout {
        acc::SlashPayout {
            slasher,
            config: pda::config(),
            stake_vault: pda::stake_vault(),
            vesting_vault: pda::vesting_vault(),
            treasury_vault: pda::treasury(),
            slasher_token: self.ata(&slasher),
            slasher_vesting: Self::slasher_vesting(&slasher, offender),
            stake_mint: self.stake_mint,
            token_program: self.token_program,
            system_program: system_program::ID,
        }
    }

    /// The owner's associated token account for the stake mint.
    pub fn ata(&self, owner: &Pubkey) -> Pubkey {
        pda::associated_token(owner, &self.stake_mint, &self.token_program)
    }

    // Admin

    pub fn initialize(&self, admin: Pubkey, params: ConfigParams) -> Instruction {
        build(
            acc::Initialize {
                admin,
                config: pda::config(),
                stake_mint: self.stake_mint,
                stake_vault: pda::stake_vault(),
                treasury_vault: pda::treasury(),
                emission_vault: pda::emission_vault(),
                vesting_vault: pda::vesting_vault(),
                first_epoch: pda::epoch(0),
                token_program: self.token_program,
                system_program: system_program::ID,
            },
            data::Initialize { params },
        )
    }

    fn admin_only(admin: Pubkey) -> acc::AdminOnly {
        acc::AdminOnly {
            admin,
            config: pda::config(),
        }
    }

    /// Proposes new parameters, applicable after the config's `param_timelock_secs`.
    pub fn propose_config(&self, admin: Pubkey, params: ConfigParams) -> Instruction {
        build(Self::admin_only(admin), data::ProposeConfig { params })
    }

    pub fn cancel_config(&self, admin: Pubkey) -> Instruction {
        build(Self::admin_only(admin), data::CancelConfig {})
    }

    /// Applies the pending parameters (anyone, once the timelock has elapsed).
    pub fn apply_config(&self, caller: Pubkey) -> Instruction {
        build(
            acc::ApplyConfig {
                caller,
                config: pda::config(),
            },
            data::ApplyConfig {},
        )
    }

    pub fn set_paused(&self, admin: Pubkey, paused: bool) -> Instruction {
        build(Self::admin_only(admin), data::SetPaused { paused })
    }

    pub fn propose_admin(&self, admin: Pubkey, new_admin: Option<Pubkey>) -> Instruction {
        build(Self::admin_only(admin), data::ProposeAdmin { new_admin })
    }

    pub fn accept_admin(&self, new_admin: Pubkey) -> Instruction {
        build(
            acc::AcceptAdmin {
                new_admin,
                config: pda::config(),
            },
            data::AcceptAdmin {},
        )
    }

    // Stake

    pub fn deposit_stake(&self, owner: Pubkey, amount: u64) -> Instruction {
        build(
            acc::DepositStake {
                owner,
                config: pda::config(),
                stake: pda::stake(&owner),
                owner_token: self.ata(&owner),
                stake_vault: pda::stake_vault(),
                stake_mint: self.stake_mint,
                token_program: self.token_program,
                system_program: system_program::ID,
            },
            data::DepositStake { amount },
        )
    }

    pub fn request_unstake(&self, owner: Pubkey, amount: u64) -> Instruction {
        build(
            acc::RequestUnstake {
                owner,
                config: pda::config(),
                stake: pda::stake(&owner),
            },
            data::RequestUnstake { amount },
        )
    }

    pub fn withdraw_stake(&self, owner: Pubkey) -> Instruction {
        build(
            acc::WithdrawStake {
                owner,
                config: pda::config(),
                stake: pda::stake(&owner),
                owner_token: self.ata(&owner),
                stake_vault: pda::stake_vault(),
                stake_mint: self.stake_mint,
                token_program: self.token_program,
            },
            data::WithdrawStake {},
        )
    }

    // Tasks

    pub fn create_task(&self, creator: Pubkey, args: CreateTaskArgs) -> Instruction {
        let task = pda::task(&creator, args.id);
        build(
            acc::CreateTask {
                creator,
                config: pda::config(),
                task,
                task_vault: pda::task_vault(&task),
                creator_token: self.ata(&creator),
                treasury_vault: pda::treasury(),
                stake_mint: self.stake_mint,
                token_program: self.token_program,
                system_program: system_program::ID,
            },
            data::CreateTask { args },
        )
    }

    pub fn cancel_task(&self, creator: Pubkey, task: Pubkey) -> Instruction {
        build(
            acc::CancelTask {
                creator,
                config: pda::config(),
                task,
                task_vault: pda::task_vault(&task),
                creator_token: self.ata(&creator),
                stake_mint: self.stake_mint,
                token_program: self.token_program,
            },
            data::CancelTask {},
        )
    }

    pub fn reclaim_task(&self, creator: Pubkey, task: Pubkey) -> Instruction {
        build(
            acc::ReclaimTask {
                creator,
                config: pda::config(),
                task,
                task_vault: pda::task_vault(&task),
                creator_token: self.ata(&creator),
                stake_mint: self.stake_mint,
                token_program: self.token_program,
            },
            data::ReclaimTask {},
        )
    }

    // Work and votes

    /// Commits to work: `commitment` is [`crate::submission_commitment`]; `terms_hash` is
    /// the task's `terms_hash` as the contributor read it (the terms it agrees to).
    pub fn submit(
        &self,
        contributor: Pubkey,
        task: Pubkey,
        commitment: [u8; 32],
        terms_hash: [u8; 32],
    ) -> Instruction {
        build(
            acc::Submit {
                contributor,
                config: pda::config(),
                task,
                stake: pda::stake(&contributor),
                submission: pda::submission(&task, &contributor),
                contributor_token: self.ata(&contributor),
                task_vault: pda::task_vault(&task),
                stake_mint: self.stake_mint,
                token_program: self.token_program,
                system_program: system_program::ID,
            },
            data::Submit {
                commitment,
                terms_hash,
            },
        )
    }

    /// Reveals the committed content (after submissions close).
    pub fn reveal_submission(
        &self,
        contributor: Pubkey,
        task: Pubkey,
        content_hash: [u8; 32],
        salt: [u8; 32],
        uri: String,
    ) -> Instruction {
        build(
            acc::RevealSubmission {
                contributor,
                config: pda::config(),
                task,
                submission: pda::submission(&task, &contributor),
                content_claim: pda::content_claim(&content_hash),
                round: pda::round(&pda::submission(&task, &contributor), 1),
                system_program: system_program::ID,
            },
            data::RevealSubmission {
                content_hash,
                salt,
                uri,
            },
        )
    }

    /// Commits a vote in round `round` of `submission`: `commitment` is
    /// [`crate::vote_commitment`] over the round's address.
    pub fn commit_vote(
        &self,
        validator: Pubkey,
        task: Pubkey,
        submission: Pubkey,
        round: u8,
        commitment: [u8; 32],
    ) -> Instruction {
        let round = pda::round(&submission, round);
        build(
            acc::CommitVote {
                validator,
                config: pda::config(),
                task,
                submission,
                round,
                stake: pda::stake(&validator),
                validator_submission: pda::submission(&task, &validator),
                vote: pda::vote(&round, &validator),
                system_program: system_program::ID,
            },
            data::CommitVote { commitment },
        )
    }

    pub fn reveal_vote(
        &self,
        validator: Pubkey,
        task: Pubkey,
        submission: Pubkey,
        round: u8,
        score: u8,
        salt: [u8; 32],
    ) -> Instruction {
        let round = pda::round(&submission, round);
        build(
            acc::RevealVote {
                validator,
                config: pda::config(),
                task,
                submission,
                round,
                vote: pda::vote(&round, &validator),
                stake: pda::stake(&validator),
            },
            data::RevealVote { score, salt },
        )
    }

    // Keepers

    /// Closes the current round of `contributor`'s submission to `task` into the open
    /// epoch `epoch`. `content_hash` is the submission's revealed content and `round` its
    /// current round (`Submission::round`), both None when never revealed; `open_next`
    /// opens round `round + 1` (when `Submission::close_check` says the round decides
    /// nothing and another is due). The last three are what `keeper::finalize_args` returns.
    #[allow(clippy::too_many_arguments)]
    pub fn finalize_submission(
        &self,
        keeper: Pubkey,
        task: Pubkey,
        contributor: Pubkey,
        epoch: u64,
        content_hash: Option<[u8; 32]>,
        round: Option<u8>,
        open_next: bool,
    ) -> Instruction {
        let submission = pda::submission(&task, &contributor);
        build(
            acc::FinalizeSubmission {
                keeper,
                config: pda::config(),
                task,
                submission,
                round: round.map(|r| pda::round(&submission, r)),
                next_round: round
                    .filter(|_| open_next)
                    .map(|r| pda::round(&submission, r.saturating_add(1))),
                stake: pda::stake(&contributor),
                epoch: pda::epoch(epoch),
                content_claim: content_hash.map(|h| pda::content_claim(&h)),
                task_vault: pda::task_vault(&task),
                treasury_vault: pda::treasury(),
                stake_mint: self.stake_mint,
                token_program: self.token_program,
                system_program: system_program::ID,
            },
            data::FinalizeSubmission {},
        )
    }

    /// Schedules (first call) or seeds (once the target's chain of slots was produced, or
    /// from the fallback once it aged out) `task`'s committee draw.
    pub fn draw(&self, keeper: Pubkey, task: Pubkey) -> Instruction {
        build(
            acc::DrawCommittee {
                keeper,
                config: pda::config(),
                task,
                slot_hashes: merit::constants::SLOT_HASHES_SYSVAR,
            },
            data::Draw {},
        )
    }

    /// Seeds the committee of round `round` (>= 2) of `submission`, a submission to `task`.
    pub fn draw_round(
        &self,
        keeper: Pubkey,
        task: Pubkey,
        submission: Pubkey,
        round: u8,
    ) -> Instruction {
        build(
            acc::DrawRound {
                keeper,
                config: pda::config(),
                task,
                round: pda::round(&submission, round),
                slot_hashes: merit::constants::SLOT_HASHES_SYSVAR,
            },
            data::DrawRound {},
        )
    }

    pub fn finalize_task(&self, keeper: Pubkey, task: Pubkey) -> Instruction {
        build(
            acc::FinalizeTask {
                keeper,
                config: pda::config(),
                task,
                task_vault: pda::task_vault(&task),
                treasury_vault: pda::treasury(),
                stake_mint: self.stake_mint,
                token_program: self.token_program,
            },
            data::FinalizeTask {},
        )
    }

    /// Reports `validator`'s absence from round `round` of `submission` (a submission to
    /// `task`): drawn, eligible, and no vote when the commit window closed.
    pub fn report_absence(
        &self,
        slasher: Pubkey,
        task: Pubkey,
        submission: Pubkey,
        round: u8,
        validator: Pubkey,
    ) -> Instruction {
        let round = pda::round(&submission, round);
        build(
            acc::ReportAbsence {
                payout: self.slash_payout(slasher, &validator),
                task,
                submission,
                round,
                stake: pda::stake(&validator),
                offender_vesting: pda::vesting(&validator),
                validator_submission: pda::submission(&task, &validator),
                vote: pda::vote(&round, &validator),
                system_program: system_program::ID,
            },
            data::ReportAbsence {},
        )
    }

    /// `contributor` is the submission's contributor (whose stake is slashed).
    pub fn slash_submission(
        &self,
        slasher: Pubkey,
        task: Pubkey,
        contributor: Pubkey,
    ) -> Instruction {
        build(
            acc::SlashSubmission {
                payout: self.slash_payout(slasher, &contributor),
                task,
                submission: pda::submission(&task, &contributor),
                stake: pda::stake(&contributor),
                offender_vesting: pda::vesting(&contributor),
            },
            data::SlashSubmission {},
        )
    }

    /// Slashes `validator`'s vote in round `round` of `submission`.
    pub fn slash_vote(
        &self,
        slasher: Pubkey,
        task: Pubkey,
        submission: Pubkey,
        round: u8,
        validator: Pubkey,
    ) -> Instruction {
        let round = pda::round(&submission, round);
        build(
            acc::SlashVote {
                payout: self.slash_payout(slasher, &validator),
                task,
                round,
                vote: pda::vote(&round, &validator),
                stake: pda::stake(&validator),
                offender_vesting: pda::vesting(&validator),
            },
            data::SlashVote {},
        )
    }

    // Claims and closing

    pub fn claim_submission(&self, contributor: Pubkey, task: Pubkey) -> Instruction {
        build(
            acc::ClaimSubmission {
                payout: self.reward_payout(contributor, task),
                submission: pda::submission(&task, &contributor),
            },
            data::ClaimSubmission {},
        )
    }

    /// Claims `validator`'s vote in round `round` of `submission`.
    pub fn claim_vote(
        &self,
        validator: Pubkey,
        task: Pubkey,
        submission: Pubkey,
        round: u8,
    ) -> Instruction {
        let round = pda::round(&submission, round);
        build(
            acc::ClaimVote {
                payout: self.reward_payout(validator, task),
                round,
                vote: pda::vote(&round, &validator),
            },
            data::ClaimVote {},
        )
    }

    // Epochs, emissions and vesting

    pub fn fund_emissions(&self, funder: Pubkey, amount: u64, lamports: u64) -> Instruction {
        build(
            acc::FundEmissions {
                funder,
                config: pda::config(),
                funder_token: self.ata(&funder),
                emission_vault: pda::emission_vault(),
                stake_mint: self.stake_mint,
                token_program: self.token_program,
                system_program: system_program::ID,
            },
            data::FundEmissions { amount, lamports },
        )
    }

    /// Moves the treasury's pending share of slashed stake (`Config::treasury_pending`) from
    /// the stake vault to the treasury vault. Anyone may send it.
    pub fn sweep_treasury(&self, caller: Pubkey) -> Instruction {
        build(
            acc::SweepTreasury {
                caller,
                config: pda::config(),
                stake_vault: pda::stake_vault(),
                treasury_vault: pda::treasury(),
                stake_mint: self.stake_mint,
                token_program: self.token_program,
            },
            data::SweepTreasury {},
        )
    }

    /// Closes epoch `current` and opens `next` (the epoch containing now).
    pub fn advance_epoch(&self, keeper: Pubkey, current: u64, next: u64) -> Instruction {
        build(
            acc::AdvanceEpoch {
                keeper,
                config: pda::config(),
                current_epoch: pda::epoch(current),
                next_epoch: pda::epoch(next),
                system_program: system_program::ID,
            },
            data::AdvanceEpoch { next_index: next },
        )
    }

    /// `epoch` is the submission's finalization epoch (`Submission::epoch`).
    pub fn claim_submission_emission(
        &self,
        contributor: Pubkey,
        task: Pubkey,
        epoch: u64,
    ) -> Instruction {
        build(
            acc::ClaimSubmissionEmission {
                payout: self.emission_payout(contributor),
                epoch: pda::epoch(epoch),
                submission: pda::submission(&task, &contributor),
                task,
            },
            data::ClaimSubmissionEmission {},
        )
    }

    /// `epoch` is the vote's epoch (`Vote::epoch`, set by `claim_vote`); `task` is the
    /// submission's task; the vote is in round `round` of `submission`.
    pub fn claim_vote_emission(
        &self,
        validator: Pubkey,
        task: Pubkey,
        submission: Pubkey,
        round: u8,
        epoch: u64,
    ) -> Instruction {
        build(
            acc::ClaimVoteEmission {
                payout: self.emission_payout(validator),
                epoch: pda::epoch(epoch),
                vote: pda::vote_in(&submission, round, &validator),
                task,
            },
            data::ClaimVoteEmission {},
        )
    }

    pub fn withdraw_vested(&self, owner: Pubkey) -> Instruction {
        build(
            acc::WithdrawVested {
                owner,
                config: pda::config(),
                vesting: pda::vesting(&owner),
                vesting_vault: pda::vesting_vault(),
                owner_token: self.ata(&owner),
                stake_mint: self.stake_mint,
                token_program: self.token_program,
            },
            data::WithdrawVested {},
        )
    }

    /// Closes `validator`'s settled vote (or absence record) in round `round` of
    /// `submission`; its rent goes to `payer` (`Vote::payer`: the validator, or whoever
    /// reported the absence).
    pub fn close_vote(
        &self,
        submission: Pubkey,
        round: u8,
        validator: Pubkey,
        payer: Pubkey,
    ) -> Instruction {
        let round = pda::round(&submission, round);
        build(
            acc::CloseVote {
                round,
                vote: pda::vote(&round, &validator),
                payer,
            },
            data::CloseVote {},
        )
    }

    /// Closes round `round` of `submission` once it and its votes are settled; its rent
    /// goes to `payer` (`Round::payer`).
    pub fn close_round(&self, submission: Pubkey, round: u8, payer: Pubkey) -> Instruction {
        build(
            acc::CloseRound {
                submission,
                round: pda::round(&submission, round),
                payer,
            },
            data::CloseRound {},
        )
    }

    pub fn close_submission(&self, task: Pubkey, contributor: Pubkey) -> Instruction {
        build(
            acc::CloseSubmission {
                task,
                submission: pda::submission(&task, &contributor),
                contributor,
            },
            data::CloseSubmission {},
        )
    }

    /// Expires a finalized task whose claim window has passed.
    pub fn expire_task(&self, caller: Pubkey, task: Pubkey) -> Instruction {
        build(acc::ExpireTask { caller, task }, data::ExpireTask {})
    }

    /// Expires closed epoch `index` once its claim window has passed.
    pub fn expire_epoch(&self, caller: Pubkey, index: u64) -> Instruction {
        build(
            acc::ExpireEpoch {
                caller,
                config: pda::config(),
                epoch: pda::epoch(index),
            },
            data::ExpireEpoch {},
        )
    }

    /// Closes the content claim of `content_hash` (signed by `closer`), sending its rent
    /// to `payer` (the claim's `payer`).
    pub fn close_content_claim(
        &self,
        closer: Pubkey,
        content_hash: [u8; 32],
        payer: Pubkey,
    ) -> Instruction {
        build(
            acc::CloseContentClaim {
                closer,
                content_claim: pda::content_claim(&content_hash),
                payer,
            },
            data::CloseContentClaim {},
        )
    }
}

/// Replaces every occurrence of account `from` in `ix` by `to`: the tool of attack
/// tests and of callers who pay from a token account other than their ATA.
pub fn replace_account(ix: &mut Instruction, from: &Pubkey, to: &Pubkey) {
    for meta in ix.accounts.iter_mut().filter(|m| m.pubkey == *from) {
        meta.pubkey = *to;
    }
}

/// Leaves optional account `account` out of `ix` (Anchor reads the program id in an
/// optional account's place as `None`).
pub fn leave_out(ix: &mut Instruction, account: &Pubkey) {
    for meta in ix.accounts.iter_mut().filter(|m| m.pubkey == *account) {
        meta.pubkey = merit::ID;
        meta.is_writable = false;
    }
}
