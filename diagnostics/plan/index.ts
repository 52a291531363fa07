/** Action plan: catalogue, recommendations, plan schema and legal checks. */
export * from "./inputs.ts";
export * from "./thresholds.ts";
export * from "./types.ts";
export * from "./catalogue.ts";
export * from "./triggers.ts";
export * from "./baseline.ts";
export * from "./recommend.ts";
export * from "./schema.ts";
export * from "./check.ts";
export * from "./draft.ts";
export * from "./dates.ts";
