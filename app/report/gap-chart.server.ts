import type { GapChartBlock } from "../../diagnostics/report.ts";
import {
  CHART_STYLES,
  dashedLineSwatch,
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

const BAR_HEIGHT = 11;
const BAR_GAP = 3;
const ROW_PADDING = 12;
const WITHHELD_HEIGHT = 22;
const HEAD_HEIGHT = 13;
const AXIS_HEIGHT = 25;
/** Room beside the plot for the texts at the ends of the bars: at most, and at least on the right (the last tick's text). */
const MAX_TEXT_ROOM = 90;
const MIN_RIGHT_ROOM = 22;
/** Axis steps, in %: the first whose ticks are at least MIN_TICK_SPACING points apart. */
const STEPS = [5, 10, 20, 25, 50, 100, 200, 500, 1000];
const MIN_TICK_SPACING = 30;

const SERIES_FILLS = [
  { fill: PDF_COLOURS.navy, stripes: null },
  { fill: PDF_COLOURS.teal, stripes: "#cde8e5" },
] as const;

const VALUE_STYLE: TextStyle = { font: "bold", size: TYPE.small - 0.3, color: PDF_COLOURS.ink };
const MUTED_STYLE: TextStyle = { font: "regular", size: TYPE.small - 0.3, color: PDF_COLOURS.muted };

/**
 * The axis: from 0 % (or, with a negative gap, from minus the largest negative gap) to the largest
 * positive gap, each side reaching at least twice the threshold and rounded to a whole step.
 */
function scale(values: readonly number[], threshold: number, plotWidth: number): { min: number; max: number; step: number } {
  const high = Math.max(2 * threshold, ...values);
  const low = values.some((v) => v < 0) ? Math.max(2 * threshold, ...values.map((v) => -v)) : 0;
  for (const step of STEPS) {
    const max = Math.ceil(high / step) * step;
    const min = -Math.ceil(low / step) * step;
    if ((step / (max - min)) * plotWidth >= MIN_TICK_SPACING) return { min, max, step };
  }
  const step = STEPS[STEPS.length - 1];
  return { min: -Math.ceil(low / step) * step, max: Math.ceil(high / step) * step, step };
}

function drawBar(w: PdfWriter, series: number, x0: number, x1: number, top: number): void {
  const left = Math.min(x0, x1);
  const width = Math.abs(x1 - x0);
  if (width < 0.3) return;
  const { fill, stripes } = SERIES_FILLS[Math.min(series, SERIES_FILLS.length - 1)];
  if (stripes) hatchedRect(w, left, top, width, BAR_HEIGHT, fill, stripes);
  else w.doc.rect(left, top, width, BAR_HEIGHT).fill(fill);
}

/** A line of text on a ground of its own size (a white one by default), so that the lines under it do not cross it. */
function haloText(w: PdfWriter, text: string, x: number, y: number, style: TextStyle, ground: string = PDF_COLOURS.white): void {
  const width = w.measure(text, style.font, style.size);
  w.doc.save();
  w.doc.rect(x - 1.5, y - 0.5, width + 3, style.size * 1.25).fill(ground);
  w.doc.restore();
  w.drawLine(text, x, y, style);
}

/**
 * Indicator (g): the gap of each category as horizontal bars around 0 % (positive, to the right:
 * at women's expense), one bar per series (total pay solid, base salary hatched), the gap written
 * at the end of each bar (« ! » when the category reaches the threshold), the ± threshold drawn as
 * dashed lines and named, a category too small to publish named across the plot with no bar.
 * Category names wrap on three lines at most; the table that follows has them in full.
 */
export function drawGapChart(w: PdfWriter, chart: GapChartBlock): void {
  const { doc } = w;
  const labelStyle = CHART_STYLES.label;
  const boldLabel: TextStyle = { ...labelStyle, font: "bold" };
  const labelWidth = Math.round(w.width * 0.3);
  const values = chart.rows.flatMap((r) => r.values);
  const drawn = values.filter((v): v is { value: number; text: string } => v.value !== null);
  const negative = drawn.some((v) => v.value < 0);
  const room = (side: typeof drawn) => Math.min(MAX_TEXT_ROOM, Math.max(0, ...side.map((v) => w.measure(v.text, VALUE_STYLE.font, VALUE_STYLE.size) + 8)));
  const plotLeft = w.left + labelWidth + 8 + room(drawn.filter((v) => v.value < 0));
  const plotRight = w.right - Math.max(MIN_RIGHT_ROOM, room(drawn.filter((v) => v.value >= 0)));
  const { min, max, step } = scale(drawn.map((v) => v.value), chart.thresholdPct, plotRight - plotLeft);
  const x = (pct: number) => plotLeft + ((pct - min) / (max - min)) * (plotRight - plotLeft);
  /** Where a text of `width` starts when it should start at `at`, kept between the plot's left and the page's right. */
  const within = (at: number, width: number) => Math.max(w.left + labelWidth + 8, Math.min(at, w.right - width));

  const labels = chart.rows.map((r) => labelLines(w, r.label, r.flagged ? boldLabel : labelStyle, labelWidth - 4));
  const barsHeight = (n: number) => n * BAR_HEIGHT + Math.max(0, n - 1) * BAR_GAP;
  const rowHeights = chart.rows.map((r, i) =>
    Math.max(labels[i].length * w.lineHeight(labelStyle) + 8, r.withheld !== null ? WITHHELD_HEIGHT : barsHeight(r.values.length) + ROW_PADDING),
  );

  const legend: LegendItem[] = chart.series.map((name, i) => ({
    swatch: SERIES_FILLS[i]?.stripes ? hatchedSwatch(w, SERIES_FILLS[i].fill, SERIES_FILLS[i].stripes) : solidSwatch(w, SERIES_FILLS[i]?.fill ?? PDF_COLOURS.navy),
    text: name,
  }));
  legend.push({ swatch: dashedLineSwatch(w), text: chart.thresholdLabel });
  if (chart.flaggedLegend) legend.push({ swatch: null, text: chart.flaggedLegend });

  const ticks: number[] = [];
  for (let v = min; v <= max + 1e-9; v += step) ticks.push(v);

  drawRowChart(w, {
    alt: chart.alt,
    heading: { title: chart.title, reading: chart.reading },
    legend: layoutLegend(w, legend),
    headHeight: HEAD_HEIGHT,
    rowHeights,
    axisHeight: AXIS_HEIGHT,
    drawPart: (top, first, end, plotHeight) => {
      const plotTop = top + HEAD_HEIGHT;
      const plotBottom = plotTop + plotHeight;
      const thresholdStyle: TextStyle = { font: "bold", size: TYPE.small, color: PDF_COLOURS.ink };
      const thresholdWidth = w.measure(chart.thresholdLabel, thresholdStyle.font, thresholdStyle.size);
      w.drawLine(chart.thresholdLabel, within(x(chart.thresholdPct) + 3, thresholdWidth), top, thresholdStyle);
      if (negative) w.drawLine(chart.thresholdLabel, within(x(-chart.thresholdPct) - 3 - thresholdWidth, thresholdWidth), top, thresholdStyle);

      // Grid, and the rows without figures tinted, behind the bars.
      doc.save();
      for (const v of ticks) doc.moveTo(x(v), plotTop).lineTo(x(v), plotBottom).lineWidth(0.4).strokeColor(PDF_COLOURS.border).stroke();
      let rowTop = plotTop;
      for (let i = first; i < end; i++) {
        if (chart.rows[i].withheld !== null) doc.rect(plotLeft, rowTop + 3, plotRight - plotLeft, rowHeights[i] - 6).fill(PDF_COLOURS.softBackground);
        rowTop += rowHeights[i];
      }
      doc.restore();

      // Bars, then zero and the threshold lines over them, then the texts on a white ground over the lines.
      const texts: (() => void)[] = [];
      rowTop = plotTop;
      for (let i = first; i < end; i++) {
        const row = chart.rows[i];
        const height = rowHeights[i];
        drawRowLabel(w, labels[i], row.flagged ? boldLabel : labelStyle, w.left, labelWidth - 4, rowTop, height);
        if (row.withheld !== null) {
          const lines = w.wrap(row.withheld, MUTED_STYLE.font, MUTED_STYLE.size, plotRight - plotLeft - 8);
          const lh = w.lineHeight(MUTED_STYLE);
          const textTop = rowTop + (height - lines.length * lh) / 2;
          texts.push(() =>
            lines.forEach((line, k) => {
              const width = w.measure(line, MUTED_STYLE.font, MUTED_STYLE.size);
              const left = (plotLeft + plotRight - width) / 2;
              haloText(w, line, left, textTop + k * lh, MUTED_STYLE, PDF_COLOURS.softBackground);
            }),
          );
        } else {
          let barTop = rowTop + (height - barsHeight(row.values.length)) / 2;
          row.values.forEach((v, s) => {
            const textTop = barTop + (BAR_HEIGHT - VALUE_STYLE.size * 1.2) / 2 + 0.5;
            if (v.value === null) {
              // No figure for this series (« sans objet »…): written from 0 %, kept within the page.
              const left = within(x(0) + 4, w.measure(v.text, MUTED_STYLE.font, MUTED_STYLE.size));
              texts.push(() => haloText(w, v.text, left, textTop, MUTED_STYLE));
            } else {
              drawBar(w, s, x(0), x(v.value), barTop);
              const width = w.measure(v.text, VALUE_STYLE.font, VALUE_STYLE.size);
              const left = v.value < 0 ? x(v.value) - 4 - width : x(v.value) + 4;
              texts.push(() => haloText(w, v.text, left, textTop, VALUE_STYLE));
            }
            barTop += BAR_HEIGHT + BAR_GAP;
          });
        }
        rowTop += height;
      }

      doc.save();
      doc.moveTo(x(0), plotTop).lineTo(x(0), plotBottom).lineWidth(0.9).strokeColor(PDF_COLOURS.muted).stroke();
      for (const t of negative ? [chart.thresholdPct, -chart.thresholdPct] : [chart.thresholdPct]) {
        doc.moveTo(x(t), plotTop - 2).lineTo(x(t), plotBottom + 2).lineWidth(1.4).dash(4, { space: 3 }).strokeColor(PDF_COLOURS.ink).stroke();
        doc.undash();
      }
      doc.restore();
      for (const draw of texts) draw();

      const axisTop = plotBottom + 3;
      for (const v of ticks) drawTick(w, `${v}\u00a0%`, x(v), axisTop);
      const directionTop = axisTop + 12;
      const directionStyle: TextStyle = { ...CHART_STYLES.axis, color: PDF_COLOURS.ink };
      const measure = (text: string) => w.measure(text, directionStyle.font, directionStyle.size);
      w.drawLine(chart.directions.positive, within(x(0) + 4, measure(chart.directions.positive)), directionTop, directionStyle);
      if (negative) w.drawLine(chart.directions.negative, within(x(0) - 4 - measure(chart.directions.negative), 0), directionTop, directionStyle);
    },
  });
}
