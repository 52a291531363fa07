import type { MixityChartBlock, PayBandsChartBlock } from "../../diagnostics/report.ts";
import {
  CHART_STYLES,
  dashedBoxSwatch,
  drawRowChart,
  drawRowLabel,
  drawTick,
  hatchedRect,
  hatchedSwatch,
  labelLines,
  layoutLegend,
  solidSwatch,
  type LegendItem,
} from "./chart-parts.server.ts";
import { PDF_COLOURS, TYPE } from "./theme.ts";
import type { PdfWriter, TextStyle } from "./writer.server.ts";

const ROW_HEIGHT = 24;
const BAR_HEIGHT = 15;
const BAND_LABEL_HEIGHT = 13;
const AXIS_HEIGHT = 14;

interface ShareRow {
  label: string;
  womenPct: number;
  menPct: number;
  womenDisplay: string;
  menDisplay: string;
}

interface ShareChart {
  alt: string;
  heading: { title: string; reading: string } | null;
  legend: LegendItem[];
  /** The band drawn behind the bars and named above them, or null. */
  band: { minPct: number; maxPct: number; label: string } | null;
  ticks: readonly number[];
  rows: readonly ShareRow[];
}

/**
 * Shares of women and men as horizontal bars from 0 to 100 %: women from 0 % (solid purple) and
 * men up to 100 % (orange with dark diagonal stripes, so that the two stay apart in black and
 * white), direct labels inside the bars, row labels on the left, a legend and a 0–100 % axis; the
 * band, when there is one, tinted behind the bars and outlined in dashes above them with its name.
 */
function drawShareChart(w: PdfWriter, chart: ShareChart): void {
  const { doc } = w;
  const labelStyle = CHART_STYLES.label;
  const labelWidth = Math.round(w.width * 0.34);
  const plotX = w.left + labelWidth + 8;
  const plotWidth = w.right - plotX - 6;
  const x = (pct: number) => plotX + (plotWidth * pct) / 100;
  const labels = chart.rows.map((r) => labelLines(w, r.label, labelStyle, labelWidth - 4));
  const rowHeights = labels.map((l) => Math.max(ROW_HEIGHT, l.length * w.lineHeight(labelStyle) + 6));
  const band = chart.band;

  drawRowChart(w, {
    alt: chart.alt,
    heading: chart.heading,
    legend: layoutLegend(w, chart.legend),
    headHeight: band ? BAND_LABEL_HEIGHT : 4,
    rowHeights,
    axisHeight: AXIS_HEIGHT,
    drawPart: (top, first, end, plotHeight) => {
      if (band) {
        const bandStyle: TextStyle = { font: "bold", size: TYPE.small, color: PDF_COLOURS.ink };
        const bandCentre = (x(band.minPct) + x(band.maxPct)) / 2;
        w.drawLine(band.label, bandCentre - 80, top, bandStyle, "center", 160);
      }
      const plotTop = top + (band ? BAND_LABEL_HEIGHT : 4);

      // Grid and band tint behind the bars.
      doc.save();
      for (const pct of chart.ticks) {
        doc.moveTo(x(pct), plotTop).lineTo(x(pct), plotTop + plotHeight).lineWidth(0.4).strokeColor(PDF_COLOURS.border).stroke();
      }
      if (band) doc.rect(x(band.minPct), plotTop, x(band.maxPct) - x(band.minPct), plotHeight).fillOpacity(0.14).fill(PDF_COLOURS.band);
      doc.restore();

      let rowTop = plotTop;
      for (let i = first; i < end; i++) {
        const row = chart.rows[i];
        drawRowLabel(w, labels[i], labelStyle, w.left, labelWidth - 4, rowTop, rowHeights[i]);
        drawShareBar(w, row, x(0), x(100), rowTop + (rowHeights[i] - BAR_HEIGHT) / 2);
        rowTop += rowHeights[i];
      }

      if (band) {
        doc.save();
        doc
          .rect(x(band.minPct), plotTop - 2, x(band.maxPct) - x(band.minPct), plotHeight + 4)
          .lineWidth(1.4)
          .dash(4, { space: 3 })
          .strokeColor(PDF_COLOURS.ink)
          .stroke();
        doc.undash();
        doc.restore();
      }

      const axisTop = plotTop + plotHeight + 3;
      for (const pct of chart.ticks) drawTick(w, `${pct}\u00a0%`, x(pct), axisTop);
    },
  });
}

/** One bar: women from `start`, men hatched up to `end`, a white rule between them, labels at the outer ends. */
function drawShareBar(w: PdfWriter, row: ShareRow, start: number, end: number, barTop: number): void {
  const { doc } = w;
  const womenEnd = start + ((end - start) * row.womenPct) / 100;
  if (row.womenPct > 0) doc.rect(start, barTop, womenEnd - start, BAR_HEIGHT).fill(PDF_COLOURS.women);
  if (row.menPct > 0) hatchedRect(w, womenEnd, barTop, end - womenEnd, BAR_HEIGHT);
  if (row.womenPct > 0 && row.menPct > 0) {
    doc.save();
    doc.moveTo(womenEnd, barTop).lineTo(womenEnd, barTop + BAR_HEIGHT).lineWidth(1).strokeColor(PDF_COLOURS.white).stroke();
    doc.restore();
  }
  const inBar = CHART_STYLES.inBar;
  const textTop = barTop + (BAR_HEIGHT - inBar.size * 1.2) / 2 + 0.5;
  // Labels at the outer ends of the bar (women's from 0 %, men's up to 100 %): clear of a band's outline.
  segmentLabel(w, "Femmes", row.womenDisplay, start, womenEnd - start, textTop, inBar, "left");
  segmentLabel(w, "Hommes", row.menDisplay, womenEnd, end - womenEnd, textTop, inBar, "right");
}

/** « Femmes 40 % » when it fits, « 40 % » when only that fits, nothing otherwise (the table has it). */
function segmentLabel(w: PdfWriter, name: string, share: string, x: number, width: number, y: number, style: TextStyle, align: "left" | "right"): void {
  const pad = 5;
  const full = `${name} ${share}`;
  const text = w.measure(full, style.font, style.size) + 2 * pad <= width ? full : w.measure(share, style.font, style.size) + 2 * pad <= width ? share : "";
  if (text) w.drawLine(text, x + pad, y, style, align, width - 2 * pad);
}

/**
 * The per-job mixity chart: one bar per job, the 40–60 % « zone de mixité », job titles on the
 * left (« * » for a small headcount). Tagged as one Figure (per page) whose alternative text is the
 * chart's summary; the data table follows it in the document.
 */
export function drawMixityChart(w: PdfWriter, chart: MixityChartBlock): void {
  const legend: LegendItem[] = [
    { swatch: solidSwatch(w, PDF_COLOURS.women), text: chart.legend.women },
    { swatch: hatchedSwatch(w), text: chart.legend.men },
    { swatch: dashedBoxSwatch(w), text: chart.legend.band },
  ];
  if (chart.legend.lowHeadcount) legend.push({ swatch: null, text: chart.legend.lowHeadcount, newLine: true });
  drawShareChart(w, {
    alt: chart.alt,
    heading: null,
    legend,
    band: { minPct: chart.bandMinPct, maxPct: chart.bandMaxPct, label: chart.bandLabel },
    ticks: [0, 20, 40, 60, 80, 100],
    rows: chart.rows,
  });
}

/** Indicator (f): one bar per quarter of hourly pay, with its title and reading; its table follows. */
export function drawPayBandsChart(w: PdfWriter, chart: PayBandsChartBlock): void {
  drawShareChart(w, {
    alt: chart.alt,
    heading: { title: chart.title, reading: chart.reading },
    legend: [
      { swatch: solidSwatch(w, PDF_COLOURS.women), text: chart.legend.women },
      { swatch: hatchedSwatch(w), text: chart.legend.men },
    ],
    band: null,
    ticks: [0, 25, 50, 75, 100],
    rows: chart.rows,
  });
}
