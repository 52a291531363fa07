import type { ReactElement } from "react";
import { Bar, BarChart, Cell, LabelList, XAxis, YAxis } from "recharts";
import { wrappedTick } from "./chart-parts.tsx";
import { CHART_COLOURS } from "./palette.ts";
import { useChartBox } from "./use-chart-box.ts";

const NBSP = "\u00a0";
const MARGIN = { top: 8, right: 16, bottom: 4, left: 4 };
const X_AXIS_HEIGHT = 26;
const BAR_HEIGHT = 22;
const GROUP_GAP = 14;
/** Below this width (a phone), bar labels drop the series name and get smaller. */
const NARROW_WIDTH = 560;

/** One series of bars: its name (direct labels say it too) and how it is drawn (colour and pattern, so that colour is never the only cue). */
export interface CountSeries {
  key: string;
  name: string;
  colour: string;
  /** Diagonal stripes or dots over the colour; none for the first series. */
  pattern?: "stripes" | "dots";
}

/** One category (a band, a year, a domain): per series, the count to draw (null when suppressed) and the label written after the bar. */
export interface CountDatum {
  key: string;
  label: string;
  values: Record<string, { value: number | null; text: string }>;
}

/** Colours of the DDETS charts: navy, teal and amber of the site (each at least 4.5:1 on white), never pink/blue. */
export const COUNT_SERIES_COLOURS = [CHART_COLOURS.score, CHART_COLOURS.band, "#b45309"] as const;

/** Room for a category label of up to three lines. */
const MIN_CATEGORY_HEIGHT = 48;

/** Height of one category: its bars and the gap, at least room for a three-line label. */
function categoryHeight(series: number): number {
  return Math.max(MIN_CATEGORY_HEIGHT, series * BAR_HEIGHT + GROUP_GAP);
}

/** Height of the chart box, fixed on the server so that nothing moves when the chart draws. */
export function countChartHeight(categories: number, series: number): number {
  return MARGIN.top + MARGIN.bottom + X_AXIS_HEIGHT + categories * categoryHeight(series);
}

interface LabelProps {
  value?: unknown;
  viewBox?: { x?: number; y?: number; width?: number; height?: number };
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
}

/** The bar's label after its end (inside it when there is no room after): the count, or the suppression marker at the axis. */
function barLabel(plotRight: number, fontSize: number) {
  return function BarLabel(raw: unknown): ReactElement {
    const props = raw as LabelProps;
    const box = props.viewBox ?? props;
    const text = typeof props.value === "string" ? props.value : "";
    if (!text) return <g />;
    const x = Number(box.x ?? 0);
    const y = Number(box.y ?? 0);
    const width = Number(box.width ?? 0);
    const height = Number(box.height ?? 0);
    const approxWidth = text.length * fontSize * 0.54;
    const inside = width > approxWidth + 12 && x + width + approxWidth + 8 > plotRight;
    return (
      <text
        x={inside ? x + width - 6 : x + width + 6}
        y={y + height / 2}
        dy="0.35em"
        textAnchor={inside ? "end" : "start"}
        fill={inside ? "#ffffff" : CHART_COLOURS.ink}
        stroke={inside ? "none" : "#ffffff"}
        strokeWidth={4}
        paintOrder="stroke"
        fontSize={fontSize}
        fontWeight={600}
      >
        {text}
      </text>
    );
  };
}

function fillOf(s: CountSeries, id: string): string {
  return s.pattern ? `url(#${id}-${s.key})` : s.colour;
}

/** The key of a chart with several series; hidden from screen readers, which get the box's label and the table. */
export function CountLegend({ series }: { series: readonly CountSeries[] }) {
  if (series.length < 2) return null;
  return (
    <ul className="chart-legend" aria-hidden="true">
      {series.map((s) => (
        <li key={s.key}>
          <span className={`swatch swatch-${s.pattern ?? "solid"}`} style={{ backgroundColor: s.colour }} /> {s.name}
        </li>
      ))}
    </ul>
  );
}

/**
 * Counts of structures as horizontal bars, one group per category and one bar per series, each
 * labelled with its figure; a suppressed figure draws no bar and writes « moins de 5 structures »
 * (or « masqué ») at the axis. Drawn only after hydration in a box whose height the server fixes;
 * the box carries the summary for screen readers, and the data table follows it in the page.
 */
export function CountBarChart({ id, data, series, summary }: { id: string; data: readonly CountDatum[]; series: readonly CountSeries[]; summary: string }) {
  const { ref, width } = useChartBox<HTMLDivElement>();
  const height = countChartHeight(data.length, series.length);
  const tickSize = width > 0 && width < NARROW_WIDTH ? 12 : 13;
  const yAxisWidth = Math.round(Math.min(220, Math.max(100, width * 0.33)));
  const maxChars = Math.max(8, Math.floor((yAxisWidth - 10) / (tickSize * 0.55)));
  const narrow = width > 0 && width < NARROW_WIDTH;
  const max = Math.max(1, ...data.flatMap((d) => series.map((s) => d.values[s.key]?.value ?? 0)));
  // A suppressed figure gets an invisible sliver of a bar: recharts writes no label for an empty bar.
  const sliver = max / 10_000;
  const rows = data.map((d) => {
    const row: Record<string, string | number> = { label: d.label };
    for (const s of series) {
      row[s.key] = d.values[s.key]?.value ?? sliver;
      const text = d.values[s.key]?.text ?? "";
      // With several series, each bar says which one it is (colour and pattern are never the only cue);
      // on a phone there is no room for it: the bars keep the legend's order and the table follows.
      row[`${s.key}__text`] = text && series.length > 1 && !narrow ? `${s.name}${NBSP}: ${text}` : text;
    }
    return row;
  });
  return (
    <>
      <CountLegend series={series} />
      <div ref={ref} className="chart-box" role="img" aria-label={summary} style={{ height }}>
        {width > 0 ? (
          <BarChart width={width} height={height} data={rows} layout="vertical" margin={MARGIN} barCategoryGap={(categoryHeight(series.length) - series.length * BAR_HEIGHT) / 2} barGap={2} accessibilityLayer={false}>
            <defs>
              {series
                .filter((s) => s.pattern)
                .map((s) => (
                  <pattern key={s.key} id={`${id}-${s.key}`} patternUnits="userSpaceOnUse" width={8} height={8} patternTransform={s.pattern === "stripes" ? "rotate(45)" : undefined}>
                    <rect width={8} height={8} fill={s.colour} />
                    {s.pattern === "stripes" ? <rect width={2.5} height={8} fill="#ffffff" fillOpacity={0.45} /> : <circle cx={4} cy={4} r={1.6} fill="#ffffff" fillOpacity={0.6} />}
                  </pattern>
                ))}
            </defs>
            <XAxis
              type="number"
              domain={[0, Math.ceil(max * 1.15)]}
              allowDecimals={false}
              height={X_AXIS_HEIGHT}
              tick={{ fill: CHART_COLOURS.ink, fontSize: 12 }}
              stroke={CHART_COLOURS.muted}
            />
            <YAxis type="category" dataKey="label" width={yAxisWidth} interval={0} tickLine={false} stroke={CHART_COLOURS.muted} tick={wrappedTick(maxChars, tickSize)} />
            {series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.name} fill={fillOf(s, id)} barSize={BAR_HEIGHT - 4} isAnimationActive={false}>
                {data.map((d) => (
                  <Cell key={d.key} fill={d.values[s.key]?.value === null ? "transparent" : fillOf(s, id)} />
                ))}
                <LabelList
                  valueAccessor={(entry: unknown) => String((entry as { payload?: Record<string, unknown> }).payload?.[`${s.key}__text`] ?? "")}
                  content={barLabel(width - MARGIN.right, narrow ? 12 : 13)}
                />
              </Bar>
            ))}
          </BarChart>
        ) : (
          <p className="chart-fallback" aria-hidden="true">
            Le graphique s'affiche quand la page est chargée{NBSP}; les chiffres sont dans le tableau ci-dessous.
          </p>
        )}
      </div>
    </>
  );
}
