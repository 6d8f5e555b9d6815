// Rebuilds every vector the Rust suite wrote from the real program, and compares byte
// for byte: PDAs, commitments, instruction data and accounts, account decoding, events.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import BN from "bn.js";
import { Connection, PublicKey, type TransactionInstruction } from "@solana/web3.js";
import {
  MeritClient,
  accountKind,
  OFFSETS,
  decodeAccount,
  decodeEvent,
  taskUri,
  meritProgram,
  pda,
  defaultConfigParams,
  submissionCommitment,
  voteCommitment,
  fallbackSeed,
  lot,
  seats,
  activeAt,
  activeNow,
  seatsFor,
  roundCommittee,
  weightedMedian,
  consensusAdmits,
  squatFeeFloor,
  defaultTaskId,
  vestedWithdrawable,
  votePoints,
  type Round,
  type Stake,
  type Task,
  type Vote,
  MERIT_PROGRAM_ID,
  type AccountKind,
  voteClaim,
  voteSlashDue,
  taskPhase,
  submissionClaim,
  taskDefaults,
  submissionEmissionClaim,
  voteEmissionClaim,
  toAnchor,
  type TaskDefaultsParams,
} from "../src/index.js";

interface U64 {
  $u64: string;
}
interface Pk {
  $pubkey: string;
}
interface Bytes {
  $bytes: string;
}

interface VoteRuleCase {
  vote: { absent: boolean; revealed: boolean; slashed: boolean; claimed: boolean; score: number; bond: string };
  round: { state: "open" | "failed" | "decided"; consensus: number; consensusLow: number; consensusHigh: number };
  slashDue: { kind: string; amount: string } | null;
  claim: { paid: boolean } | { error: string };
}

interface Vectors {
  emissionRules: {
    side: "submission" | "vote";
    done: boolean;
    emissionClaimed: boolean;
    points: number;
    epochClosed: boolean;
    epochExpired: boolean;
    claim: { ok: true } | { error: string };
  }[];
  taskDefaults: {
    params: Record<string, unknown>;
    committee: number | null;
    reward: U64;
    defaults: Record<string, unknown>;
  }[];
  medians: { votes: [number, number][]; median: { score: number; low: number; high: number } | null }[];
  submissionRules: {
    outcome: string;
    claimed: boolean;
    taskFinalized: boolean;
    claim: { ok: true } | { error: string };
  }[];
  taskPhases: {
    deadlines: { submission: number; submissionReveal: number; commit: number; reveal: number };
    cases: { finalized: boolean; now: number; phase: string }[];
  };
  voteRules: {
    rules: { coherenceTolerance: number; incoherenceSlashBps: number };
    cases: VoteRuleCase[];
  };
  programId: string;
  deployment: { stakeMint: string; tokenProgram: string };
  pdas: { name: string; args: unknown[]; address: string }[];
  commitments: { round: string; validator: string; score: number; salt: string; commitment: string }[];
  submissionCommitments: {
    task: string;
    contributor: string;
    contentHash: string;
    salt: string;
    commitment: string;
  }[];
  sortition: {
    draw: {
      owner: Pk;
      entropy: Bytes;
      fallbackSeed: Bytes;
      submission: Pk;
      validator: Pk;
      lot: U64;
    };
    seats: { stake: U64; total: U64; committee: number; lot: U64; seats: U64 }[];
    activeAt: {
      deposited: U64;
      unstaking: U64;
      history: { epoch: U64; activeStart: U64; activeMin: U64 }[];
      historyFrom: U64;
      /** [epoch, current, active] */
      cases: [U64, U64, U64][];
    }[];
  };
  instructions: {
    builder: string;
    args: Record<string, unknown>;
    data: string;
    accounts: { pubkey: string; isSigner: boolean; isWritable: boolean }[];
  }[];
  accounts: { kind: AccountKind; address: string; data: string; fields: Record<string, unknown> }[];
  events: { name: string; data: string; fields: Record<string, unknown> }[];
}

const vectors = JSON.parse(
  readFileSync(new URL("./vectors.json", import.meta.url), "utf8"),
) as Vectors;

/** Turns the typed JSON encodings ($pubkey, $u64, $i64, $bytes) back into SDK values. */
function revive(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(revive);
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.$pubkey === "string") return new PublicKey(o.$pubkey);
    if (typeof o.$u64 === "string" || typeof o.$i64 === "string") {
      return BigInt((o.$u64 ?? o.$i64) as string);
    }
    if (typeof o.$bytes === "string") return Buffer.from(o.$bytes, "hex");
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, revive(x)]));
  }
  return v;
}

/** Normalizes a decoded field for comparison: keys to base58, integers to decimal, enums to their variant. */
function normalize(v: unknown): unknown {
  if (v instanceof PublicKey) return v.toBase58();
  if (BN.isBN(v)) return (v as BN).toString();
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString("hex");
  if (v && typeof v === "object") {
    const keys = Object.keys(v);
    const only = keys[0];
    if (keys.length === 1 && only !== undefined) {
      const inner = (v as Record<string, unknown>)[only];
      if (inner && typeof inner === "object" && Object.keys(inner).length === 0) return only;
    }
  }
  return v;
}

function at(obj: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], obj);
}

// Nothing listens there: a builder whose account resolution fetched an account would fail.
const program = meritProgram(new Connection("http://127.0.0.1:8899"));
const client = new MeritClient(program, {
  stakeMint: new PublicKey(vectors.deployment.stakeMint),
  tokenProgram: new PublicKey(vectors.deployment.tokenProgram),
});

test("the program id matches the IDL", () => {
  assert.equal(MERIT_PROGRAM_ID.toBase58(), vectors.programId);
});

test("every PDA matches the program's derivation", () => {
  const derive = pda as unknown as Record<string, (...a: unknown[]) => PublicKey>;
  assert.ok(vectors.pdas.length >= 13);
  for (const v of vectors.pdas) {
    const f = derive[v.name];
    assert.ok(f, `no pda.${v.name}`);
    assert.equal(f(...(revive(v.args) as unknown[])).toBase58(), v.address, v.name);
  }
});

test("fallback seeds, lots and seats match the program's sortition", () => {
  const { draw, seats: cases } = vectors.sortition;
  const u64 = (v: U64): bigint => BigInt(v.$u64);
  const entropy = Buffer.from(draw.entropy.$bytes, "hex");
  const seed = fallbackSeed(new PublicKey(draw.owner.$pubkey), entropy);
  assert.equal(Buffer.from(seed).toString("hex"), draw.fallbackSeed.$bytes);
  assert.equal(lot(seed, new PublicKey(draw.submission.$pubkey), new PublicKey(draw.validator.$pubkey)), u64(draw.lot));
  // The fallback binds its owner and the entropy recorded at scheduling.
  assert.notEqual(Buffer.from(fallbackSeed(new PublicKey(draw.submission.$pubkey), entropy)).toString("hex"), draw.fallbackSeed.$bytes);
  assert.notEqual(Buffer.from(fallbackSeed(new PublicKey(draw.owner.$pubkey), new Uint8Array(32))).toString("hex"), draw.fallbackSeed.$bytes);
  assert.ok(cases.length >= 5);
  for (const c of cases) {
    assert.equal(seats(u64(c.stake), u64(c.total), c.committee, u64(c.lot)), u64(c.seats));
  }
});

test("active stake at a draw epoch matches the program's Stake::active_at over stake histories", () => {
  const u64 = (v: U64): bigint => BigInt(v.$u64);
  const stakes = vectors.sortition.activeAt;
  assert.ok(stakes.length >= 6);
  let cases = 0;
  const answers = new Set<string>();
  for (const s of stakes) {
    const stake = {
      deposited: u64(s.deposited),
      unstaking: u64(s.unstaking),
      history: s.history.map((p) => ({ epoch: u64(p.epoch), activeStart: u64(p.activeStart), activeMin: u64(p.activeMin) })),
      historyLen: s.history.length,
      historyFrom: u64(s.historyFrom),
    };
    assert.ok(s.cases.length > 0);
    for (const [epoch, current, active] of s.cases) {
      const label = `${JSON.stringify(s.history)} from ${s.historyFrom.$u64}: epoch ${epoch.$u64}, current ${current.$u64}`;
      assert.equal(activeAt(stake, u64(epoch), u64(current)), u64(active), label);
      // Stake counted at a draw never exceeds what is active now.
      assert.ok(u64(active) <= activeNow(stake, u64(current)), label);
      answers.add(active.$u64);
      cases++;
    }
  }
  assert.ok(cases >= 100, `${cases} cases`);
  // A dropped history point (historyFrom > 0) occurs, and so do several distinct answers.
  assert.ok(stakes.some((s) => s.historyFrom.$u64 !== "0"));
  assert.ok(answers.size >= 5);
});

test("seats computed from decoded accounts equal the weight the program gave the vote", () => {
  const sample = (kind: AccountKind, pick = 0) => {
    const found = vectors.accounts.filter((a) => a.kind === kind)[pick];
    assert.ok(found, `no ${kind} sample`);
    return decodeAccount(program, kind, Buffer.from(found.data, "base64"));
  };
  const task = sample("task") as Task;
  const round = sample("round") as Round;
  const vote = sample("vote") as Vote;
  const stake = sample("stake", 1) as Stake;
  assert.ok(stake.owner.equals(vote.validator));
  assert.ok(round.submission.equals(vote.submission));
  assert.ok(pda.round(vote.submission, vote.roundIndex).equals(vote.round));
  // Round 1 is drawn from the task's draw.
  assert.equal(round.index, 1);
  assert.deepEqual(roundCommittee(task, round).seed, task.draw.seed);
  const drawn = seatsFor(task, round, vote.validator, stake, 1n);
  assert.equal(drawn, vote.weight);
  assert.ok(drawn > 0n);
  assert.equal(seatsFor(task, round, vote.validator, null, 1n), 0n);
  // A later round is drawn from its own draw: not drawn yet, no seats.
  const later = { ...round, index: 2, draw: { ...round.draw, drawn: false } };
  assert.equal(roundCommittee(task, later).drawn, false);
  assert.equal(seatsFor(task, later, vote.validator, stake, 1n), 0n);
  // Drawn with the task's seed and stake snapshot, it seats the validator as round 1 did.
  const redrawn = { ...later, draw: { ...task.draw } };
  assert.equal(seatsFor(task, redrawn, vote.validator, stake, 1n), drawn);
});

test("vote commitments match the program's", () => {
  assert.ok(vectors.commitments.length >= 3);
  for (const v of vectors.commitments) {
    const got = voteCommitment(
      new PublicKey(v.round),
      new PublicKey(v.validator),
      v.score,
      Buffer.from(v.salt, "hex"),
    );
    assert.equal(Buffer.from(got).toString("hex"), v.commitment);
  }
  assert.throws(() => voteCommitment(PublicKey.default, PublicKey.default, 101, new Uint8Array(32)));
});

test("the SDK's default config equals the program's ConfigParams::defaults", () => {
  const init = vectors.instructions.find((i) => i.builder === "initialize");
  assert.ok(init);
  const expected = revive(init.args.params) as Record<string, unknown>;
  const got = defaultConfigParams(6) as unknown as Record<string, unknown>;
  assert.deepEqual(Object.keys(got).sort(), Object.keys(expected).sort());
  for (const [k, v] of Object.entries(expected)) {
    assert.equal(normalize(got[k]), normalize(v), k);
  }
});

test("submission commitments match the program's", () => {
  assert.ok(vectors.submissionCommitments.length >= 3);
  for (const v of vectors.submissionCommitments) {
    const got = submissionCommitment(
      new PublicKey(v.task),
      new PublicKey(v.contributor),
      Buffer.from(v.contentHash, "hex"),
      Buffer.from(v.salt, "hex"),
    );
    assert.equal(Buffer.from(got).toString("hex"), v.commitment);
  }
  assert.throws(() =>
    submissionCommitment(PublicKey.default, PublicKey.default, new Uint8Array(31), new Uint8Array(32)),
  );
});

test("every instruction builder reproduces the program's bytes and accounts", async () => {
  const names = new Set(program.idl.instructions.map((i) => i.name));
  const covered = new Set<string>();
  for (const v of vectors.instructions) {
    const args = revive(v.args) as Record<string, unknown>;
    const builder = (client as unknown as Record<
      string,
      (a: unknown) => Promise<TransactionInstruction>
    >)[v.builder];
    assert.ok(builder, `no builder ${v.builder}`);
    const ix = await builder.call(client, args);
    assert.equal(ix.programId.toBase58(), vectors.programId);
    assert.equal(Buffer.from(ix.data).toString("hex"), v.data, `${v.builder} data`);
    assert.deepEqual(
      ix.keys.map((k) => ({ pubkey: k.pubkey.toBase58(), isSigner: k.isSigner, isWritable: k.isWritable })),
      v.accounts,
      `${v.builder} accounts`,
    );
    covered.add(v.builder);
  }
  assert.deepEqual([...covered].sort(), [...names].sort(), "a vector for every instruction");
});

test("every account sample decodes to the fields the program wrote", () => {
  const kinds = new Set<string>();
  for (const v of vectors.accounts) {
    const data = Buffer.from(v.data, "base64");
    assert.equal(accountKind(program, data), v.kind);
    const decoded = decodeAccount(program, v.kind, data);
    for (const [path, expected] of Object.entries(v.fields)) {
      assert.deepEqual(normalize(at(decoded, path)), expected, `${v.kind}.${path}`);
    }
    // The task sample was created with the `create_task` vector's URI.
    if (v.kind === "task") assert.equal(taskUri(decoded as Task), "ipfs://spec");
    kinds.add(v.kind);
  }
  // Every kind the flows read from chain (a vesting account is only ever fetched whole).
  assert.deepEqual([...kinds].sort(), ["config", "contentClaim", "epoch", "round", "stake", "submission", "task", "vote"]);
});

test("the list queries' offsets point at the fields they filter on in real account data", () => {
  const fields: Record<keyof typeof OFFSETS, [string, string]> = {
    taskCreator: ["task", "creator"],
    submissionTask: ["submission", "task"],
    submissionContributor: ["submission", "contributor"],
    voteTask: ["vote", "task"],
    voteSubmission: ["vote", "submission"],
    voteRound: ["vote", "round"],
    voteValidator: ["vote", "validator"],
    roundSubmission: ["round", "submission"],
    stakeOwner: ["stake", "owner"],
  };
  const checked = new Set<string>();
  for (const v of vectors.accounts) {
    const data = Buffer.from(v.data, "base64");
    const decoded = decodeAccount(program, v.kind, data) as unknown as Record<string, PublicKey | undefined>;
    for (const [name, [kind, field]] of Object.entries(fields)) {
      if (v.kind !== kind) continue;
      const offset = OFFSETS[name as keyof typeof OFFSETS];
      assert.deepEqual(
        new PublicKey(data.subarray(offset, offset + 32)).toBase58(),
        decoded[field]?.toBase58(),
        `${name} (${offset})`,
      );
      checked.add(name);
    }
  }
  assert.deepEqual([...checked].sort(), Object.keys(fields).sort());
});

/** The SDK's conventions: no BN and no number[] bytes anywhere in what it hands out; some bigint. */
function assertNative(v: unknown, where: string): number {
  if (BN.isBN(v)) assert.fail(`${where} is a BN`);
  if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "number")) {
    assert.fail(`${where} is a number[], not a Uint8Array`);
  }
  if (typeof v === "bigint") return 1;
  if (v === null || typeof v !== "object" || v instanceof PublicKey || ArrayBuffer.isView(v)) return 0;
  return Object.entries(v).reduce((n, [k, x]) => n + assertNative(x, `${where}.${k}`), 0);
}

test("accounts and events decode 64-bit integers as bigint and bytes as Uint8Array", () => {
  let bigints = 0;
  for (const v of vectors.accounts) {
    bigints += assertNative(decodeAccount(program, v.kind, Buffer.from(v.data, "base64")), v.kind);
  }
  for (const v of vectors.events) bigints += assertNative(decodeEvent(v.data)!.data, v.name);
  assert.ok(bigints > 50, `${bigints} bigints`);
  assert.equal(typeof defaultConfigParams(6).initialEmission, "bigint");
});

test("event samples decode", () => {
  for (const v of vectors.events) {
    const event = decodeEvent(v.data);
    assert.ok(event, v.name);
    assert.equal(event.name, v.name);
    for (const [path, expected] of Object.entries(v.fields)) {
      assert.deepEqual(normalize(at(event.data, path)), expected, `${v.name}.${path}`);
    }
  }
});

test("what a vote forfeits and what claiming it does match the program's rules over its round", () => {
  const { rules, cases } = vectors.voteRules;
  assert.ok(cases.length >= 200);
  let mustSlashFirst = 0;
  let splitAdmitted = 0;
  const states = new Set<string>();
  for (const c of cases) {
    const vote = { ...c.vote, bond: BigInt(c.vote.bond) };
    const round = { ...c.round, state: { [c.round.state]: {} } };
    const due = voteSlashDue(vote, round, rules);
    const label = JSON.stringify(c);
    assert.deepEqual(
      due && { kind: due.kind, amount: due.amount.toString() },
      c.slashDue,
      label,
    );
    assert.deepEqual(voteClaim(vote, round, rules), c.claim, label);
    if ("error" in c.claim && c.claim.error === "VoteMustBeSlashedFirst") mustSlashFirst++;
    // On an exact split a score coherent with one side only is paid.
    const { consensus, consensusLow: low, consensusHigh: high } = c.round;
    if (low !== high && "paid" in c.claim && c.claim.paid && Math.abs(vote.score - consensus) > rules.coherenceTolerance) {
      splitAdmitted++;
    }
    states.add(c.round.state);
  }
  // The case claimAll once got wrong is among them, every round state, and split consensuses.
  assert.ok(mustSlashFirst > 0);
  assert.ok(splitAdmitted > 0);
  assert.deepEqual([...states].sort(), ["decided", "failed", "open"]);
  // An absence record is never due a slash (it was slashed when reported) nor claimable.
  assert.ok(cases.some((c) => c.vote.absent));
  for (const c of cases.filter((c) => c.vote.absent)) {
    assert.equal(c.slashDue, null);
    assert.ok("error" in c.claim);
  }
});

test("the stake-weighted median, split or not, is the program's round::weighted_median", () => {
  const cases = vectors.medians;
  assert.ok(cases.length >= 7);
  let splits = 0;
  for (const c of cases) {
    const votes = c.votes.map(([weight, score]) => ({ weight, score }));
    assert.deepEqual(weightedMedian(votes), c.median, JSON.stringify(c));
    if (c.median && c.median.low !== c.median.high) {
      splits++;
      // Both sides of a split are coherent, even with no tolerance; beyond them nothing is.
      assert.ok(consensusAdmits(c.median, c.median.low, 0) && consensusAdmits(c.median, c.median.high, 0));
      assert.ok(!consensusAdmits(c.median, c.median.low - 1, 0) && !consensusAdmits(c.median, c.median.high + 1, 0));
    }
  }
  assert.ok(splits >= 3, `${splits} splits`);
  assert.equal(weightedMedian([]), null);
});

test("a task's phase is the program's Task::phase at every deadline", () => {
  const { deadlines, cases } = vectors.taskPhases;
  assert.ok(cases.length >= 24);
  for (const c of cases) {
    const task = {
      state: c.finalized ? { finalized: {} } : { open: {} },
      submissionDeadline: BigInt(deadlines.submission),
      submissionRevealDeadline: BigInt(deadlines.submissionReveal),
      commitDeadline: BigInt(deadlines.commit),
      revealDeadline: BigInt(deadlines.reveal),
      pausedBase: 0n,
    } as unknown as Task;
    assert.equal(taskPhase(task, c.now), c.phase, JSON.stringify(c));
  }
});

test("under pauses a task's phase is the program's, on the task's own clock (Task::clock)", () => {
  type I = { $i64: string };
  const cases = (vectors as unknown as { pausedTaskPhases: Record<string, I | number | boolean | string>[] })
    .pausedTaskPhases;
  assert.equal(cases.length, 70);
  const n = (v: unknown) => BigInt((v as I).$i64);
  let ranOut = 0;
  for (const c of cases) {
    const task = {
      state: { open: {} },
      submissionDeadline: 1_000n,
      submissionRevealDeadline: 1_600n,
      commitDeadline: 5_200n,
      revealDeadline: 8_800n,
      pausedBase: n(c.pausedBase),
    };
    const config = { paused: c.paused as boolean, pausedAt: n(c.pausedAt), pausedTotalSecs: n(c.pausedTotalSecs) };
    assert.equal(taskPhase(task, c.now as number, config), c.phase, JSON.stringify(c));
    if (c.paused && (c.now as number) > 604_800 + Number(n(c.pausedAt))) ranOut++;
  }
  assert.ok(ranOut > 0, "some pause has run out (MAX_PAUSE_SECS)");
});

test("what claiming a submission does matches the program's Submission::claim_check", () => {
  const cases = vectors.submissionRules;
  assert.equal(cases.length, 28);
  let paid = 0;
  for (const c of cases) {
    const sub = { outcome: { [c.outcome]: {} }, claimed: c.claimed };
    const task = { state: c.taskFinalized ? { finalized: {} } : { open: {} } };
    const got = submissionClaim(sub, task);
    assert.deepEqual(got, c.claim, JSON.stringify(c));
    if ("ok" in got) paid++;
  }
  // Accepted, neutral and no-quorum work, unclaimed, of a final task (and pending work,
  // which a final task never holds: the program checks the task, not the outcome).
  assert.equal(paid, 4);
});

test("a task's defaults are the program's ConfigParams::task_defaults", () => {
  const cases = vectors.taskDefaults;
  assert.equal(cases.length, 12);
  const quorums = new Set<number>();
  let floorBinds = 0;
  for (const c of cases) {
    const params = revive(c.params) as unknown as TaskDefaultsParams;
    const reward = BigInt(c.reward.$u64);
    const got = taskDefaults(params, c.committee, reward) as unknown as Record<string, unknown>;
    const want = revive(c.defaults) as Record<string, unknown>;
    assert.deepEqual(Object.keys(got).sort(), Object.keys(want).sort());
    for (const [k, v] of Object.entries(want)) {
      assert.equal(normalize(got[k]), normalize(v), `${k} in ${JSON.stringify(c)}`);
    }
    quorums.add(got.quorumSeats as number);
    if ((got.submissionFee as bigint) > params.minSubmissionFee) floorBinds++;
  }
  // The caps bind in some cases and not in others; so does the squatting floor.
  assert.ok(quorums.size >= 4);
  assert.ok(floorBinds > 0 && floorBinds < cases.length, `the floor binds in ${floorBinds} cases`);
});

test("the squatting floor is the program's Task::squat_fee_floor", () => {
  // The create_task vector's fee is the program's floor of its terms (6.27 tokens).
  const create = vectors.instructions.find((i) => i.builder === "createTask");
  assert.ok(create);
  const args = revive(create.args.args) as { reward: bigint; validatorShareBps: number; maxSubmissions: number; submissionFee: bigint };
  assert.equal(squatFeeFloor(args.reward, args.validatorShareBps, args.maxSubmissions), args.submissionFee);
  assert.equal(args.submissionFee, 6_274_510n);
  // ceil(2 * (10 - floor(10 * 20%)) / max(1 - 1, 1)): one slot takes the whole factor.
  assert.equal(squatFeeFloor(10n, 2_000, 1), 16n);
  assert.equal(squatFeeFloor(0n, 2_000, 256), 0n);
  // Past a u64 the program's arithmetic fails, and so does the SDK's.
  assert.throws(() => squatFeeFloor((1n << 64n) - 1n, 0, 1), RangeError);
});

test("what claiming an emission does matches the program's checks and Epoch::claim", () => {
  const cases = vectors.emissionRules;
  assert.equal(cases.length, 48);
  const outcomes = new Set<string>();
  for (const c of cases) {
    const epoch = { closed: c.epochClosed };
    const points = BigInt(c.points);
    const got =
      c.side === "submission"
        ? submissionEmissionClaim(
            { outcome: c.done ? { accepted: {} } : { pending: {} }, emissionClaimed: c.emissionClaimed, points },
            epoch,
          )
        : voteEmissionClaim({ claimed: c.done, emissionClaimed: c.emissionClaimed, points }, epoch);
    assert.deepEqual(got, c.claim, JSON.stringify(c));
    outcomes.add(JSON.stringify(got));
  }
  // ok and all four refusals occur.
  assert.equal(outcomes.size, 5);
});

test("merit.methods builds any instruction from the caller's accounts alone (resolver included)", async () => {
  const v = vectors.instructions.find((i) => i.builder === "depositStake");
  assert.ok(v);
  const args = revive(v.args) as { owner: PublicKey; amount: bigint };
  const ix = await client.methods
    .depositStake(toAnchor(args.amount))
    .accountsPartial({ owner: args.owner })
    .instruction();
  assert.deepEqual(
    ix.keys.map((k) => ({ pubkey: k.pubkey.toBase58(), isSigner: k.isSigner, isWritable: k.isWritable })),
    v.accounts,
  );
  assert.equal(Buffer.from(ix.data).toString("hex"), v.data);
});

test("merit.methods resolves existing accounts from the instruction's others (no seeds in the IDL for them)", async () => {
  type Keys = { task: PublicKey; submission: PublicKey; validator: PublicKey; contributor: PublicKey };
  const same = (ix: { keys: { pubkey: PublicKey; isSigner: boolean; isWritable: boolean }[] }, v: { accounts: unknown[] }) =>
    assert.deepEqual(
      ix.keys.map((k) => ({ pubkey: k.pubkey.toBase58(), isSigner: k.isSigner, isWritable: k.isWritable })),
      v.accounts,
    );
  // claim_vote: config, stake, task vault, vesting and the vote follow from the claimant,
  // the task and the round (whose index is data: the caller's).
  const cv = vectors.instructions.find((i) => i.builder === "claimVote");
  assert.ok(cv);
  const a = revive(cv.args) as Keys & { round: number };
  same(
    await client.methods
      .claimVote()
      .accountsPartial({ payout: { claimant: a.validator, task: a.task }, round: pda.round(a.submission, a.round) })
      .instruction(),
    cv,
  );
  await assert.rejects(
    client.methods.claimVote().accountsPartial({ payout: { claimant: a.validator, task: a.task } }).instruction(),
    /round/,
  );
  // claim_submission: the claimant's own submission on the task.
  const cs = vectors.instructions.find((i) => i.builder === "claimSubmission");
  assert.ok(cs);
  const b = revive(cs.args) as Keys;
  same(
    await client.methods
      .claimSubmission()
      .accountsPartial({ payout: { claimant: b.contributor, task: b.task } })
      .instruction(),
    cs,
  );
  // reveal_submission: the submission's first round, which the reveal opens, follows from
  // the contributor and the task.
  const rs = vectors.instructions.find((i) => i.builder === "revealSubmission");
  assert.ok(rs);
  const r = revive(rs.args) as Keys & { contentHash: Uint8Array; salt: Uint8Array; uri: string };
  same(
    await client.methods
      .revealSubmission(Array.from(r.contentHash), Array.from(r.salt), r.uri)
      .accountsPartial({ contributor: r.contributor, task: r.task })
      .instruction(),
    rs,
  );
  assert.ok((await client.revealSubmission(r)).keys.some((k) => k.pubkey.equals(pda.round(pda.submission(r.task, r.contributor), 1))));
});

test("every array of integers in the IDL is [u8; N], the assumption toNative's Uint8Array rule rests on", () => {
  const arrays: unknown[] = [];
  const walk = (t: unknown): void => {
    if (Array.isArray(t)) t.forEach(walk);
    else if (t && typeof t === "object") {
      const o = t as Record<string, unknown>;
      if (Array.isArray(o.array)) arrays.push(o.array[0]);
      Object.values(o).forEach(walk);
    }
  };
  walk(program.rawIdl.types);
  walk(program.rawIdl.instructions.map((i) => i.args));
  assert.ok(arrays.length > 10);
  const integers = arrays.filter((a) => typeof a === "string");
  assert.deepEqual([...new Set(integers)], ["u8"]);
  // The other arrays hold structs (a round's reveals, a stake's history): they decode to
  // arrays of objects, never to bytes.
  const structs = arrays.filter((a) => typeof a !== "string").map((a) => (a as { defined: { name: string } }).defined.name);
  assert.deepEqual([...new Set(structs)].sort(), ["RevealedVote", "StakePoint"]);
  const round = vectors.accounts.find((a) => a.kind === "round");
  const stake = vectors.accounts.find((a) => a.kind === "stake");
  assert.ok(round && stake);
  const r = decodeAccount(program, "round", Buffer.from(round.data, "base64")) as Round;
  const s = decodeAccount(program, "stake", Buffer.from(stake.data, "base64")) as Stake;
  assert.ok(Array.isArray(r.reveals) && r.reveals.length === 32 && typeof r.reveals[0]!.score === "number");
  assert.ok(Array.isArray(s.history) && s.history.length === 3 && typeof s.history[0]!.epoch === "bigint");
});

test("a new task's default id is the program's Task::default_id", () => {
  const cases = (vectors as unknown as { defaultTaskIds: { highestLive: { $u64: string } | null; now: { $i64: string }; id: { $u64: string } }[] }).defaultTaskIds;
  assert.equal(cases.length, 20);
  for (const c of cases) {
    const highest = c.highestLive === null ? undefined : BigInt(c.highestLive.$u64);
    const got = defaultTaskId(highest, Number(c.now.$i64));
    // Past u64 the program saturates; the SDK's bigint would not, and no live id is that high.
    if (highest === (1n << 64n) - 1n) continue;
    assert.equal(got, BigInt(c.id.$u64), JSON.stringify(c));
  }
});

test("what withdraw_vested pays is the program's Vesting::withdrawable", () => {
  type V = { $u64: string } | { $i64: string };
  const n = (v: V) => BigInt("$u64" in v ? v.$u64 : v.$i64);
  const cases = (vectors as unknown as { vestingWithdrawable: Record<string, V>[] }).vestingWithdrawable;
  assert.equal(cases.length, 45);
  let zeroWithUnvested = 0;
  for (const c of cases) {
    const v = { unlocked: n(c.unlocked!), unvested: n(c.unvested!), vestFrom: n(c.vestFrom!), vestUntil: n(c.vestUntil!) };
    const got = vestedWithdrawable(v, Number(n(c.now!)));
    assert.equal(got, n(c.withdrawable!), JSON.stringify(c));
    if (got === 0n && v.unvested > 0n && Number(n(c.now!)) > Number(v.vestFrom)) zeroWithUnvested++;
  }
  assert.ok(zeroWithUnvested > 0, "some case is inside the window yet floors to nothing");
});

test("votePoints reproduces Round::vote_points", () => {
  type V = { $u64: string };
  const cases = (vectors as unknown as { votePoints: Record<string, V | number>[] }).votePoints;
  assert.equal(cases.length, 180);
  let zero = 0;
  for (const c of cases) {
    const n = (k: string) => BigInt((c[k] as V).$u64);
    const task = { reward: n("reward"), validatorShareBps: c.validatorShareBps as number, submissionCount: c.submissionCount as number };
    const got = votePoints(task, n("coherentWeight"), n("weight"), c.multiplierBps as number);
    assert.equal(got, n("points"), JSON.stringify(c));
    if (got === 0n && (c.multiplierBps as number) > 0) zero++;
  }
  assert.ok(zero > 0, "some case floors to nothing");
});
