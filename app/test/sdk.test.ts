// The SDK's own helpers: errors, phases, the commit-then-reveal flow with a salt store,
// event parsing from logs, and claimAll over chain state (a stub connection serving
// account data the real program produced).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { Connection, PublicKey } from "@solana/web3.js";
import { sampleInfos, stubClient } from "./stub.js";
import {
  MERIT_ERRORS,
  toAnchor,
  MERIT_PROGRAM_ID,
  MemorySaltStore,
  MeritClient,
  claimAll,
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
  type Task,
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

test("commit then reveal uses the stored score and salt", async () => {
  const store = new MemorySaltStore();
  const validator = PublicKey.unique();
  const task = PublicKey.unique();
  const submission = PublicKey.unique();
  const commit = await commitVote(client, store, { validator, task, submission, score: 64 });
  const stored = await store.get(pda.vote(submission, validator).toBase58());
  assert.ok(stored && "score" in stored);
  assert.equal(stored.score, 64);
  const salt = Buffer.from(stored.salt, "hex");
  const commitment = voteCommitment(submission, validator, 64, salt);
  assert.deepEqual(commit.data.subarray(8), Buffer.from(commitment));
  const reveal = await revealVote(client, store, { validator, task, submission });
  assert.equal(reveal.data[8], 64);
  assert.deepEqual(reveal.data.subarray(9, 41), salt);
  await assert.rejects(revealVote(client, store, { validator: PublicKey.unique(), task, submission }));
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
  await commitVote(client, store, { validator: contributor, task, submission: PublicKey.unique(), score: 1 });
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
  // The vote's submission is final and the vote revealed: exactly one claim_vote.
  assert.equal(ixs.length, 1);
  const expected = await client.claimVote({
    validator: vote.validator,
    task: vote.task,
    submission: vote.submission,
  });
  assert.deepEqual(ixs[0]!.data, expected.data);
  // The contributor's task is not finalized yet and its epoch is open: nothing to claim.
  const sub = decodeAccount(program, "submission", Buffer.from(sample("submission").data, "base64"));
  assert.deepEqual(await claimAll(stubbed, sub.contributor), []);
});

test("claimAll leaves an incoherent vote alone until it is slashed", async () => {
  // The drift this guards: claimAll queued claim_vote for an incoherent vote not yet
  // slashed, which the program refuses (VoteMustBeSlashedFirst), failing the batch.
  const vote = decodeAccount(program, "vote", Buffer.from(sample("vote").data, "base64"));
  const sub = decodeAccount(program, "submission", sampleInfos().get(vote.submission.toBase58())!.data);
  assert.ok(sub.quorumReached);
  const address = sample("vote").address;
  const incoherent = sub.consensusScore > 50 ? 0 : 100;
  for (const slashed of [false, true]) {
    const infos = sampleInfos();
    const data = await program.coder.accounts.encode("vote", toAnchor({ ...vote, score: incoherent, slashed }));
    const size = Buffer.from(sample("vote").data, "base64").length;
    infos.get(address)!.data = Buffer.concat([data, Buffer.alloc(size - data.length)]);
    const ixs = await claimAll(stubClient(infos), vote.validator);
    assert.equal(ixs.length, slashed ? 1 : 0, `slashed: ${slashed}`);
  }
});
