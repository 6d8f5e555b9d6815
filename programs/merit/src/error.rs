use anchor_lang::prelude::*;

/// Every rule the program enforces, named for the rule that was broken.
#[error_code]
pub enum MeritError {
    #[msg("Arithmetic overflow or division by zero")]
    MathOverflow,
    #[msg("The protocol is paused: new deposits, tasks, submissions and commits are refused")]
    ProtocolPaused,
    #[msg("Only the admin may do this")]
    NotAdmin,
    #[msg("Only the pending admin may accept the admin role")]
    NotPendingAdmin,
    #[msg("Stake mint must belong to the SPL Token or Token-2022 program")]
    UnsupportedTokenProgram,
    #[msg("Token-2022 mints with a transfer fee are not supported")]
    MintHasTransferFee,
    #[msg("Token-2022 mints with a transfer hook are not supported")]
    MintHasTransferHook,
    #[msg("Token-2022 mints with a permanent delegate are not supported")]
    MintHasPermanentDelegate,
    #[msg("Non-transferable Token-2022 mints are not supported")]
    MintNonTransferable,
    #[msg("Pausable Token-2022 mints are not supported")]
    MintPausable,
    #[msg("Token-2022 mints with a close authority are not supported")]
    MintHasCloseAuthority,
    #[msg("Token-2022 mints with a default account state are not supported")]
    MintHasDefaultAccountState,
    #[msg("Mints with a freeze authority are not supported")]
    MintHasFreezeAuthority,
    #[msg("This Token-2022 mint extension is not on the allowlist")]
    MintExtensionNotAllowed,
    #[msg("A config parameter is out of its allowed range")]
    InvalidConfigParam,
    #[msg("No parameter change is pending")]
    NoPendingConfig,
    #[msg("The parameter change's timelock has not elapsed")]
    TimelockNotElapsed,
    #[msg("Amount must be greater than zero")]
    ZeroAmount,
    #[msg("Not enough unlocked stake")]
    InsufficientUnlockedStake,
    #[msg("Nothing is waiting to be unstaked")]
    NothingToWithdraw,
    #[msg("The unstake cooldown has not elapsed")]
    CooldownNotElapsed,
    #[msg("URI is longer than 200 bytes")]
    UriTooLong,
    #[msg("Deadlines must be in the future, increasing, and each phase long enough")]
    InvalidDeadlines,
    #[msg("Task lasts longer than the protocol allows")]
    TaskTooLong,
    #[msg(
        "Score thresholds must satisfy 1 <= reject < accept <= 100, within the protocol's bounds"
    )]
    InvalidThresholds,
    #[msg("Basis points must be at most 10,000")]
    InvalidBps,
    #[msg("Max submissions must be between 1 and the protocol cap")]
    InvalidMaxSubmissions,
    #[msg("Committee size must be within the protocol's bounds")]
    InvalidCommitteeSize,
    #[msg("Submission bond is below the protocol minimum")]
    BondTooSmall,
    #[msg("Quorum must be at least one seat and no more than the protocol allows for the committee size")]
    InvalidQuorum,
    #[msg("Only the task's creator may do this")]
    NotTaskCreator,
    #[msg("A task can only be cancelled before anything was submitted")]
    TaskHasSubmissions,
    #[msg("The submission window is closed")]
    SubmissionWindowClosed,
    #[msg("This contributor already submitted to this task")]
    AlreadySubmitted,
    #[msg("An earlier commitment to this content was already revealed")]
    DuplicateContent,
    #[msg("This content was already paid for once; it is never paid again")]
    ContentAlreadyPaid,
    #[msg("The task's terms are not the ones the submission was made under")]
    TermsMismatch,
    #[msg("Submission fee is outside the protocol's bounds")]
    InvalidSubmissionFee,
    #[msg("Submissions can only be revealed after submissions close and before the submission reveal deadline")]
    SubmissionRevealClosed,
    #[msg("The content hash and salt do not match the submission's commitment")]
    SubmissionCommitmentMismatch,
    #[msg("This submission was already revealed")]
    SubmissionAlreadyRevealed,
    #[msg("This submission's content was never revealed")]
    SubmissionNotRevealed,
    #[msg("A revealed submission is finalized with its content claim; an unrevealed one without")]
    ContentClaimMismatch,
    #[msg("The task accepts no more submissions")]
    TaskFull,
    #[msg("Votes can only be committed after submission reveals close and before commits close")]
    CommitWindowClosed,
    #[msg("Task creators may not vote on their own task")]
    CreatorVote,
    #[msg("Validator's active stake at the draw is below the task's minimum")]
    StakeBelowMinimum,
    #[msg("Contributors to a task may not judge any submission of that task")]
    CompetitorVote,
    #[msg("The task's committee has not been drawn yet")]
    CommitteeNotDrawn,
    #[msg("This validator was not drawn for this submission's committee")]
    NotDrawn,
    #[msg("The committee can be drawn only after submissions close and before commits close")]
    DrawNotDue,
    #[msg("The draw's target slots have not all been produced yet")]
    DrawNotReady,
    #[msg("No stake is active in this epoch: a committee drawn now would seat nobody")]
    NoActiveStake,
    #[msg("The committee of this task is already drawn")]
    AlreadyDrawn,
    #[msg("The account passed is not the SlotHashes sysvar")]
    InvalidSlotHashes,
    #[msg("This validator already voted on this submission")]
    AlreadyVoted,
    #[msg("The submission has reached its maximum number of votes")]
    TooManyVotes,
    #[msg("Votes can only be revealed after commits close and before reveals close")]
    RevealWindowClosed,
    #[msg("Score must be between 0 and 100")]
    ScoreOutOfRange,
    #[msg("The revealed score and salt do not match the commitment")]
    CommitmentMismatch,
    #[msg("This vote was already revealed")]
    AlreadyRevealed,
    #[msg("The reveal window has not closed yet")]
    RevealWindowOpen,
    #[msg("This submission is already finalized")]
    AlreadyFinalized,
    #[msg("This submission is not finalized yet")]
    SubmissionNotFinalized,
    #[msg("Not every submission of this task is finalized")]
    SubmissionsPending,
    #[msg("This task is already finalized")]
    TaskAlreadyFinalized,
    #[msg("This task is not finalized yet")]
    TaskNotFinalized,
    #[msg("Only the bond of a rejected, duplicate or unrevealed submission can be slashed")]
    SubmissionNotRejected,
    #[msg("Already slashed")]
    AlreadySlashed,
    #[msg("This vote was revealed and is coherent with consensus: nothing to slash")]
    VoteNotSlashable,
    #[msg("Already claimed")]
    AlreadyClaimed,
    #[msg(
        "A rejected, duplicate or unrevealed submission has nothing to claim; its bond is slashed"
    )]
    SubmissionRejected,
    #[msg("An unrevealed vote has nothing to claim; its bond is slashed")]
    VoteNotRevealed,
    #[msg("This incoherent vote must be slashed before its remaining bond is claimed")]
    VoteMustBeSlashedFirst,
    #[msg("This account is not settled yet and cannot be closed")]
    NotSettled,
    #[msg("The account does not belong to this task or owner")]
    AccountMismatch,
    #[msg("Nothing is left to reclaim yet")]
    NothingToReclaim,
    #[msg("The open epoch has ended: advance the epoch first")]
    EpochStale,
    #[msg("The current epoch has not ended yet")]
    EpochNotOver,
    #[msg("This epoch is already closed")]
    EpochAlreadyClosed,
    #[msg("The next epoch index does not match the clock")]
    WrongEpochIndex,
    #[msg("This epoch is not closed yet")]
    EpochNotClosed,
    #[msg("No merit points to claim emission for")]
    NoEmissionPoints,
    #[msg("Reputation is below the task's minimum")]
    ReputationTooLow,
    #[msg(
        "Reputation gates: to submit at most 10,000; to vote at most the score new keys start at"
    )]
    InvalidReputation,
    #[msg("Pass the vesting account and vault together, and always when the reward vests")]
    VestingMismatch,
    #[msg("Nothing has vested yet")]
    NothingVested,
    #[msg("The claim window has not passed yet")]
    ClaimWindowOpen,
    #[msg("Already expired")]
    AlreadyExpired,
    #[msg(
        "Task accounting broken: more paid out, reclaimed or sent to the treasury than escrowed"
    )]
    TaskOverpaid,
    #[msg("Slashing your own stake: pass no slasher vesting account")]
    SelfSlashVesting,
    #[msg("Task accounting broken: the vault holds less than the task still owes")]
    TaskVaultShort,
    #[msg("Task counters inconsistent (submissions, finalized, accepted, unclaimed, open)")]
    TaskCountsInconsistent,
    #[msg("Task emission paid beyond its cap, or a cap at or above the protocol fee")]
    TaskEmissionOverCap,
    #[msg("Stake accounting broken: locked plus unstaking exceeds the deposit")]
    StakeOvercommitted,
    #[msg("Stake history broken: points out of order, or a minimum above its start or the stake")]
    StakeHistoryInconsistent,
    #[msg("Reputation above 10,000 bps")]
    ReputationOutOfRange,
    #[msg("Vesting accounting broken: held tokens differ from granted less withdrawn and slashed")]
    VestingUnbalanced,
    #[msg("Submission round counters inconsistent (rounds, open rounds)")]
    SubmissionCountsInconsistent,
    #[msg("A submission has a judging round but its content was never revealed")]
    VotesWithoutContent,
    #[msg("Emission accounting broken: paid plus reserved exceeds what was funded")]
    EmissionOverdrawn,
    #[msg("Epoch accounting broken: more emission or points claimed than it holds")]
    EpochOverclaimed,
    #[msg("Epoch ends at or before it starts")]
    EpochSpanInvalid,
    #[msg("Vote accounting broken: more bond remaining than was bonded")]
    VoteBondExceeded,
    #[msg("Vote state inconsistent: reward, points or emission recorded on an unclaimed vote")]
    VoteClaimStateInconsistent,
    #[msg("The same token account was passed for two roles")]
    DuplicateTokenAccount,
    #[msg("No slashed stake is waiting to be swept to the treasury")]
    NothingToSweep,
    #[msg("The validator share pays a seat less than MIN_JUDGE_PAY_BPS of the bond it risks")]
    JudgingUnderpaid,
    #[msg("The submission fee is below the task's floor against slot squatting")]
    SubmissionFeeBelowFloor,
    #[msg("This judging round's windows have not closed yet")]
    RoundNotOver,
    #[msg("This judging round is closed")]
    RoundClosed,
    #[msg("The round decided nothing and another is due: pass the next round's account")]
    NextRoundRequired,
    #[msg("Pass a next round's account only when the round decided nothing and a round is left")]
    NextRoundNotDue,
    #[msg("The commit window of this round has not closed yet")]
    CommitWindowOpen,
    #[msg("Not absent: the validator holds no seat here, could not have committed, or committed")]
    NotAbsent,
    #[msg("A new pause may start only MAX_PAUSE_SECS after the last one ended")]
    PauseTooSoon,
    #[msg("Round accounting broken: more weight or votes than were committed")]
    RoundCountsInconsistent,
    #[msg("Too early: this window has not opened yet (the task's deadlines say when it opens)")]
    WindowNotOpen,
    #[msg("Content claim broken: paid without an accepted holder, or a pending holder it does not count")]
    ContentClaimInconsistent,
}
