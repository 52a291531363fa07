/**
 * Readers of one cell of a staff file, written the French way. Each returns the value or a French
 * message fragment (without the « Ligne …, colonne … » prefix). Pure functions, never throw.
 */
import type { IndexAgeBand, IndexCsp } from "../index/types.ts";
import type { Population } from "../types.ts";
import { MONTHS_IN_PERIOD, STAFF_MAX_AGE, STAFF_MIN_AGE } from "./constants.ts";
import type { Sex } from "./schema.ts";

const NBSP = "\u00a0";

/** A cell as read from a CSV (string) or an .xlsx sheet (string, number, boolean, Date). */
export type RawCell = string | number | boolean | Date | null | undefined;

export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = <T>(message: string): CellResult<T> => ({ ok: false, message });

/** « texte » between French quotes with no-break spaces. */
export function quote(text: string): string {
  return `«${NBSP}${text}${NBSP}»`;
}

const MAX_ECHO = 40;

/** The cell as shown back in a message: trimmed, control characters removed, at most 40 characters. */
export function echo(cell: RawCell): string {
  let s = cellText(cell).replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").trim();
  if (s.length > MAX_ECHO) s = `${s.slice(0, MAX_ECHO - 1)}…`;
  return s;
}

/** The cell as trimmed text ("" when empty). Numbers are written with a point. */
export function cellText(cell: RawCell): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

const ONLY_SPACES = /^[\s\u00a0\u202f]*$/;

/** True when the cell holds nothing but spaces. Called on every cell: tests strings without copying them. */
export function isEmptyCell(cell: RawCell): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === "string") return ONLY_SPACES.test(cell);
  return cellText(cell) === "";
}

/** Accents removed, lower case, ligatures spelt out: the common first step of normalizeText. */
function foldText(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae");
}

/** Inclusive endings after a word of 3 letters or more: « employé·e·s », « employé(e)s », « promu·e », « agent.e ». */
const INCLUSIVE_PLURAL = /([a-z]{3,})[·•.(]+(e|ne|le|se|ere|euse|rice)[·•.)]*s(?![a-z])/g;
const INCLUSIVE_SINGULAR = /([a-z]{3,})[·•.(]+(e|ne|le|se|ere|euse|rice)\)?(?![a-z])/g;
const INCLUSIVE_ANY = /[a-z]{3,}[·•.(]+(e|ne|le|se|ere|euse|rice)(?![a-z])/;

function normalizeUncached(text: string): string {
  return (
    foldText(text)
      // Inclusive writing: « employé·e·s », « employé(e)s » → « employes », « promu·e » → « promu ».
      .replace(INCLUSIVE_PLURAL, "$1s")
      .replace(INCLUSIVE_SINGULAR, "$1")
      .replace(/[^a-z0-9]+/g, " ")
      .trim()
  );
}

/**
 * Memo of normalizeText: a staff file repeats the same few values (« F », « oui », « parcours »,
 * a few dozen job titles) on every row. Bounded: emptied when full, and long texts are not kept.
 * Project choices: 10,000 entries of at most 200 characters (a few megabytes at worst).
 */
const NORMALIZED = new Map<string, string>();
const NORMALIZED_MAX_ENTRIES = 10_000;
const NORMALIZED_MAX_LENGTH = 200;

/** Lower case, accents removed, anything but letters and digits turned into single spaces. */
export function normalizeText(text: string): string {
  let normalized = NORMALIZED.get(text);
  if (normalized !== undefined) return normalized;
  normalized = normalizeUncached(text);
  if (text.length <= NORMALIZED_MAX_LENGTH) {
    if (NORMALIZED.size >= NORMALIZED_MAX_ENTRIES) NORMALIZED.clear();
    NORMALIZED.set(text, normalized);
  }
  return normalized;
}

/** True when the text uses an inclusive ending that normalizeText folds (« agent·e », « employé(e)s »). */
export function hasInclusiveEnding(text: string): boolean {
  return INCLUSIVE_ANY.test(foldText(text));
}

function unexpected<T>(cell: RawCell, expected: string): CellResult<T> {
  return fail(`valeur ${quote(echo(cell))} non reconnue, attendu ${expected}`);
}

function missing<T>(expected: string): CellResult<T> {
  return fail(`valeur manquante, attendu ${expected}`);
}

// ---------------------------------------------------------------------------------------------
// Numbers

const SPACES = /[\s\u00a0\u202f]/;

/**
 * A number written the French way: decimal comma (or point), thousands separated by spaces
 * (U+0020, U+00A0, U+202F) or, when `thousandsDot`, by a point followed by 3 digits (« 1.234,50 »);
 * an optional « € » / « EUR » / « euros ». Returns null when the text is not such a number.
 */
export function parseFrenchNumber(text: string, options: { thousandsDot?: boolean } = {}): number | null {
  let s = text.trim().replace(/€/g, "").replace(/\s*(eur|euros?)$/i, "").trim();
  if (s === "") return null;
  if (SPACES.test(s)) {
    // Spaces only as thousands separators: 1 to 3 digits, then groups of exactly 3.
    if (!/^[+-]?\d{1,3}([\s\u00a0\u202f]\d{3})+([.,]\d+)?$/.test(s)) return null;
    s = s.replace(/[\s\u00a0\u202f]/g, "");
  }
  const sign = s.startsWith("-") ? -1 : 1;
  s = s.replace(/^[+-]/, "");
  let normalized: string | null = null;
  if (/^\d+$/.test(s)) normalized = s;
  else if (/^\d+,\d+$/.test(s)) normalized = s.replace(",", ".");
  else if (options.thousandsDot && /^[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/.test(s)) normalized = s.replace(/\./g, "").replace(",", ".");
  else if (/^\d+\.\d+$/.test(s)) normalized = s;
  else if (/^[1-9]\d{0,2}(,\d{3})+\.\d+$/.test(s)) normalized = s.replace(/,/g, ""); // « 1,234.50 » (English export)
  if (normalized === null) return null;
  const n = sign * Number(normalized);
  return Number.isFinite(n) ? n : null;
}

function numberCell(cell: RawCell, thousandsDot: boolean): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== "string") return null;
  return parseFrenchNumber(cell, { thousandsDot });
}

/** Annual gross pay in euros (≥ 0), « 1 234,50 € » accepted. */
export function readPay(cell: RawCell): CellResult<number> {
  const expected = "un montant annuel brut en euros (par exemple 18 500,00)";
  if (isEmptyCell(cell)) return missing(expected);
  const n = numberCell(cell, true);
  if (n === null) return unexpected(cell, expected);
  if (n < 0) return fail(`montant négatif ${quote(echo(cell))}, attendu ${expected}`);
  return ok(n);
}

/** An optional annual amount in euros (≥ 0): empty → `whenEmpty` (0 for variable pay: none received). */
export function readOptionalPay(cell: RawCell, whenEmpty: number | null): CellResult<number | null> {
  if (isEmptyCell(cell)) return ok(whenEmpty);
  return readPay(cell);
}

/** Contractual weekly hours in ]0, maxHours]: « 26 », « 26 h », « 24,5 heures »; empty → null (not given). */
export function readWeeklyHours(cell: RawCell, maxHours: number): CellResult<number | null> {
  if (isEmptyCell(cell)) return ok(null);
  const expected = `un nombre d'heures par semaine entre 0 et ${maxHours}${NBSP}h (par exemple 26 ou 24,5${NBSP}h)`;
  const text = typeof cell === "string" ? cell.trim().replace(/\s*(h|heures?)(\s*(par\s*semaine|hebdo(madaires?)?|\/\s*semaine))?$/i, "") : cell;
  const n = numberCell(text, false);
  if (n === null) return unexpected(cell, expected);
  if (!(n > 0 && n <= maxHours)) return fail(`${quote(echo(cell))} hors limites, attendu ${expected} (0 exclu)`);
  return ok(n);
}

/** Seniority in years in [0, maxYears]: « 4 », « 4,5 ans »; empty → null (not given). */
export function readSeniority(cell: RawCell, maxYears: number): CellResult<number | null> {
  if (isEmptyCell(cell)) return ok(null);
  const expected = `un nombre d'années entre 0 et ${maxYears} (par exemple 4 ou 2,5${NBSP}ans)`;
  const text = typeof cell === "string" ? cell.trim().replace(/\s*(ans?|années?)$/i, "") : cell;
  const n = numberCell(text, false);
  if (n === null) return unexpected(cell, expected);
  if (!(n >= 0 && n <= maxYears)) return fail(`${quote(echo(cell))} hors limites, attendu ${expected}`);
  return ok(n);
}

/** Months of presence in ]0, 12]; empty → `defaultMonths`. « 12 mois » accepted. */
export function readMonths(cell: RawCell, defaultMonths: number): CellResult<number> {
  if (isEmptyCell(cell)) return ok(defaultMonths);
  const expected = `un nombre de mois entre 0 et ${MONTHS_IN_PERIOD}`;
  const text = typeof cell === "string" ? cell.replace(/\s*mois\s*$/i, "") : cell;
  const n = numberCell(text, false);
  if (n === null) return unexpected(cell, expected);
  if (!(n > 0 && n <= MONTHS_IN_PERIOD)) return fail(`${quote(echo(cell))} hors limites, attendu ${expected} (0 exclu)`);
  return ok(n);
}

const FULL_TIME_WORDS = new Set(["temps plein", "plein", "temps complet", "complet", "tp", "tc"]);

/**
 * Working time as a share of full time in ]0, 1]: « 80 % », « 80 », « 0,8 », « temps plein », or
 * weekly hours « 26 h » divided by `fullTimeHours`. A bare number ≤ 1 is a share, above 1 a percentage.
 */
export function readTimeShare(cell: RawCell, fullTimeHours: number): CellResult<number> {
  const expected = `un pourcentage (80${NBSP}%), une part (0,8) ou des heures par semaine (28${NBSP}h)`;
  if (isEmptyCell(cell)) return missing(expected);
  if (typeof cell === "number") return shareFromNumber(cell, cell, expected);
  if (typeof cell !== "string") return unexpected(cell, expected);
  const text = cell.trim();
  if (FULL_TIME_WORDS.has(normalizeText(text))) return ok(1);
  const pct = /^(.*?)\s*%$/.exec(text);
  if (pct) {
    const n = parseFrenchNumber(pct[1]);
    if (n === null) return unexpected(cell, expected);
    return shareInRange(n / 100, cell, expected);
  }
  const hours = /^(.*?)\s*(h|heures?|h\s*(par\s*semaine|hebdo(madaires?)?|\/\s*semaine))$/i.exec(text);
  if (hours) {
    const n = parseFrenchNumber(hours[1]);
    if (n === null) return unexpected(cell, expected);
    if (n > fullTimeHours) {
      return fail(`${quote(echo(cell))} dépasse la durée du temps plein (${fullTimeHours}${NBSP}h), indiquez un pourcentage`);
    }
    return shareInRange(n / fullTimeHours, cell, expected);
  }
  const n = parseFrenchNumber(text);
  if (n === null) return unexpected(cell, expected);
  return shareFromNumber(n, cell, expected);
}

function shareFromNumber(n: number, cell: RawCell, expected: string): CellResult<number> {
  return shareInRange(n > 1 ? n / 100 : n, cell, expected);
}

function shareInRange(share: number, cell: RawCell, expected: string): CellResult<number> {
  if (!(share > 0 && share <= 1) || !Number.isFinite(share)) {
    return fail(`${quote(echo(cell))} hors limites, attendu ${expected}, entre 0 et 100${NBSP}% (0 exclu)`);
  }
  return ok(share);
}

// ---------------------------------------------------------------------------------------------
// Categories

const SEX_VALUES: Record<string, Sex> = {
  f: "F",
  femme: "F",
  femmes: "F",
  feminin: "F",
  "2": "F",
  mme: "F",
  madame: "F",
  mlle: "F",
  h: "H",
  m: "H",
  homme: "H",
  hommes: "H",
  masculin: "H",
  "1": "H",
  monsieur: "H",
  mr: "H",
};

/** Sex: F / H, femme / homme, féminin / masculin, 2 / 1 (INSEE code), f / m. */
export function readSex(cell: RawCell): CellResult<Sex> {
  const expected = "F ou H";
  if (isEmptyCell(cell)) return missing(expected);
  const v = SEX_VALUES[normalizeText(cellText(cell))];
  return v ? ok(v) : unexpected(cell, expected);
}

const PERMANENT_WORDS = /^(salaries? |personnel |salariees? )?permanent(e|s|es)?$|^perm$|^encadrement$|^droit commun$/;
const PARCOURS_WORDS =
  /(parcours|insertion|cddi|rqth|handicap|accompagne|usager|alternan|en contrat aide|travailleur d esat|beneficiaire)/;

/**
 * Population: permanent, or parcours (« insertion », « CDDI », « salarié en parcours », « RQTH »,
 * « travailleur accompagné », « alternant »…).
 */
export function readPopulation(cell: RawCell): CellResult<Population> {
  const expected = "permanent ou parcours";
  if (isEmptyCell(cell)) return missing(expected);
  const t = normalizeText(cellText(cell));
  if (PERMANENT_WORDS.test(t)) return ok("permanent");
  if (PARCOURS_WORDS.test(t)) return ok("parcours");
  return unexpected(cell, expected);
}

const CSP_PATTERNS: [RegExp, IndexCsp][] = [
  [/^(ouv|o|ouvriers?|ouvrieres?|ouvriers? (non )?qualifies?|ouvrieres? (non )?qualifiees?)$/, "ouvriers"],
  [/^(emp|e|employes?|employees?|employes? (non )?qualifies?|employees? (non )?qualifiees?)$/, "employes"],
  [
    /^(tam|etam|t|techniciens?|techniciennes?|agents? de maitrise|techniciens? et agents? de maitrise|techniciens? agents? de maitrise|techniciens? ou agents? de maitrise|maitrise|professions? intermediaires?)$/,
    "techniciens_agents_maitrise",
  ],
  [/^(ic|c|cadres?|ingenieurs?|ingenieures?|ingenieurs? et cadres?|ingenieurs? cadres?|ingenieurs? ou cadres?|cadres? dirigeants?)$/, "ingenieurs_cadres"],
];

/** CSP: ouvrier(s), employé(s), technicien / agent de maîtrise / TAM, ingénieur / cadre (and short forms). */
export function readCsp(cell: RawCell): CellResult<IndexCsp> {
  const expected = "ouvrier, employé, technicien ou agent de maîtrise (TAM), ingénieur ou cadre";
  if (isEmptyCell(cell)) return missing(expected);
  const t = normalizeText(cellText(cell));
  for (const [re, csp] of CSP_PATTERNS) if (re.test(t)) return ok(csp);
  return unexpected(cell, expected);
}

/** Age band of an age in whole years (INDEX-RULES.md §2: under 30, 30–39, 40–49, 50 and over). */
export function ageBandOf(age: number): IndexAgeBand {
  if (age < 30) return "<30";
  if (age < 40) return "30-39";
  if (age < 50) return "40-49";
  return "50+";
}

const BAND_BOUNDS: Record<IndexAgeBand, [number, number]> = {
  "<30": [0, 29],
  "30-39": [30, 39],
  "40-49": [40, 49],
  "50+": [50, Number.POSITIVE_INFINITY],
};

/**
 * Age band from an age (« 34 », « 34 ans ») or a band (« <30 », « moins de 30 ans », « 30-39 »,
 * « 30 à 39 ans », « de 40 à 49 ans », « 50+ », « 50 ans et plus »). A range must fit in one band.
 */
export function readAge(cell: RawCell): CellResult<IndexAgeBand> {
  const expected = "un âge en années ou une tranche (<30, 30-39, 40-49, 50+)";
  if (isEmptyCell(cell)) return missing(expected);
  if (typeof cell === "number") return ageInRange(cell, cell);
  const raw = cellText(cell);
  const compact = raw.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[\s\u00a0\u202f]+/g, "").replace(/ans?$/, "");
  if (/^(<|-|-de|moinsde|inferieura)30$/.test(compact) || /^(<=|≤)29$/.test(compact)) return ok("<30");
  if (/^(50\+|\+50|>=50|≥50|>49|\+de50|plusde50|50ans?(et|ou)plus|50(et|ou)plus|50ans?\+)$/.test(compact)) return ok("50+");
  const range = /^(?:de|entre)?(\d{1,3})(?:ans?)?(?:-|–|—|a|à|et|\/)(\d{1,3})$/.exec(compact);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    const band = ageBandOf(from);
    if (from <= to && to <= BAND_BOUNDS[band][1]) return ok(band);
    return fail(`tranche ${quote(echo(cell))} à cheval sur plusieurs tranches, attendu <30, 30-39, 40-49 ou 50+`);
  }
  const age = parseFrenchNumber(compact);
  if (age !== null) return ageInRange(age, cell);
  return unexpected(cell, expected);
}

function ageInRange(age: number, cell: RawCell): CellResult<IndexAgeBand> {
  if (!(age >= STAFF_MIN_AGE && age <= STAFF_MAX_AGE)) {
    return fail(`âge ${quote(echo(cell))} hors limites, attendu entre ${STAFF_MIN_AGE} et ${STAFF_MAX_AGE} ans`);
  }
  return ok(ageBandOf(Math.floor(age)));
}

// ---------------------------------------------------------------------------------------------
// Birth dates (converted to an age band, never kept)

/** A calendar date as UTC year, month (1–12), day. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function validDate(year: number, month: number, day: number): CalendarDate | null {
  if (month < 1 || month > 12 || day < 1 || year < 1800 || year > 2200) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** Days between 1899-12-30 and 1970-01-01: the offset of Excel serial dates (1900 date system). */
const EXCEL_EPOCH_OFFSET_DAYS = 25569;
const MS_PER_DAY = 86_400_000;

/**
 * A date from « jj/mm/aaaa » (also with « . » or « - »), « aaaa-mm-jj », a Date cell, or an Excel
 * serial number; null when it is not a real calendar date.
 */
export function parseCalendarDate(cell: RawCell): CalendarDate | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    return validDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === "number") {
    if (!Number.isInteger(cell) || cell < 1 || cell > 2_958_465) return null;
    const d = new Date((cell - EXCEL_EPOCH_OFFSET_DAYS) * MS_PER_DAY);
    return validDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  if (typeof cell !== "string") return null;
  const s = cell.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return validDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(s);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/** Whole years between `birth` and `at` (0 or more); negative when born after `at`. */
export function ageAt(birth: CalendarDate, at: CalendarDate): number {
  const beforeBirthday = at.month < birth.month || (at.month === birth.month && at.day < birth.day);
  return at.year - birth.year - (beforeBirthday ? 1 : 0);
}

/** Age band at `reference` from a birth date; the date itself is never returned nor echoed. */
export function readBirthDate(cell: RawCell, reference: CalendarDate): CellResult<IndexAgeBand> {
  const expected = "une date au format jj/mm/aaaa";
  if (isEmptyCell(cell)) return missing(expected);
  const birth = parseCalendarDate(cell);
  if (!birth) return fail(`date non reconnue, attendu ${expected}`);
  const age = ageAt(birth, reference);
  if (age < STAFF_MIN_AGE || age > STAFF_MAX_AGE) {
    return fail(`âge calculé hors limites (${STAFF_MIN_AGE} à ${STAFF_MAX_AGE} ans à la date de référence), vérifiez la date`);
  }
  return ok(ageBandOf(age));
}

// ---------------------------------------------------------------------------------------------
// Yes / no and free text

const YES = new Set(["oui", "o", "yes", "y", "1", "x", "vrai", "true"]);
const NO = new Set(["non", "n", "no", "0", "faux", "false"]);

/** Oui / non (also o / n, 1 / 0, x / empty, vrai / faux); an empty cell means non. */
export function readYesNo(cell: RawCell): CellResult<boolean> {
  if (typeof cell === "boolean") return ok(cell);
  if (isEmptyCell(cell)) return ok(false);
  const t = normalizeText(cellText(cell));
  if (YES.has(t)) return ok(true);
  if (NO.has(t) || /^[-–—]$/.test(cellText(cell))) return ok(false);
  return unexpected(cell, "oui ou non");
}

/** Like readYesNo, but an empty cell means « not said » (null). */
export function readOptionalYesNo(cell: RawCell): CellResult<boolean | null> {
  if (isEmptyCell(cell)) return ok(null);
  return readYesNo(cell);
}

/** Free text with spaces collapsed; empty → "" (a missing value is reported by the schema). */
export function readLabel(cell: RawCell): CellResult<string> {
  return ok(cellText(cell).replace(/[\s\u00a0\u202f]+/g, " ").trim());
}

/** Optional free text: empty → null. Numbers are kept as written with a point (« 170 », « 2.1 »). */
export function readOptionalLabel(cell: RawCell): CellResult<string | null> {
  const s = cellText(cell).replace(/[\s\u00a0\u202f]+/g, " ").trim();
  return ok(s === "" ? null : s);
}
