import type { ReactElement } from "react";
import { CHART_COLOURS } from "./palette.ts";
import { wrapLabel } from "./use-chart-box.ts";

const NBSP = "\u00a0";

/** What the chart box shows before hydration (the figures are in the table that follows). */
export function ChartFallback() {
  return (
    <p className="chart-fallback" aria-hidden="true">
      Le graphique s'affiche quand la page est chargée{NBSP}; les chiffres sont dans le tableau ci-dessous.
    </p>
  );
}

/** What recharts passes to a custom axis tick. */
export interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
}

/** An axis label already cut into lines, right-aligned against the axis and centred on the tick. */
export function tickText(props: TickProps, lines: string[], fontSize: number): ReactElement {
  const x = Number(props.x ?? 0);
  const y = Number(props.y ?? 0);
  const first = -((lines.length - 1) * 1.15) / 2;
  return (
    <text x={x - 6} y={y} textAnchor="end" fill={CHART_COLOURS.ink} fontSize={fontSize}>
      {lines.map((line, i) => (
        <tspan key={i} x={x - 6} dy={i === 0 ? `${first + 0.35}em` : "1.15em"}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** A category axis tick wrapped on up to three lines of `maxChars` (the table gives the label in full). */
export function wrappedTick(maxChars: number, fontSize: number) {
  return function WrappedTick(props: TickProps): ReactElement {
    return tickText(props, wrapLabel(String(props.payload?.value ?? ""), maxChars, 3), fontSize);
  };
}

/** The box recharts gives a label, as a rectangle of numbers. */
export function labelBox(raw: unknown): { x: number; y: number; width: number; height: number; value: string } {
  const props = raw as { value?: unknown; viewBox?: Record<string, unknown> } & Record<string, unknown>;
  const box = (props.viewBox ?? props) as Record<string, unknown>;
  return {
    x: Number(box.x ?? 0),
    y: Number(box.y ?? 0),
    width: Number(box.width ?? 0),
    height: Number(box.height ?? 0),
    value: typeof props.value === "string" ? props.value : "",
  };
}
