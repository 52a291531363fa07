import { cellText, type Cell, type Distribution } from "../../diagnostics/ddets.ts";
import type { DdetsData } from "./dashboard.server.ts";

/**
 * CSV for French Excel: UTF-8 with a byte-order mark (so Excel reads the accents), « ; » between
 * cells (Excel's separator with a French locale), CRLF line ends, decimal commas. A text cell that
 * starts with = + - @, a tab or a carriage return is prefixed with an apostrophe so that a
 * spreadsheet never runs it as a formula (CSV injection; OWASP).
 */
export const CSV_BOM = "\uFEFF";
export const CSV_SEPARATOR = ";";
export const CSV_EOL = "\r\n";

const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | null;

/** One cell: numbers with a decimal comma, text neutralised then quoted when it holds « ; », a quote or a line break. */
export function csvCell(value: CsvValue): string {
  if (value === null) return "";
  let text: string;
  if (typeof value === "number") {
    text = Number.isInteger(value) ? String(value) : value.toFixed(1).replace(".", ",");
  } else {
    text = FORMULA_START.test(value) ? `'${value}` : value;
  }
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: BOM, rows joined with « ; » and CRLF, a final CRLF. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvCell).join(CSV_SEPARATOR)).join(CSV_EOL) + CSV_EOL;
}

/** A count as a number, or the suppression marker as text (« moins de 5 structures », « masqué (secret statistique) »). */
function count(cell: Cell): CsvValue {
  return cell.status === "shown" ? cell.count : cell.status === "hidden" ? null : cellText(cell);
}

function distributionRows(d: Distribution): CsvValue[][] {
  return [
    [d.title],
    [`Tranche (sur les ${d.base})`, "Structures", "Part (%)"],
    ...d.bands.map((b) => [b.label, count(b.cell), b.sharePct === null ? null : Math.round(b.sharePct * 10) / 10]),
    ["Total", count(d.total), null],
    [],
  ];
}

/** The dashboard of `data` as CSV rows: the same figures and the same suppression as the page, then the structures (name, type, commune, status). */
export function dashboardCsvRows(data: DdetsData, meta: { ddetsName: string; exportedOn: string }): CsvValue[][] {
  const { dashboard: d } = data;
  const year = d.filters.year;
  const rows: CsvValue[][] = [
    ["Boussole Égalité – suivi des structures"],
    ["DDETS", meta.ddetsName],
    ["Sélection", d.selectionLabel],
    ["Année de référence des diagnostics", year],
    ["Exporté le", meta.exportedOn],
    [d.rule.text],
    [],
    ["Chiffres clés", "Structures"],
    ["Structures inscrites", count(d.keyFigures.registered)],
    [`Diagnostics ${year} commencés`, count(d.keyFigures.started)],
    [`Diagnostics ${year} terminés`, count(d.keyFigures.finished)],
    [`Plans d'action ${year}`, count(d.keyFigures.plans)],
    [],
  ];
  const uptakeHeader = (first: string): CsvValue[] => [first, "Structures inscrites", `Diagnostics ${year} commencés`, `Diagnostics ${year} terminés`, `Plans d'action ${year}`];
  const uptake = (label: string, r: { registered: Cell; started: Cell; finished: Cell; plans: Cell }): CsvValue[] => [
    label,
    count(r.registered),
    count(r.started),
    count(r.finished),
    count(r.plans),
  ];
  rows.push(["Par département"], uptakeHeader("Département"), ...d.byDepartement.rows.map((r) => uptake(r.label, r)), uptake("Total", d.byDepartement.total), []);
  rows.push(["Par type de structure"], uptakeHeader("Type de structure"), ...d.byType.rows.map((r) => uptake(r.label, r)), uptake("Total", d.byType.total), []);
  rows.push(
    ["Par année de référence"],
    ["Année", "Diagnostics commencés", "Diagnostics terminés", "Plans d'action"],
    ...d.trend.rows.map((r) => [r.year, count(r.started), count(r.finished), count(r.plans)]),
    [],
  );
  rows.push(["Inscriptions par année"], ["Année", "Structures inscrites"], ...d.registrations.rows.map((r) => [r.year, count(r.cell)]), ["Total", count(d.registrations.total)], []);
  rows.push(["Campagnes d'invitation"], ["Invitations envoyées", data.campaign.invited], ["Structures inscrites par une invitation", count(data.campaign.registered)], ["Structures invitées ayant commencé un diagnostic", count(data.campaign.started)], ["Structures invitées ayant terminé un diagnostic", count(data.campaign.finished)], []);

  rows.push([`Résultats des diagnostics ${year} terminés`]);
  if (!d.results.published) rows.push([d.results.message], []);
  else {
    for (const dist of [d.results.womenShare, d.results.mixedJobs]) if (dist) rows.push(...distributionRows(dist));
    const levels = d.results.domains[0]?.bands ?? [];
    rows.push(["Niveau des neuf domaines (structures par niveau)"], ["Domaine", ...levels.map((b) => b.label), "Total"]);
    for (const dom of d.results.domains) rows.push([dom.title, ...dom.bands.map((b) => count(b.cell)), count(dom.total)]);
    rows.push([]);
    if (d.results.size) rows.push(...distributionRows(d.results.size));
    if (d.results.index) rows.push(...distributionRows(d.results.index));
  }

  rows.push([`Plans d'action ${year}`]);
  if (!d.plans.published) rows.push([d.plans.message], []);
  else {
    rows.push(["Domaines retenus", "Structures"], ...d.plans.domains.map((r) => [r.label, count(r.cell)]), ["Structures avec un plan d'action", count(d.plans.base)], []);
    rows.push(["Actions du catalogue les plus choisies", "Domaine", "Structures"], ...d.plans.actions.map((r) => [r.label, r.detail, count(r.cell)]), []);
  }

  rows.push(["Structures"], ["Nom", "Type", "Commune", "Département", `Statut ${year}`], ...data.structures.rows.map((s) => [s.name, s.type, s.commune, s.departement, s.status]));
  return rows;
}
