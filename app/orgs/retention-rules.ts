/**
 * The data retention rule, shared by the `retention` command (app/cli/retention.ts) and the privacy
 * page, so that what the page says is what the command does.
 */

/** Rate-limit counters older than a day count nothing any more (windows last 15 minutes to an hour). */
export const RATE_LIMIT_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * Audit entries: 3 years. The journal tells the owner who saw and exported the structure's data; a
 * structure whose Index is below 75 has 3 years to correct it (DOMAIN.md, décret 2019-15), the
 * longest span over which it follows its own measures and may want to know who accompanied it.
 */
export const AUDIT_RETENTION_YEARS = 3;

/**
 * Staff files: the reference year and the 3 following calendar years. The Index of year Y is
 * published by 1 March of Y+1 and a score below 75 must be corrected within 3 years (DOMAIN.md): a
 * structure may recompute or check it over that span. Past it, the per-employee rows serve nothing
 * the service shows, and the Index itself is kept as aggregated figures.
 */
export const STAFF_FILE_RETENTION_YEARS = 3;
