import { SYSVAR_CLOCK_PUBKEY, type Connection } from "@solana/web3.js";

/**
 * The cluster's unix time, from the Clock sysvar: what the program compares deadlines with.
 * Clients decide "may this happen now" by it, never by the machine's clock (a local
 * validator often runs seconds behind wall time).
 */
export async function clusterNow(connection: Connection): Promise<number> {
  const clock = await connection.getAccountInfo(SYSVAR_CLOCK_PUBKEY);
  if (!clock) throw new Error("the cluster returned no clock sysvar");
  // Clock: slot, epoch_start_timestamp, epoch, leader_schedule_epoch, unix_timestamp.
  return Number(clock.data.readBigInt64LE(32));
}

/**
 * How far this machine's clock is ahead of the cluster's, in seconds (negative: behind).
 * For telling a user when wall-clock times would mislead them (the CLI says so from 2 s
 * on); no rule ever reads the machine's clock.
 */
export async function clockOffsetSecs(connection: Connection, machineNowMs = Date.now()): Promise<number> {
  return Math.floor(machineNowMs / 1000) - (await clusterNow(connection));
}
