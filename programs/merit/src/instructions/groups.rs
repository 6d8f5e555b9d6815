//! Account groups shared by the instruction pairs that pay out the same way, each with the
//! one path that settles it: [`RewardPayout`] for `claim_submission` and `claim_vote`,
//! [`EmissionPayout`] for the two emission claims, [`SlashPayout`] for the two slashes.
//! An instruction holds its group as its first field (`payout`) and adds only the accounts
//! that tell the pair apart (the submission, the vote, the offender's stake). In the IDL
//! and the clients a group is one nested object.
use crate::error::MeritError;
use crate::events::{EmissionClaimed, Slashed};
use crate::payout::{Beneficiary, Slash, SlashSplit, Source, VestingSlot};
use crate::state::{Config, Epoch, Side, SlashKind, Stake, Task};
use crate::token::{require_distinct, TokenMove};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{TokenAccount, TokenInterface};

/// The receiving side both claim groups share: the claimant's token account, or its vesting
/// account when the payment vests.
fn beneficiary<'info>(
    claimant: &Signer<'info>,
    claimant_token: &InterfaceAccount<'info, TokenAccount>,
    vesting: &Option<UncheckedAccount<'info>>,
    vesting_vault: &Option<UncheckedAccount<'info>>,
) -> Beneficiary<'info> {
    Beneficiary {
        owner: claimant.key(),
        owner_token: claimant_token.to_account_info(),
        payer: claimant.to_account_info(),
        vesting: vesting.as_ref().map(|v| VestingSlot {
            info: v.to_account_info(),
            owner: claimant.key(),
        }),
        vesting_vault: vesting_vault.as_ref().map(|v| v.to_account_info()),
    }
}

/// A claim on a task's reward: the claimant, the task and its vault, the claimant's stake
/// (whose bond unlocks) and where the reward lands.
#[derive(Accounts)]
pub struct RewardPayout<'info> {
    #[account(mut)]
    pub claimant: Signer<'info>,
    pub config: AccountLoader<'info, Config>,
    #[account(mut, dup)]
    pub task: AccountLoader<'info, Task>,
    #[account(
        mut,
        dup,
        constraint = stake.owner == claimant.key() @ MeritError::AccountMismatch,
    )]
    pub stake: Box<Account<'info, Stake>>,
    #[account(
        mut,
        dup,
        address = task.load()?.vault @ MeritError::AccountMismatch,
    )]
    /// CHECK: Merit's own token account, pinned by address; the token program checks it.
    pub task_vault: UncheckedAccount<'info>,
    #[account(mut, dup, token::mint = stake_mint, token::token_program = token_program)]
    pub claimant_token: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The claimant's vesting account (`["vesting", claimant]`): pass it (clients always
    /// do). Read, or created when missing, only when the task's reward vests.
    /// CHECK: by `VestingSlot` when used (an existing one by type and owner, else address).
    #[account(mut, dup)]
    pub vesting: Option<UncheckedAccount<'info>>,
    #[account(mut, dup, address = config.load()?.vesting_vault @ MeritError::AccountMismatch)]
    /// CHECK: Merit's own token account, pinned by address; the token program checks it.
    pub vesting_vault: Option<UncheckedAccount<'info>>,
    /// CHECK: the config's stake mint, pinned by address; only the token program reads it.
    #[account(address = config.load()?.stake_mint @ MeritError::AccountMismatch)]
    pub stake_mint: UncheckedAccount<'info>,
    #[account(address = config.load()?.token_program @ MeritError::AccountMismatch)]
    pub token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl<'info> RewardPayout<'info> {
    pub fn validate(&self) -> Result<()> {
        require_distinct(&[
            Some(self.task_vault.key()),
            Some(self.claimant_token.key()),
            self.vesting_vault.as_ref().map(|v| v.key()),
        ])
    }

    /// Unlocks `bond` of the claimant's stake and pays `reward` out of the task vault
    /// (into vesting when the task's rules vest), after the task's and the stake's
    /// invariants hold. The caller has already booked `reward` against the task.
    pub fn settle(&mut self, bond: u64, reward: u64) -> Result<()> {
        self.stake.unlock(bond)?;
        self.stake.invariant()?;
        // Copied out: the task's data must not be borrowed while the transfer runs.
        let (signer, vesting_duration_secs) = {
            let task = self.task.load()?;
            task.invariant()?;
            (task.signer(), task.rules.vesting_duration_secs)
        };
        let tokens = TokenMove::new(
            &self.token_program,
            &self.stake_mint,
            self.config.load()?.mint_decimals,
        );
        let now = Clock::get()?.unix_timestamp;
        let beneficiary = beneficiary(
            &self.claimant,
            &self.claimant_token,
            &self.vesting,
            &self.vesting_vault,
        );
        signer.with(|seeds| {
            beneficiary.receive(
                Source {
                    tokens: &tokens,
                    vault: self.task_vault.to_account_info(),
                    authority: self.task.to_account_info(),
                    signer_seeds: seeds,
                },
                reward,
                vesting_duration_secs,
                now,
            )
        })
    }
}

/// A claim on an epoch's emission: the claimant, the config (which books every
/// emission), the emission vault and where the emission lands.
#[derive(Accounts)]
pub struct EmissionPayout<'info> {
    #[account(mut)]
    pub claimant: Signer<'info>,
    #[account(mut, dup)]
    pub config: AccountLoader<'info, Config>,
    #[account(mut, dup, address = config.load()?.emission_vault @ MeritError::AccountMismatch)]
    /// CHECK: Merit's own token account, pinned by address; the token program checks it.
    pub emission_vault: UncheckedAccount<'info>,
    #[account(mut, dup, token::mint = stake_mint, token::token_program = token_program)]
    pub claimant_token: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The claimant's vesting account (`["vesting", claimant]`): pass it (clients always
    /// do). Read, or created when missing, only when the epoch's emission vests.
    /// CHECK: by `VestingSlot` when used (an existing one by type and owner, else address).
    #[account(mut, dup)]
    pub vesting: Option<UncheckedAccount<'info>>,
    #[account(mut, dup, address = config.load()?.vesting_vault @ MeritError::AccountMismatch)]
    /// CHECK: Merit's own token account, pinned by address; the token program checks it.
    pub vesting_vault: Option<UncheckedAccount<'info>>,
    /// CHECK: the config's stake mint, pinned by address; only the token program reads it.
    #[account(address = config.load()?.stake_mint @ MeritError::AccountMismatch)]
    pub stake_mint: UncheckedAccount<'info>,
    #[account(address = config.load()?.token_program @ MeritError::AccountMismatch)]
    pub token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl<'info> EmissionPayout<'info> {
    pub fn validate(&self) -> Result<()> {
        require_distinct(&[
            Some(self.emission_vault.key()),
            Some(self.claimant_token.key()),
            self.vesting_vault.as_ref().map(|v| v.key()),
        ])
    }

    /// Settles `points` of `side`, earned by `source` (a submission or vote), against the
    /// closed `epoch` and what is left of `task`'s emission cap, and pays the amount out of
    /// the emission vault (into vesting when the epoch vests). Returns the event the handler
    /// emits.
    pub fn pay(
        &mut self,
        epoch: &mut Account<'info, Epoch>,
        side: Side,
        source: Pubkey,
        points: u64,
        task: &mut Task,
    ) -> Result<EmissionClaimed> {
        // Booked in a scope: the config signs the transfer below.
        let (amount, forfeited, decimals) = {
            let mut config = self.config.load_mut()?;
            let (amount, forfeited) = config.settle_emission(epoch, side, points, task)?;
            (amount, forfeited, config.mint_decimals)
        };
        task.invariant()?;
        beneficiary(
            &self.claimant,
            &self.claimant_token,
            &self.vesting,
            &self.vesting_vault,
        )
        .receive_emission(
            &TokenMove::new(&self.token_program, &self.stake_mint, decimals),
            &self.config,
            self.emission_vault.to_account_info(),
            amount,
            epoch.vesting_duration_secs,
        )?;
        Ok(EmissionClaimed {
            epoch: epoch.index,
            source,
            owner: self.claimant.key(),
            points,
            amount,
            forfeited,
            vested: epoch.vesting_duration_secs > 0,
        })
    }
}

/// A slash: the slasher (anyone) and where the slashed tokens go, the slasher's share
/// included.
#[derive(Accounts)]
pub struct SlashPayout<'info> {
    /// Anyone; receives `slasher_reward_bps` of the slash.
    #[account(mut)]
    pub slasher: Signer<'info>,
    #[account(mut, dup)]
    pub config: AccountLoader<'info, Config>,
    #[account(mut, dup, address = config.load()?.stake_vault @ MeritError::AccountMismatch)]
    /// CHECK: Merit's own token account, pinned by address; the token program checks it.
    pub stake_vault: UncheckedAccount<'info>,
    #[account(mut, dup, address = config.load()?.vesting_vault @ MeritError::AccountMismatch)]
    /// CHECK: Merit's own token account, pinned by address; the token program checks it.
    pub vesting_vault: UncheckedAccount<'info>,
    #[account(mut, dup, address = config.load()?.treasury_vault @ MeritError::AccountMismatch)]
    /// CHECK: Merit's own token account, pinned by address; the token program checks it.
    pub treasury_vault: UncheckedAccount<'info>,
    #[account(mut, dup, token::mint = stake_mint, token::token_program = token_program)]
    pub slasher_token: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The slasher's vesting account: receives the slasher's share of what the slash
    /// takes from the offender's unvested rewards. Without it that share goes to the
    /// treasury. Not when slashing your own stake (`SelfSlashVesting`).
    /// Read, or created when missing, only when the slash moves unvested tokens.
    /// CHECK: by `VestingSlot` when used (an existing one by type and owner, else address).
    #[account(mut, dup)]
    pub slasher_vesting: Option<UncheckedAccount<'info>>,
    /// CHECK: the config's stake mint, pinned by address; only the token program reads it.
    #[account(address = config.load()?.stake_mint @ MeritError::AccountMismatch)]
    pub stake_mint: UncheckedAccount<'info>,
    #[account(address = config.load()?.token_program @ MeritError::AccountMismatch)]
    pub token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl<'info> SlashPayout<'info> {
    /// `offender` owns the slashed stake.
    pub fn validate(&self, offender: &Pubkey) -> Result<()> {
        require_distinct(&[
            Some(self.stake_vault.key()),
            Some(self.vesting_vault.key()),
            Some(self.treasury_vault.key()),
            Some(self.slasher_token.key()),
        ])?;
        require!(
            self.slasher_vesting.is_none() || self.slasher.key() != *offender,
            MeritError::SelfSlashVesting
        );
        Ok(())
    }

    /// Slashes `amount` of `stake`'s locked bond for `kind` of failure by `target` (the
    /// submission or vote), unvested rewards in `offender_vesting` first, and splits it
    /// between the slasher and the treasury under the task's `slasher_reward_bps`. Returns
    /// the event the handler emits.
    pub fn execute(
        &mut self,
        stake: &mut Stake,
        offender_vesting: AccountInfo<'info>,
        kind: SlashKind,
        target: Pubkey,
        amount: u64,
        slasher_reward_bps: u16,
    ) -> Result<Slashed> {
        let offender = stake.owner;
        let slasher = self.slasher.key();
        // Its own statement: the config is written during the slash.
        let decimals = self.config.load()?.mint_decimals;
        let split: SlashSplit = Slash {
            tokens: TokenMove::new(&self.token_program, &self.stake_mint, decimals),
            config: &self.config,
            stake,
            offender_vesting: VestingSlot {
                info: offender_vesting,
                owner: offender,
            },
            stake_vault: self.stake_vault.to_account_info(),
            vesting_vault: self.vesting_vault.to_account_info(),
            treasury: self.treasury_vault.to_account_info(),
            slasher: self.slasher.to_account_info(),
            slasher_token: self.slasher_token.to_account_info(),
            slasher_vesting: self.slasher_vesting.as_ref().map(|v| VestingSlot {
                info: v.to_account_info(),
                owner: slasher,
            }),
        }
        .execute(amount, slasher_reward_bps, Clock::get()?.unix_timestamp)?;
        Ok(Slashed {
            kind,
            target,
            offender,
            amount,
            to_treasury: split.to_treasury,
            to_slasher: split.to_slasher,
            to_slasher_vesting: split.to_slasher_vesting,
            from_vesting: split.from_vesting,
            slasher,
        })
    }
}
