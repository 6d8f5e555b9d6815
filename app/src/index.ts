export { IDL, MERIT_PROGRAM_ID, meritProgram } from "./program.js";
export { toAnchor, toNative, type Anchor, type Native } from "./numbers.js";
export type { Merit } from "./idl/merit.js";
export { pda, u64Le } from "./pda.js";
export { DOMAINS, SEEDS, idlBytes } from "./constants.js";
export { voteCommitment, submissionCommitment, randomSalt } from "./commitment.js";
export {
  taskSeed,
  lot,
  seats,
  drawnSeats,
  activeAt,
  seatsFor,
  type DrawnTask,
  type StakeWarmup,
} from "./sortition.js";
export {
  MeritClient,
  defaultConfigParams,
  TOKEN_PROGRAM_ID,
  TOKEN_2022_PROGRAM_ID,
  ASSOCIATED_TOKEN_PROGRAM_ID,
  type ConfigParams,
  type CreateTaskArgs,
  type Deployment,
  type MeritRpc,
} from "./client.js";
export {
  MeritAccounts,
  OFFSETS,
  accountKind,
  decodeAccount,
  discriminatorFilter,
  pendingAdmin,
  pendingParams,
  taskPhase,
  taskUri,
  type AccountKind,
  type Config,
  type ContentClaim,
  type Epoch,
  type Stake,
  type Submission,
  type Task,
  type TaskPhase,
  type Vesting,
  type Vote,
} from "./accounts.js";
export { decodeEvent, parseEvents, type MeritEvent, type MeritEventName, type MeritEvents } from "./events.js";
export {
  submissionClaim,
  submissionEmissionClaim,
  voteEmissionClaim,
  type EmissionClaim,
  type EmissionEpochInput,
  taskDefaults,
  voteClaim,
  voteSlashDue,
  type SubmissionClaim,
  type SlashDue,
  type SubmissionRuleInput,
  type TaskDefaults,
  type TaskDefaultsParams,
  type VoteClaim,
  type VoteRuleInput,
  type VoteRulesInput,
} from "./rules.js";
export { MERIT_ERRORS, meritError, parseMeritError, type MeritErrorInfo } from "./errors.js";
export {
  MemorySaltStore,
  claimAll,
  commitVote,
  parseDuration,
  postTask,
  revealVote,
  revealWork,
  submitWork,
  toTransaction,
  type SaltStore,
  type StoredSecret,
  type StoredSubmission,
  type StoredVote,
  type TaskTerms,
} from "./flows.js";
export {
  MeritError,
  MeritErrorCode,
  PACKET_DATA_SIZE,
  budgetInstructions,
  keypairSigner,
  packInstructions,
  sendInstructions,
  sendPacked,
  toMeritError,
  transactionSize,
  type MeritErrorName,
  type SendOptions,
  type WalletSigner,
} from "./send.js";
export { AnchorProvider } from "@anchor-lang/core";
export { Connection, Keypair, PublicKey, Transaction } from "@solana/web3.js";
