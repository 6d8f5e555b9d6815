//! Where tokens go when a reward or emission is claimed, and where they come from when
//! stake is slashed. Vesting sits between the two: with vesting on, claims are granted
//! into the owner's vesting account, and slashes take from its unvested part first.
use crate::error::MeritError;
use crate::math::{bps_floor, mul_div_floor, SafeMath};
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
    /// Pays `amount` under the vesting duration snapshotted by the task or epoch that owes
    /// it: granted into the owner's vesting account when `vesting_duration > 0`, straight
    /// to the owner's token account otherwise. The program decides: a client may always
    /// pass the vesting accounts (they are then only created), and must pass them when the
    /// reward vests.
    pub fn receive(
        self,
        source: Source<'_, 'info>,
        amount: u64,
        vesting_duration: i64,
        now: i64,
    ) -> Result<()> {
        let to = match (self.vesting, self.vesting_vault) {
            (Some(vesting), Some(vault)) => {
                vesting.init_for(self.owner, self.vesting_bump)?;
                if vesting_duration > 0 {
                    if amount > 0 {
                        vesting.grant(amount, now, vesting_duration)?;
                    }
                    vesting.invariant()?;
                    vault
                } else {
                    self.owner_token
                }
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
        vesting_duration: i64,
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
            vesting_duration,
            Clock::get()?.unix_timestamp,
        )
    }
}

/// Where a slash's tokens went.
pub struct SlashSplit {
    pub to_treasury: u64,
    /// The slasher's whole share, `slasher_reward_bps` of the amount.
    pub to_slasher: u64,
    /// Part of `to_slasher` granted into the slasher's vesting account: the slasher's share
    /// of what was taken from the offender's unvested rewards, vesting no sooner than it
    /// would have for the offender.
    pub to_slasher_vesting: u64,
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
    pub slasher: Pubkey,
    pub slasher_token: AccountInfo<'info>,
    /// The slasher's vesting account. Without it, the slasher's share of what came from
    /// the offender's unvested rewards goes to the treasury.
    pub slasher_vesting: Option<&'a mut Account<'info, Vesting>>,
    pub slasher_vesting_bump: Option<u8>,
}

impl Slash<'_, '_> {
    /// Slashes `amount` of the offender's locked bond. The amount is taken first from the
    /// offender's unvested rewards, then from stake; the whole bond is released either way.
    /// `slasher_reward_bps` of it (rounded down) goes to the slasher, the rest to the
    /// treasury. The slasher's share keeps the form it had: the part taken from unvested
    /// rewards is granted into the slasher's vesting account over the offender's remaining
    /// vesting time, so slashing one's own key never turns unvested rewards liquid.
    pub fn execute(self, amount: u64, slasher_reward_bps: u16, now: i64) -> Result<SlashSplit> {
        let (from_vesting, remaining) = self.take_from_vesting(amount, now)?;
        let from_stake = amount.safe_sub(from_vesting)?;
        self.stake.locked = self.stake.locked.safe_sub(amount)?;
        self.stake.deposited = self.stake.deposited.safe_sub(from_stake)?;
        let removed = self
            .stake
            .remove_staked(from_stake, self.config.current_epoch);
        self.stake.invariant()?;
        self.config.remove_stake(removed)?;

        let to_slasher = bps_floor(amount, slasher_reward_bps)?;
        let slasher_unvested = if from_vesting == 0 {
            0
        } else {
            mul_div_floor(to_slasher, from_vesting, amount)?
        };
        let to_slasher_vesting = match self.slasher_vesting {
            Some(vesting) => {
                vesting.init_for(self.slasher, self.slasher_vesting_bump)?;
                if slasher_unvested > 0 {
                    vesting.grant(slasher_unvested, now, remaining)?;
                }
                vesting.invariant()?;
                slasher_unvested
            }
            None => 0,
        };
        let to_slasher_liquid = to_slasher.safe_sub(slasher_unvested)?;
        let to_treasury = amount
            .safe_sub(to_slasher_liquid)?
            .safe_sub(to_slasher_vesting)?;
        let config_bump = self.config.bump;
        let seeds = Config::signer_seeds_for(&config_bump);
        let signer: &[&[&[u8]]] = &[&seeds];
        let authority = self.config.to_account_info();
        let t = &self.tokens;
        t.transfer(
            self.vesting_vault,
            self.treasury.clone(),
            authority.clone(),
            from_vesting.safe_sub(to_slasher_vesting)?,
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
            to_slasher_liquid,
            signer,
        )?;
        self.config.total_slashed_to_treasury = self
            .config
            .total_slashed_to_treasury
            .safe_add(to_treasury)?;
        Ok(SlashSplit {
            to_treasury,
            to_slasher: to_slasher_liquid.safe_add(to_slasher_vesting)?,
            to_slasher_vesting,
            from_vesting,
        })
    }

    /// Takes up to `amount` from the offender's unvested rewards; returns what it took and
    /// how long the rest of them had left to vest.
    fn take_from_vesting(&self, amount: u64, now: i64) -> Result<(u64, i64)> {
        let info = &self.offender_vesting;
        if *info.owner != crate::ID || info.data_is_empty() {
            return Ok((0, 0));
        }
        let mut data = info.try_borrow_mut_data()?;
        let mut vesting = Vesting::try_deserialize(&mut &data[..])?;
        vesting.checkpoint(now)?;
        let remaining = vesting.remaining_secs(now);
        let taken = vesting.slash(amount, now)?;
        vesting.invariant()?;
        vesting.try_serialize(&mut &mut data[..])?;
        Ok((taken, remaining))
    }
}
