import type { Readable } from "node:stream";
import type { Block, Cover, PdfDocumentModel, Section } from "../../diagnostics/report.ts";
import { loadReportFonts, type ReportFonts } from "./fonts.server.ts";
import { drawGapChart } from "./gap-chart.server.ts";
import { drawMixityChart, drawPayBandsChart } from "./share-chart.server.ts";
import { drawTable } from "./table.server.ts";
import { PDF_COLOURS, TONE_COLOURS, TYPE } from "./theme.ts";
import { headerScope, PdfWriter, type TextStyle } from "./writer.server.ts";

/**
 * Draws a document model of diagnostics/report.ts or diagnostics/tender-sheet.ts: page one (title,
 * structure, status, headline, key figures in plain words), then each section from a new heading.
 * No figure is computed here: every string comes from the model.
 */

const BODY: TextStyle = { font: "regular", size: TYPE.body, color: PDF_COLOURS.ink };
const SMALL: TextStyle = { font: "regular", size: TYPE.small, color: PDF_COLOURS.muted };
const LEAD: TextStyle = { font: "regular", size: TYPE.lead, color: PDF_COLOURS.ink, leading: 1.3 };

function drawKeyValues(w: PdfWriter, rows: { label: string; value: string; colour?: string }[], labelWidth: number, style: TextStyle): void {
  const { doc } = w;
  const lh = w.lineHeight(style);
  const labelStyle: TextStyle = { ...style, font: "bold", color: PDF_COLOURS.muted };
  w.group("Table", () => {
    w.group("TBody", () => {
      for (const row of rows) {
        const valueX = w.left + labelWidth + (row.colour ? 12 : 0);
        const lines = w.wrap(row.value, style.font, style.size, w.right - valueX);
        const labelLines = w.wrap(row.label, "bold", style.size, labelWidth - 8);
        const height = Math.max(lines.length, labelLines.length) * lh + 3;
        w.ensureSpace(height);
        const y = w.y;
        if (row.colour) {
          const colour = row.colour;
          w.artifact(() => {
            doc.save();
            doc.rect(w.left + labelWidth, y + 2.5, 7, 7).fill(colour);
            doc.restore();
          });
        }
        w.group("TR", () => {
          w.tagged("TH", () => labelLines.forEach((l, k) => w.drawLine(l, w.left, y + k * lh, labelStyle)), { configure: headerScope("Row") });
          w.tagged("TD", () => lines.forEach((l, k) => w.drawLine(l, valueX, y + k * lh, style)));
        });
        w.y = y + height;
      }
    });
  });
}

function drawCover(w: PdfWriter, cover: Cover): void {
  const { doc } = w;
  w.textBlock(cover.kicker, { font: "bold", size: TYPE.small, color: PDF_COLOURS.teal }, { gapAfter: 6 });
  w.heading(1, cover.title);
  w.textBlock(cover.structureName, { font: "bold", size: 14, color: PDF_COLOURS.ink }, { gapAfter: 8 });
  drawKeyValues(
    w,
    cover.facts.filter((f) => f.label !== "Structure"),
    118,
    { font: "regular", size: TYPE.body, color: PDF_COLOURS.ink, leading: 1.3 },
  );
  w.y += 8;

  // Status, in a tinted box.
  const statusStyle: TextStyle = { font: "regular", size: TYPE.body, color: PDF_COLOURS.ink, leading: 1.3 };
  const padding = 7;
  const valueWidth = w.width - 118 - 12 - 2 * padding;
  const boxHeight =
    cover.status.reduce((s, line) => s + w.wrap(line.value, "regular", statusStyle.size, valueWidth).length * w.lineHeight(statusStyle) + 3, 0) + 2 * padding;
  w.ensureSpace(boxHeight);
  const top = w.y;
  w.artifact(() => {
    doc.save();
    doc.rect(w.left, top, w.width, boxHeight).fill(PDF_COLOURS.softBackground);
    doc.rect(w.left, top, w.width, boxHeight).lineWidth(0.6).strokeColor(PDF_COLOURS.border).stroke();
    doc.restore();
  });
  w.y = top + padding;
  w.inset(padding, () =>
    drawKeyValues(
      w,
      cover.status.map((s) => ({ label: s.label, value: s.value, colour: TONE_COLOURS[s.tone] })),
      118,
      statusStyle,
    ),
  );
  w.y = top + boxHeight + 12;

  if (cover.headline) w.textBlock(cover.headline, { ...LEAD, font: "bold", color: PDF_COLOURS.navy }, { gapAfter: 6 });
  if (cover.note) w.textBlock(cover.note, SMALL);

  if (cover.figures.length > 0) {
    w.heading(2, cover.figuresTitle, { keepWithNext: 70 });
    drawFigures(w, cover.figures);
  }
}

type CoverFigure = Cover["figures"][number];

const FIGURE_STYLES = {
  label: { font: "bold", size: TYPE.body, color: PDF_COLOURS.navy, leading: 1.22 } as TextStyle,
  value: { font: "bold", size: 15, color: PDF_COLOURS.ink, leading: 1.12 } as TextStyle,
  detail: { font: "regular", size: TYPE.small, color: PDF_COLOURS.muted, leading: 1.22 } as TextStyle,
  meaning: { font: "regular", size: TYPE.small + 0.2, color: PDF_COLOURS.ink, leading: 1.26 } as TextStyle,
};
const FIGURE_INDENT = 9;

/** The lines of a key-figure card of `width` points, and its height. */
function layoutFigure(w: PdfWriter, figure: CoverFigure, width: number) {
  const inner = width - FIGURE_INDENT;
  const st = FIGURE_STYLES;
  const labelLines = w.wrap(figure.label, "bold", st.label.size, inner);
  const valueWidth = w.measure(figure.value, "bold", st.value.size);
  const inline = figure.detail ? w.wrap(figure.detail, "regular", st.detail.size, inner - valueWidth - 8) : [];
  const detailInline = inline.length === 1 ? inline[0] : null;
  const detailLines = figure.detail && !detailInline ? w.wrap(figure.detail, "regular", st.detail.size, inner) : [];
  const meaningLines = w.wrap(figure.meaning, "regular", st.meaning.size, inner);
  const height =
    labelLines.length * w.lineHeight(st.label) +
    w.lineHeight(st.value) +
    detailLines.length * w.lineHeight(st.detail) +
    meaningLines.length * w.lineHeight(st.meaning) +
    4;
  return { figure, labelLines, valueWidth, detailInline, detailLines, meaningLines, height };
}

/** A key figure: tone bar, label (H3), value with its counts, meaning. */
function paintFigure(w: PdfWriter, layout: ReturnType<typeof layoutFigure>, x: number, top: number, barHeight: number): void {
  const { doc } = w;
  const st = FIGURE_STYLES;
  w.artifact(() => {
    doc.save();
    doc.rect(x, top, 3.5, barHeight).fill(TONE_COLOURS[layout.figure.tone]);
    doc.restore();
  });
  const tx = x + FIGURE_INDENT;
  let y = top;
  w.group("Div", () => {
    w.tagged("H3", () => {
      for (const line of layout.labelLines) {
        w.drawLine(line, tx, y, st.label);
        y += w.lineHeight(st.label);
      }
    });
    w.tagged("P", () => {
      w.drawLine(layout.figure.value, tx, y, st.value);
      if (layout.detailInline) w.drawLine(layout.detailInline, tx + layout.valueWidth + 8, y + st.value.size - st.detail.size - 0.5, st.detail);
      y += w.lineHeight(st.value);
      for (const line of layout.detailLines) {
        w.drawLine(line, tx, y, st.detail);
        y += w.lineHeight(st.detail);
      }
    });
    w.tagged("P", () => {
      for (const line of layout.meaningLines) {
        w.drawLine(line, tx, y, st.meaning);
        y += w.lineHeight(st.meaning);
      }
    });
  });
}

/** The key figures, one card per figure: in two columns from five figures, so that page one holds them all. */
function drawFigures(w: PdfWriter, figures: readonly CoverFigure[]): void {
  const columns = figures.length > 4 ? 2 : 1;
  const gap = 14;
  const width = (w.width - gap * (columns - 1)) / columns;
  for (let i = 0; i < figures.length; i += columns) {
    const row = figures.slice(i, i + columns).map((f) => layoutFigure(w, f, width));
    const height = Math.max(...row.map((l) => l.height));
    w.ensureSpace(height);
    const top = w.y;
    row.forEach((layout, k) => paintFigure(w, layout, w.left + k * (width + gap), top, height));
    w.y = top + height + 9;
  }
}

function drawCallout(w: PdfWriter, block: Extract<Block, { kind: "callout" }>): void {
  const { doc } = w;
  const indent = 12;
  const width = w.width - indent - 8;
  const titleStyle: TextStyle = { font: "bold", size: TYPE.body + 0.5, color: PDF_COLOURS.navy, leading: 1.25 };
  const textStyle: TextStyle = { ...BODY, leading: 1.3 };
  const titleLines = w.wrap(block.title, "bold", titleStyle.size, width);
  const textLines = w.wrap(block.text, "regular", textStyle.size, width);
  const nextLines = block.next ? w.wrap(block.next, "regular", textStyle.size, width - 10) : [];
  const height =
    titleLines.length * w.lineHeight(titleStyle) + 3 + textLines.length * w.lineHeight(textStyle) + (nextLines.length ? nextLines.length * w.lineHeight(textStyle) + 5 : 0) + 12;
  const fits = height <= w.bottom - w.top;
  w.ensureSpace(fits ? height : 60);
  const top = w.y;
  if (fits) {
    w.artifact(() => {
      doc.save();
      doc.rect(w.left, top, w.width, height).lineWidth(0.6).strokeColor(PDF_COLOURS.border).stroke();
      doc.rect(w.left, top, 4, height).fill(TONE_COLOURS[block.tone]);
      if (nextLines.length) {
        const nextTop = top + height - 6 - nextLines.length * w.lineHeight(textStyle);
        doc.rect(w.left + indent, nextTop, 2, nextLines.length * w.lineHeight(textStyle)).fill(PDF_COLOURS.teal);
      }
      doc.restore();
    });
  }
  w.y = top + 6;
  w.group("Div", () => {
    w.tagged("H3", () => {
      for (const line of titleLines) {
        w.drawLine(line, w.left + indent, w.y, titleStyle);
        w.y += w.lineHeight(titleStyle);
      }
    });
    w.y += 3;
    w.tagged("P", () => {
      for (const line of textLines) {
        if (w.y + w.lineHeight(textStyle) > w.bottom) w.addPage();
        w.drawLine(line, w.left + indent, w.y, textStyle);
        w.y += w.lineHeight(textStyle);
      }
    });
    if (nextLines.length) {
      w.y += 5;
      w.tagged("P", () => {
        for (const line of nextLines) {
          if (w.y + w.lineHeight(textStyle) > w.bottom) w.addPage();
          w.drawLine(line, w.left + indent + 8, w.y, textStyle);
          w.y += w.lineHeight(textStyle);
        }
      });
    }
  });
  w.y = (fits ? top + height : w.y) + 8;
}

function drawDefinitions(w: PdfWriter, items: { term: string; definition: string }[]): void {
  const termStyle: TextStyle = { font: "bold", size: TYPE.body, color: PDF_COLOURS.navy, leading: 1.25 };
  const defStyle: TextStyle = { ...BODY, leading: 1.3 };
  w.group("L", () => {
    for (const item of items) {
      const lines = w.wrap(item.definition, "regular", defStyle.size, w.width - 12);
      w.ensureSpace(w.lineHeight(termStyle) + Math.min(2, lines.length) * w.lineHeight(defStyle));
      w.group("LI", () => {
        w.tagged("Lbl", () => {
          w.drawLine(item.term, w.left, w.y, termStyle);
          w.y += w.lineHeight(termStyle);
        });
        w.tagged("LBody", () => {
          for (const line of lines) {
            if (w.y + w.lineHeight(defStyle) > w.bottom) w.addPage();
            w.drawLine(line, w.left + 12, w.y, defStyle);
            w.y += w.lineHeight(defStyle);
          }
        });
      });
      w.y += 5;
    }
  });
}

function drawBlock(w: PdfWriter, block: Block): void {
  switch (block.kind) {
    case "subheading":
      w.heading(3, block.text);
      return;
    case "paragraph":
      w.textBlock(block.text, block.style === "small" ? SMALL : block.style === "lead" ? { ...LEAD, font: "bold" } : { ...BODY, leading: 1.35 });
      return;
    case "list":
      w.list(block.items);
      return;
    case "callout":
      drawCallout(w, block);
      return;
    case "definitions":
      drawDefinitions(w, block.items);
      return;
    case "table":
      drawTable(w, block);
      return;
    case "mixityChart":
      drawMixityChart(w, block);
      return;
    case "payBandsChart":
      drawPayBandsChart(w, block);
      return;
    case "gapChart":
      drawGapChart(w, block);
      return;
  }
}

/** The least height a block needs at the bottom of a page, so that a heading is never left alone above it. */
function minHeight(w: PdfWriter, block: Block | undefined): number {
  if (!block) return 0;
  const lines = (text: string, size: number, width = w.width) => w.wrap(text, "regular", size, width).length;
  switch (block.kind) {
    case "table": {
      const widths = block.columns.map((c) => c.width * w.width - 8);
      const header = Math.max(...block.columns.map((c, i) => w.wrap(c.header, "bold", TYPE.table, widths[i]).length));
      const first = block.rows[0] ? Math.max(...block.rows[0].cells.map((cell, i) => w.wrap(cell, "bold", TYPE.table, widths[i]).length)) : 0;
      return (header + first) * TYPE.table * 1.28 + 16 + lines(block.caption, TYPE.small + 0.6) * 12;
    }
    case "mixityChart":
      return 60 + block.rows.length * 26;
    case "payBandsChart":
    case "gapChart":
      return 100 + Math.min(3, block.rows.length) * 30;
    case "callout":
      return Math.min(200, (lines(block.text, TYPE.body) + lines(block.title, TYPE.body) + (block.next ? lines(block.next, TYPE.body) : 0)) * 13 + 20);
    case "subheading":
      return 40;
    default:
      return 2 * TYPE.body * 1.35;
  }
}

function drawSection(w: PdfWriter, section: Section): void {
  if (section.newPage && w.y > w.top) w.addPage();
  w.group("Sect", () => {
    w.heading(2, section.title, { keepWithNext: minHeight(w, section.blocks[0]) + minHeight(w, section.blocks[1]) * (section.blocks[0]?.kind === "paragraph" ? 1 : 0) });
    section.blocks.forEach((block, i) => {
      if (block.kind === "subheading") w.heading(3, block.text, { keepWithNext: minHeight(w, section.blocks[i + 1]) });
      else drawBlock(w, block);
    });
  });
  w.y += 6;
}

/** The document, ended: a readable stream of PDF bytes (all pages are drawn before it returns). */
export function renderPdf(model: PdfDocumentModel, fonts: ReportFonts = loadReportFonts()): Readable {
  const w = new PdfWriter(model.meta, fonts);
  w.group("Sect", () => drawCover(w, model.cover));
  // Detail starts on page two: page one is the summary for a reader in a hurry.
  w.addPage();
  for (const section of model.sections) drawSection(w, section);
  return w.finish(model.footer, model.watermark);
}

/** The diagnostic report (diagnostics/report.ts model) as a PDF stream. */
export function renderReportPdf(model: PdfDocumentModel): Readable {
  return renderPdf(model);
}

/** The tender sheet (diagnostics/tender-sheet.ts model) as a PDF stream. */
export function renderTenderSheetPdf(model: PdfDocumentModel): Readable {
  return renderPdf(model);
}

/** All the bytes of a PDF stream. */
export async function pdfToBuffer(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
