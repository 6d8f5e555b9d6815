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
  taskSeed,
  lot,
  seats,
  activeAt,
  seatsFor,
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
  vote: { revealed: boolean; slashed: boolean; claimed: boolean; score: number; bond: string };
  submission: { final: boolean; quorumReached: boolean; consensusScore: number };
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
    defaults: Record<string, unknown>;
  }[];
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
  commitments: { submission: string; validator: string; score: number; salt: string; commitment: string }[];
  submissionCommitments: {
    task: string;
    contributor: string;
    contentHash: string;
    salt: string;
    commitment: string;
  }[];
  sortition: {
    draw: {
      task: Pk;
      slot: U64;
      slotHash: Bytes;
      seed: Bytes;
      submission: Pk;
      validator: Pk;
      lot: U64;
    };
    seats: { stake: U64; total: U64; committee: number; lot: U64; seats: U64 }[];
    activeAt: {
      deposited: U64;
      unstaking: U64;
      warming: U64;
      warmingEpoch: U64;
      activeFromEpoch: U64;
      epoch: U64;
      current: U64;
      active: U64;
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

test("committee seeds, lots and seats match the program's sortition", () => {
  const { draw, seats: cases } = vectors.sortition;
  const u64 = (v: U64): bigint => BigInt(v.$u64);
  const seed = taskSeed(new PublicKey(draw.task.$pubkey), u64(draw.slot), Buffer.from(draw.slotHash.$bytes, "hex"));
  assert.equal(Buffer.from(seed).toString("hex"), draw.seed.$bytes);
  assert.equal(lot(seed, new PublicKey(draw.submission.$pubkey), new PublicKey(draw.validator.$pubkey)), u64(draw.lot));
  assert.ok(cases.length >= 5);
  for (const c of cases) {
    assert.equal(seats(u64(c.stake), u64(c.total), c.committee, u64(c.lot)), u64(c.seats));
  }
});

test("active stake at a draw epoch matches the program's Stake::active_at", () => {
  const u64 = (v: U64): bigint => BigInt(v.$u64);
  assert.ok(vectors.sortition.activeAt.length >= 6);
  for (const c of vectors.sortition.activeAt) {
    const stake = {
      deposited: u64(c.deposited),
      unstaking: u64(c.unstaking),
      warming: u64(c.warming),
      warmingEpoch: u64(c.warmingEpoch),
      activeFromEpoch: u64(c.activeFromEpoch),
    };
    assert.equal(activeAt(stake, u64(c.epoch), u64(c.current)), u64(c.active), JSON.stringify(c));
  }
});

test("seats computed from decoded accounts equal the weight the program gave the vote", () => {
  const sample = (kind: AccountKind, pick = 0) => {
    const found = vectors.accounts.filter((a) => a.kind === kind)[pick];
    assert.ok(found, `no ${kind} sample`);
    return decodeAccount(program, kind, Buffer.from(found.data, "base64"));
  };
  const task = sample("task") as Task;
  const vote = sample("vote") as Vote;
  const stake = sample("stake", 1) as Stake;
  assert.ok(stake.owner.equals(vote.validator));
  const drawn = seatsFor(task, vote.submission, vote.validator, stake, 1n);
  assert.equal(drawn, BigInt(vote.weight.toString()));
  assert.ok(drawn > 0n);
  assert.equal(seatsFor(task, vote.submission, vote.validator, null, 1n), 0n);
});

test("vote commitments match the program's", () => {
  for (const v of vectors.commitments) {
    const got = voteCommitment(
      new PublicKey(v.submission),
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
  assert.ok(kinds.size >= 7);
});

test("the list queries' offsets point at the fields they filter on in real account data", () => {
  const fields: Record<keyof typeof OFFSETS, [string, string]> = {
    taskCreator: ["task", "creator"],
    submissionTask: ["submission", "task"],
    submissionContributor: ["submission", "contributor"],
    voteTask: ["vote", "task"],
    voteSubmission: ["vote", "submission"],
    voteValidator: ["vote", "validator"],
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

test("what a vote forfeits and what claiming it does match the program's rules", () => {
  const { rules, cases } = vectors.voteRules;
  assert.ok(cases.length >= 128);
  let mustSlashFirst = 0;
  for (const c of cases) {
    const vote = { ...c.vote, bond: BigInt(c.vote.bond) };
    const sub = {
      outcome: c.submission.final ? { accepted: {} } : { pending: {} },
      quorumReached: c.submission.quorumReached,
      consensusScore: c.submission.consensusScore,
    };
    const due = voteSlashDue(vote, sub, rules);
    const label = JSON.stringify(c);
    assert.deepEqual(
      due && { kind: due.kind, amount: due.amount.toString() },
      c.slashDue,
      label,
    );
    assert.deepEqual(voteClaim(vote, sub, rules), c.claim, label);
    if ("error" in c.claim && c.claim.error === "VoteMustBeSlashedFirst") mustSlashFirst++;
  }
  // The case claimAll once got wrong is among them.
  assert.ok(mustSlashFirst > 0);
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
  assert.equal(cases.length, 10);
  const quorums = new Set<number>();
  for (const c of cases) {
    const params = revive(c.params) as unknown as TaskDefaultsParams;
    const got = taskDefaults(params, c.committee ?? undefined) as unknown as Record<string, unknown>;
    const want = revive(c.defaults) as Record<string, unknown>;
    assert.deepEqual(Object.keys(got).sort(), Object.keys(want).sort());
    for (const [k, v] of Object.entries(want)) {
      assert.equal(normalize(got[k]), normalize(v), `${k} in ${JSON.stringify(c)}`);
    }
    quorums.add(got.quorumSeats as number);
  }
  // The caps bind in some cases and not in others.
  assert.ok(quorums.size >= 4);
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
  // the task and the submission; the submission is not the claimant's own (it has a vote).
  const cv = vectors.instructions.find((i) => i.builder === "claimVote");
  assert.ok(cv);
  const a = revive(cv.args) as Keys;
  same(
    await client.methods
      .claimVote()
      .accountsPartial({ payout: { claimant: a.validator, task: a.task }, submission: a.submission })
      .instruction(),
    cv,
  );
  await assert.rejects(
    client.methods.claimVote().accountsPartial({ payout: { claimant: a.validator, task: a.task } }).instruction(),
    /submission/,
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
});

test("every array in the IDL is [u8; N], the assumption toNative's Uint8Array rule rests on", () => {
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
  assert.deepEqual([...new Set(arrays)], ["u8"]);
});
