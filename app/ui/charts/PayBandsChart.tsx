import type { ReactElement } from "react";
import { Bar, BarChart, LabelList, XAxis, YAxis } from "recharts";
import type { BandRow } from "../../../diagnostics/transparency/view.ts";
import { CHART_COLOURS } from "./palette.ts";
import { ChartFallback, labelBox } from "./chart-parts.tsx";
import { useChartBox } from "./use-chart-box.ts";

const NBSP = "\u00a0";
const ROW_HEIGHT = 46;
const MARGIN = { top: 8, right: 12, bottom: 4, left: 4 };
const X_AXIS_HEIGHT = 26;

/** Height of the chart box, fixed on the server so that nothing moves when the chart draws. */
export function payBandsChartHeight(rows: number): number {
  return MARGIN.top + MARGIN.bottom + X_AXIS_HEIGHT + rows * ROW_HEIGHT;
}

/** « Femmes 40 % » inside the segment when it fits, « 40 % » when only that fits, nothing otherwise (the table has it). */
function segmentLabel(name: string) {
  return function SegmentLabel(raw: unknown): ReactElement {
    const { x, y, width, height, value: share } = labelBox(raw);
    const text = !share ? "" : width >= 120 ? `${name} ${share}` : width >= 44 ? share : "";
    if (!text) return <g />;
    return (
      <text x={x + width / 2} y={y + height / 2} dy="0.35em" textAnchor="middle" fill="#ffffff" fontSize={13} fontWeight={600}>
        {text}
      </text>
    );
  };
}

const SHORT_LABELS = ["1er quart", "2e quart", "3e quart", "4e quart"];

/**
 * Indicator (f): the share of women and of men in each quarter of pay, as stacked bars from 0 to
 * 100 % (women from the left, men hatched to the right: nothing relies on colour). Drawn after
 * hydration in a box whose height the server fixes; the data table follows in the page.
 */
export function PayBandsChart({ id, bands, summary }: { id: string; bands: readonly BandRow[]; summary: string }) {
  const { ref, width } = useChartBox<HTMLDivElement>();
  const height = payBandsChartHeight(bands.length);
  const patternId = `${id}-hachures`;
  const rows = bands.map((b) => ({ ...b, chartLabel: SHORT_LABELS[b.band - 1] ?? b.label }));
  return (
    <>
      <ul className="chart-legend" aria-hidden="true">
        <li>
          <span className="swatch swatch-women" /> Femmes
        </li>
        <li>
          <span className="swatch swatch-men" /> Hommes
        </li>
      </ul>
      <div ref={ref} className="chart-box" role="img" aria-label={summary} style={{ height }}>
        {width > 0 ? (
          <BarChart width={width} height={height} data={rows} layout="vertical" margin={MARGIN} barCategoryGap={8} accessibilityLayer={false}>
            <defs>
              <pattern id={patternId} patternUnits="userSpaceOnUse" width={8} height={8} patternTransform="rotate(45)">
                <rect width={8} height={8} fill={CHART_COLOURS.men} />
                <rect width={2.5} height={8} fill={CHART_COLOURS.menHatch} />
              </pattern>
            </defs>
            <XAxis
              type="number"
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              tickFormatter={(v: number) => `${v}${NBSP}%`}
              height={X_AXIS_HEIGHT}
              tick={{ fill: CHART_COLOURS.ink, fontSize: 12 }}
              stroke={CHART_COLOURS.muted}
            />
            <YAxis type="category" dataKey="chartLabel" width={86} interval={0} tickLine={false} stroke={CHART_COLOURS.muted} tick={{ fill: CHART_COLOURS.ink, fontSize: 13 }} />
            <Bar dataKey="womenPct" name="Femmes" stackId="part" fill={CHART_COLOURS.women} stroke="#ffffff" strokeWidth={1} isAnimationActive={false}>
              <LabelList dataKey="womenDisplay" content={segmentLabel("Femmes")} />
            </Bar>
            <Bar dataKey="menPct" name="Hommes" stackId="part" fill={`url(#${patternId})`} stroke="#ffffff" strokeWidth={1} isAnimationActive={false}>
              <LabelList dataKey="menDisplay" content={segmentLabel("Hommes")} />
            </Bar>
          </BarChart>
        ) : (
          <ChartFallback />
        )}
      </div>
    </>
  );
}
