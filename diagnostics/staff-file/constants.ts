/**
 * Limits and regulatory constants of the staff-file import (one anonymised row per employee).
 * Limits are project choices sized for the largest structures we serve (a few thousand people a year).
 */

/** Largest accepted file, in bytes (10 Mo). Project choice: a 50,000-row CSV is about 4 Mo. */
export const STAFF_FILE_MAX_BYTES = 10 * 1024 * 1024;

/** Largest accepted number of data rows (header excluded). Project choice, far above any SIAE, EA or ESAT. */
export const STAFF_FILE_MAX_ROWS = 50_000;

/** At most this many errors are returned; the total is given alongside. Project choice (readable list). */
export const STAFF_FILE_MAX_ERRORS = 200;

/**
 * Largest total uncompressed size of the parts of an .xlsx file, in bytes (guards against « zip bombs »).
 * Project choice: 10 times the file limit.
 */
export const STAFF_FILE_MAX_UNCOMPRESSED_BYTES = 10 * STAFF_FILE_MAX_BYTES;

/** Legal full-time weekly hours, used to turn « 26 h » into a time share (Code du travail L3121-27). */
export const LEGAL_WEEKLY_HOURS = 35;

/** Months of presence assumed when the column is absent or the cell empty: the whole reference year. */
export const DEFAULT_MONTHS_PRESENT = 12;

/** Months in the reference period (INDEX-RULES.md §2: 12-month reference period). */
export const MONTHS_IN_PERIOD = 12;

/**
 * Only people present at least this many months (inclusive) of the 12-month period count in the index:
 * people absent more than 6 months are excluded (INDEX-RULES.md §2; DOMAIN.md §3, décret 2019-15).
 */
export const INDEX_MIN_MONTHS_PRESENT = 6;

/**
 * Plausible ages, in years, at the reference date. 14: youngest age for a holiday job (Code du travail
 * L4153-1 and following; article numbers unconfirmed); 100: project plausibility bound that catches typing errors.
 */
export const STAFF_MIN_AGE = 14;
export const STAFF_MAX_AGE = 100;

/** Longest job label or coefficient kept, in characters (project choice). */
export const STAFF_LABEL_MAX_LENGTH = 120;

/**
 * Longest contractual week accepted, in hours: the absolute weekly maximum of working time
 * (Code du travail L3121-20).
 */
export const MAX_WEEKLY_HOURS = 48;

/** Longest seniority accepted, in years (project plausibility bound, as STAFF_MAX_AGE). */
export const MAX_SENIORITY_YEARS = 60;

/**
 * Base pay plus variable pay may exceed the annual gross pay by this many euros (rounding of each
 * amount to the cent or the euro in payroll exports). Project choice.
 */
export const PAY_PARTS_TOLERANCE_EUROS = 1;
