import type { IdlTypes, Program } from "@anchor-lang/core";
import BN from "bn.js";
import {
  PublicKey,
  SystemProgram,
  type Connection,
  type TransactionInstruction,
  type TransactionSignature,
} from "@solana/web3.js";
import type { Merit } from "./idl/merit.js";
import { pda } from "./pda.js";
import { meritProgram } from "./program.js";
import { sendInstructions, sendPacked, type SendOptions, type WalletSigner } from "./send.js";

export type ConfigParams = IdlTypes<Merit>["configParams"];
export type CreateTaskArgs = IdlTypes<Merit>["createTaskArgs"];
export type Amount = BN | number | bigint | string;

export const TOKEN_PROGRAM_ID = new PublicKey("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA");
export const TOKEN_2022_PROGRAM_ID = new PublicKey("TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb");
export const ASSOCIATED_TOKEN_PROGRAM_ID = new PublicKey(
  "ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL",
);

export const SLOT_HASHES_SYSVAR = new PublicKey("SysvarS1otHashes111111111111111111111111111");

const bn = (v: Amount): BN => new BN(v.toString());

/** The defaults documented in the README, for a mint with `decimals` decimals. */
export function defaultConfigParams(decimals: number): ConfigParams {
  const unit = new BN(10).pow(new BN(decimals));
  const day = 24 * 3600;
  return {
    unstakeCooldownSecs: new BN(7 * day),
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
    keeperBountyLamports: new BN(10_000),
    minSubmissionBond: unit,
    minSubmissionFee: BN.max(unit.divn(10), new BN(1)),
    maxSubmissionFee: unit.muln(100),
    taskFeeBps: 500,
    emissionCapBps: 8_000,
    minPhaseSecs: new BN(60),
    maxTaskDurationSecs: new BN(90 * day),
    maxSubmissionsPerTask: 256,
    epochLengthSecs: new BN(7 * day),
    initialEmission: unit.muln(10_000),
    emissionDecayBps: 500,
    contributorEmissionBps: 6_000,
    vestingDurationSecs: new BN(0),
    reputationAlphaBps: 2_000,
    reputationDecayBps: 1_000,
    reputationStartBps: 4_000,
    reputationValueUnit: unit.muln(100),
    paramTimelockSecs: new BN(2 * day),
    claimWindowSecs: new BN(180 * day),
  };
}

/** The stake mint and token program of a deployment. */
export interface Deployment {
  stakeMint: PublicKey;
  tokenProgram: PublicKey;
}

/**
 * A typed builder for every instruction. Each resolves the PDAs and the caller's
 * associated token account, so a caller passes only what it must choose. Builders return
 * instructions for a wallet to sign; nothing here needs a private key.
 */
export class MeritClient {
  constructor(
    readonly program: Program<Merit>,
    readonly deployment: Deployment,
  ) {}

  /** A client for the deployment on `connection`'s cluster, read from its config account. */
  static async load(connection: Connection): Promise<MeritClient> {
    const program = meritProgram(connection);
    const config = await program.account.config.fetch(pda.config());
    return new MeritClient(program, { stakeMint: config.stakeMint, tokenProgram: config.tokenProgram });
  }

  get connection(): Connection {
    return this.program.provider.connection;
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
    return PublicKey.findProgramAddressSync(
      [owner.toBuffer(), this.deployment.tokenProgram.toBuffer(), this.deployment.stakeMint.toBuffer()],
      ASSOCIATED_TOKEN_PROGRAM_ID,
    )[0];
  }

  private get common() {
    return {
      config: pda.config(),
      stakeMint: this.deployment.stakeMint,
      tokenProgram: this.deployment.tokenProgram,
    };
  }

  /**
   * Claims always pass the claimant's vesting accounts: the program decides from the
   * task's (or epoch's) snapshot whether the payment vests.
   */
  private vestingAccounts(owner: PublicKey) {
    return { vesting: pda.vesting(owner), vestingVault: pda.vestingVault() };
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
    return this.program.methods
      .initialize(a.params)
      .accountsStrict({
        admin: a.admin,
        config: pda.config(),
        stakeMint: this.deployment.stakeMint,
        stakeVault: pda.stakeVault(),
        treasuryVault: pda.treasury(),
        emissionVault: pda.emissionVault(),
        vestingVault: pda.vestingVault(),
        firstEpoch: pda.epoch(0),
        tokenProgram: this.deployment.tokenProgram,
        systemProgram: SystemProgram.programId,
      })
      .instruction();
  }

  /** Proposes new parameters, applicable after the config's `paramTimelockSecs`. */
  proposeConfig(a: { admin: PublicKey; params: ConfigParams }): Promise<TransactionInstruction> {
    return this.program.methods
      .proposeConfig(a.params)
      .accountsStrict({ admin: a.admin, config: pda.config() })
      .instruction();
  }

  cancelConfig(a: { admin: PublicKey }): Promise<TransactionInstruction> {
    return this.program.methods
      .cancelConfig()
      .accountsStrict({ admin: a.admin, config: pda.config() })
      .instruction();
  }

  /** Applies the pending parameters (anyone, once the timelock has elapsed). */
  applyConfig(a: { caller: PublicKey }): Promise<TransactionInstruction> {
    return this.program.methods
      .applyConfig()
      .accountsStrict({ caller: a.caller, config: pda.config() })
      .instruction();
  }

  setPaused(a: { admin: PublicKey; paused: boolean }): Promise<TransactionInstruction> {
    return this.program.methods
      .setPaused(a.paused)
      .accountsStrict({ admin: a.admin, config: pda.config() })
      .instruction();
  }

  proposeAdmin(a: { admin: PublicKey; newAdmin: PublicKey | null }): Promise<TransactionInstruction> {
    return this.program.methods
      .proposeAdmin(a.newAdmin)
      .accountsStrict({ admin: a.admin, config: pda.config() })
      .instruction();
  }

  acceptAdmin(a: { newAdmin: PublicKey }): Promise<TransactionInstruction> {
    return this.program.methods
      .acceptAdmin()
      .accountsStrict({ newAdmin: a.newAdmin, config: pda.config() })
      .instruction();
  }

  // Stake

  depositStake(a: { owner: PublicKey; amount: Amount }): Promise<TransactionInstruction> {
    return this.program.methods
      .depositStake(bn(a.amount))
      .accountsStrict({
        ...this.common,
        owner: a.owner,
        stake: pda.stake(a.owner),
        ownerToken: this.ata(a.owner),
        stakeVault: pda.stakeVault(),
        systemProgram: SystemProgram.programId,
      })
      .instruction();
  }

  requestUnstake(a: { owner: PublicKey; amount: Amount }): Promise<TransactionInstruction> {
    return this.program.methods
      .requestUnstake(bn(a.amount))
      .accountsStrict({ owner: a.owner, config: pda.config(), stake: pda.stake(a.owner) })
      .instruction();
  }

  withdrawStake(a: { owner: PublicKey }): Promise<TransactionInstruction> {
    return this.program.methods
      .withdrawStake()
      .accountsStrict({
        ...this.common,
        owner: a.owner,
        stake: pda.stake(a.owner),
        ownerToken: this.ata(a.owner),
        stakeVault: pda.stakeVault(),
      })
      .instruction();
  }

  // Tasks

  createTask(a: { creator: PublicKey; args: CreateTaskArgs }): Promise<TransactionInstruction> {
    const task = pda.task(a.creator, a.args.id);
    return this.program.methods
      .createTask(a.args)
      .accountsStrict({
        ...this.common,
        creator: a.creator,
        task,
        taskVault: pda.taskVault(task),
        creatorToken: this.ata(a.creator),
        treasuryVault: pda.treasury(),
        systemProgram: SystemProgram.programId,
      })
      .instruction();
  }

  cancelTask(a: { creator: PublicKey; task: PublicKey }): Promise<TransactionInstruction> {
    return this.program.methods
      .cancelTask()
      .accountsStrict({
        ...this.common,
        creator: a.creator,
        task: a.task,
        taskVault: pda.taskVault(a.task),
        creatorToken: this.ata(a.creator),
      })
      .instruction();
  }

  reclaimTask(a: { creator: PublicKey; task: PublicKey }): Promise<TransactionInstruction> {
    return this.program.methods
      .reclaimTask()
      .accountsStrict({
        ...this.common,
        creator: a.creator,
        task: a.task,
        taskVault: pda.taskVault(a.task),
        creatorToken: this.ata(a.creator),
      })
      .instruction();
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
    return this.program.methods
      .submit(Array.from(a.commitment), Array.from(a.termsHash))
      .accountsStrict({
        ...this.common,
        contributor: a.contributor,
        task: a.task,
        stake: pda.stake(a.contributor),
        submission: pda.submission(a.task, a.contributor),
        contributorToken: this.ata(a.contributor),
        taskVault: pda.taskVault(a.task),
        systemProgram: SystemProgram.programId,
      })
      .instruction();
  }

  /** Reveals the committed content and its URI (after submissions close). */
  revealSubmission(a: {
    contributor: PublicKey;
    task: PublicKey;
    contentHash: Uint8Array;
    salt: Uint8Array;
    uri: string;
  }): Promise<TransactionInstruction> {
    return this.program.methods
      .revealSubmission(Array.from(a.contentHash), Array.from(a.salt), a.uri)
      .accountsStrict({
        contributor: a.contributor,
        config: pda.config(),
        task: a.task,
        submission: pda.submission(a.task, a.contributor),
        contentClaim: pda.contentClaim(a.contentHash),
        systemProgram: SystemProgram.programId,
      })
      .instruction();
  }

  commitVote(a: {
    validator: PublicKey;
    task: PublicKey;
    submission: PublicKey;
    commitment: Uint8Array;
  }): Promise<TransactionInstruction> {
    return this.program.methods
      .commitVote(Array.from(a.commitment))
      .accountsStrict({
        validator: a.validator,
        config: pda.config(),
        task: a.task,
        submission: a.submission,
        stake: pda.stake(a.validator),
        validatorSubmission: pda.submission(a.task, a.validator),
        vote: pda.vote(a.submission, a.validator),
        systemProgram: SystemProgram.programId,
      })
      .instruction();
  }

  revealVote(a: {
    validator: PublicKey;
    task: PublicKey;
    submission: PublicKey;
    score: number;
    salt: Uint8Array;
  }): Promise<TransactionInstruction> {
    return this.program.methods
      .revealVote(a.score, Array.from(a.salt))
      .accountsStrict({
        validator: a.validator,
        config: pda.config(),
        task: a.task,
        submission: a.submission,
        vote: pda.vote(a.submission, a.validator),
        stake: pda.stake(a.validator),
      })
      .instruction();
  }

  // Keepers

  /**
   * `contributor` owns the submission; `epoch` is the open epoch's index; `contentHash` is
   * the submission's revealed content (null: never revealed).
   */
  finalizeSubmission(a: {
    keeper: PublicKey;
    task: PublicKey;
    contributor: PublicKey;
    epoch: Amount;
    contentHash: Uint8Array | null;
  }): Promise<TransactionInstruction> {
    return this.program.methods
      .finalizeSubmission()
      .accountsStrict({
        ...this.common,
        keeper: a.keeper,
        task: a.task,
        submission: pda.submission(a.task, a.contributor),
        stake: pda.stake(a.contributor),
        epoch: pda.epoch(a.epoch),
        contentClaim: a.contentHash === null ? null : pda.contentClaim(a.contentHash),
        taskVault: pda.taskVault(a.task),
        treasuryVault: pda.treasury(),
      })
      .instruction();
  }

  /** Schedules (first call) or seeds (after the target slot) the task's committee draw. */
  draw(a: { keeper: PublicKey; task: PublicKey }): Promise<TransactionInstruction> {
    return this.program.methods
      .draw()
      .accountsStrict({
        keeper: a.keeper,
        config: pda.config(),
        task: a.task,
        slotHashes: SLOT_HASHES_SYSVAR,
      })
      .instruction();
  }

  finalizeTask(a: { keeper: PublicKey; task: PublicKey }): Promise<TransactionInstruction> {
    return this.program.methods
      .finalizeTask()
      .accountsStrict({ keeper: a.keeper, config: pda.config(), task: a.task })
      .instruction();
  }

  slashSubmission(a: {
    slasher: PublicKey;
    task: PublicKey;
    contributor: PublicKey;
  }): Promise<TransactionInstruction> {
    return this.program.methods
      .slashSubmission()
      .accountsStrict({
        ...this.common,
        slasher: a.slasher,
        task: a.task,
        submission: pda.submission(a.task, a.contributor),
        stake: pda.stake(a.contributor),
        offenderVesting: pda.vesting(a.contributor),
        stakeVault: pda.stakeVault(),
        vestingVault: pda.vestingVault(),
        treasuryVault: pda.treasury(),
        slasherToken: this.ata(a.slasher),
        slasherVesting: this.slasherVesting(a.slasher, a.contributor),
        systemProgram: SystemProgram.programId,
      })
      .instruction();
  }

  slashVote(a: {
    slasher: PublicKey;
    task: PublicKey;
    submission: PublicKey;
    validator: PublicKey;
  }): Promise<TransactionInstruction> {
    return this.program.methods
      .slashVote()
      .accountsStrict({
        ...this.common,
        slasher: a.slasher,
        task: a.task,
        submission: a.submission,
        vote: pda.vote(a.submission, a.validator),
        stake: pda.stake(a.validator),
        offenderVesting: pda.vesting(a.validator),
        stakeVault: pda.stakeVault(),
        vestingVault: pda.vestingVault(),
        treasuryVault: pda.treasury(),
        slasherToken: this.ata(a.slasher),
        slasherVesting: this.slasherVesting(a.slasher, a.validator),
        systemProgram: SystemProgram.programId,
      })
      .instruction();
  }

  // Claims

  claimSubmission(a: { contributor: PublicKey; task: PublicKey }): Promise<TransactionInstruction> {
    return this.program.methods
      .claimSubmission()
      .accountsStrict({
        ...this.common,
        ...this.vestingAccounts(a.contributor),
        contributor: a.contributor,
        task: a.task,
        submission: pda.submission(a.task, a.contributor),
        stake: pda.stake(a.contributor),
        taskVault: pda.taskVault(a.task),
        contributorToken: this.ata(a.contributor),
        systemProgram: SystemProgram.programId,
      })
      .instruction();
  }

  claimVote(a: {
    validator: PublicKey;
    task: PublicKey;
    submission: PublicKey;
  }): Promise<TransactionInstruction> {
    return this.program.methods
      .claimVote()
      .accountsStrict({
        ...this.common,
        ...this.vestingAccounts(a.validator),
        validator: a.validator,
        task: a.task,
        submission: a.submission,
        vote: pda.vote(a.submission, a.validator),
        stake: pda.stake(a.validator),
        taskVault: pda.taskVault(a.task),
        validatorToken: this.ata(a.validator),
        systemProgram: SystemProgram.programId,
      })
      .instruction();
  }

  // Epochs, emissions, vesting

  fundEmissions(a: { funder: PublicKey; amount: Amount; lamports: Amount }): Promise<TransactionInstruction> {
    return this.program.methods
      .fundEmissions(bn(a.amount), bn(a.lamports))
      .accountsStrict({
        ...this.common,
        funder: a.funder,
        funderToken: this.ata(a.funder),
        emissionVault: pda.emissionVault(),
        systemProgram: SystemProgram.programId,
      })
      .instruction();
  }

  /** Closes epoch `current` and opens `next`, the epoch containing now. */
  advanceEpoch(a: { keeper: PublicKey; current: Amount; next: Amount }): Promise<TransactionInstruction> {
    return this.program.methods
      .advanceEpoch(bn(a.next))
      .accountsStrict({
        keeper: a.keeper,
        config: pda.config(),
        currentEpoch: pda.epoch(a.current),
        nextEpoch: pda.epoch(a.next),
        systemProgram: SystemProgram.programId,
      })
      .instruction();
  }

  claimSubmissionEmission(a: {
    contributor: PublicKey;
    task: PublicKey;
    epoch: Amount;
  }): Promise<TransactionInstruction> {
    return this.program.methods
      .claimSubmissionEmission()
      .accountsStrict({
        ...this.common,
        ...this.vestingAccounts(a.contributor),
        contributor: a.contributor,
        epoch: pda.epoch(a.epoch),
        submission: pda.submission(a.task, a.contributor),
        task: a.task,
        emissionVault: pda.emissionVault(),
        contributorToken: this.ata(a.contributor),
        systemProgram: SystemProgram.programId,
      })
      .instruction();
  }

  /** `task` is the submission's task, whose emission cap bounds the claim. */
  claimVoteEmission(a: {
    validator: PublicKey;
    task: PublicKey;
    submission: PublicKey;
    epoch: Amount;
  }): Promise<TransactionInstruction> {
    return this.program.methods
      .claimVoteEmission()
      .accountsStrict({
        ...this.common,
        ...this.vestingAccounts(a.validator),
        validator: a.validator,
        epoch: pda.epoch(a.epoch),
        vote: pda.vote(a.submission, a.validator),
        task: a.task,
        emissionVault: pda.emissionVault(),
        validatorToken: this.ata(a.validator),
        systemProgram: SystemProgram.programId,
      })
      .instruction();
  }

  withdrawVested(a: { owner: PublicKey }): Promise<TransactionInstruction> {
    return this.program.methods
      .withdrawVested()
      .accountsStrict({
        ...this.common,
        owner: a.owner,
        vesting: pda.vesting(a.owner),
        vestingVault: pda.vestingVault(),
        ownerToken: this.ata(a.owner),
      })
      .instruction();
  }

  // Closing

  closeVote(a: { submission: PublicKey; validator: PublicKey }): Promise<TransactionInstruction> {
    return this.program.methods
      .closeVote()
      .accountsStrict({
        submission: a.submission,
        vote: pda.vote(a.submission, a.validator),
        validator: a.validator,
      })
      .instruction();
  }

  closeSubmission(a: { task: PublicKey; contributor: PublicKey }): Promise<TransactionInstruction> {
    return this.program.methods
      .closeSubmission()
      .accountsStrict({
        task: a.task,
        submission: pda.submission(a.task, a.contributor),
        contributor: a.contributor,
      })
      .instruction();
  }

  /** Expires a finalized task whose claim window has passed (anyone). */
  expireTask(a: { caller: PublicKey; task: PublicKey }): Promise<TransactionInstruction> {
    return this.program.methods
      .expireTask()
      .accountsStrict({ caller: a.caller, task: a.task })
      .instruction();
  }

  /** Expires closed epoch `index` once its claim window has passed (anyone). */
  expireEpoch(a: { caller: PublicKey; index: Amount }): Promise<TransactionInstruction> {
    return this.program.methods
      .expireEpoch()
      .accountsStrict({ caller: a.caller, config: pda.config(), epoch: pda.epoch(a.index) })
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
    return this.program.methods
      .closeContentClaim()
      .accountsStrict({
        closer: a.closer,
        contentClaim: pda.contentClaim(a.contentHash),
        payer: a.payer,
      })
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
