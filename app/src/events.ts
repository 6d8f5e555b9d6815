import { BorshCoder, EventParser, convertIdlToCamelCase, type IdlEvents } from "@anchor-lang/core";
import type { Merit } from "./idl/merit.js";
import { toNative, type Native } from "./numbers.js";
import { IDL, MERIT_PROGRAM_ID } from "./program.js";

/** Every event's fields, its 64-bit integers as `bigint`. */
export type MeritEvents = Native<IdlEvents<Merit>>;
export type MeritEventName = keyof MeritEvents;

/** A decoded program event. */
export interface MeritEvent {
  name: string;
  data: Record<string, unknown>;
}

// The same camelCase field names `Program<Merit>` uses.
const coder = new BorshCoder(convertIdlToCamelCase(IDL));

/** Decodes one event from the base64 payload of a `Program data:` log line. */
export function decodeEvent(base64: string): MeritEvent | null {
  const event = coder.events.decode(base64);
  return event ? { name: event.name, data: toNative(event.data as Record<string, unknown>) } : null;
}

/** Every Merit event emitted in a transaction, from its log messages. */
export function parseEvents(logs: string[]): MeritEvent[] {
  const parser = new EventParser(MERIT_PROGRAM_ID, coder);
  const out: MeritEvent[] = [];
  for (const event of parser.parseLogs(logs)) {
    out.push({ name: event.name, data: toNative(event.data as Record<string, unknown>) });
  }
  return out;
}
