/**
 * From bytes to a table of cells with their file line numbers: text decoding (UTF-8 with or without
 * BOM, UTF-16 with BOM, Windows-1252), CSV with a detected separator, or the first sheet of an .xlsx.
 * Never throws: every failure is a French message.
 */
import { unzipSync } from "fflate";
import { readSheet } from "read-excel-file/universal";
import type { RawCell } from "./values.ts";

/** One non-empty row of the file; `line` is its line number in the file (first line = 1). */
export interface TableRow {
  line: number;
  cells: RawCell[];
}

export type ReadResult =
  | { ok: true; rows: TableRow[]; format: "csv" | "xlsx"; notes: string[] }
  | { ok: false; message: string; line?: number };

const NBSP = "\u00a0";

export const READ_MESSAGES = {
  empty: "Le fichier est vide.",
  binary: `Le fichier ne ressemble ni à un fichier CSV (texte) ni à un classeur Excel (.xlsx)${NBSP}: vérifiez qu'il s'agit du bon fichier.`,
  truncatedUtf8: `Le fichier semble tronqué${NBSP}: il se termine au milieu d'un caractère accentué. Enregistrez-le de nouveau puis réessayez.`,
  xls: `Les classeurs Excel 97-2003 (.xls) ne sont pas pris en charge${NBSP}: enregistrez le fichier au format .xlsx ou .csv.`,
  ods: `Les classeurs OpenDocument (.ods) ne sont pas pris en charge${NBSP}: enregistrez le fichier au format .xlsx ou .csv.`,
  notXlsx: `Le fichier porte l'extension .xlsx mais n'est pas un classeur Excel valide (fichier endommagé ou tronqué${NBSP}?).`,
  badXlsx: `Le classeur Excel n'a pas pu être lu (fichier endommagé, protégé par mot de passe ou tronqué${NBSP}?). Enregistrez-le de nouveau ou exportez-le en CSV.`,
  xlsxTooLarge: `Le classeur Excel est trop volumineux une fois décompressé${NBSP}: enregistrez-le au format CSV ou découpez-le.`,
  unclosedQuote: (line: number) =>
    `Ligne ${line}${NBSP}: guillemet ouvrant sans guillemet fermant, la fin du fichier est illisible.`,
  windows1252: "Fichier lu dans l'encodage Windows-1252 (CSV enregistré par Excel).",
  utf16: "Fichier lu dans l'encodage UTF-16 (texte Unicode enregistré par Excel).",
} as const;

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName.trim());
  return m ? m[1].toLowerCase() : "";
}

/** Reads a staff file's bytes into rows of cells; .xlsx detected by content (zip), anything else read as CSV. */
export async function readTable(
  bytes: Uint8Array,
  fileName: string,
  options: { maxUncompressedBytes: number },
): Promise<ReadResult> {
  if (bytes.length === 0) return { ok: false, message: READ_MESSAGES.empty };
  const ext = extensionOf(fileName);
  if (startsWith(bytes, OLE_SIGNATURE) || (ext === "xls" && !startsWith(bytes, ZIP_SIGNATURE))) {
    return { ok: false, message: READ_MESSAGES.xls };
  }
  if (ext === "ods") return { ok: false, message: READ_MESSAGES.ods };
  if (startsWith(bytes, ZIP_SIGNATURE)) return readXlsx(bytes, options.maxUncompressedBytes);
  if (ext === "xlsx" || ext === "xlsm") return { ok: false, message: READ_MESSAGES.notXlsx };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const parsed = parseCsv(decoded.text);
  if (!parsed.ok) return parsed;
  return { ok: true, rows: parsed.rows, format: "csv", notes: decoded.notes };
}

// ---------------------------------------------------------------------------------------------
// Text decoding

export type DecodeResult = { ok: true; text: string; notes: string[] } | { ok: false; message: string };

/** Share of control characters above which decoded text is taken for binary data. */
const BINARY_CONTROL_SHARE = 0.01;

/**
 * Text of a CSV file: UTF-8 (BOM removed), UTF-16 with a BOM, or Windows-1252 when the bytes are not
 * valid UTF-8. A valid UTF-8 file cut in the middle of a character, and binary data, are refused.
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  const notes: string[] = [];
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
    notes.push(READ_MESSAGES.utf16);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
    notes.push(READ_MESSAGES.utf16);
  } else {
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    const utf8 = tryUtf8(body);
    if (utf8 !== null) {
      text = utf8;
    } else if (isTruncatedUtf8(body)) {
      return { ok: false, message: READ_MESSAGES.truncatedUtf8 };
    } else {
      text = new TextDecoder("windows-1252").decode(body);
      notes.push(READ_MESSAGES.windows1252);
    }
  }
  if (text.replace(/[\s\u00a0\u202f\ufeff]/g, "") === "") return { ok: false, message: READ_MESSAGES.empty };
  if (looksBinary(text)) return { ok: false, message: READ_MESSAGES.binary };
  return { ok: true, text, notes };
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * True when the bytes are valid UTF-8 with at least one accented (multi-byte) character, except for
 * an incomplete character at the very end: a UTF-8 file cut short, not a Windows-1252 one.
 */
function isTruncatedUtf8(bytes: Uint8Array): boolean {
  for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
    const lead = bytes[bytes.length - cut];
    if (lead < 0xc2 || lead > 0xf4) continue; // not the start of a multi-byte character
    const expected = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    if (cut >= expected) return false;
    for (let i = bytes.length - cut + 1; i < bytes.length; i++) if ((bytes[i] & 0xc0) !== 0x80) return false;
    const head = tryUtf8(bytes.subarray(0, bytes.length - cut));
    return head !== null && /[^\u0000-\u007f]/.test(head);
  }
  return false;
}

function looksBinary(text: string): boolean {
  if (text.includes("\u0000")) return true;
  const controls = text.match(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/g)?.length ?? 0;
  return controls > 0 && controls / text.length > BINARY_CONTROL_SHARE;
}

// ---------------------------------------------------------------------------------------------
// CSV

const CR = 13;
const LF = 10;
const QUOTE = 34;
/** Some character other than white space (the same set as String#trim removes). */
const NOT_BLANK = /\S/;

export const CSV_SEPARATORS = [";", "\t", ","] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/**
 * The separator of a CSV: the most frequent of « ; », tab and « , » outside quotes in the first
 * non-empty line (the header, which has no decimal commas); ties go to « ; » then tab.
 */
export function detectSeparator(text: string): CsvSeparator {
  const first = firstNonBlankLine(text);
  const counts = new Map<CsvSeparator, number>(CSV_SEPARATORS.map((s) => [s, 0]));
  let inQuotes = false;
  for (const ch of first) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && counts.has(ch as CsvSeparator)) counts.set(ch as CsvSeparator, counts.get(ch as CsvSeparator)! + 1);
  }
  let best: CsvSeparator = ";";
  for (const s of CSV_SEPARATORS) if (counts.get(s)! > counts.get(best)!) best = s;
  return best;
}

/** The first line (CRLF, LF or CR ends) holding something other than spaces, without splitting the whole text. */
function firstNonBlankLine(text: string): string {
  let start = 0;
  while (start < text.length) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== CR && text.charCodeAt(end) !== LF) end++;
    const line = text.slice(start, end);
    if (NOT_BLANK.test(line)) return line;
    start = text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
  }
  return "";
}

/**
 * Rows of a CSV text (RFC 4180 quoting, "" inside quotes, CRLF / LF / CR line ends), with the file line
 * where each row starts; rows whose cells are all blank are dropped. A quote left open is an error.
 * The separator is detected (detectSeparator) unless given or named by an Excel « sep=; » first line.
 */
export function parseCsv(text: string, separator?: string): ReadResult {
  let s = text.startsWith("\ufeff") ? text.slice(1) : text;
  let line = 1;
  // Excel's « sep=; » first line names the separator.
  const hint = /^sep=(.)[ \t]*(\r\n|\n|\r)/i.exec(s);
  if (hint) {
    separator ??= hint[1];
    s = s.slice(hint[0].length);
    line = 2;
  }
  const sep = separator ?? detectSeparator(s);
  // Scanned by runs: an unquoted run up to the next separator, quote or line end is taken with one
  // slice, a quoted run up to the next quote likewise; cells are never built character by character.
  const sepCode = sep.length === 1 ? sep.charCodeAt(0) : -1;
  const rows: TableRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let rowLine = line;
  const n = s.length;
  let i = 0;

  const endRow = () => {
    cells.push(cell);
    if (cells.some((c) => NOT_BLANK.test(c))) rows.push({ line: rowLine, cells });
    cells = [];
    cell = "";
  };

  while (i < n) {
    let j = i;
    while (j < n) {
      const code = s.charCodeAt(j);
      if (code === sepCode || code === CR || code === LF || code === QUOTE) break;
      j++;
    }
    if (j > i) cell = cell === "" ? s.slice(i, j) : cell + s.slice(i, j);
    if (j === n) break;
    const c = s.charCodeAt(j);
    if (c === QUOTE && !NOT_BLANK.test(cell)) {
      // A quoted cell (spaces before the opening quote dropped): up to the closing quote, "" = one quote.
      const quoteLine = line;
      cell = "";
      let k = j + 1;
      for (;;) {
        const q = s.indexOf('"', k);
        const stop = q === -1 ? n : q;
        for (let m = k; m < stop; m++) {
          const d = s.charCodeAt(m);
          if (d === LF || (d === CR && s.charCodeAt(m + 1) !== LF)) line++;
        }
        if (stop > k) cell += s.slice(k, stop);
        if (q === -1) return { ok: false, message: READ_MESSAGES.unclosedQuote(quoteLine), line: quoteLine };
        if (s.charCodeAt(q + 1) === QUOTE) {
          cell += '"';
          k = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else if (c === sepCode) {
      cells.push(cell);
      cell = "";
      i = j + 1;
    } else if (c === CR || c === LF) {
      i = c === CR && s.charCodeAt(j + 1) === LF ? j + 2 : j + 1;
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += '"'; // a quote inside an unquoted cell is kept as written
      i = j + 1;
    }
  }
  endRow();
  return { ok: true, rows, format: "csv", notes: [] };
}

// ---------------------------------------------------------------------------------------------
// XLSX

async function readXlsx(bytes: Uint8Array, maxUncompressedBytes: number): Promise<ReadResult> {
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        return false;
      },
    });
  } catch {
    return { ok: false, message: READ_MESSAGES.badXlsx };
  }
  if (total > maxUncompressedBytes) return { ok: false, message: READ_MESSAGES.xlsxTooLarge };
  let data: RawCell[][];
  try {
    data = (await readSheet(bytes.slice().buffer)) as RawCell[][];
  } catch {
    return { ok: false, message: READ_MESSAGES.badXlsx };
  }
  const rows: TableRow[] = [];
  data.forEach((cells, index) => {
    if (cells.some((c) => c !== null && c !== undefined && String(c).trim() !== "")) rows.push({ line: index + 1, cells });
  });
  return { ok: true, rows, format: "xlsx", notes: [] };
}
