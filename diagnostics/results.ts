/**
 * The results of one diagnostic, computed once for the results page and the PDF: key figures with
 * what they mean and what to do next, per-job mixity rows for the chart, domain scores, the Index
 * breakdown, plain-French findings, recommended actions, matching support organisations and the
 * changes since last year. Pure: plain data in, plain (serialisable) data out; no figure is left
 * for a component to compute.
 */
import { DOMAINS } from "./domains.ts";
import {
  computeIndex,
  INDEX_MAX_POINTS,
  indexObligation,
  parseIndexInput,
  type IndexInput,
  type IndexObligation,
  type IndexReason,
  type IndexResult,
} from "./index/index.ts";
import {
  classifyMixity,
  computeMixity,
  MIXITY_CLASS_LABELS,
  MIXITY_LOW_HEADCOUNT,
  MIXITY_MAX_SHARE_WOMEN,
  MIXITY_MIN_SHARE_WOMEN,
  MixityJobInputSchema,
  mixityRuleText,
  populationWording,
  type MixityClass,
  type MixityJobInput,
  type MixityResult,
  type MixityTotals,
} from "./mixity.ts";
import { COST_LEVEL_LABELS, recommend, RECOMMENDATION_ORDER, type DiagnosticInput } from "./plan/index.ts";
import { isFiftyPlus, jobsVsProfile } from "./profile.ts";
import type { Answers } from "./questionnaire.ts";
import {
  LEVEL_AVANCE_MIN,
  LEVEL_EN_COURS_MIN,
  LEVEL_LABELS,
  LEVEL_MEANINGS,
  LEVELS,
  LOW_CONFIDENCE_MESSAGE,
  scoreDomains,
  type DiagnosticScores,
  type Level,
} from "./scoring.ts";
import { getSupportOrganization, matchSupport, ORGANIZATION_KIND_LABELS, type PublicContact } from "./support/index.ts";
import { POPULATIONS, STRUCTURE_TYPE_LABELS, type DomainId, type Population, type Profile, type StructureType } from "./types.ts";

const NBSP = "\u00a0";

// ---------------------------------------------------------------------------------------------
// Named thresholds (project choices, no legal source)

/**
 * Gap between the women's share of the permanent staff and that of the people in pathways, in
 * percentage points, from which the results say plainly that the two populations are not mixed in
 * the same way. Project choice: 20 points is half the width of the 40–60 % mixity band on each
 * side, a gap a board reads at a glance and one hire rarely creates in a structure of 12–80 people.
 */
export const POPULATION_GAP_NOTABLE_POINTS = 20;

/**
 * The « balanced overall but segregated » finding fires when the overall share of women is within
 * the mixity band and strictly fewer than this share of the jobs are mixed (« most jobs are not
 * mixed »). DREETS Hauts-de-France panorama 2025, Pôle Interm'aide: « si la parité est respectée à
 * l'échelle du Pôle, […] cet équilibre ne tient plus dans une analyse par métier ».
 */
export const SEGREGATED_MIXED_JOBS_SHARE_BELOW = 0.5;

/** The segregation finding needs at least this many jobs with people (one job cannot be « most jobs »). */
export const SEGREGATION_MIN_JOBS = 2;

/**
 * Reference: about 18 % of employees in France hold a mixed job (Observatoire des inégalités, from
 * DARES data; DOMAIN.md §5.1 [src S39]). Shown as a point of comparison, not a target.
 */
export const NATIONAL_STAFF_IN_MIXED_JOBS_SHARE = 0.18;

/** How many job titles a finding names before « et N autres ». */
export const MAX_JOBS_NAMED = 3;

/** How many recommended actions the results page shows before « voir les autres ». */
export const FEATURED_ACTIONS = 6;

/** Name of the 40–60 % band on the charts (UX.md). */
export const MIXITY_BAND_LABEL = "zone de mixité";

/** Mark of a job with fewer than MIXITY_LOW_HEADCOUNT people (UX.md). */
export const LOW_HEADCOUNT_LABEL = `effectif faible${NBSP}: à interpréter avec prudence`;

// ---------------------------------------------------------------------------------------------
// Input

export type IndexSource = "saisie" | "fichier" | "ignore";

/** What buildResults reads from one diagnostic; the shapes of the stored data, checked here. */
export interface ResultsInput {
  year: number;
  /** Null when the Profil step has not been completed (no results then). */
  profile: Profile | null;
  /** The type chosen in the profile, else the structure's type. */
  structureType: StructureType;
  /** Rows of the jobs table (MixityJobInput); invalid rows are left out and counted. */
  jobs: readonly unknown[];
  answers: Answers;
  index: {
    source: IndexSource | null;
    /** IndexInput entered by hand (source « saisie »), else null; stored JSON, validated here (hence `unknown`). */
    data: unknown;
    skipReason: string | null;
  };
  /** The Index input derived from the staff file, when the source is « fichier » (null: no usable file). */
  staffRowsIndexInput?: IndexInput | null;
  /** Last year's diagnostic of the same structure, for year-on-year changes. */
  previous?: PreviousResultsInput | null;
}

export type PreviousResultsInput = Omit<ResultsInput, "previous">;

// ---------------------------------------------------------------------------------------------
// Output

export type Tone = "positive" | "neutral" | "attention";

export type KeyFigureId =
  | "women_share"
  | "women_share_permanent"
  | "women_share_parcours"
  | "mixed_jobs"
  | "staff_in_mixed_jobs"
  | "domain_levels"
  | "index";

export interface FigureChange {
  previousYear: number;
  /** Last year's value in the figure's unit; null when last year's figure is unknown. */
  previousValue: number | null;
  previousDisplay: string;
  /** Current − previous, in percentage points for shares, points for the Index, a count otherwise; null when either is unknown. */
  delta: number | null;
  direction: "hausse" | "baisse" | "stable" | null;
  /** « En hausse de 6 points », « Stable », « 1 métier mixte de plus », « Non estimé en 2025 ». */
  summary: string;
  /** « 48 % contre 42 % en 2025 : en hausse de 6 points. » */
  text: string;
}

export interface KeyFigure {
  id: KeyFigureId;
  label: string;
  /** Share 0–1 (shares), count (mixed jobs, domains « en cours » or « avancé »), points 0–100 (Index); null when unknown. */
  value: number | null;
  display: string;
  /** The counts behind the figure, e.g. « 24 femmes et 26 hommes ». */
  detail: string | null;
  /** What the figure means, in plain French. */
  meaning: string;
  /** What to do next, or null. */
  nextStep: string | null;
  tone: Tone;
  change: FigureChange | null;
}

export type FindingId =
  | "no_jobs"
  | "balanced_but_segregated"
  | "overall_not_mixed"
  | "populations_differ"
  | "index_missing"
  | "low_confidence_domains"
  | "low_headcount_jobs"
  | "headcount_mismatch"
  | "invalid_job_rows";

export interface Finding {
  id: FindingId;
  tone: Tone;
  title: string;
  text: string;
  nextStep: string | null;
  /** Step of the guided path to link to (« emplois », « index »…), or null. */
  step: "profil" | "emplois" | "index" | null;
}

export interface MixityJobRow {
  key: string;
  label: string;
  population: Population;
  populationLabel: string;
  women: number;
  men: number;
  headcount: number;
  /** Exact shares in % (0–100) for the chart. */
  womenPct: number;
  menPct: number;
  womenDisplay: string;
  menDisplay: string;
  /** « 4 femmes et 1 homme ». */
  countsDisplay: string;
  class: MixityClass;
  classLabel: string;
  lowHeadcount: boolean;
  /** Axis label: the title, with « * » when the headcount is low. */
  chartLabel: string;
}

export interface MixityGroup {
  population: Population;
  /** « Salariés permanents », « Salariés en parcours d'insertion ». */
  title: string;
  rows: MixityJobRow[];
  jobsWithStaff: number;
  mixedJobs: number;
  summary: string;
  /** One-sentence summary for the chart's aria-label. */
  chartSummary: string;
  /** A caveat about this population (ESAT, GEIQ), or null. */
  note: string | null;
}

export interface MixityView {
  /** « Un métier est mixte quand il compte entre 40 % et 60 % de femmes (règle de l'UDES). » */
  rule: string;
  bandMinPct: number;
  bandMaxPct: number;
  bandLabel: string;
  lowHeadcountThreshold: number;
  lowHeadcountLabel: string;
  groups: MixityGroup[];
  /** Job titles entered with nobody in them (not charted). */
  emptyJobs: string[];
  summary: string;
  /** Where the women's shares come from. */
  source: "emplois" | "profil" | null;
}

export interface DomainRow {
  id: DomainId;
  label: string;
  shortLabel: string;
  score: number | null;
  scoreDisplay: string;
  level: Level | null;
  levelLabel: string | null;
  levelMeaning: string | null;
  lowConfidence: boolean;
  lowConfidenceMessage: string | null;
  answered: number;
  unknown: number;
  total: number;
  progressPercent: number;
}

export interface DomainsView {
  rows: DomainRow[];
  levelThresholds: { enCours: number; avance: number };
  levelCounts: Record<Level, number>;
  unscored: number;
  chartSummary: string;
  scale: string;
}

export type IndexState = "calcule" | "non_calculable" | "ignore" | "a_faire" | "donnees_invalides" | "fichier_absent";

export interface IndexIndicatorRow {
  id: "pay" | "raisesAndPromotions" | "raises" | "promotions" | "maternity" | "top10";
  number: string;
  label: string;
  calculable: boolean;
  reason: IndexReason | null;
  points: number | null;
  maxPoints: number;
  pointsDisplay: string;
  explanation: string;
}

export interface IndexView {
  state: IndexState;
  source: IndexSource | null;
  sourceLabel: string | null;
  /** Under 50 employees: indicative estimate only. */
  indicative: boolean;
  /** 50 employees or more: computing and publishing the Index is an obligation. */
  obligatory: boolean;
  value: number | null;
  display: string;
  totalPoints: number | null;
  maxPoints: number | null;
  explanation: string | null;
  obligation: IndexObligation | null;
  indicators: IndexIndicatorRow[];
  skipReason: string | null;
  /** What the Index is, for a reader who meets the word for the first time. */
  help: string;
}

export interface ActionView {
  id: string;
  rank: number;
  title: string;
  description: string;
  domainId: DomainId;
  domainLabel: string;
  domainLevelLabel: string | null;
  legalObligation: boolean;
  reasons: string[];
  objective: string;
  indicator: string;
  deadlineMonths: number;
  costLabel: string;
  supportNames: string[];
  legalReference: string | null;
}

/**
 * An action past the featured ones, as the results page lists it: the page is a summary, and each
 * action's reasons, objective, indicator and helpers are shown at the plan step, where it is chosen.
 */
export type ActionBrief = Pick<ActionView, "id" | "rank" | "title" | "domainLabel" | "legalObligation" | "deadlineMonths" | "costLabel">;

export function briefAction({ id, rank, title, domainLabel, legalObligation, deadlineMonths, costLabel }: ActionView): ActionBrief {
  return { id, rank, title, domainLabel, legalObligation, deadlineMonths, costLabel };
}

export interface SupportView {
  id: string;
  name: string;
  shortName: string;
  kindLabel: string;
  offer: string;
  audience: string;
  territory: string;
  reasons: string[];
  website: PublicContact | null;
  email: PublicContact | null;
  note: string;
}

export interface ChangeRow {
  id: KeyFigureId;
  label: string;
  currentDisplay: string;
  change: FigureChange;
}

export interface DomainChangeRow {
  id: DomainId;
  label: string;
  currentScore: number | null;
  previousScore: number | null;
  currentLevelLabel: string | null;
  previousLevelLabel: string | null;
  delta: number | null;
  /** « En hausse de 5 points », « Stable », « Pas de score en 2025 ». */
  summary: string;
  text: string;
}

export interface YearOnYear {
  previousYear: number;
  figures: ChangeRow[];
  domains: DomainChangeRow[];
}

export interface ReadyResults {
  status: "ready";
  year: number;
  structureType: StructureType;
  structureTypeLabel: string;
  /** One sentence for the top of the page and page one of the PDF. */
  headline: string;
  keyFigures: KeyFigure[];
  findings: Finding[];
  mixity: MixityView;
  domains: DomainsView;
  index: IndexView;
  actions: { featured: ActionView[]; others: ActionView[]; total: number; order: string };
  support: SupportView[];
  yearOnYear: YearOnYear | null;
}

export interface MissingProfileResults {
  status: "profil_manquant";
  year: number;
  message: string;
}

export type Results = ReadyResults | MissingProfileResults;

// ---------------------------------------------------------------------------------------------
// French formatting

const INTEGER = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const UP_TO_ONE_DECIMAL = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
const BAND_EDGES_PCT = [Math.round(MIXITY_MIN_SHARE_WOMEN * 100), Math.round(MIXITY_MAX_SHARE_WOMEN * 100)];

/** An integer, French style (« 1 234 »). */
export function formatCount(n: number): string {
  return INTEGER.format(n);
}

/**
 * A share 0–1 as a French percentage (« 48 % »), rounded to the unit, except next to a bound of the
 * mixity band: a share that is not exactly 40 % or 60 % never shows as « 40 % » or « 60 % » (39,96 %
 * shows « 39,9 % », not mixed; 60,04 % « 60,1 % »), so that a figure never contradicts its class.
 * « — » when null.
 */
export function formatShare(share: number | null): string {
  if (share === null) return "—";
  const pct = share * 100;
  const rounded = Math.round(pct);
  const exact = Math.abs(pct - rounded) < 1e-9;
  if (!exact && BAND_EDGES_PCT.includes(rounded)) {
    const oneDecimal = pct < rounded ? Math.floor(pct * 10) / 10 : Math.ceil(pct * 10) / 10;
    return `${UP_TO_ONE_DECIMAL.format(oneDecimal)}${NBSP}%`;
  }
  return `${INTEGER.format(rounded)}${NBSP}%`;
}

function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(n)} ${Math.abs(n) < 2 ? singular : pluralForm}`;
}

function quote(text: string): string {
  return `«${NBSP}${text}${NBSP}»`;
}

function joinFrench(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} et ${items[items.length - 1]}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** « Non estimé » → « non estimé » inside a sentence; acronyms (« CIP ») are kept. */
function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** « A, B, C et 2 autres ». */
function namedList(labels: readonly string[]): string {
  const unique = [...new Set(labels)];
  if (unique.length <= MAX_JOBS_NAMED) return joinFrench(unique);
  const rest = unique.length - MAX_JOBS_NAMED;
  return `${unique.slice(0, MAX_JOBS_NAMED).join(", ")} et ${plural(rest, "autre")}`;
}

function pointsText(n: number): string {
  return plural(Math.abs(n), "point");
}

// ---------------------------------------------------------------------------------------------
// Mixity

interface SexCounts {
  women: number;
  men: number;
}

interface WomenShares {
  source: "emplois" | "profil" | null;
  all: SexCounts;
  permanent: SexCounts;
  parcours: SexCounts;
}

function shareOf(c: SexCounts): number | null {
  const total = c.women + c.men;
  return total === 0 ? null : c.women / total;
}

function classOf(c: SexCounts): MixityClass | null {
  return classifyMixity(c.women, c.men);
}

function countsOf(t: MixityTotals): SexCounts {
  return { women: t.women, men: t.men };
}

/**
 * Women and men overall and per population: from the jobs table when it has anyone (so that the
 * shares and the mixed-job figures describe the same people), else from the profile's headcounts.
 */
function womenShares(mixity: MixityResult, profile: Profile | null): WomenShares {
  if (mixity.totals.all.headcount > 0) {
    return {
      source: "emplois",
      all: countsOf(mixity.totals.all),
      permanent: countsOf(mixity.totals.permanent),
      parcours: countsOf(mixity.totals.parcours),
    };
  }
  if (profile) {
    const permanent = { women: profile.permanentWomen, men: profile.permanentMen };
    const parcours = { women: profile.parcoursWomen, men: profile.parcoursMen };
    const all = { women: permanent.women + parcours.women, men: permanent.men + parcours.men };
    if (all.women + all.men > 0) return { source: "profil", all, permanent, parcours };
  }
  const none = { women: 0, men: 0 };
  return { source: null, all: none, permanent: none, parcours: none };
}

function validJobs(rows: readonly unknown[]): { jobs: MixityJobInput[]; invalid: number } {
  const jobs: MixityJobInput[] = [];
  let invalid = 0;
  for (const row of rows) {
    const parsed = MixityJobInputSchema.safeParse(row);
    if (parsed.success) jobs.push(parsed.data);
    else invalid++;
  }
  return { jobs, invalid };
}

function populationTitle(population: Population, structureType: StructureType): string {
  return capitalize(populationWording(population, structureType).label);
}

function mixityRule(): string {
  return `Un métier est mixte quand il compte entre ${formatShare(MIXITY_MIN_SHARE_WOMEN)} et ${formatShare(MIXITY_MAX_SHARE_WOMEN)} de femmes (règle de l'UDES, bornes comprises).`;
}

function jobsSentence(jobsWithStaff: number, mixedJobs: number): string {
  if (jobsWithStaff === 0) return "Aucun métier n'a de personnel renseigné.";
  if (mixedJobs === 0) return jobsWithStaff === 1 ? "Le seul métier n'est pas mixte." : `Aucun des ${formatCount(jobsWithStaff)} métiers n'est mixte.`;
  if (mixedJobs === 1) return `1 métier sur ${formatCount(jobsWithStaff)} est mixte.`;
  return `${formatCount(mixedJobs)} métiers sur ${formatCount(jobsWithStaff)} sont mixtes.`;
}

function mixityView(mixity: MixityResult, structureType: StructureType, source: WomenShares["source"]): MixityView {
  const groups: MixityGroup[] = [];
  for (const population of POPULATIONS) {
    const jobs = mixity.jobs.filter((j) => j.population === population && j.headcount > 0 && j.class !== null && j.shareWomen !== null);
    if (jobs.length === 0) continue;
    const sorted = [...jobs].sort(
      (a, b) => b.shareWomen! - a.shareWomen! || b.headcount - a.headcount || a.label.localeCompare(b.label, "fr"),
    );
    const wording = populationWording(population, structureType);
    const rows: MixityJobRow[] = sorted.map((j, i) => {
      const womenPct = (j.women / j.headcount) * 100;
      return {
        key: `${population}-${i}`,
        label: j.label,
        population,
        populationLabel: wording.label,
        women: j.women,
        men: j.men,
        headcount: j.headcount,
        womenPct,
        menPct: 100 - womenPct,
        womenDisplay: formatShare(j.women / j.headcount),
        menDisplay: formatShare(j.men / j.headcount),
        countsDisplay: countsDetail(j),
        class: j.class!,
        classLabel: MIXITY_CLASS_LABELS[j.class!],
        lowHeadcount: j.lowHeadcount,
        chartLabel: j.lowHeadcount ? `${j.label}${NBSP}*` : j.label,
      };
    });
    const summary = mixity.byPopulation[population];
    const title = populationTitle(population, structureType);
    const low = rows.filter((r) => r.lowHeadcount).length;
    const chartSummary =
      `Part de femmes et d'hommes dans chaque métier, ${wording.label}${NBSP}: ` +
      `${inBandSentence(summary.jobsWithStaff, summary.mixedJobs)} (${mixityRuleText()}).` +
      (low > 0 ? ` ${plural(low, "métier")} ${low < 2 ? "a" : "ont"} un effectif faible.` : "") +
      " Le détail est dans le tableau qui suit.";
    groups.push({
      population,
      title,
      rows,
      jobsWithStaff: summary.jobsWithStaff,
      mixedJobs: summary.mixedJobs,
      summary: jobsSentence(summary.jobsWithStaff, summary.mixedJobs),
      chartSummary,
      note: wording.note,
    });
  }
  return {
    rule: mixityRule(),
    bandMinPct: BAND_EDGES_PCT[0],
    bandMaxPct: BAND_EDGES_PCT[1],
    bandLabel: MIXITY_BAND_LABEL,
    lowHeadcountThreshold: MIXITY_LOW_HEADCOUNT,
    lowHeadcountLabel: LOW_HEADCOUNT_LABEL,
    groups,
    emptyJobs: mixity.jobs.filter((j) => j.headcount === 0).map((j) => j.label),
    summary: jobsSentence(mixity.jobsWithStaff, mixity.mixedJobs),
    source,
  };
}

function inBandSentence(jobsWithStaff: number, mixedJobs: number): string {
  const band = `dans la ${MIXITY_BAND_LABEL}`;
  if (mixedJobs === 0) return jobsWithStaff === 1 ? `le seul métier n'est pas ${band}` : `aucun des ${formatCount(jobsWithStaff)} métiers n'est ${band}`;
  return `${formatCount(mixedJobs)} ${mixedJobs < 2 ? "métier" : "métiers"} sur ${formatCount(jobsWithStaff)} ${mixedJobs < 2 ? "est" : "sont"} ${band}`;
}

// ---------------------------------------------------------------------------------------------
// Domains

function domainsView(scores: DiagnosticScores): DomainsView {
  const rows: DomainRow[] = scores.domains.map((s) => {
    const d = DOMAINS.find((x) => x.id === s.domain)!;
    return {
      id: s.domain,
      label: d.label,
      shortLabel: d.shortLabel,
      score: s.score,
      scoreDisplay: s.score === null ? "Pas de score" : `${formatCount(s.score)} sur 100`,
      level: s.level,
      levelLabel: s.level ? LEVEL_LABELS[s.level] : null,
      levelMeaning: s.level ? LEVEL_MEANINGS[s.level] : null,
      lowConfidence: s.lowConfidence,
      lowConfidenceMessage: s.lowConfidence ? LOW_CONFIDENCE_MESSAGE : null,
      answered: s.answered,
      unknown: s.unknown,
      total: s.total,
      progressPercent: s.progressPercent,
    };
  });
  const levelCounts = Object.fromEntries(LEVELS.map((l) => [l, rows.filter((r) => r.level === l).length])) as Record<Level, number>;
  const unscored = rows.filter((r) => r.score === null).length;
  const weakest = rows.filter((r) => r.level === "a_engager").map((r) => r.shortLabel);
  const chartSummary =
    `Score de chacun des neuf domaines, sur 100${NBSP}: ${levelCountsText(levelCounts, unscored)}.` +
    (weakest.length > 0 ? ` À engager${NBSP}: ${joinFrench(weakest)}.` : "") +
    " Le détail est dans le tableau qui suit.";
  return {
    rows,
    levelThresholds: { enCours: LEVEL_EN_COURS_MIN, avance: LEVEL_AVANCE_MIN },
    levelCounts,
    unscored,
    chartSummary,
    scale:
      `Niveaux${NBSP}: moins de ${LEVEL_EN_COURS_MIN}, ${quote(LEVEL_LABELS.a_engager)}${NBSP}; de ${LEVEL_EN_COURS_MIN} à ${LEVEL_AVANCE_MIN - 1}, ` +
      `${quote(LEVEL_LABELS.en_cours)}${NBSP}; ${LEVEL_AVANCE_MIN} et plus, ${quote(LEVEL_LABELS.avance)}. ` +
      "Ce score mesure les pratiques que vous déclarez, ce n'est pas une note officielle.",
  };
}

function levelCountsText(counts: Record<Level, number>, unscored: number): string {
  const parts = [
    `${formatCount(counts.a_engager)} à engager`,
    `${formatCount(counts.en_cours)} en cours`,
    `${formatCount(counts.avance)} ${counts.avance < 2 ? "avancé" : "avancés"}`,
  ];
  if (unscored > 0) parts.push(`${formatCount(unscored)} sans score`);
  return joinFrench(parts);
}

// ---------------------------------------------------------------------------------------------
// Index

/** What the Index is, the first time the word appears (UX.md: explain every legal term). */
export const INDEX_HELP =
  "L'Index de l'égalité professionnelle est une note sur 100 calculée à partir de cinq indicateurs (écarts de salaire, " +
  "d'augmentations et de promotions, augmentations au retour de congé de maternité, femmes parmi les 10 plus hautes rémunérations). " +
  `À partir de 50 salariés, il doit être calculé et publié chaque année avant le 1er${NBSP}mars.`;

const INDICATOR_LABELS: Record<IndexIndicatorRow["id"], { number: string; label: string }> = {
  pay: { number: "1", label: "Écart de rémunération" },
  raisesAndPromotions: { number: "2 et 3", label: "Écart de taux d'augmentations individuelles (promotions comprises)" },
  raises: { number: "2", label: "Écart de taux d'augmentations individuelles" },
  promotions: { number: "3", label: "Écart de taux de promotions" },
  maternity: { number: "4", label: "Augmentations au retour de congé de maternité" },
  top10: { number: "5", label: "Femmes et hommes parmi les 10 plus hautes rémunérations" },
};

const SOURCE_LABELS: Record<IndexSource, string> = {
  saisie: "Données saisies à l'étape Index",
  fichier: "Calculé à partir du fichier du personnel",
  ignore: "Étape Index passée",
};

interface IndexComputation {
  view: IndexView;
  result: IndexResult | null;
}

function indicatorRows(result: IndexResult): IndexIndicatorRow[] {
  const ids = ["pay", "raisesAndPromotions", "raises", "promotions", "maternity", "top10"] as const;
  const rows: IndexIndicatorRow[] = [];
  for (const id of ids) {
    const r = result[id];
    if (!r) continue;
    rows.push({
      id,
      ...INDICATOR_LABELS[id],
      calculable: r.calculable,
      reason: r.reason,
      points: r.points,
      maxPoints: r.maxPoints,
      pointsDisplay: r.calculable && r.points !== null ? `${formatCount(r.points)} sur ${formatCount(r.maxPoints)}` : "Non calculable",
      explanation: r.explanation,
    });
  }
  return rows;
}

function indexComputation(input: Pick<ResultsInput, "index" | "staffRowsIndexInput">, profile: Profile | null): IndexComputation {
  const obligatory = profile ? isFiftyPlus(profile.headcountBand) : false;
  const indicative = profile ? !obligatory : false;
  const source = input.index.source;
  const base: IndexView = {
    state: "a_faire",
    source,
    sourceLabel: source ? SOURCE_LABELS[source] : null,
    indicative,
    obligatory,
    value: null,
    display: "Non estimé",
    totalPoints: null,
    maxPoints: null,
    explanation: null,
    obligation: null,
    indicators: [],
    skipReason: null,
    help: INDEX_HELP,
  };
  if (source === null) return { view: base, result: null };
  if (source === "ignore") {
    return { view: { ...base, state: "ignore", skipReason: input.index.skipReason?.trim() || null }, result: null };
  }
  let data: IndexInput | null = null;
  if (source === "fichier") {
    data = input.staffRowsIndexInput ?? null;
    if (!data) return { view: { ...base, state: "fichier_absent" }, result: null };
  } else {
    const parsed = parseIndexInput(input.index.data);
    if (!parsed.ok) return { view: { ...base, state: "donnees_invalides" }, result: null };
    data = parsed.value;
  }
  const result = computeIndex(data, { belowFifty: indicative });
  const total = result.index;
  return {
    result,
    view: {
      ...base,
      state: total.calculable ? "calcule" : "non_calculable",
      indicative: result.indicative,
      value: total.value,
      display: total.calculable && total.value !== null ? `${formatCount(total.value)} sur ${formatCount(INDEX_MAX_POINTS)}` : "Non calculable",
      totalPoints: total.totalPoints,
      maxPoints: total.maxPoints,
      explanation: total.explanation,
      obligation: indexObligation(total.value, obligatory),
      indicators: indicatorRows(result),
    },
  };
}

/** The label of the Index table's total row: the points of the calculable indicators, and what they give. */
export function indexTotalLabel(index: Pick<IndexView, "value" | "display">): string {
  return `Total des indicateurs calculables (${index.value !== null ? `Index${NBSP}: ${index.display}` : "Index non calculable"})`;
}

// ---------------------------------------------------------------------------------------------
// Key figures

interface Core {
  year: number;
  mixity: MixityResult;
  invalidJobRows: number;
  shares: WomenShares;
  scores: DiagnosticScores | null;
  index: IndexComputation;
  figures: KeyFigure[];
}

function countsDetail(c: SexCounts): string {
  return `${plural(c.women, "femme")} et ${plural(c.men, "homme")}`;
}

function womenShareFigure(
  id: "women_share" | "women_share_permanent" | "women_share_parcours",
  counts: SexCounts,
  source: WomenShares["source"],
  structureType: StructureType,
): KeyFigure | null {
  const share = shareOf(counts);
  if (share === null) return null;
  const cls = classOf(counts)!;
  const population: Population | null = id === "women_share_permanent" ? "permanent" : id === "women_share_parcours" ? "parcours" : null;
  const who = population ? `vos ${populationWording(population, structureType).label}` : "votre effectif";
  const label = population ? `Part de femmes chez les ${populationWording(population, structureType).label}` : "Part de femmes dans l'effectif";
  const from = source === "profil" ? " (d'après le profil de la structure)" : "";
  const among = population ? `parmi vos ${populationWording(population, structureType).label}` : "dans votre effectif";
  let meaning: string;
  let nextStep: string | null;
  if (cls === "mixte") {
    meaning = `${capitalize(who)} ${population ? "sont" : "est"} mixte${population ? "s" : ""}${NBSP}: entre ${formatShare(MIXITY_MIN_SHARE_WOMEN)} et ${formatShare(MIXITY_MAX_SHARE_WOMEN)} de femmes.`;
    nextStep = population ? null : "Vérifiez que cet équilibre se retrouve dans chaque métier (graphique ci-dessous).";
  } else if (cls === "masculin") {
    meaning = `Les femmes sont moins de ${formatShare(MIXITY_MIN_SHARE_WOMEN)} ${among}${NBSP}: c'est une équipe à prédominance masculine.`;
    nextStep = "Regardez quels métiers comptent peu de femmes et comment vos offres et vos prescripteurs les présentent.";
  } else {
    meaning = `Les femmes sont plus de ${formatShare(MIXITY_MAX_SHARE_WOMEN)} ${among}${NBSP}: c'est une équipe à prédominance féminine.`;
    nextStep = "Regardez quels métiers comptent peu d'hommes et comment vos offres et vos prescripteurs les présentent.";
  }
  return {
    id,
    label,
    value: share,
    display: formatShare(share),
    detail: `${countsDetail(counts)}${from}`,
    meaning,
    nextStep,
    tone: cls === "mixte" ? "positive" : "attention",
    change: null,
  };
}

function mixedJobsFigures(mixity: MixityResult): KeyFigure[] {
  if (mixity.jobsWithStaff === 0) {
    return [
      {
        id: "mixed_jobs",
        label: "Métiers mixtes",
        value: null,
        display: "—",
        detail: null,
        meaning: "Le tableau des emplois n'a pas encore de personnel renseigné\u00a0: la mixité des métiers ne peut pas être mesurée.",
        nextStep: "Remplissez l'étape «\u00a0Emplois et effectifs\u00a0».",
        tone: "neutral",
        change: null,
      },
    ];
  }
  const n = mixity.jobsWithStaff;
  const k = mixity.mixedJobs;
  const mixed: KeyFigure = {
    id: "mixed_jobs",
    label: "Métiers mixtes",
    value: k,
    display: `${formatCount(k)} sur ${formatCount(n)}`,
    detail: `${formatShare(mixity.mixedJobsShare)} des métiers`,
    meaning: `${jobsSentence(n, k)} ${mixityRule()}`,
    nextStep:
      k === n
        ? "Gardez cet équilibre lors des prochains recrutements."
        : "Choisissez un ou deux métiers non mixtes et fixez-vous un objectif de recrutement du sexe le moins présent.",
    tone: k * 2 >= n ? "positive" : "attention",
    change: null,
  };
  const staffShare = mixity.staffInMixedJobsShare;
  const staff: KeyFigure = {
    id: "staff_in_mixed_jobs",
    label: "Personnes dans un métier mixte",
    value: staffShare,
    display: formatShare(staffShare),
    detail: `${plural(mixity.jobs.filter((j) => j.class === "mixte").reduce((s, j) => s + j.headcount, 0), "personne")} sur ${formatCount(mixity.totals.all.headcount)}`,
    meaning:
      `${formatShare(staffShare)} des personnes de votre structure travaillent dans un métier mixte. ` +
      `Pour comparer${NBSP}: en France, environ ${formatShare(NATIONAL_STAFF_IN_MIXED_JOBS_SHARE)} des salariés occupent un métier mixte.`,
    nextStep: null,
    tone: staffShare !== null && staffShare >= 0.5 ? "positive" : "neutral",
    change: null,
  };
  return [mixed, staff];
}

function domainLevelsFigure(scores: DiagnosticScores): KeyFigure {
  const view = domainsView(scores);
  const counts = view.levelCounts;
  const weakest = view.rows.filter((r) => r.level === "a_engager").map((r) => r.shortLabel);
  const scored = view.rows.length - view.unscored;
  const started = counts.en_cours + counts.avance;
  return {
    id: "domain_levels",
    label: "Domaines «\u00a0en cours\u00a0» ou «\u00a0avancés\u00a0»",
    value: scored === 0 ? null : started,
    display: scored === 0 ? "Pas encore de score" : `${formatCount(started)} sur ${formatCount(view.rows.length)}`,
    detail: levelCountsText(counts, view.unscored),
    meaning:
      scored === 0
        ? "Aucun domaine n'a encore de réponse qui compte dans le score."
        : weakest.length > 0
          ? `Domaines ${quote(LEVEL_LABELS.a_engager)}${NBSP}: ${joinFrench(weakest)}. ${LEVEL_MEANINGS.a_engager}`
          : "Aucun domaine n'est «\u00a0à engager\u00a0»\u00a0: vos pratiques sont en place ou en cours dans chacun.",
    nextStep: scored === 0 ? "Répondez aux questions des neuf domaines." : weakest.length > 0 ? "Les actions proposées plus bas commencent par ces domaines." : null,
    tone: weakest.length > 0 ? "attention" : scored === 0 ? "neutral" : "positive",
    change: null,
  };
}

function indexFigure(view: IndexView): KeyFigure {
  const label = "Index de l'égalité professionnelle (estimation)";
  const base = { id: "index" as const, label, change: null };
  switch (view.state) {
    case "calcule":
    case "non_calculable": {
      const obligation = view.obligation!;
      let nextStep: string | null = null;
      if (obligation.level === "corrective") nextStep = "Les actions sur la rémunération sont en tête de la liste ci-dessous.";
      else if (obligation.level === "objectives") nextStep = "Fixez un objectif de progression pour chaque indicateur qui n'a pas tous ses points (tableau ci-dessous).";
      else if (obligation.level === "none") nextStep = `Publiez l'index et ses indicateurs avant le 1er${NBSP}mars.`;
      else if (view.indicative) nextStep = "Cette estimation vous aide à repérer des écarts de salaire et d'augmentations\u00a0; elle n'est pas à publier.";
      return {
        ...base,
        value: view.value,
        display: view.display,
        detail: view.indicative ? `Estimation indicative${NBSP}: moins de 50 salariés` : obligation.label,
        // The obligation's full text is in the Index section; the card keeps the result and the next step.
        meaning: view.explanation ?? obligation.text,
        nextStep,
        tone: obligation.level === "corrective" || obligation.level === "objectives" ? "attention" : obligation.level === "none" ? "positive" : "neutral",
      };
    }
    case "ignore":
      return {
        ...base,
        value: null,
        display: "Non estimé",
        detail: view.skipReason ? `Raison indiquée${NBSP}: ${view.skipReason}` : null,
        meaning: view.obligatory
          ? `Vous avez passé l'étape Index. ${INDEX_HELP}`
          : "Vous avez passé l'étape Index. Sous 50 salariés, l'Index n'est pas obligatoire\u00a0; une estimation peut toutefois aider à repérer des écarts de salaire.",
        nextStep: view.obligatory ? "Revenez à l'étape Index quand vous aurez les données de paie." : null,
        tone: view.obligatory ? "attention" : "neutral",
      };
    case "fichier_absent":
      return {
        ...base,
        value: null,
        display: "Non estimé",
        detail: null,
        meaning: "L'Index devait être calculé à partir du fichier du personnel, mais aucun fichier utilisable n'est enregistré.",
        nextStep: "Importez le fichier du personnel à l'étape «\u00a0Emplois et effectifs\u00a0» ou saisissez les données à l'étape Index.",
        tone: "attention",
      };
    case "donnees_invalides":
      return {
        ...base,
        value: null,
        display: "Non estimé",
        detail: null,
        meaning: "Les données enregistrées à l'étape Index sont incomplètes ou incohérentes\u00a0: l'estimation ne peut pas être faite.",
        nextStep: "Revenez à l'étape Index pour les vérifier.",
        tone: "attention",
      };
    case "a_faire":
      return {
        ...base,
        value: null,
        display: "Non estimé",
        detail: null,
        meaning: view.obligatory ? INDEX_HELP : `L'étape Index n'est pas faite. Sous 50 salariés, l'Index n'est pas obligatoire.`,
        nextStep: "Faites l'étape Index, ou passez-la en indiquant pourquoi.",
        tone: view.obligatory ? "attention" : "neutral",
      };
  }
}

function computeCore(input: PreviousResultsInput): Core {
  const { jobs, invalid } = validJobs(input.jobs);
  const mixity = computeMixity(jobs);
  const shares = womenShares(mixity, input.profile);
  const scores = input.profile ? scoreDomains(input.answers, input.profile) : null;
  const index = indexComputation(input, input.profile);
  const figures: KeyFigure[] = [];
  const st = input.structureType;
  const overall = womenShareFigure("women_share", shares.all, shares.source, st);
  if (overall) figures.push(overall);
  // Per population only when both have people: with one population, the overall share says it all.
  const hasBoth = shares.permanent.women + shares.permanent.men > 0 && shares.parcours.women + shares.parcours.men > 0;
  if (hasBoth) {
    figures.push(womenShareFigure("women_share_permanent", shares.permanent, shares.source, st)!);
    figures.push(womenShareFigure("women_share_parcours", shares.parcours, shares.source, st)!);
  }
  figures.push(...mixedJobsFigures(mixity));
  if (scores) figures.push(domainLevelsFigure(scores));
  figures.push(indexFigure(index.view));
  return { year: input.year, mixity, invalidJobRows: invalid, shares, scores, index, figures };
}

// ---------------------------------------------------------------------------------------------
// Findings

/** True when the women's shares of the two populations differ by POPULATION_GAP_NOTABLE_POINTS or more (exact on integers). */
export function populationsDiffer(permanent: SexCounts, parcours: SexCounts): boolean {
  const h1 = permanent.women + permanent.men;
  const h2 = parcours.women + parcours.men;
  if (h1 === 0 || h2 === 0) return false;
  return Math.abs(permanent.women * h2 - parcours.women * h1) * 100 >= POPULATION_GAP_NOTABLE_POINTS * h1 * h2;
}

/** True when the overall share is mixed but strictly fewer than SEGREGATED_MIXED_JOBS_SHARE_BELOW of the jobs are. */
export function balancedButSegregated(overall: SexCounts, jobsWithStaff: number, mixedJobs: number): boolean {
  if (classOf(overall) !== "mixte" || jobsWithStaff < SEGREGATION_MIN_JOBS) return false;
  return mixedJobs < jobsWithStaff * SEGREGATED_MIXED_JOBS_SHARE_BELOW;
}

function segregationFinding(core: Core): Finding | null {
  const { mixity, shares } = core;
  if (!balancedButSegregated(shares.all, mixity.jobsWithStaff, mixity.mixedJobs)) return null;
  const n = mixity.jobsWithStaff;
  const k = mixity.mixedJobs;
  const few =
    k === 0 ? `aucun de vos ${formatCount(n)} métiers n'est mixte` : k === 1 ? `un seul métier sur ${formatCount(n)} est mixte` : `seuls ${formatCount(k)} métiers sur ${formatCount(n)} sont mixtes`;
  const masculine = mixity.jobs.filter((j) => j.class === "masculin").map((j) => j.label);
  const feminine = mixity.jobs.filter((j) => j.class === "feminin").map((j) => j.label);
  const lists: string[] = [];
  if (masculine.length > 0) lists.push(`À prédominance masculine${NBSP}: ${namedList(masculine)}.`);
  if (feminine.length > 0) lists.push(`À prédominance féminine${NBSP}: ${namedList(feminine)}.`);
  return {
    id: "balanced_but_segregated",
    tone: "attention",
    title: "Une égalité d'ensemble qui cache des métiers non mixtes",
    text:
      `Votre structure compte à peu près autant de femmes que d'hommes (${formatShare(shareOf(shares.all))} de femmes), mais ${few}${NBSP}: ` +
      `les femmes et les hommes n'occupent pas les mêmes métiers. ${lists.join(" ")}`.trimEnd(),
    nextStep:
      "C'est un cas fréquent dans les structures inclusives. Regardez le graphique par métier, puis choisissez un ou deux métiers où faire entrer le sexe le moins présent (offres, prescripteurs, visites, immersions).",
    step: null,
  };
}

function overallNotMixedFinding(core: Core, structureType: StructureType): Finding | null {
  const cls = classOf(core.shares.all);
  if (cls === null || cls === "mixte") return null;
  const share = formatShare(shareOf(core.shares.all));
  const masculine = cls === "masculin";
  const jobs = core.mixity.jobsWithStaff > 0 ? ` ${jobsSentence(core.mixity.jobsWithStaff, core.mixity.mixedJobs)}` : "";
  const parcours = populationWording("parcours", structureType).label;
  return {
    id: "overall_not_mixed",
    tone: "attention",
    title: masculine ? "Une équipe à prédominance masculine" : "Une équipe à prédominance féminine",
    text: `Votre structure compte ${share} de femmes${NBSP}: elle est ${masculine ? "à prédominance masculine" : "à prédominance féminine"}.${jobs}`,
    nextStep: masculine
      ? `Parlez à vos prescripteurs (France Travail, Mission locale, Cap emploi…) de votre besoin de candidates, et montrez vos métiers aux femmes (visites, immersions) avant le recrutement des ${parcours}.`
      : "Présentez vos métiers aux hommes aussi, avec vos prescripteurs, et vérifiez que les offres ne s'adressent pas à un seul sexe.",
    step: null,
  };
}

function populationsDifferFinding(core: Core, structureType: StructureType): Finding | null {
  const { permanent, parcours } = core.shares;
  if (!populationsDiffer(permanent, parcours)) return null;
  const p1 = shareOf(permanent)!;
  const p2 = shareOf(parcours)!;
  const gap = Math.round(Math.abs(p1 - p2) * 100);
  const permanentLabel = populationWording("permanent", structureType).label;
  const parcoursLabel = populationWording("parcours", structureType).label;
  return {
    id: "populations_differ",
    tone: "attention",
    title: "L'équipe permanente et les personnes en parcours ne sont pas mixtes de la même façon",
    text:
      `Vos ${permanentLabel} comptent ${formatShare(p1)} de femmes, vos ${parcoursLabel} ${formatShare(p2)}${NBSP}: ` +
      `${pointsText(gap)} d'écart. Les chiffres d'ensemble mélangent deux équipes très différentes.`,
    nextStep:
      p2 < p1
        ? `Cherchez pourquoi peu de femmes arrivent en parcours${NBSP}: quelles candidatures vos prescripteurs vous adressent-ils, et comment vos offres présentent-elles les métiers${NBSP}?`
        : `Cherchez pourquoi l'équipe permanente compte moins de femmes${NBSP}: les postes d'encadrement s'ouvrent-ils aux salariées en parcours, et comment recrutez-vous l'équipe permanente${NBSP}?`,
    step: null,
  };
}

function lowHeadcountFinding(core: Core): Finding | null {
  const low = core.mixity.jobs.filter((j) => j.lowHeadcount);
  if (low.length === 0) return null;
  const n = low.length;
  return {
    id: "low_headcount_jobs",
    tone: "neutral",
    title: "Des métiers à petits effectifs",
    text:
      `${n < 2 ? "Un métier compte" : `${formatCount(n)} métiers comptent`} moins de ${formatCount(MIXITY_LOW_HEADCOUNT)} personnes (${namedList(low.map((j) => j.label))})${NBSP}: ` +
      `une seule embauche y change la part de femmes de 20 points ou plus. Sur les graphiques, ils sont marqués d'un astérisque (*)${NBSP}: ` +
      "leurs chiffres sont à interpréter avec prudence.",
    nextStep: null,
    step: null,
  };
}

function lowConfidenceFinding(core: Core): Finding | null {
  if (!core.scores) return null;
  const fragile = core.scores.domains.filter((d) => d.lowConfidence).map((d) => DOMAINS.find((x) => x.id === d.domain)!.shortLabel);
  if (fragile.length === 0) return null;
  return {
    id: "low_confidence_domains",
    tone: "neutral",
    title: "Des réponses «\u00a0Je ne sais pas\u00a0» nombreuses",
    text:
      `${fragile.length < 2 ? "Dans le domaine" : "Dans les domaines"} ${joinFrench(fragile.map(quote))}, plus de la moitié des réponses sont ` +
      `${quote("Je ne sais pas")}${NBSP}: ${fragile.length < 2 ? "ce résultat est fragile" : "ces résultats sont fragiles"}.`,
    nextStep: "Chercher ces informations (auprès de la paie, de la CIP, des encadrants) est déjà une première action.",
    step: null,
  };
}

function indexMissingFinding(core: Core): Finding | null {
  const view = core.index.view;
  if (!view.obligatory) return null;
  if (view.state === "calcule" || view.state === "non_calculable") return null;
  return {
    id: "index_missing",
    tone: "attention",
    title: "L'Index de l'égalité professionnelle n'est pas estimé",
    text:
      `Votre structure compte 50 salariés ou plus${NBSP}: l'Index de l'égalité professionnelle est obligatoire. ` +
      (view.state === "ignore" ? "Vous avez passé cette étape." : view.state === "a_faire" ? "L'étape Index n'est pas encore faite." : "Les données de l'étape Index ne permettent pas de l'estimer."),
    nextStep: "Revenez à l'étape Index avec les données de paie de l'année, ou importez le fichier du personnel.",
    step: "index",
  };
}

function dataFindings(core: Core, profile: Profile, jobsInput: readonly unknown[]): Finding[] {
  const findings: Finding[] = [];
  if (core.mixity.jobsWithStaff === 0) {
    findings.push({
      id: "no_jobs",
      tone: "attention",
      title: "Le tableau des emplois est vide",
      text: "Sans le nombre de femmes et d'hommes par métier, la mixité des métiers ne peut pas être mesurée\u00a0: les chiffres ci-dessous viennent du profil de la structure.",
      nextStep: "Remplissez l'étape «\u00a0Emplois et effectifs\u00a0», à la main ou avec le fichier du personnel.",
      step: "emplois",
    });
  } else {
    const { jobs } = validJobs(jobsInput);
    const mismatches = jobsVsProfile(jobs, profile);
    if (mismatches.length > 0) {
      const inJobs = core.mixity.totals.all.headcount;
      const inProfile = profile.permanentWomen + profile.permanentMen + profile.parcoursWomen + profile.parcoursMen;
      findings.push({
        id: "headcount_mismatch",
        tone: "neutral",
        title: "Le tableau des emplois et le profil ne comptent pas les mêmes personnes",
        text:
          `Le tableau des emplois compte ${plural(inJobs, "personne")}, le profil ${plural(inProfile, "personne")}` +
          (inJobs === inProfile ? ", mais pas avec la même répartition entre femmes et hommes ou entre équipes" : "") +
          `. Les chiffres de mixité viennent du tableau des emplois.`,
        nextStep: "Vérifiez l'un ou l'autre pour que vos résultats décrivent bien votre structure.",
        step: "emplois",
      });
    }
  }
  if (core.invalidJobRows > 0) {
    findings.push({
      id: "invalid_job_rows",
      tone: "neutral",
      title: "Des lignes du tableau des emplois sont incomplètes",
      text: `${plural(core.invalidJobRows, "ligne")} du tableau des emplois ${core.invalidJobRows < 2 ? "n'a" : "n'ont"} pas pu être ${core.invalidJobRows < 2 ? "lue" : "lues"} et ${core.invalidJobRows < 2 ? "est laissée" : "sont laissées"} de côté.`,
      nextStep: "Revenez à l'étape «\u00a0Emplois et effectifs\u00a0» pour les corriger.",
      step: "emplois",
    });
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Year-on-year changes

type ChangeKind = "share" | "points" | { singular: string; plural: string };

function changeText(kind: ChangeKind, current: KeyFigure, previous: KeyFigure, previousYear: number): FigureChange | null {
  if (current.value === null && previous.value === null) return null;
  const previousDisplay = previous.display;
  if (current.value === null || previous.value === null) {
    return {
      previousYear,
      previousValue: previous.value,
      previousDisplay,
      delta: null,
      direction: null,
      summary: previous.value === null ? `${previousDisplay} en ${previousYear}` : `${previousDisplay} en ${previousYear}, pas de chiffre cette année`,
      text: `En ${previousYear}${NBSP}: ${lowerFirst(previousDisplay)}.`,
    };
  }
  // Shares compared in whole percentage points as displayed, so that the text matches the figures.
  const delta =
    kind === "share" ? Math.round(current.value * 100) - Math.round(previous.value * 100) : Math.round((current.value - previous.value) * 10) / 10;
  const direction = delta > 0 ? "hausse" : delta < 0 ? "baisse" : "stable";
  let how: string;
  if (direction === "stable") how = "stable";
  else if (typeof kind === "object") how = `${plural(Math.abs(delta), kind.singular, kind.plural)} ${delta > 0 ? "de plus" : "de moins"}`;
  else how = `${direction === "hausse" ? "en hausse" : "en baisse"} de ${pointsText(delta)}`;
  return {
    previousYear,
    previousValue: previous.value,
    previousDisplay,
    delta,
    direction,
    summary: capitalize(how),
    text: `${current.display} contre ${lowerFirst(previousDisplay)} en ${previousYear}${NBSP}: ${how}.`,
  };
}

const CHANGE_KINDS: Record<KeyFigureId, ChangeKind> = {
  women_share: "share",
  women_share_permanent: "share",
  women_share_parcours: "share",
  mixed_jobs: { singular: "métier mixte", plural: "métiers mixtes" },
  staff_in_mixed_jobs: "share",
  domain_levels: { singular: "domaine en cours ou avancé", plural: "domaines en cours ou avancés" },
  index: "points",
};

function yearOnYear(current: Core, previous: Core): YearOnYear {
  const figures: ChangeRow[] = [];
  for (const figure of current.figures) {
    const before = previous.figures.find((f) => f.id === figure.id);
    if (!before) continue;
    const change = changeText(CHANGE_KINDS[figure.id], figure, before, previous.year);
    if (!change) continue;
    if (figure.id === "domain_levels" && before.value !== null && before.detail) {
      change.text = `${change.text.replace(/\.$/, "")} (en ${previous.year}${NBSP}: ${before.detail}).`;
    }
    figure.change = change;
    figures.push({ id: figure.id, label: figure.label, currentDisplay: figure.display, change });
  }
  const domains: DomainChangeRow[] = [];
  if (current.scores && previous.scores) {
    for (const d of current.scores.domains) {
      const before = previous.scores.domains.find((x) => x.domain === d.domain);
      const label = DOMAINS.find((x) => x.id === d.domain)!.shortLabel;
      const delta = d.score !== null && before?.score != null ? d.score - before.score : null;
      let text: string;
      let summary: string;
      if (delta === null) summary = text = before?.score == null ? `Pas de score en ${previous.year}.` : "Pas de score cette année.";
      else if (delta === 0) {
        summary = "Stable.";
        text = `Stable (${formatCount(d.score!)} sur 100).`;
      } else {
        summary = `${delta > 0 ? "En hausse" : "En baisse"} de ${pointsText(delta)}.`;
        text = `${delta > 0 ? "En hausse" : "En baisse"} de ${pointsText(delta)} (${formatCount(before!.score!)} puis ${formatCount(d.score!)} sur 100).`;
      }
      if (delta !== null && d.level && before?.level && d.level !== before.level) {
        const levels = ` Niveau ${quote(LEVEL_LABELS[before.level])} en ${previous.year}, ${quote(LEVEL_LABELS[d.level])} aujourd'hui.`;
        text += levels;
        summary += levels;
      }
      domains.push({
        id: d.domain,
        label,
        currentScore: d.score,
        previousScore: before?.score ?? null,
        currentLevelLabel: d.level ? LEVEL_LABELS[d.level] : null,
        previousLevelLabel: before?.level ? LEVEL_LABELS[before.level] : null,
        delta,
        summary,
        text,
      });
    }
  }
  return { previousYear: previous.year, figures, domains };
}

// ---------------------------------------------------------------------------------------------
// Actions and support

function actionsView(recommendations: ReturnType<typeof recommend>): ReadyResults["actions"] {
  const all: ActionView[] = recommendations.map((r) => ({
    id: r.action.id,
    rank: r.rank,
    title: r.action.title,
    description: r.action.description,
    domainId: r.domain.id,
    domainLabel: r.domain.shortLabel,
    domainLevelLabel: r.domain.levelLabel,
    legalObligation: r.legalObligation,
    reasons: [...r.reasons],
    objective: r.action.objective,
    indicator: r.action.indicator.label,
    deadlineMonths: r.action.deadlineMonths,
    costLabel: COST_LEVEL_LABELS[r.action.cost],
    supportNames: r.action.supportOrganizationIds.map((id) => getSupportOrganization(id)?.shortName ?? id),
    legalReference: r.action.legalReference ?? null,
  }));
  return { featured: all.slice(0, FEATURED_ACTIONS), others: all.slice(FEATURED_ACTIONS), total: all.length, order: RECOMMENDATION_ORDER };
}

function supportView(matches: ReturnType<typeof matchSupport>): SupportView[] {
  return matches.map(({ organization: o, reasons }) => ({
    id: o.id,
    name: o.name,
    shortName: o.shortName,
    kindLabel: ORGANIZATION_KIND_LABELS[o.kind],
    offer: o.offer,
    audience: o.audience,
    territory: o.territory.label,
    reasons: [...reasons],
    website: o.website,
    email: o.email,
    note: o.note,
  }));
}

// ---------------------------------------------------------------------------------------------
// Entry point

function headlineOf(core: Core): string {
  const parts: string[] = [];
  const share = shareOf(core.shares.all);
  if (share !== null) parts.push(`votre structure compte ${formatShare(share)} de femmes`);
  if (core.mixity.jobsWithStaff > 0) {
    const n = core.mixity.jobsWithStaff;
    const k = core.mixity.mixedJobs;
    parts.push(k === 0 ? `aucun des ${formatCount(n)} métiers n'est mixte` : `${formatCount(k)} ${k < 2 ? "métier" : "métiers"} sur ${formatCount(n)} ${k < 2 ? "est mixte" : "sont mixtes"}`);
  }
  if (parts.length === 0) return `Diagnostic ${core.year}${NBSP}: les effectifs ne sont pas encore renseignés.`;
  return `En ${core.year}, ${parts.join(" et ")}.`;
}

function engineInput(profile: Profile, input: PreviousResultsInput, core: Core): DiagnosticInput {
  return { profile, answers: input.answers, scores: core.scores!, mixity: core.mixity, index: core.index.result };
}

/**
 * What the plan engine reads from this diagnostic (profile, answers, scores, mixity, Index result),
 * computed exactly as buildResults computes it, so that recommendations and baselines shown in the
 * plan editor are those of the results page. Null when the profile is missing.
 */
export function diagnosticInputOf(input: PreviousResultsInput): DiagnosticInput | null {
  if (!input.profile) return null;
  return engineInput(input.profile, input, computeCore(input));
}

/**
 * Everything the results page and the PDF show for one diagnostic (shares as fractions 0–1 and
 * percentages 0–100 where named `Pct`, scores 0–100, Index points 0–100). Returns
 * `{ status: "profil_manquant" }` when the profile is missing, since neither the questions that
 * apply nor the obligations are known then. Never throws on stored data: invalid job rows are left
 * out and counted, invalid Index data gives the « donnees_invalides » state.
 */
export function buildResults(input: ResultsInput): Results {
  const profile = input.profile;
  if (!profile) {
    return {
      status: "profil_manquant",
      year: input.year,
      message:
        "Les résultats s'affichent une fois le profil de la structure rempli\u00a0: le type de structure et l'effectif décident des questions qui vous concernent et de vos obligations.",
    };
  }
  const core = computeCore(input);
  const scores = core.scores!;
  const previousCore = input.previous ? computeCore(input.previous) : null;
  const changes = previousCore ? yearOnYear(core, previousCore) : null;

  const findings = [
    ...dataFindings(core, profile, input.jobs),
    segregationFinding(core),
    overallNotMixedFinding(core, input.structureType),
    populationsDifferFinding(core, input.structureType),
    indexMissingFinding(core),
    lowConfidenceFinding(core),
    lowHeadcountFinding(core),
  ].filter((f): f is Finding => f !== null);
  // The data notes (empty table aside) come after what the figures say.
  const order: FindingId[] = [
    "no_jobs",
    "balanced_but_segregated",
    "overall_not_mixed",
    "populations_differ",
    "index_missing",
    "low_confidence_domains",
    "low_headcount_jobs",
    "headcount_mismatch",
    "invalid_job_rows",
  ];
  findings.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));

  const diagnostic = engineInput(profile, input, core);
  return {
    status: "ready",
    year: input.year,
    structureType: input.structureType,
    structureTypeLabel: STRUCTURE_TYPE_LABELS[input.structureType],
    headline: headlineOf(core),
    keyFigures: core.figures,
    findings,
    mixity: mixityView(core.mixity, input.structureType, core.shares.source),
    domains: domainsView(scores),
    index: core.index.view,
    actions: actionsView(recommend(diagnostic)),
    support: supportView(matchSupport(diagnostic, profile)),
    yearOnYear: changes,
  };
}
