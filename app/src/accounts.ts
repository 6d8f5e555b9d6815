import { utils, type IdlAccounts, type Program } from "@anchor-lang/core";
import type BN from "bn.js";
import type { GetProgramAccountsFilter, PublicKey } from "@solana/web3.js";
import type { Merit } from "./idl/merit.js";
import { pda } from "./pda.js";

export type Config = IdlAccounts<Merit>["config"];
export type Stake = IdlAccounts<Merit>["stake"];
export type Task = IdlAccounts<Merit>["task"];
export type Submission = IdlAccounts<Merit>["submission"];
export type Vote = IdlAccounts<Merit>["vote"];
export type ContentClaim = IdlAccounts<Merit>["contentClaim"];
export type Epoch = IdlAccounts<Merit>["epoch"];
export type Vesting = IdlAccounts<Merit>["vesting"];

/** Account kinds, as named in the IDL's coder. */
export type AccountKind =
  | "config"
  | "stake"
  | "task"
  | "submission"
  | "vote"
  | "contentClaim"
  | "epoch"
  | "vesting";

/** Byte offsets of the fields the list queries filter on (after the 8-byte discriminator). */
export const OFFSETS = {
  taskCreator: 11,
  submissionTask: 10,
  submissionContributor: 42,
  voteTask: 10,
  voteSubmission: 42,
  voteValidator: 74,
  stakeOwner: 10,
} as const;

/** Where a task is in its life, from its deadlines, its state and the chain's time. */
export type TaskPhase =
  | "submission"
  | "submissionReveal"
  | "commit"
  | "reveal"
  | "settlement"
  | "finalized";

/**
 * `now` is unix time; pass the config to account for pauses (a task's windows stand still
 * while the protocol is paused, as the program's `Task::clock`).
 */
export function taskPhase(
  task: Task,
  now: number,
  config?: { paused: boolean; pausedAt: BN; pausedTotalSecs: BN },
): TaskPhase {
  if ("finalized" in task.state) return "finalized";
  if (config) {
    const paused =
      config.pausedTotalSecs.toNumber() + (config.paused ? now - config.pausedAt.toNumber() : 0);
    now -= paused - task.pausedBase.toNumber();
  }
  if (now < task.submissionDeadline.toNumber()) return "submission";
  if (now < task.submissionRevealDeadline.toNumber()) return "submissionReveal";
  if (now < task.commitDeadline.toNumber()) return "commit";
  if (now < task.revealDeadline.toNumber()) return "reveal";
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
): IdlAccounts<Merit>[K] {
  return program.coder.accounts.decode(kind, data) as IdlAccounts<Merit>[K];
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

  config(): Promise<Config> {
    return this.program.account.config.fetch(pda.config());
  }

  stake(owner: PublicKey): Promise<Stake | null> {
    return this.program.account.stake.fetchNullable(pda.stake(owner));
  }

  /** A participant's reputation, or null when they have never staked. */
  async reputation(owner: PublicKey): Promise<Stake["reputation"] | null> {
    return (await this.stake(owner))?.reputation ?? null;
  }

  task(address: PublicKey): Promise<Task | null> {
    return this.program.account.task.fetchNullable(address);
  }

  submission(address: PublicKey): Promise<Submission | null> {
    return this.program.account.submission.fetchNullable(address);
  }

  vote(address: PublicKey): Promise<Vote | null> {
    return this.program.account.vote.fetchNullable(address);
  }

  epoch(index: number | bigint): Promise<Epoch | null> {
    return this.program.account.epoch.fetchNullable(pda.epoch(index));
  }

  vesting(owner: PublicKey): Promise<Vesting | null> {
    return this.program.account.vesting.fetchNullable(pda.vesting(owner));
  }

  /** Tasks, optionally of one creator, optionally in one phase at `now` (unix seconds). */
  async tasks(q: { creator?: PublicKey; phase?: TaskPhase; now?: number } = {}) {
    const filters = q.creator ? [memcmp(OFFSETS.taskCreator, q.creator)] : [];
    const all = await this.program.account.task.all(filters);
    if (!q.phase) return all;
    const now = q.now ?? Math.floor(Date.now() / 1000);
    return all.filter((t) => taskPhase(t.account, now) === q.phase);
  }

  submissionsOfTask(task: PublicKey) {
    return this.program.account.submission.all([memcmp(OFFSETS.submissionTask, task)]);
  }

  submissionsOfContributor(contributor: PublicKey) {
    return this.program.account.submission.all([
      memcmp(OFFSETS.submissionContributor, contributor),
    ]);
  }

  votesOfValidator(validator: PublicKey) {
    return this.program.account.vote.all([memcmp(OFFSETS.voteValidator, validator)]);
  }

  votesOfSubmission(submission: PublicKey) {
    return this.program.account.vote.all([memcmp(OFFSETS.voteSubmission, submission)]);
  }
}

/** The discriminator of an account kind, base58-encoded as `memcmp` filters take it. */
export function discriminatorFilter(program: Program<Merit>, kind: AccountKind): GetProgramAccountsFilter {
  const account = program.idl.accounts?.find((a) => a.name === kind);
  if (!account) throw new Error(`unknown account kind ${kind}`);
  return { memcmp: { offset: 0, bytes: utils.bytes.bs58.encode(Buffer.from(account.discriminator)) } };
}
