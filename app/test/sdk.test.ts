// The SDK's own helpers: errors, phases, the commit-then-reveal flow with a salt store,
// event parsing from logs, and claimAll over chain state (a stub connection serving
// account data the real program produced).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { Connection, Keypair, PublicKey, SYSVAR_CLOCK_PUBKEY, type AccountInfo } from "@solana/web3.js";
import BN from "bn.js";
import { clockInfo, sampleInfos, stubClient, stubConnection } from "./stub.js";
import {
  MERIT_ERRORS,
  MeritAccounts,
  postTask,
  squatFeeFloor,
  toAnchor,
  MERIT_PROGRAM_ID,
  MemorySaltStore,
  MeritClient,
  NotMeritAccountError,
  claimAll,
  clockOffsetSecs,
  clusterNow,
  vestedWithdrawable,
  votePoints,
  commitVote,
  decodeAccount,
  meritError,
  meritProgram,
  parseEvents,
  parseMeritError,
  pda,
  revealVote,
  revealWork,
  submissionCommitment,
  submitWork,
  taskPhase,
  voteCommitment,
  pendingAdmin,
  pendingParams,
  type Config,
  type Round,
  type Task,
  type Vote,
} from "../src/index.js";

interface Sample {
  kind: string;
  address: string;
  data: string;
}
const vectors = JSON.parse(readFileSync(new URL("./vectors.json", import.meta.url), "utf8")) as {
  deployment: { stakeMint: string; tokenProgram: string };
  accounts: Sample[];
  events: { name: string; data: string }[];
};
const program = meritProgram(new Connection("http://127.0.0.1:8899"));
const client = new MeritClient(program, {
  stakeMint: new PublicKey(vectors.deployment.stakeMint),
  tokenProgram: new PublicKey(vectors.deployment.tokenProgram),
});
const sample = (kind: string): Sample => vectors.accounts.find((a) => a.kind === kind)!;

test("every program error has a name and a message", () => {
  assert.equal(MERIT_ERRORS.size, program.idl.errors?.length);
  assert.ok(MERIT_ERRORS.size > 60);
  const dup = [...MERIT_ERRORS.values()].find((e) => e.name === "DuplicateContent");
  assert.ok(dup, "DuplicateContent is defined");
  assert.equal(meritError(dup.code)?.msg, "An earlier commitment to this content was already revealed");
  for (const e of MERIT_ERRORS.values()) assert.ok(e.msg.length > 0, e.name);
  const hex = `custom program error: 0x${dup.code.toString(16)}`;
  assert.equal(parseMeritError(new Error(hex))?.name, "DuplicateContent");
  assert.equal(parseMeritError({ InstructionError: [1, { Custom: dup.code }] })?.code, dup.code);
  assert.equal(parseMeritError("something else"), undefined);
});

test("a config's pending admin and parameters read as the program's accessors", () => {
  // The zero-copy config stores a key and parameters with a flag each: no proposal reads
  // as null whatever the stored bytes, a flagged one as its value.
  const c = decodeAccount(program, "config", Buffer.from(sample("config").data, "base64")) as Config;
  assert.equal(c.hasPendingAdmin, false);
  assert.equal(pendingAdmin(c), null);
  assert.equal(pendingParams(c), null);
  const next = new PublicKey(vectors.deployment.stakeMint);
  assert.equal(pendingAdmin({ ...c, pendingAdmin: next }), null);
  assert.ok(pendingAdmin({ ...c, pendingAdmin: next, hasPendingAdmin: true })!.equals(next));
  assert.deepEqual(pendingParams({ ...c, hasPendingParams: true }), c.pendingParams);
});

test("task phases follow the deadlines", () => {
  const task = decodeAccount(program, "task", Buffer.from(sample("task").data, "base64")) as Task;
  const s = Number(task.submissionDeadline);
  assert.equal(taskPhase(task, s - 1), "submission");
  assert.equal(taskPhase(task, s), "submissionReveal");
  assert.equal(taskPhase(task, Number(task.submissionRevealDeadline) - 1), "submissionReveal");
  assert.equal(taskPhase(task, Number(task.submissionRevealDeadline)), "commit");
  // Paused since 100 s before the submission deadline: the task's clock stands still.
  const pausedConfig = { paused: true, pausedAt: BigInt(s - 100), pausedTotalSecs: 0n };
  assert.equal(taskPhase(task, s + 3_600, pausedConfig), "submission");
  const resumed = { paused: false, pausedAt: 0n, pausedTotalSecs: 3_600n };
  assert.equal(taskPhase(task, s + 3_599, resumed), "submission");
  assert.equal(taskPhase(task, s + 3_600, resumed), "submissionReveal");
  assert.equal(taskPhase(task, Number(task.commitDeadline)), "reveal");
  assert.equal(taskPhase(task, Number(task.revealDeadline)), "settlement");
});

test("commit then reveal uses the stored score and salt, in the round named", async () => {
  const store = new MemorySaltStore();
  const validator = PublicKey.unique();
  const task = PublicKey.unique();
  const submission = PublicKey.unique();
  const commit = await commitVote(client, store, { validator, task, submission, round: 2, score: 64 });
  const vote = pda.voteIn(submission, 2, validator);
  assert.ok(vote.equals(pda.vote(pda.round(submission, 2), validator)));
  const stored = await store.get(vote.toBase58());
  assert.ok(stored && "score" in stored);
  assert.equal(stored.score, 64);
  assert.equal(stored.round, 2);
  const salt = Buffer.from(stored.salt, "hex");
  // The commitment binds the round: the same score and salt commit differently in round 1.
  const commitment = voteCommitment(pda.round(submission, 2), validator, 64, salt);
  assert.deepEqual(commit.data.subarray(8), Buffer.from(commitment));
  assert.notDeepEqual(Buffer.from(voteCommitment(pda.round(submission, 1), validator, 64, salt)), Buffer.from(commitment));
  assert.ok(commit.keys.some((k) => k.pubkey.equals(pda.round(submission, 2))));
  assert.ok(commit.keys.some((k) => k.pubkey.equals(vote)));
  const reveal = await revealVote(client, store, { validator, task, submission, round: 2 });
  assert.equal(reveal.data[8], 64);
  assert.deepEqual(reveal.data.subarray(9, 41), salt);
  assert.ok(reveal.keys.some((k) => k.pubkey.equals(vote)));
  // Nothing was committed in round 1, nor by anyone else.
  await assert.rejects(revealVote(client, store, { validator, task, submission, round: 1 }), /round 1/);
  await assert.rejects(revealVote(client, store, { validator: PublicKey.unique(), task, submission, round: 2 }));
});

test("commit and reveal default to the submission's current round, read from chain", async () => {
  const stubbed = stubClient(sampleInfos());
  const store = new MemorySaltStore();
  const sub = decodeAccount(program, "submission", Buffer.from(sample("submission").data, "base64"));
  const address = new PublicKey(sample("submission").address);
  assert.equal(sub.round, 1);
  const validator = PublicKey.unique();
  const commit = await commitVote(stubbed, store, { validator, task: sub.task, submission: address, score: 70 });
  assert.ok(commit.keys.some((k) => k.pubkey.equals(pda.round(address, sub.round))));
  const stored = await store.get(pda.voteIn(address, sub.round, validator).toBase58());
  assert.ok(stored && "round" in stored && stored.round === 1);
  const reveal = await revealVote(stubbed, store, { validator, task: sub.task, submission: address });
  assert.equal(reveal.data[8], 70);
  // A submission that is not on chain has no round to vote in.
  await assert.rejects(commitVote(stubbed, store, { validator, task: sub.task, submission: PublicKey.unique(), score: 1 }));
  // Nor does one whose work was never revealed.
  const infos = sampleInfos();
  const unrevealed = await program.coder.accounts.encode("submission", toAnchor({ ...sub, round: 0 }));
  const size = infos.get(address.toBase58())!.data.length;
  infos.get(address.toBase58())!.data = Buffer.concat([unrevealed, Buffer.alloc(size - unrevealed.length)]);
  await assert.rejects(
    commitVote(stubClient(infos), store, { validator, task: sub.task, submission: address, score: 1 }),
    /never revealed/,
  );
});

test("submit then reveal uses the stored content, URI and salt", async () => {
  const store = new MemorySaltStore();
  const contributor = PublicKey.unique();
  const task = PublicKey.unique();
  const contentHash = Buffer.alloc(32, 7);
  const termsHash = Buffer.alloc(32, 3);
  const ixs = await submitWork(client, store, {
    contributor,
    task,
    termsHash,
    contentHash,
    uri: "ipfs://work",
  });
  assert.equal(ixs.length, 1);
  const submit = ixs[0];
  assert.ok(submit);
  const stored = await store.get(pda.submission(task, contributor).toBase58());
  assert.ok(stored && "contentHash" in stored);
  assert.equal(stored.contentHash, contentHash.toString("hex"));
  const salt = Buffer.from(stored.salt, "hex");
  // The submit shows the commitment and the terms, never the content.
  const commitment = submissionCommitment(task, contributor, contentHash, salt);
  assert.deepEqual(submit.data.subarray(8, 40), Buffer.from(commitment));
  assert.deepEqual(submit.data.subarray(40, 72), termsHash);
  assert.equal(submit.data.indexOf(contentHash), -1);
  const reveal = await revealWork(client, store, { contributor, task });
  assert.deepEqual(reveal.data.subarray(8, 40), contentHash);
  assert.deepEqual(reveal.data.subarray(40, 72), salt);
  assert.ok(reveal.keys.some((k) => k.pubkey.equals(pda.contentClaim(contentHash))));
  await assert.rejects(revealWork(client, store, { contributor: PublicKey.unique(), task }));
  // A vote's entry is not a submission's.
  await commitVote(client, store, { validator: contributor, task, submission: PublicKey.unique(), round: 1, score: 1 });
  await assert.rejects(revealWork(client, store, { contributor, task: PublicKey.unique() }));
});

test("events are parsed from transaction logs", () => {
  const id = MERIT_PROGRAM_ID.toBase58();
  const logs = [
    `Program ${id} invoke [1]`,
    ...vectors.events.map((e) => `Program data: ${e.data}`),
    `Program ${id} success`,
  ];
  const events = parseEvents(logs);
  assert.deepEqual(
    events.map((e) => e.name),
    vectors.events.map((e) => e.name),
  );
});

test("claimAll finds what a wallet can claim from chain state", async () => {
  const stubbed = stubClient(sampleInfos());
  const vote = decodeAccount(program, "vote", Buffer.from(sample("vote").data, "base64"));
  const ixs = await claimAll(stubbed, vote.validator);
  // The vote's round decided and the vote revealed, coherent: exactly one claim_vote.
  assert.equal(ixs.length, 1);
  const expected = await client.claimVote({
    validator: vote.validator,
    task: vote.task,
    submission: vote.submission,
    round: vote.roundIndex,
  });
  assert.deepEqual(ixs[0]!.data, expected.data);
  assert.deepEqual(ixs[0]!.keys, expected.keys, "the vote's own round");
  // The contributor's task is not finalized yet and its epoch is open: nothing to claim.
  const sub = decodeAccount(program, "submission", Buffer.from(sample("submission").data, "base64"));
  assert.deepEqual(await claimAll(stubbed, sub.contributor), []);
});

/** The sample infos with the vote and its round replaced by these values. */
async function withVote(vote: Vote, round: Round): Promise<Map<string, AccountInfo<Buffer>>> {
  const infos = sampleInfos();
  for (const [kind, value] of [["vote", vote], ["round", round]] as const) {
    const data = await program.coder.accounts.encode(kind, toAnchor(value));
    const size = Buffer.from(sample(kind).data, "base64").length;
    infos.get(sample(kind).address)!.data = Buffer.concat([data, Buffer.alloc(size - data.length)]);
  }
  return infos;
}

test("claimAll checks each vote's claim against its own round", async () => {
  const vote = decodeAccount(program, "vote", Buffer.from(sample("vote").data, "base64"));
  const round = decodeAccount(program, "round", Buffer.from(sample("round").data, "base64"));
  assert.ok(vote.round.equals(new PublicKey(sample("round").address)));
  const claims = async (v: Vote, r: Round) => (await claimAll(stubClient(await withVote(v, r)), vote.validator)).length;
  assert.equal(await claims(vote, round), 1);
  // Its round still open (being judged): nothing yet, whatever the submission says.
  assert.equal(await claims(vote, { ...round, state: { open: {} } }), 0);
  // Its round failed: the revealed vote's bond comes back, unpaid.
  assert.equal(await claims(vote, { ...round, state: { failed: {} } }), 1);
  // An absence record is never claimed; nor is an unrevealed vote.
  assert.equal(await claims({ ...vote, absent: true, revealed: false, slashed: true }, round), 0);
  assert.equal(await claims({ ...vote, revealed: false }, round), 0);
  // The vote's round account is gone (closed): nothing is queued that the program would refuse.
  const infos = sampleInfos();
  infos.delete(sample("round").address);
  assert.equal((await claimAll(stubClient(infos), vote.validator)).length, 0);
});

test("claimAll leaves an incoherent vote alone until it is slashed", async () => {
  // The drift this guards: claimAll queued claim_vote for an incoherent vote not yet
  // slashed, which the program refuses (VoteMustBeSlashedFirst), failing the batch.
  const vote = decodeAccount(program, "vote", Buffer.from(sample("vote").data, "base64"));
  const round = decodeAccount(program, "round", Buffer.from(sample("round").data, "base64"));
  assert.ok("decided" in round.state);
  const incoherent = round.consensus > 50 ? 0 : 100;
  for (const slashed of [false, true]) {
    const infos = await withVote({ ...vote, score: incoherent, slashed }, round);
    const ixs = await claimAll(stubClient(infos), vote.validator);
    assert.equal(ixs.length, slashed ? 1 : 0, `slashed: ${slashed}`);
  }
  // On an exact split, a vote by either side is coherent and claimable at once.
  const split = { ...round, consensus: 50, consensusLow: 20, consensusHigh: 80 };
  for (const score of [5, 95]) {
    const ixs = await claimAll(stubClient(await withVote({ ...vote, score }, split)), vote.validator);
    assert.equal(ixs.length, 1, `score ${score} on a 20/80 split`);
  }
  const far = await claimAll(stubClient(await withVote({ ...vote, score: 100 }, split)), vote.validator);
  assert.equal(far.length, 0, "100 is beyond both sides");
});

test("claimAll claims a coherent vote and its emission in one call, by the program's points", async () => {
  // The drift this guards: claimAll queued claim_vote_emission only for votes claimed
  // before, so a vote claimed after its epoch closed took two calls (the CLI took one).
  const vote = decodeAccount(program, "vote", Buffer.from(sample("vote").data, "base64"));
  const round = decodeAccount(program, "round", Buffer.from(sample("round").data, "base64"));
  const epoch = decodeAccount(program, "epoch", Buffer.from(sample("epoch").data, "base64"));
  assert.ok(pda.epoch(epoch.index).equals(new PublicKey(sample("epoch").address)));
  assert.ok(!vote.claimed && vote.points === 0n, "the sample vote is unclaimed");
  const run = async (v: Vote, closed: boolean) => {
    const infos = await withVote(v, { ...round, pointsEpoch: epoch.index });
    const data = await program.coder.accounts.encode("epoch", toAnchor({ ...epoch, closed }));
    const e = infos.get(sample("epoch").address)!;
    e.data = Buffer.concat([data, Buffer.alloc(e.data.length - data.length)]);
    return claimAll(stubClient(infos), vote.validator);
  };
  const t = decodeAccount(program, "task", Buffer.from(sample("task").data, "base64"));
  assert.ok(votePoints(t, round.coherentWeight, BigInt(vote.weight), vote.multiplierBps) > 0n);
  const both = await run(vote, true);
  assert.equal(both.length, 2, "claim_vote then claim_vote_emission");
  const emission = await client.claimVoteEmission({
    validator: vote.validator,
    task: vote.task,
    submission: vote.submission,
    round: vote.roundIndex,
    epoch: epoch.index,
  });
  assert.deepEqual(both[1]!.data, emission.data);
  assert.deepEqual(both[1]!.keys, emission.keys, "the round's points epoch");
  // The epoch still open, or no points (multiplier 0): the vote alone.
  assert.equal((await run(vote, false)).length, 1);
  assert.equal((await run({ ...vote, multiplierBps: 0 }, true)).length, 1);
});

test("a task's defaults pay the squatting floor when it exceeds the minimum fee", async () => {
  const stub = stubClient(sampleInfos());
  const creator = PublicKey.unique();
  const terms = { specHash: new Uint8Array(32), uri: "ipfs://spec", now: 1_900_000_000 };
  const config = await new MeritAccounts(stub.program).config();
  const min = config.params.minSubmissionFee;
  // A small reward: the protocol's minimum fee is above the floor.
  const small = await postTask(stub, creator, { ...terms, reward: 10n });
  assert.equal(small.args.submissionFee, min);
  // A large one: the floor, ceil(2 * 80% of the reward / (slots - 1)), binds.
  const large = await postTask(stub, creator, { ...terms, reward: 1_000_000_000n });
  const slots = BigInt(large.args.maxSubmissions);
  assert.equal(large.args.submissionFee, (2n * 800_000_000n + slots - 2n) / (slots - 1n));
  assert.ok(large.args.submissionFee > min);
  // Fewer slots raise it; a chosen fee is kept as given.
  const few = await postTask(stub, creator, { ...terms, reward: 1_000_000_000n, maxSubmissions: 5 });
  assert.equal(few.args.submissionFee, squatFeeFloor(1_000_000_000n, 2_000, 5));
  assert.equal(few.args.submissionFee, 400_000_000n);
  const chosen = await postTask(stub, creator, { ...terms, reward: 1_000_000_000n, submissionFee: 7n });
  assert.equal(chosen.args.submissionFee, 7n);
});

test("keeper builders name the round: draw, report, slash, close", async () => {
  const task = PublicKey.unique();
  const submission = PublicKey.unique();
  const validator = PublicKey.unique();
  const keeper = PublicKey.unique();
  const has = (ix: { keys: { pubkey: PublicKey }[] }, key: PublicKey) => ix.keys.some((k) => k.pubkey.equals(key));
  const round2 = pda.round(submission, 2);
  assert.ok(has(await client.drawRound({ keeper, task, submission, round: 2 }), round2));
  const report = await client.reportAbsence({ slasher: keeper, task, submission, round: 2, validator });
  assert.ok(has(report, round2) && has(report, pda.voteIn(submission, 2, validator)));
  assert.ok(has(report, pda.submission(task, validator)), "the validator's own submission: no competitor");
  const slash = await client.slashVote({ slasher: keeper, task, submission, round: 1, validator });
  assert.ok(has(slash, pda.voteIn(submission, 1, validator)) && !has(slash, round2));
  const contributor = PublicKey.unique();
  const sub = pda.submission(task, contributor);
  const base = { keeper, task, contributor, epoch: 4n, contentHash: new Uint8Array(32).fill(1) };
  const stay = await client.finalizeSubmission({ ...base, round: 1, openNext: false });
  const next = await client.finalizeSubmission({ ...base, round: 1, openNext: true });
  assert.ok(has(stay, pda.round(sub, 1)) && !has(stay, pda.round(sub, 2)));
  assert.ok(has(next, pda.round(sub, 1)) && has(next, pda.round(sub, 2)), "opens round 2");
  const never = await client.finalizeSubmission({ ...base, contentHash: null, round: null, openNext: false });
  assert.ok(!has(never, pda.round(sub, 1)));
  assert.equal(never.keys.length, stay.keys.length, "absent optional accounts keep their places");
  const close = await client.closeRound({ submission, round: 2, payer: keeper });
  assert.ok(has(close, round2) && has(close, keeper));
});

/** The sample infos with a vesting account for `owner` whose tokens vest from `vestFrom`. */
async function withVesting(owner: PublicKey, vestFrom: number): Promise<Map<string, AccountInfo<Buffer>>> {
  const infos = sampleInfos();
  const data = await program.coder.accounts.encode("vesting", {
    version: 1,
    bump: 255,
    owner,
    unlocked: new BN(0),
    unvested: new BN(1_000),
    vestFrom: new BN(vestFrom),
    vestUntil: new BN(vestFrom + 3_600),
    totalGranted: new BN(1_000),
    totalWithdrawn: new BN(0),
    totalSlashed: new BN(0),
    reserved: new Array(32).fill(0),
  });
  infos.set(pda.vesting(owner).toBase58(), {
    data,
    executable: false,
    lamports: 1_000_000,
    owner: program.programId,
    rentEpoch: 0,
  });
  return infos;
}

test("claimAll decides a vested withdrawal on the cluster's clock, not the machine's", async () => {
  const owner = Keypair.generate().publicKey;
  const machine = Math.floor(Date.now() / 1000);
  // Vesting started a minute ago by the machine's clock; the cluster runs two minutes behind.
  const infos = await withVesting(owner, machine - 60);
  infos.set(SYSVAR_CLOCK_PUBKEY.toBase58(), clockInfo(machine - 120));
  const behind = stubClient(infos);
  assert.equal(await clusterNow(behind.connection), machine - 120);
  assert.deepEqual(await claimAll(behind, owner), [], "nothing has vested on the cluster's clock");
  // One second into an hour's vesting of 1,000 units, the program's floor pays nothing yet:
  // no withdrawal is queued (it would fail the batch with NothingVested).
  infos.set(SYSVAR_CLOCK_PUBKEY.toBase58(), clockInfo(machine - 59));
  assert.deepEqual(await claimAll(stubClient(infos), owner), [], "floor(1000 * 1 / 3600) = 0");
  assert.equal(
    vestedWithdrawable({ unlocked: 0n, unvested: 1_000n, vestFrom: 0n, vestUntil: 3_600n }, 4),
    1n,
  );
  assert.equal(
    vestedWithdrawable({ unlocked: 5n, unvested: 1_000n, vestFrom: 0n, vestUntil: 3_600n }, 9_999),
    1_005n,
  );
  // Once the cluster's clock passes the start, the withdrawal is queued.
  infos.set(SYSVAR_CLOCK_PUBKEY.toBase58(), clockInfo(machine));
  const caughtUp = await claimAll(stubClient(infos), owner);
  assert.equal(caughtUp.length, 1);
  assert.deepEqual(caughtUp[0]!.data, (await client.withdrawVested({ owner })).data);
});

test("an account another program owns is never decoded as Merit's", async () => {
  const infos = sampleInfos();
  const vote = sample("vote");
  // The same bytes, owned by someone else: a look-alike.
  infos.set(vote.address, { ...infos.get(vote.address)!, owner: Keypair.generate().publicKey });
  const accounts = new MeritAccounts(stubClient(infos).program);
  await assert.rejects(accounts.vote(new PublicKey(vote.address)), NotMeritAccountError);
  // claimAll reads what a vote points at (its round) the same way.
  const round = sample("round");
  const spoofed = sampleInfos();
  spoofed.set(round.address, { ...spoofed.get(round.address)!, owner: Keypair.generate().publicKey });
  const decoded = decodeAccount(program, "vote", Buffer.from(vote.data, "base64"));
  await assert.rejects(claimAll(stubClient(spoofed), decoded.validator), NotMeritAccountError);
  // The genuine account still reads.
  assert.ok(await new MeritAccounts(stubClient(sampleInfos()).program).vote(new PublicKey(vote.address)));
  // A client loads its deployment from an owner-checked config too.
  const fake = sampleInfos();
  const config = sample("config");
  fake.set(config.address, { ...fake.get(config.address)!, owner: Keypair.generate().publicKey });
  await assert.rejects(MeritClient.load(stubConnection(fake).connection), NotMeritAccountError);
  assert.ok(await MeritClient.load(stubConnection(sampleInfos()).connection));
});

test("clockOffsetSecs says how far the machine's clock is from the cluster's, and which way", async () => {
  const infos = sampleInfos();
  infos.set(SYSVAR_CLOCK_PUBKEY.toBase58(), clockInfo(1_000_000));
  const connection = stubClient(infos).connection;
  assert.equal(await clockOffsetSecs(connection, 1_000_002_500), 2, "two seconds ahead");
  assert.equal(await clockOffsetSecs(connection, 999_997_000), -3, "three seconds behind");
});

test("the exports are grouped into namespaces, each the same function as its flat export", async () => {
  const sdk = await import("../src/index.js");
  assert.equal(sdk.rules.voteClaim, sdk.voteClaim);
  assert.equal(sdk.rules.votePoints, sdk.votePoints);
  assert.equal(sdk.accounts.taskPhase, sdk.taskPhase);
  assert.equal(sdk.accounts.MeritAccounts, sdk.MeritAccounts);
  assert.equal(sdk.flows.claimAll, sdk.claimAll);
  assert.equal(sdk.rpc.clusterNow, sdk.clusterNow);
  assert.equal(sdk.rpc.packInstructions, sdk.packInstructions);
  assert.equal(sdk.errors.describeError, sdk.describeError);
  assert.equal(sdk.errors.NotMeritAccountError, sdk.NotMeritAccountError);
  assert.equal(sdk.sortition.seats, sdk.seats);
  assert.equal(sdk.events.parseEvents, sdk.parseEvents);
  assert.equal(sdk.commitments.voteCommitment, sdk.voteCommitment);
  assert.equal(sdk.constants.idlInteger, sdk.idlInteger);
});
