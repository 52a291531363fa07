/** Page breaks of the PDF tables (app/report/table.server.ts): a row never splits, the last row never starts a page alone. */
import { describe, expect, it } from "vitest";
import { loadReportFonts } from "../../app/report/fonts.server.ts";
import { drawTable } from "../../app/report/table.server.ts";
import { PdfWriter } from "../../app/report/writer.server.ts";
import type { TableBlock } from "../../diagnostics/report.ts";

const fonts = loadReportFonts();

function table(rows: number): TableBlock {
  return {
    kind: "table",
    caption: "Tableau d'essai",
    columns: [
      { header: "Ligne", width: 0.7 },
      { header: "Valeur", width: 0.3, align: "right" },
    ],
    rows: Array.from({ length: rows }, (_, i) => ({ cells: [i === rows - 1 ? "Total" : `Ligne ${i + 1}`, String(i)], emphasis: i === rows - 1 })),
    rowHeaders: true,
    note: null,
  };
}

/** Draws the table starting `spaceLeft` points above the page bottom; returns on which page (0-based) each row's first line was drawn. */
function rowPages(rows: number, spaceLeft: number): number[] {
  const w = new PdfWriter({ title: "Essai", subject: "", author: "", keywords: [], lang: "fr-FR" }, fonts);
  w.y = w.bottom - spaceLeft;
  const pages: number[] = [];
  const drawLine = w.drawLine.bind(w);
  w.drawLine = (text, ...rest) => {
    const m = /^(Ligne \d+|Total)$/.exec(text);
    if (m) pages.push(w.doc.bufferedPageRange().count - 1);
    return drawLine(text, ...rest);
  };
  drawTable(w, table(rows));
  return pages;
}

/** Caption, header and one row take about this much; each further row about ROW (points, at the table's type size). */
function heights() {
  const w = new PdfWriter({ title: "Essai", subject: "", author: "", keywords: [], lang: "fr-FR" }, fonts);
  const start = w.y;
  drawTable(w, table(1));
  const one = w.y - start;
  const w2 = new PdfWriter({ title: "Essai", subject: "", author: "", keywords: [], lang: "fr-FR" }, fonts);
  drawTable(w2, table(2));
  return { one, row: w2.y - w2.top - one };
}

describe("PDF table page breaks", () => {
  const { one, row } = heights();
  // `one` includes the space after the table (10 points); the rows themselves end 10 points earlier.
  const tableWith = (n: number) => one - 10 + (n - 1) * row;

  it.each([
    // [rows, space left on the page, pages of each row]
    // Everything fits: one page.
    [5, tableWith(5) + 1, [0, 0, 0, 0, 0]],
    // All but the total fits: the total would start page 2 alone, so the row before it goes along.
    [5, tableWith(4) + 1, [0, 0, 0, 1, 1]],
    // Three rows fit: rows 4 and 5 go to the next page together anyway.
    [5, tableWith(3) + 1, [0, 0, 0, 1, 1]],
    // Two rows fit: rows 3, 4 and 5 go on.
    [5, tableWith(2) + 1, [0, 0, 1, 1, 1]],
    // A two-row table whose total would be alone: the whole table starts on the next page.
    [2, tableWith(1) + 1, [1, 1]],
    // Not even the caption, header and first row: the table starts on the next page.
    [3, tableWith(1) - 1, [1, 1, 1]],
  ])("%i rows with %f points left", (rows, spaceLeft, expected) => {
    expect(rowPages(rows, spaceLeft)).toEqual(expected);
  });
});
