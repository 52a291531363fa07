/**
 * French labels and number formatting shared by the index explanations and validation messages.
 * Typography: a no-break space (U+00A0) before « : ; ! ? % € », decimal comma.
 */
import type { Favours, IndexAgeBand, IndexCsp } from "./types.ts";

/** No-break space, required before « : ; ! ? % € » in French. */
export const NBSP = "\u00a0";

export const INDEX_CSP_LABELS: Readonly<Record<IndexCsp, string>> = {
  ouvriers: "Ouvriers",
  employes: "Employés",
  techniciens_agents_maitrise: "Techniciens et agents de maîtrise",
  ingenieurs_cadres: "Ingénieurs et cadres",
};

export const INDEX_AGE_BAND_LABELS: Readonly<Record<IndexAgeBand, string>> = {
  "<30": "moins de 30 ans",
  "30-39": "30 à 39 ans",
  "40-49": "40 à 49 ans",
  "50+": "50 ans et plus",
};

const ONE_DECIMAL = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const INTEGER = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const UP_TO_ONE_DECIMAL = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

/** A number with exactly one decimal, French style (« 10,0 »). */
export function formatOneDecimal(value: number): string {
  return ONE_DECIMAL.format(value);
}

/** An integer, French style (« 1 200 » with a narrow no-break space). */
export function formatInteger(value: number): string {
  return INTEGER.format(value);
}

/** A number with at most one decimal (« 40 », « 39,5 »). */
export function formatUpToOneDecimal(value: number): string {
  return UP_TO_ONE_DECIMAL.format(value);
}

/** A count followed by its noun, singular for 0 and 1 as French does (« 0 homme », « 2 femmes »). */
export function countOf(count: number, singular: string, plural: string): string {
  return `${formatInteger(count)} ${Math.abs(count) < 2 ? singular : plural}`;
}

/** « points » or « point » after a number of points (« 0 point », « 35 points »). */
export function pointsWord(points: number): string {
  return Math.abs(points) < 2 ? "point" : "points";
}

/** « en faveur des hommes » / « en faveur des femmes »; for null (equality), a phrase saying nobody is favoured. */
export function favoursPhrase(favours: Favours): string {
  if (favours === "men") return "en faveur des hommes";
  return favours === "women" ? "en faveur des femmes" : "sans avantage pour l'un ou l'autre sexe";
}

/** Label of a pay group: « Ouvriers, 30 à 39 ans » or « Coefficient 170, 30 à 39 ans ». */
export function groupLabel(category: string, ageBand: IndexAgeBand): string {
  const csp = (INDEX_CSP_LABELS as Record<string, string>)[category];
  return `${csp ?? category}, ${INDEX_AGE_BAND_LABELS[ageBand] ?? ageBand}`;
}
