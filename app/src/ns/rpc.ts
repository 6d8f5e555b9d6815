// `rpc`: talking to a cluster: the clock, packing and sending, wallet signers.
export { clockOffsetSecs, clusterNow } from "../clock.js";
export {
  PACKET_DATA_SIZE,
  budgetInstructions,
  keypairSigner,
  packInstructions,
  sendInstructions,
  sendPacked,
  transactionSize,
  type SendOptions,
  type WalletSigner,
} from "../send.js";
