/**
 * The diagnostic report (PDF) as plain data: everything the drawing layer draws, in the order it
 * draws it, with every figure and sentence already written. Pure: results of buildResults, the plan
 * and its check in; headings, paragraphs, tables and chart series out. The words and figures are
 * those of the results page (same view model), for a reader who did not fill the questionnaire:
 * the board, the CSE, a funder (UX.md « PDF »).
 */
import { DEPARTEMENTS } from "./departements.ts";
import { getDomain } from "./domains.ts";
import { MIXITY_MAX_SHARE_WOMEN, MIXITY_MIN_SHARE_WOMEN } from "./mixity.ts";
import {
  coveredDomains,
  FOUR_DOMAINS_HEADCOUNT,
  MANDATORY_PLAN_HEADCOUNT,
  MIN_DOMAINS_FROM_300,
  MIN_DOMAINS_UNDER_300,
  PLAN_ACTION_STATUS_LABELS,
  PLAN_KIND_LABELS,
  activeActions,
  formatFrenchDate,
  minDomainsFor,
  parseIsoDate,
  type Plan,
  type PlanAction,
} from "./plan/index.ts";
import { formatNumber, joinFrench, plural, quote } from "./plan/format.ts";
import {
  formatShare,
  indexTotalLabel,
  LOW_HEADCOUNT_LABEL,
  MIXITY_BAND_LABEL,
  type IndexView,
  type MixityGroup,
  type ReadyResults,
  type Results,
  type Tone,
} from "./results.ts";
import { getSupportOrganization } from "./support/index.ts";
import { JOINT_ASSESSMENT_GAP_PCT } from "./transparency/constants.ts";
import { NOT_SPLIT_TEXT, type TransparencyView } from "./transparency/view.ts";
import { BARRIER_LABELS, BARRIERS, DOMAIN_IDS, STRUCTURE_TYPE_LABELS, type Barrier, type HeadcountBand, type StructureType } from "./types.ts";

export const NBSP = "\u00a0";

/** Text of the diagonal watermark of a draft report, on every page. */
export const DRAFT_WATERMARK = "BROUILLON";

/** Name of the service, as signed on every document. */
export const SERVICE_NAME = "Boussole Égalité";

// ---------------------------------------------------------------------------------------------
// The document model, shared with the tender sheet and drawn by app/report/

export type BlockTone = Tone;

export interface TableColumn {
  header: string;
  /** Share of the table's width (the widths of a table add up to 1). */
  width: number;
  align?: "left" | "right";
}

export interface TableRow {
  /** One string per column; « \n » starts a new line inside a cell. */
  cells: string[];
  /** A total or summary row, drawn in bold. */
  emphasis?: boolean;
}

export interface TableBlock {
  kind: "table";
  /** Title above the table, also its accessible summary. */
  caption: string;
  columns: TableColumn[];
  rows: TableRow[];
  /** The first cell of each row names the row (row header). */
  rowHeaders: boolean;
  /** A note under the table (sources, marks), or null. */
  note: string | null;
}

export interface MixityChartRow {
  label: string;
  /** Exact shares in % (0–100); they add up to 100. */
  womenPct: number;
  menPct: number;
  womenDisplay: string;
  menDisplay: string;
  lowHeadcount: boolean;
}

/** Horizontal stacked bars, women from 0 % and men up to 100 %, one per job, with the mixity band. */
export interface MixityChartBlock {
  kind: "mixityChart";
  /** What the chart shows, in one sentence: the figure's alternative text. */
  alt: string;
  bandMinPct: number;
  bandMaxPct: number;
  /** « zone de mixité » */
  bandLabel: string;
  legend: { women: string; men: string; band: string; lowHeadcount: string | null };
  rows: MixityChartRow[];
}

/** Indicator (f): one horizontal bar per pay quarter, women from 0 % and men up to 100 %. */
export interface PayBandsChartBlock {
  kind: "payBandsChart";
  /** Drawn above the chart, with its one-line reading. */
  title: string;
  reading: string;
  /** What the chart shows, in one sentence: the figure's alternative text. */
  alt: string;
  legend: { women: string; men: string };
  rows: { label: string; womenPct: number; menPct: number; womenDisplay: string; menDisplay: string }[];
}

/** One bar of a gap chart: the gap in % (null: no bar) and what is written at its end (or instead of it). */
export interface GapChartValue {
  value: number | null;
  text: string;
}

export interface GapChartRow {
  label: string;
  /** At or beyond the threshold (either direction): the label is bold and the text marked « ! ». */
  flagged: boolean;
  /** Why the category has no figure at all (« non publié… »), written across the plot; else null. */
  withheld: string | null;
  /** One value per series, in the order of `series`. */
  values: GapChartValue[];
}

/** Indicator (g): gaps per category as horizontal bars around 0 % (positive at women's expense), with the ± threshold lines. */
export interface GapChartBlock {
  kind: "gapChart";
  title: string;
  reading: string;
  alt: string;
  thresholdPct: number;
  /** « seuil de 5 % », written beside each threshold line. */
  thresholdLabel: string;
  /** Names of the series, for the legend (the first drawn solid, the next hatched). */
  series: string[];
  /** Legend of the « ! » mark, or null when no category is flagged. */
  flaggedLegend: string | null;
  /** What a bar to the right and to the left of 0 % means. */
  directions: { positive: string; negative: string };
  rows: GapChartRow[];
}

export type Block =
  | { kind: "subheading"; text: string }
  | { kind: "paragraph"; text: string; style?: "normal" | "small" | "lead" }
  | { kind: "list"; items: string[] }
  | { kind: "callout"; tone: BlockTone; title: string; text: string; next: string | null }
  | { kind: "definitions"; items: { term: string; definition: string }[] }
  | TableBlock
  | MixityChartBlock
  | PayBandsChartBlock
  | GapChartBlock;

export interface Section {
  id: string;
  /** Drawn as a level-2 heading. */
  title: string;
  blocks: Block[];
  /** Start the section on a new page. */
  newPage?: boolean;
}

export interface CoverFigure {
  label: string;
  value: string;
  detail: string | null;
  meaning: string;
  tone: BlockTone;
}

export interface StatusLine {
  label: string;
  value: string;
  tone: BlockTone;
}

export interface Cover {
  /** Small line above the title. */
  kicker: string;
  /** The document's level-1 heading. */
  title: string;
  structureName: string;
  facts: { label: string; value: string }[];
  status: StatusLine[];
  /** One sentence that sums up the figures, or null. */
  headline: string | null;
  figuresTitle: string;
  figures: CoverFigure[];
  /** How to read the document, or null. */
  note: string | null;
}

/** A PDF of Boussole Égalité as plain data (report or tender sheet). */
export interface PdfDocumentModel {
  kind: "rapport" | "fiche_marche_public";
  meta: { title: string; subject: string; author: string; keywords: string[]; lang: "fr-FR" };
  /** Download name (ASCII). */
  fileName: string;
  /** Diagonal text on every page, or null. */
  watermark: string | null;
  /** Left part of every page's footer (the right part is « Page n sur N »). */
  footer: string;
  cover: Cover;
  sections: Section[];
}

// ---------------------------------------------------------------------------------------------
// Input

export interface ReportStructure {
  name: string;
  siret: string | null;
  /** The type chosen in the profile, else the structure's type. */
  type: StructureType | null;
  commune: string | null;
  departement: string | null;
}

/** What the report reads of checkPlan's answer (PlanCheck, plus any stored action that could not be read). */
export interface PlanCheckSummary {
  readonly errors: readonly { readonly message: string }[];
  readonly warnings: readonly { readonly message: string }[];
}

export interface ReportInput {
  results: Results;
  /** The diagnostic's plan (abandoned actions included), or null when there is none. */
  plan: Plan | null;
  /** checkPlan of that plan (plus any action that could not be read, as an error), or null without plan. */
  planCheck: PlanCheckSummary | null;
  structure: ReportStructure;
  year: number;
  generatedAt: Date | string;
  /** Draft: watermark on every page, and the plan's blocking points listed. */
  draft: boolean;
  /** The diagnostic's own status (« terminé » once marked finished on the results page). */
  diagnosticStatus?: "brouillon" | "termine";
  finishedAt?: Date | string | null;
  /** The profile's headcount band: how many domains the plan needs (3 or 4). */
  headcountBand?: HeadcountBand | null;
  /**
   * The pay-transparency view of the staff file (directive 2023/970): a section beside the Index.
   * null: no usable staff file (the section says what to import); undefined: not shown (no section),
   * e.g. for an advisor whose read grant does not reach the staff file.
   */
  transparency?: TransparencyView | null;
}

// ---------------------------------------------------------------------------------------------
// French formatting

const DATE = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });
const EUROS = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });

/** « 23 novembre 2026 » (« 1er » on the first of the month), Paris time. */
export function formatLongDate(value: Date | string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  const parts = DATE.formatToParts(date);
  const day = parts.find((p) => p.type === "day")?.value ?? "";
  const month = parts.find((p) => p.type === "month")?.value ?? "";
  const year = parts.find((p) => p.type === "year")?.value ?? "";
  return `${day === "1" ? "1er" : day}${NBSP}${month} ${year}`;
}

/** « 1 200 € » with the French thousands separator (narrow no-break space) and a no-break space before €. */
export function formatEuros(amount: number): string {
  return `${EUROS.format(amount)}${NBSP}€`;
}

/** « 732 829 320 00074 » (groups of 3, 3, 3 and 5 digits), or the text as given when it is not 14 digits. */
export function formatSiret(siret: string): string {
  const digits = siret.replace(/\s/g, "");
  if (!/^\d{14}$/.test(digits)) return siret;
  return [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6, 9), digits.slice(9)].join(NBSP);
}

/** « Douai (59 – Nord) », « Douai », « Nord » or null. */
export function formatPlace(commune: string | null, departement: string | null): string | null {
  const name = departement ? DEPARTEMENTS.find((d) => d.code === departement)?.name : undefined;
  const dep = departement ? (name ? `${departement} – ${name}` : departement) : null;
  const town = commune?.trim() || null;
  if (town && dep) return `${town} (${dep})`;
  return town ?? dep;
}

/**
 * Lower-case ASCII words joined by hyphens, for file names: « Les Jardins de l'Œuvre » →
 * « les-jardins-de-l-oeuvre ». « structure » when nothing is left.
 */
export function slugify(text: string): string {
  const slug = text
    .replace(/œ/g, "oe")
    .replace(/Œ/g, "Oe")
    .replace(/æ/g, "ae")
    .replace(/Æ/g, "Ae")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "structure";
}

/** « diagnostic-egalite-<structure>-<année>[-brouillon].pdf ». */
export function reportFileName(structureName: string, year: number, draft: boolean): string {
  return `diagnostic-egalite-${slugify(structureName)}-${year}${draft ? "-brouillon" : ""}.pdf`;
}

/** « 1er janvier 2026 » for an ISO date, the text as stored when it is not a valid date. */
export function formatPlanDate(iso: string): string {
  return parseIsoDate(iso) ? formatFrenchDate(iso) : iso;
}

/** A measured value with its unit: « 30 % », « 3 personnes », « 12 jours ». */
export function formatMeasure(value: number, unit: string): string {
  const u = unit.trim();
  if (!u) return formatNumber(value);
  return `${formatNumber(value)}${NBSP}${u}`;
}

/** « Vérifiez » → « vérifiez » after a colon; acronyms (« CIP ») are kept. */
function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Words shared with the results page

/** The Index states without a score, as the results page words them. */
export const INDEX_STATE_TEXT: Record<Exclude<IndexView["state"], "calcule" | "non_calculable">, string> = {
  a_faire: "L'étape Index n'est pas encore faite.",
  ignore: "Vous avez passé l'étape Index.",
  fichier_absent: "L'Index devait être calculé à partir du fichier du personnel, mais aucun fichier utilisable n'est enregistré.",
  donnees_invalides: "Les données enregistrées à l'étape Index sont incomplètes ou incohérentes.",
};

const TONE_OF_LEVEL = { corrective: "attention", objectives: "attention", none: "positive", "not-applicable": "neutral" } as const;

// ---------------------------------------------------------------------------------------------
// Legal reminders and glossary

/** Deadline of the Index publication, each year (Code du travail D1142-4; DOMAIN.md §2.6). */
export const INDEX_PUBLICATION_DEADLINE = `1er${NBSP}mars`;

/**
 * The legal reminders of the report, for this structure's size (DOMAIN.md §0, §2, §3): the
 * Index published by 1 March, the accord or plan from 50 salariés, 3 or 4 domains with
 * rémunération effective, the plan's cost and annual review, and the Index thresholds.
 */
export function legalReminders(band: HeadcountBand | null, fiftyPlus: boolean): string[] {
  const reminders: string[] = [];
  if (band !== null) {
    reminders.push(
      fiftyPlus
        ? `Votre structure compte ${MANDATORY_PLAN_HEADCOUNT}${NBSP}salariés ou plus${NBSP}: les obligations ci-dessous s'appliquent à elle.`
        : `Votre structure compte moins de ${MANDATORY_PLAN_HEADCOUNT}${NBSP}salariés${NBSP}: l'Index et le plan d'action ne sont pas obligatoires pour elle, mais l'égalité de traitement et l'égalité de rémunération s'appliquent à tous les employeurs (Code du travail, art. L1142-1 et L3221-2). Les règles ci-dessous sont un bon repère.`,
    );
  }
  reminders.push(
    `Index de l'égalité professionnelle${NBSP}: à partir de ${MANDATORY_PLAN_HEADCOUNT}${NBSP}salariés, la note et chacun de ses indicateurs sont publiés chaque année au plus tard le ${INDEX_PUBLICATION_DEADLINE}, sur le site internet de la structure (à défaut, portés à la connaissance des salariés), déclarés au ministère du Travail et transmis au CSE.`,
    `Index inférieur à 85 points${NBSP}: des objectifs de progression sont fixés et publiés pour chaque indicateur qui n'a pas tous ses points. Inférieur à 75${NBSP}: des mesures de correction sont adoptées, avec 3${NBSP}ans pour atteindre 75 points.`,
    `Accord ou plan d'action${NBSP}: à partir de ${MANDATORY_PLAN_HEADCOUNT}${NBSP}salariés, la structure est couverte par un accord sur l'égalité professionnelle ou, à défaut, par un plan d'action${NBSP}; sans l'un ni l'autre, la pénalité peut atteindre 1${NBSP}% de la masse salariale (art. L2242-8).`,
    `Domaines${NBSP}: l'accord ou le plan fixe des objectifs de progression, des actions et des indicateurs chiffrés dans au moins ${MIN_DOMAINS_UNDER_300} des 9${NBSP}domaines d'action sous ${FOUR_DOMAINS_HEADCOUNT}${NBSP}salariés, au moins ${MIN_DOMAINS_FROM_300} à partir de ${FOUR_DOMAINS_HEADCOUNT}${NBSP}; la rémunération effective en fait toujours partie (art. R2242-2).`,
    `Plan d'action${NBSP}: il vaut pour un an, chiffre le coût de chaque action et commence par le bilan des objectifs de l'année précédente (art. L2242-3). Une synthèse est affichée dans les locaux et publiée sur le site internet s'il existe.`,
  );
  return reminders;
}

/** The words of the report a board member or a buyer may not know (UX.md: explain every legal term). */
export const GLOSSARY: readonly { term: string; definition: string }[] = [
  {
    term: "Index de l'égalité professionnelle",
    definition: `Note sur 100 calculée chaque année à partir de 4 indicateurs (de 50 à 250 salariés) ou 5 (plus de 250)${NBSP}: écart de rémunération, écarts d'augmentations et de promotions, augmentations au retour de congé de maternité, femmes et hommes parmi les 10 plus hautes rémunérations. Obligatoire à partir de 50${NBSP}salariés.`,
  },
  {
    term: "CSP",
    definition: `Catégorie socioprofessionnelle. L'Index en compte quatre${NBSP}: ouvriers${NBSP}; employés${NBSP}; techniciens et agents de maîtrise${NBSP}; ingénieurs et cadres.`,
  },
  {
    term: "ETP",
    definition: `Équivalent temps plein${NBSP}: une personne à mi-temps toute l'année compte pour 0,5${NBSP}ETP, comme une personne à temps plein présente six mois.`,
  },
  {
    term: "CSE",
    definition: "Comité social et économique, l'instance élue qui représente le personnel (à partir de 11 salariés). Il est consulté sur la politique sociale, dont l'égalité professionnelle.",
  },
  {
    term: "Accord de méthode",
    definition: `Accord collectif qui fixe le calendrier, les thèmes et le rythme des négociations obligatoires${NBSP}; pour l'égalité professionnelle, une négociation au moins tous les 4${NBSP}ans (art. L2242-10 et L2242-11). Sans lui, la négociation est annuelle.`,
  },
  {
    term: "Plan d'action",
    definition: "Document de l'employeur, à défaut d'accord, qui fixe pour un an les objectifs de progression, les actions, leurs indicateurs chiffrés et leur coût (art. L2242-3).",
  },
  {
    term: "Rémunération effective",
    definition: "Le salaire de base et tous ses compléments (primes, heures complémentaires, avantages). C'est le domaine obligatoire de tout accord ou plan d'action.",
  },
  {
    term: "Mixité",
    definition: `Un métier est mixte quand il compte entre ${formatShare(MIXITY_MIN_SHARE_WOMEN)} et ${formatShare(MIXITY_MAX_SHARE_WOMEN)} de femmes (règle de l'UDES, bornes comprises)${NBSP}: c'est la «${NBSP}zone de mixité${NBSP}» des graphiques.`,
  },
  {
    term: "Parcours",
    definition: `Le parcours d'insertion d'une personne embauchée par une structure inclusive (contrat à durée déterminée d'insertion, mission…), avec un accompagnement vers l'emploi. Les «${NBSP}salariés en parcours${NBSP}» sont distingués des salariés permanents (direction, encadrement, accompagnement).`,
  },
  {
    term: "CIP",
    definition: "Conseillère ou conseiller en insertion professionnelle, qui accompagne les personnes en parcours.",
  },
  {
    term: "Freins périphériques",
    definition: `Difficultés hors du poste de travail qui freinent l'accès à l'emploi et touchent plus souvent les femmes${NBSP}: mobilité, confiance en soi, garde d'enfants, violences, temps partiel subi, accès au numérique.`,
  },
];

// ---------------------------------------------------------------------------------------------
// Plan

/** Number of blocking errors and their French messages (empty without plan check). */
function planErrors(check: PlanCheckSummary | null): string[] {
  return check ? check.errors.map((e) => e.message) : [];
}

/** True when the plan exists and checkPlan found nothing blocking: the final report may be exported. */
export function isPlanExportable(plan: Plan | null, check: PlanCheckSummary | null): boolean {
  return plan !== null && check !== null && check.errors.length === 0;
}

function planStatusLine(plan: Plan | null, check: PlanCheckSummary | null): StatusLine {
  const label = plan ? PLAN_KIND_LABELS[plan.kind] : "Plan d'action";
  if (!plan) return { label, value: "Pas encore de plan d'action", tone: "neutral" };
  const errors = planErrors(check).length;
  if (errors === 0) {
    return { label, value: "Exportable\u00a0: il respecte les règles vérifiées (domaines, rémunération effective, indicateurs chiffrés, échéances, responsables, coûts)", tone: "positive" };
  }
  return { label, value: `À compléter${NBSP}: ${plural(errors, "point bloquant", "points bloquants")}`, tone: "attention" };
}

function costText(action: PlanAction): string {
  const parts: string[] = [];
  if (action.costEuros !== null) parts.push(formatEuros(action.costEuros));
  if (action.costDays !== null) parts.push(plural(action.costDays, "jour", "jours"));
  return parts.length ? parts.join("\n") : "—";
}

/** « Part de femmes parmi les embauches : départ 12 %, cible 30 % ». */
export function indicatorText(action: PlanAction): string {
  const { label, unit, baseline, target } = action.indicator;
  const parts: string[] = [];
  if (baseline !== null) parts.push(`départ ${formatMeasure(baseline, unit)}`);
  if (target !== null) parts.push(`cible ${formatMeasure(target, unit)}`);
  const name = label.trim() ? capitalize(label.trim()) : "Indicateur à préciser";
  return parts.length ? `${name}${NBSP}: ${parts.join(", ")}` : name;
}

function statusText(action: PlanAction): string {
  const label = PLAN_ACTION_STATUS_LABELS[action.status];
  if (action.measuredValue !== null) return `${label}\nValeur atteinte${NBSP}: ${formatMeasure(action.measuredValue, action.indicator.unit)}`;
  return label;
}

/** The barriers an action addresses, as « Freins : Mobilité, Garde d'enfants ». */
function barriersText(barriers: readonly Barrier[]): string | null {
  if (barriers.length === 0) return null;
  return `Freins${NBSP}: ${barriers.map((b) => BARRIER_LABELS[b]).join(", ")}`;
}

const PLAN_COLUMNS: TableColumn[] = [
  { header: "Action", width: 0.21 },
  { header: "Objectif et indicateur", width: 0.3 },
  { header: "Échéance", width: 0.14 },
  { header: "Responsable", width: 0.13 },
  { header: "Coût", width: 0.1, align: "right" },
  { header: "État", width: 0.12 },
];

/** One table per domain of the plan, in the legal order of the domains. */
export function planTables(plan: Plan): { domainLabel: string; mandatory: boolean; table: TableBlock }[] {
  const out: { domainLabel: string; mandatory: boolean; table: TableBlock }[] = [];
  for (const domainId of DOMAIN_IDS) {
    const actions = plan.actions.filter((a) => a.domain === domainId);
    if (actions.length === 0) continue;
    const domain = getDomain(domainId);
    out.push({
      domainLabel: domain.label,
      mandatory: domain.mandatoryInPlan,
      table: {
        kind: "table",
        caption: `Actions du domaine ${quote(domain.label)}`,
        columns: PLAN_COLUMNS,
        rowHeaders: true,
        note: null,
        rows: actions.map((a) => {
          const support = a.supportOrganizationId ? getSupportOrganization(a.supportOrganizationId)?.shortName : undefined;
          const title = [a.title, barriersText(a.barriers), support ? `Avec${NBSP}: ${support}` : null].filter(Boolean).join("\n");
          const objective = [a.objective.trim() || "Objectif à préciser", indicatorText(a)].join("\n");
          return {
            cells: [title, objective, a.deadline ? formatFrenchDate(a.deadline) : "À fixer", a.owner.trim() || "À désigner", costText(a), statusText(a)],
          };
        }),
      },
    });
  }
  return out;
}

/** The barriers the active actions address, with how many actions address each, in BARRIERS order. */
export function barriersAddressed(plan: Plan): { barrier: Barrier; label: string; actions: PlanAction[] }[] {
  const active = activeActions(plan);
  return BARRIERS.map((barrier) => ({ barrier, label: BARRIER_LABELS[barrier], actions: active.filter((a) => a.barriers.includes(barrier)) })).filter(
    (b) => b.actions.length > 0,
  );
}

function planSection(input: ReportInput, results: ReadyResults): Section {
  const { plan, planCheck, draft } = input;
  const blocks: Block[] = [];
  if (!plan) {
    blocks.push({
      kind: "paragraph",
      text: `Aucun plan d'action n'est encore saisi pour ce diagnostic. Les actions ci-dessous sont proposées par ${SERVICE_NAME} à partir des réponses et des chiffres${NBSP}; la structure choisit celles qu'elle retient, leur objectif chiffré, leur échéance, leur responsable et leur coût.`,
    });
    const featured = results.actions.featured;
    if (featured.length > 0) {
      blocks.push({
        kind: "table",
        caption: "Actions proposées à partir du diagnostic",
        rowHeaders: true,
        columns: [
          { header: "Action", width: 0.3 },
          { header: "Domaine", width: 0.17 },
          { header: "Pourquoi", width: 0.38 },
          { header: "Délai conseillé", width: 0.15 },
        ],
        rows: featured.map((a) => ({
          cells: [a.legalObligation ? `${a.title}\n(obligation légale)` : a.title, a.domainLabel, a.reasons[0] ?? "", `${a.deadlineMonths}${NBSP}mois`],
        })),
        note:
          results.actions.others.length > 0
            ? `${plural(results.actions.others.length, "autre action est proposée", "autres actions sont proposées")} dans ${SERVICE_NAME}, à l'étape «${NBSP}Résultats${NBSP}».`
            : null,
      });
    }
    return { id: "plan", title: "Le plan d'action", blocks };
  }

  const active = activeActions(plan);
  const domains = coveredDomains(plan);
  const kindLabel = PLAN_KIND_LABELS[plan.kind];
  blocks.push({
    kind: "paragraph",
    style: "lead",
    text:
      `${kindLabel} du ${formatPlanDate(plan.periodStart)} au ${formatPlanDate(plan.periodEnd)}${NBSP}: ` +
      `${plural(active.length, "action")} dans ${plural(domains.length, "domaine")}` +
      (domains.length > 0 ? ` (${joinFrench(domains.map((d) => getDomain(d).shortLabel.toLowerCase()))})` : "") +
      (plan.actions.length > active.length ? `, et ${plural(plan.actions.length - active.length, "action abandonnée", "actions abandonnées")}` : "") +
      ".",
  });
  if (input.headcountBand) {
    blocks.push({
      kind: "paragraph",
      style: "small",
      text: `Pour votre structure, au moins ${minDomainsFor(input.headcountBand)}${NBSP}domaines sont attendus, dont la rémunération effective${input.headcountBand === "moins_50" ? " (conseillée sous 50 salariés)" : ""}.`,
    });
  }
  const errors = planErrors(planCheck);
  if (errors.length > 0) {
    blocks.push({
      kind: "callout",
      tone: "attention",
      title: `${plural(errors.length, "point bloquant", "points bloquants")} avant la version finale`,
      text: draft ? errors.join("\n") : "Complétez le plan dans Boussole Égalité avant de l'exporter.",
      next: draft ? "Complétez le plan dans Boussole Égalité, à l'étape «\u00a0Plan d'action\u00a0», puis exportez la version finale." : null,
    });
  }
  const warnings = planCheck?.warnings ?? [];
  if (warnings.length > 0) {
    blocks.push({ kind: "subheading", text: "Points d'attention" });
    blocks.push({ kind: "list", items: warnings.map((w) => w.message) });
  }
  for (const { domainLabel, mandatory, table } of planTables(plan)) {
    blocks.push({ kind: "subheading", text: mandatory ? `${domainLabel} (domaine obligatoire)` : domainLabel });
    blocks.push(table);
  }
  const barriers = barriersAddressed(plan);
  blocks.push({ kind: "subheading", text: "Freins périphériques" });
  blocks.push({
    kind: "paragraph",
    text:
      barriers.length > 0
        ? `Le plan agit sur ${plural(barriers.length, "frein périphérique", "freins périphériques")}${NBSP}: ${joinFrench(
            barriers.map((b) => `${b.label.toLowerCase()} (${plural(b.actions.length, "action")})`),
          )}.`
        : "Aucune action du plan n'est rattachée à un frein périphérique (mobilité, garde d'enfants, confiance en soi…).",
  });
  const totalEuros = active.reduce((s, a) => s + (a.costEuros ?? 0), 0);
  const totalDays = active.reduce((s, a) => s + (a.costDays ?? 0), 0);
  if (totalEuros > 0 || totalDays > 0) {
    blocks.push({
      kind: "paragraph",
      text: `Coût total prévu${NBSP}: ${[totalEuros > 0 ? formatEuros(totalEuros) : null, totalDays > 0 ? plural(totalDays, "jour de travail", "jours de travail") : null].filter(Boolean).join(" et ")}.`,
    });
  }
  return { id: "plan", title: plan.kind === "accord" ? "L'accord sur l'égalité professionnelle" : "Le plan d'action", blocks, newPage: true };
}

// ---------------------------------------------------------------------------------------------
// Sections from the results

/** A next step that points at the results page's list of proposed actions (« plus bas », « ci-dessous »). */
function pointsAtProposedActions(text: string): boolean {
  return /actions/i.test(text) && /plus bas|ci-dessous/.test(text);
}

function findingsSection(results: ReadyResults, hasPlan: boolean): Section | null {
  const blocks: Block[] = results.findings.map((f) => ({ kind: "callout", tone: f.tone, title: f.title, text: f.text, next: f.nextStep }));
  // With a plan, the report shows the plan instead of the proposed actions: a step pointing at them would point at nothing.
  const figures = results.keyFigures.filter((f) => f.nextStep && !(hasPlan && pointsAtProposedActions(f.nextStep)));
  if (figures.length > 0) {
    blocks.push({ kind: "subheading", text: "À faire, chiffre par chiffre" });
    blocks.push({ kind: "list", items: figures.map((f) => `${f.label}${NBSP}: ${lowerFirst(f.nextStep!)}`) });
  }
  if (blocks.length === 0) return null;
  return { id: "constats", title: "Ce que disent vos chiffres", blocks };
}

/** The chart of one population's jobs, with the band and the small-headcount mark. */
export function mixityChart(group: MixityGroup, results: ReadyResults): MixityChartBlock {
  const m = results.mixity;
  const hasLow = group.rows.some((r) => r.lowHeadcount);
  return {
    kind: "mixityChart",
    alt: group.chartSummary,
    bandMinPct: m.bandMinPct,
    bandMaxPct: m.bandMaxPct,
    bandLabel: m.bandLabel,
    legend: {
      women: "Femmes",
      men: "Hommes",
      band: `${m.bandLabel} (${m.bandMinPct} à ${m.bandMaxPct}${NBSP}% de femmes)`,
      lowHeadcount: hasLow ? `*${NBSP}${m.lowHeadcountLabel}` : null,
    },
    rows: group.rows.map((r) => ({
      label: r.chartLabel,
      womenPct: r.womenPct,
      menPct: r.menPct,
      womenDisplay: r.womenDisplay,
      menDisplay: r.menDisplay,
      lowHeadcount: r.lowHeadcount,
    })),
  };
}

const BAND_MIN_PCT = Math.round(MIXITY_MIN_SHARE_WOMEN * 100);
const BAND_MAX_PCT = Math.round(MIXITY_MAX_SHARE_WOMEN * 100);

/**
 * A mixity chart from women and men counts per job (rows in the order given), worded and rounded as
 * the results page words them (formatShare, « zone de mixité », small-headcount mark « * »).
 */
export function mixityChartFromRows(rows: readonly { label: string; women: number; men: number; lowHeadcount: boolean }[], alt: string): MixityChartBlock {
  const hasLow = rows.some((r) => r.lowHeadcount);
  return {
    kind: "mixityChart",
    alt,
    bandMinPct: BAND_MIN_PCT,
    bandMaxPct: BAND_MAX_PCT,
    bandLabel: MIXITY_BAND_LABEL,
    legend: {
      women: "Femmes",
      men: "Hommes",
      band: `${MIXITY_BAND_LABEL} (${BAND_MIN_PCT} à ${BAND_MAX_PCT}${NBSP}% de femmes)`,
      lowHeadcount: hasLow ? `*${NBSP}${LOW_HEADCOUNT_LABEL}` : null,
    },
    rows: rows
      .filter((r) => r.women + r.men > 0)
      .map((r) => {
        const total = r.women + r.men;
        const womenPct = (r.women / total) * 100;
        return {
          label: r.lowHeadcount ? `${r.label}${NBSP}*` : r.label,
          womenPct,
          menPct: 100 - womenPct,
          womenDisplay: formatShare(r.women / total),
          menDisplay: formatShare(r.men / total),
          lowHeadcount: r.lowHeadcount,
        };
      }),
  };
}

function mixitySection(results: ReadyResults): Section {
  const m = results.mixity;
  const blocks: Block[] = [
    {
      kind: "paragraph",
      text: `${m.rule} Chaque barre montre la part de femmes et d'hommes dans un métier${NBSP}; la bande en pointillés est la «${NBSP}${m.bandLabel}${NBSP}».`,
    },
  ];
  if (m.groups.length === 0) blocks.push({ kind: "paragraph", text: "Aucun métier n'a de personnel renseigné." });
  for (const group of m.groups) {
    blocks.push({ kind: "subheading", text: group.title });
    blocks.push({ kind: "paragraph", text: group.summary });
    if (group.note) blocks.push({ kind: "paragraph", style: "small", text: group.note });
    blocks.push(mixityChart(group, results));
    const low = group.rows.some((r) => r.lowHeadcount);
    blocks.push({
      kind: "table",
      caption: `Femmes et hommes par métier${NBSP}: ${group.title.toLowerCase()}`,
      rowHeaders: true,
      columns: [
        { header: "Métier", width: 0.4 },
        { header: "Femmes et hommes", width: 0.25 },
        { header: "Part de femmes", width: 0.13, align: "right" },
        { header: "Mixité", width: 0.22 },
      ],
      rows: group.rows.map((r) => ({ cells: [r.lowHeadcount ? `${r.label}${NBSP}*` : r.label, r.countsDisplay, r.womenDisplay, r.classLabel] })),
      note: low ? `*${NBSP}${capitalize(m.lowHeadcountLabel)}${NBSP}: moins de ${m.lowHeadcountThreshold}${NBSP}personnes.` : null,
    });
  }
  if (m.emptyJobs.length > 0) {
    blocks.push({ kind: "paragraph", style: "small", text: `Métiers sans personne cette année (non représentés)${NBSP}: ${m.emptyJobs.join(", ")}.` });
  }
  return { id: "mixite", title: "La mixité de chaque métier", blocks };
}

function domainsSection(results: ReadyResults): Section {
  const d = results.domains;
  return {
    id: "domaines",
    title: "Les neuf domaines",
    blocks: [
      { kind: "paragraph", text: d.chartSummary.replace(" Le détail est dans le tableau qui suit.", "") },
      { kind: "paragraph", style: "small", text: d.scale },
      {
        kind: "table",
        caption: "Score et niveau de chacun des neuf domaines",
        rowHeaders: true,
        columns: [
          { header: "Domaine", width: 0.42 },
          { header: "Score", width: 0.16, align: "right" },
          { header: "Niveau", width: 0.2 },
          { header: "Réponses «\u00a0Je ne sais pas\u00a0»", width: 0.22, align: "right" },
        ],
        rows: d.rows.map((r) => ({
          cells: [r.label, r.scoreDisplay, r.levelLabel ? (r.lowConfidence ? `${r.levelLabel}\n(résultat fragile)` : r.levelLabel) : "—", `${r.unknown} sur ${r.total}`],
        })),
        note: d.rows.some((r) => r.lowConfidence) ? `Résultat fragile${NBSP}: plus de la moitié des réponses du domaine sont «${NBSP}Je ne sais pas${NBSP}».` : null,
      },
    ],
  };
}

function indexSection(results: ReadyResults): Section {
  const index = results.index;
  const blocks: Block[] = [{ kind: "paragraph", text: index.help }];
  if (index.state === "calcule" || index.state === "non_calculable") {
    blocks.push({
      kind: "paragraph",
      style: "lead",
      text: `Résultat${NBSP}: ${index.display}${index.indicative ? ` (estimation indicative)` : ""}.`,
    });
    if (index.explanation || index.sourceLabel) {
      blocks.push({ kind: "paragraph", text: [index.explanation, index.sourceLabel ? `${index.sourceLabel}.` : null].filter(Boolean).join(" ") });
    }
    if (index.obligation) {
      blocks.push({ kind: "callout", tone: TONE_OF_LEVEL[index.obligation.level], title: index.obligation.label, text: index.obligation.text, next: null });
    }
    const rows: TableRow[] = index.indicators.map((row) => ({
      cells: [`${row.number}. ${row.label}`, row.calculable && row.points !== null ? String(row.points) : "Non calculable", String(row.maxPoints), row.explanation],
    }));
    if (index.totalPoints !== null && index.maxPoints !== null) {
      rows.push({ cells: [indexTotalLabel(index), String(index.totalPoints), String(index.maxPoints), ""], emphasis: true });
    }
    blocks.push({
      kind: "table",
      caption: "Points de chaque indicateur de l'Index, avec leur explication",
      rowHeaders: true,
      columns: [
        { header: "Indicateur", width: 0.28 },
        { header: "Points", width: 0.1, align: "right" },
        { header: "Maximum", width: 0.11, align: "right" },
        { header: "Explication", width: 0.51 },
      ],
      rows,
      note: null,
    });
  } else {
    const state = INDEX_STATE_TEXT[index.state];
    blocks.push({
      kind: "callout",
      tone: index.obligatory ? "attention" : "neutral",
      title: "Index non estimé",
      text: `${state}${index.skipReason ? ` Raison indiquée${NBSP}: ${quote(index.skipReason)}.` : ""}`,
      next: index.obligatory
        ? `Votre structure compte 50 salariés ou plus${NBSP}: l'Index est obligatoire.`
        : `Sous 50 salariés, l'Index n'est pas obligatoire${NBSP}; une estimation peut aider à repérer des écarts de salaire.`,
    });
  }
  return { id: "index", title: "Index de l'égalité professionnelle", blocks };
}

/** Indicator (f) as a chart: the share of women and men in each quarter of hourly pay (the rows of the view, as its table). */
export function payBandsChart(bands: NonNullable<TransparencyView["bands"]["hourly"]>): PayBandsChartBlock {
  const first = bands[0];
  const last = bands[bands.length - 1];
  return {
    kind: "payBandsChart",
    title: "Part des femmes et des hommes par quart de salaire horaire",
    reading: `Part des femmes${NBSP}: ${first.womenDisplay} dans le quart le moins payé, ${last.womenDisplay} dans le quart le mieux payé.`,
    alt: `Part des femmes par quart de salaire horaire${NBSP}: ${bands.map((b) => `${b.label}, ${b.womenDisplay}`).join(`${NBSP}; `)}.`,
    legend: { women: "Femmes", men: "Hommes" },
    rows: bands.map((b) => ({ label: b.label, womenPct: b.womenPct, menPct: b.menPct, womenDisplay: b.womenDisplay, menDisplay: b.menDisplay })),
  };
}

/**
 * Indicator (g) as a chart: the hourly mean gap of each category, total pay and (when the staff
 * file splits pay) base salary, with the ± threshold of the joint pay assessment. Null when no
 * category has a figure to draw (all too small): the table says « non publié » for each.
 */
export function categoryGapChart(view: TransparencyView): GapChartBlock | null {
  const categories = view.categories;
  const drawn = categories.filter((c) => c.publishable && c.hourlyTotal.value !== null);
  if (drawn.length === 0) return null;
  const withBase = categories.some((c) => c.publishable && c.hourlyBase.display !== NOT_SPLIT_TEXT);
  const threshold = `${JOINT_ASSESSMENT_GAP_PCT}${NBSP}%`;
  const mark = `${NBSP}!`;
  const value = (cell: { value: number | null; display: string }, prefix: string, flagged: boolean) => ({
    value: cell.value,
    text: `${withBase ? `${prefix}${NBSP}: ` : ""}${cell.display}${flagged && cell.value !== null ? mark : ""}`,
  });
  const flagged = view.jointAssessment.flagged;
  const withheld = categories.filter((c) => !c.publishable).length;
  const published = drawn.length === 1 ? "La catégorie publiée" : `Les ${drawn.length}${NBSP}catégories publiées`;
  const reading = [
    flagged.length === 0
      ? `${published} ${drawn.length === 1 ? "reste" : "restent"} sous le seuil de ${threshold} d'écart.`
      : flagged.length === drawn.length
        ? `${published} ${drawn.length === 1 ? "atteint" : "atteignent"} le seuil de ${threshold} d'écart.`
        : `${plural(flagged.length, "catégorie")} sur ${drawn.length} ${flagged.length > 1 ? "atteignent" : "atteint"} le seuil de ${threshold} d'écart.`,
    withheld === 0 ? null : `${withheld === 1 ? "Une autre, trop petite, n'est pas publiée" : `${withheld}${NBSP}autres, trop petites, ne sont pas publiées`}.`,
  ];
  return {
    kind: "gapChart",
    title: `Écart moyen de salaire horaire par catégorie, face au seuil de ${threshold}`,
    reading: reading.filter(Boolean).join(" "),
    alt:
      `Écart moyen de salaire horaire par catégorie${NBSP}: ` +
      categories
        .map((c) =>
          !c.publishable
            ? `${c.label}, non publié`
            : `${c.label}, ${c.hourlyTotal.display}${withBase ? ` (salaire de base ${c.hourlyBase.display})` : ""}${c.flagged ? `, seuil de ${threshold} atteint` : ""}`,
        )
        .join(`${NBSP}; `) +
      ".",
    thresholdPct: JOINT_ASSESSMENT_GAP_PCT,
    thresholdLabel: `seuil de ${threshold}`,
    series: withBase ? ["Rémunération totale", "Salaire de base"] : ["Rémunération totale"],
    flaggedLegend: categories.some((c) => c.flagged) ? `!${NBSP}: écart de ${threshold} ou plus, à justifier ou corriger` : null,
    directions: { positive: "au détriment des femmes →", negative: "← au détriment des hommes" },
    rows: categories.map((c) => ({
      label: c.label,
      flagged: c.flagged,
      withheld: c.publishable ? null : c.hourlyTotal.display,
      values: c.publishable ? [value(c.hourlyTotal, "total", c.flagged), ...(withBase ? [value(c.hourlyBase, "base", false)] : [])] : [],
    })),
  };
}

/**
 * The directive's indicators beside the 2019 Index (DOMAIN.md §4), drawn from the same view model
 * as the « Transparence salariale 2027 » tab: figures from fewer than 3 women or 3 men are already
 * replaced by « non publié » there.
 */
function transparencySection(view: TransparencyView | null, results: ReadyResults): Section {
  const title = "Transparence salariale 2027 (directive européenne 2023/970)";
  const intro: Block = {
    kind: "paragraph",
    text:
      "La directive européenne sur la transparence des rémunérations remplacera l'Index à partir des déclarations de 2027 par sept indicateurs, sans note globale. " +
      "Cette section les calcule dès maintenant à partir du fichier du personnel, à côté de l'Index actuel.",
  };
  if (!view) {
    return {
      id: "transparence",
      title,
      blocks: [
        intro,
        {
          kind: "callout",
          tone: "neutral",
          title: "Indicateurs non calculés",
          text: "Aucun fichier du personnel utilisable n'est importé pour ce diagnostic.",
          next: `Importez-le à l'étape «${NBSP}Emplois et effectifs${NBSP}», avec si possible les colonnes «${NBSP}Salaire de base${NBSP}», «${NBSP}Rémunération variable${NBSP}», «${NBSP}Heures hebdomadaires contractuelles${NBSP}» et «${NBSP}Catégorie d'emploi de valeur égale${NBSP}».`,
        },
      ],
    };
  }
  const index = results.index;
  const indexComputed = index.state === "calcule" || index.state === "non_calculable";
  const blocks: Block[] = [
    intro,
    {
      kind: "table",
      caption: "Les deux régimes côte à côte",
      rowHeaders: true,
      columns: [
        { header: "Régime", width: 0.28 },
        { header: "Résultat", width: 0.2 },
        { header: "Ce que cela veut dire", width: 0.52 },
      ],
      rows: [
        { cells: ["Index de l'égalité (règles de 2019)", indexComputed ? index.display : "non estimé", indexComputed ? (index.explanation ?? "") : "L'étape Index n'est pas faite ou n'a pas pu être calculée."] },
        { cells: [`Directive 2023/970${NBSP}: écart moyen par heure`, view.indicators[0].hourly.display, `${view.headline} ${view.jointAssessment.text}`] },
      ],
      note: null,
    },
    { kind: "paragraph", text: view.population },
    {
      kind: "table",
      caption: "Indicateurs de l'article 9 de la directive, par heure et par mois",
      rowHeaders: true,
      columns: [
        { header: "Indicateur", width: 0.4 },
        { header: "Sur le salaire horaire", width: 0.3 },
        { header: "Sur le salaire mensuel", width: 0.3 },
      ],
      rows: [
        ...view.indicators.map((r) => ({ cells: [`${r.letter}) ${r.label}`, r.hourly.display, r.monthly.display] })),
        { cells: ["e) Part des femmes et des hommes qui reçoivent des primes ou compléments", view.variableShares.display, ""] },
      ],
      note: `Écart = (moyenne des hommes − moyenne des femmes) ÷ moyenne des hommes. Positif${NBSP}: au détriment des femmes.`,
    },
  ];
  if (view.bands.hourly) {
    blocks.push({ kind: "subheading", text: "f) Les femmes et les hommes dans chaque quart de salaire" }, payBandsChart(view.bands.hourly), {
      kind: "table",
      caption: "Femmes et hommes dans chaque quart de salaire horaire",
      rowHeaders: true,
      columns: [
        { header: "Quart", width: 0.4 },
        { header: "Personnes", width: 0.2, align: "right" },
        { header: "Femmes", width: 0.2, align: "right" },
        { header: "Hommes", width: 0.2, align: "right" },
      ],
      rows: view.bands.hourly.map((b) => ({ cells: [b.label, String(b.people), b.womenDisplay, b.menDisplay] })),
      note: view.bands.note,
    });
  } else {
    blocks.push({ kind: "paragraph", text: `f) Répartition par quart de salaire${NBSP}: non publiée (moins de 3${NBSP}femmes ou 3${NBSP}hommes).` });
  }
  blocks.push(
    { kind: "subheading", text: "g) L'écart dans chaque catégorie d'emplois de valeur égale" },
    { kind: "paragraph", text: view.categoriesIntro },
    {
      kind: "callout",
      tone: view.jointAssessment.flagged.length > 0 ? "attention" : "positive",
      title: view.jointAssessment.flagged.length > 0 ? "Évaluation conjointe possible (article 10)" : "Aucune catégorie au-delà de 5 %",
      text: view.jointAssessment.text,
      next: null,
    },
  );
  const gapChart = categoryGapChart(view);
  if (gapChart) blocks.push(gapChart);
  blocks.push(
    {
      kind: "table",
      caption: "Écart moyen de rémunération par catégorie d'emplois",
      rowHeaders: true,
      columns: [
        { header: "Catégorie", width: 0.22 },
        { header: "Femmes / hommes", width: 0.12, align: "right" },
        { header: "Écart horaire", width: 0.15 },
        { header: "dont salaire de base", width: 0.15 },
        { header: "dont primes", width: 0.15 },
        { header: "Situation", width: 0.21 },
      ],
      rows: view.categories.map((c) => ({
        cells: [c.label, `${c.women} / ${c.men}`, c.hourlyTotal.display, c.hourlyBase.display, c.hourlyVariable.display, c.status],
        emphasis: c.flagged,
      })),
      note: null,
    },
  );
  if (view.categoryChecks.length > 0) blocks.push({ kind: "list", items: view.categoryChecks });
  blocks.push(
    { kind: "subheading", text: view.adjusted.title },
    { kind: "paragraph", text: view.adjusted.text },
  );
  if (view.adjusted.figures.length > 0) blocks.push({ kind: "definitions", items: view.adjusted.figures.map((f) => ({ term: f.label, definition: f.value })) });
  if (view.notes.length > 0) blocks.push({ kind: "list", items: view.notes });
  return { id: "transparence", title, blocks, newPage: true };
}

function supportSection(results: ReadyResults): Section | null {
  if (results.support.length === 0) return null;
  const blocks: Block[] = [
    {
      kind: "paragraph",
      text: `Ces organismes sont proposés d'après le territoire de la structure et ses résultats. Les coordonnées sont publiques${NBSP}; celles marquées «${NBSP}à vérifier${NBSP}» n'ont pas encore été confirmées.`,
    },
  ];
  for (const s of results.support) {
    blocks.push({ kind: "subheading", text: s.name });
    blocks.push({ kind: "paragraph", style: "small", text: `${s.kindLabel} · ${s.territory}` });
    blocks.push({ kind: "paragraph", text: `Pourquoi elle peut vous aider${NBSP}:` });
    blocks.push({ kind: "list", items: s.reasons });
    blocks.push({ kind: "paragraph", text: `Ce qu'elle propose${NBSP}: ${s.offer}` });
    const contacts = [
      s.website ? `Site${NBSP}: ${s.website.value}${s.website.verified ? "" : " (à vérifier)"}` : null,
      s.email ? `Courriel${NBSP}: ${s.email.value}${s.email.verified ? "" : " (à vérifier)"}` : null,
    ].filter((c): c is string => c !== null);
    if (contacts.length > 0) blocks.push({ kind: "list", items: contacts });
    blocks.push({ kind: "paragraph", style: "small", text: s.note });
  }
  return { id: "accompagnement", title: "Qui peut vous accompagner", blocks };
}

function yearOnYearSection(results: ReadyResults, year: number): Section | null {
  const y = results.yearOnYear;
  if (!y) return null;
  const blocks: Block[] = [];
  if (y.figures.length > 0) {
    blocks.push({
      kind: "table",
      caption: `Chiffres clés en ${year} et en ${y.previousYear}`,
      rowHeaders: true,
      columns: [
        { header: "Chiffre", width: 0.36 },
        { header: String(year), width: 0.16, align: "right" },
        { header: String(y.previousYear), width: 0.16, align: "right" },
        { header: "Évolution", width: 0.32 },
      ],
      rows: y.figures.map((f) => ({ cells: [f.label, f.currentDisplay, f.change.previousDisplay, f.change.summary] })),
      note: null,
    });
  }
  if (y.domains.length > 0) {
    blocks.push({
      kind: "table",
      caption: `Score des domaines en ${year} et en ${y.previousYear}`,
      rowHeaders: true,
      columns: [
        { header: "Domaine", width: 0.36 },
        { header: String(year), width: 0.12, align: "right" },
        { header: String(y.previousYear), width: 0.12, align: "right" },
        { header: "Évolution", width: 0.4 },
      ],
      rows: y.domains.map((d) => ({ cells: [d.label, d.currentScore === null ? "—" : String(d.currentScore), d.previousScore === null ? "—" : String(d.previousScore), d.summary] })),
      note: null,
    });
  }
  if (blocks.length === 0) return null;
  return { id: "evolution", title: `L'évolution depuis ${y.previousYear}`, blocks };
}

// ---------------------------------------------------------------------------------------------
// Cover

function structureFacts(structure: ReportStructure, year: number, generatedAt: Date | string): Cover["facts"] {
  const facts: Cover["facts"] = [{ label: "Structure", value: structure.name }];
  if (structure.type) facts.push({ label: "Type", value: STRUCTURE_TYPE_LABELS[structure.type] });
  if (structure.siret) facts.push({ label: "SIRET", value: formatSiret(structure.siret) });
  const place = formatPlace(structure.commune, structure.departement);
  if (place) facts.push({ label: "Commune", value: place });
  facts.push({ label: "Année de référence", value: String(year) });
  facts.push({ label: "Document établi le", value: formatLongDate(generatedAt) });
  return facts;
}

function diagnosticStatusLine(input: ReportInput): StatusLine {
  if (input.diagnosticStatus === "termine") {
    return { label: "Diagnostic", value: input.finishedAt ? `Terminé le ${formatLongDate(input.finishedAt)}` : "Terminé", tone: "positive" };
  }
  return { label: "Diagnostic", value: "En cours (brouillon)\u00a0: les chiffres portent sur ce qui est déjà renseigné", tone: "neutral" };
}

function documentStatusLine(draft: boolean): StatusLine {
  return draft
    ? { label: "Document", value: "Brouillon\u00a0: document de travail, à ne pas diffuser comme version définitive", tone: "attention" }
    : { label: "Document", value: "Version finale", tone: "positive" };
}

const READING_NOTE =
  `Ce document résume l'autodiagnostic d'égalité professionnelle réalisé avec ${SERVICE_NAME}, à partir des données saisies par la structure (ce ne sont pas des chiffres officiels). ` +
  `Le détail suit${NBSP}: mixité de chaque métier, neuf domaines de la loi, Index, plan d'action, accompagnement${NBSP}; un glossaire explique les sigles.`;

// ---------------------------------------------------------------------------------------------
// Entry point

/**
 * Everything the diagnostic report draws, as plain data: the cover (structure, year, date, status,
 * headline, key figures with their meaning), then findings, per-job mixity (chart series and
 * table), the nine domains, the Index, the plan as one table per domain (or the recommended
 * actions without plan), support organisations with why and public contacts, year-on-year
 * changes, legal reminders and a glossary. Figures are taken as displayed by buildResults.
 */
export function buildReportModel(input: ReportInput): PdfDocumentModel {
  const { results, structure, year, draft } = input;
  const title = `Diagnostic égalité professionnelle ${year}`;
  const meta = {
    title: `${title} – ${structure.name}`,
    subject: "Autodiagnostic d'égalité professionnelle entre les femmes et les hommes, mixité des métiers, Index et plan d'action",
    author: structure.name,
    keywords: ["égalité professionnelle", "mixité", "Index de l'égalité", "plan d'action", String(year)],
    lang: "fr-FR" as const,
  };
  const base = {
    kind: "rapport" as const,
    meta,
    fileName: reportFileName(structure.name, year, draft),
    watermark: draft ? DRAFT_WATERMARK : null,
    footer: `${SERVICE_NAME} · ${structure.name} · Diagnostic ${year}${draft ? " · brouillon" : ""}`,
  };
  const status = [diagnosticStatusLine(input), planStatusLine(input.plan, input.planCheck), documentStatusLine(draft)];

  if (results.status !== "ready") {
    return {
      ...base,
      cover: {
        kicker: `${SERVICE_NAME} · autodiagnostic d'égalité professionnelle`,
        title,
        structureName: structure.name,
        facts: structureFacts(structure, year, input.generatedAt),
        status,
        headline: results.message,
        figuresTitle: "Les chiffres clés",
        figures: [],
        note: null,
      },
      sections: [
        { id: "loi", title: "Ce que dit la loi", blocks: [{ kind: "list", items: legalReminders(input.headcountBand ?? null, false) }] },
        { id: "glossaire", title: "Glossaire", blocks: [{ kind: "definitions", items: [...GLOSSARY] }] },
      ],
    };
  }

  const sections: Section[] = [];
  const findings = findingsSection(results, input.plan !== null);
  if (findings) sections.push(findings);
  sections.push(mixitySection(results), domainsSection(results), indexSection(results));
  if (input.transparency !== undefined) sections.push(transparencySection(input.transparency, results));
  sections.push(planSection(input, results));
  const support = supportSection(results);
  if (support) sections.push(support);
  const evolution = yearOnYearSection(results, year);
  if (evolution) sections.push(evolution);
  sections.push(
    { id: "loi", title: "Ce que dit la loi", blocks: [{ kind: "list", items: legalReminders(input.headcountBand ?? null, results.index.obligatory) }] },
    { id: "glossaire", title: "Glossaire", blocks: [{ kind: "definitions", items: [...GLOSSARY] }] },
  );

  return {
    ...base,
    cover: {
      kicker: `${SERVICE_NAME} · autodiagnostic d'égalité professionnelle`,
      title,
      structureName: structure.name,
      facts: structureFacts(structure, year, input.generatedAt),
      status,
      headline: results.headline,
      figuresTitle: "Les chiffres clés",
      figures: results.keyFigures.map((f) => ({ label: f.label, value: f.display, detail: f.detail, meaning: f.meaning, tone: f.tone })),
      note: READING_NOTE,
    },
    sections,
  };
}
