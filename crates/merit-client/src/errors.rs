//! Program errors by name and message, for people: a failed transaction's custom error
//! code told as `InsufficientUnlockedStake: Not enough unlocked stake`. Merit's own errors
//! come from the committed IDL (`app/idl/merit.json`, regenerated and diffed by CI, so it
//! is the program's `#[error_code]` enum), Anchor's framework errors from `anchor-lang`,
//! and the SPL Token and System program errors the wallet commands meet from their own
//! definitions.
use crate::TxError;
use anchor_lang::error::ErrorCode as AnchorErrorCode;
use anchor_lang::prelude::Pubkey;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// A custom error code explained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgramError {
    /// The program that raised it.
    pub program: &'static str,
    pub code: u32,
    pub name: String,
    pub msg: String,
}

impl std::fmt::Display for ProgramError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} ({} error {}): {}",
            self.name, self.program, self.code, self.msg
        )
    }
}

static IDL: &str = include_str!("../../../app/idl/merit.json");

fn merit_errors() -> &'static BTreeMap<u32, (String, String)> {
    static TABLE: OnceLock<BTreeMap<u32, (String, String)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let idl: serde_json::Value = serde_json::from_str(IDL).expect("the committed IDL parses");
        idl["errors"]
            .as_array()
            .map(|errors| {
                errors
                    .iter()
                    .filter_map(|e| {
                        Some((
                            u32::try_from(e["code"].as_u64()?).ok()?,
                            (
                                e["name"].as_str()?.to_string(),
                                e["msg"].as_str().unwrap_or_default().to_string(),
                            ),
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default()
    })
}

/// The Anchor framework errors a client meets: account and constraint checks.
const ANCHOR_ERRORS: [AnchorErrorCode; 22] = [
    AnchorErrorCode::InstructionMissing,
    AnchorErrorCode::InstructionDidNotDeserialize,
    AnchorErrorCode::ConstraintMut,
    AnchorErrorCode::ConstraintHasOne,
    AnchorErrorCode::ConstraintSigner,
    AnchorErrorCode::ConstraintRaw,
    AnchorErrorCode::ConstraintOwner,
    AnchorErrorCode::ConstraintSeeds,
    AnchorErrorCode::ConstraintAddress,
    AnchorErrorCode::ConstraintTokenMint,
    AnchorErrorCode::ConstraintTokenOwner,
    AnchorErrorCode::ConstraintMintTokenProgram,
    AnchorErrorCode::ConstraintTokenTokenProgram,
    AnchorErrorCode::AccountDiscriminatorMismatch,
    AnchorErrorCode::AccountDidNotDeserialize,
    AnchorErrorCode::AccountNotEnoughKeys,
    AnchorErrorCode::AccountNotMutable,
    AnchorErrorCode::AccountOwnedByWrongProgram,
    AnchorErrorCode::InvalidProgramId,
    AnchorErrorCode::AccountNotSigner,
    AnchorErrorCode::AccountNotInitialized,
    AnchorErrorCode::RequireKeysNeqViolated,
];

/// SPL Token (and Token-2022) errors a wallet meets, by code.
const TOKEN_ERRORS: [(u32, &str, &str); 5] = [
    (1, "InsufficientFunds", "Insufficient funds"),
    (3, "MintMismatch", "Account not associated with this Mint"),
    (4, "OwnerMismatch", "Owner does not match"),
    (13, "InvalidState", "Invalid account state for operation"),
    (17, "AccountFrozen", "Account is frozen"),
];

/// System program errors a wallet meets, by code.
const SYSTEM_ERRORS: [(u32, &str, &str); 2] = [
    (
        0,
        "AccountAlreadyInUse",
        "an account with the same address already exists",
    ),
    (
        1,
        "ResultWithNegativeLamports",
        "account does not have enough SOL to perform the operation",
    ),
];

/// Explains `code`, raised by `program` (None: the program is not known, and the code
/// is looked up among Merit's and Anchor's, which never overlap with small codes).
pub fn describe(code: u32, program: Option<&Pubkey>) -> Option<ProgramError> {
    let small = |table: &[(u32, &str, &str)], name: &'static str| {
        table
            .iter()
            .find(|(c, _, _)| *c == code)
            .map(|(_, n, m)| ProgramError {
                program: name,
                code,
                name: n.to_string(),
                msg: m.to_string(),
            })
    };
    match program {
        Some(p) if *p == anchor_spl::token::ID || *p == anchor_spl::token_2022::ID => {
            return small(&TOKEN_ERRORS, "token");
        }
        Some(p) if *p == anchor_lang::system_program::ID => {
            return small(&SYSTEM_ERRORS, "system");
        }
        Some(p) if *p != crate::PROGRAM_ID => return None,
        _ => {}
    }
    if let Some((name, msg)) = merit_errors().get(&code) {
        return Some(ProgramError {
            program: "merit",
            code,
            name: name.clone(),
            msg: msg.clone(),
        });
    }
    ANCHOR_ERRORS
        .iter()
        .find(|e| u32::from(**e) == code)
        .map(|e| ProgramError {
            program: "anchor",
            code,
            name: e.name(),
            msg: e.to_string(),
        })
}

/// Explains an error a rule method of the program's state returned when a client called
/// it before sending (`Round::seat_check`, `Task::finalize_check`, ...): the same named
/// error the program would have refused the transaction with.
pub fn rule(err: &anchor_lang::error::Error) -> Option<ProgramError> {
    match err {
        anchor_lang::error::Error::AnchorError(e) => describe(e.error_code_number, None),
        anchor_lang::error::Error::ProgramError(_) => None,
    }
}

/// Explains a failed transaction of `ixs`: the program error of the instruction that
/// failed, when it raised a known one.
pub fn explain(
    err: &TxError,
    ixs: &[anchor_lang::solana_program::instruction::Instruction],
) -> Option<ProgramError> {
    let program = err
        .index
        .and_then(|i| ixs.get(usize::from(i)))
        .map(|ix| &ix.program_id);
    describe(err.code?, program)
}

#[cfg(test)]
mod tests {
    use super::*;
    use merit::error::MeritError;

    #[test]
    fn merit_errors_are_named_as_the_program_names_them() {
        for e in [
            MeritError::MathOverflow,
            MeritError::InsufficientUnlockedStake,
            MeritError::SubmissionWindowClosed,
            MeritError::CommitWindowClosed,
            MeritError::SelfSlashVesting,
            MeritError::NotDrawn,
            MeritError::RoundClosed,
            MeritError::NotAbsent,
            MeritError::RoundCountsInconsistent,
        ] {
            let d = describe(e.into(), Some(&crate::PROGRAM_ID)).expect("in the IDL");
            assert_eq!((d.name, d.msg), (e.name(), e.to_string()));
            assert_eq!(d.program, "merit");
        }
        let codes: Vec<u32> = merit_errors().keys().copied().collect();
        let first = u32::from(MeritError::MathOverflow);
        assert_eq!(
            codes,
            (first..first + codes.len() as u32).collect::<Vec<_>>(),
            "one contiguous enum"
        );
    }

    #[test]
    fn a_rule_a_client_called_is_named_as_the_program_would_name_it() {
        let err: anchor_lang::error::Error = MeritError::NotDrawn.into();
        let d = rule(&err).expect("a Merit error");
        assert_eq!((d.program, d.name.as_str()), ("merit", "NotDrawn"));
        let other =
            anchor_lang::error::Error::from(anchor_lang::prelude::ProgramError::InvalidArgument);
        assert_eq!(rule(&other), None);
    }

    #[test]
    fn anchor_token_and_system_errors_are_named_by_the_program_that_raised_them() {
        let d = describe(AnchorErrorCode::AccountNotInitialized.into(), None).unwrap();
        assert_eq!(d.name, "AccountNotInitialized");
        let token = describe(1, Some(&anchor_spl::token::ID)).unwrap();
        assert_eq!(
            (token.program, token.name.as_str()),
            ("token", "InsufficientFunds")
        );
        let system = describe(1, Some(&anchor_lang::system_program::ID)).unwrap();
        assert_eq!(system.name, "ResultWithNegativeLamports");
        assert_eq!(describe(1, Some(&Pubkey::new_unique())), None);
        assert_eq!(describe(6_000 + 4_000, None), None);
    }

    #[test]
    fn a_failed_transaction_is_explained_by_its_failing_instruction() {
        let ix = |program_id| anchor_lang::solana_program::instruction::Instruction {
            program_id,
            accounts: vec![],
            data: vec![],
        };
        let ixs = [ix(anchor_spl::token::ID), ix(crate::PROGRAM_ID)];
        let code = u32::from(MeritError::AlreadyVoted);
        let err = TxError {
            code: Some(code),
            index: Some(1),
            message: String::new(),
        };
        assert_eq!(explain(&err, &ixs).unwrap().name, "AlreadyVoted");
        let token = TxError {
            code: Some(1),
            index: Some(0),
            message: String::new(),
        };
        assert_eq!(explain(&token, &ixs).unwrap().name, "InsufficientFunds");
    }
}
