//! The one place tokens move, through the mint's own program: SPL Token's `Transfer`
//! for an SPL Token mint and `TransferChecked` for a Token-2022 mint, so that both kinds
//! behave alike. SPL Token has no extensions, and every account the program moves tokens
//! between is pinned to the config's mint (`token::mint`, or a vault's address), so the
//! checked form's mint and decimals check would repeat what is already proven, for about
//! 1,500 compute units more per transfer (measured, `docs/compute-units.md`).
use crate::error::MeritError;
use anchor_lang::prelude::*;
use anchor_spl::token_2022::spl_token_2022::extension::{
    BaseStateWithExtensions, ExtensionType, StateWithExtensions,
};
use anchor_spl::token_2022::spl_token_2022::state::Mint as MintState;
use anchor_spl::token_interface::{self, CloseAccount, TokenInterface, TransferChecked};

/// Refuses a token account passed for two roles of one instruction (paying a vault into
/// itself, say): what Anchor's duplicate-mutable check did for the accounts that can alias,
/// in a few hundred CU (see `instructions` for the rule of which accounts are compared).
pub fn require_distinct(keys: &[Option<Pubkey>]) -> Result<()> {
    for (i, a) in keys.iter().enumerate() {
        if let Some(a) = a {
            require!(
                !keys[i + 1..].contains(&Some(*a)),
                MeritError::DuplicateTokenAccount
            );
        }
    }
    Ok(())
}

/// The mint and program every movement of the stake token goes through.
pub struct TokenMove<'info> {
    token_program: AccountInfo<'info>,
    mint: AccountInfo<'info>,
    decimals: u8,
}

impl<'info> TokenMove<'info> {
    /// `mint` is the config's stake mint (pinned by address: never deserialized here) and
    /// `decimals` the config's `mint_decimals`, recorded from it at `initialize`.
    pub fn new(
        token_program: &Interface<'info, TokenInterface>,
        mint: &UncheckedAccount<'info>,
        decimals: u8,
    ) -> Self {
        Self {
            token_program: token_program.to_account_info(),
            mint: mint.to_account_info(),
            decimals,
        }
    }

    /// Moves `amount` from `from` to `to`, signed by `authority` (with `signer_seeds`
    /// when the authority is a PDA). A zero amount is a no-op.
    pub fn transfer(
        &self,
        from: AccountInfo<'info>,
        to: AccountInfo<'info>,
        authority: AccountInfo<'info>,
        amount: u64,
        signer_seeds: &[&[&[u8]]],
    ) -> Result<()> {
        if amount == 0 {
            return Ok(());
        }
        if self.token_program.key() == anchor_spl::token::ID {
            let accounts = anchor_spl::token::Transfer {
                from,
                to,
                authority,
            };
            let ctx = CpiContext::new_with_signer(self.token_program.key(), accounts, signer_seeds);
            return anchor_spl::token::transfer(ctx, amount);
        }
        let accounts = TransferChecked {
            from,
            mint: self.mint.clone(),
            to,
            authority,
        };
        let ctx = CpiContext::new_with_signer(self.token_program.key(), accounts, signer_seeds);
        token_interface::transfer_checked(ctx, amount, self.decimals)
    }

    /// Closes an empty PDA-owned token account, returning its rent to `destination`.
    pub fn close(
        &self,
        account: AccountInfo<'info>,
        destination: AccountInfo<'info>,
        authority: AccountInfo<'info>,
        signer_seeds: &[&[&[u8]]],
    ) -> Result<()> {
        let accounts = CloseAccount {
            account,
            destination,
            authority,
        };
        let ctx = CpiContext::new_with_signer(self.token_program.key(), accounts, signer_seeds);
        token_interface::close_account(ctx)
    }
}

/// Accepts a stake mint only when nobody but the program can move, tax, freeze, block or
/// destroy the vaults' tokens: an SPL Token or Token-2022 mint without a freeze authority,
/// whose Token-2022 extensions are all on an allowlist (metadata and group pointers and
/// data, which change no balance). Every refused extension the program knows of has its
/// own error; any other extension, including ones added to Token-2022 later, is refused
/// as not allowed.
pub fn validate_stake_mint(mint: &AccountInfo) -> Result<()> {
    require!(
        *mint.owner == anchor_spl::token::ID || *mint.owner == anchor_spl::token_2022::ID,
        MeritError::UnsupportedTokenProgram
    );
    let data = mint.try_borrow_data()?;
    let state = StateWithExtensions::<MintState>::unpack(&data)?;
    for ext in state.get_extension_types()? {
        match ext {
            ExtensionType::MetadataPointer
            | ExtensionType::TokenMetadata
            | ExtensionType::GroupPointer
            | ExtensionType::TokenGroup
            | ExtensionType::GroupMemberPointer
            | ExtensionType::TokenGroupMember => {}
            ExtensionType::TransferFeeConfig => return err!(MeritError::MintHasTransferFee),
            ExtensionType::TransferHook => return err!(MeritError::MintHasTransferHook),
            ExtensionType::PermanentDelegate => return err!(MeritError::MintHasPermanentDelegate),
            ExtensionType::NonTransferable => return err!(MeritError::MintNonTransferable),
            ExtensionType::Pausable => return err!(MeritError::MintPausable),
            ExtensionType::MintCloseAuthority => return err!(MeritError::MintHasCloseAuthority),
            ExtensionType::DefaultAccountState => {
                return err!(MeritError::MintHasDefaultAccountState)
            }
            _ => return err!(MeritError::MintExtensionNotAllowed),
        }
    }
    require!(
        state.base.freeze_authority.is_none(),
        MeritError::MintHasFreezeAuthority
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn require_distinct_refuses_any_repeated_key_and_skips_absent_ones() {
        let (a, b, c) = (
            Pubkey::new_unique(),
            Pubkey::new_unique(),
            Pubkey::new_unique(),
        );
        require_distinct(&[Some(a), Some(b), Some(c)]).unwrap();
        require_distinct(&[Some(a), Some(b), None]).unwrap();
        require_distinct(&[None, None, Some(a)]).unwrap();
        for keys in [
            [Some(a), Some(a), None],
            [Some(a), Some(b), Some(a)],
            [Some(c), Some(b), Some(b)],
        ] {
            assert_eq!(
                require_distinct(&keys).unwrap_err(),
                MeritError::DuplicateTokenAccount.into()
            );
        }
    }
}
