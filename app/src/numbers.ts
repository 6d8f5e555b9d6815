// The SDK's one number convention: every 64-bit (or wider) integer it takes or returns is a
// `bigint`; integers of 32 bits or fewer (scores, seats, bps, counts) are `number`, as the
// IDL types them. Its one bytes convention: every byte array (hashes, salts, seeds; every
// array in Merit's IDL is `[u8; N]`) is a `Uint8Array`. Anchor's coder speaks `BN` and
// `number[]`: `toNative` converts what it decodes (accounts, events) and `toAnchor` what it
// encodes (instruction arguments), at the edge.
import BN from "bn.js";
import { PublicKey } from "@solana/web3.js";

/** `T` with every `BN` as a `bigint`. */
export type Native<T> = T extends BN
  ? bigint
  : T extends PublicKey | Uint8Array
    ? T
    : T extends number[]
      ? Uint8Array
      : T extends (infer U)[]
        ? Native<U>[]
        : T extends object
          ? { [K in keyof T]: Native<T[K]> }
          : T;

/** `T` with every `bigint` as a `BN` and every `Uint8Array` as `number[]`, as Anchor's coder takes it. */
export type Anchor<T> = T extends bigint
  ? BN
  : T extends PublicKey
    ? T
    : T extends Uint8Array
      ? number[]
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

const isBytes = (x: unknown): x is number[] =>
  Array.isArray(x) && x.length > 0 && x.every((b) => typeof b === "number");

/** What Anchor decoded, with every `BN` as a `bigint` and every byte array as a `Uint8Array`. */
export function toNative<T>(v: T): Native<T> {
  return map(v, (x) => {
    if (BN.isBN(x)) return BigInt((x as BN).toString());
    if (isBytes(x)) return Uint8Array.from(x);
    return x;
  }) as Native<T>;
}

/** An argument for Anchor's coder, with every `bigint` as a `BN` and `Uint8Array` as `number[]`. */
export function toAnchor<T>(v: T): Anchor<T> {
  return map(v, (x) => {
    if (typeof x === "bigint") return new BN(x.toString());
    if (x instanceof Uint8Array) return Array.from(x);
    return x;
  }) as Anchor<T>;
}
