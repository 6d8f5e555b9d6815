import { IDL } from "./program.js";

/** A program error: its code, name and message, from the IDL. */
export interface MeritErrorInfo {
  code: number;
  name: string;
  msg: string;
}

/** Every `MeritError`, by code. */
export const MERIT_ERRORS: ReadonlyMap<number, MeritErrorInfo> = new Map(
  (IDL.errors ?? []).map((e) => [e.code, { code: e.code, name: e.name, msg: e.msg ?? "" }]),
);

/** The Merit error with `code`, or undefined for codes the program does not define. */
export function meritError(code: number): MeritErrorInfo | undefined {
  return MERIT_ERRORS.get(code);
}

/**
 * Finds the Merit error in a failed transaction: from an error object carrying logs
 * (`SendTransactionError`), a `{ InstructionError: [i, { Custom: code }] }` value, or a
 * message containing `custom program error: 0x...`.
 */
export function parseMeritError(err: unknown): MeritErrorInfo | undefined {
  const text = (() => {
    if (typeof err === "string") return err;
    if (err && typeof err === "object") {
      const e = err as { logs?: unknown; message?: unknown };
      const logs = Array.isArray(e.logs) ? e.logs.join("\n") : "";
      return `${typeof e.message === "string" ? e.message : ""}\n${logs}\n${JSON.stringify(err)}`;
    }
    return "";
  })();
  const hex = /custom program error: 0x([0-9a-f]+)/i.exec(text);
  if (hex?.[1]) return meritError(parseInt(hex[1], 16));
  const number = /Error Number: (\d+)/.exec(text) ?? /"Custom":\s*(\d+)/.exec(text);
  if (number?.[1]) return meritError(parseInt(number[1], 10));
  return undefined;
}
