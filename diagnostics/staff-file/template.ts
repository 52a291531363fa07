/**
 * Blank staff-file templates to download: a CSV (« ; », UTF-8 with BOM, as Excel expects in France)
 * and a minimal .xlsx written by hand (OOXML parts zipped with fflate, strings inline).
 */
import { strToU8, zipSync } from "fflate";
import { STAFF_COLUMN_HEADERS, STAFF_COLUMNS, type StaffColumn } from "./columns.ts";

/** Columns of the templates, in order (birth date left out: the age band is enough). */
export const TEMPLATE_COLUMNS: readonly StaffColumn[] = STAFF_COLUMNS.filter((c) => c !== "birthDate");

type TemplateCell = string | number | null;

/** Three fictitious people; numbers are numbers in the .xlsx and French-written text in the CSV. */
const EXAMPLE_ROWS: readonly (readonly TemplateCell[])[] = [
  ["F", "Agente d'entretien", "Parcours", "Employé", "30-39", "80\u00a0%", 12, 15120, "Non", "Non", "Non", "Non", null, null, 14520, 600, 28, "Agents d'entretien et des espaces verts", 2],
  ["H", "Ouvrier espaces verts", "Parcours", "Ouvrier", "<30", "26\u00a0h", 7, 9850.5, "Non", "Non", "Non", "Non", null, null, 9850.5, 0, 26, "Agents d'entretien et des espaces verts", 0.5],
  ["F", "Encadrante technique", "Permanent", "Technicien", "40-49", "100\u00a0%", 12, 27600, "Oui", "Non", "Oui", "Oui", "Oui", "250", 25800, 1800, 35, "Encadrement technique", 6],
];

function frenchNumber(n: number): string {
  const [int, dec] = Math.abs(n).toFixed(2).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${n < 0 ? "-" : ""}${grouped},${dec}`;
}

const AMOUNT_COLUMNS: ReadonlySet<StaffColumn> = new Set(["annualGrossPay", "basePay", "variablePay"]);

function csvCell(value: TemplateCell, column: StaffColumn): string {
  if (value === null) return "";
  const text = typeof value === "number" ? (AMOUNT_COLUMNS.has(column) ? frenchNumber(value) : String(value).replace(".", ",")) : value;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV template: UTF-8 BOM, « ; » separator, CRLF line ends, French headers and 3 example rows. */
export function staffFileTemplateCsv(): string {
  const lines = [TEMPLATE_COLUMNS.map((c) => csvCell(STAFF_COLUMN_HEADERS[c], c)).join(";")];
  for (const row of EXAMPLE_ROWS) lines.push(row.map((v, i) => csvCell(v, TEMPLATE_COLUMNS[i])).join(";"));
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

/**
 * A one-sheet .xlsx (bytes) from rows of strings / numbers / empty cells: strings are inline, so no
 * shared-strings part is needed. Column widths are set from the longest text of each column.
 */
export function buildXlsx(rows: readonly (readonly TemplateCell[])[], sheetName = "Feuille1"): Uint8Array {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const colWidths = Array.from({ length: width }, (_, i) =>
    Math.min(60, Math.max(10, ...rows.map((r) => String(r[i] ?? "").length + 2))),
  );
  const cols = width
    ? `<cols>${colWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`
    : "";
  const sheetRows = rows
    .map((row, r) => {
      const cells = row
        .map((value, c) => {
          const ref = `${columnLetters(c)}${r + 1}`;
          if (value === null || value === "") return "";
          if (typeof value === "number") return `<c r="${ref}"><v>${value}</v></c>`;
          return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(value)}</t></is></c>`;
        })
        .join("");
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join("");
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        "</Types>",
    ),
    "_rels/.rels": strToU8(
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
        `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
        "</Relationships>",
    ),
    "xl/workbook.xml": strToU8(
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
        `<sheets><sheet name="${xmlEscape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
        `<Relationship Id="rId1" Type="${NS_REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        "</Relationships>",
    ),
    "xl/worksheets/sheet1.xml": strToU8(
      `${XML_HEAD}<worksheet xmlns="${NS_MAIN}">${cols}<sheetData>${sheetRows}</sheetData></worksheet>`,
    ),
  };
  return zipSync(files, { level: 6 });
}

/** The .xlsx template (bytes): sheet « Personnel », French headers and 3 example rows. */
export function staffFileTemplateXlsx(): Uint8Array {
  const header = TEMPLATE_COLUMNS.map((c) => STAFF_COLUMN_HEADERS[c]);
  return buildXlsx([header, ...EXAMPLE_ROWS], "Personnel");
}
