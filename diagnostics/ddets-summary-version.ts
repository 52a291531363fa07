/**
 * Version of the DDETS summary stored on each diagnostic (diagnostics/ddets-summary.ts). Bump it when
 * the summary's shape or rules change: stored summaries of another version are recomputed. The
 * database's `summary_stale` column is generated from it (db/schema.ts): bumping it needs a new
 * migration (`npm run db:generate`), which drizzle-kit writes from the schema.
 */
export const DIAGNOSTIC_SUMMARY_VERSION = 1;
