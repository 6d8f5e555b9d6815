// The send layer: build a transaction from instructions, have any wallet-adapter-style
// signer sign it, send, confirm, and turn a failure into a typed `MeritError` through
// Anchor's own error translation (`translateError`) and the IDL's error table.
import { LangErrorCode, LangErrorMessage, translateError } from "@anchor-lang/core";
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
import { IDL, MERIT_PROGRAM_ID } from "./program.js";

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

/** Which program's table names an error: Merit's, Anchor's framework, SPL Token's, System's. */
export type ErrorSource = "merit" | "anchor" | "token" | "system";

/**
 * A Merit transaction that failed: the error by name (Merit's own, an Anchor framework
 * check such as `AccountNotInitialized`, or an SPL Token or System error), or the cause.
 */
export class MeritError extends Error {
  /** Whose error `errorName` is, when it is named. */
  readonly source?: ErrorSource;
  constructor(
    message: string,
    /** The custom error code, when the program returned one. */
    readonly code: number | undefined,
    /** The error's name (`InsufficientUnlockedStake`, `AccountNotInitialized`, `InsufficientFunds`). */
    readonly errorName: MeritErrorName | (string & {}) | undefined,
    /** The transaction's logs, when the cluster returned them. */
    readonly logs: string[],
    readonly signature?: TransactionSignature,
    options?: { cause?: unknown; source?: ErrorSource },
  ) {
    super(message, options);
    this.name = "MeritError";
    this.source = options?.source;
  }
}

/** SPL Token (and Token-2022) errors a wallet meets: `merit_client::errors`' table. */
const TOKEN_ERRORS = new Map<number, [string, string]>([
  [1, ["InsufficientFunds", "Insufficient funds"]],
  [3, ["MintMismatch", "Account not associated with this Mint"]],
  [4, ["OwnerMismatch", "Owner does not match"]],
  [13, ["InvalidState", "Invalid account state for operation"]],
  [17, ["AccountFrozen", "Account is frozen"]],
]);
/** System program errors a wallet meets. */
const SYSTEM_ERRORS = new Map<number, [string, string]>([
  [0, ["AccountAlreadyInUse", "an account with the same address already exists"]],
  [1, ["ResultWithNegativeLamports", "account does not have enough SOL to perform the operation"]],
]);
const TOKEN_PROGRAMS = new Set([
  "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA",
  "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb",
]);
const SYSTEM_PROGRAM = "11111111111111111111111111111111";
const anchorNames = new Map<number, string>(
  Object.entries(LangErrorCode).map(([name, code]) => [code as number, name]),
);

/**
 * Names `code` raised by `program` (base58; undefined when unknown): the same tables and
 * order as `merit_client::errors::describe`.
 */
export function describeError(
  code: number,
  program?: string,
): { source: ErrorSource; name: string; msg: string } | undefined {
  const small = (table: Map<number, [string, string]>, source: ErrorSource) => {
    const hit = table.get(code);
    return hit ? { source, name: hit[0], msg: hit[1] } : undefined;
  };
  if (program && TOKEN_PROGRAMS.has(program)) return small(TOKEN_ERRORS, "token");
  if (program === SYSTEM_PROGRAM) return small(SYSTEM_ERRORS, "system");
  if (program && program !== MERIT_PROGRAM_ID.toBase58()) return undefined;
  const merit = MERIT_ERRORS.get(code);
  if (merit) return { source: "merit", name: merit.name, msg: merit.msg };
  const anchor = anchorNames.get(code);
  if (anchor) return { source: "anchor", name: anchor, msg: LangErrorMessage.get(code) ?? anchor };
  return undefined;
}

/**
 * The program that raised the custom error, and its code: the first `Program X failed:
 * custom program error` log line (the innermost failing program; its callers repeat the
 * code as they unwind).
 */
function failedProgram(logs: string[]): { program: string; code: number } | undefined {
  for (const line of logs) {
    const m = /^Program (\w+) failed: custom program error: 0x([0-9a-f]+)/i.exec(line);
    if (m) return { program: m[1]!, code: parseInt(m[2]!, 16) };
  }
  return undefined;
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
  const failed = failedProgram(logs);
  const code =
    failed?.code ??
    translated?.error?.errorCode?.number ??
    translated?.code ??
    parseMeritError(err)?.code;
  const info = code === undefined ? undefined : describeError(code, failed?.program);
  const message = info
    ? `${info.name} (${info.source} error ${code}): ${info.msg}`
    : typeof e.message === "string"
      ? e.message
      : String(err);
  return new MeritError(message, code, info?.name, logs, signature, {
    cause: err,
    source: info?.source,
  });
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
