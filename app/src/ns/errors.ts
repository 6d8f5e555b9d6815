// `errors`: every way a refusal is named (Merit's, Anchor's, SPL Token's, System's).
export { MERIT_ERRORS, meritError, parseMeritError, type MeritErrorInfo } from "../errors.js";
export {
  MeritError,
  MeritErrorCode,
  describeError,
  toMeritError,
  type ErrorSource,
  type MeritErrorName,
} from "../send.js";
export { NotMeritAccountError } from "../accounts.js";
