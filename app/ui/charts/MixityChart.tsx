import type { ReactElement } from "react";
import { Bar, BarChart, LabelList, ReferenceArea, XAxis, YAxis } from "recharts";
import type { MixityGroup, MixityJobRow } from "../../../diagnostics/results.ts";
import { tickText, type TickProps } from "./chart-parts.tsx";
import { DataTable } from "./DataTable.tsx";
import { CHART_COLOURS } from "./palette.ts";
import { useChartBox, wrapLabel } from "./use-chart-box.ts";

const NBSP = "\u00a0";
const ROW_HEIGHT = 50;
const MARGIN = { top: 30, right: 12, bottom: 4, left: 4 };
const X_AXIS_HEIGHT = 26;

/** Height of the chart box for `rows` jobs, fixed on the server so that nothing moves when the chart draws. */
export function mixityChartHeight(rows: number): number {
  return MARGIN.top + MARGIN.bottom + X_AXIS_HEIGHT + rows * ROW_HEIGHT;
}

interface SegmentLabelProps {
  value?: unknown;
  viewBox?: { x?: number; y?: number; width?: number; height?: number };
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
}

interface LabelEntry {
  payload?: unknown;
}

/** The displayed share of one sex, read from the row itself (recharts' label index skips empty segments). */
function shareOf(sex: "women" | "men") {
  return (entry: unknown) => {
    const row = (entry as LabelEntry).payload as MixityJobRow | undefined;
    return row ? (sex === "women" ? row.womenDisplay : row.menDisplay) : "";
  };
}

/** Direct label inside a bar segment: « Femmes 40 % » when it fits, « 40 % » when only that fits, nothing otherwise (the table has it). */
function segmentLabel(sex: "women" | "men") {
  return function SegmentLabel(raw: unknown): ReactElement {
    const props = raw as SegmentLabelProps;
    const box = props.viewBox ?? props;
    const x = Number(box.x ?? 0);
    const y = Number(box.y ?? 0);
    const width = Number(box.width ?? 0);
    const height = Number(box.height ?? 0);
    const share = typeof props.value === "string" ? props.value : "";
    const name = sex === "women" ? "Femmes" : "Hommes";
    const text = !share ? "" : width >= 112 ? `${name} ${share}` : width >= 40 ? share : "";
    if (!text) return <g />;
    return (
      <text x={x + width / 2} y={y + height / 2} dy="0.35em" textAnchor="middle" fill="#ffffff" fontSize={13} fontWeight={600}>
        {text}
      </text>
    );
  };
}

/** A job title on the axis, wrapped on up to three lines (the table gives it in full). */
function jobTick(maxChars: number, fontSize: number) {
  return function JobTick(props: TickProps): ReactElement {
    // The low-headcount mark « * » stays visible even when a long title is shortened.
    const value = String(props.payload?.value ?? "");
    const marked = value.endsWith(`${NBSP}*`);
    const lines = wrapLabel(marked ? value.slice(0, -2) : value, marked ? maxChars - 2 : maxChars, 3);
    if (marked) lines[lines.length - 1] += `${NBSP}*`;
    return tickText(props, lines, fontSize);
  };
}

/** The key of the chart; hidden from screen readers, which get the box's label and the table. */
export function MixityLegend({ bandLabel, bandMinPct, bandMaxPct, lowHeadcountLabel, hasLowHeadcount }: {
  bandLabel: string;
  bandMinPct: number;
  bandMaxPct: number;
  lowHeadcountLabel: string;
  hasLowHeadcount: boolean;
}) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      <li>
        <span className="swatch swatch-women" /> Femmes
      </li>
      <li>
        <span className="swatch swatch-men" /> Hommes
      </li>
      <li>
        <span className="swatch swatch-band" /> {bandLabel} ({bandMinPct} à {bandMaxPct}
        {NBSP}% de femmes)
      </li>
      {hasLowHeadcount ? <li>* {lowHeadcountLabel}</li> : null}
    </ul>
  );
}

/**
 * Women and men as a share of each job's people, one horizontal bar per job (women from 0 %, men up
 * to 100 %), the 40–60 % band drawn on top and named. Drawn only after hydration in a box whose
 * height the server fixes; the box carries the summary for screen readers.
 */
export function MixityChart({ group, bandMinPct, bandMaxPct, bandLabel, lowHeadcountLabel }: {
  group: MixityGroup;
  bandMinPct: number;
  bandMaxPct: number;
  bandLabel: string;
  lowHeadcountLabel: string;
}) {
  const { ref, width } = useChartBox<HTMLDivElement>();
  const height = mixityChartHeight(group.rows.length);
  const patternId = `hachures-hommes-${group.population}`;
  const narrow = width < 480;
  const fontSize = narrow ? 12 : 14;
  const yAxisWidth = Math.round(Math.min(230, Math.max(100, width * (narrow ? 0.38 : 0.34))));
  const maxChars = Math.max(8, Math.floor((yAxisWidth - 10) / (fontSize * 0.55)));
  return (
    <>
      <MixityLegend
        bandLabel={bandLabel}
        bandMinPct={bandMinPct}
        bandMaxPct={bandMaxPct}
        lowHeadcountLabel={lowHeadcountLabel}
        hasLowHeadcount={group.rows.some((r) => r.lowHeadcount)}
      />
      <div ref={ref} className="chart-box" role="img" aria-label={group.chartSummary} style={{ height }}>
        {width > 0 ? (
          <BarChart
            width={width}
            height={height}
            data={group.rows}
            layout="vertical"
            margin={MARGIN}
            barCategoryGap={10}
            accessibilityLayer={false}
          >
            <defs>
              <pattern id={patternId} patternUnits="userSpaceOnUse" width={8} height={8} patternTransform="rotate(45)">
                <rect width={8} height={8} fill={CHART_COLOURS.men} />
                <rect width={2.5} height={8} fill={CHART_COLOURS.menHatch} />
              </pattern>
            </defs>
            <XAxis
              type="number"
              domain={[0, 100]}
              ticks={[0, 20, 40, 60, 80, 100]}
              tickFormatter={(v: number) => `${v}${NBSP}%`}
              height={X_AXIS_HEIGHT}
              tick={{ fill: CHART_COLOURS.ink, fontSize: 12 }}
              stroke={CHART_COLOURS.muted}
            />
            <YAxis
              type="category"
              dataKey="chartLabel"
              width={yAxisWidth}
              interval={0}
              tickLine={false}
              stroke={CHART_COLOURS.muted}
              tick={jobTick(maxChars, fontSize)}
            />
            <Bar dataKey="womenPct" name="Femmes" stackId="part" fill={CHART_COLOURS.women} stroke="#ffffff" strokeWidth={1} isAnimationActive={false}>
              <LabelList valueAccessor={shareOf("women")} content={segmentLabel("women")} />
            </Bar>
            <Bar dataKey="menPct" name="Hommes" stackId="part" fill={`url(#${patternId})`} stroke="#ffffff" strokeWidth={1} isAnimationActive={false}>
              <LabelList valueAccessor={shareOf("men")} content={segmentLabel("men")} />
            </Bar>
            {/* The band twice: tinted behind the bars (visible between them), outlined and named above them. */}
            <ReferenceArea x1={bandMinPct} x2={bandMaxPct} fill={CHART_COLOURS.band} fillOpacity={0.14} ifOverflow="visible" />
            <ReferenceArea
              x1={bandMinPct}
              x2={bandMaxPct}
              zIndex={350}
              fillOpacity={0}
              stroke={CHART_COLOURS.ink}
              strokeWidth={2}
              strokeDasharray="6 4"
              ifOverflow="visible"
              label={{ value: bandLabel, position: "top", fill: CHART_COLOURS.ink, fontSize: 13, fontWeight: 600, offset: 8 }}
            />
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

/** The chart's data table: always in the page (screen readers, no JavaScript, print). */
export function MixityTable({ group, lowHeadcountLabel }: { group: MixityGroup; lowHeadcountLabel: string }) {
  return (
    <DataTable id={`metiers-${group.population}`} title={`Femmes et hommes par métier${NBSP}: ${group.title.toLowerCase()}`} className="mixity-table">
      <colgroup>
        <col className="col-job" />
        <col className="col-count" />
        <col className="col-share" />
      </colgroup>
        <thead>
          <tr>
            <th scope="col">Métier</th>
            <th scope="col">Femmes et hommes</th>
            <th scope="col">Part de femmes et mixité</th>
          </tr>
        </thead>
        <tbody>
          {group.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                {row.label}
                {row.lowHeadcount ? <span className="low-headcount block">{lowHeadcountLabel}</span> : null}
              </th>
              <td>{row.countsDisplay}</td>
              <td>
                {row.womenDisplay}
                <span className={`mixity-class mixity-${row.class}`}>{row.classLabel}</span>
              </td>
            </tr>
          ))}
        </tbody>
    </DataTable>
  );
}
