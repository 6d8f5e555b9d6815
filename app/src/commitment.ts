import { sha256 } from "@noble/hashes/sha256";
import type { PublicKey } from "@solana/web3.js";
import { DOMAINS } from "./constants.js";

const DOMAIN = DOMAINS.vote;
const SUBMISSION_DOMAIN = DOMAINS.submission;

/**
 * The vote commitment, identical to the program's `vote_commitment`:
 * sha256("merit:vote:v2" || round || validator || score || salt[32]). `round` is the
 * judging round's address (`pda.round(submission, index)`), which names its submission
 * too: a commitment is worthless in any other round, submission, or to anyone else.
 */
export function voteCommitment(
  round: PublicKey,
  validator: PublicKey,
  score: number,
  salt: Uint8Array,
): Uint8Array {
  if (!Number.isInteger(score) || score < 0 || score > 100) {
    throw new RangeError(`score must be an integer in 0..=100, got ${score}`);
  }
  if (salt.length !== 32) {
    throw new RangeError(`salt must be 32 bytes, got ${salt.length}`);
  }
  const message = new Uint8Array(DOMAIN.length + 32 + 32 + 1 + 32);
  message.set(DOMAIN, 0);
  message.set(round.toBytes(), DOMAIN.length);
  message.set(validator.toBytes(), DOMAIN.length + 32);
  message[DOMAIN.length + 64] = score;
  message.set(salt, DOMAIN.length + 65);
  return sha256(message);
}

/**
 * The submission commitment, identical to the program's:
 * sha256("merit:submission:v1" || task || contributor || contentHash[32] || salt[32]).
 */
export function submissionCommitment(
  task: PublicKey,
  contributor: PublicKey,
  contentHash: Uint8Array,
  salt: Uint8Array,
): Uint8Array {
  if (contentHash.length !== 32) {
    throw new RangeError(`contentHash must be 32 bytes, got ${contentHash.length}`);
  }
  if (salt.length !== 32) {
    throw new RangeError(`salt must be 32 bytes, got ${salt.length}`);
  }
  const d = SUBMISSION_DOMAIN.length;
  const message = new Uint8Array(d + 32 * 4);
  message.set(SUBMISSION_DOMAIN, 0);
  message.set(task.toBytes(), d);
  message.set(contributor.toBytes(), d + 32);
  message.set(contentHash, d + 64);
  message.set(salt, d + 96);
  return sha256(message);
}

/** 32 random bytes from the platform's CSPRNG. */
export function randomSalt(): Uint8Array {
  const salt = new Uint8Array(32);
  globalThis.crypto.getRandomValues(salt);
  return salt;
}
