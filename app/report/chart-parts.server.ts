import { PDF_COLOURS, TYPE } from "./theme.ts";
import type { PdfWriter, TextStyle } from "./writer.server.ts";

/**
 * What the PDF charts share: their title and reading, legend, row labels, hatching, and the
 * pagination of a chart made of rows (a chart taller than the room left is cut between rows, each
 * part with its own axis, so that nothing is drawn below the bottom margin).
 */

export const CHART_STYLES = {
  title: { font: "bold", size: TYPE.body + 0.5, color: PDF_COLOURS.navy, leading: 1.25 } as TextStyle,
  reading: { font: "regular", size: TYPE.body, color: PDF_COLOURS.ink, leading: 1.3 } as TextStyle,
  label: { font: "regular", size: TYPE.table, color: PDF_COLOURS.ink, leading: 1.15 } as TextStyle,
  legend: { font: "regular", size: TYPE.small, color: PDF_COLOURS.ink } as TextStyle,
  axis: { font: "regular", size: TYPE.small - 0.5, color: PDF_COLOURS.muted } as TextStyle,
  inBar: { font: "bold", size: TYPE.small, color: PDF_COLOURS.white } as TextStyle,
};

/** Row labels are cut to this many lines (the table gives the full name). */
const MAX_LABEL_LINES = 3;
const HATCH_STEP = 5;

/** A rectangle in `fill` with dark diagonal stripes (readable in black and white). */
export function hatchedRect(w: PdfWriter, x: number, y: number, width: number, height: number, fill: string = PDF_COLOURS.men, stripes: string = PDF_COLOURS.menHatch): void {
  const { doc } = w;
  if (width <= 0 || height <= 0) return;
  doc.save();
  doc.rect(x, y, width, height).fill(fill);
  doc.rect(x, y, width, height).clip();
  for (let s = x - height; s < x + width; s += HATCH_STEP) {
    doc.moveTo(s, y + height).lineTo(s + height, y).lineWidth(1.6).strokeColor(stripes).stroke();
  }
  doc.restore();
}

/**
 * The lines of a row label within `width`: at most three; a longer label keeps its first two lines
 * and its end after « … » on the third (names often differ only at the end: « … 2e site »).
 */
export function labelLines(w: PdfWriter, text: string, style: TextStyle, width: number): string[] {
  const lines = w.wrap(text, style.font, style.size, width);
  if (lines.length <= MAX_LABEL_LINES) return lines;
  const words = lines.slice(MAX_LABEL_LINES - 1).join(" ").split(" ");
  let tail = "";
  for (let i = words.length - 1; i >= 0; i--) {
    const next = tail ? `${words[i]} ${tail}` : words[i];
    if (w.measure(`…\u00a0${next}`, style.font, style.size) > width) break;
    tail = next;
  }
  // A last word too long for the line on its own: its last characters.
  if (!tail) {
    const last = words[words.length - 1];
    for (let k = last.length - 1; k >= 0 && w.measure(`…${last.slice(k)}`, style.font, style.size) <= width; k--) tail = last.slice(k);
    return [...lines.slice(0, MAX_LABEL_LINES - 1), `…${tail}`];
  }
  return [...lines.slice(0, MAX_LABEL_LINES - 1), `…\u00a0${tail}`];
}

/** Draws label lines right-aligned in [x, x + width], centred vertically in a row. */
export function drawRowLabel(w: PdfWriter, lines: readonly string[], style: TextStyle, x: number, width: number, rowTop: number, rowHeight: number): void {
  const lh = w.lineHeight(style);
  const top = rowTop + (rowHeight - lines.length * lh) / 2;
  lines.forEach((line, k) => w.drawLine(line, x, top + k * lh, style, "right", width));
}

export interface LegendItem {
  /** Draws a 10 × 10 swatch at (x, y), or nothing for a legend item that is text only. */
  swatch: ((x: number, y: number) => void) | null;
  text: string;
  /** Starts a new line of the legend. */
  newLine?: boolean;
}

export const solidSwatch =
  (w: PdfWriter, colour: string) =>
  (x: number, y: number): void => {
    w.doc.rect(x, y, 10, 10).fill(colour);
  };

export const hatchedSwatch =
  (w: PdfWriter, fill?: string, stripes?: string) =>
  (x: number, y: number): void =>
    hatchedRect(w, x, y, 10, 10, fill, stripes);

/** A dashed outline: the mixity band. */
export const dashedBoxSwatch =
  (w: PdfWriter) =>
  (x: number, y: number): void => {
    const { doc } = w;
    doc.save();
    doc.rect(x + 0.5, y + 0.5, 9, 9).lineWidth(1.2).dash(2, { space: 1.5 }).strokeColor(PDF_COLOURS.ink).stroke();
    doc.undash();
    doc.restore();
  };

/** A dashed vertical line: a threshold. */
export const dashedLineSwatch =
  (w: PdfWriter) =>
  (x: number, y: number): void => {
    const { doc } = w;
    doc.save();
    doc.moveTo(x + 5, y - 1).lineTo(x + 5, y + 11).lineWidth(1.6).dash(3, { space: 2 }).strokeColor(PDF_COLOURS.ink).stroke();
    doc.undash();
    doc.restore();
  };

const LEGEND_LINE = 16;

/** The legend's items in lines within the text column; its height and how to draw it at a given top. */
export function layoutLegend(w: PdfWriter, items: readonly LegendItem[]): { height: number; draw: (top: number) => void } {
  const style = CHART_STYLES.legend;
  const placed: { item: LegendItem; x: number; line: number }[] = [];
  let x = w.left;
  let line = 0;
  for (const item of items) {
    const width = (item.swatch ? 14 : 0) + w.measure(item.text, style.font, style.size);
    if (x > w.left && (item.newLine || x + width > w.right)) {
      line++;
      x = w.left;
    }
    placed.push({ item, x, line });
    x += width + 14;
  }
  return {
    height: items.length === 0 ? 0 : (line + 1) * LEGEND_LINE,
    draw: (top) => {
      for (const { item, x: ix, line: l } of placed) {
        const y = top + l * LEGEND_LINE;
        item.swatch?.(ix, y + 1);
        w.drawLine(item.text, ix + (item.swatch ? 14 : 0), y, style);
      }
    },
  };
}

/** « 40 % » under an axis tick. */
export function drawTick(w: PdfWriter, text: string, x: number, top: number): void {
  w.drawLine(text, x - 20, top, CHART_STYLES.axis, "center", 40);
}

export interface RowChart {
  /** The figure's alternative text (its continuation on another page says it continues). */
  alt: string;
  /** Title and one-line reading above the chart, or null. */
  heading: { title: string; reading: string } | null;
  /** Drawn once, above the first part. */
  legend: { height: number; draw: (top: number) => void };
  /** Room above the plot in every part (a band or threshold name). */
  headHeight: number;
  rowHeights: readonly number[];
  axisHeight: number;
  /**
   * Draws the head, rows [first, end) and the axis of one part: the head from `top`, the plot from
   * `top + headHeight` for `plotHeight` points, the axis under it.
   */
  drawPart: (top: number, first: number, end: number, plotHeight: number) => void;
}

const AFTER_CHART = 8;
/** A chart that must be cut starts on the current page only if this many rows fit there. */
const MIN_ROWS_FIRST_PART = 3;

/**
 * A chart of rows, kept on one page when it fits on one, else cut between rows; each part is
 * tagged as a Figure, the first with the chart's alternative text. The heading stays with the
 * first rows.
 */
export function drawRowChart(w: PdfWriter, chart: RowChart): void {
  const titleLines = chart.heading ? w.wrap(chart.heading.title, "bold", CHART_STYLES.title.size, w.width) : [];
  const readingLines = chart.heading ? w.wrap(chart.heading.reading, "regular", CHART_STYLES.reading.size, w.width) : [];
  const headingHeight = chart.heading ? titleLines.length * w.lineHeight(CHART_STYLES.title) + readingLines.length * w.lineHeight(CHART_STYLES.reading) + 6 : 0;
  const frame = chart.headHeight + chart.axisHeight + 3;
  const rows = chart.rowHeights;
  const sum = (from: number, to: number) => rows.slice(from, to).reduce((s, h) => s + h, 0);
  const whole = headingHeight + chart.legend.height + frame + sum(0, rows.length);
  w.ensureSpace(whole <= w.bottom - w.top ? whole : headingHeight + chart.legend.height + frame + sum(0, MIN_ROWS_FIRST_PART));

  if (chart.heading) {
    w.tagged("P", () => {
      for (const line of titleLines) {
        w.drawLine(line, w.left, w.y, CHART_STYLES.title);
        w.y += w.lineHeight(CHART_STYLES.title);
      }
    });
    w.tagged("P", () => {
      for (const line of readingLines) {
        w.drawLine(line, w.left, w.y, CHART_STYLES.reading);
        w.y += w.lineHeight(CHART_STYLES.reading);
      }
    });
    w.y += 6;
  }

  let first = 0;
  while (first < rows.length) {
    if (first > 0) w.addPage();
    const legendHeight = first === 0 ? chart.legend.height : 0;
    const room = w.bottom - w.y - legendHeight - frame;
    let end = first + 1;
    while (end < rows.length && sum(first, end + 1) <= room) end++;
    const from = first;
    w.tagged(
      "Figure",
      () => {
        const top = w.y;
        if (legendHeight) chart.legend.draw(top);
        const plotHeight = sum(from, end);
        chart.drawPart(top + legendHeight, from, end, plotHeight);
        w.y = top + legendHeight + frame + plotHeight;
      },
      { alt: from === 0 ? chart.alt : "Suite du graphique de la page précédente." },
    );
    first = end;
  }
  w.y += AFTER_CHART;
}
