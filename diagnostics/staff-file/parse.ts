/**
 * Staff-file import, all or nothing: every row valid → the validated rows; any problem → the errors,
 * each with its file line, its column as written in the header and a French message, and no rows.
 */
import {
  DEFAULT_MONTHS_PRESENT,
  LEGAL_WEEKLY_HOURS,
  MAX_SENIORITY_YEARS,
  MAX_WEEKLY_HOURS,
  STAFF_FILE_MAX_BYTES,
  STAFF_FILE_MAX_ERRORS,
  STAFF_FILE_MAX_ROWS,
  STAFF_FILE_MAX_UNCOMPRESSED_BYTES,
} from "./constants.ts";
import {
  REQUIRED_STAFF_COLUMNS,
  STAFF_COLUMN_HEADERS,
  TRANSPARENCY_COLUMNS,
  forbiddenColumnKind,
  matchStaffColumn,
  type ForbiddenKind,
  type StaffColumn,
} from "./columns.ts";
import { parseCsv, readTable, type TableRow } from "./read.ts";
import { StaffRowSchema, type StaffRow, type StaffRowField } from "./schema.ts";
import {
  cellText,
  isEmptyCell,
  quote,
  readAge,
  readBirthDate,
  readCsp,
  readLabel,
  readMonths,
  readOptionalLabel,
  readOptionalPay,
  readOptionalYesNo,
  readPay,
  readSeniority,
  readWeeklyHours,
  readPopulation,
  readSex,
  readTimeShare,
  readYesNo,
  type CalendarDate,
  type CellResult,
  type RawCell,
} from "./values.ts";

const NBSP = "\u00a0";

/** A problem (or a remark) about the file: file line (header = 1) and header as written, when known. */
export interface StaffFileIssue {
  line: number | null;
  column: string | null;
  /** Complete French sentence, « Ligne 14, colonne « sexe » : … » included. */
  message: string;
}

export interface StaffFileOptions {
  /** Default STAFF_FILE_MAX_BYTES. */
  maxBytes?: number;
  /** Maximum data rows, header excluded. Default STAFF_FILE_MAX_ROWS. */
  maxRows?: number;
  /** Maximum errors returned. Default STAFF_FILE_MAX_ERRORS. */
  maxErrors?: number;
  /**
   * Last day of the reference period (« aaaa-mm-jj » or a Date, read in UTC), at which birth dates
   * become age bands. Default: 31 December of the year before today.
   */
  referenceDate?: string | Date;
  /** Weekly hours of a full-time job, to read « 26 h ». Default LEGAL_WEEKLY_HOURS (35). */
  fullTimeWeeklyHours?: number;
}

export type StaffFileResult =
  | { ok: true; rows: StaffRow[]; warnings: StaffFileIssue[]; format: "csv" | "xlsx" }
  | { ok: false; errors: StaffFileIssue[]; /** Total number of errors found (errors holds at most maxErrors). */ errorCount: number };

interface ResolvedOptions {
  maxBytes: number;
  maxRows: number;
  maxErrors: number;
  reference: CalendarDate;
  fullTimeWeeklyHours: number;
}

/** « 50 000 » with a no-break space as thousands separator. */
export function formatInteger(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** A file size in French units: « 850 octets », « 12,5 Ko », « 10 Mo ». */
export function formatFileSize(bytes: number): string {
  const unit = (value: number, name: string) =>
    `${Number.isInteger(value) ? String(value) : value.toFixed(1).replace(".", ",")}${NBSP}${name}`;
  if (bytes < 1024) return unit(bytes, "octets");
  if (bytes < 1024 * 1024) return unit(bytes / 1024, "Ko");
  return unit(bytes / (1024 * 1024), "Mo");
}

function formatDate(d: CalendarDate): string {
  return `${String(d.day).padStart(2, "0")}/${String(d.month).padStart(2, "0")}/${d.year}`;
}

export const STAFF_FILE_MESSAGES = {
  tooLarge: (size: number, max: number) =>
    `Le fichier pèse ${formatFileSize(size)}${NBSP}: la taille maximale est de ${formatFileSize(max)}. Supprimez les colonnes inutiles ou découpez-le.`,
  tooManyRows: (rows: number, max: number) =>
    `Le fichier contient ${formatInteger(rows)} lignes de données${NBSP}: le maximum est de ${formatInteger(max)}. Découpez-le en plusieurs fichiers.`,
  headerOnly: `Le fichier ne contient que la ligne d'en-tête${NBSP}: aucune personne à importer.`,
  noKnownColumn: (line: number) =>
    `Ligne ${line}${NBSP}: aucune colonne reconnue. La première ligne doit contenir les intitulés des colonnes (${[
      "sex",
      "job",
      "population",
      "csp",
      "age",
      "timeShare",
      "annualGrossPay",
    ]
      .map((c) => quote(STAFF_COLUMN_HEADERS[c as StaffColumn]))
      .join(", ")}…).`,
  missingColumn: (line: number, column: StaffColumn) =>
    `Ligne ${line}${NBSP}: colonne obligatoire ${quote(STAFF_COLUMN_HEADERS[column])} introuvable dans l'en-tête.`,
  missingAge: (line: number) =>
    `Ligne ${line}${NBSP}: colonne obligatoire ${quote(STAFF_COLUMN_HEADERS.age)} (ou ${quote("Âge")} ou ${quote(
      STAFF_COLUMN_HEADERS.birthDate,
    )}) introuvable dans l'en-tête.`,
  duplicateColumn: (line: number, header: string, first: string) =>
    `Ligne ${line}, colonne ${quote(header)}${NBSP}: cette colonne désigne la même donnée que la colonne ${quote(first)}, gardez-en une seule.`,
  forbidden: (line: number, header: string, kind: ForbiddenKind) => {
    const what = {
      name: "des noms ou prénoms",
      nir: "des numéros de sécurité sociale (NIR)",
      contact: "des coordonnées personnelles",
    }[kind];
    return `Ligne ${line}, colonne ${quote(header)}${NBSP}: cette colonne contient ${what}. Supprimez-la avant l'import, le fichier doit être anonymisé.`;
  },
  extraCells: (line: number, values: number, columns: number) =>
    `Ligne ${line}${NBSP}: ${values} valeurs pour ${columns} colonnes d'en-tête. Si le séparateur est la virgule, mettez les nombres à virgule entre guillemets, ou enregistrez le fichier avec le point-virgule comme séparateur.`,
  cell: (line: number, header: string, detail: string) => `Ligne ${line}, colonne ${quote(header)}${NBSP}: ${detail}.`,
  ignoredColumn: (line: number, header: string) => `Ligne ${line}, colonne ${quote(header)}${NBSP}: colonne non reconnue, ignorée.`,
  birthDatesConverted: (date: CalendarDate) =>
    `Les dates de naissance ont servi à calculer la tranche d'âge au ${formatDate(date)}, puis ont été supprimées${NBSP}: elles ne sont pas conservées.`,
  birthDatesUnused: `Les dates de naissance n'ont pas été utilisées (la colonne d'âge suffit) et ne sont pas conservées.`,
  monthsAbsent: `Colonne ${quote(STAFF_COLUMN_HEADERS.monthsPresent)} absente${NBSP}: chaque personne est comptée présente ${DEFAULT_MONTHS_PRESENT} mois.`,
  optionalAbsent: (column: StaffColumn, consequence: string) =>
    `Colonne ${quote(STAFF_COLUMN_HEADERS[column])} absente${NBSP}: ${consequence}.`,
  payPartsAbsent: `Colonnes ${quote(STAFF_COLUMN_HEADERS.basePay)} et ${quote(STAFF_COLUMN_HEADERS.variablePay)} absentes${NBSP}: les indicateurs de transparence salariale 2027 sur les primes et compléments ne pourront pas être calculés.`,
  unexpected: "Le fichier n'a pas pu être lu à la suite d'une erreur inattendue. Exportez-le de nouveau ou essayez le format CSV.",
  summary: (count: number, shown: number) =>
    count <= shown
      ? `${formatInteger(count)} erreur${count > 1 ? "s" : ""} trouvée${count > 1 ? "s" : ""}${NBSP}: aucune ligne n'a été importée. Corrigez le fichier puis importez-le de nouveau.`
      : `${formatInteger(count)} erreurs trouvées, les ${formatInteger(shown)} premières sont affichées${NBSP}: aucune ligne n'a été importée. Corrigez le fichier puis importez-le de nouveau.`,
} as const;

const OPTIONAL_CONSEQUENCES: Partial<Record<StaffColumn, string>> = {
  raised: "l'indicateur des augmentations ne pourra pas être estimé",
  promoted: "l'indicateur des promotions ne pourra pas être estimé",
  maternityReturn: "l'indicateur des retours de congé maternité ne pourra pas être estimé",
};

/** French sentence summing up a failed import (« 3 erreurs trouvées : aucune ligne n'a été importée… »). */
export function staffFileErrorSummary(result: { errors: readonly StaffFileIssue[]; errorCount: number }): string {
  return STAFF_FILE_MESSAGES.summary(result.errorCount, result.errors.length);
}

function toCalendarDate(value: string | Date): CalendarDate {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError("referenceDate is an invalid Date");
    return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.getUTCDate() !== Number(m[3]) || d.getUTCMonth() !== Number(m[2]) - 1) {
    throw new RangeError(`referenceDate must be a real date written YYYY-MM-DD, got ${value}`);
  }
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function resolveOptions(options: StaffFileOptions): ResolvedOptions {
  const positive = (name: string, v: number | undefined, fallback: number) => {
    const value = v ?? fallback;
    if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be a positive number`);
    return value;
  };
  return {
    maxBytes: positive("maxBytes", options.maxBytes, STAFF_FILE_MAX_BYTES),
    maxRows: positive("maxRows", options.maxRows, STAFF_FILE_MAX_ROWS),
    maxErrors: positive("maxErrors", options.maxErrors, STAFF_FILE_MAX_ERRORS),
    fullTimeWeeklyHours: positive("fullTimeWeeklyHours", options.fullTimeWeeklyHours, LEGAL_WEEKLY_HOURS),
    reference: options.referenceDate
      ? toCalendarDate(options.referenceDate)
      : { year: new Date().getUTCFullYear() - 1, month: 12, day: 31 },
  };
}

/** A list of issues that keeps the first `max` and counts the rest. */
class IssueList {
  readonly items: StaffFileIssue[] = [];
  count = 0;
  constructor(private readonly max: number) {}
  add(line: number | null, column: string | null, message: string): void {
    this.count++;
    if (this.items.length < this.max) this.items.push({ line, column, message });
  }
  failure(): StaffFileResult {
    return { ok: false, errors: this.items, errorCount: this.count };
  }
}

function fileError(message: string, line: number | null = null): StaffFileResult {
  return { ok: false, errors: [{ line, column: null, message }], errorCount: 1 };
}

/**
 * Parses a staff file (CSV separated by « ; », « , » or tab, or the first sheet of an .xlsx) into
 * validated rows, all or nothing; resolves to the errors (French, with line and column) when any
 * row or column is invalid. Never rejects for a bad file; throws only on invalid options.
 */
export async function parseStaffFile(bytes: Uint8Array, fileName: string, options: StaffFileOptions = {}): Promise<StaffFileResult> {
  const resolved = resolveOptions(options);
  try {
    if (!(bytes instanceof Uint8Array)) return fileError(STAFF_FILE_MESSAGES.unexpected);
    if (bytes.length > resolved.maxBytes) return fileError(STAFF_FILE_MESSAGES.tooLarge(bytes.length, resolved.maxBytes));
    const table = await readTable(bytes, fileName, { maxUncompressedBytes: STAFF_FILE_MAX_UNCOMPRESSED_BYTES });
    if (!table.ok) return fileError(table.message, table.line ?? null);
    return parseTable(table.rows, table.format, table.notes, resolved);
  } catch {
    return fileError(STAFF_FILE_MESSAGES.unexpected);
  }
}

/** Same as parseStaffFile for CSV text already decoded (e.g. pasted into a form); synchronous. */
export function parseStaffCsvText(text: string, options: StaffFileOptions = {}): StaffFileResult {
  const resolved = resolveOptions(options);
  const parsed = parseCsv(text);
  if (!parsed.ok) return fileError(parsed.message, parsed.line ?? null);
  return parseTable(parsed.rows, "csv", [], resolved);
}

/** Validates rows of cells (first row = header) already read from a file; synchronous, all or nothing. */
export function parseStaffTable(rows: readonly TableRow[], options: StaffFileOptions = {}, format: "csv" | "xlsx" = "xlsx"): StaffFileResult {
  return parseTable(rows, format, [], resolveOptions(options));
}

type TransparencyField = (typeof TRANSPARENCY_COLUMNS)[number];

interface MappedColumn {
  index: number;
  header: string;
}

function parseTable(rows: readonly TableRow[], format: "csv" | "xlsx", notes: string[], options: ResolvedOptions): StaffFileResult {
  const warnings: StaffFileIssue[] = notes.map((message) => ({ line: null, column: null, message }));
  const errors = new IssueList(options.maxErrors);
  const header = rows[0];
  if (!header) return fileError("Le fichier est vide.");
  const headerLine = header.line;

  // Header.
  const mapped = new Map<StaffColumn, MappedColumn>();
  for (let index = 0; index < header.cells.length; index++) {
    const text = cellText(header.cells[index]);
    if (text === "") continue;
    const forbidden = forbiddenColumnKind(text);
    if (forbidden) {
      errors.add(headerLine, text, STAFF_FILE_MESSAGES.forbidden(headerLine, text, forbidden));
      continue;
    }
    const column = matchStaffColumn(text);
    if (column === null) {
      warnings.push({ line: headerLine, column: text, message: STAFF_FILE_MESSAGES.ignoredColumn(headerLine, text) });
      continue;
    }
    const first = mapped.get(column);
    if (first) {
      errors.add(headerLine, text, STAFF_FILE_MESSAGES.duplicateColumn(headerLine, text, first.header));
      continue;
    }
    mapped.set(column, { index, header: text });
  }
  if (mapped.size === 0 && errors.count === 0) return fileError(STAFF_FILE_MESSAGES.noKnownColumn(headerLine), headerLine);
  for (const column of REQUIRED_STAFF_COLUMNS) {
    if (!mapped.has(column)) errors.add(headerLine, null, STAFF_FILE_MESSAGES.missingColumn(headerLine, column));
  }
  if (!mapped.has("age") && !mapped.has("birthDate")) errors.add(headerLine, null, STAFF_FILE_MESSAGES.missingAge(headerLine));
  if (errors.count > 0) return errors.failure();

  const data = rows.slice(1);
  if (data.length === 0) return fileError(STAFF_FILE_MESSAGES.headerOnly, headerLine);
  if (data.length > options.maxRows) return fileError(STAFF_FILE_MESSAGES.tooManyRows(data.length, options.maxRows));

  // Which column gives the age band: an age column wins over birth dates (which are never kept).
  const ageColumn: StaffColumn = mapped.has("age") ? "age" : "birthDate";
  if (mapped.has("birthDate")) {
    warnings.push({
      line: null,
      column: mapped.get("birthDate")!.header,
      message: ageColumn === "birthDate" ? STAFF_FILE_MESSAGES.birthDatesConverted(options.reference) : STAFF_FILE_MESSAGES.birthDatesUnused,
    });
  }
  if (!mapped.has("monthsPresent")) warnings.push({ line: null, column: null, message: STAFF_FILE_MESSAGES.monthsAbsent });
  for (const [column, consequence] of Object.entries(OPTIONAL_CONSEQUENCES) as [StaffColumn, string][]) {
    if (!mapped.has(column)) warnings.push({ line: null, column: null, message: STAFF_FILE_MESSAGES.optionalAbsent(column, consequence) });
  }
  if (!mapped.has("basePay") && !mapped.has("variablePay")) warnings.push({ line: null, column: null, message: STAFF_FILE_MESSAGES.payPartsAbsent });

  const headerWidth = header.cells.length;
  const fieldColumn: Record<StaffRowField, StaffColumn> = {
    sex: "sex",
    job: "job",
    population: "population",
    csp: "csp",
    ageBand: ageColumn,
    timeShare: "timeShare",
    monthsPresent: "monthsPresent",
    annualGrossPay: "annualGrossPay",
    raised: "raised",
    promoted: "promoted",
    maternityReturn: "maternityReturn",
    raisedOnReturn: "raisedOnReturn",
    raisesDuringLeave: "raisesDuringLeave",
    coefficient: "coefficient",
    basePay: "basePay",
    variablePay: "variablePay",
    weeklyHours: "weeklyHours",
    payCategory: "payCategory",
    seniorityYears: "seniorityYears",
  };
  // The pay-transparency columns are optional: a row gets their fields only when the file has the column.
  const transparencyReads: { [K in TransparencyField]: (cell: RawCell) => CellResult<StaffRow[K]> } = {
    basePay: readPay,
    variablePay: (c) => readOptionalPay(c, 0),
    weeklyHours: (c) => readWeeklyHours(c, MAX_WEEKLY_HOURS),
    payCategory: readOptionalLabel,
    seniorityYears: (c) => readSeniority(c, MAX_SENIORITY_YEARS),
  };
  const transparencyFields = TRANSPARENCY_COLUMNS.filter((f) => mapped.has(f));
  const headerOf = (column: StaffColumn) => mapped.get(column)?.header ?? STAFF_COLUMN_HEADERS[column];

  const valid: StaffRow[] = [];
  for (const row of data) {
    if (format === "csv" && row.cells.length > headerWidth && row.cells.slice(headerWidth).some((c) => !isEmptyCell(c))) {
      errors.add(row.line, null, STAFF_FILE_MESSAGES.extraCells(row.line, row.cells.length, headerWidth));
      continue;
    }
    const cell = (column: StaffColumn): RawCell => {
      const m = mapped.get(column);
      return m ? row.cells[m.index] : undefined;
    };
    const has = (column: StaffColumn) => mapped.has(column);
    const reads: { [K in StaffRowField]?: CellResult<StaffRow[K]> } = {
      sex: readSex(cell("sex")),
      job: readLabel(cell("job")),
      population: readPopulation(cell("population")),
      csp: readCsp(cell("csp")),
      ageBand: ageColumn === "age" ? readAge(cell("age")) : readBirthDate(cell("birthDate"), options.reference),
      timeShare: readTimeShare(cell("timeShare"), options.fullTimeWeeklyHours),
      monthsPresent: has("monthsPresent") ? readMonths(cell("monthsPresent"), DEFAULT_MONTHS_PRESENT) : { ok: true, value: DEFAULT_MONTHS_PRESENT },
      annualGrossPay: readPay(cell("annualGrossPay")),
      raised: has("raised") ? readYesNo(cell("raised")) : { ok: true, value: null },
      promoted: has("promoted") ? readYesNo(cell("promoted")) : { ok: true, value: null },
      maternityReturn: has("maternityReturn") ? readYesNo(cell("maternityReturn")) : { ok: true, value: null },
      raisedOnReturn: has("raisedOnReturn") ? readYesNo(cell("raisedOnReturn")) : { ok: true, value: null },
      raisesDuringLeave: has("raisesDuringLeave") ? readOptionalYesNo(cell("raisesDuringLeave")) : { ok: true, value: null },
      coefficient: has("coefficient") ? readOptionalLabel(cell("coefficient")) : { ok: true, value: null },
    };
    for (const field of transparencyFields) (reads as Record<string, CellResult<unknown>>)[field] = transparencyReads[field](cell(field));
    const candidate: Record<string, unknown> = {};
    const failed = new Set<StaffRowField>();
    for (const field of Object.keys(reads) as StaffRowField[]) {
      const r = reads[field]!;
      if (r.ok) candidate[field] = r.value;
      else {
        failed.add(field);
        const h = headerOf(fieldColumn[field]);
        errors.add(row.line, h, STAFF_FILE_MESSAGES.cell(row.line, h, r.message));
      }
    }
    const checked = StaffRowSchema.safeParse(candidate);
    if (checked.success) {
      if (failed.size === 0) valid.push(checked.data);
      continue;
    }
    const reported = new Set<StaffRowField>();
    for (const issue of checked.error.issues) {
      const field = issue.path[0] as StaffRowField | undefined;
      if (!field || failed.has(field) || reported.has(field)) continue;
      reported.add(field);
      const h = headerOf(fieldColumn[field]);
      errors.add(row.line, h, STAFF_FILE_MESSAGES.cell(row.line, h, lowerFirst(issue.message)));
    }
  }
  if (errors.count > 0) return errors.failure();
  return { ok: true, rows: valid, warnings, format };
}

function lowerFirst(s: string): string {
  return s.length > 1 && /^[A-ZÀ-Ý][a-zà-ÿ]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}
