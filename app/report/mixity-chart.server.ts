import type { MixityChartBlock } from "../../diagnostics/report.ts";
import { PDF_COLOURS, TYPE } from "./theme.ts";
import type { PdfWriter, TextStyle } from "./writer.server.ts";

const ROW_HEIGHT = 24;
const BAR_HEIGHT = 15;
const LEGEND_HEIGHT = 16;
const BAND_LABEL_HEIGHT = 13;
const AXIS_HEIGHT = 14;
const HATCH_STEP = 5;

/**
 * The per-job mixity chart as vector shapes: one horizontal bar per job, women from 0 % (solid
 * purple) and men up to 100 % (orange with dark diagonal stripes, so that the two stay apart in
 * black and white), the 40–60 % « zone de mixité » tinted behind the bars and outlined in dashes
 * above them with its name, direct labels inside the bars, job titles on the left (« * » for a
 * small headcount), a legend and a 0–100 % axis. Tagged as one Figure whose alternative text is
 * the chart's summary; the data table follows it in the document.
 */
export function drawMixityChart(w: PdfWriter, chart: MixityChartBlock): void {
  const { doc } = w;
  const labelStyle: TextStyle = { font: "regular", size: TYPE.table, color: PDF_COLOURS.ink, leading: 1.15 };
  const labelWidth = Math.round(w.width * 0.34);
  const plotX = w.left + labelWidth + 8;
  const plotWidth = w.right - plotX - 6;
  const x = (pct: number) => plotX + (plotWidth * pct) / 100;
  const labels = chart.rows.map((r) => w.wrap(r.label, "regular", labelStyle.size, labelWidth - 4).slice(0, 3));
  const rowHeights = labels.map((l) => Math.max(ROW_HEIGHT, l.length * w.lineHeight(labelStyle) + 6));
  const plotHeight = rowHeights.reduce((s, h) => s + h, 0);
  const total = LEGEND_HEIGHT + (chart.legend.lowHeadcount ? 12 : 0) + BAND_LABEL_HEIGHT + plotHeight + AXIS_HEIGHT + 4;
  w.ensureSpace(total);

  w.tagged(
    "Figure",
    () => {
      const top = w.y;
      // Legend: swatches with their names, the band, the small-headcount mark.
      const legendStyle: TextStyle = { font: "regular", size: TYPE.small, color: PDF_COLOURS.ink };
      let lx = w.left;
      const swatch = (draw: (sx: number, sy: number) => void, text: string) => {
        draw(lx, top + 1);
        w.drawLine(text, lx + 14, top, legendStyle);
        lx += 14 + w.measure(text, "regular", legendStyle.size) + 14;
      };
      swatch((sx, sy) => doc.rect(sx, sy, 10, 10).fill(PDF_COLOURS.women), chart.legend.women);
      swatch((sx, sy) => hatchedRect(w, sx, sy, 10, 10), chart.legend.men);
      swatch((sx, sy) => {
        doc.save();
        doc.rect(sx + 0.5, sy + 0.5, 9, 9).lineWidth(1.2).dash(2, { space: 1.5 }).strokeColor(PDF_COLOURS.ink).stroke();
        doc.undash();
        doc.restore();
      }, chart.legend.band);
      let y = top + LEGEND_HEIGHT;
      if (chart.legend.lowHeadcount) {
        w.drawLine(chart.legend.lowHeadcount, w.left, y - 3, legendStyle);
        y += 12;
      }

      // The band's name above the plot.
      const bandStyle: TextStyle = { font: "bold", size: TYPE.small, color: PDF_COLOURS.ink };
      const bandCentre = (x(chart.bandMinPct) + x(chart.bandMaxPct)) / 2;
      w.drawLine(chart.bandLabel, bandCentre - 80, y, bandStyle, "center", 160);
      y += BAND_LABEL_HEIGHT;
      const plotTop = y;

      // Grid and band tint behind the bars.
      doc.save();
      for (const pct of [0, 20, 40, 60, 80, 100]) {
        doc.moveTo(x(pct), plotTop).lineTo(x(pct), plotTop + plotHeight).lineWidth(0.4).strokeColor(PDF_COLOURS.border).stroke();
      }
      doc.rect(x(chart.bandMinPct), plotTop, x(chart.bandMaxPct) - x(chart.bandMinPct), plotHeight).fillOpacity(0.14).fill(PDF_COLOURS.band);
      doc.restore();

      // One bar per job.
      const inBar: TextStyle = { font: "bold", size: TYPE.small, color: PDF_COLOURS.white };
      chart.rows.forEach((row, i) => {
        const rowTop = plotTop + rowHeights.slice(0, i).reduce((s, h) => s + h, 0);
        const lines = labels[i];
        const lh = w.lineHeight(labelStyle);
        const labelTop = rowTop + (rowHeights[i] - lines.length * lh) / 2;
        lines.forEach((line, k) => w.drawLine(line, w.left, labelTop + k * lh, labelStyle, "right", labelWidth - 4));
        const barTop = rowTop + (rowHeights[i] - BAR_HEIGHT) / 2;
        const womenEnd = x(row.womenPct);
        if (row.womenPct > 0) doc.rect(x(0), barTop, womenEnd - x(0), BAR_HEIGHT).fill(PDF_COLOURS.women);
        if (row.menPct > 0) hatchedRect(w, womenEnd, barTop, x(100) - womenEnd, BAR_HEIGHT);
        if (row.womenPct > 0 && row.menPct > 0) {
          doc.save();
          doc.moveTo(womenEnd, barTop).lineTo(womenEnd, barTop + BAR_HEIGHT).lineWidth(1).strokeColor(PDF_COLOURS.white).stroke();
          doc.restore();
        }
        const textTop = barTop + (BAR_HEIGHT - inBar.size * 1.2) / 2 + 0.5;
        // Labels at the outer ends of the bar (women's from 0 %, men's up to 100 %): clear of the band's outline.
        segmentLabel(w, "Femmes", row.womenDisplay, x(0), womenEnd - x(0), textTop, inBar, "left");
        segmentLabel(w, "Hommes", row.menDisplay, womenEnd, x(100) - womenEnd, textTop, inBar, "right");
      });

      // The band's outline above the bars.
      doc.save();
      doc
        .rect(x(chart.bandMinPct), plotTop - 2, x(chart.bandMaxPct) - x(chart.bandMinPct), plotHeight + 4)
        .lineWidth(1.4)
        .dash(4, { space: 3 })
        .strokeColor(PDF_COLOURS.ink)
        .stroke();
      doc.undash();
      doc.restore();

      // Axis.
      const axisTop = plotTop + plotHeight + 3;
      const axisStyle: TextStyle = { font: "regular", size: TYPE.small - 0.5, color: PDF_COLOURS.muted };
      for (const pct of [0, 20, 40, 60, 80, 100]) {
        w.drawLine(`${pct}\u00a0%`, x(pct) - 20, axisTop, axisStyle, "center", 40);
      }
      w.y = axisTop + AXIS_HEIGHT;
    },
    { alt: chart.alt },
  );
  w.y += 8;
}

/** A rectangle in the men's colour with dark diagonal stripes (readable in black and white). */
function hatchedRect(w: PdfWriter, x: number, y: number, width: number, height: number): void {
  const { doc } = w;
  if (width <= 0) return;
  doc.save();
  doc.rect(x, y, width, height).fill(PDF_COLOURS.men);
  doc.rect(x, y, width, height).clip();
  for (let s = x - height; s < x + width; s += HATCH_STEP) {
    doc.moveTo(s, y + height).lineTo(s + height, y).lineWidth(1.6).strokeColor(PDF_COLOURS.menHatch).stroke();
  }
  doc.restore();
}

/** « Femmes 40 % » when it fits, « 40 % » when only that fits, nothing otherwise (the table has it). */
function segmentLabel(w: PdfWriter, name: string, share: string, x: number, width: number, y: number, style: TextStyle, align: "left" | "right"): void {
  const pad = 5;
  const full = `${name} ${share}`;
  const text = w.measure(full, style.font, style.size) + 2 * pad <= width ? full : w.measure(share, style.font, style.size) + 2 * pad <= width ? share : "";
  if (text) w.drawLine(text, x + pad, y, style, align, width - 2 * pad);
}
