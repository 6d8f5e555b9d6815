import {
  PublicKey,
  SYSVAR_CLOCK_PUBKEY,
  Transaction,
  type Blockhash,
  type TransactionInstruction,
} from "@solana/web3.js";
import {
  MeritAccounts,
  checkOwner,
  decodeAccount,
  type AccountKind,
  type Epoch,
  type Round,
  type Task,
  type Vesting,
  type Vote,
} from "./accounts.js";
import { MeritClient, type CreateTaskArgs } from "./client.js";
import { clusterNow } from "./clock.js";
import { randomSalt, submissionCommitment, voteCommitment } from "./commitment.js";
import { pda } from "./pda.js";
import {
  defaultTaskId,
  squatFeeFloor,
  submissionClaim,
  submissionEmissionClaim,
  taskDefaults,
  vestedWithdrawable,
  voteClaim,
  voteEmissionClaim,
  votePoints,
  type VestingRuleInput,
} from "./rules.js";

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

/** Parses a duration: seconds, or `90s`, `30m`, `2h`, `3d`, `1w`, `1h30m` (as the CLI reads it). */
export function parseDuration(d: number | string): number {
  if (typeof d === "number") {
    if (!Number.isInteger(d) || d <= 0) throw new Error(`${d} is not a duration in seconds`);
    return d;
  }
  const units: Record<string, number> = { s: 1, m: 60, h: 3_600, d: 86_400, w: 604_800 };
  const parts = [...d.trim().matchAll(/(\d+)([smhdw])/g)];
  if (/^\d+$/.test(d.trim())) return parseDuration(Number(d.trim()));
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== d.trim()) {
    throw new Error(`"${d}" is not a duration (e.g. 90s, 30m, 2h, 3d, 1w, 1h30m)`);
  }
  return parts.reduce((total, p) => total + Number(p[1]) * units[p[2]!]!, 0);
}

/** A task's terms: only the reward, the specification and its URI are required. */
export interface TaskTerms {
  reward: bigint;
  /** The specification's sha256. */
  specHash: Uint8Array;
  uri: string;
  /** Unique per creator; default `defaultTaskId` (past its live tasks and the cluster's clock). */
  id?: bigint;
  /** Window lengths: seconds or `2d`-style strings. Default 1d, 2h, 12h, 12h. */
  durations?: {
    submit?: number | string;
    revealWork?: number | string;
    commit?: number | string;
    reveal?: number | string;
  };
  /** Default: the protocol's minimum. */
  bond?: bigint;
  /**
   * Default: the least the program accepts for these terms: the protocol's minimum, or the
   * squatting floor (`squatFeeFloor` of the reward, validator share and submission count)
   * when higher.
   */
  submissionFee?: bigint;
  /** Default: the protocol's largest committee. */
  committeeSize?: number;
  /** Default: half the committee, within the protocol's cap. */
  quorumSeats?: number;
  /** Default 60 (within the protocol's cap). */
  acceptThreshold?: number;
  /** Default 30 (within the protocol's cap). */
  rejectThreshold?: number;
  /** Default 2,000 (20% of the reward to validators). */
  validatorShareBps?: number;
  /** Default: the protocol's cap (`DEFAULT_MAX_SUBMISSIONS` at most). Fewer slots raise the least fee. */
  maxSubmissions?: number;
  minReputationSubmit?: number;
  minReputationVote?: number;
  /** Unix time the deadlines count from; default the cluster's clock. */
  now?: number;
}

/**
 * Posts a task from its terms, with the deployment's defaults for the rest (the same
 * defaults as `merit task create`): returns the task's address, the full arguments and
 * the instruction that escrows the reward from the creator's token account.
 */
export async function postTask(
  client: MeritClient,
  creator: PublicKey,
  terms: TaskTerms,
): Promise<{ task: PublicKey; args: CreateTaskArgs; instructions: TransactionInstruction[] }> {
  const accounts = new MeritAccounts(client.program);
  const p = (await accounts.config()).params;
  const defaults = taskDefaults(p, terms.committeeSize, terms.reward);
  const d = terms.durations ?? {};
  const submit = d.submit !== undefined ? parseDuration(d.submit) : defaults.submitSecs;
  const revealWork = d.revealWork !== undefined ? parseDuration(d.revealWork) : defaults.revealWorkSecs;
  const commit = d.commit !== undefined ? parseDuration(d.commit) : defaults.commitSecs;
  const reveal = d.reveal !== undefined ? parseDuration(d.reveal) : defaults.revealSecs;
  const now = terms.now ?? (await chainNow(client));
  const live = (await accounts.tasks({ creator })).map((t) => t.account.id);
  const highest = live.length ? live.reduce((a, b) => (a > b ? a : b)) : undefined;
  const id = terms.id ?? defaultTaskId(highest, now);
  const validatorShareBps = terms.validatorShareBps ?? defaults.validatorShareBps;
  const maxSubmissions = terms.maxSubmissions ?? defaults.maxSubmissions;
  // The defaults' fee is the floor of the default share and slots; chosen ones move it.
  const floor = squatFeeFloor(terms.reward, validatorShareBps, maxSubmissions);
  const submissionFee = p.minSubmissionFee > floor ? p.minSubmissionFee : floor;
  const args: CreateTaskArgs = {
    id,
    specHash: terms.specHash,
    uri: terms.uri,
    reward: terms.reward,
    submissionDeadline: BigInt(now + submit),
    submissionRevealDeadline: BigInt(now + submit + revealWork),
    commitDeadline: BigInt(now + submit + revealWork + commit),
    revealDeadline: BigInt(now + submit + revealWork + commit + reveal),
    bond: terms.bond ?? defaults.bond,
    submissionFee: terms.submissionFee ?? submissionFee,
    committeeSize: defaults.committeeSize,
    quorumSeats: terms.quorumSeats ?? defaults.quorumSeats,
    acceptThreshold: terms.acceptThreshold ?? defaults.acceptThreshold,
    rejectThreshold: terms.rejectThreshold ?? defaults.rejectThreshold,
    validatorShareBps,
    maxSubmissions,
    minReputationSubmit: terms.minReputationSubmit ?? 0,
    minReputationVote: terms.minReputationVote ?? 0,
  };
  return {
    task: pda.task(creator, args.id),
    args,
    instructions: [await client.createTask({ creator, args })],
  };
}

async function chainNow(client: MeritClient): Promise<number> {
  return clusterNow(client.connection);
}

/** What a validator must remember between commit and reveal (of one round's vote). */
export interface StoredVote {
  /** The round committed in (its index). */
  round: number;
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
 * keyed by the vote account's address (one per round: `pda.voteIn(submission, round,
 * validator)`), and a contributor's content hash, URI and salt,
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
    termsHash: Uint8Array;
    contentHash: Uint8Array;
    uri: string;
    depositFirst?: bigint;
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
      termsHash: a.termsHash,
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

/**
 * The round a validator acts in: `round` when given, else the submission's current round
 * (`submission.round`, fetched), which must have been opened (the work revealed).
 */
async function currentRound(client: MeritClient, submission: PublicKey, round?: number): Promise<number> {
  if (round !== undefined) return round;
  const sub = await new MeritAccounts(client.program).submission(submission);
  if (!sub) throw new Error(`no submission at ${submission.toBase58()}`);
  if (sub.round === 0) throw new Error("the submission has no judging round: its work was never revealed");
  return sub.round;
}

/**
 * Commits a hidden score in `submission`'s current round (`round`: its index; default
 * `submission.round`, read from chain): draws a fresh salt, stores round, score and salt
 * under the vote's address, and returns the instruction. The commitment binds the round:
 * a score for round 1 is no vote in round 2.
 */
export async function commitVote(
  client: MeritClient,
  store: SaltStore,
  a: { validator: PublicKey; task: PublicKey; submission: PublicKey; score: number; round?: number },
): Promise<TransactionInstruction> {
  const round = await currentRound(client, a.submission, a.round);
  const salt = randomSalt();
  const commitment = voteCommitment(pda.round(a.submission, round), a.validator, a.score, salt);
  await store.set(pda.voteIn(a.submission, round, a.validator).toBase58(), {
    round,
    score: a.score,
    salt: toHex(salt),
  });
  return client.commitVote({ validator: a.validator, task: a.task, submission: a.submission, round, commitment });
}

/**
 * Reveals the score stored at commit time in `submission`'s current round (`round`: its
 * index; default `submission.round`, read from chain).
 */
export async function revealVote(
  client: MeritClient,
  store: SaltStore,
  a: { validator: PublicKey; task: PublicKey; submission: PublicKey; round?: number },
): Promise<TransactionInstruction> {
  const round = await currentRound(client, a.submission, a.round);
  const stored = await store.get(pda.voteIn(a.submission, round, a.validator).toBase58());
  if (!stored || !isVote(stored)) {
    throw new Error(`no stored salt for this vote in round ${round}: it was not committed from this store`);
  }
  return client.revealVote({
    validator: a.validator,
    task: a.task,
    submission: a.submission,
    round,
    score: stored.score,
    salt: Buffer.from(stored.salt, "hex"),
  });
}

/**
 * Everything `wallet` can claim now: rewards of final work and votes, emissions of closed
 * epochs, and vested tokens. Two filtered `getProgramAccounts` (the wallet's submissions
 * and votes) and `getMultipleAccountsInfo` for everything they point at (each vote's own
 * round account, `vote.round`, decides its claim); the program's own rules decide.
 * Returns instructions; `merit.send(wallet, ixs)` packs and sends them.
 */
export async function claimAll(
  client: MeritClient,
  wallet: PublicKey,
  nowOrUndefined?: number,
): Promise<TransactionInstruction[]> {
  const accounts = new MeritAccounts(client.program);
  const [subs, votes] = await Promise.all([
    accounts.submissionsOfContributor(wallet),
    accounts.votesOfValidator(wallet),
  ]);
  const want = new Map<string, AccountKind>();
  for (const { account: s } of subs) {
    want.set(s.task.toBase58(), "task");
    want.set(pda.epoch(s.epoch).toBase58(), "epoch");
  }
  for (const { account: v } of votes) {
    want.set(v.task.toBase58(), "task");
    want.set(v.round.toBase58(), "round");
    want.set(pda.epoch(v.epoch).toBase58(), "epoch");
  }
  want.set(pda.vesting(wallet).toBase58(), "vesting");
  // The cluster's clock (in the same read), never the machine's: a withdrawal the program
  // would refuse (`NothingVested`) would fail the whole batch.
  const fetched = await fetchMany(client, want, nowOrUndefined === undefined);
  const now = nowOrUndefined ?? (fetched.get(SYSVAR_CLOCK_PUBKEY.toBase58()) as number);
  const task = (k: PublicKey) => fetched.get(k.toBase58()) as Task | undefined;
  const epochOf = (index: bigint) => fetched.get(pda.epoch(index).toBase58()) as Epoch | undefined;

  const ixs: TransactionInstruction[] = [];
  for (const { account: s } of subs) {
    if ("pending" in s.outcome) continue;
    const t = task(s.task);
    if (t && "ok" in submissionClaim(s, t)) {
      ixs.push(await client.claimSubmission({ contributor: wallet, task: s.task }));
    }
    const se = epochOf(s.epoch);
    if (se && "ok" in submissionEmissionClaim(s, se)) {
      ixs.push(
        await client.claimSubmissionEmission({ contributor: wallet, task: s.task, epoch: s.epoch }),
      );
    }
  }
  // A vote claimed in this call fixes its points (`Round::vote_points`) and its epoch (the
  // round's `pointsEpoch`): its emission is queued right after it when that epoch pays.
  const claimedNow: { v: Vote; points: bigint; epoch: bigint }[] = [];
  for (const { account: v } of votes) {
    const t = task(v.task);
    const round = fetched.get(v.round.toBase58()) as Round | undefined;
    // The program's own rule, over the vote's own round: claimable once the round closed;
    // an incoherent vote only once slashed (a keeper does that), an absence record never.
    // Queueing a refused claim would fail the whole transaction.
    const claim = t && round ? voteClaim(v, round, t.rules) : undefined;
    if (claim && "paid" in claim) {
      ixs.push(
        await client.claimVote({ validator: wallet, task: v.task, submission: v.submission, round: v.roundIndex }),
      );
      if (claim.paid && t && round) {
        const points = votePoints(t, round.coherentWeight, BigInt(v.weight), v.multiplierBps);
        claimedNow.push({ v, points, epoch: round.pointsEpoch });
      }
      continue;
    }
    const ve = epochOf(v.epoch);
    if (ve && "ok" in voteEmissionClaim(v, ve)) ixs.push(await voteEmissionIx(client, wallet, v, v.epoch));
  }
  const unread = new Map<string, AccountKind>();
  for (const c of claimedNow) {
    const key = pda.epoch(c.epoch).toBase58();
    if (!want.has(key)) unread.set(key, "epoch");
  }
  for (const [k, e] of await fetchMany(client, unread)) fetched.set(k, e);
  for (const c of claimedNow) {
    const e = epochOf(c.epoch);
    const after = { claimed: true, emissionClaimed: false, points: c.points };
    if (e && "ok" in voteEmissionClaim(after, e)) ixs.push(await voteEmissionIx(client, wallet, c.v, c.epoch));
  }
  const vesting = fetched.get(pda.vesting(wallet).toBase58()) as Vesting | undefined;
  if (vesting && hasVested(vesting, now)) {
    ixs.push(await client.withdrawVested({ owner: wallet }));
  }
  return ixs;
}

/** `claim_vote_emission` of `wallet`'s vote `v` from epoch `epoch`. */
function voteEmissionIx(client: MeritClient, wallet: PublicKey, v: Vote, epoch: bigint): Promise<TransactionInstruction> {
  return client.claimVoteEmission({
    validator: wallet,
    task: v.task,
    submission: v.submission,
    round: v.roundIndex,
    epoch,
  });
}

/**
 * Fetches and decodes `want` (address to account kind), 100 addresses per RPC call; with
 * `clock`, the Clock sysvar too, as the cluster's unix time under its address.
 */
async function fetchMany(
  client: MeritClient,
  want: Map<string, AccountKind>,
  clock = false,
): Promise<Map<string, unknown>> {
  const clockKey = SYSVAR_CLOCK_PUBKEY.toBase58();
  const keys = [...(clock ? [clockKey] : []), ...want.keys()];
  const out = new Map<string, unknown>();
  for (let i = 0; i < keys.length; i += 100) {
    const chunk = keys.slice(i, i + 100);
    const infos = await client.connection.getMultipleAccountsInfo(chunk.map((k) => new PublicKey(k)));
    infos.forEach((info, j) => {
      const key = chunk[j]!;
      if (key === clockKey) {
        if (!info) throw new Error("the cluster returned no clock sysvar");
        out.set(key, Number(info.data.readBigInt64LE(32)));
        return;
      }
      if (!info) return;
      checkOwner(new PublicKey(key), info.owner, client.program.programId);
      out.set(key, decodeAccount(client.program, want.get(key)!, info.data));
    });
  }
  return out;
}

function hasVested(v: VestingRuleInput, now: number): boolean {
  return vestedWithdrawable(v, now) > 0n;
}
