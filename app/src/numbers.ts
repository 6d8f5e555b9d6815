// The SDK's one number convention: every 64-bit (or wider) integer it takes or returns is a
// `bigint`; integers of 32 bits or fewer (scores, seats, bps, counts) are `number`, as the
// IDL types them. Anchor's coder speaks `BN`: `toNative` converts what it decodes
// (accounts, events) and `toAnchor` what it encodes (instruction arguments), at the edge.
import BN from "bn.js";
import { PublicKey } from "@solana/web3.js";

/** `T` with every `BN` as a `bigint`. */
export type Native<T> = T extends BN
  ? bigint
  : T extends PublicKey | Uint8Array
    ? T
    : T extends (infer U)[]
      ? Native<U>[]
      : T extends object
        ? { [K in keyof T]: Native<T[K]> }
        : T;

/** `T` with every `bigint` as a `BN`, as Anchor's coder takes it. */
export type Anchor<T> = T extends bigint
  ? BN
  : T extends PublicKey | Uint8Array
    ? T
    : T extends (infer U)[]
      ? Anchor<U>[]
      : T extends object
        ? { [K in keyof T]: Anchor<T[K]> }
        : T;

function map(v: unknown, leaf: (x: unknown) => unknown): unknown {
  const mapped = leaf(v);
  if (mapped !== v) return mapped;
  if (v === null || typeof v !== "object" || v instanceof PublicKey || ArrayBuffer.isView(v)) return v;
  if (Array.isArray(v)) return v.map((x) => map(x, leaf));
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, map(x, leaf)]));
}

/** What Anchor decoded, with every `BN` as a `bigint`. */
export function toNative<T>(v: T): Native<T> {
  return map(v, (x) => (BN.isBN(x) ? BigInt((x as BN).toString()) : x)) as Native<T>;
}

/** An argument for Anchor's coder, with every `bigint` as a `BN`. */
export function toAnchor<T>(v: T): Anchor<T> {
  return map(v, (x) => (typeof x === "bigint" ? new BN(x.toString()) : x)) as Anchor<T>;
}
