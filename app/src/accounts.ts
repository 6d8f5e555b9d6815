import { utils, type IdlAccounts, type Program } from "@anchor-lang/core";
import type { GetProgramAccountsFilter, PublicKey } from "@solana/web3.js";
import type { Merit } from "./idl/merit.js";
import { toNative, type Native } from "./numbers.js";
import { clusterNow } from "./clock.js";
import { idlInteger } from "./constants.js";
import { pda } from "./pda.js";

/** A decoded account of kind `K`, its 64-bit integers as `bigint`. */
export type MeritAccount<K extends AccountKind> = Native<IdlAccounts<Merit>[K]>;
export type Config = MeritAccount<"config">;
export type Stake = MeritAccount<"stake">;
export type Task = MeritAccount<"task">;
export type Submission = MeritAccount<"submission">;
export type Vote = MeritAccount<"vote">;
/** A judging round of a submission (zero-copy; PDA `["round", submission, index]`). */
export type Round = MeritAccount<"round">;
export type ContentClaim = MeritAccount<"contentClaim">;
export type Epoch = MeritAccount<"epoch">;
export type Vesting = MeritAccount<"vesting">;

/** An account of a list query: its address and its decoded data. */
export interface Listed<T> {
  publicKey: PublicKey;
  account: T;
}

const listed = <T>(rows: { publicKey: PublicKey; account: T }[]): Listed<Native<T>>[] =>
  rows.map((r) => ({ publicKey: r.publicKey, account: toNative(r.account) }));

/** Account kinds, as named in the IDL's coder. */
export type AccountKind =
  | "config"
  | "stake"
  | "task"
  | "submission"
  | "vote"
  | "round"
  | "contentClaim"
  | "epoch"
  | "vesting";

/** Byte offsets of the fields the list queries filter on (after the 8-byte discriminator). */
export const OFFSETS = {
  taskCreator: 48,
  submissionTask: 10,
  submissionContributor: 42,
  voteTask: 10,
  voteSubmission: 42,
  voteRound: 74,
  voteValidator: 106,
  /** `Round.submission` (the round is zero-copy: its `repr(C)` offset). */
  roundSubmission: 56,
  stakeOwner: 10,
} as const;

/**
 * A task's specification URI. The task account is zero-copy: its `uri` is a fixed
 * 200-byte field holding `uriLen` bytes of UTF-8 (the rest zero), as the program's
 * `Task::uri` reads it.
 */
export function taskUri(task: Pick<Task, "uri" | "uriLen">): string {
  return new TextDecoder().decode(Uint8Array.from(task.uri).subarray(0, task.uriLen));
}

/**
 * The config's proposed admin, or `null`: the zero-copy config stores a key and a flag, as
 * the program's `Config::pending_admin` reads them.
 */
export function pendingAdmin(config: Pick<Config, "hasPendingAdmin" | "pendingAdmin">): PublicKey | null {
  return config.hasPendingAdmin ? config.pendingAdmin : null;
}

/** The config's proposed parameters, or `null` (`Config::pending_params`). */
export function pendingParams(
  config: Pick<Config, "hasPendingParams" | "pendingParams">,
): Config["pendingParams"] | null {
  return config.hasPendingParams ? config.pendingParams : null;
}

/** Where a task is in its life, from its deadlines, its state and the chain's time. */
export type TaskPhase =
  | "submission"
  | "submissionReveal"
  | "commit"
  | "reveal"
  | "settlement"
  | "finalized";

/** A pause ends by itself after this many seconds (the program's `MAX_PAUSE_SECS`). */
const MAX_PAUSE_SECS = BigInt(idlInteger("MAX_PAUSE_SECS"));

/**
 * `now` is unix time; pass the config to account for pauses (a task's windows stand still
 * while the protocol is paused, as the program's `Task::clock`; a pause counts at most
 * `MAX_PAUSE_SECS`, as `PauseRecord::paused_secs`).
 */
export function taskPhase(
  task: Pick<Task, "state" | "pausedBase" | "submissionDeadline" | "submissionRevealDeadline" | "commitDeadline" | "revealDeadline">,
  now: number,
  config?: { paused: boolean; pausedAt: bigint; pausedTotalSecs: bigint },
): TaskPhase {
  if ("finalized" in task.state) return "finalized";
  let t = BigInt(now);
  if (config) {
    const end = t < config.pausedAt + MAX_PAUSE_SECS ? t : config.pausedAt + MAX_PAUSE_SECS;
    const paused = config.pausedTotalSecs + (config.paused ? end - config.pausedAt : 0n);
    t -= paused - task.pausedBase;
  }
  if (t < task.submissionDeadline) return "submission";
  if (t < task.submissionRevealDeadline) return "submissionReveal";
  if (t < task.commitDeadline) return "commit";
  if (t < task.revealDeadline) return "reveal";
  return "settlement";
}

const memcmp = (offset: number, key: PublicKey): GetProgramAccountsFilter => ({
  memcmp: { offset, bytes: key.toBase58() },
});

/** Decodes raw account data of a known kind (the discriminator is checked). */
export function decodeAccount<K extends AccountKind>(
  program: Program<Merit>,
  kind: K,
  data: Buffer,
): MeritAccount<K> {
  return toNative(program.coder.accounts.decode(kind, data) as IdlAccounts<Merit>[K]);
}

/** An account read as Merit's that another program owns. */
export class NotMeritAccountError extends Error {
  constructor(
    readonly address: PublicKey,
    readonly owner: PublicKey,
  ) {
    super(`${address.toBase58()} is owned by ${owner.toBase58()}, not by the Merit program`);
    this.name = "NotMeritAccountError";
  }
}

/** Throws `NotMeritAccountError` unless `owner` is the Merit program `programId`. */
export function checkOwner(address: PublicKey, owner: PublicKey, programId: PublicKey): void {
  if (!owner.equals(programId)) throw new NotMeritAccountError(address, owner);
}

/** The kind of a raw Merit account, from its discriminator; undefined when none matches. */
export function accountKind(program: Program<Merit>, data: Uint8Array): AccountKind | undefined {
  for (const account of program.idl.accounts ?? []) {
    const disc = account.discriminator;
    if (disc.every((b, i) => data[i] === b)) {
      return account.name as AccountKind;
    }
  }
  return undefined;
}

/** Fetchers and the list queries a UI needs. */
export class MeritAccounts {
  constructor(readonly program: Program<Merit>) {}

  async config(): Promise<Config> {
    const config = await this.one("config", pda.config());
    if (!config) throw new Error(`no Merit deployment: the config account ${pda.config().toBase58()} does not exist`);
    return config;
  }

  /**
   * The `kind` account at `address`, or null when there is none. An account owned by
   * another program is refused (`NotMeritAccountError`), whatever its bytes: a look-alike
   * is never decoded as Merit's.
   */
  async one<K extends AccountKind>(kind: K, address: PublicKey): Promise<MeritAccount<K> | null> {
    const info = await this.program.provider.connection.getAccountInfo(address);
    if (!info || info.data.length === 0) return null;
    checkOwner(address, info.owner, this.program.programId);
    return decodeAccount(this.program, kind, info.data);
  }

  async stake(owner: PublicKey): Promise<Stake | null> {
    return this.one("stake", pda.stake(owner));
  }

  /** A participant's reputation, or null when they have never staked. */
  async reputation(owner: PublicKey): Promise<Stake["reputation"] | null> {
    return (await this.stake(owner))?.reputation ?? null;
  }

  async task(address: PublicKey): Promise<Task | null> {
    return this.one("task", address);
  }

  async submission(address: PublicKey): Promise<Submission | null> {
    return this.one("submission", address);
  }

  async vote(address: PublicKey): Promise<Vote | null> {
    return this.one("vote", address);
  }

  async round(address: PublicKey): Promise<Round | null> {
    return this.one("round", address);
  }

  /** Round `index` (1 for the first) of `submission`; its current one is `submission.round`. */
  async roundOf(submission: PublicKey, index: number): Promise<Round | null> {
    return this.round(pda.round(submission, index));
  }

  async epoch(index: bigint): Promise<Epoch | null> {
    return this.one("epoch", pda.epoch(index));
  }

  async vesting(owner: PublicKey): Promise<Vesting | null> {
    return this.one("vesting", pda.vesting(owner));
  }

  /** Tasks, optionally of one creator, optionally in one phase at `now` (unix seconds). */
  async tasks(q: { creator?: PublicKey; phase?: TaskPhase; now?: number } = {}): Promise<Listed<Task>[]> {
    const filters = q.creator ? [memcmp(OFFSETS.taskCreator, q.creator)] : [];
    const all = listed(await this.program.account.task.all(filters));
    if (!q.phase) return all;
    const [now, config] = await Promise.all([
      q.now ?? clusterNow(this.program.provider.connection),
      this.config(),
    ]);
    // Pauses stop a task's clock: the phase is the program's, on the task's own clock.
    return all.filter((t) => taskPhase(t.account, now, config) === q.phase);
  }

  async submissionsOfTask(task: PublicKey): Promise<Listed<Submission>[]> {
    return listed(await this.program.account.submission.all([memcmp(OFFSETS.submissionTask, task)]));
  }

  async submissionsOfContributor(contributor: PublicKey): Promise<Listed<Submission>[]> {
    return listed(
      await this.program.account.submission.all([memcmp(OFFSETS.submissionContributor, contributor)]),
    );
  }

  async votesOfValidator(validator: PublicKey): Promise<Listed<Vote>[]> {
    return listed(await this.program.account.vote.all([memcmp(OFFSETS.voteValidator, validator)]));
  }

  /** A submission's votes and absence records, in every round (each names its own: `vote.round`). */
  async votesOfSubmission(submission: PublicKey): Promise<Listed<Vote>[]> {
    return listed(await this.program.account.vote.all([memcmp(OFFSETS.voteSubmission, submission)]));
  }

  /** The votes and absence records of one round (its address: `pda.round(submission, index)`). */
  async votesOfRound(round: PublicKey): Promise<Listed<Vote>[]> {
    return listed(await this.program.account.vote.all([memcmp(OFFSETS.voteRound, round)]));
  }

  /** A submission's round accounts not closed yet. */
  async roundsOfSubmission(submission: PublicKey): Promise<Listed<Round>[]> {
    return listed(await this.program.account.round.all([memcmp(OFFSETS.roundSubmission, submission)]));
  }
}

/** The discriminator of an account kind, base58-encoded as `memcmp` filters take it. */
export function discriminatorFilter(program: Program<Merit>, kind: AccountKind): GetProgramAccountsFilter {
  const account = program.idl.accounts?.find((a) => a.name === kind);
  if (!account) throw new Error(`unknown account kind ${kind}`);
  return { memcmp: { offset: 0, bytes: utils.bytes.bs58.encode(Buffer.from(account.discriminator)) } };
}
