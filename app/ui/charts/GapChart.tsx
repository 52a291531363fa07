import type { ReactElement } from "react";
import { Bar, BarChart, Cell, LabelList, ReferenceLine, XAxis, YAxis } from "recharts";
import { CHART_COLOURS } from "./palette.ts";
import { ChartFallback, labelBox, wrappedTick } from "./chart-parts.tsx";
import { useChartBox } from "./use-chart-box.ts";

const NBSP = "\u00a0";
const ROW_HEIGHT = 48;
const MARGIN = { top: 26, right: 56, bottom: 4, left: 4 };
const X_AXIS_HEIGHT = 26;

export interface GapDatum {
  key: string;
  label: string;
  /** Gap in %: positive at women's expense. */
  value: number;
  display: string;
  /** At or beyond the threshold: drawn darker and marked « ! ». */
  flagged: boolean;
}

/** Height of the chart box, fixed on the server so that nothing moves when the chart draws. */
export function gapChartHeight(rows: number): number {
  return MARGIN.top + MARGIN.bottom + X_AXIS_HEIGHT + Math.max(1, rows) * ROW_HEIGHT;
}

/** The gap written past the end of its bar (left of a negative bar). */
function valueLabel(props: unknown): ReactElement {
  const { x, y, width, height, value: text } = labelBox(props);
  const negative = width < 0;
  return (
    <text
      x={negative ? x + width - 6 : x + width + 6}
      y={y + height / 2}
      dy="0.35em"
      textAnchor={negative ? "end" : "start"}
      fill={CHART_COLOURS.ink}
      stroke="#ffffff"
      strokeWidth={4}
      paintOrder="stroke"
      fontSize={13}
      fontWeight={600}
    >
      {text}
    </text>
  );
}

/**
 * Mean pay gap of each category as horizontal bars around 0, with the ±threshold lines drawn and
 * named; a category at or beyond the threshold is drawn hatched and its label says so, so nothing
 * relies on colour. Drawn after hydration; the data table follows in the page.
 */
export function GapChart({ id, data, thresholdPct, summary }: { id: string; data: readonly GapDatum[]; thresholdPct: number; summary: string }) {
  const { ref, width } = useChartBox<HTMLDivElement>();
  const height = gapChartHeight(data.length);
  const yAxisWidth = Math.round(Math.min(220, Math.max(100, width * 0.34)));
  const maxChars = Math.max(8, Math.floor((yAxisWidth - 10) / (13 * 0.55)));
  const extent = Math.max(thresholdPct * 2, ...data.map((d) => Math.abs(d.value)));
  const bound = Math.ceil((extent * 1.1) / 5) * 5;
  const min = data.some((d) => d.value < 0) ? -bound : 0;
  const patternId = `${id}-hachures`;
  const rows = data.map((d) => ({ ...d, text: d.flagged ? `${d.display} !` : d.display }));
  return (
    <div ref={ref} className="chart-box" role="img" aria-label={summary} style={{ height }}>
      {width > 0 ? (
        <BarChart width={width} height={height} data={rows} layout="vertical" margin={MARGIN} barCategoryGap={12} accessibilityLayer={false}>
          <defs>
            <pattern id={patternId} patternUnits="userSpaceOnUse" width={8} height={8} patternTransform="rotate(45)">
              <rect width={8} height={8} fill={CHART_COLOURS.score} />
              <rect width={2.5} height={8} fill="#ffffff" fillOpacity={0.45} />
            </pattern>
          </defs>
          <XAxis
            type="number"
            domain={[min, bound]}
            tickFormatter={(v: number) => `${v}${NBSP}%`}
            height={X_AXIS_HEIGHT}
            tick={{ fill: CHART_COLOURS.ink, fontSize: 12 }}
            stroke={CHART_COLOURS.muted}
          />
          <YAxis type="category" dataKey="label" width={yAxisWidth} interval={0} tickLine={false} stroke={CHART_COLOURS.muted} tick={wrappedTick(maxChars, 13)} />
          <ReferenceLine
            x={thresholdPct}
            stroke={CHART_COLOURS.ink}
            strokeWidth={2}
            strokeDasharray="6 4"
            ifOverflow="visible"
            label={{ value: `seuil de ${thresholdPct}${NBSP}%`, position: "top", fill: CHART_COLOURS.ink, fontSize: 13, fontWeight: 600 }}
          />
          {min < 0 ? <ReferenceLine x={-thresholdPct} stroke={CHART_COLOURS.ink} strokeWidth={2} strokeDasharray="6 4" ifOverflow="visible" /> : null}
          <ReferenceLine x={0} stroke={CHART_COLOURS.muted} />
          <Bar dataKey="value" name="Écart moyen" barSize={24} isAnimationActive={false}>
            {rows.map((d) => (
              <Cell key={d.key} fill={d.flagged ? `url(#${patternId})` : CHART_COLOURS.band} />
            ))}
            <LabelList dataKey="text" content={valueLabel} />
          </Bar>
        </BarChart>
      ) : (
        <ChartFallback />
      )}
    </div>
  );
}
