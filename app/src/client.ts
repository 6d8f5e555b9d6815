import { Program, type IdlTypes } from "@anchor-lang/core";
import BN from "bn.js";
import {
  PublicKey,
  type Connection,
  type TransactionInstruction,
  type TransactionSignature,
} from "@solana/web3.js";
import type { Merit } from "./idl/merit.js";
import { toAnchor, type Native } from "./numbers.js";
import { MeritAccounts } from "./accounts.js";
import { pda } from "./pda.js";
import { IDL, meritProgram } from "./program.js";
import { associatedToken, deploymentResolver, type Deployment } from "./resolver.js";
import { sendInstructions, sendPacked, type SendOptions, type WalletSigner } from "./send.js";

/** The protocol parameters, 64-bit integers as `bigint` (the SDK's number convention). */
export type ConfigParams = Native<IdlTypes<Merit>["configParams"]>;
export type CreateTaskArgs = Native<IdlTypes<Merit>["createTaskArgs"]>;

export const TOKEN_PROGRAM_ID = new PublicKey("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA");
export const TOKEN_2022_PROGRAM_ID = new PublicKey("TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb");
export { ASSOCIATED_TOKEN_PROGRAM_ID, type Deployment } from "./resolver.js";

const bn = (v: bigint): BN => new BN(v.toString());

/** The defaults documented in docs/mechanism.md, for a mint with `decimals` decimals. */
export function defaultConfigParams(decimals: number): ConfigParams {
  const unit = 10n ** BigInt(decimals);
  const day = 24 * 3600;
  return {
    unstakeCooldownSecs: BigInt(7 * day),
    minValidatorStake: unit,
    voteBondBps: 5_000,
    minCommitteeSize: 5,
    maxCommitteeSize: 16,
    maxQuorumBps: 5_000,
    maxRejectThreshold: 50,
    maxAcceptThreshold: 90,
    incoherenceSlashBps: 5_000,
    slasherRewardBps: 1_000,
    coherenceTolerance: 15,
    keeperBountyLamports: 10_000n,
    minSubmissionBond: unit,
    minSubmissionFee: unit / 10n > 1n ? unit / 10n : 1n,
    maxSubmissionFee: unit * 100n,
    taskFeeBps: 500,
    emissionCapBps: 8_000,
    minPhaseSecs: 60n,
    maxTaskDurationSecs: BigInt(90 * day),
    maxSubmissionsPerTask: 256,
    epochLengthSecs: BigInt(7 * day),
    initialEmission: unit * 10_000n,
    emissionDecayBps: 500,
    contributorEmissionBps: 6_000,
    vestingDurationSecs: 0n,
    reputationAlphaBps: 2_000,
    reputationDecayBps: 1_000,
    reputationStartBps: 4_000,
    reputationValueUnit: unit * 100n,
    paramTimelockSecs: BigInt(7 * day),
    claimWindowSecs: BigInt(180 * day),
    // Explicit padding of the zero-copy layout (the program requires zeros).
    padding: new Uint8Array(3),
  };
}

/**
 * A typed builder for every instruction. The caller passes what it must choose (signer,
 * task, submission, amounts); Anchor's account resolution fills in the rest from the IDL
 * (PDAs from the seeds it carries, programs from their addresses) and `deploymentResolver`
 * what the IDL cannot express (the mint, token program, protocol vaults and the signer's
 * token account). Builders return instructions for a wallet to sign and never fetch an
 * account; nothing here needs a private key.
 */
export class MeritClient {
  /** The program with this deployment's resolver, for building instructions. */
  private readonly builder: Program<Merit>;

  constructor(
    readonly program: Program<Merit>,
    readonly deployment: Deployment,
  ) {
    this.builder = new Program<Merit>(IDL, program.provider, program.coder, deploymentResolver(deployment));
  }

  /** A client for the deployment on `connection`'s cluster, read from its config account. */
  static async load(connection: Connection): Promise<MeritClient> {
    const program = meritProgram(connection);
    // Owner-checked (`NotMeritAccountError` when another program owns the address).
    const config = await new MeritAccounts(program).config();
    return new MeritClient(program, { stakeMint: config.stakeMint, tokenProgram: config.tokenProgram });
  }

  get connection(): Connection {
    return this.program.provider.connection;
  }

  /**
   * Anchor's `program.methods` with this deployment's resolver: any instruction, new ones
   * included, with only the caller's accounts, e.g.
   * `await merit.methods.claimVote().accountsPartial({ payout: { claimant, task }, submission, vote }).instruction()`.
   * The builders below are this plus the PDAs whose seeds are account data.
   */
  get methods(): Program<Merit>["methods"] {
    return this.builder.methods;
  }

  /**
   * Every builder as a call that signs with `signer`, sends, confirms and returns the
   * signature, throwing a typed `MeritError`: `await merit.rpc(wallet).depositStake({ owner, amount })`.
   */
  rpc(signer: WalletSigner, opts: SendOptions = {}): MeritRpc {
    return new Proxy({} as MeritRpc, {
      get: (_, name) => {
        const build = (this as unknown as Record<PropertyKey, unknown>)[name];
        if (typeof build !== "function") return undefined;
        return async (...args: unknown[]) => {
          const ix = (await build.apply(this, args)) as TransactionInstruction;
          return sendInstructions(this.connection, signer, [ix], opts);
        };
      },
    });
  }

  /** Sends instructions (built by this client or anyone), packed into as few transactions as fit. */
  send(
    signer: WalletSigner,
    instructions: TransactionInstruction[],
    opts: SendOptions = {},
  ): Promise<TransactionSignature[]> {
    return sendPacked(this.connection, signer, instructions, opts);
  }

  /** `owner`'s associated token account for the stake mint. */
  ata(owner: PublicKey): PublicKey {
    return associatedToken(owner, this.deployment);
  }

  /**
   * The slasher's vesting account, for its share of a slash taken from unvested rewards;
   * none when slashing its own stake.
   */
  private slasherVesting(slasher: PublicKey, offender: PublicKey) {
    return slasher.equals(offender) ? null : pda.vesting(slasher);
  }

  // Admin

  initialize(a: { admin: PublicKey; params: ConfigParams }): Promise<TransactionInstruction> {
    return this.methods.initialize(toAnchor(a.params)).accountsPartial({ admin: a.admin }).instruction();
  }

  /** Proposes new parameters, applicable after the config's `paramTimelockSecs`. */
  proposeConfig(a: { admin: PublicKey; params: ConfigParams }): Promise<TransactionInstruction> {
    return this.methods.proposeConfig(toAnchor(a.params)).accountsPartial({ admin: a.admin }).instruction();
  }

  cancelConfig(a: { admin: PublicKey }): Promise<TransactionInstruction> {
    return this.methods.cancelConfig().accountsPartial({ admin: a.admin }).instruction();
  }

  /** Applies the pending parameters (anyone, once the timelock has elapsed). */
  applyConfig(a: { caller: PublicKey }): Promise<TransactionInstruction> {
    return this.methods.applyConfig().accountsPartial({ caller: a.caller }).instruction();
  }

  setPaused(a: { admin: PublicKey; paused: boolean }): Promise<TransactionInstruction> {
    return this.methods.setPaused(a.paused).accountsPartial({ admin: a.admin }).instruction();
  }

  proposeAdmin(a: { admin: PublicKey; newAdmin: PublicKey | null }): Promise<TransactionInstruction> {
    return this.methods.proposeAdmin(a.newAdmin).accountsPartial({ admin: a.admin }).instruction();
  }

  acceptAdmin(a: { newAdmin: PublicKey }): Promise<TransactionInstruction> {
    return this.methods.acceptAdmin().accountsPartial({ newAdmin: a.newAdmin }).instruction();
  }

  // Stake

  depositStake(a: { owner: PublicKey; amount: bigint }): Promise<TransactionInstruction> {
    return this.methods.depositStake(bn(a.amount)).accountsPartial({ owner: a.owner }).instruction();
  }

  requestUnstake(a: { owner: PublicKey; amount: bigint }): Promise<TransactionInstruction> {
    return this.methods.requestUnstake(bn(a.amount)).accountsPartial({ owner: a.owner }).instruction();
  }

  withdrawStake(a: { owner: PublicKey }): Promise<TransactionInstruction> {
    return this.methods.withdrawStake().accountsPartial({ owner: a.owner }).instruction();
  }

  // Tasks

  createTask(a: { creator: PublicKey; args: CreateTaskArgs }): Promise<TransactionInstruction> {
    return this.methods.createTask(toAnchor(a.args)).accountsPartial({ creator: a.creator }).instruction();
  }

  cancelTask(a: { creator: PublicKey; task: PublicKey }): Promise<TransactionInstruction> {
    return this.methods.cancelTask().accountsPartial({ creator: a.creator, task: a.task }).instruction();
  }

  reclaimTask(a: { creator: PublicKey; task: PublicKey }): Promise<TransactionInstruction> {
    return this.methods.reclaimTask().accountsPartial({ creator: a.creator, task: a.task }).instruction();
  }

  // Work and votes

  /**
   * Commits to work: `commitment` is `submissionCommitment(...)`; `termsHash` is the task's
   * `termsHash` as the contributor read it (the terms it agrees to). Pays the task's fee
   * from the contributor's token account.
   */
  submit(a: {
    contributor: PublicKey;
    task: PublicKey;
    commitment: Uint8Array;
    termsHash: Uint8Array;
  }): Promise<TransactionInstruction> {
    return this.methods
      .submit(Array.from(a.commitment), Array.from(a.termsHash))
      .accountsPartial({ contributor: a.contributor, task: a.task })
      .instruction();
  }

  /**
   * Reveals the committed content and its URI (after submissions close), opening the
   * submission's first judging round (`pda.round(submission, 1)`; the contributor pays its
   * rent, returned by `closeRound`).
   */
  revealSubmission(a: {
    contributor: PublicKey;
    task: PublicKey;
    contentHash: Uint8Array;
    salt: Uint8Array;
    uri: string;
  }): Promise<TransactionInstruction> {
    return this.methods
      .revealSubmission(Array.from(a.contentHash), Array.from(a.salt), a.uri)
      .accountsPartial({ contributor: a.contributor, task: a.task })
      .instruction();
  }

  /**
   * Commits a vote in round `round` (an index: the submission's current round,
   * `submission.round`) of `submission`: `commitment` is `voteCommitment(pda.round(submission,
   * round), validator, score, salt)`.
   */
  commitVote(a: {
    validator: PublicKey;
    task: PublicKey;
    submission: PublicKey;
    round: number;
    commitment: Uint8Array;
  }): Promise<TransactionInstruction> {
    return this.methods
      .commitVote(Array.from(a.commitment))
      .accountsPartial({
        validator: a.validator,
        task: a.task,
        submission: a.submission,
        round: pda.round(a.submission, a.round),
      })
      .instruction();
  }

  /** Reveals the vote committed in round `round` of `submission`. */
  revealVote(a: {
    validator: PublicKey;
    task: PublicKey;
    submission: PublicKey;
    round: number;
    score: number;
    salt: Uint8Array;
  }): Promise<TransactionInstruction> {
    return this.methods
      .revealVote(a.score, Array.from(a.salt))
      .accountsPartial({
        validator: a.validator,
        task: a.task,
        submission: a.submission,
        round: pda.round(a.submission, a.round),
      })
      .instruction();
  }

  // Keepers

  /**
   * Closes the current round of `contributor`'s submission to `task` into the open epoch
   * `epoch`. `contentHash` is the submission's revealed content and `round` its current
   * round (`submission.round`), both null when it was never revealed; `openNext` opens round
   * `round + 1` (when the round decided nothing and another is due: the program refuses
   * otherwise, `NextRoundRequired` / `NextRoundNotDue`). They are passed because these
   * accounts' seeds are account data (resolving them would fetch the submission and config).
   */
  finalizeSubmission(a: {
    keeper: PublicKey;
    task: PublicKey;
    contributor: PublicKey;
    epoch: bigint;
    contentHash: Uint8Array | null;
    round: number | null;
    openNext: boolean;
  }): Promise<TransactionInstruction> {
    const submission = pda.submission(a.task, a.contributor);
    return this.methods
      .finalizeSubmission()
      .accountsPartial({
        keeper: a.keeper,
        task: a.task,
        submission,
        round: a.round === null ? null : pda.round(submission, a.round),
        nextRound: a.round === null || !a.openNext ? null : pda.round(submission, Math.min(a.round + 1, 255)),
        stake: pda.stake(a.contributor),
        epoch: pda.epoch(a.epoch),
        contentClaim: a.contentHash === null ? null : pda.contentClaim(a.contentHash),
      })
      .instruction();
  }

  /**
   * Schedules (first call) or seeds (once the chain of slots after the target was produced,
   * `DRAW_CHAIN_MAX_SLOTS` after scheduling at the latest; from the fallback seed once the
   * target aged out) the task's committee draw: the committee of every submission's round 1.
   */
  draw(a: { keeper: PublicKey; task: PublicKey }): Promise<TransactionInstruction> {
    return this.methods.draw().accountsPartial({ keeper: a.keeper, task: a.task }).instruction();
  }

  /**
   * Seeds the committee of round `round` (>= 2) of `submission`, a submission to `task`
   * (scheduled by the `finalizeSubmission` that opened the round; same chain of slots as
   * `draw`).
   */
  drawRound(a: {
    keeper: PublicKey;
    task: PublicKey;
    submission: PublicKey;
    round: number;
  }): Promise<TransactionInstruction> {
    return this.methods
      .drawRound()
      .accountsPartial({ keeper: a.keeper, task: a.task, round: pda.round(a.submission, a.round) })
      .instruction();
  }

  finalizeTask(a: { keeper: PublicKey; task: PublicKey }): Promise<TransactionInstruction> {
    return this.methods.finalizeTask().accountsPartial({ keeper: a.keeper, task: a.task }).instruction();
  }

  slashSubmission(a: {
    slasher: PublicKey;
    task: PublicKey;
    contributor: PublicKey;
  }): Promise<TransactionInstruction> {
    return this.methods
      .slashSubmission()
      .accountsPartial({
        payout: { slasher: a.slasher, slasherVesting: this.slasherVesting(a.slasher, a.contributor) },
        task: a.task,
        submission: pda.submission(a.task, a.contributor),
        stake: pda.stake(a.contributor),
        offenderVesting: pda.vesting(a.contributor),
      })
      .instruction();
  }

  /**
   * Reports `validator`'s absence from round `round` of `submission` (a submission to
   * `task`): drawn, eligible, and no vote when the commit window closed. Creates its
   * absence record (`pda.voteIn(submission, round, validator)`, rent paid by the slasher)
   * and slashes the penalty.
   */
  reportAbsence(a: {
    slasher: PublicKey;
    task: PublicKey;
    submission: PublicKey;
    round: number;
    validator: PublicKey;
  }): Promise<TransactionInstruction> {
    const round = pda.round(a.submission, a.round);
    return this.methods
      .reportAbsence()
      .accountsPartial({
        payout: { slasher: a.slasher, slasherVesting: this.slasherVesting(a.slasher, a.validator) },
        task: a.task,
        submission: a.submission,
        round,
        stake: pda.stake(a.validator),
        offenderVesting: pda.vesting(a.validator),
        // Their IDL seeds read the stake account's owner: passed, so nothing is fetched.
        validatorSubmission: pda.submission(a.task, a.validator),
        vote: pda.vote(round, a.validator),
      })
      .instruction();
  }

  /** Slashes `validator`'s vote in round `round` of `submission` (what `voteSlashDue` says is due). */
  slashVote(a: {
    slasher: PublicKey;
    task: PublicKey;
    submission: PublicKey;
    round: number;
    validator: PublicKey;
  }): Promise<TransactionInstruction> {
    const round = pda.round(a.submission, a.round);
    return this.methods
      .slashVote()
      .accountsPartial({
        payout: { slasher: a.slasher, slasherVesting: this.slasherVesting(a.slasher, a.validator) },
        task: a.task,
        round,
        vote: pda.vote(round, a.validator),
        stake: pda.stake(a.validator),
        offenderVesting: pda.vesting(a.validator),
      })
      .instruction();
  }

  /** Moves the treasury's pending share of slashed stake (`config.treasuryPending`) from the
   * stake vault to the treasury vault. Anyone may send it; it pays nothing. */
  sweepTreasury(a: { caller: PublicKey }): Promise<TransactionInstruction> {
    return this.methods.sweepTreasury().accountsPartial({ caller: a.caller }).instruction();
  }

  // Claims: the claimant's vesting accounts are always passed (the resolver's `vesting` rule);
  // the program decides from the task's or epoch's snapshot whether the payment vests, and
  // touches (or creates) the vesting account only then.

  claimSubmission(a: { contributor: PublicKey; task: PublicKey }): Promise<TransactionInstruction> {
    return this.methods
      .claimSubmission()
      .accountsPartial({
        payout: { claimant: a.contributor, task: a.task },
        submission: pda.submission(a.task, a.contributor),
      })
      .instruction();
  }

  /** Claims `validator`'s vote in round `round` of `submission` (the vote's `roundIndex`). */
  claimVote(a: {
    validator: PublicKey;
    task: PublicKey;
    submission: PublicKey;
    round: number;
  }): Promise<TransactionInstruction> {
    const round = pda.round(a.submission, a.round);
    return this.methods
      .claimVote()
      .accountsPartial({
        payout: { claimant: a.validator, task: a.task },
        round,
        vote: pda.vote(round, a.validator),
      })
      .instruction();
  }

  // Epochs, emissions, vesting

  fundEmissions(a: { funder: PublicKey; amount: bigint; lamports: bigint }): Promise<TransactionInstruction> {
    return this.methods
      .fundEmissions(bn(a.amount), bn(a.lamports))
      .accountsPartial({ funder: a.funder })
      .instruction();
  }

  /** Closes epoch `current` and opens `next`, the epoch containing now. */
  advanceEpoch(a: { keeper: PublicKey; current: bigint; next: bigint }): Promise<TransactionInstruction> {
    return this.methods
      .advanceEpoch(bn(a.next))
      .accountsPartial({ keeper: a.keeper, currentEpoch: pda.epoch(a.current) })
      .instruction();
  }

  claimSubmissionEmission(a: {
    contributor: PublicKey;
    task: PublicKey;
    epoch: bigint;
  }): Promise<TransactionInstruction> {
    return this.methods
      .claimSubmissionEmission()
      .accountsPartial({
        payout: { claimant: a.contributor },
        epoch: pda.epoch(a.epoch),
        submission: pda.submission(a.task, a.contributor),
        task: a.task,
      })
      .instruction();
  }

  /**
   * `task` is the submission's task, whose emission cap bounds the claim; the vote is in
   * round `round` of `submission`; `epoch` is the vote's (`vote.epoch`, set by `claimVote`).
   */
  claimVoteEmission(a: {
    validator: PublicKey;
    task: PublicKey;
    submission: PublicKey;
    round: number;
    epoch: bigint;
  }): Promise<TransactionInstruction> {
    return this.methods
      .claimVoteEmission()
      .accountsPartial({
        payout: { claimant: a.validator },
        epoch: pda.epoch(a.epoch),
        vote: pda.voteIn(a.submission, a.round, a.validator),
        task: a.task,
      })
      .instruction();
  }

  withdrawVested(a: { owner: PublicKey }): Promise<TransactionInstruction> {
    return this.methods.withdrawVested().accountsPartial({ owner: a.owner }).instruction();
  }

  // Closing

  /**
   * Closes `validator`'s settled vote (or absence record) in round `round` of `submission`
   * once the round is closed; its rent goes to `payer` (`vote.payer`: the validator, or
   * whoever reported the absence).
   */
  closeVote(a: {
    submission: PublicKey;
    round: number;
    validator: PublicKey;
    payer: PublicKey;
  }): Promise<TransactionInstruction> {
    const round = pda.round(a.submission, a.round);
    return this.methods
      .closeVote()
      .accountsPartial({ round, vote: pda.vote(round, a.validator), payer: a.payer })
      .instruction();
  }

  /**
   * Closes round `round` of `submission` once it and its votes are settled; its rent goes
   * to `payer` (`round.payer`: the contributor for round 1, the keeper that opened a later one).
   */
  closeRound(a: { submission: PublicKey; round: number; payer: PublicKey }): Promise<TransactionInstruction> {
    return this.methods
      .closeRound()
      .accountsPartial({ submission: a.submission, round: pda.round(a.submission, a.round), payer: a.payer })
      .instruction();
  }

  closeSubmission(a: { task: PublicKey; contributor: PublicKey }): Promise<TransactionInstruction> {
    return this.methods
      .closeSubmission()
      .accountsPartial({
        task: a.task,
        submission: pda.submission(a.task, a.contributor),
        contributor: a.contributor,
      })
      .instruction();
  }

  /** Expires a finalized task whose claim window has passed (anyone). */
  expireTask(a: { caller: PublicKey; task: PublicKey }): Promise<TransactionInstruction> {
    return this.methods.expireTask().accountsPartial({ caller: a.caller, task: a.task }).instruction();
  }

  /** Expires closed epoch `index` once its claim window has passed (anyone). */
  expireEpoch(a: { caller: PublicKey; index: bigint }): Promise<TransactionInstruction> {
    return this.methods
      .expireEpoch()
      .accountsPartial({ caller: a.caller, epoch: pda.epoch(a.index) })
      .instruction();
  }

  /**
   * Closes the content claim of `contentHash`, signed by `closer` (anyone for Rejected
   * work, its author otherwise); its rent goes to `payer`, the claim's payer.
   */
  closeContentClaim(a: {
    closer: PublicKey;
    contentHash: Uint8Array;
    payer: PublicKey;
  }): Promise<TransactionInstruction> {
    return this.methods
      .closeContentClaim()
      .accountsPartial({ closer: a.closer, contentClaim: pda.contentClaim(a.contentHash), payer: a.payer })
      .instruction();
  }
}

/** The builders of `MeritClient`: its methods that resolve to one instruction. */
type Builders = {
  [K in Exclude<keyof MeritClient, "rpc" | "send"> as MeritClient[K] extends (
    ...args: never[]
  ) => Promise<TransactionInstruction>
    ? K
    : never]: MeritClient[K];
};

/** Each builder as a sent, confirmed transaction (see `MeritClient.rpc`). */
export type MeritRpc = {
  [K in keyof Builders]: Builders[K] extends (...args: infer A) => Promise<TransactionInstruction>
    ? (...args: A) => Promise<TransactionSignature>
    : never;
};
