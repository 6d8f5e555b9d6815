// What the end-to-end tests need from a real cluster besides the SDK: wallets funded from
// the validator's faucet key, an SPL mint built from raw instructions, token balances,
// the cluster's clock, and events parsed from the real transaction logs.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  Connection,
  Keypair,
  LAMPORTS_PER_SOL,
  PublicKey,
  SystemProgram,
  SYSVAR_CLOCK_PUBKEY,
  TransactionInstruction,
  VersionedTransaction,
} from "@solana/web3.js";
import * as sdk from "../src/index.js";

/** The validator under test: MERIT_RPC_URL and MERIT_FAUCET_KEYPAIR (scripts/e2e.sh sets both). */
export function cluster(): { url: string; connection: Connection; faucet: Keypair } {
  const url = process.env.MERIT_RPC_URL;
  const faucetFile = process.env.MERIT_FAUCET_KEYPAIR;
  assert.ok(url, "set MERIT_RPC_URL to the validator's JSON-RPC URL (scripts/validator.sh)");
  assert.ok(faucetFile, "set MERIT_FAUCET_KEYPAIR to the validator's --faucet-keypair file");
  const secret = Uint8Array.from(JSON.parse(readFileSync(faucetFile, "utf8")) as number[]);
  return { url, connection: new Connection(url, "confirmed"), faucet: Keypair.fromSecretKey(secret) };
}

/** `count` new keypairs, each sent `sol` SOL from the faucet in one transaction. */
export async function fundedKeypairs(
  connection: Connection,
  faucet: Keypair,
  count: number,
  sol = 10,
): Promise<Keypair[]> {
  const keys = Array.from({ length: count }, () => Keypair.generate());
  await sdk.sendInstructions(
    connection,
    sdk.keypairSigner(faucet),
    keys.map((k) =>
      SystemProgram.transfer({ fromPubkey: faucet.publicKey, toPubkey: k.publicKey, lamports: sol * LAMPORTS_PER_SOL }),
    ),
  );
  return keys;
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

/** A new SPL Token mint with `authority` (a funded keypair) as its mint authority. */
export async function createMint(connection: Connection, authority: Keypair, decimals: number): Promise<PublicKey> {
  const mint = Keypair.generate();
  const rent = await connection.getMinimumBalanceForRentExemption(MINT_SIZE);
  const signer: sdk.WalletSigner = {
    publicKey: authority.publicKey,
    signTransaction: async (tx) => {
      if (tx instanceof VersionedTransaction) tx.sign([authority, mint]);
      else tx.partialSign(authority, mint);
      return tx;
    },
  };
  await sdk.sendInstructions(connection, signer, [
    SystemProgram.createAccount({
      fromPubkey: authority.publicKey,
      newAccountPubkey: mint.publicKey,
      lamports: rent,
      space: MINT_SIZE,
      programId: sdk.TOKEN_PROGRAM_ID,
    }),
    initializeMint2(mint.publicKey, decimals, authority.publicKey),
  ]);
  return mint.publicKey;
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

/** Creates each owner's associated token account (if missing), paid by `payer`. */
export async function createAtas(
  connection: Connection,
  mint: PublicKey,
  payer: Keypair,
  owners: PublicKey[],
): Promise<PublicKey[]> {
  const made = owners.map((o) => createAta(payer.publicKey, o, mint));
  await sdk.sendInstructions(connection, sdk.keypairSigner(payer), made.map(([, ix]) => ix));
  return made.map(([ata]) => ata);
}

/** Creates each owner's associated token account and mints it `amount`; returns the accounts. */
export async function mintToOwners(
  connection: Connection,
  mint: PublicKey,
  authority: Keypair,
  owners: PublicKey[],
  amount: bigint,
): Promise<PublicKey[]> {
  const atas: PublicKey[] = [];
  const ixs: TransactionInstruction[] = [];
  for (const owner of owners) {
    const [ata, ix] = createAta(authority.publicKey, owner, mint);
    atas.push(ata);
    ixs.push(ix, mintTo(mint, ata, authority.publicKey, amount));
  }
  await sdk.sendInstructions(connection, sdk.keypairSigner(authority), ixs);
  return atas;
}

export async function tokenBalance(connection: Connection, account: PublicKey): Promise<bigint> {
  const info = await connection.getAccountInfo(account, "confirmed");
  if (!info) return 0n;
  return BigInt((await connection.getTokenAccountBalance(account, "confirmed")).value.amount);
}

/** The cluster's unix time (the clock sysvar the program reads). */
export async function chainNow(connection: Connection): Promise<number> {
  const clock = await connection.getAccountInfo(SYSVAR_CLOCK_PUBKEY, "confirmed");
  assert.ok(clock, "the clock sysvar");
  return Number(clock.data.readBigInt64LE(32));
}

/** Waits until the cluster's clock reads at least `unix` (at most `timeoutSecs`). */
export async function untilChainTime(connection: Connection, unix: bigint | number, timeoutSecs = 120): Promise<void> {
  const deadline = Date.now() + timeoutSecs * 1000;
  while ((await chainNow(connection)) < Number(unix)) {
    assert.ok(Date.now() < deadline, `the cluster's clock did not reach ${unix} within ${timeoutSecs} s`);
    await new Promise((r) => setTimeout(r, 400));
  }
}

/** Polls `check` every 500 ms until it returns true (at most `timeoutSecs`). */
export async function until(what: string, check: () => Promise<boolean>, timeoutSecs = 90): Promise<void> {
  const deadline = Date.now() + timeoutSecs * 1000;
  while (!(await check())) {
    assert.ok(Date.now() < deadline, `${what}: not within ${timeoutSecs} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The Merit events in a confirmed transaction's real logs (null: the transaction failed). */
export async function txEvents(connection: Connection, signature: string): Promise<sdk.MeritEvent[] | null> {
  const tx = await connection.getTransaction(signature, {
    commitment: "confirmed",
    maxSupportedTransactionVersion: 0,
  });
  assert.ok(tx?.meta?.logMessages, `transaction ${signature} has logs`);
  if (tx.meta.err) return null;
  return sdk.parseEvents(tx.meta.logMessages);
}

/** The one event named `name` among the events of the transactions `signatures`. */
export async function only(
  connection: Connection,
  signatures: string | string[],
  name: string,
): Promise<Record<string, unknown>> {
  const all: sdk.MeritEvent[] = [];
  for (const s of [signatures].flat()) all.push(...((await txEvents(connection, s)) ?? []));
  const found = all.filter((e) => e.name === name);
  assert.equal(found.length, 1, `one ${name} event in ${JSON.stringify(all.map((e) => e.name))}`);
  return found[0]!.data;
}

/** Every successful transaction that touched `address`, oldest first. */
export async function successfulSignatures(connection: Connection, address: PublicKey): Promise<string[]> {
  const out: string[] = [];
  let before: string | undefined;
  for (;;) {
    const page = await connection.getSignaturesForAddress(address, { before, limit: 1000 }, "confirmed");
    out.push(...page.filter((s) => s.err === null).map((s) => s.signature));
    if (page.length < 1000) break;
    before = page[page.length - 1]!.signature;
  }
  return out.reverse();
}
