/**
 * Public API of the Index de l'égalité professionnelle estimate (2019 regime, official simulator rules).
 * Pure: no I/O, imports nothing from app/ or db/.
 */
export * from "./constants.ts";
export * from "./types.ts";
export {
  computeIndex,
  effectiveSizeBand,
  favouredSex,
  indexFromPoints,
  pointsFromTable,
  roundResult,
} from "./compute.ts";
export { indexObligation } from "./obligations.ts";
export { INDEX_INPUT_MESSAGES, IndexInputSchema, indexInputIssues, parseIndexInput, type IndexInputError, type IndexInputIssue } from "./validate.ts";
export { INDEX_AGE_BAND_LABELS, INDEX_CSP_LABELS } from "./format.ts";
