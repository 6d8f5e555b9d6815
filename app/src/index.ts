export { IDL, MERIT_PROGRAM_ID, meritProgram } from "./program.js";
export { toAnchor, toNative, type Anchor, type Native } from "./numbers.js";
export type { Merit } from "./idl/merit.js";
export { pda, u64Le } from "./pda.js";
export {
  DOMAINS,
  DRAW_CHAIN_MAX_SLOTS,
  DRAW_DELAY_SLOTS,
  MAX_ROUNDS,
  SEEDS,
  TASK_DEFAULTS,
  idlBytes,
  idlInteger,
} from "./constants.js";
export { voteCommitment, submissionCommitment, randomSalt } from "./commitment.js";
export {
  fallbackSeed,
  lot,
  seats,
  drawnSeats,
  activeNow,
  activeAt,
  taskCommittee,
  roundCommittee,
  committeeSeats,
  seatsFor,
  type Committee,
  type CommitteeRound,
  type CommitteeTask,
  type DrawInput,
  type StakeHistory,
  type StakePoint,
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
  checkOwner,
  pendingAdmin,
  pendingParams,
  taskPhase,
  taskUri,
  type AccountKind,
  type Config,
  type ContentClaim,
  type Epoch,
  type Round,
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
  squatFeeFloor,
  voteClaim,
  voteSlashDue,
  vestedWithdrawable,
  votePoints,
  defaultTaskId,
  type VestingRuleInput,
  weightedMedian,
  isCoherentWith,
  consensusAdmits,
  roundConsensus,
  type Consensus,
  type WeightedScore,
  type SubmissionClaim,
  type SlashDue,
  type RoundRuleInput,
  type TaskDefaults,
  type TaskDefaultsParams,
  type VoteClaim,
  type VoteRuleInput,
  type VoteRulesInput,
} from "./rules.js";
export * from "./ns/rpc.js";
export * from "./ns/errors.js";
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
export { AnchorProvider } from "@anchor-lang/core";
export { Connection, Keypair, PublicKey, Transaction } from "@solana/web3.js";

// The same exports grouped by job, as Squads' SDK groups its own (`multisig.accounts`,
// `multisig.rpc`, ...): `import { rules, accounts } from "@merit/sdk"`. The flat exports
// above stay for existing callers.
export * as accounts from "./accounts.js";
export * as commitments from "./commitment.js";
export * as constants from "./constants.js";
export * as errors from "./ns/errors.js";
export * as events from "./events.js";
export * as flows from "./flows.js";
export * as rpc from "./ns/rpc.js";
export * as rules from "./rules.js";
export * as sortition from "./sortition.js";
