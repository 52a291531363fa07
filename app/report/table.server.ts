import type { TableBlock } from "../../diagnostics/report.ts";
import { PDF_COLOURS, TYPE } from "./theme.ts";
import { headerScope, type PdfWriter, type TextStyle } from "./writer.server.ts";

const PAD_X = 4;
const PAD_Y = 3.5;

/**
 * A table with a caption, a header row on a dark background (repeated, as an artifact, at the top
 * of every page the table continues on), rows that never split across pages, a last row never
 * alone on its page, row headers in bold, right-aligned number columns and a note under it. Tagged
 * Table > Caption, THead > TR > TH, TBody > TR > TH/TD, with the scope of each header cell.
 */
export function drawTable(w: PdfWriter, block: TableBlock): void {
  const { doc } = w;
  const size = TYPE.table;
  const regular: TextStyle = { font: "regular", size, color: PDF_COLOURS.ink, leading: 1.28 };
  const bold: TextStyle = { ...regular, font: "bold" };
  const header: TextStyle = { ...bold, color: PDF_COLOURS.white };
  const lh = w.lineHeight(regular);
  const widths = block.columns.map((c) => c.width * w.width);
  const xs = widths.map((_, i) => w.left + widths.slice(0, i).reduce((s, x) => s + x, 0));

  const headerLines = block.columns.map((c, i) => w.wrap(c.header, "bold", size, widths[i] - 2 * PAD_X));
  const headerHeight = Math.max(...headerLines.map((l) => l.length)) * lh + 2 * PAD_Y;
  const rows = block.rows.map((row) => {
    const cells = row.cells.map((cell, i) => {
      const style = row.emphasis || (i === 0 && block.rowHeaders) ? bold : regular;
      return { style, lines: w.wrap(cell, style.font, size, widths[i] - 2 * PAD_X) };
    });
    return { row, cells, height: Math.max(...cells.map((c) => c.lines.length)) * lh + 2 * PAD_Y };
  });
  const captionStyle: TextStyle = { font: "bold", size: TYPE.small + 0.6, color: PDF_COLOURS.navy };
  const captionLines = w.wrap(block.caption, "bold", captionStyle.size, w.width);
  const captionHeight = captionLines.length * w.lineHeight(captionStyle) + 3;

  // The caption and header never end a page without a row; a two-row table starts with both (see below).
  w.ensureSpace(captionHeight + headerHeight + (rows.length === 2 ? rows[0].height + rows[1].height : (rows[0]?.height ?? 0)));

  const drawHeaderBackground = () => {
    const y = w.y;
    w.artifact(() => {
      doc.save();
      doc.rect(w.left, y, w.width, headerHeight).fill(PDF_COLOURS.navy);
      doc.restore();
    });
  };
  const drawHeaderText = (cellIndex: number) => {
    const lines = headerLines[cellIndex];
    const align = block.columns[cellIndex].align ?? "left";
    lines.forEach((line, k) => w.drawLine(line, xs[cellIndex] + PAD_X, w.y + PAD_Y + k * lh, header, align, widths[cellIndex] - 2 * PAD_X));
  };

  w.group("Table", () => {
    w.tagged("Caption", () => {
      for (const line of captionLines) {
        w.drawLine(line, w.left, w.y, captionStyle);
        w.y += w.lineHeight(captionStyle);
      }
    });
    w.y += 3;
    drawHeaderBackground();
    w.group("THead", () =>
      w.group("TR", () => {
        block.columns.forEach((_, i) => w.tagged("TH", () => drawHeaderText(i), { configure: headerScope("Column") }));
      }),
    );
    w.y += headerHeight;

    w.group("TBody", () => {
      let rowsOnPage = 0;
      rows.forEach(({ row, cells, height }, r) => {
        // The last row (often a total) never starts a page alone: the one before it goes along.
        const keepWithLast = r === rows.length - 2 && rowsOnPage > 0 ? rows[r + 1].height : 0;
        if (w.y + height + keepWithLast > w.bottom) {
          w.addPage();
          drawHeaderBackground();
          w.artifact(() => block.columns.forEach((_, i) => drawHeaderText(i)));
          w.y += headerHeight;
          rowsOnPage = 0;
        }
        rowsOnPage++;
        const y = w.y;
        w.artifact(() => {
          doc.save();
          if (r % 2 === 1) doc.rect(w.left, y, w.width, height).fill(PDF_COLOURS.softBackground);
          doc
            .moveTo(w.left, y + height)
            .lineTo(w.right, y + height)
            .lineWidth(row.emphasis ? 1 : 0.4)
            .strokeColor(PDF_COLOURS.border)
            .stroke();
          if (row.emphasis) doc.moveTo(w.left, y).lineTo(w.right, y).lineWidth(1).strokeColor(PDF_COLOURS.muted).stroke();
          doc.restore();
        });
        w.group("TR", () => {
          cells.forEach((cell, i) => {
            const isHeader = i === 0 && block.rowHeaders;
            const align = block.columns[i].align ?? "left";
            w.tagged(
              isHeader ? "TH" : "TD",
              () => cell.lines.forEach((line, k) => w.drawLine(line, xs[i] + PAD_X, y + PAD_Y + k * lh, cell.style, align, widths[i] - 2 * PAD_X)),
              isHeader ? { configure: headerScope("Row") } : {},
            );
          });
        });
        w.y += height;
      });
    });
  });
  w.y += 4;
  if (block.note) w.textBlock(block.note, { font: "regular", size: TYPE.small, color: PDF_COLOURS.muted }, { gapAfter: 4 });
  w.y += 6;
}
