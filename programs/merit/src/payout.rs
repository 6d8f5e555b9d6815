//! Where tokens go when a reward or emission is claimed, and where they come from when
//! stake is slashed. Vesting sits between the two: with vesting on, claims are granted
//! into the owner's vesting account, and slashes take from its unvested part first.
use crate::constants::VESTING_SEED;
use crate::error::MeritError;
use crate::math::{bps_floor, mul_div_floor, SafeMath};
use crate::state::{Config, Stake, Vesting};
use crate::token::TokenMove;
use anchor_lang::prelude::*;
use anchor_lang::system_program::{self, Allocate, Assign, CreateAccount, Transfer};

/// A vesting account passed by address: read (and written back) only when a payment or a
/// slash actually moves unvested tokens, so that a claim that does not vest never pays for
/// it. An existing one is known by its type and its `owner` field (vesting accounts are
/// only ever created here, at `["vesting", owner]`); a missing one must be at that PDA.
pub struct VestingSlot<'info> {
    pub info: AccountInfo<'info>,
    pub owner: Pubkey,
}

impl<'info> VestingSlot<'info> {
    /// The vesting account, if `owner` has one here. `AccountMismatch` when the account is
    /// someone else's or not `owner`'s vesting address.
    pub fn load(&self) -> Result<Option<Vesting>> {
        let existing = self.existing()?;
        if existing.is_none() {
            self.bump()?;
        }
        Ok(existing)
    }

    /// The vesting account, created at the owner's PDA (rent paid by `payer`) when missing.
    pub fn load_or_create(&self, payer: &AccountInfo<'info>) -> Result<Vesting> {
        if let Some(vesting) = self.existing()? {
            return Ok(vesting);
        }
        let bump = self.bump()?;
        let space = 8 + Vesting::INIT_SPACE;
        let rent = Rent::get()?.minimum_balance(space);
        let owner = self.owner;
        let seeds: &[&[u8]] = &[VESTING_SEED, owner.as_ref(), &[bump]];
        let signer = &[seeds];
        let info = self.info.clone();
        let held = info.lamports();
        if held == 0 {
            system_program::create_account(
                CpiContext::new_with_signer(
                    system_program::ID,
                    CreateAccount {
                        from: payer.clone(),
                        to: info,
                    },
                    signer,
                ),
                rent,
                space as u64,
                &crate::ID,
            )?;
        } else {
            // Lamports sent to the address beforehand cannot block its creation.
            if rent > held {
                system_program::transfer(
                    CpiContext::new(
                        system_program::ID,
                        Transfer {
                            from: payer.clone(),
                            to: info.clone(),
                        },
                    ),
                    rent - held,
                )?;
            }
            system_program::allocate(
                CpiContext::new_with_signer(
                    system_program::ID,
                    Allocate {
                        account_to_allocate: info.clone(),
                    },
                    signer,
                ),
                space as u64,
            )?;
            system_program::assign(
                CpiContext::new_with_signer(
                    system_program::ID,
                    Assign {
                        account_to_assign: info,
                    },
                    signer,
                ),
                &crate::ID,
            )?;
        }
        Ok(Vesting::new(owner, bump))
    }

    /// The account as a vesting account of `owner` when the program owns it (its type is
    /// checked by the discriminator), `None` when it does not exist yet.
    fn existing(&self) -> Result<Option<Vesting>> {
        if *self.info.owner != crate::ID {
            return Ok(None);
        }
        let vesting = Vesting::try_deserialize(&mut &self.info.try_borrow_data()?[..])?;
        require_keys_eq!(vesting.owner, self.owner, MeritError::AccountMismatch);
        Ok(Some(vesting))
    }

    /// Writes `vesting` back, after its invariant holds.
    pub fn store(&self, vesting: &Vesting) -> Result<()> {
        vesting.invariant()?;
        vesting.try_serialize(&mut &mut self.info.try_borrow_mut_data()?[..])
    }

    /// The bump of the owner's vesting PDA; `AccountMismatch` when this is not it.
    fn bump(&self) -> Result<u8> {
        let (address, bump) =
            Pubkey::find_program_address(&[VESTING_SEED, self.owner.as_ref()], &crate::ID);
        require_keys_eq!(address, *self.info.key, MeritError::AccountMismatch);
        Ok(bump)
    }
}

/// The paying side of a claim: a PDA-owned vault and the seeds of its authority.
pub struct Source<'a, 'info> {
    pub tokens: &'a TokenMove<'info>,
    pub vault: AccountInfo<'info>,
    pub authority: AccountInfo<'info>,
    pub signer_seeds: &'a [&'a [&'a [u8]]],
}

/// The receiving side of a claim.
pub struct Beneficiary<'info> {
    pub owner: Pubkey,
    pub owner_token: AccountInfo<'info>,
    /// Pays the vesting account's rent when a vesting payment creates it.
    pub payer: AccountInfo<'info>,
    pub vesting: Option<VestingSlot<'info>>,
    pub vesting_vault: Option<AccountInfo<'info>>,
}

impl<'info> Beneficiary<'info> {
    /// Pays `amount` under the vesting duration snapshotted by the task or epoch that owes
    /// it: granted into the owner's vesting account (created if missing) when
    /// `vesting_duration > 0`, straight to the owner's token account otherwise, the vesting
    /// accounts then untouched. The program decides: a client may always pass the vesting
    /// accounts, and must pass them when the reward vests.
    pub fn receive(
        self,
        source: Source<'_, 'info>,
        amount: u64,
        vesting_duration: i64,
        now: i64,
    ) -> Result<()> {
        let to = match (self.vesting, self.vesting_vault) {
            (Some(slot), Some(vault)) if vesting_duration > 0 => {
                let mut vesting = slot.load_or_create(&self.payer)?;
                if amount > 0 {
                    vesting.grant(amount, now, vesting_duration)?;
                }
                slot.store(&vesting)?;
                vault
            }
            (Some(_), Some(_)) => self.owner_token,
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

    /// Pays `amount` of emission out of the emission vault, signed by the config.
    pub fn receive_emission(
        self,
        tokens: &TokenMove<'info>,
        config: &AccountLoader<'info, Config>,
        emission_vault: AccountInfo<'info>,
        amount: u64,
        vesting_duration: i64,
    ) -> Result<()> {
        let bump = config.load()?.bump;
        let seeds = Config::signer_seeds_for(&bump);
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
    /// The treasury's share: what came from stake is pending in the stake vault until
    /// `sweep_treasury`, the rest was transferred from the vesting vault.
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
    pub config: &'a AccountLoader<'info, Config>,
    pub stake: &'a mut Stake,
    /// The offender's vesting account (it may not exist).
    pub offender_vesting: VestingSlot<'info>,
    pub stake_vault: AccountInfo<'info>,
    pub vesting_vault: AccountInfo<'info>,
    pub treasury: AccountInfo<'info>,
    /// The slasher: pays the rent of its vesting account when this slash creates it.
    pub slasher: AccountInfo<'info>,
    pub slasher_token: AccountInfo<'info>,
    /// The slasher's vesting account. Without it, the slasher's share of what came from
    /// the offender's unvested rewards goes to the treasury.
    pub slasher_vesting: Option<VestingSlot<'info>>,
}

impl Slash<'_, '_> {
    /// Slashes `amount` of the offender's locked bond. The amount is taken first from the
    /// offender's unvested rewards, then from stake; the whole bond is released either way.
    /// `slasher_reward_bps` of it (rounded down) goes to the slasher, the rest to the
    /// treasury (the part taken from stake as `Config::treasury_pending`, swept later).
    /// The slasher's share keeps the form it had: the part taken from unvested rewards is
    /// granted into the slasher's vesting account over the offender's remaining vesting
    /// time, so slashing one's own key never turns unvested rewards liquid.
    pub fn execute(self, amount: u64, slasher_reward_bps: u16, now: i64) -> Result<SlashSplit> {
        let (from_vesting, remaining) = self.take_from_vesting(amount, now)?;
        let from_stake = amount.safe_sub(from_vesting)?;
        // Booked against the stake as it stands before the tokens leave it (which part
        // was still warming up), then taken.
        let removed = self
            .stake
            .remove_staked(from_stake, self.config.load()?.current_epoch);
        self.stake.locked = self.stake.locked.safe_sub(amount)?;
        self.stake.deposited = self.stake.deposited.safe_sub(from_stake)?;
        self.stake.invariant()?;
        self.config.load_mut()?.remove_stake(removed)?;

        let to_slasher = bps_floor(amount, slasher_reward_bps)?;
        let slasher_unvested = if from_vesting == 0 {
            0
        } else {
            mul_div_floor(to_slasher, from_vesting, amount)?
        };
        let to_slasher_vesting = match &self.slasher_vesting {
            Some(slot) if slasher_unvested > 0 => {
                let mut vesting = slot.load_or_create(&self.slasher)?;
                vesting.grant(slasher_unvested, now, remaining)?;
                slot.store(&vesting)?;
                slasher_unvested
            }
            _ => 0,
        };
        let to_slasher_liquid = to_slasher.safe_sub(slasher_unvested)?;
        let to_treasury = amount
            .safe_sub(to_slasher_liquid)?
            .safe_sub(to_slasher_vesting)?;
        // The treasury's part of the stake stays in the stake vault, booked as pending
        // (`sweep_treasury` moves it): the slasher's liquid share is paid straight out of
        // the stake vault (it never exceeds `from_stake`), so a slash of stake alone is one
        // transfer. What came from unvested rewards and is not granted to the slasher
        // leaves the vesting vault for the treasury now.
        let from_stake_to_treasury = from_stake.safe_sub(to_slasher_liquid)?;
        let from_vesting_to_treasury = from_vesting.safe_sub(to_slasher_vesting)?;
        let config_bump = self.config.load()?.bump;
        let seeds = Config::signer_seeds_for(&config_bump);
        let signer: &[&[&[u8]]] = &[&seeds];
        let authority = self.config.to_account_info();
        let t = &self.tokens;
        t.transfer(
            self.vesting_vault,
            self.treasury,
            authority.clone(),
            from_vesting_to_treasury,
            signer,
        )?;
        t.transfer(
            self.stake_vault,
            self.slasher_token,
            authority,
            to_slasher_liquid,
            signer,
        )?;
        let mut config = self.config.load_mut()?;
        config.total_slashed_to_treasury =
            config.total_slashed_to_treasury.safe_add(to_treasury)?;
        config.treasury_pending = config.treasury_pending.safe_add(from_stake_to_treasury)?;
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
        let slot = &self.offender_vesting;
        let Some(mut vesting) = slot.load()? else {
            return Ok((0, 0));
        };
        vesting.checkpoint(now)?;
        let remaining = vesting.remaining_secs(now);
        let taken = vesting.slash(amount, now)?;
        slot.store(&vesting)?;
        Ok((taken, remaining))
    }
}
