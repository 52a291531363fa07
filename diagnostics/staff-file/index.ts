/**
 * Staff-file import (one anonymised row per employee): parsing, validated row schema, templates and
 * the aggregates derived from the rows (mixity jobs table, Index input). Pure: bytes in, data out.
 */
export * from "./constants.ts";
export { StaffRowSchema, STAFF_ROW_MESSAGES, SEXES, looksLikeNir, type Sex, type StaffRow, type StaffRowField } from "./schema.ts";
export {
  STAFF_COLUMNS,
  STAFF_COLUMN_HEADERS,
  REQUIRED_STAFF_COLUMNS,
  TRANSPARENCY_COLUMNS,
  matchStaffColumn,
  forbiddenColumnKind,
  type StaffColumn,
  type ForbiddenKind,
} from "./columns.ts";
export {
  parseFrenchNumber,
  readAge,
  readBirthDate,
  readCsp,
  readMonths,
  readPay,
  readPopulation,
  readSex,
  readTimeShare,
  readYesNo,
  ageBandOf,
  normalizeText,
  type RawCell,
  type CellResult,
  type CalendarDate,
} from "./values.ts";
export { decodeText, detectSeparator, parseCsv, READ_MESSAGES, CSV_SEPARATORS, type CsvSeparator, type TableRow } from "./read.ts";
export {
  parseStaffFile,
  parseStaffCsvText,
  parseStaffTable,
  staffFileErrorSummary,
  formatInteger,
  formatFileSize,
  STAFF_FILE_MESSAGES,
  type StaffFileIssue,
  type StaffFileOptions,
  type StaffFileResult,
} from "./parse.ts";
export { staffFileTemplateCsv, staffFileTemplateXlsx, buildXlsx, columnLetters, TEMPLATE_COLUMNS } from "./template.ts";
export {
  annualFte,
  fullTimeEquivalentPay,
  deriveFromStaffRows,
  jobsFromStaffRows,
  indexInputFromStaffRows,
  indexPopulationFromStaffRows,
  parcoursExcludedFromIndex,
  topPaySexes,
  type IndexDerivationOptions,
  type IndexPopulation,
  type StaffDerivation,
} from "./derive.ts";
export {
  GENDERED_LABEL_SEPARATOR,
  GENDERED_WORD_MIN_LENGTH,
  groupJobTitles,
  isFeminineOf,
  masculineCandidates,
  titleWords,
  type JobTitleCount,
  type JobTitleGroup,
  type TitleWords,
} from "./job-titles.ts";
