/**
 * « Fiche égalité pour répondre à un marché public » as plain data: what a buyer's equality
 * sub-criterion in an insertion clause asks a structure to show (DOMAIN.md §8.3; GIP Maximilien
 * practice sheet on equality in social insertion clauses): the women's share of the people in
 * pathways per job, in persons and in hours, over the last years; the actions on peripheral
 * barriers; commitments with figures and dates; the Index and plan status. Pure: stored data in,
 * the same document model as the report out (drawn by app/report/).
 */
import {
  classifyMixity,
  computeMixity,
  MIXITY_CLASS_LABELS,
  MIXITY_LOW_HEADCOUNT,
  MIXITY_MAX_SHARE_WOMEN,
  MIXITY_MIN_SHARE_WOMEN,
  MixityJobInputSchema,
  populationWording,
  type MixityClass,
  type MixityJobInput,
} from "./mixity.ts";
import { activeActions, formatFrenchDate, PLAN_ACTION_STATUS_LABELS, PLAN_KIND_LABELS, type Plan, type PlanAction } from "./plan/index.ts";
import { joinFrench, plural, quote } from "./plan/format.ts";
import {
  barriersAddressed,
  formatLongDate,
  formatPlace,
  formatPlanDate,
  formatSiret,
  indicatorText,
  INDEX_PUBLICATION_DEADLINE,
  INDEX_STATE_TEXT,
  mixityChartFromRows,
  NBSP,
  SERVICE_NAME,
  slugify,
  type Block,
  type Cover,
  type CoverFigure,
  type PdfDocumentModel,
  type PlanCheckSummary,
  type ReportStructure,
  type Section,
  type StatusLine,
  type TableColumn,
} from "./report.ts";
import { formatCount, formatShare, type IndexView } from "./results.ts";
import { jobsFromStaffRows, LEGAL_WEEKLY_HOURS, MONTHS_IN_PERIOD, type StaffRow } from "./staff-file/index.ts";
import { BARRIER_LABELS, BARRIERS, STRUCTURE_TYPE_LABELS, type HeadcountBand, type StructureType } from "./types.ts";

// ---------------------------------------------------------------------------------------------
// Constants

/** Years of history a buyer asks for: « les 1 à 3 dernières années » (DOMAIN.md §8.3, point 1). */
export const TENDER_TREND_YEARS = 3;

/**
 * Weeks in a year over months in a year: the « mensualisation » that turns the legal 35-hour week
 * (Code du travail L3121-27) into 151,67 hours a month (35 × 52 / 12).
 */
export const WEEKS_PER_MONTH = 52 / 12;

/** Contractual hours of a full-time month: 35 h × 52 / 12 = 151,67 h. */
export const FULL_TIME_MONTHLY_HOURS = LEGAL_WEEKLY_HOURS * WEEKS_PER_MONTH;

/**
 * Women's share of the people on the national social-clauses scheme: 13 % in 2012, close to 19 %
 * in 2022 (GIP Maximilien, « Les fiches pratiques », égalité et clauses sociales, note 1; DOMAIN.md
 * §8.2, seed). Shown as a point of comparison, not a target.
 */
export const CLAUSES_WOMEN_SHARE = { 2012: 0.13, 2022: 0.19 } as const;

const HOURS = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const FTE = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** « 1 234 h » (thousands separated by a narrow no-break space). */
export function formatHours(hours: number): string {
  return `${HOURS.format(hours)}${NBSP}h`;
}

/** « 3,5 ETP ». */
export function formatFte(fte: number): string {
  return `${FTE.format(fte)}${NBSP}ETP`;
}

/** Contractual hours of one person over the year: time share × months present × 151,67 h. */
export function staffRowHours(row: Pick<StaffRow, "timeShare" | "monthsPresent">): number {
  return row.timeShare * row.monthsPresent * FULL_TIME_MONTHLY_HOURS;
}

// ---------------------------------------------------------------------------------------------
// Input

export interface TenderDiagnosticInput {
  year: number;
  /** Rows of the jobs table (MixityJobInput); invalid rows are left out. */
  jobs: readonly unknown[];
  /** The validated staff rows, when a staff file was imported: hours come from them. */
  staffRows?: readonly StaffRow[] | null;
  /** The Index as the results page shows it (buildResults().index), for the sheet's year. */
  indexResult?: IndexView | null;
  /** The diagnostic's plan, for the sheet's year. */
  plan?: Plan | null;
  planCheck?: PlanCheckSummary | null;
}

export interface TenderSheetInput {
  structure: ReportStructure;
  /** The year of the diagnostic the sheet is drawn from. */
  year: number;
  generatedAt: Date | string;
  /** The structure's diagnostics (any order, any years): the sheet's year and up to 2 earlier ones are used. */
  diagnostics: readonly TenderDiagnosticInput[];
  headcountBand?: HeadcountBand | null;
}

// ---------------------------------------------------------------------------------------------
// Figures

/** Where the « hours » of the sheet come from. */
export type HoursBasis = "heures" | "etp" | null;

export interface PathwayJob {
  label: string;
  women: number;
  men: number;
  headcount: number;
  shareWomen: number;
  class: MixityClass;
  lowHeadcount: boolean;
  /** Hours (basis « heures ») or FTE (basis « etp ») of women and men; null when unknown. */
  womenAmount: number | null;
  menAmount: number | null;
  shareWomenAmount: number | null;
}

export interface PathwayYear {
  year: number;
  jobs: PathwayJob[];
  women: number;
  men: number;
  headcount: number;
  /** Null when nobody is in a pathway. */
  shareWomen: number | null;
  basis: HoursBasis;
  womenAmount: number | null;
  menAmount: number | null;
  shareWomenAmount: number | null;
  jobsWithStaff: number;
  mixedJobs: number;
  /** The jobs table and the staff file do not count the same people in some job. */
  staffFileDiffers: boolean;
}

function norm(label: string): string {
  return label.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

function validJobs(rows: readonly unknown[]): MixityJobInput[] {
  const jobs: MixityJobInput[] = [];
  for (const row of rows) {
    const parsed = MixityJobInputSchema.safeParse(row);
    if (parsed.success) jobs.push(parsed.data);
  }
  return jobs;
}

function ratio(part: number, total: number): number | null {
  return total > 0 ? part / total : null;
}

/**
 * The people in pathways of one diagnostic, per job: persons from the jobs table (as the results
 * page counts them); hours from the staff file when there is one (time share × months × 151,67 h,
 * per job as the import grouped the titles), else the FTE of the jobs table when every job has
 * them, else nothing. Jobs sorted by share of women (highest first), then headcount, then title.
 */
export function pathwayYear(input: TenderDiagnosticInput): PathwayYear {
  const mixity = computeMixity(validJobs(input.jobs));
  const jobs = mixity.jobs.filter((j) => j.population === "parcours" && j.headcount > 0);
  const staff = input.staffRows && input.staffRows.length > 0 ? input.staffRows.filter((r) => r.population === "parcours") : null;
  const basis: HoursBasis = staff && staff.length > 0 ? "heures" : jobs.length > 0 && jobs.every((j) => j.fte !== null) ? "etp" : null;

  const staffJobs = new Map<string, { women: number; men: number; womenHours: number; menHours: number }>();
  let staffFileDiffers = false;
  if (basis === "heures") {
    for (const j of jobsFromStaffRows(staff!)) {
      // FTE of a year × 12 months × 151,67 h: the sum over the people of time share × months × 151,67 h.
      staffJobs.set(norm(j.label), {
        women: j.women,
        men: j.men,
        womenHours: (j.womenFte ?? 0) * MONTHS_IN_PERIOD * FULL_TIME_MONTHLY_HOURS,
        menHours: (j.menFte ?? 0) * MONTHS_IN_PERIOD * FULL_TIME_MONTHLY_HOURS,
      });
    }
  }

  const rows: PathwayJob[] = jobs.map((j) => {
    let womenAmount: number | null = null;
    let menAmount: number | null = null;
    if (basis === "heures") {
      const s = staffJobs.get(norm(j.label));
      if (s) {
        womenAmount = s.womenHours;
        menAmount = s.menHours;
        if (s.women !== j.women || s.men !== j.men) staffFileDiffers = true;
      } else staffFileDiffers = true;
    } else if (basis === "etp") {
      womenAmount = j.womenFte;
      menAmount = j.menFte;
    }
    return {
      label: j.label,
      women: j.women,
      men: j.men,
      headcount: j.headcount,
      shareWomen: j.shareWomen!,
      class: j.class!,
      lowHeadcount: j.lowHeadcount,
      womenAmount,
      menAmount,
      shareWomenAmount: womenAmount !== null && menAmount !== null ? ratio(womenAmount, womenAmount + menAmount) : null,
    };
  });
  rows.sort((a, b) => b.shareWomen - a.shareWomen || b.headcount - a.headcount || a.label.localeCompare(b.label, "fr"));

  const totals = mixity.totals.parcours;
  let womenAmount: number | null = null;
  let menAmount: number | null = null;
  if (basis === "heures") {
    womenAmount = 0;
    menAmount = 0;
    for (const r of staff!) {
      if (r.sex === "F") womenAmount += staffRowHours(r);
      else menAmount += staffRowHours(r);
    }
    if (staff!.length !== totals.headcount) staffFileDiffers = true;
  } else if (basis === "etp") {
    womenAmount = totals.womenFte;
    menAmount = totals.menFte;
  }
  return {
    year: input.year,
    jobs: rows,
    women: totals.women,
    men: totals.men,
    headcount: totals.headcount,
    shareWomen: totals.shareWomen,
    basis,
    womenAmount,
    menAmount,
    shareWomenAmount: womenAmount !== null && menAmount !== null ? ratio(womenAmount, womenAmount + menAmount) : null,
    jobsWithStaff: mixity.byPopulation.parcours.jobsWithStaff,
    mixedJobs: mixity.byPopulation.parcours.mixedJobs,
    staffFileDiffers,
  };
}

/** The sheet's year and up to TENDER_TREND_YEARS − 1 earlier diagnostics, newest first. */
export function trendYears(diagnostics: readonly TenderDiagnosticInput[], year: number): TenderDiagnosticInput[] {
  return [...diagnostics]
    .filter((d) => d.year <= year)
    .sort((a, b) => b.year - a.year)
    .slice(0, TENDER_TREND_YEARS);
}

function amountText(basis: HoursBasis, value: number | null): string {
  if (value === null || basis === null) return "—";
  return basis === "heures" ? formatHours(value) : formatFte(value);
}

function basisWord(basis: Exclude<HoursBasis, null>): string {
  return basis === "heures" ? "heures" : "ETP";
}

/** Difference of two shares in whole points as displayed (« + 7 points », « − 3 points », « stable »). */
export function pointsChange(from: number, to: number): { delta: number; text: string } {
  const delta = Math.round(to * 100) - Math.round(from * 100);
  if (delta === 0) return { delta, text: "stable" };
  return { delta, text: `${delta > 0 ? "+" : "\u2212"}${NBSP}${plural(Math.abs(delta), "point")}` };
}

// ---------------------------------------------------------------------------------------------
// Sections

function jobsTable(current: PathwayYear, parcoursLabel: string): Block {
  const columns: TableColumn[] = [
    { header: "Métier", width: current.basis ? 0.25 : 0.46 },
    { header: "Femmes", width: current.basis ? 0.1 : 0.14, align: "right" },
    { header: "Hommes", width: current.basis ? 0.1 : 0.14, align: "right" },
    { header: "Part de femmes (personnes)", width: current.basis ? 0.13 : 0.26, align: "right" },
  ];
  if (current.basis) {
    const w = basisWord(current.basis);
    columns.push(
      { header: `${current.basis === "heures" ? "Heures" : "ETP"} des femmes`, width: 0.13, align: "right" },
      { header: `${current.basis === "heures" ? "Heures" : "ETP"} des hommes`, width: 0.13, align: "right" },
      { header: `Part de femmes (${w})`, width: 0.16, align: "right" },
    );
  }
  const rows = current.jobs.map((j) => {
    const cells = [j.lowHeadcount ? `${j.label}${NBSP}*` : j.label, formatCount(j.women), formatCount(j.men), formatShare(j.shareWomen)];
    if (current.basis) cells.push(amountText(current.basis, j.womenAmount), amountText(current.basis, j.menAmount), formatShare(j.shareWomenAmount));
    return { cells };
  });
  const total = ["Ensemble", formatCount(current.women), formatCount(current.men), formatShare(current.shareWomen)];
  if (current.basis) total.push(amountText(current.basis, current.womenAmount), amountText(current.basis, current.menAmount), formatShare(current.shareWomenAmount));
  const notes: string[] = [];
  if (current.jobs.some((j) => j.lowHeadcount)) notes.push(`*${NBSP}Effectif faible (moins de ${MIXITY_LOW_HEADCOUNT}${NBSP}personnes)${NBSP}: à interpréter avec prudence.`);
  return {
    kind: "table",
    caption: `Femmes et hommes par métier en ${current.year}${NBSP}: ${parcoursLabel}`,
    rowHeaders: true,
    columns,
    rows: [...rows, { cells: total, emphasis: true }],
    note: notes.length ? notes.join(" ") : null,
  };
}

function basisNote(current: PathwayYear): string {
  if (current.basis === "heures") {
    return (
      `Les heures sont les heures contractuelles de l'année, calculées pour chaque personne à partir du fichier du personnel${NBSP}: ` +
      `temps de travail × mois de présence × 151,67${NBSP}h (durée légale de 35${NBSP}h par semaine, sur un mois).` +
      (current.staffFileDiffers
        ? ` Le tableau des emplois ne compte pas tout à fait les mêmes personnes que le fichier du personnel${NBSP}: les personnes viennent du tableau, les heures du fichier.`
        : "")
    );
  }
  if (current.basis === "etp") {
    return `Sans fichier du personnel, les heures ne sont pas connues une à une${NBSP}: la fiche utilise les équivalents temps plein (ETP) saisis dans le tableau des emplois, proportionnels aux heures travaillées.`;
  }
  return `Ni fichier du personnel ni équivalents temps plein (ETP) dans le tableau des emplois${NBSP}: la part des femmes dans les heures ne peut pas être calculée. Importez le fichier du personnel dans ${SERVICE_NAME} pour l'obtenir.`;
}

function trendSection(years: PathwayYear[], parcoursLabel: string): Section {
  const blocks: Block[] = [];
  const known = years.filter((y) => y.shareWomen !== null);
  if (known.length >= 2) {
    const newest = known[0];
    const oldest = known[known.length - 1];
    const change = pointsChange(oldest.shareWomen!, newest.shareWomen!);
    blocks.push({
      kind: "paragraph",
      text:
        change.delta === 0
          ? `De ${oldest.year} à ${newest.year}, la part de femmes parmi les ${parcoursLabel} est stable${NBSP}: ${formatShare(newest.shareWomen)}.`
          : `De ${oldest.year} à ${newest.year}, la part de femmes parmi les ${parcoursLabel} est passée de ${formatShare(oldest.shareWomen)} à ${formatShare(newest.shareWomen)} (${change.text}).`,
    });
  } else {
    blocks.push({
      kind: "paragraph",
      text: `${SERVICE_NAME} n'a qu'une année de diagnostic pour cette structure${NBSP}: l'évolution apparaîtra avec le diagnostic de l'année prochaine.`,
    });
  }
  blocks.push({
    kind: "table",
    caption: `Part de femmes parmi les ${parcoursLabel}, par année`,
    rowHeaders: true,
    columns: [
      { header: "Année", width: 0.12 },
      { header: "Personnes (femmes et hommes)", width: 0.28, align: "right" },
      { header: "Part de femmes (personnes)", width: 0.18, align: "right" },
      { header: "Part de femmes (heures ou ETP)", width: 0.22, align: "right" },
      { header: "Métiers mixtes", width: 0.2, align: "right" },
    ],
    rows: years.map((y) => ({
      cells: [
        String(y.year),
        `${formatCount(y.headcount)} (${formatCount(y.women)} et ${formatCount(y.men)})`,
        formatShare(y.shareWomen),
        y.basis && y.shareWomenAmount !== null ? `${formatShare(y.shareWomenAmount)} (${basisWord(y.basis)})` : "—",
        y.jobsWithStaff > 0 ? `${formatCount(y.mixedJobs)} sur ${formatCount(y.jobsWithStaff)}` : "—",
      ],
    })),
    note: `Pour comparer${NBSP}: sur le dispositif national des clauses sociales, la part des femmes est passée de ${formatShare(CLAUSES_WOMEN_SHARE[2012])} en 2012 à près de ${formatShare(CLAUSES_WOMEN_SHARE[2022])} en 2022 (GIP Maximilien).`,
  });
  return { id: "evolution", title: "L'évolution sur les dernières années", blocks };
}

function isCommitment(a: PlanAction): boolean {
  return a.indicator.target !== null && a.deadline !== null;
}

function commitmentsSection(plan: Plan | null): Section {
  if (!plan) {
    return {
      id: "engagements",
      title: "Engagements chiffrés et datés",
      blocks: [
        {
          kind: "paragraph",
          text: `Aucun plan d'action n'est saisi dans ${SERVICE_NAME} pour cette année${NBSP}: la fiche ne peut pas encore présenter d'engagement chiffré et daté. Les objectifs propres au marché (par exemple une part des heures d'insertion réalisées par des femmes à 12${NBSP}mois) sont à ajouter dans la réponse.`,
        },
      ],
    };
  }
  const active = activeActions(plan);
  const commitments = active.filter(isCommitment).sort((a, b) => (a.deadline! < b.deadline! ? -1 : a.deadline! > b.deadline! ? 1 : 0));
  const blocks: Block[] = [];
  if (commitments.length === 0) {
    blocks.push({ kind: "paragraph", text: "Aucune action du plan n'a encore à la fois une valeur cible et une échéance." });
  } else {
    blocks.push({
      kind: "paragraph",
      text: `Actions ${plan.kind === "accord" ? "de l'accord" : "du plan d'action"} (du ${formatPlanDate(plan.periodStart)} au ${formatPlanDate(plan.periodEnd)}) qui ont une valeur cible et une échéance, de la plus proche à la plus lointaine${NBSP}:`,
    });
    blocks.push({
      kind: "table",
      caption: "Engagements chiffrés et datés du plan",
      rowHeaders: true,
      columns: [
        { header: "Engagement", width: 0.3 },
        { header: "Indicateur", width: 0.31 },
        { header: "Échéance", width: 0.15 },
        { header: "Responsable", width: 0.13 },
        { header: "État", width: 0.11 },
      ],
      rows: commitments.map((a) => ({
        cells: [a.objective.trim() ? `${a.title}\n${a.objective.trim()}` : a.title, indicatorText(a), formatFrenchDate(a.deadline!), a.owner.trim() || "À désigner", PLAN_ACTION_STATUS_LABELS[a.status]],
      })),
      note: null,
    });
  }
  const missing = active.length - commitments.length;
  if (missing > 0) {
    blocks.push({
      kind: "paragraph",
      style: "small",
      text: `${plural(missing, "autre action du plan n'a", "autres actions du plan n'ont")} pas encore de valeur cible ou d'échéance${NBSP}: ${missing < 2 ? "elle ne figure" : "elles ne figurent"} pas ici.`,
    });
  }
  return { id: "engagements", title: "Engagements chiffrés et datés", blocks };
}

function barriersSection(plan: Plan | null): Section {
  const title = "Actions sur les freins périphériques";
  const intro = `Mobilité, confiance en soi, garde d'enfants, violences, temps partiel subi, accès au numérique${NBSP}: ces freins à l'emploi touchent plus souvent les femmes (GIP Maximilien, d'après la FNCIDFF).`;
  if (!plan) {
    return { id: "freins", title, blocks: [{ kind: "paragraph", text: intro }, { kind: "paragraph", text: "Aucun plan d'action n'est saisi pour cette année." }] };
  }
  const addressed = barriersAddressed(plan);
  const blocks: Block[] = [{ kind: "paragraph", text: intro }];
  if (addressed.length === 0) {
    blocks.push({ kind: "paragraph", text: "Aucune action du plan n'est rattachée à un frein périphérique." });
  } else {
    blocks.push({
      kind: "table",
      caption: "Freins périphériques traités par le plan",
      rowHeaders: true,
      columns: [
        { header: "Frein", width: 0.22 },
        { header: "Actions du plan", width: 0.78 },
      ],
      rows: addressed.map((b) => ({
        cells: [
          b.label,
          b.actions
            .map((a) => `${a.title} (${PLAN_ACTION_STATUS_LABELS[a.status].toLowerCase()}${a.deadline ? `, échéance le ${formatFrenchDate(a.deadline)}` : ""})`)
            .join("\n"),
        ],
      })),
      note: null,
    });
  }
  const missing = BARRIERS.filter((b) => !addressed.some((x) => x.barrier === b)).map((b) => BARRIER_LABELS[b].toLowerCase());
  if (missing.length > 0 && addressed.length > 0) {
    blocks.push({ kind: "paragraph", style: "small", text: `Non traités par le plan${NBSP}: ${joinFrench(missing)}.` });
  }
  return { id: "freins", title, blocks };
}

function indexStatus(index: IndexView | null | undefined): StatusLine {
  const label = "Index de l'égalité professionnelle";
  if (!index) return { label, value: "Non renseigné (profil de la structure à compléter)", tone: "neutral" };
  if (index.state === "calcule" || index.state === "non_calculable") {
    const value = index.indicative
      ? `${index.display} (estimation indicative${NBSP}: moins de 50 salariés, pas d'obligation de publier)`
      : `${index.display}${NBSP}; à publier chaque année avant le ${INDEX_PUBLICATION_DEADLINE}`;
    const level = index.obligation?.level;
    return { label, value, tone: level === "corrective" || level === "objectives" ? "attention" : level === "none" ? "positive" : "neutral" };
  }
  const state = INDEX_STATE_TEXT[index.state];
  return {
    label,
    value: index.obligatory ? `Non estimé${NBSP}: ${state} Obligatoire à partir de 50 salariés.` : `Non estimé${NBSP}: non obligatoire sous 50 salariés.`,
    tone: index.obligatory ? "attention" : "neutral",
  };
}

function planStatus(plan: Plan | null | undefined, check: PlanCheckSummary | null | undefined): StatusLine {
  if (!plan) return { label: "Plan d'action", value: `Pas de plan d'action saisi dans ${SERVICE_NAME} pour cette année`, tone: "neutral" };
  const period = `Du ${formatPlanDate(plan.periodStart)} au ${formatPlanDate(plan.periodEnd)}`;
  const errors = check?.errors.length ?? 0;
  return {
    label: PLAN_KIND_LABELS[plan.kind],
    value:
      errors === 0
        ? `${period}${NBSP}: complet (domaines, rémunération effective, indicateurs chiffrés, échéances, responsables, coûts)`
        : `${period}${NBSP}: en cours de rédaction (${plural(errors, "point", "points")} à compléter)`,
    tone: errors === 0 ? "positive" : "neutral",
  };
}

function complianceSection(current: TenderDiagnosticInput): Section {
  const index = indexStatus(current.indexResult);
  const plan = planStatus(current.plan, current.planCheck);
  const blocks: Block[] = [
    {
      kind: "table",
      caption: "Index et plan d'action de la structure",
      rowHeaders: true,
      columns: [
        { header: "Obligation", width: 0.3 },
        { header: "Situation", width: 0.7 },
      ],
      rows: [{ cells: [index.label, index.value] }, { cells: [plan.label, plan.value] }],
      note: null,
    },
  ];
  const obligation = current.indexResult?.obligation;
  if (obligation && !current.indexResult?.indicative) blocks.push({ kind: "paragraph", style: "small", text: `${obligation.label}. ${obligation.text}` });
  blocks.push({
    kind: "paragraph",
    style: "small",
    text: `À partir de 50 salariés, l'Index est publié chaque année avant le ${INDEX_PUBLICATION_DEADLINE} et la structure est couverte par un accord sur l'égalité professionnelle ou, à défaut, par un plan d'action (Code du travail, art. L2242-8).`,
  });
  return { id: "conformite", title: "Index et plan d'action", blocks };
}

const TO_COMPLETE = [
  "Les chiffres propres au marché visé, si l'acheteur les demande pour les seules personnes affectées à son exécution (la fiche porte sur toute la structure).",
  `Vos résultats sur des marchés comparables${NBSP}: part des femmes dans les heures d'insertion réalisées, d'après les bilans de la ou du facilitateur des clauses sociales.`,
  `Un engagement chiffré et daté pour ce marché (par exemple ${quote("au moins 30\u00a0% des heures d'insertion réalisées par des femmes à 12\u00a0mois")}) et le calendrier de suivi convenu avec la ou le facilitateur.`,
  `Les moyens concrets${NBSP}: partenaires pour trouver des candidates (CIDFF, France Travail, prescripteurs), immersions, horaires compatibles avec la garde d'enfants, vestiaires et équipements adaptés, tutrices ou encadrantes, procédure contre les agissements sexistes.`,
];

// ---------------------------------------------------------------------------------------------
// Entry point

/** « fiche-egalite-marche-public-<structure>-<année>.pdf ». */
export function tenderSheetFileName(structureName: string, year: number): string {
  return `fiche-egalite-marche-public-${slugify(structureName)}-${year}.pdf`;
}

/**
 * The « Fiche égalité pour répondre à un marché public » of a structure for `year`, as plain data:
 * a first page with the women's share of the people in pathways (persons, and hours or FTE, saying
 * which), the trend, the Index and plan status; then the table per job, the last years (up to 3),
 * commitments with figures and dates from the plan, the actions on peripheral barriers, compliance,
 * what to add to the answer, and the method. Works without a plan (and says so). Throws when no
 * diagnostic of `year` is given.
 */
export function buildTenderSheetModel(input: TenderSheetInput): PdfDocumentModel {
  const { structure, year } = input;
  const years = trendYears(input.diagnostics, year);
  const current = years[0];
  if (!current || current.year !== year) throw new Error(`No diagnostic of ${year} in the tender sheet input`);
  const type: StructureType = structure.type ?? "autre";
  const parcoursLabel = populationWording("parcours", type).label;
  const figures = years.map(pathwayYear);
  const now = figures[0];
  const plan = current.plan ?? null;

  const title = "Fiche égalité pour répondre à un marché public";
  const coverFigures: CoverFigure[] = [];
  const shareClass = now.headcount > 0 ? classifyMixity(now.women, now.men) : null;
  coverFigures.push({
    label: `Part de femmes parmi les ${parcoursLabel}`,
    value: formatShare(now.shareWomen),
    detail: now.headcount > 0 ? `${plural(now.women, "femme")} et ${plural(now.men, "homme")} en ${year}` : null,
    meaning:
      now.headcount === 0
        ? `Le tableau des emplois ne compte personne en parcours pour ${year}.`
        : `En ${year}, ${formatShare(now.shareWomen)} des ${parcoursLabel} sont des femmes${shareClass ? ` (${MIXITY_CLASS_LABELS[shareClass].toLowerCase()})` : ""}. Pour comparer, les femmes représentaient près de ${formatShare(CLAUSES_WOMEN_SHARE[2022])} des personnes sur le dispositif national des clauses sociales en 2022.`,
    tone: shareClass === "mixte" ? "positive" : "attention",
  });
  if (now.basis) {
    const w = basisWord(now.basis);
    coverFigures.push({
      label: now.basis === "heures" ? "Part de femmes dans les heures de travail" : "Part de femmes dans les équivalents temps plein",
      value: formatShare(now.shareWomenAmount),
      detail: `${amountText(now.basis, now.womenAmount)} sur ${amountText(now.basis, (now.womenAmount ?? 0) + (now.menAmount ?? 0))}`,
      meaning:
        now.basis === "heures"
          ? `Heures contractuelles de l'année des ${parcoursLabel}, d'après le fichier du personnel. Un écart avec la part en personnes signale des temps partiels ou des contrats plus courts pour l'un des deux sexes.`
          : `Sans fichier du personnel, la part est calculée sur les équivalents temps plein (${w}) du tableau des emplois.`,
      tone: "neutral",
    });
  }
  if (now.jobsWithStaff > 0) {
    coverFigures.push({
      label: `Métiers mixtes chez les ${parcoursLabel}`,
      value: `${formatCount(now.mixedJobs)} sur ${formatCount(now.jobsWithStaff)}`,
      detail: null,
      meaning: `Un métier est mixte quand il compte entre ${formatShare(MIXITY_MIN_SHARE_WOMEN)} et ${formatShare(MIXITY_MAX_SHARE_WOMEN)} de femmes (règle de l'UDES, bornes comprises).`,
      tone: now.mixedJobs * 2 >= now.jobsWithStaff ? "positive" : "attention",
    });
  }
  const oldest = figures.filter((f) => f.shareWomen !== null).at(-1);
  if (oldest && oldest.year !== year && now.shareWomen !== null) {
    const change = pointsChange(oldest.shareWomen!, now.shareWomen);
    coverFigures.push({
      label: `Évolution depuis ${oldest.year}`,
      value: capitalizeFirst(change.text),
      detail: `${formatShare(oldest.shareWomen)} en ${oldest.year}, ${formatShare(now.shareWomen)} en ${year}`,
      meaning: `Part de femmes parmi les ${parcoursLabel}, en points de pourcentage.`,
      tone: change.delta > 0 ? "positive" : "neutral",
    });
  }
  const commitments = plan ? activeActions(plan).filter(isCommitment).length : 0;
  coverFigures.push({
    label: "Engagements chiffrés et datés",
    value: plan ? formatCount(commitments) : "—",
    detail: plan ? `${PLAN_KIND_LABELS[plan.kind]} du ${formatPlanDate(plan.periodStart)} au ${formatPlanDate(plan.periodEnd)}` : "Pas de plan d'action saisi",
    meaning: plan ? "Actions du plan qui ont une valeur cible et une échéance (détail plus loin)." : `La structure n'a pas encore saisi de plan d'action dans ${SERVICE_NAME}.`,
    tone: commitments > 0 ? "positive" : "neutral",
  });

  const facts: Cover["facts"] = [{ label: "Structure", value: structure.name }];
  facts.push({ label: "Type", value: STRUCTURE_TYPE_LABELS[type] });
  if (structure.siret) facts.push({ label: "SIRET", value: formatSiret(structure.siret) });
  const place = formatPlace(structure.commune, structure.departement);
  if (place) facts.push({ label: "Commune", value: place });
  facts.push({ label: "Année de référence", value: String(year) });
  facts.push({ label: "Document établi le", value: formatLongDate(input.generatedAt) });

  const sections: Section[] = [];
  const perJob: Block[] = [];
  if (now.jobs.length === 0) {
    perJob.push({ kind: "paragraph", text: `Le tableau des emplois ne compte personne en parcours pour ${year}.` });
  } else {
    perJob.push({
      kind: "paragraph",
      text: `Chaque barre montre la part de femmes et d'hommes parmi les ${parcoursLabel} d'un métier${NBSP}; la bande en pointillés est la «${NBSP}zone de mixité${NBSP}» (40 à 60${NBSP}% de femmes).`,
    });
    perJob.push(
      mixityChartFromRows(
        now.jobs.map((j) => ({ label: j.label, women: j.women, men: j.men, lowHeadcount: j.lowHeadcount })),
        `Part de femmes et d'hommes dans chaque métier, ${parcoursLabel}, en ${year}${NBSP}: ${now.mixedJobs === 0 ? "aucun métier n'est" : `${plural(now.mixedJobs, "métier")} sur ${formatCount(now.jobsWithStaff)} ${now.mixedJobs < 2 ? "est" : "sont"}`} dans la zone de mixité. Le détail est dans le tableau qui suit.`,
      ),
    );
    perJob.push(jobsTable(now, parcoursLabel));
  }
  perJob.push({ kind: "paragraph", style: "small", text: basisNote(now) });
  sections.push({ id: "metiers", title: `Les ${parcoursLabel}, par métier`, blocks: perJob, newPage: true });
  sections.push(trendSection(figures, parcoursLabel));
  sections.push(commitmentsSection(plan));
  sections.push(barriersSection(plan));
  sections.push(complianceSection(current));
  sections.push({
    id: "a-completer",
    title: "À compléter pour votre réponse",
    blocks: [
      { kind: "paragraph", text: "Un critère ou un sous-critère «\u00a0égalité\u00a0» d'un marché public demande souvent aussi\u00a0:" },
      { kind: "list", items: TO_COMPLETE },
    ],
  });
  sections.push({
    id: "methode",
    title: "Sources et méthode",
    blocks: [
      {
        kind: "paragraph",
        style: "small",
        text:
          `Chiffres issus de l'autodiagnostic réalisé par la structure avec ${SERVICE_NAME} (données déclarées, non certifiées). ` +
          `Les personnes sont celles du tableau des emplois de chaque année${NBSP}; ${basisNote(now).charAt(0).toLowerCase()}${basisNote(now).slice(1)} ` +
          `Mixité${NBSP}: règle de l'UDES (entre ${formatShare(MIXITY_MIN_SHARE_WOMEN)} et ${formatShare(MIXITY_MAX_SHARE_WOMEN)} de femmes, bornes comprises).`,
      },
    ],
  });

  const headline =
    now.headcount === 0
      ? null
      : `En ${year}, les femmes représentent ${formatShare(now.shareWomen)} des ${parcoursLabel} (${formatCount(now.women)} sur ${formatCount(now.headcount)})` +
        (now.basis && now.shareWomenAmount !== null ? ` et ${formatShare(now.shareWomenAmount)} des ${now.basis === "heures" ? "heures de travail prévues à leurs contrats" : "équivalents temps plein"}` : "") +
        ".";

  return {
    kind: "fiche_marche_public",
    meta: {
      title: `${title} – ${structure.name} – ${year}`,
      subject: "Égalité entre les femmes et les hommes parmi les personnes en parcours d'insertion, pour une réponse à un marché public avec clause sociale",
      author: structure.name,
      keywords: ["égalité professionnelle", "clause sociale", "marché public", "insertion", String(year)],
      lang: "fr-FR",
    },
    fileName: tenderSheetFileName(structure.name, year),
    watermark: null,
    footer: `${SERVICE_NAME} · ${structure.name} · Fiche égalité marché public ${year}`,
    cover: {
      kicker: `${SERVICE_NAME} · réponse à un marché public avec clause sociale`,
      title,
      structureName: structure.name,
      facts,
      status: [indexStatus(current.indexResult), planStatus(plan, current.planCheck)],
      headline,
      figuresTitle: "En bref",
      figures: coverFigures,
      note: `Les chiffres portent sur l'ensemble de la structure en ${year}, pas sur un marché en particulier.`,
    },
    sections,
  };
}

function capitalizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
