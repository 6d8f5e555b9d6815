//! Where tokens go when a reward or emission is claimed, and where they come from when
//! stake is slashed. Vesting sits between the two: with vesting on, claims are granted
//! into the owner's vesting account, and slashes take from its unvested part first.
use crate::constants::ACCOUNT_VERSION;
use crate::error::MeritError;
use crate::math::{bps_floor, SafeMath};
use crate::state::{Config, Stake, Vesting};
use crate::token::TokenMove;
use anchor_lang::prelude::*;

/// The paying side of a claim: a PDA-owned vault and the seeds of its authority.
pub struct Source<'a, 'info> {
    pub tokens: &'a TokenMove<'info>,
    pub vault: AccountInfo<'info>,
    pub authority: AccountInfo<'info>,
    pub signer_seeds: &'a [&'a [&'a [u8]]],
}

/// The receiving side of a claim.
pub struct Beneficiary<'a, 'info> {
    pub owner: Pubkey,
    pub owner_token: AccountInfo<'info>,
    pub vesting: Option<&'a mut Account<'info, Vesting>>,
    pub vesting_bump: Option<u8>,
    pub vesting_vault: Option<AccountInfo<'info>>,
}

impl<'info> Beneficiary<'_, 'info> {
    /// Pays `amount` straight to the owner's token account when vesting is off, or
    /// grants it into the owner's vesting account when it is on. The caller must pass the
    /// vesting accounts exactly when vesting is on.
    pub fn receive(
        self,
        source: Source<'_, 'info>,
        amount: u64,
        vesting_duration: i64,
        now: i64,
    ) -> Result<()> {
        let to = match (self.vesting, self.vesting_vault) {
            (Some(vesting), Some(vault)) if vesting_duration > 0 => {
                if vesting.version == 0 {
                    vesting.version = ACCOUNT_VERSION;
                    vesting.bump = self.vesting_bump.ok_or(MeritError::VestingMismatch)?;
                    vesting.owner = self.owner;
                }
                if amount > 0 {
                    vesting.grant(amount, now, vesting_duration)?;
                }
                vesting.invariant()?;
                vault
            }
            (None, None) if vesting_duration == 0 => self.owner_token,
            _ => return err!(MeritError::VestingMismatch),
        };
        source.tokens.transfer(
            source.vault,
            to,
            source.authority,
            amount,
            source.signer_seeds,
        )
    }
}

impl<'info> Beneficiary<'_, 'info> {
    /// Pays `amount` of emission out of the emission vault, signed by the config.
    pub fn receive_emission(
        self,
        tokens: &TokenMove<'info>,
        config: &Account<'info, Config>,
        emission_vault: AccountInfo<'info>,
        amount: u64,
    ) -> Result<()> {
        let seeds = config.signer_seeds();
        self.receive(
            Source {
                tokens,
                vault: emission_vault,
                authority: config.to_account_info(),
                signer_seeds: &[&seeds],
            },
            amount,
            config.params.vesting_duration_secs,
            Clock::get()?.unix_timestamp,
        )
    }
}

/// Where a slash's tokens went.
pub struct SlashSplit {
    pub to_treasury: u64,
    pub to_slasher: u64,
    /// Part of the slash taken from the offender's unvested rewards.
    pub from_vesting: u64,
}

/// Everything a slash touches.
pub struct Slash<'a, 'info> {
    pub tokens: TokenMove<'info>,
    pub config: &'a mut Account<'info, Config>,
    pub stake: &'a mut Stake,
    /// The offender's vesting PDA (it may not exist).
    pub offender_vesting: AccountInfo<'info>,
    pub stake_vault: AccountInfo<'info>,
    pub vesting_vault: AccountInfo<'info>,
    pub treasury: AccountInfo<'info>,
    pub slasher_token: AccountInfo<'info>,
}

impl Slash<'_, '_> {
    /// Slashes `amount` of the offender's locked bond. The amount is taken first from the
    /// offender's unvested rewards, then from stake; the whole bond is released either way.
    /// `slasher_reward_bps` of it (rounded down) goes to the slasher, the rest to the treasury.
    pub fn execute(self, amount: u64, slasher_reward_bps: u16, now: i64) -> Result<SlashSplit> {
        let from_vesting = self.take_from_vesting(amount, now)?;
        let from_stake = amount.safe_sub(from_vesting)?;
        self.stake.locked = self.stake.locked.safe_sub(amount)?;
        self.stake.deposited = self.stake.deposited.safe_sub(from_stake)?;
        let removed = self
            .stake
            .remove_staked(from_stake, self.config.current_epoch);
        self.stake.invariant()?;
        self.config.remove_stake(removed)?;

        let to_slasher = bps_floor(amount, slasher_reward_bps)?;
        let to_treasury = amount.safe_sub(to_slasher)?;
        let config_bump = self.config.bump;
        let seeds = Config::signer_seeds_for(&config_bump);
        let signer: &[&[&[u8]]] = &[&seeds];
        let authority = self.config.to_account_info();
        let t = &self.tokens;
        t.transfer(
            self.vesting_vault,
            self.treasury.clone(),
            authority.clone(),
            from_vesting,
            signer,
        )?;
        t.transfer(
            self.stake_vault,
            self.treasury.clone(),
            authority.clone(),
            from_stake,
            signer,
        )?;
        t.transfer(
            self.treasury,
            self.slasher_token,
            authority,
            to_slasher,
            signer,
        )?;
        self.config.total_slashed_to_treasury = self
            .config
            .total_slashed_to_treasury
            .safe_add(to_treasury)?;
        Ok(SlashSplit {
            to_treasury,
            to_slasher,
            from_vesting,
        })
    }

    fn take_from_vesting(&self, amount: u64, now: i64) -> Result<u64> {
        let info = &self.offender_vesting;
        if *info.owner != crate::ID || info.data_is_empty() {
            return Ok(0);
        }
        let mut data = info.try_borrow_mut_data()?;
        let mut vesting = Vesting::try_deserialize(&mut &data[..])?;
        let taken = vesting.slash(amount, now)?;
        vesting.invariant()?;
        vesting.try_serialize(&mut &mut data[..])?;
        Ok(taken)
    }
}
