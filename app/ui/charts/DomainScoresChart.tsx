import type { ReactElement } from "react";
import { Bar, BarChart, LabelList, ReferenceLine, XAxis, YAxis } from "recharts";
import type { DomainsView } from "../../../diagnostics/results.ts";
import { DataTable } from "./DataTable.tsx";
import { CHART_COLOURS } from "./palette.ts";
import { useChartBox, wrapLabel } from "./use-chart-box.ts";

const NBSP = "\u00a0";
const ROW_HEIGHT = 40;
const MARGIN = { top: 26, right: 16, bottom: 4, left: 4 };
const X_AXIS_HEIGHT = 26;

/** Height of the chart box for the nine domains, fixed on the server. */
export function domainChartHeight(rows: number): number {
  return MARGIN.top + MARGIN.bottom + X_AXIS_HEIGHT + rows * ROW_HEIGHT;
}

interface ScoreLabelProps {
  value?: unknown;
  viewBox?: { x?: number; y?: number; width?: number; height?: number };
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
}

interface ChartRow {
  label: string;
  score: number;
  text: string;
}

/** « 62 · En cours » after the bar (inside it when there is no room after), « pas de score » when there is none; read from the row itself. */
function scoreLabel(plotRight: number) {
  return function ScoreLabel(raw: unknown): ReactElement {
    const props = raw as ScoreLabelProps;
    const box = props.viewBox ?? props;
    const text = typeof props.value === "string" ? props.value : "";
    if (!text) return <g />;
    const x = Number(box.x ?? 0);
    const y = Number(box.y ?? 0);
    const width = Number(box.width ?? 0);
    const height = Number(box.height ?? 0);
    const approxWidth = text.length * 7.4;
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
        fontSize={13}
        fontWeight={600}
      >
        {text}
      </text>
    );
  };
}

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
}

function domainTick(maxChars: number) {
  return function DomainTick(props: TickProps): ReactElement {
    const lines = wrapLabel(String(props.payload?.value ?? ""), maxChars, 2);
    const x = Number(props.x ?? 0);
    const y = Number(props.y ?? 0);
    const first = -((lines.length - 1) * 0.6);
    return (
      <text x={x - 6} y={y} textAnchor="end" fill={CHART_COLOURS.ink} fontSize={13}>
        {lines.map((line, i) => (
          <tspan key={i} x={x - 6} dy={i === 0 ? `${first + 0.35}em` : "1.2em"}>
            {line}
          </tspan>
        ))}
      </text>
    );
  };
}

/**
 * Score of each domain (0–100) as a horizontal bar, with the level written at its end and the two
 * level thresholds drawn and named. Drawn after hydration in a box of fixed height.
 */
export function DomainScoresChart({ domains }: { domains: DomainsView }) {
  const { ref, width } = useChartBox<HTMLDivElement>();
  const height = domainChartHeight(domains.rows.length);
  const yAxisWidth = Math.round(Math.min(190, Math.max(100, width * 0.3)));
  const maxChars = Math.max(8, Math.floor((yAxisWidth - 10) / 7.2));
  const data: ChartRow[] = domains.rows.map((r) => ({
    label: r.shortLabel,
    score: r.score ?? 0,
    text: r.score === null ? "pas de score" : `${r.score} · ${r.levelLabel}${r.lowConfidence ? " (fragile)" : ""}`,
  }));
  const { enCours, avance } = domains.levelThresholds;
  return (
    <div ref={ref} className="chart-box" role="img" aria-label={domains.chartSummary} style={{ height }}>
      {width > 0 ? (
        <BarChart width={width} height={height} data={data} layout="vertical" margin={MARGIN} barCategoryGap={9} accessibilityLayer={false}>
          <XAxis
            type="number"
            domain={[0, 100]}
            ticks={[0, 20, 40, 60, 80, 100]}
            height={X_AXIS_HEIGHT}
            tick={{ fill: CHART_COLOURS.ink, fontSize: 12 }}
            stroke={CHART_COLOURS.muted}
          />
          <YAxis type="category" dataKey="label" width={yAxisWidth} interval={0} tickLine={false} stroke={CHART_COLOURS.muted} tick={domainTick(maxChars)} />
          <ReferenceLine
            x={enCours}
            stroke={CHART_COLOURS.muted}
            strokeDasharray="4 4"
            label={{ value: "en cours", position: "top", fill: CHART_COLOURS.ink, fontSize: 12 }}
          />
          <ReferenceLine
            x={avance}
            stroke={CHART_COLOURS.muted}
            strokeDasharray="4 4"
            label={{ value: "avancé", position: "top", fill: CHART_COLOURS.ink, fontSize: 12 }}
          />
          <Bar dataKey="score" name="Score" fill={CHART_COLOURS.score} isAnimationActive={false}>
            <LabelList valueAccessor={(entry: unknown) => ((entry as { payload?: ChartRow }).payload?.text ?? "")} content={scoreLabel(width - MARGIN.right)} />
          </Bar>
        </BarChart>
      ) : (
        <p className="chart-fallback" aria-hidden="true">
          Le graphique s'affiche quand la page est chargée{NBSP}; les scores sont dans le tableau ci-dessous.
        </p>
      )}
    </div>
  );
}

/** The chart's data table: always in the page (screen readers, no JavaScript, print). */
export function DomainScoresTable({ domains }: { domains: DomainsView }) {
  return (
    <DataTable id="domaines-tableau" title="Score (sur 100) et niveau de chacun des neuf domaines">
        <thead>
          <tr>
            <th scope="col">Domaine</th>
            <th scope="col" className="num">
              Score
            </th>
            <th scope="col">Niveau</th>
            <th scope="col">Réponses</th>
          </tr>
        </thead>
        <tbody>
          {domains.rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <span className="wide-only">{row.label}</span>
                <span className="narrow-only">{row.shortLabel}</span>
              </th>
              <td className="num">{row.score ?? "—"}</td>
              <td>
                {row.levelLabel ?? "Pas de score"}
                {row.lowConfidence ? (
                  <>
                    {" "}
                    <span className="low-headcount">(résultat fragile)</span>
                  </>
                ) : null}
              </td>
              <td>
                {`${row.answered + row.unknown} sur ${row.total}${row.unknown > 0 ? `, dont ${row.unknown} «${NBSP}Je ne sais pas${NBSP}»` : ""}`}
              </td>
            </tr>
          ))}
        </tbody>
    </DataTable>
  );
}
