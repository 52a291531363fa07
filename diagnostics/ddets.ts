/**
 * DDETS statistics: uptake of the service and aggregated results of the structures of a DDETS's
 * départements, with small-cell suppression (ARCHITECTURE.md: a DDETS sees name, type, commune and
 * status per structure, and aggregates only; never answers, staff files or pay).
 *
 * Pure module: grouped counts in (from SQL, or from per-structure rows through groupStructures), a
 * serialisable view model out.
 *
 * ## Suppression rule (secret statistique)
 * Every published figure is a count of structures (a share is published only with its count).
 * 1. Primary: a count from 1 to SMALL_CELL_MIN_STRUCTURES − 1 is replaced by « moins de 5 structures ».
 *    0 is published (it describes no structure), except in a group of 1 to 4 structures, where every
 *    figure is « moins de 5 structures ».
 * 2. Secondary: figures are linked by sums (a total and its parts: départements of a type, types of
 *    a département, bands of a distribution, years of registration). In each sum whose total is
 *    published, the hidden parts must be at least two and add up to at least 5 structures, so that
 *    no hidden part can be recomputed by subtraction nor narrowed below 5; in each sum whose total is
 *    hidden, at least one part is hidden. Missing suppressions are added on the smallest published
 *    part (zero last), else on the total, marked « masqué (secret statistique) », until every sum
 *    holds. A published total of 0 needs nothing (every part is 0).
 * 3. The same suppression is solved once over every filter combination of the page (each
 *    département and « all » × each type and « all »), so that comparing two filtered pages cannot
 *    uncover what either hides. A group whose count of finished diagnostics is hidden shows no
 *    result at all (its distributions are hidden too and protected like any hidden cell).
 * Limits, written down on purpose: nested uptake figures (registered ⊇ started ⊇ finished, plans)
 * are not treated as parts of one another, since the list of structures already shows each one's
 * status to the DDETS; a distribution in which every structure of a published group falls in one
 * band does say so (as any frequency table does); the secondary rule is a sum-by-sum heuristic (the
 * simplest methods of statistical offices' tools), not a proof against every combination of sums.
 */
import { DOMAINS } from "./domains.ts";
import type { DiagnosticSummary } from "./ddets-summary.ts";
import { departementLabel } from "./departements.ts";
import { INDEX_CORRECTIVE_THRESHOLD, INDEX_OBJECTIVES_THRESHOLD } from "./index/constants.ts";
import { classifyMixity, MIXITY_MAX_SHARE_WOMEN, MIXITY_MIN_SHARE_WOMEN } from "./mixity.ts";
import { getAction } from "./plan/catalogue.ts";
import { LEVEL_LABELS, LEVELS, type Level } from "./scoring.ts";
import { DOMAIN_IDS, STRUCTURE_TYPE_LABELS, STRUCTURE_TYPES, type DomainId, type StructureType } from "./types.ts";

const NBSP = "\u00a0";

// ---------------------------------------------------------------------------------------------
// The small-cell rule

/**
 * A figure computed from fewer structures than this is not shown to a DDETS. Source: ARCHITECTURE.md
 * (« aggregates with small-cell suppression (fewer than 5 structures → "< 5") »), in line with the
 * practice of the official statistical service (secret statistique, loi n° 51-711 du 7 juin 1951,
 * art. 6; the DARES and the DREETS mask cells built from too few units).
 */
export const SMALL_CELL_MIN_STRUCTURES = 5;

/** What a DDETS reads in place of a count from 1 to 4 (pages, charts, tables, CSV). */
export const SMALL_CELL_LABEL = `moins de ${SMALL_CELL_MIN_STRUCTURES} structures`;

/** What a DDETS reads in place of a figure hidden to protect another (secondary suppression). */
export const MASKED_CELL_LABEL = "masqué (secret statistique)";

/** Plain-French statement of the rule, for the pages and the CSV. */
export const SUPPRESSION_RULE_TEXT =
  `Secret statistique${NBSP}: aucun chiffre calculé sur moins de ${SMALL_CELL_MIN_STRUCTURES} structures n'est affiché («${NBSP}${SMALL_CELL_LABEL}${NBSP}»). ` +
  `Quand un total permettrait de retrouver un chiffre caché par soustraction, un autre chiffre est masqué aussi («${NBSP}${MASKED_CELL_LABEL}${NBSP}»).`;

export type Cell = { status: "shown"; count: number } | { status: "small" } | { status: "masked" } | { status: "hidden" };
export type CellStatus = Cell["status"];

/** True for a count that may not be shown on its own: 1 to SMALL_CELL_MIN_STRUCTURES − 1. */
export function isSmallCount(count: number): boolean {
  return count > 0 && count < SMALL_CELL_MIN_STRUCTURES;
}

/** Primary suppression of one count of structures (no secondary rule): « moins de 5 structures » from 1 to 4. */
export function suppress(count: number): Cell {
  return isSmallCount(count) ? { status: "small" } : { status: "shown", count };
}

/** The count of a shown cell, else null. */
export function cellCount(cell: Cell): number | null {
  return cell.status === "shown" ? cell.count : null;
}

const INTEGER = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });

/** « 1 234 », « moins de 5 structures » or « masqué (secret statistique) »; « — » for a hidden cell. */
export function cellText(cell: Cell): string {
  switch (cell.status) {
    case "shown":
      return INTEGER.format(cell.count);
    case "small":
      return SMALL_CELL_LABEL;
    case "masked":
      return MASKED_CELL_LABEL;
    case "hidden":
      return "—";
  }
}

/** A published sum: `total` = Σ `parts` (cell keys). With `cascade`, a hidden total hides every part. */
export interface Relation {
  total: string;
  parts: readonly string[];
  cascade?: boolean;
}

/**
 * Applies the suppression rule (module comment) to counts linked by sums. Returns the cell of every
 * key of `values` (keys only referenced by a relation count as 0). Deterministic: relations are
 * checked in order, ties broken by the order of the parts.
 */
export function suppressCells(values: ReadonlyMap<string, number>, relations: readonly Relation[]): Map<string, Cell> {
  // Keys are interned to integers: the dashboard solves some ten thousand cells per request.
  const index = new Map<string, number>();
  const keys: string[] = [];
  const value: number[] = [];
  const intern = (k: string): number => {
    let i = index.get(k);
    if (i === undefined) {
      i = keys.length;
      index.set(k, i);
      keys.push(k);
      value.push(values.get(k) ?? 0);
    }
    return i;
  };
  for (const k of values.keys()) intern(k);
  const rels = relations.map((r) => ({ total: intern(r.total), parts: r.parts.map(intern), cascade: r.cascade === true }));
  const SHOWN = 0;
  const STATUSES: CellStatus[] = ["shown", "small", "masked", "hidden"];
  const status = new Uint8Array(keys.length);
  for (let i = 0; i < keys.length; i++) if (isSmallCount(value[i])) status[i] = 1;
  // Relations of each cell (compressed adjacency lists).
  const degree = new Int32Array(keys.length + 1);
  for (const r of rels) {
    degree[r.total + 1]++;
    for (const p of r.parts) degree[p + 1]++;
  }
  for (let i = 0; i < keys.length; i++) degree[i + 1] += degree[i];
  const member = new Int32Array(degree[keys.length]);
  const fill = degree.slice(0, keys.length);
  rels.forEach((r, ri) => {
    member[fill[r.total]++] = ri;
    for (const p of r.parts) member[fill[p]++] = ri;
  });
  const queue: number[] = rels.map((_, i) => i);
  const queued = new Uint8Array(rels.length).fill(1);
  const set = (cell: number, s: number) => {
    status[cell] = s;
    for (let m = degree[cell]; m < degree[cell + 1]; m++) {
      const ri = member[m];
      if (!queued[ri]) {
        queued[ri] = 1;
        queue.push(ri);
      }
    }
  };
  /** The part to hide next: the smallest published non-zero part, else a published zero, else -1. */
  const pick = (parts: readonly number[]): number => {
    let best = -1;
    for (const p of parts) {
      if (status[p] !== SHOWN) continue;
      if (best < 0) best = p;
      else {
        const vp = value[p];
        const vb = value[best];
        if ((vb === 0 && vp > 0) || (vp > 0 && vp < vb)) best = p;
      }
    }
    return best;
  };
  for (let head = 0; head < queue.length; head++) {
    const ri = queue[head];
    queued[ri] = 0;
    const r = rels[ri];
    const total = value[r.total];
    const totalShown = status[r.total] === SHOWN;
    if (r.cascade && !totalShown) {
      for (const p of r.parts) if (status[p] === SHOWN) set(p, 3);
      continue;
    }
    if (isSmallCount(total)) {
      for (const p of r.parts) if (status[p] === SHOWN) set(p, 1);
      continue;
    }
    let hidden = 0;
    let hiddenSum = 0;
    for (const p of r.parts) {
      if (status[p] !== SHOWN) {
        hidden++;
        hiddenSum += value[p];
      }
    }
    if (totalShown) {
      // A published total of 0 says every part is 0: there is nothing left to protect.
      if (hidden === 0 || total === 0) continue;
      if (hidden >= 2 && hiddenSum >= SMALL_CELL_MIN_STRUCTURES) continue;
      const next = pick(r.parts);
      set(next >= 0 ? next : r.total, 2);
    } else {
      if (hidden > 0 || total === 0) continue;
      const next = pick(r.parts);
      if (next >= 0) set(next, 2);
    }
  }
  const cells = new Map<string, Cell>();
  for (let i = 0; i < keys.length; i++) {
    cells.set(keys[i], status[i] === SHOWN ? { status: "shown", count: value[i] } : ({ status: STATUSES[status[i]] } as Cell));
  }
  return cells;
}

/**
 * Suppression of one line of counts that add up to a published total (a distribution, a column of a
 * table): the rule of suppressCells on a single sum. Returns the cells in order and the total's cell.
 */
export function suppressLine(counts: readonly number[]): { cells: Cell[]; total: Cell } {
  const values = new Map<string, number>(counts.map((c, i) => [`p${i}`, c]));
  values.set("total", counts.reduce((s, c) => s + c, 0));
  const result = suppressCells(values, [{ total: "total", parts: counts.map((_, i) => `p${i}`) }]);
  return { cells: counts.map((_, i) => result.get(`p${i}`)!), total: result.get("total")! };
}

// ---------------------------------------------------------------------------------------------
// Bands

/** Edges of the bands of women's share in pathways, as fractions: under 20 %, 20–40 %, mixity band, 60–80 %, over 80 %. */
export const WOMEN_SHARE_LOW_EDGE = 0.2;
export const WOMEN_SHARE_HIGH_EDGE = 0.8;

export const WOMEN_SHARE_BANDS = ["lt20", "20_40", "mixte", "60_80", "gt80", "none"] as const;
export type WomenShareBand = (typeof WOMEN_SHARE_BANDS)[number];

const pct = (share: number) => `${Math.round(share * 100)}${NBSP}%`;

export const WOMEN_SHARE_BAND_LABELS: Record<WomenShareBand, string> = {
  lt20: `Moins de ${pct(WOMEN_SHARE_LOW_EDGE)} de femmes`,
  "20_40": `De ${pct(WOMEN_SHARE_LOW_EDGE)} à moins de ${pct(MIXITY_MIN_SHARE_WOMEN)}`,
  mixte: `De ${pct(MIXITY_MIN_SHARE_WOMEN)} à ${pct(MIXITY_MAX_SHARE_WOMEN)} (zone de mixité)`,
  "60_80": `Plus de ${pct(MIXITY_MAX_SHARE_WOMEN)} à ${pct(WOMEN_SHARE_HIGH_EDGE)}`,
  gt80: `Plus de ${pct(WOMEN_SHARE_HIGH_EDGE)} de femmes`,
  none: "Aucune personne en parcours renseignée",
};

/** Band of a share of women given as counts (exact comparison on integers); "none" when nobody. */
export function womenShareBand(women: number, men: number): WomenShareBand {
  const total = women + men;
  if (total <= 0) return "none";
  const cls = classifyMixity(women, men);
  if (cls === "mixte") return "mixte";
  if (cls === "masculin") return women * 100 < Math.round(WOMEN_SHARE_LOW_EDGE * 100) * total ? "lt20" : "20_40";
  return women * 100 <= Math.round(WOMEN_SHARE_HIGH_EDGE * 100) * total ? "60_80" : "gt80";
}

/** Share of mixed jobs from which most of a structure's jobs are mixed (the results page's segregation finding uses the same half). */
export const MIXED_JOBS_HALF = 0.5;

export const MIXED_JOBS_BANDS = ["none", "lt_half", "half_plus", "all", "no_jobs"] as const;
export type MixedJobsBand = (typeof MIXED_JOBS_BANDS)[number];

export const MIXED_JOBS_BAND_LABELS: Record<MixedJobsBand, string> = {
  none: "Aucun métier mixte",
  lt_half: "Moins de la moitié des métiers mixtes",
  half_plus: "La moitié des métiers mixtes ou plus, pas tous",
  all: "Tous les métiers mixtes",
  no_jobs: "Aucun métier renseigné",
};

/** Band of a structure's share of mixed jobs (jobs with people); "no_jobs" when no job has anyone. */
export function mixedJobsBand(withStaff: number, mixed: number): MixedJobsBand {
  if (withStaff <= 0) return "no_jobs";
  if (mixed <= 0) return "none";
  if (mixed >= withStaff) return "all";
  return mixed < withStaff * MIXED_JOBS_HALF ? "lt_half" : "half_plus";
}

export const LEVEL_BANDS = [...LEVELS, "none"] as const;
export type LevelBand = (typeof LEVEL_BANDS)[number];
export const LEVEL_BAND_LABELS: Record<LevelBand, string> = { ...LEVEL_LABELS, none: "Pas de score" };

export const SIZE_BANDS = ["fifty_plus", "under_fifty", "unknown"] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];
export const SIZE_BAND_LABELS: Record<SizeBand, string> = {
  fifty_plus: "50 salariés ou plus",
  under_fifty: "Moins de 50 salariés",
  unknown: "Effectif non renseigné",
};

export const INDEX_BANDS = ["lt75", "75_84", "85_plus", "non_calculable", "absent"] as const;
export type IndexBand = (typeof INDEX_BANDS)[number];
export const INDEX_BAND_LABELS: Record<IndexBand, string> = {
  lt75: `Moins de ${INDEX_CORRECTIVE_THRESHOLD} (mesures de correction obligatoires)`,
  "75_84": `De ${INDEX_CORRECTIVE_THRESHOLD} à ${INDEX_OBJECTIVES_THRESHOLD - 1} (objectifs de progression)`,
  "85_plus": `${INDEX_OBJECTIVES_THRESHOLD} ou plus`,
  non_calculable: "Index non calculable",
  absent: "Index non estimé",
};

/** Band of an Index estimate (0–100) of a structure of 50 or more. */
export function indexBand(index: DiagnosticSummary["index"]): IndexBand {
  if (index.state === "non_calculable") return "non_calculable";
  if (index.state !== "calcule" || index.value === null) return "absent";
  if (index.value < INDEX_CORRECTIVE_THRESHOLD) return "lt75";
  if (index.value < INDEX_OBJECTIVES_THRESHOLD) return "75_84";
  return "85_plus";
}


/** The families of bands a summary is counted in, and the band that collects « no data » in each. */
export const BAND_FAMILIES = [
  { family: "size", bands: SIZE_BANDS, noData: "unknown" },
  { family: "women", bands: WOMEN_SHARE_BANDS, noData: "none" },
  { family: "mixed", bands: MIXED_JOBS_BANDS, noData: "no_jobs" },
  ...DOMAIN_IDS.map((domain) => ({ family: `level:${domain}`, bands: LEVEL_BANDS, noData: "none" })),
] as const;

/** The Index family is counted among structures of 50 or more only (its base is the size band « fifty_plus »). */
export const INDEX_FAMILY = { family: "index", bands: INDEX_BANDS, noData: "absent" } as const;

/**
 * The band of a summary in every family (« size », « women », « mixed », « level:<domain> », and
 * « index » from 50 employees): what the summary stores for SQL to count, so that the dashboard
 * reads grouped counts instead of one row per structure.
 */
export function summaryBands(summary: DiagnosticSummary): Record<string, string> {
  const bands: Record<string, string> = {
    size: summary.fiftyPlus === null ? "unknown" : summary.fiftyPlus ? "fifty_plus" : "under_fifty",
    women: summary.parcours ? womenShareBand(summary.parcours.women, summary.parcours.men) : "none",
    mixed: mixedJobsBand(summary.jobs.withStaff, summary.jobs.mixed),
  };
  DOMAIN_IDS.forEach((domain, i) => {
    bands[`level:${domain}`] = (summary.levels[i] as Level | null | undefined) ?? "none";
  });
  if (summary.fiftyPlus) bands.index = indexBand(summary.index);
  return bands;
}

/** Separator of a stored band key: « <family>=<band> » (families contain « : », never « = »). */
export const BAND_KEY_SEPARATOR = "=";

/** The summary's bands as the keys stored for SQL to count (« size=under_fifty », « level:embauche=en_cours »…). */
export function summaryBandKeys(summary: DiagnosticSummary): string[] {
  return Object.entries(summaryBands(summary)).map(([family, band]) => `${family}${BAND_KEY_SEPARATOR}${band}`);
}

// ---------------------------------------------------------------------------------------------
// Input

/** Structures registered, per département, type and calendar year of sign-up (grouped in SQL). */
export interface RegistrationCount {
  departement: string;
  structureType: string | null;
  registeredYear: number;
  structures: number;
}

/** Diagnostics of one reference year, per département and type (grouped in SQL): each structure has at most one per year. */
export interface DiagnosticCount {
  departement: string;
  structureType: string | null;
  year: number;
  started: number;
  finished: number;
  /** Diagnostics with an action plan. */
  plans: number;
}

/**
 * Finished diagnostics of the selected year per département, type and band of one family (grouped in
 * SQL from the bands stored in each diagnostic's summary: see summaryBands). Diagnostics without a
 * current summary are simply missing: the dashboard counts them as « no data ».
 */
export interface BandCount {
  departement: string;
  structureType: string | null;
  family: string;
  band: string;
  structures: number;
}

/** Action plans of the selected year that hold at least one (non-abandoned) action of a domain or of a catalogue action, per département and type. */
export interface PlanChoiceCount {
  departement: string;
  structureType: string | null;
  kind: "domain" | "action";
  id: string;
  plans: number;
}

export interface DdetsFilters {
  /** A département of the scope, or null for all of them. */
  departement: string | null;
  structureType: StructureType | null;
  /** Reference year of the diagnostics. */
  year: number;
}

export interface DdetsInput {
  /** The DDETS's départements, in display order. */
  scope: readonly string[];
  filters: DdetsFilters;
  registrations: readonly RegistrationCount[];
  /** Every reference year (the trend) including the selected one. */
  diagnostics: readonly DiagnosticCount[];
  /** Bands of the selected year's finished diagnostics in the whole scope, whatever the filters (suppression is solved over every filter combination). */
  bands: readonly BandCount[];
  /** Choices of the selected year's plans in the whole scope. */
  planChoices: readonly PlanChoiceCount[];
}

// ---------------------------------------------------------------------------------------------
// Output

export interface BandRow {
  id: string;
  label: string;
  cell: Cell;
  /** « 34 % » of the distribution's total, only when the cell is shown. */
  share: string | null;
  /** Exact percentage 0–100 for charts; null when the cell is not shown. */
  sharePct: number | null;
}

export interface Distribution {
  id: string;
  title: string;
  /** What the distribution is computed on (« structures ayant terminé leur diagnostic »…). */
  base: string;
  total: Cell;
  bands: BandRow[];
  /** One sentence for the chart's aria-label, from shown cells only. */
  summary: string;
}

export interface UptakeRow {
  key: string;
  label: string;
  selected: boolean;
  registered: Cell;
  started: Cell;
  finished: Cell;
  plans: Cell;
}

export interface TrendRow {
  year: number;
  started: Cell;
  finished: Cell;
  plans: Cell;
}

export interface RankedRow {
  id: string;
  label: string;
  detail: string | null;
  cell: Cell;
}

export interface DdetsDashboard {
  scope: { code: string; label: string }[];
  filters: DdetsFilters;
  /** « Nord et Pas-de-Calais, tous types de structures ». */
  selectionLabel: string;
  years: number[];
  rule: { minStructures: number; smallLabel: string; maskedLabel: string; text: string };
  keyFigures: { registered: Cell; started: Cell; finished: Cell; plans: Cell };
  /** What the key figures say and what to do next, from shown figures only. */
  uptakeText: string;
  byDepartement: { rows: UptakeRow[]; total: UptakeRow };
  byType: { rows: UptakeRow[]; total: UptakeRow };
  trend: { rows: TrendRow[]; summary: string };
  registrations: { rows: { year: number; cell: Cell }[]; total: Cell };
  results: {
    /** False when fewer than 5 structures of the selection finished their diagnostic (or the count is masked). */
    published: boolean;
    message: string | null;
    finished: Cell;
    womenShare: Distribution | null;
    mixedJobs: Distribution | null;
    domains: (Distribution & { domain: DomainId })[];
    size: Distribution | null;
    index: Distribution | null;
  };
  plans: {
    published: boolean;
    message: string | null;
    base: Cell;
    domains: RankedRow[];
    /** Most chosen catalogue actions (shown counts only, largest first). */
    actions: RankedRow[];
  };
}

// ---------------------------------------------------------------------------------------------
// Aggregation

/** How many catalogue actions the dashboard ranks. */
export const TOP_ACTIONS = 10;

const ALL = "*";
type Counts = Map<string, number>;

function typeOf(value: string | null): StructureType {
  return (STRUCTURE_TYPES as readonly string[]).includes(value ?? "") ? (value as StructureType) : "autre";
}

const viewKey = (dep: string, type: string) => `${dep}|${type}`;

interface Dims {
  deps: readonly string[];
  types: readonly StructureType[];
  views: { dep: string; type: string; key: string }[];
  lines: { total: string; parts: string[] }[];
}

function dimensions(scope: readonly string[]): Dims {
  const deps = [...scope];
  const types = STRUCTURE_TYPES;
  const views: Dims["views"] = [];
  for (const dep of [ALL, ...deps]) for (const type of [ALL, ...types]) views.push({ dep, type, key: viewKey(dep, type) });
  const lines: Dims["lines"] = [];
  for (const type of [ALL, ...types]) lines.push({ total: viewKey(ALL, type), parts: deps.map((d) => viewKey(d, type)) });
  for (const dep of [ALL, ...deps]) lines.push({ total: viewKey(dep, ALL), parts: types.map((t) => viewKey(dep, t)) });
  return { deps, types, views, lines };
}

/** Builds the cells of every measure over every filter combination, and the sums that link them. */
class CellSystem {
  readonly values = new Map<string, number>();
  readonly relations: Relation[] = [];
  constructor(private readonly dims: Dims) {}

  /** A measure counted per (département, type) — `interior` keyed by viewKey — with its margins and the sums along both dimensions. */
  measure(name: string, interior: Counts) {
    const { deps, types } = this.dims;
    for (const dep of deps) {
      let rowSum = 0;
      for (const type of types) {
        const v = interior.get(viewKey(dep, type)) ?? 0;
        rowSum += v;
        this.values.set(`${name}@${viewKey(dep, type)}`, v);
      }
      this.values.set(`${name}@${viewKey(dep, ALL)}`, rowSum);
    }
    let grand = 0;
    for (const type of types) {
      let colSum = 0;
      for (const dep of deps) colSum += interior.get(viewKey(dep, type)) ?? 0;
      grand += colSum;
      this.values.set(`${name}@${viewKey(ALL, type)}`, colSum);
    }
    this.values.set(`${name}@${viewKey(ALL, ALL)}`, grand);
    for (const line of this.dims.lines) this.relations.push({ total: `${name}@${line.total}`, parts: line.parts.map((p) => `${name}@${p}`) });
  }

  /** A distribution of the measure `base` over `bands` (each band a measure), in every view; `cascade` hides a view's bands when its base is hidden. */
  distribution(name: string, base: string, bands: readonly string[], interior: (band: string) => Counts, cascade = true) {
    for (const band of bands) this.measure(`${name}:${band}`, interior(band));
    for (const view of this.dims.views) {
      this.relations.push({ total: `${base}@${view.key}`, parts: bands.map((b) => `${name}:${b}@${view.key}`), cascade });
    }
  }
}

function add(counts: Counts, key: string, n = 1) {
  counts.set(key, (counts.get(key) ?? 0) + n);
}

function sharePct(cell: Cell, total: Cell): number | null {
  if (cell.status !== "shown" || total.status !== "shown" || total.count === 0) return null;
  return (cell.count / total.count) * 100;
}

function shareText(p: number | null): string | null {
  return p === null ? null : `${INTEGER.format(Math.round(p))}${NBSP}%`;
}

function distributionSummary(title: string, bands: BandRow[]): string {
  const shown = bands.filter((b) => b.cell.status === "shown" && b.cell.count > 0);
  const hidden = bands.filter((b) => b.cell.status === "small" || b.cell.status === "masked");
  const parts = shown.map((b) => `${b.label.toLowerCase()}${NBSP}: ${cellText(b.cell)}`);
  const tail = hidden.length > 0 ? ` ${hidden.length === 1 ? "Une case est" : `${hidden.length} cases sont`} couverte${hidden.length === 1 ? "" : "s"} par le secret statistique.` : "";
  return `${title}${NBSP}: ${parts.length > 0 ? parts.join(`${NBSP}; `) : "aucun chiffre publiable"}.${tail} Le détail est dans le tableau qui suit.`;
}

/**
 * The DDETS dashboard for the selected filters: uptake (key figures, by département, by type, per
 * year), the results distributions of the selected year and the plans' most chosen domains and
 * actions, every count suppressed by the module's rule, solved once over every filter combination.
 * Rows of départements outside `scope` are ignored (the queries never return them).
 */
export function buildDdetsDashboard(input: DdetsInput): DdetsDashboard {
  const scope = [...new Set(input.scope)];
  const dims = dimensions(scope);
  const inScope = new Set(scope);
  const { filters } = input;
  const year = filters.year;
  const system = new CellSystem(dims);

  // Uptake: registered (and per year of sign-up), then started / finished / plans per reference year.
  const registered: Counts = new Map();
  const registeredIn = new Map<number, Counts>();
  for (const r of input.registrations) {
    if (!inScope.has(r.departement)) continue;
    const key = viewKey(r.departement, typeOf(r.structureType));
    add(registered, key, r.structures);
    let perYear = registeredIn.get(r.registeredYear);
    if (!perYear) registeredIn.set(r.registeredYear, (perYear = new Map()));
    add(perYear, key, r.structures);
  }
  system.measure("registered", registered);
  const registrationYears = [...registeredIn.keys()].sort((a, b) => a - b);
  for (const y of registrationYears) system.measure(`registeredIn:${y}`, registeredIn.get(y)!);
  for (const view of dims.views) {
    system.relations.push({ total: `registered@${view.key}`, parts: registrationYears.map((y) => `registeredIn:${y}@${view.key}`) });
  }

  const perYear = new Map<number, { started: Counts; finished: Counts; plans: Counts }>();
  const yearCounts = (y: number) => {
    let c = perYear.get(y);
    if (!c) perYear.set(y, (c = { started: new Map(), finished: new Map(), plans: new Map() }));
    return c;
  };
  for (const d of input.diagnostics) {
    if (!inScope.has(d.departement)) continue;
    const c = yearCounts(d.year);
    const key = viewKey(d.departement, typeOf(d.structureType));
    add(c.started, key, d.started);
    add(c.finished, key, d.finished);
    add(c.plans, key, d.plans);
  }
  const selected = yearCounts(year);
  const years = [...perYear.keys()].sort((a, b) => a - b);
  for (const y of years) {
    const c = perYear.get(y)!;
    system.measure(`started:${y}`, c.started);
    system.measure(`finished:${y}`, c.finished);
    system.measure(`plans:${y}`, c.plans);
  }

  // Results of the selected year's finished diagnostics: one distribution per family of bands.
  const finishedBase = `finished:${year}`;
  const byFamily = new Map<string, Map<string, Counts>>();
  for (const b of input.bands) {
    if (!inScope.has(b.departement)) continue;
    let family = byFamily.get(b.family);
    if (!family) byFamily.set(b.family, (family = new Map()));
    let counts = family.get(b.band);
    if (!counts) family.set(b.band, (counts = new Map()));
    add(counts, viewKey(b.departement, typeOf(b.structureType)), b.structures);
  }
  /** Interior counts of a family's bands; the « no data » band takes what the base counts and no band does (diagnostics without a current summary). */
  const familyCounts = (family: string, bands: readonly string[], noData: string, base: Counts): ((band: string) => Counts) => {
    const known = byFamily.get(family) ?? new Map<string, Counts>();
    const rest: Counts = new Map();
    for (const [key, total] of base) {
      let sum = 0;
      for (const band of bands) if (band !== noData) sum += known.get(band)?.get(key) ?? 0;
      rest.set(key, Math.max(0, total - sum));
    }
    return (band) => (band === noData ? rest : (known.get(band) ?? new Map()));
  };
  for (const f of BAND_FAMILIES) system.distribution(f.family, finishedBase, f.bands, familyCounts(f.family, f.bands, f.noData, selected.finished));
  const sizeCounts = familyCounts("size", SIZE_BANDS, "unknown", selected.finished);
  system.distribution(INDEX_FAMILY.family, "size:fifty_plus", INDEX_BANDS, familyCounts(INDEX_FAMILY.family, INDEX_BANDS, INDEX_FAMILY.noData, sizeCounts("fifty_plus")));

  // Plans of the selected year: how many chose each domain and each catalogue action (yes / no parts).
  const planBase = `plans:${year}`;
  const choices = new Map<string, Counts>();
  for (const c of input.planChoices) {
    if (!inScope.has(c.departement)) continue;
    if (c.kind === "domain" ? !(DOMAIN_IDS as readonly string[]).includes(c.id) : getAction(c.id) === undefined) continue;
    const k = `${c.kind}:${c.id}`;
    let counts = choices.get(k);
    if (!counts) choices.set(k, (counts = new Map()));
    add(counts, viewKey(c.departement, typeOf(c.structureType)), c.plans);
  }
  const yesNo = (yes: Counts) => (band: string) => {
    if (band === "yes") return yes;
    const no: Counts = new Map();
    for (const [key, total] of selected.plans) no.set(key, Math.max(0, total - (yes.get(key) ?? 0)));
    return no;
  };
  const chosenDomains = DOMAIN_IDS.filter((d) => choices.has(`domain:${d}`));
  for (const domain of chosenDomains) system.distribution(`planDomain:${domain}`, planBase, ["yes", "no"], yesNo(choices.get(`domain:${domain}`)!));
  const actionIds = [...choices.keys()].filter((k) => k.startsWith("action:")).map((k) => k.slice("action:".length)).sort();
  for (const id of actionIds) system.distribution(`planAction:${id}`, planBase, ["yes", "no"], yesNo(choices.get(`action:${id}`)!));

  const cells = suppressCells(system.values, system.relations);
  const dep = filters.departement && inScope.has(filters.departement) ? filters.departement : ALL;
  const type = filters.structureType ?? ALL;
  const view = viewKey(dep, type);
  const zero: Cell = { status: "shown", count: 0 };
  const cell = (key: string): Cell => cells.get(key) ?? zero;

  const uptakeRow = (key: string, label: string, v: string, isSelected: boolean): UptakeRow => ({
    key,
    label,
    selected: isSelected,
    registered: cell(`registered@${v}`),
    started: cell(`started:${year}@${v}`),
    finished: cell(`finished:${year}@${v}`),
    plans: cell(`plans:${year}@${v}`),
  });
  const depRows = scope.map((d) => uptakeRow(d, departementLabel(d), viewKey(d, type), d === dep));
  const typeRows = STRUCTURE_TYPES.map((t) => uptakeRow(t, STRUCTURE_TYPE_LABELS[t], viewKey(dep, t), t === type)).filter(
    (row) => row.selected || [row.registered, row.started, row.finished, row.plans].some((c) => c.status !== "shown" || c.count > 0),
  );

  const trendRows: TrendRow[] = years.map((y) => ({
    year: y,
    started: cell(`started:${y}@${view}`),
    finished: cell(`finished:${y}@${view}`),
    plans: cell(`plans:${y}@${view}`),
  }));

  const distribution = (id: string, title: string, base: string, name: string, bands: readonly string[], labels: Record<string, string>, baseKey: string): Distribution => {
    const total = cell(`${baseKey}@${view}`);
    const rows: BandRow[] = bands.map((b) => {
      const c = cell(`${name}:${b}@${view}`);
      const p = sharePct(c, total);
      return { id: b, label: labels[b], cell: c, share: shareText(p), sharePct: p };
    });
    return { id, title, base, total, bands: rows, summary: distributionSummary(title, rows) };
  };

  const finished = cell(`${finishedBase}@${view}`);
  const resultsPublished = finished.status === "shown" && finished.count > 0;
  const finishedText = "structures ayant terminé leur diagnostic";
  const results: DdetsDashboard["results"] = resultsPublished
    ? {
        published: true,
        message: null,
        finished,
        womenShare: distribution("parcours", "Part de femmes parmi les personnes en parcours", finishedText, "women", WOMEN_SHARE_BANDS, WOMEN_SHARE_BAND_LABELS, finishedBase),
        mixedJobs: distribution("metiers", "Part de métiers mixtes", finishedText, "mixed", MIXED_JOBS_BANDS, MIXED_JOBS_BAND_LABELS, finishedBase),
        domains: DOMAIN_IDS.map((domain) => ({
          domain,
          ...distribution(`domaine-${domain}`, DOMAINS.find((d) => d.id === domain)!.label, finishedText, `level:${domain}`, LEVEL_BANDS, LEVEL_BAND_LABELS, finishedBase),
        })),
        size: distribution("effectif", "Taille des structures", finishedText, "size", SIZE_BANDS, SIZE_BAND_LABELS, finishedBase),
        index: (() => {
          const base = cell(`size:fifty_plus@${view}`);
          if (base.status !== "shown" || base.count === 0) return null;
          return distribution("index", "Index de l'égalité professionnelle (structures de 50 salariés ou plus)", "structures de 50 salariés ou plus ayant terminé leur diagnostic", "index", INDEX_BANDS, INDEX_BAND_LABELS, "size:fifty_plus");
        })(),
      }
    : {
        published: false,
        message:
          finished.status === "shown"
            ? `Aucune structure de cette sélection n'a terminé son diagnostic ${year}.`
            : finished.status === "small"
              ? `Moins de ${SMALL_CELL_MIN_STRUCTURES} structures de cette sélection ont terminé leur diagnostic ${year}${NBSP}: les résultats ne sont pas affichés (secret statistique).`
              : `Les résultats de cette sélection sont masqués${NBSP}: les afficher permettrait de retrouver ceux d'un groupe de moins de ${SMALL_CELL_MIN_STRUCTURES} structures (secret statistique). Élargissez la sélection.`,
        finished,
        womenShare: null,
        mixedJobs: null,
        domains: [],
        size: null,
        index: null,
      };

  const planCell = cell(`${planBase}@${view}`);
  const plansPublished = planCell.status === "shown" && planCell.count > 0;
  const ranked = (rows: RankedRow[]) =>
    rows.sort((a, b) => {
      const ca = cellCount(a.cell);
      const cb = cellCount(b.cell);
      if (ca !== null && cb !== null) return cb - ca;
      return ca !== null ? -1 : cb !== null ? 1 : 0;
    });
  const plans: DdetsDashboard["plans"] = plansPublished
    ? {
        published: true,
        message: null,
        base: planCell,
        domains: ranked(
          DOMAIN_IDS.map((d) => ({
            id: d,
            label: DOMAINS.find((x) => x.id === d)!.label,
            detail: null,
            cell: chosenDomains.includes(d) ? cell(`planDomain:${d}:yes@${view}`) : zero,
          })),
        ),
        actions: ranked(
          actionIds.map((id) => {
            const action = getAction(id)!;
            return { id, label: action.title, detail: DOMAINS.find((x) => x.id === action.domain)?.label ?? null, cell: cell(`planAction:${id}:yes@${view}`) };
          }),
        )
          .filter((r) => r.cell.status === "shown" && r.cell.count > 0)
          .slice(0, TOP_ACTIONS),
      }
    : {
        published: false,
        message:
          planCell.status === "shown"
            ? `Aucune structure de cette sélection n'a établi de plan d'action pour ${year}.`
            : `Les choix des plans d'action ne sont pas affichés${NBSP}: ${planCell.status === "small" ? `moins de ${SMALL_CELL_MIN_STRUCTURES} structures de cette sélection ont établi un plan` : "les afficher permettrait de retrouver ceux d'un groupe de moins de 5 structures"} (secret statistique).`,
        base: planCell,
        domains: [],
        actions: [],
      };

  const depText = dep === ALL ? joinFrench(scope.map(departementLabel)) : departementLabel(dep);
  const typeText = type === ALL ? "tous types de structures" : STRUCTURE_TYPE_LABELS[type as StructureType];
  return {
    scope: scope.map((code) => ({ code, label: departementLabel(code) })),
    filters: { departement: dep === ALL ? null : dep, structureType: type === ALL ? null : (type as StructureType), year },
    selectionLabel: `${depText}, ${typeText}`,
    years: [...new Set([...years, year])].sort((a, b) => b - a),
    rule: { minStructures: SMALL_CELL_MIN_STRUCTURES, smallLabel: SMALL_CELL_LABEL, maskedLabel: MASKED_CELL_LABEL, text: SUPPRESSION_RULE_TEXT },
    keyFigures: { registered: cell(`registered@${view}`), started: cell(`started:${year}@${view}`), finished, plans: planCell },
    uptakeText: uptakeText(cell(`registered@${view}`), cell(`started:${year}@${view}`), finished, year),
    byDepartement: { rows: depRows, total: uptakeRow(ALL, "Total", viewKey(ALL, type), dep === ALL) },
    byType: { rows: typeRows, total: uptakeRow(ALL, "Total", viewKey(dep, ALL), type === ALL) },
    trend: { rows: trendRows, summary: trendSummary(trendRows) },
    registrations: { rows: registrationYears.map((y) => ({ year: y, cell: cell(`registeredIn:${y}@${view}`) })), total: cell(`registered@${view}`) },
    results,
    plans,
  };
}

/** « Sur 15 structures inscrites, 14 ont commencé leur diagnostic 2025 et 12 l'ont terminé. » and the next step; figures hidden by the secret are not named. */
function uptakeText(registered: Cell, started: Cell, finished: Cell, year: number): string {
  const next = `La liste des structures, plus bas, donne l'avancement de chacune${NBSP}: c'est par elle que commencent les relances.`;
  if (registered.status !== "shown") return `Les chiffres de cette sélection sont couverts par le secret statistique. ${next}`;
  if (registered.count === 0) return `Aucune structure de cette sélection n'est encore inscrite${NBSP}: invitez-les depuis la page «${NBSP}Campagnes d'invitation${NBSP}».`;
  const parts = [`Sur ${cellText(registered)} structure${registered.count > 1 ? "s" : ""} inscrite${registered.count > 1 ? "s" : ""}`];
  if (started.status === "shown") {
    parts.push(`${cellText(started)} ${started.count > 1 ? "ont" : "a"} commencé leur diagnostic ${year}`);
    if (finished.status === "shown") parts[1] += ` et ${cellText(finished)} l'${finished.count > 1 ? "ont" : "a"} terminé`;
  }
  return parts.length > 1 ? `${parts.join(", ")}. ${next}` : `${cellText(registered)} structure${registered.count > 1 ? "s" : ""} inscrite${registered.count > 1 ? "s" : ""}. ${next}`;
}

function joinFrench(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} et ${items[items.length - 1]}`;
}

function trendSummary(rows: TrendRow[]): string {
  if (rows.length === 0) return "Aucun diagnostic pour l'instant.";
  const parts = rows.map((r) => `${r.year}${NBSP}: ${cellText(r.started)} commencés, ${cellText(r.finished)} terminés, ${cellText(r.plans)} avec un plan d'action`);
  return `Diagnostics par année de référence${NBSP}: ${parts.join(`${NBSP}; `)}. Le détail est dans le tableau qui suit.`;
}

/**
 * The reference year the dashboard opens on: the newest year with at least SMALL_CELL_MIN_STRUCTURES
 * finished diagnostics (results can be shown), else the newest year with any diagnostic, else the
 * year before `now` (the usual reference year).
 */
export function defaultReferenceYear(years: readonly { year: number; finished: number }[], now = new Date()): number {
  const sorted = [...years].sort((a, b) => b.year - a.year);
  return sorted.find((y) => y.finished >= SMALL_CELL_MIN_STRUCTURES)?.year ?? sorted[0]?.year ?? now.getFullYear() - 1;
}

// ---------------------------------------------------------------------------------------------
// Structures, one by one (name, type, commune, status only)

export type StructureStatus = "inscrite" | "brouillon" | "termine" | "plan";

export const STRUCTURE_STATUS_LABELS: Record<StructureStatus, string> = {
  inscrite: "Inscrite, pas de diagnostic",
  brouillon: "Diagnostic en cours",
  termine: "Diagnostic terminé",
  plan: "Plan d'action établi",
};

/** The status shown for a structure in the selected year: its diagnostic's status, or « plan » when it has an action plan. */
export function structureStatus(diagnosticStatus: "brouillon" | "termine" | null, hasPlan: boolean): StructureStatus {
  if (!diagnosticStatus) return "inscrite";
  if (hasPlan) return "plan";
  return diagnosticStatus;
}

/** One structure with its diagnostics: the per-structure rows the dashboard is defined on (tests, small inputs). */
export interface StructureFixture {
  departement: string;
  structureType: StructureType;
  registeredYear: number;
  diagnostics: {
    year: number;
    status: "brouillon" | "termine";
    /** The summary of a finished diagnostic (null: not summarised yet). */
    summary: DiagnosticSummary | null;
    /** Domains and catalogue actions of its action plan (abandoned actions left out); null without plan. */
    plan: { domains: readonly string[]; actions: readonly string[] } | null;
  }[];
}

/** Groups per-structure rows into the dashboard's input for `year`, exactly as the queries group them in SQL. */
export function groupStructures(structures: readonly StructureFixture[], year: number): Pick<DdetsInput, "registrations" | "diagnostics" | "bands" | "planChoices"> {
  const registrations = new Map<string, RegistrationCount>();
  const diagnostics = new Map<string, DiagnosticCount>();
  const bands = new Map<string, BandCount>();
  const planChoices = new Map<string, PlanChoiceCount>();
  for (const s of structures) {
    const rk = `${s.departement}|${s.structureType}|${s.registeredYear}`;
    const r = registrations.get(rk) ?? { departement: s.departement, structureType: s.structureType, registeredYear: s.registeredYear, structures: 0 };
    r.structures += 1;
    registrations.set(rk, r);
    for (const d of s.diagnostics) {
      const dk = `${s.departement}|${s.structureType}|${d.year}`;
      const c = diagnostics.get(dk) ?? { departement: s.departement, structureType: s.structureType, year: d.year, started: 0, finished: 0, plans: 0 };
      c.started += 1;
      if (d.status === "termine") c.finished += 1;
      if (d.plan) c.plans += 1;
      diagnostics.set(dk, c);
      if (d.year !== year) continue;
      if (d.status === "termine" && d.summary) {
        for (const [family, band] of Object.entries(summaryBands(d.summary))) {
          const bk = `${s.departement}|${s.structureType}|${family}|${band}`;
          const b = bands.get(bk) ?? { departement: s.departement, structureType: s.structureType, family, band, structures: 0 };
          b.structures += 1;
          bands.set(bk, b);
        }
      }
      if (d.plan) {
        const chosen: ["domain" | "action", string][] = [
          ...[...new Set(d.plan.domains)].map((id): ["domain", string] => ["domain", id]),
          ...[...new Set(d.plan.actions)].map((id): ["action", string] => ["action", id]),
        ];
        for (const [kind, id] of chosen) {
          const pk = `${s.departement}|${s.structureType}|${kind}|${id}`;
          const p = planChoices.get(pk) ?? { departement: s.departement, structureType: s.structureType, kind, id, plans: 0 };
          p.plans += 1;
          planChoices.set(pk, p);
        }
      }
    }
  }
  return { registrations: [...registrations.values()], diagnostics: [...diagnostics.values()], bands: [...bands.values()], planChoices: [...planChoices.values()] };
}
