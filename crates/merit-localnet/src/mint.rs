//! Creating the stake mint, with Token-2022 extensions when a test asks for them.
use crate::{Keypair, Localnet, Signer, TxError};
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::solana_program::program_error::ProgramError;
use anchor_lang::solana_program::system_instruction;
use anchor_spl::token_2022::spl_token_2022::{
    self,
    extension::{
        default_account_state, interest_bearing_mint, metadata_pointer, pausable, transfer_fee,
        transfer_hook, ExtensionType,
    },
    state::{AccountState, Mint},
};

/// Token-2022 mint extensions a test can put on the stake mint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MintExtension {
    TransferFee,
    TransferHook,
    PermanentDelegate,
    NonTransferable,
    Pausable,
    MintCloseAuthority,
    /// New token accounts start frozen (needs a freeze authority, which this sets too).
    DefaultAccountStateFrozen,
    /// Not an extension: the mint gets a freeze authority (SPL Token or Token-2022).
    FreezeAuthority,
    /// An extension off the allowlist that the program has no named error for.
    InterestBearing,
    /// Harmless: the program accepts it.
    MetadataPointer,
}

impl MintExtension {
    fn kind(self) -> Option<ExtensionType> {
        Some(match self {
            MintExtension::TransferFee => ExtensionType::TransferFeeConfig,
            MintExtension::TransferHook => ExtensionType::TransferHook,
            MintExtension::PermanentDelegate => ExtensionType::PermanentDelegate,
            MintExtension::NonTransferable => ExtensionType::NonTransferable,
            MintExtension::Pausable => ExtensionType::Pausable,
            MintExtension::MintCloseAuthority => ExtensionType::MintCloseAuthority,
            MintExtension::DefaultAccountStateFrozen => ExtensionType::DefaultAccountState,
            MintExtension::InterestBearing => ExtensionType::InterestBearingConfig,
            MintExtension::MetadataPointer => ExtensionType::MetadataPointer,
            MintExtension::FreezeAuthority => return None,
        })
    }

    /// Whether the mint needs a freeze authority.
    fn freezes(self) -> bool {
        matches!(
            self,
            MintExtension::FreezeAuthority | MintExtension::DefaultAccountStateFrozen
        )
    }

    fn init(self, mint: &Pubkey, authority: &Pubkey) -> Result<Option<Instruction>, ProgramError> {
        let program = &spl_token_2022::ID;
        let ix = match self {
            MintExtension::FreezeAuthority => return Ok(None),
            MintExtension::DefaultAccountStateFrozen => {
                default_account_state::instruction::initialize_default_account_state(
                    program,
                    mint,
                    &AccountState::Frozen,
                )
            }
            MintExtension::InterestBearing => {
                interest_bearing_mint::instruction::initialize(program, mint, Some(*authority), 10)
            }
            MintExtension::MetadataPointer => metadata_pointer::instruction::initialize(
                program,
                mint,
                Some(*authority),
                Some(*mint),
            ),
            MintExtension::TransferFee => {
                transfer_fee::instruction::initialize_transfer_fee_config(
                    program,
                    mint,
                    Some(authority),
                    Some(authority),
                    100,
                    1_000_000,
                )
            }
            MintExtension::TransferHook => transfer_hook::instruction::initialize(
                program,
                mint,
                Some(*authority),
                Some(*authority),
            ),
            MintExtension::PermanentDelegate => {
                spl_token_2022::instruction::initialize_permanent_delegate(program, mint, authority)
            }
            MintExtension::NonTransferable => {
                spl_token_2022::instruction::initialize_non_transferable_mint(program, mint)
            }
            MintExtension::Pausable => pausable::instruction::initialize(program, mint, authority),
            MintExtension::MintCloseAuthority => {
                spl_token_2022::instruction::initialize_mint_close_authority(
                    program,
                    mint,
                    Some(authority),
                )
            }
        };
        ix.map(Some)
    }
}

fn program_error(e: ProgramError) -> TxError {
    TxError::other(e.to_string())
}

impl Localnet {
    /// Creates `mint` under the deployment's token program with `extensions`.
    pub(crate) async fn create_mint(
        &mut self,
        mint: &Keypair,
        decimals: u8,
        extensions: &[MintExtension],
    ) -> Result<(), TxError> {
        let token_program = self.client.token_program;
        let kinds: Vec<ExtensionType> = extensions.iter().filter_map(|e| e.kind()).collect();
        let space = if kinds.is_empty() {
            <Mint as anchor_lang::solana_program::program_pack::Pack>::LEN
        } else {
            ExtensionType::try_calculate_account_len::<Mint>(&kinds).map_err(program_error)?
        };
        let rent = self
            .ctx
            .banks_client
            .get_rent()
            .await
            .map_err(crate::banks_error)?
            .minimum_balance(space);
        let authority = self.mint_authority.pubkey();
        let mut ixs = vec![system_instruction::create_account(
            &self.ctx.payer.pubkey(),
            &mint.pubkey(),
            rent,
            space as u64,
            &token_program,
        )];
        for ext in extensions {
            if let Some(ix) = ext
                .init(&mint.pubkey(), &authority)
                .map_err(program_error)?
            {
                ixs.push(ix);
            }
        }
        let freeze = extensions.iter().any(|e| e.freezes()).then_some(&authority);
        ixs.push(
            spl_token_2022::instruction::initialize_mint2(
                &token_program,
                &mint.pubkey(),
                &authority,
                freeze,
                decimals,
            )
            .map_err(program_error)?,
        );
        let mint = mint.insecure_clone();
        self.send(&ixs, &[&mint]).await
    }
}
