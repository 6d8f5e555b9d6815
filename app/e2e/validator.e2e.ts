// End to end over JSON-RPC against a real validator (scripts/validator.sh): keypair
// wallets, the SDK's builders and flows, real confirmations, events parsed from the real
// transaction logs. Needs MERIT_RPC_URL and MERIT_FAUCET_KEYPAIR (the validator's
// --faucet-keypair file); it fails, never skips, without them. Run: `npm run e2e`.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import {
  Connection,
  Keypair,
  LAMPORTS_PER_SOL,
  PublicKey,
  SystemProgram,
  TransactionInstruction,
  VersionedTransaction,
} from "@solana/web3.js";
import * as sdk from "../src/index.js";

const url = process.env.MERIT_RPC_URL;
const faucetFile = process.env.MERIT_FAUCET_KEYPAIR;

function env(): { connection: Connection; faucet: Keypair } {
  assert.ok(url, "set MERIT_RPC_URL to the validator's JSON-RPC URL (scripts/validator.sh)");
  assert.ok(faucetFile, "set MERIT_FAUCET_KEYPAIR to the validator's --faucet-keypair file");
  const secret = Uint8Array.from(JSON.parse(readFileSync(faucetFile, "utf8")) as number[]);
  return { connection: new Connection(url, "confirmed"), faucet: Keypair.fromSecretKey(secret) };
}

const MINT_SIZE = 82;

/** SPL Token's InitializeMint2 (no freeze authority). */
function initializeMint2(mint: PublicKey, decimals: number, authority: PublicKey): TransactionInstruction {
  const data = Buffer.alloc(67);
  data[0] = 20;
  data[1] = decimals;
  authority.toBuffer().copy(data, 2);
  data[34] = 0;
  return new TransactionInstruction({
    programId: sdk.TOKEN_PROGRAM_ID,
    keys: [{ pubkey: mint, isSigner: false, isWritable: true }],
    data,
  });
}

/** The associated token program's CreateIdempotent. */
function createAta(payer: PublicKey, owner: PublicKey, mint: PublicKey): [PublicKey, TransactionInstruction] {
  const ata = PublicKey.findProgramAddressSync(
    [owner.toBuffer(), sdk.TOKEN_PROGRAM_ID.toBuffer(), mint.toBuffer()],
    sdk.ASSOCIATED_TOKEN_PROGRAM_ID,
  )[0];
  const ix = new TransactionInstruction({
    programId: sdk.ASSOCIATED_TOKEN_PROGRAM_ID,
    keys: [
      { pubkey: payer, isSigner: true, isWritable: true },
      { pubkey: ata, isSigner: false, isWritable: true },
      { pubkey: owner, isSigner: false, isWritable: false },
      { pubkey: mint, isSigner: false, isWritable: false },
      { pubkey: SystemProgram.programId, isSigner: false, isWritable: false },
      { pubkey: sdk.TOKEN_PROGRAM_ID, isSigner: false, isWritable: false },
    ],
    data: Buffer.from([1]),
  });
  return [ata, ix];
}

/** SPL Token's MintTo. */
function mintTo(mint: PublicKey, to: PublicKey, authority: PublicKey, amount: bigint): TransactionInstruction {
  const data = Buffer.alloc(9);
  data[0] = 7;
  data.writeBigUInt64LE(amount, 1);
  return new TransactionInstruction({
    programId: sdk.TOKEN_PROGRAM_ID,
    keys: [
      { pubkey: mint, isSigner: false, isWritable: true },
      { pubkey: to, isSigner: false, isWritable: true },
      { pubkey: authority, isSigner: true, isWritable: false },
    ],
    data,
  });
}

async function tokenBalance(connection: Connection, account: PublicKey): Promise<bigint> {
  return BigInt((await connection.getTokenAccountBalance(account, "confirmed")).value.amount);
}

async function events(connection: Connection, signature: string): Promise<sdk.MeritEvent[]> {
  const tx = await connection.getTransaction(signature, {
    commitment: "confirmed",
    maxSupportedTransactionVersion: 0,
  });
  assert.ok(tx?.meta?.logMessages, `transaction ${signature} has logs`);
  return sdk.parseEvents(tx.meta.logMessages);
}

function only(list: sdk.MeritEvent[], name: string): Record<string, unknown> {
  const found = list.filter((e) => e.name === name);
  assert.equal(found.length, 1, `one ${name} event in ${JSON.stringify(list.map((e) => e.name))}`);
  return found[0]!.data;
}

test("initialize, deposit, post a task and submit over JSON-RPC, with events from the real logs", async () => {
  const { connection, faucet } = env();
  const faucetSigner = sdk.keypairSigner(faucet);
  const admin = Keypair.generate();
  const creator = Keypair.generate();
  const contributor = Keypair.generate();
  const mint = Keypair.generate();
  const unit = 1_000_000n;

  // Wallets funded from the genesis account; the stake mint created by the admin.
  await sdk.sendInstructions(
    connection,
    faucetSigner,
    [admin, creator, contributor].map((k) =>
      SystemProgram.transfer({ fromPubkey: faucet.publicKey, toPubkey: k.publicKey, lamports: 10 * LAMPORTS_PER_SOL }),
    ),
  );
  const rent = await connection.getMinimumBalanceForRentExemption(MINT_SIZE);
  const mintSigner: sdk.WalletSigner = {
    publicKey: admin.publicKey,
    signTransaction: async (tx) => {
      if (tx instanceof VersionedTransaction) tx.sign([admin, mint]);
      else tx.partialSign(admin, mint);
      return tx;
    },
  };
  await sdk.sendInstructions(connection, mintSigner, [
    SystemProgram.createAccount({
      fromPubkey: admin.publicKey,
      newAccountPubkey: mint.publicKey,
      lamports: rent,
      space: MINT_SIZE,
      programId: sdk.TOKEN_PROGRAM_ID,
    }),
    initializeMint2(mint.publicKey, 6, admin.publicKey),
  ]);

  // The deployment: the admin initializes with the SDK's defaults and one-second phases allowed.
  const program = sdk.meritProgram(connection);
  const merit = new sdk.MeritClient(program, { stakeMint: mint.publicKey, tokenProgram: sdk.TOKEN_PROGRAM_ID });
  const params = { ...sdk.defaultConfigParams(6), minPhaseSecs: 1n };
  const initSig = await merit.rpc(sdk.keypairSigner(admin)).initialize({ admin: admin.publicKey, params });
  const initialized = only(await events(connection, initSig), "configInitialized");
  assert.ok((initialized.admin as PublicKey).equals(admin.publicKey));
  const loaded = await sdk.MeritClient.load(connection);
  assert.ok(loaded.deployment.stakeMint.equals(mint.publicKey), "MeritClient.load reads the deployment");

  // Tokens for the creator (the reward) and the contributor (stake for the bond).
  const [creatorAta, creatorAtaIx] = createAta(admin.publicKey, creator.publicKey, mint.publicKey);
  const [contributorAta, contributorAtaIx] = createAta(admin.publicKey, contributor.publicKey, mint.publicKey);
  await sdk.sendInstructions(connection, sdk.keypairSigner(admin), [
    creatorAtaIx,
    contributorAtaIx,
    mintTo(mint.publicKey, creatorAta, admin.publicKey, 1_000n * unit),
    mintTo(mint.publicKey, contributorAta, admin.publicKey, 100n * unit),
  ]);
  assert.ok(merit.ata(creator.publicKey).equals(creatorAta), "the SDK's ATA is the token program's");

  // Stake: tokens move to the stake vault; the event carries the amount.
  const depositSig = await merit
    .rpc(sdk.keypairSigner(contributor))
    .depositStake({ owner: contributor.publicKey, amount: 50n * unit });
  const deposited = only(await events(connection, depositSig), "stakeDeposited");
  assert.equal(deposited.amount, 50n * unit);
  assert.equal(deposited.deposited, 50n * unit);
  assert.equal(await tokenBalance(connection, contributorAta), 50n * unit);
  const vaults = await new sdk.MeritAccounts(program).config();
  assert.equal(await tokenBalance(connection, vaults.stakeVault), 50n * unit);

  // A task: the reward and the protocol fee leave the creator's token account.
  const posted = await sdk.postTask(merit, creator.publicKey, {
    specHash: new Uint8Array(32).fill(7),
    uri: "ipfs://e2e-spec",
    reward: 100n * unit,
    durations: { submit: 30, revealWork: 10, commit: 10, reveal: 10 },
  });
  const [createSig] = await merit.send(sdk.keypairSigner(creator), posted.instructions);
  const created = only(await events(connection, createSig!), "taskCreated");
  assert.ok((created.task as PublicKey).equals(posted.task));
  assert.equal(created.reward, 100n * unit);
  // The creator pays the reward and the protocol's fee on it, nothing else.
  assert.equal(typeof created.protocolFee, "bigint");
  assert.equal(await tokenBalance(connection, creatorAta), 1_000n * unit - 100n * unit - (created.protocolFee as bigint));
  const task = await new sdk.MeritAccounts(program).task(posted.task);
  assert.ok(task, "the task account exists");
  assert.equal(task.reward, 100n * unit);

  // Work committed before the deadline: the bond is locked on the contributor's stake.
  const store = new sdk.MemorySaltStore();
  const submitIxs = await sdk.submitWork(merit, store, {
    contributor: contributor.publicKey,
    task: posted.task,
    termsHash: task.termsHash,
    contentHash: new Uint8Array(32).fill(3),
    uri: "ipfs://e2e-work",
  });
  const [submitSig] = await merit.send(sdk.keypairSigner(contributor), submitIxs);
  const committed = only(await events(connection, submitSig!), "submissionCommitted");
  assert.ok((committed.contributor as PublicKey).equals(contributor.publicKey));
  const stake = await new sdk.MeritAccounts(program).stake(contributor.publicKey);
  assert.ok(stake, "the stake account exists");
  assert.ok(stake.locked > 0n, "the submission bond is locked");
});
