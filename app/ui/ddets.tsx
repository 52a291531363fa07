import { cellText, type Cell, type Distribution, type UptakeRow } from "../../diagnostics/ddets.ts";
import { CountBarChart, COUNT_SERIES_COLOURS, countChartHeight, type CountDatum, type CountSeries } from "./charts/CountBarChart.tsx";
import { DataTable } from "./charts/DataTable.tsx";

const NBSP = "\u00a0";

/** A count, or its suppression marker in words (never a bare « < 5 »: screen readers read it as is). */
export function CellValue({ cell }: { cell: Cell }) {
  if (cell.status === "shown") return <>{cellText(cell)}</>;
  return <span className="cell-suppressed">{cellText(cell)}</span>;
}

/** Table cells for a row of counts, each a right-aligned CellValue. */
export function NumCells({ cells }: { cells: Cell[] }) {
  return (
    <>
      {cells.map((cell, i) => (
        <td key={i} className="num">
          <CellValue cell={cell} />
        </td>
      ))}
    </>
  );
}

/** The value to draw for a cell (null when suppressed) and the label after the bar. */
export function barOf(cell: Cell, share?: string | null): { value: number | null; text: string } {
  if (cell.status !== "shown") return { value: null, text: cellText(cell) };
  return { value: cell.count, text: share ? `${cellText(cell)} (${share})` : cellText(cell) };
}

const SINGLE: CountSeries[] = [{ key: "n", name: "Structures", colour: COUNT_SERIES_COLOURS[0] }];

/** A distribution of structures by band: its chart (after hydration) and its data table. */
export function DistributionBlock({ dist, headingLevel = 3, intro }: { dist: Distribution; headingLevel?: 3 | 4; intro?: string }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const data: CountDatum[] = dist.bands.map((b) => ({ key: b.id, label: b.label, values: { n: barOf(b.cell, b.share) } }));
  return (
    <div className="chart-block">
      <Heading id={`${dist.id}-titre`}>{dist.title}</Heading>
      {intro ? <p className="prose">{intro}</p> : null}
      <figure className="chart-figure" aria-labelledby={`${dist.id}-titre`}>
        <CountBarChart id={`graphique-${dist.id}`} data={data} series={SINGLE} summary={dist.summary} />
      </figure>
      <DataTable id={`tableau-${dist.id}`} title={`${dist.title}${NBSP}: nombre de structures par tranche`}>
        <thead>
          <tr>
            <th scope="col">Tranche</th>
            <th scope="col" className="num">
              Structures
            </th>
            <th scope="col" className="num">
              Part
            </th>
          </tr>
        </thead>
        <tbody>
          {dist.bands.map((b) => (
            <tr key={b.id}>
              <th scope="row">{b.label}</th>
              <td className="num">
                <CellValue cell={b.cell} />
              </td>
              <td className="num">{b.share ?? "—"}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total ({dist.base})</th>
            <td className="num">
              <CellValue cell={dist.total} />
            </td>
            <td className="num">{dist.total.status === "shown" && dist.total.count > 0 ? `100${NBSP}%` : "—"}</td>
          </tr>
        </tfoot>
      </DataTable>
    </div>
  );
}

/** Uptake per département or per type: structures registered, diagnostics started and finished, plans. */
export function UptakeTable({ id, title, firstHeader, rows, total, year }: { id: string; title: string; firstHeader: string; rows: UptakeRow[]; total: UptakeRow; year: number }) {
  return (
    <DataTable id={id} title={title}>
      <thead>
        <tr>
          <th scope="col">{firstHeader}</th>
          <th scope="col" className="num">
            Structures inscrites
          </th>
          <th scope="col" className="num">
            Diagnostics {year} commencés
          </th>
          <th scope="col" className="num">
            Diagnostics {year} terminés
          </th>
          <th scope="col" className="num">
            Plans d'action {year}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className={r.selected ? "selected-row" : undefined} aria-current={r.selected ? "true" : undefined}>
            <th scope="row">
              {r.label}
              {r.selected ? <span className="visually-hidden"> (sélection)</span> : null}
            </th>
            <NumCells cells={[r.registered, r.started, r.finished, r.plans]} />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{total.label}</th>
          <NumCells cells={[total.registered, total.started, total.finished, total.plans]} />
        </tr>
      </tfoot>
    </DataTable>
  );
}

export { CountBarChart, countChartHeight, COUNT_SERIES_COLOURS, type CountDatum, type CountSeries };
