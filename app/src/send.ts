// The send layer: build a transaction from instructions, have any wallet-adapter-style
// signer sign it, send, confirm, and turn a failure into a typed `MeritError` through
// Anchor's own error translation (`translateError`) and the IDL's error table.
import { translateError } from "@anchor-lang/core";
import {
  ComputeBudgetProgram,
  Keypair,
  PublicKey,
  Transaction,
  VersionedTransaction,
  type Commitment,
  type Connection,
  type TransactionInstruction,
  type TransactionSignature,
} from "@solana/web3.js";
import type { Merit } from "./idl/merit.js";
import { MERIT_ERRORS, parseMeritError } from "./errors.js";
import { IDL } from "./program.js";

/** Anything that signs as a wallet adapter does: `@solana/wallet-adapter`, a Keypair wrapper. */
export interface WalletSigner {
  publicKey: PublicKey;
  signTransaction<T extends Transaction | VersionedTransaction>(tx: T): Promise<T>;
}

/** A `WalletSigner` over a local keypair (scripts, bots, tests). */
export function keypairSigner(keypair: Keypair): WalletSigner {
  return {
    publicKey: keypair.publicKey,
    async signTransaction<T extends Transaction | VersionedTransaction>(tx: T): Promise<T> {
      if (tx instanceof VersionedTransaction) tx.sign([keypair]);
      else tx.partialSign(keypair);
      return tx;
    },
  };
}

/** Every program error's name, as the program's `MeritError` enum spells it, to its code. */
export type MeritErrorName = Capitalize<Merit["errors"][number]["name"]>;

/** The program's error enum: `MeritErrorCode.InsufficientUnlockedStake === 6018`. */
export const MeritErrorCode = Object.freeze(
  Object.fromEntries((IDL.errors ?? []).map((e) => [e.name, e.code])),
) as Readonly<Record<MeritErrorName, number>>;

/** A Merit transaction that failed: the program's error by name, or the cause. */
export class MeritError extends Error {
  constructor(
    message: string,
    /** The custom error code, when the program returned one. */
    readonly code: number | undefined,
    /** The program error's name (`InsufficientUnlockedStake`), when it is Merit's. */
    readonly errorName: MeritErrorName | undefined,
    /** The transaction's logs, when the cluster returned them. */
    readonly logs: string[],
    readonly signature?: TransactionSignature,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "MeritError";
  }
}

const idlErrors = new Map([...MERIT_ERRORS.values()].map((e) => [e.code, e.msg]));

/** Turns whatever a send or confirmation threw into a `MeritError`. */
export function toMeritError(err: unknown, signature?: TransactionSignature): MeritError {
  if (err instanceof MeritError) return err;
  const e = (err ?? {}) as { logs?: unknown; message?: unknown };
  const logs = Array.isArray(e.logs) ? (e.logs as string[]) : [];
  const translated = translateError({ ...(e as object), logs, message: e.message }, idlErrors) as {
    error?: { errorCode?: { code: string; number: number }; errorMessage?: string };
    code?: number;
  };
  const code =
    translated?.error?.errorCode?.number ?? translated?.code ?? parseMeritError(err)?.code;
  const info = code === undefined ? undefined : MERIT_ERRORS.get(code);
  const message = info
    ? `${info.name} (${info.code}): ${info.msg}`
    : typeof e.message === "string"
      ? e.message
      : String(err);
  return new MeritError(
    message,
    code,
    info?.name as MeritErrorName | undefined,
    logs,
    signature,
    { cause: err },
  );
}

export interface SendOptions {
  commitment?: Commitment;
  /** Priority fee, micro-lamports per compute unit. */
  computeUnitPrice?: number;
  computeUnitLimit?: number;
  skipPreflight?: boolean;
}

/** The compute-budget instructions a send with `opts` puts first. */
export function budgetInstructions(opts: SendOptions = {}): TransactionInstruction[] {
  const ixs: TransactionInstruction[] = [];
  if (opts.computeUnitLimit !== undefined) {
    ixs.push(ComputeBudgetProgram.setComputeUnitLimit({ units: opts.computeUnitLimit }));
  }
  if (opts.computeUnitPrice) {
    ixs.push(ComputeBudgetProgram.setComputeUnitPrice({ microLamports: opts.computeUnitPrice }));
  }
  return ixs;
}

/** Largest serialized transaction the network accepts. */
export const PACKET_DATA_SIZE = 1_232;

/** The serialized size of `ixs` in one legacy transaction paid by `feePayer`. */
export function transactionSize(ixs: TransactionInstruction[], feePayer: PublicKey): number {
  const tx = new Transaction({ feePayer, blockhash: PublicKey.default.toBase58(), lastValidBlockHeight: 0 });
  tx.add(...ixs);
  const message = tx.compileMessage();
  const signatures = message.header.numRequiredSignatures;
  // A compact length (one byte below 128) and 64 bytes per signature, then the message.
  return 1 + 64 * signatures + message.serialize().length;
}

/**
 * Splits `ixs` into consecutive batches, each as long as fits in one transaction with the
 * `opts` compute-budget instructions, paid by `feePayer`: the Rust client's
 * `merit_client::pack`. An instruction too large alone gets a batch of its own.
 */
export function packInstructions(
  ixs: TransactionInstruction[],
  feePayer: PublicKey,
  opts: SendOptions = {},
): TransactionInstruction[][] {
  const prefix = budgetInstructions(opts);
  const batches: TransactionInstruction[][] = [];
  let start = 0;
  while (start < ixs.length) {
    let end = start + 1;
    while (
      end < ixs.length &&
      transactionSize([...prefix, ...ixs.slice(start, end + 1)], feePayer) <= PACKET_DATA_SIZE
    ) {
      end++;
    }
    batches.push(ixs.slice(start, end));
    start = end;
  }
  return batches;
}

/**
 * Sends `ixs` in one transaction signed by `signer` (its fee payer), waits for
 * confirmation and returns the signature; a failure throws a `MeritError`.
 */
export async function sendInstructions(
  connection: Connection,
  signer: WalletSigner,
  ixs: TransactionInstruction[],
  opts: SendOptions = {},
): Promise<TransactionSignature> {
  const commitment = opts.commitment ?? "confirmed";
  const { blockhash, lastValidBlockHeight } = await connection.getLatestBlockhash(commitment);
  const tx = new Transaction({ feePayer: signer.publicKey, blockhash, lastValidBlockHeight });
  tx.add(...budgetInstructions(opts), ...ixs);
  const signed = await signer.signTransaction(tx);
  let signature: TransactionSignature;
  try {
    signature = await connection.sendRawTransaction(signed.serialize(), {
      skipPreflight: opts.skipPreflight ?? false,
      preflightCommitment: commitment,
    });
  } catch (err) {
    throw toMeritError(err);
  }
  const confirmed = await connection.confirmTransaction(
    { signature, blockhash, lastValidBlockHeight },
    commitment,
  );
  if (confirmed.value.err) {
    const landed = await connection.getTransaction(signature, {
      commitment: "confirmed",
      maxSupportedTransactionVersion: 0,
    });
    throw toMeritError(
      { message: JSON.stringify(confirmed.value.err), logs: landed?.meta?.logMessages ?? [] },
      signature,
    );
  }
  return signature;
}

/** Sends `ixs` packed into as few transactions as fit, in order; returns the signatures. */
export async function sendPacked(
  connection: Connection,
  signer: WalletSigner,
  ixs: TransactionInstruction[],
  opts: SendOptions = {},
): Promise<TransactionSignature[]> {
  const signatures: TransactionSignature[] = [];
  for (const batch of packInstructions(ixs, signer.publicKey, opts)) {
    signatures.push(await sendInstructions(connection, signer, batch, opts));
  }
  return signatures;
}
