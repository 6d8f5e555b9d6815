// The send layer and the deployment loader, over a stub cluster: `MeritClient.load`
// reads the deployment from chain, `rpc(wallet).x(...)` signs, sends and confirms, a
// refusal becomes a typed `MeritError` through Anchor's own translation, batches fit in
// a packet, and `claimAll` reads chain state in one `getMultipleAccountsInfo`.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Keypair, PublicKey } from "@solana/web3.js";
import {
  MERIT_ERRORS,
  MeritAccounts,
  MERIT_PROGRAM_ID,
  MeritClient,
  MeritError,
  MeritErrorCode,
  PACKET_DATA_SIZE,
  budgetInstructions,
  claimAll,
  describeError,
  decodeAccount,
  keypairSigner,
  meritProgram,
  packInstructions,
  parseDuration,
  pda,
  postTask,
  transactionSize,
} from "../src/index.js";
import { sampleInfos, stubConnection, vectors } from "./stub.js";

const refusal = (name: string, code: number, msg: string): string[] => [
  `Program ${MERIT_PROGRAM_ID.toBase58()} invoke [1]`,
  "Program log: Instruction: DepositStake",
  `Program log: AnchorError thrown in programs/merit/src/state/stake.rs:258. Error Code: ${name}. Error Number: ${code}. Error Message: ${msg}.`,
  `Program ${MERIT_PROGRAM_ID.toBase58()} consumed 5000 of 200000 compute units`,
  `Program ${MERIT_PROGRAM_ID.toBase58()} failed: custom program error: 0x${code.toString(16)}`,
];

test("MeritClient.load reads the deployment from the chain's config", async () => {
  const stub = stubConnection(sampleInfos());
  const merit = await MeritClient.load(stub.connection);
  assert.equal(merit.deployment.stakeMint.toBase58(), vectors.deployment.stakeMint);
  assert.equal(merit.deployment.tokenProgram.toBase58(), vectors.deployment.tokenProgram);
  const empty = stubConnection(new Map());
  await assert.rejects(MeritClient.load(empty.connection), /no Merit deployment: the config account .* does not exist/);
});

test("rpc(wallet) signs with any wallet-style signer, sends, confirms and returns the signature", async () => {
  const stub = stubConnection(sampleInfos());
  const merit = await MeritClient.load(stub.connection);
  const wallet = Keypair.generate();
  const signature = await merit.rpc(keypairSigner(wallet)).depositStake({ owner: wallet.publicKey, amount: 5n });
  assert.equal(stub.sent.length, 1);
  const tx = stub.sent[0]!;
  assert.ok(tx.feePayer?.equals(wallet.publicKey), "the wallet pays");
  assert.equal(tx.instructions.length, 1);
  const expected = await merit.depositStake({ owner: wallet.publicKey, amount: 5n });
  assert.deepEqual(tx.instructions[0]!.data, expected.data);
  assert.equal(signature.length > 80, true);
  assert.equal(stub.calls.get("confirmTransaction"), 1, "it waits for confirmation");
  // A priority fee puts a compute-budget instruction first.
  await merit.rpc(keypairSigner(wallet), { computeUnitPrice: 1_000 }).depositStake({ owner: wallet.publicKey, amount: 1n });
  assert.equal(stub.sent[1]!.instructions.length, 2);
});

test("a refusal in preflight throws a MeritError named by the program", async () => {
  const stub = stubConnection(sampleInfos());
  const merit = await MeritClient.load(stub.connection);
  const wallet = Keypair.generate();
  const code = MeritErrorCode.InsufficientUnlockedStake;
  assert.equal(code, 6018);
  stub.outcomes.push({ preflight: refusal("InsufficientUnlockedStake", code, "Not enough unlocked stake") });
  await assert.rejects(
    merit.rpc(keypairSigner(wallet)).requestUnstake({ owner: wallet.publicKey, amount: 1n }),
    (e: unknown) => {
      assert.ok(e instanceof MeritError);
      assert.equal(e.code, 6018);
      assert.equal(e.errorName, "InsufficientUnlockedStake");
      assert.match(e.message, /Not enough unlocked stake/);
      assert.ok(e.logs.length > 0, "the logs travel with the error");
      return true;
    },
  );
  assert.equal(stub.calls.get("confirmTransaction") ?? 0, 0, "a refused transaction is not awaited");
});

test("a transaction that lands and fails throws a MeritError from its logs, with its signature", async () => {
  const stub = stubConnection(sampleInfos());
  const merit = await MeritClient.load(stub.connection);
  const wallet = Keypair.generate();
  const code = MeritErrorCode.CommitWindowClosed;
  stub.outcomes.push({ landedWithError: refusal("CommitWindowClosed", code, "closed") });
  await assert.rejects(merit.rpc(keypairSigner(wallet)).withdrawStake({ owner: wallet.publicKey }), (e: unknown) => {
    assert.ok(e instanceof MeritError);
    assert.equal(e.errorName, "CommitWindowClosed");
    assert.ok(e.signature && e.signature.length > 80);
    return true;
  });
});

test("the exported error enum is the IDL's, by the program's names", () => {
  assert.equal(Object.keys(MeritErrorCode).length, MERIT_ERRORS.size);
  for (const e of MERIT_ERRORS.values()) {
    assert.equal((MeritErrorCode as Record<string, number>)[e.name], e.code, e.name);
  }
});

test("instructions are packed into transactions that fit in a packet, in order", async () => {
  const merit = await MeritClient.load(stubConnection(sampleInfos()).connection);
  const payer = Keypair.generate().publicKey;
  const ixs = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      merit.claimVote({ validator: payer, task: PublicKey.unique(), submission: new PublicKey(i + 1), round: 1 + (i % 2) }),
    ),
  );
  for (const opts of [{}, { computeUnitPrice: 5_000, computeUnitLimit: 400_000 }]) {
    const batches = packInstructions(ixs, payer, opts);
    assert.ok(batches.length > 5, `${batches.length} batches`);
    assert.deepEqual(batches.flat(), ixs, "every instruction, once, in order");
    for (const b of batches) {
      assert.ok(transactionSize([...budgetInstructions(opts), ...b], payer) <= PACKET_DATA_SIZE);
    }
  }
});

test("merit.send packs and sends many instructions", async () => {
  const stub = stubConnection(sampleInfos());
  const merit = await MeritClient.load(stub.connection);
  const wallet = Keypair.generate();
  const ixs = await Promise.all(
    Array.from({ length: 12 }, () => merit.withdrawVested({ owner: wallet.publicKey })),
  );
  const signatures = await merit.send(keypairSigner(wallet), ixs);
  assert.equal(signatures.length, packInstructions(ixs, wallet.publicKey).length);
  assert.equal(stub.sent.flatMap((t) => t.instructions).length, 12);
});

test("claimAll reads what it needs in two getMultipleAccountsInfo, not one call per account", async () => {
  const stub = stubConnection(sampleInfos());
  const merit = await MeritClient.load(stub.connection);
  const program = meritProgram(stub.connection);
  const vote = decodeAccount(
    program,
    "vote",
    Buffer.from(vectors.accounts.find((a) => a.kind === "vote")!.data, "base64"),
  );
  stub.calls.clear();
  const ixs = await claimAll(merit, vote.validator);
  assert.equal(ixs.length, 1);
  // One read for everything the wallet's accounts point at, and one for the epoch that
  // receives the points of the vote claimed now (its round's `pointsEpoch`).
  assert.equal(stub.calls.get("getMultipleAccountsInfo"), 2);
  assert.equal(stub.calls.get("getProgramAccounts"), 2, "the wallet's submissions and votes");
  assert.equal(stub.calls.get("getAccountInfo") ?? 0, 0);
});

test("postTask needs only the reward, the spec and its URI; the rest is the deployment's defaults", async () => {
  const stub = stubConnection(sampleInfos());
  const merit = await MeritClient.load(stub.connection);
  const config = await new MeritAccounts(meritProgram(stub.connection)).config();
  const creator = Keypair.generate().publicKey;
  const now = 1_900_000_000;
  const { task, args } = await postTask(merit, creator, {
    reward: 1_000_000n,
    specHash: new Uint8Array(32).fill(1),
    uri: "ipfs://spec",
    durations: { submit: "2d", revealWork: "1h" },
    now,
  });
  // A creator's first task: the program's default id at the cluster's second.
  assert.equal(args.id, BigInt(now) << 16n);
  assert.ok(task.equals(pda.task(creator, BigInt(now) << 16n)));
  assert.equal(Number(args.submissionDeadline), now + 2 * 86_400);
  assert.equal(Number(args.submissionRevealDeadline), now + 2 * 86_400 + 3_600);
  assert.equal(Number(args.revealDeadline), now + 2 * 86_400 + 3_600 + 2 * 12 * 3_600);
  assert.equal(args.committeeSize, config.params.maxCommitteeSize);
  assert.equal(args.quorumSeats, Math.min(Math.ceil(args.committeeSize / 2), Math.floor((args.committeeSize * config.params.maxQuorumBps) / 10_000)));
  assert.equal(args.bond, config.params.minSubmissionBond);
  assert.equal(args.submissionFee, config.params.minSubmissionFee);
  assert.deepEqual([args.acceptThreshold, args.rejectThreshold], [60, 30]);
  assert.equal(args.reward, 1_000_000n);
});

test("durations read as the CLI reads them", () => {
  assert.equal(parseDuration("1h30m"), 5_400);
  assert.equal(parseDuration("2d"), 172_800);
  assert.equal(parseDuration(90), 90);
  assert.equal(parseDuration("45"), 45);
  for (const bad of ["", "soon", "3h5", "h", "-5", 0, 1.5]) {
    assert.throws(() => parseDuration(bad as string | number), `${bad}`);
  }
});

test("Anchor framework and SPL Token refusals reach the caller by name", async () => {
  const stub = stubConnection(sampleInfos());
  const merit = await MeritClient.load(stub.connection);
  const wallet = Keypair.generate();
  const merit_ = MERIT_PROGRAM_ID.toBase58();
  // Submitting without a stake account: Anchor's own check, 3012.
  stub.outcomes.push({
    landedWithError: [
      `Program ${merit_} invoke [1]`,
      "Program log: AnchorError caused by account: stake. Error Code: AccountNotInitialized. Error Number: 3012. Error Message: The program expected this account to be already initialized.",
      `Program ${merit_} failed: custom program error: 0xbc4`,
    ],
  });
  await assert.rejects(merit.rpc(keypairSigner(wallet)).withdrawStake({ owner: wallet.publicKey }), (e: unknown) => {
    assert.ok(e instanceof MeritError);
    assert.equal(e.errorName, "AccountNotInitialized");
    assert.equal(e.source, "anchor");
    assert.equal(e.code, 3012);
    assert.match(e.message, /^AccountNotInitialized \(anchor error 3012\)/);
    return true;
  });
  // The token program refusing a transfer: code 1 is its InsufficientFunds, not Merit's.
  const token = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA";
  stub.outcomes.push({
    landedWithError: [
      `Program ${merit_} invoke [1]`,
      `Program ${token} invoke [2]`,
      "Program log: Error: insufficient funds",
      `Program ${token} failed: custom program error: 0x1`,
      `Program ${merit_} failed: custom program error: 0x1`,
    ],
  });
  await assert.rejects(merit.rpc(keypairSigner(wallet)).withdrawStake({ owner: wallet.publicKey }), (e: unknown) => {
    assert.ok(e instanceof MeritError);
    assert.equal(e.errorName, "InsufficientFunds");
    assert.equal(e.source, "token");
    return true;
  });
  // The tables agree with the program: every Merit code is named as Merit's.
  for (const info of MERIT_ERRORS.values()) {
    assert.equal(describeError(info.code, merit_)?.name, info.name);
  }
  assert.equal(describeError(6050, token), undefined, "a code is read in its own program's table");
});
