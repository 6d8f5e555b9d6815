import BN from "bn.js";
import {
  PublicKey,
  Transaction,
  type Blockhash,
  type TransactionInstruction,
} from "@solana/web3.js";
import { MeritAccounts } from "./accounts.js";
import { MeritClient, type CreateTaskArgs } from "./client.js";
import { randomSalt, submissionCommitment, voteCommitment } from "./commitment.js";
import { pda } from "./pda.js";
import { voteClaim } from "./rules.js";

/** Wraps instructions into a transaction for a wallet to sign. */
export function toTransaction(
  instructions: TransactionInstruction[],
  feePayer: PublicKey,
  recentBlockhash: Blockhash,
): Transaction {
  const tx = new Transaction({ feePayer, recentBlockhash });
  tx.add(...instructions);
  return tx;
}

/** Posts a task: escrows `args.reward` from the creator's token account. */
export async function postTask(
  client: MeritClient,
  creator: PublicKey,
  args: CreateTaskArgs,
): Promise<{ task: PublicKey; instructions: TransactionInstruction[] }> {
  return {
    task: pda.task(creator, args.id),
    instructions: [await client.createTask({ creator, args })],
  };
}

/** What a validator must remember between commit and reveal. */
export interface StoredVote {
  score: number;
  /** Hex of the 32-byte salt. */
  salt: string;
}

/** What a contributor must remember between `submit` and `reveal_submission`. */
export interface StoredSubmission {
  /** Hex of the 32-byte content hash. */
  contentHash: string;
  uri: string;
  /** Hex of the 32-byte salt. */
  salt: string;
}

export type StoredSecret = StoredVote | StoredSubmission;

/**
 * Where secrets wait between a commitment and its reveal: a validator's score and salt,
 * keyed by the vote account's address, and a contributor's content hash, URI and salt,
 * keyed by the submission account's address. Browser apps can back it with localStorage,
 * servers with a file. Losing an entry loses the bond it guards: persist it before sending.
 */
export interface SaltStore {
  get(account: string): Promise<StoredSecret | undefined>;
  set(account: string, value: StoredSecret): Promise<void>;
}

/** A `SaltStore` in memory. */
export class MemorySaltStore implements SaltStore {
  private readonly entries = new Map<string, StoredSecret>();
  async get(account: string): Promise<StoredSecret | undefined> {
    return this.entries.get(account);
  }
  async set(account: string, value: StoredSecret): Promise<void> {
    this.entries.set(account, value);
  }
}

const toHex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
const isVote = (s: StoredSecret): s is StoredVote => "score" in s;

/**
 * Submits work without showing it: draws a fresh salt, stores the content hash, URI and
 * salt, and returns the `submit` instruction (first a deposit when `depositFirst` is set).
 * `termsHash` is the task's `termsHash` as read when the contributor agreed to the task;
 * the program refuses the submission if the task's terms changed since.
 */
export async function submitWork(
  client: MeritClient,
  store: SaltStore,
  a: {
    contributor: PublicKey;
    task: PublicKey;
    termsHash: Uint8Array | number[];
    contentHash: Uint8Array;
    uri: string;
    depositFirst?: BN | number;
  },
): Promise<TransactionInstruction[]> {
  const ixs: TransactionInstruction[] = [];
  if (a.depositFirst !== undefined) {
    ixs.push(await client.depositStake({ owner: a.contributor, amount: a.depositFirst }));
  }
  const salt = randomSalt();
  await store.set(pda.submission(a.task, a.contributor).toBase58(), {
    contentHash: toHex(a.contentHash),
    uri: a.uri,
    salt: toHex(salt),
  });
  const commitment = submissionCommitment(a.task, a.contributor, a.contentHash, salt);
  ixs.push(
    await client.submit({
      contributor: a.contributor,
      task: a.task,
      commitment,
      termsHash: Uint8Array.from(a.termsHash),
    }),
  );
  return ixs;
}

/**
 * Reveals the work stored at `submitWork` time (after submissions close). Publish the
 * file at its URI only once this has landed: until then the content hash is the
 * author's secret, and a copier who learns it early could commit to it first.
 */
export async function revealWork(
  client: MeritClient,
  store: SaltStore,
  a: { contributor: PublicKey; task: PublicKey },
): Promise<TransactionInstruction> {
  const stored = await store.get(pda.submission(a.task, a.contributor).toBase58());
  if (!stored || isVote(stored)) {
    throw new Error("no stored work for this submission: it was not submitted from this store");
  }
  return client.revealSubmission({
    ...a,
    contentHash: Buffer.from(stored.contentHash, "hex"),
    salt: Buffer.from(stored.salt, "hex"),
    uri: stored.uri,
  });
}

/** Commits a hidden score: draws a fresh salt, stores score and salt, returns the instruction. */
export async function commitVote(
  client: MeritClient,
  store: SaltStore,
  a: { validator: PublicKey; task: PublicKey; submission: PublicKey; score: number },
): Promise<TransactionInstruction> {
  const salt = randomSalt();
  const commitment = voteCommitment(a.submission, a.validator, a.score, salt);
  await store.set(pda.vote(a.submission, a.validator).toBase58(), {
    score: a.score,
    salt: toHex(salt),
  });
  return client.commitVote({ ...a, commitment });
}

/** Reveals the score stored at commit time. */
export async function revealVote(
  client: MeritClient,
  store: SaltStore,
  a: { validator: PublicKey; task: PublicKey; submission: PublicKey },
): Promise<TransactionInstruction> {
  const stored = await store.get(pda.vote(a.submission, a.validator).toBase58());
  if (!stored || !isVote(stored)) {
    throw new Error("no stored salt for this vote: it was not committed from this store");
  }
  return client.revealVote({ ...a, score: stored.score, salt: Buffer.from(stored.salt, "hex") });
}

/**
 * Everything `wallet` can claim now: rewards of final work and votes, emissions of closed
 * epochs, and vested tokens. Returns instructions; the wallet signs them.
 */
export async function claimAll(
  client: MeritClient,
  wallet: PublicKey,
  now: number = Math.floor(Date.now() / 1000),
): Promise<TransactionInstruction[]> {
  const accounts = new MeritAccounts(client.program);
  const ixs: TransactionInstruction[] = [];
  const closedEpochs = new Map<string, boolean>();
  const epochClosed = async (index: BN): Promise<boolean> => {
    const key = index.toString();
    if (!closedEpochs.has(key)) {
      closedEpochs.set(key, (await accounts.epoch(BigInt(key)))?.closed ?? false);
    }
    return closedEpochs.get(key) ?? false;
  };

  for (const { account: s } of await accounts.submissionsOfContributor(wallet)) {
    if ("pending" in s.outcome) continue;
    const task = await accounts.task(s.task);
    const finalized = task !== null && "finalized" in task.state;
    const forfeited = "rejected" in s.outcome || "duplicate" in s.outcome || "unrevealed" in s.outcome;
    if (!s.claimed && !forfeited && finalized) {
      ixs.push(await client.claimSubmission({ contributor: wallet, task: s.task }));
    }
    if (!s.points.isZero() && !s.emissionClaimed && (await epochClosed(s.epoch))) {
      ixs.push(
        await client.claimSubmissionEmission({ contributor: wallet, task: s.task, epoch: s.epoch }),
      );
    }
  }
  for (const { account: v } of await accounts.votesOfValidator(wallet)) {
    const sub = await accounts.submission(v.submission);
    if (!sub || "pending" in sub.outcome) continue;
    const task = await accounts.task(v.task);
    // The program's own rule: an incoherent vote is claimable only once slashed (a keeper
    // does that); queueing it would fail the whole transaction.
    if (task && "paid" in voteClaim(v, sub, task.rules)) {
      ixs.push(await client.claimVote({ validator: wallet, task: v.task, submission: v.submission }));
    }
    if (v.claimed && !v.points.isZero() && !v.emissionClaimed && (await epochClosed(v.epoch))) {
      ixs.push(
        await client.claimVoteEmission({
          validator: wallet,
          task: v.task,
          submission: v.submission,
          epoch: v.epoch,
        }),
      );
    }
  }
  const vesting = await accounts.vesting(wallet);
  if (vesting && hasVested(vesting, now)) {
    ixs.push(await client.withdrawVested({ owner: wallet }));
  }
  return ixs;
}

function hasVested(
  v: { unlocked: BN; unvested: BN; vestFrom: BN },
  now: number,
): boolean {
  return !v.unlocked.isZero() || (!v.unvested.isZero() && now > v.vestFrom.toNumber());
}
