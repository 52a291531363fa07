/**
 * Calendar helpers on ISO dates (« AAAA-MM-JJ »), computed in UTC day numbers so that time zones and
 * daylight saving never shift a day.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

/** True for leap years of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Year, month (1–12) and day of a valid ISO date; null when the text is not an existing date. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function toIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function parseOrThrow(text: string): { year: number; month: number; day: number } {
  const parsed = parseIsoDate(text);
  if (!parsed) throw new Error(`Invalid ISO date: ${text}`);
  return parsed;
}

/** Days since 1970-01-01 of a valid ISO date (throws on an invalid one). */
export function dayNumber(text: string): number {
  const { year, month, day } = parseOrThrow(text);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** ISO date of a day number. */
export function fromDayNumber(days: number): string {
  const d = new Date(days * DAY_MS);
  return toIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** `text` shifted by `days` days (negative to go back). */
export function addDays(text: string, days: number): string {
  return fromDayNumber(dayNumber(text) + days);
}

/** Same day `years` years later; 29 February becomes 1 March in a non-leap year. */
export function addYears(text: string, years: number): string {
  const { year, month, day } = parseOrThrow(text);
  const target = year + years;
  if (month === 2 && day === 29 && !isLeapYear(target)) return toIso(target, 3, 1);
  return toIso(target, month, day);
}

/** Same day `months` months later, or the last day of that month when it is shorter (31 janvier + 1 mois = 28 ou 29 février). */
export function addMonths(text: string, months: number): string {
  const { year, month, day } = parseOrThrow(text);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return toIso(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/**
 * Last day of a term of `years` years starting on `start` (both days included):
 * 2026-01-01 → 2026-12-31 for one year; 2028-02-29 → 2029-02-28.
 */
export function lastDayOfTerm(start: string, years: number): string {
  return addDays(addYears(start, years), -1);
}

/** Number of days from `start` to `end`, both included (1 when they are equal). */
export function inclusiveDays(start: string, end: string): number {
  return dayNumber(end) - dayNumber(start) + 1;
}

/** « 1er janvier 2026 », « 22 novembre 2026 » (UX.md date style). */
export function formatFrenchDate(text: string): string {
  const { year, month, day } = parseOrThrow(text);
  return `${day === 1 ? "1er" : day}\u00a0${MONTHS[month - 1]} ${year}`;
}
