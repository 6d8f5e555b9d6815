// A stub connection for the SDK's tests: it serves account data the real program
// produced (the vectors' samples), answers getProgramAccounts filters, counts calls, and
// plays a cluster for sends (a scripted outcome per transaction).
import { readFileSync } from "node:fs";
import { utils } from "@anchor-lang/core";
import { PublicKey, SYSVAR_CLOCK_PUBKEY, Transaction, type AccountInfo, type Connection } from "@solana/web3.js";
import { MERIT_PROGRAM_ID, MeritClient, meritProgram } from "../src/index.js";

interface Sample {
  kind: string;
  address: string;
  data: string;
}
export const vectors = JSON.parse(readFileSync(new URL("./vectors.json", import.meta.url), "utf8")) as {
  deployment: { stakeMint: string; tokenProgram: string };
  accounts: Sample[];
};

/** The Clock sysvar's account at cluster time `unix` (its `unix_timestamp` at byte 32). */
export function clockInfo(unix: number): AccountInfo<Buffer> {
  const data = Buffer.alloc(40);
  data.writeBigInt64LE(BigInt(unix), 32);
  return { data, executable: false, lamports: 1, owner: new PublicKey("Sysvar1111111111111111111111111111111111111"), rentEpoch: 0 };
}

/**
 * Every account sample of the vectors, as the chain would serve it, and the Clock sysvar
 * at the machine's time (a test that needs the cluster elsewhere replaces it).
 */
export function sampleInfos(): Map<string, AccountInfo<Buffer>> {
  const infos = new Map<string, AccountInfo<Buffer>>();
  infos.set(SYSVAR_CLOCK_PUBKEY.toBase58(), clockInfo(Math.floor(Date.now() / 1000)));
  for (const a of vectors.accounts) {
    infos.set(a.address, {
      data: Buffer.from(a.data, "base64"),
      executable: false,
      lamports: 1_000_000,
      owner: MERIT_PROGRAM_ID,
      rentEpoch: 0,
    });
  }
  return infos;
}

/** What the stub cluster does with a sent transaction. */
export type Outcome =
  | { ok: true }
  | { preflight: string[] } // rejected in simulation with these logs
  | { landedWithError: string[] }; // landed, failed, with these logs

export interface Stub {
  connection: Connection;
  calls: Map<string, number>;
  /** Transactions received, deserialized. */
  sent: Transaction[];
  outcomes: Outcome[];
}

/** A stub connection serving `infos` (address -> account). */
export function stubConnection(infos: Map<string, AccountInfo<Buffer>>): Stub {
  type Filter = { memcmp?: { offset: number; bytes: string } };
  const calls = new Map<string, number>();
  const sent: Transaction[] = [];
  const outcomes: Outcome[] = [];
  const failedLogs = new Map<string, string[]>();
  const count = (name: string) => calls.set(name, (calls.get(name) ?? 0) + 1);
  const stub = {
    getAccountInfo: async (key: PublicKey) => (count("getAccountInfo"), infos.get(key.toBase58()) ?? null),
    getAccountInfoAndContext: async (key: PublicKey) => (
      count("getAccountInfo"),
      { context: { slot: 1 }, value: infos.get(key.toBase58()) ?? null }
    ),
    getMultipleAccountsInfo: async (keys: PublicKey[]) => (
      count("getMultipleAccountsInfo"),
      keys.map((k) => infos.get(k.toBase58()) ?? null)
    ),
    getProgramAccounts: async (_: PublicKey, config?: { filters?: Filter[] }) => (
      count("getProgramAccounts"),
      [...infos.entries()]
        .filter(([, info]) =>
          (config?.filters ?? []).every((f) => {
            if (!f.memcmp) return true;
            const want = Buffer.from(utils.bytes.bs58.decode(f.memcmp.bytes));
            const { offset } = f.memcmp;
            return (
              info.data.length >= offset + want.length &&
              info.data.subarray(offset, offset + want.length).equals(want)
            );
          }),
        )
        .map(([k, info]) => ({ pubkey: new PublicKey(k), account: info }))
    ),
    getLatestBlockhash: async () => (
      count("getLatestBlockhash"),
      { blockhash: new PublicKey(new Uint8Array(32).fill(7)).toBase58(), lastValidBlockHeight: 100 }
    ),
    sendRawTransaction: async (raw: Buffer | Uint8Array) => {
      count("sendRawTransaction");
      const tx = Transaction.from(Buffer.from(raw));
      if (!tx.verifySignatures()) throw new Error("signature verification failed");
      sent.push(tx);
      const signature = utils.bytes.bs58.encode(tx.signature!);
      const outcome = outcomes.shift() ?? { ok: true };
      if ("preflight" in outcome) {
        throw Object.assign(new Error("Simulation failed"), { logs: outcome.preflight });
      }
      if ("landedWithError" in outcome) failedLogs.set(signature, outcome.landedWithError);
      return signature;
    },
    confirmTransaction: async (s: { signature: string }) => (
      count("confirmTransaction"),
      {
        context: { slot: 2 },
        value: { err: failedLogs.has(s.signature) ? { InstructionError: [0, { Custom: 1 }] } : null },
      }
    ),
    getTransaction: async (signature: string) => (
      count("getTransaction"),
      { meta: { logMessages: failedLogs.get(signature) ?? [] } }
    ),
  };
  return { connection: stub as unknown as Connection, calls, sent, outcomes };
}

/** A client over a stub connection serving `infos`. */
export function stubClient(infos: Map<string, AccountInfo<Buffer>>): MeritClient {
  return new MeritClient(meritProgram(stubConnection(infos).connection), {
    stakeMint: new PublicKey(vectors.deployment.stakeMint),
    tokenProgram: new PublicKey(vectors.deployment.tokenProgram),
  });
}
