/**
 * Evaluates the triggers of a catalogue action against a diagnostic and words, in plain French, why
 * each fired (« Vous avez répondu « Non » à : … », « 5 métiers sur 7 sont à prédominance masculine… »).
 */
import {
  DONT_KNOW,
  DONT_KNOW_LABEL,
  PARCOURS_WORDING,
  YNP_LABELS,
  adaptWording,
  answerSchemaFor,
  getQuestion,
  isApplicable,
  type AnswerValue,
  type Question,
  type YnpValue,
} from "../questionnaire.ts";
import type { Profile } from "../types.ts";
import { matchesAnswerTrigger } from "./catalogue.ts";
import { NBSP, formatNumber, formatPercent, joinFrench, plural, quote } from "./format.ts";
import {
  INDEX_CORRECTIVE_MEASURES_BELOW,
  INDEX_INDICATOR_LABELS,
  INDEX_INDICATOR_MAX_POINTS,
  INDEX_PROGRESS_OBJECTIVES_BELOW,
  MIXITY_LOWER_PCT,
  MIXITY_UPPER_PCT,
  type DiagnosticInput,
  type IndexSummary,
  type MixityJobSummary,
  type MixitySummary,
} from "./inputs.ts";
import type {
  AnswerTrigger,
  CatalogueAction,
  IndexTrigger,
  MixityTrigger,
  ProfileGroup,
  ProfileTrigger,
} from "./types.ts";

export type TriggerSource = "answer" | "mixity" | "index" | "profile";

/** One trigger that fired, with the sentence shown to the user. */
export interface FiredTrigger {
  readonly source: TriggerSource;
  readonly reason: string;
  /** Set for answer triggers. */
  readonly questionId?: string;
}

/** Most job labels quoted as examples in a mixity reason. */
export const MAX_JOB_EXAMPLES = 2;

// ---------------------------------------------------------------------------------------------
// Answers

/** The valid stored answer to this question when the question applies to the profile; undefined otherwise. */
export function usableAnswer(question: Question, value: AnswerValue | undefined, profile: Profile): AnswerValue | undefined {
  if (value === undefined || !isApplicable(question, profile)) return undefined;
  return answerSchemaFor(question).safeParse(value).success ? value : undefined;
}

function optionLabel(question: Question, value: string): string {
  if (value === DONT_KNOW) return DONT_KNOW_LABEL;
  if (question.kind === "ynp") return YNP_LABELS[value as YnpValue] ?? value;
  if (question.kind === "single" || question.kind === "multiple") {
    return question.options.find((o) => o.value === value)?.label ?? value;
  }
  return value;
}

function numberWithUnit(question: Question, value: number): string {
  if (question.kind === "percentage") return formatPercent(value);
  if (question.kind === "number") {
    const unit = Math.abs(value) < 2 ? question.unit.replace(/s$/, "") : question.unit;
    return `${formatNumber(value)}${NBSP}${unit}`;
  }
  return formatNumber(value);
}

/** The sentence explaining why this answer meets this trigger. */
export function answerReason(trigger: AnswerTrigger, question: Question, value: AnswerValue, profile: Profile): string {
  const text = adaptWording(question.text, profile.structureType);
  const onQuestion = `à${NBSP}: ${text}`;
  if ("lacks" in trigger) {
    return `Vous n'avez pas coché ${quote(optionLabel(question, trigger.lacks))} ${onQuestion}`;
  }
  if ("is" in trigger) {
    const listed: readonly string[] = trigger.is;
    const matched = Array.isArray(value) ? (value.find((v) => listed.includes(v)) ?? value[0]) : String(value);
    return `Vous avez répondu ${quote(optionLabel(question, matched))} ${onQuestion}`;
  }
  const n = value as number;
  let benchmark: string;
  if ("below" in trigger) benchmark = `au moins ${numberWithUnit(question, trigger.below)}`;
  else if ("atLeast" in trigger) benchmark = `moins de ${numberWithUnit(question, trigger.atLeast)}`;
  else benchmark = `au plus ${numberWithUnit(question, trigger.above)}`;
  return `Vous avez indiqué ${numberWithUnit(question, n)} (repère${NBSP}: ${benchmark}) ${onQuestion}`;
}

function firedAnswerTriggers(action: CatalogueAction, input: DiagnosticInput): FiredTrigger[] {
  const fired: FiredTrigger[] = [];
  const seen = new Set<string>();
  for (const trigger of action.triggers.answers ?? []) {
    if (seen.has(trigger.question)) continue;
    const question = getQuestion(trigger.question);
    if (!question) continue;
    const value = usableAnswer(question, input.answers[trigger.question], input.profile);
    if (value === undefined || !matchesAnswerTrigger(trigger, value)) continue;
    seen.add(trigger.question);
    fired.push({ source: "answer", questionId: trigger.question, reason: answerReason(trigger, question, value, input.profile) });
  }
  return fired;
}

// ---------------------------------------------------------------------------------------------
// Mixity

const POPULATION_IDS: readonly string[] = ["permanent", "parcours"];

/** Jobs with people, of one population when given; rows of any other population (e.g. combined rows) are left out. */
export function classifiedJobs(mixity: MixitySummary, population?: string): MixityJobSummary[] {
  return mixity.jobs.filter((job) => {
    if (job.class === null) return false;
    if (population) return job.population === population;
    return job.population === undefined || job.population === null || POPULATION_IDS.includes(job.population);
  });
}

function populationPhrase(population: string | undefined, profile: Profile): string {
  if (population === "parcours") return ` chez les ${PARCOURS_WORDING[profile.structureType].masculine}`;
  if (population === "permanent") return " dans l'équipe permanente";
  return "";
}

function examples(jobs: readonly MixityJobSummary[]): string {
  const all = [...new Set(jobs.map((j) => j.label))].map(quote);
  if (all.length === 0) return "";
  return all.length <= MAX_JOB_EXAMPLES
    ? `${NBSP}: ${joinFrench(all)}`
    : `, par exemple ${joinFrench(all.slice(0, MAX_JOB_EXAMPLES))}`;
}

function lowHeadcountNote(jobs: readonly MixityJobSummary[]): string {
  const low = jobs.filter((j) => j.lowHeadcount).length;
  if (low === 0) return "";
  return low === jobs.length
    ? ` ${low < 2 ? "Ce métier compte" : "Ces métiers comptent"} peu de personnes${NBSP}: à interpréter avec prudence.`
    : ` ${formatNumber(low)} de ces métiers ${low < 2 ? "compte" : "comptent"} peu de personnes${NBSP}: à interpréter avec prudence.`;
}

/** The sentence explaining why the mixity figures meet this trigger, or null when they do not. */
export function mixityReason(trigger: MixityTrigger, mixity: MixitySummary, profile: Profile): string | null {
  if (trigger.kind === "no_mixed_job") {
    const jobs = classifiedJobs(mixity);
    if (jobs.length === 0 || jobs.some((j) => j.class === "mixte")) return null;
    const band = `entre ${MIXITY_LOWER_PCT}${NBSP}% et ${MIXITY_UPPER_PCT}${NBSP}% de femmes`;
    return jobs.length === 1
      ? `Votre seul métier n'est pas mixte (${band}).${lowHeadcountNote(jobs)}`
      : `Aucun de vos ${plural(jobs.length, "métier")} n'est mixte (${band}).${lowHeadcountNote(jobs)}`;
  }
  const all = classifiedJobs(mixity, trigger.population);
  const wanted = trigger.kind === "masculine_jobs" ? "masculin" : "feminin";
  const matched = all.filter((j) => j.class === wanted);
  if (matched.length === 0) return null;
  const what =
    trigger.kind === "masculine_jobs"
      ? `à prédominance masculine (moins de ${MIXITY_LOWER_PCT}${NBSP}% de femmes)`
      : `à prédominance féminine (plus de ${MIXITY_UPPER_PCT}${NBSP}% de femmes)`;
  const verb = matched.length < 2 ? "est" : "sont";
  return `${plural(matched.length, "métier")} sur ${formatNumber(all.length)} ${verb} ${what}${populationPhrase(trigger.population, profile)}${examples(matched)}.${lowHeadcountNote(matched)}`;
}

// ---------------------------------------------------------------------------------------------
// Index

/** True when the Index figures are a legal matter for this structure (50 or more, not an indicative estimate). */
export function indexIsBinding(index: IndexSummary, profile: Profile): boolean {
  return profile.headcountBand !== "moins_50" && index.indicative !== true;
}

function indicativeNote(index: IndexSummary, profile: Profile): string {
  return indexIsBinding(index, profile)
    ? ""
    : ` Estimation indicative${NBSP}: l'Index n'est obligatoire qu'à partir de 50 salariés.`;
}

/** The sentence explaining why the Index result meets this trigger, or null when it does not. */
export function indexReason(trigger: IndexTrigger, index: IndexSummary, profile: Profile): string | null {
  if (trigger.kind === "pay_not_calculable") {
    if (!index.pay || index.pay.calculable) return null;
    return `L'indicateur ${quote(INDEX_INDICATOR_LABELS.pay)} de l'Index n'est pas calculable${NBSP}: trop peu de femmes et d'hommes dans des groupes comparables. Une analyse des salaires poste par poste reste possible et utile.`;
  }
  if (trigger.kind === "indicator_below_max") {
    const indicator = index[trigger.indicator];
    if (!indicator || !indicator.calculable || indicator.points === null) return null;
    const max = indicator.maxPoints ?? INDEX_INDICATOR_MAX_POINTS[trigger.indicator];
    if (indicator.points >= max) return null;
    return `Index de l'égalité professionnelle, indicateur ${quote(INDEX_INDICATOR_LABELS[trigger.indicator])}${NBSP}: ${plural(indicator.points, "point")} sur ${formatNumber(max)}.${indicativeNote(index, profile)}`;
  }
  const { calculable, value } = index.index;
  if (!calculable || value === null || value >= trigger.threshold) return null;
  const base = `Votre Index de l'égalité professionnelle est de ${formatNumber(value)} sur 100, sous ${formatNumber(trigger.threshold)}`;
  if (!indexIsBinding(index, profile)) return `${base}.${indicativeNote(index, profile)}`;
  if (trigger.threshold === INDEX_CORRECTIVE_MEASURES_BELOW) {
    return `${base}${NBSP}: la loi impose des mesures de correction et de rattrapage pour atteindre au moins ${INDEX_CORRECTIVE_MEASURES_BELOW} en 3 ans.`;
  }
  if (trigger.threshold === INDEX_PROGRESS_OBJECTIVES_BELOW) {
    return `${base}${NBSP}: la loi impose de fixer et de publier des objectifs de progression pour chaque indicateur qui n'a pas tous ses points.`;
  }
  return `${base}.`;
}

// ---------------------------------------------------------------------------------------------
// Profile

const GROUP_PHRASES: Readonly<Record<ProfileGroup, (profile: Profile) => string>> = {
  parcours: (p) => `des ${PARCOURS_WORDING[p.structureType].masculine}`,
  permanent: () => "de l'équipe permanente",
  board: () => "du conseil d'administration ou du bureau",
  direction: () => "de l'équipe de direction",
};

/** Women and men of a group of the profile; null when unknown. */
export function profileCounts(profile: Profile, group: ProfileGroup): { women: number; men: number } | null {
  const pick = (w: number | null | undefined, m: number | null | undefined) =>
    typeof w === "number" && typeof m === "number" ? { women: w, men: m } : null;
  switch (group) {
    case "parcours":
      return pick(profile.parcoursWomen, profile.parcoursMen);
    case "permanent":
      return pick(profile.permanentWomen, profile.permanentMen);
    case "board":
      return pick(profile.boardWomen, profile.boardMen);
    case "direction":
      return pick(profile.directionWomen, profile.directionMen);
  }
}

/** Share of women (0–100) of a group of the profile; null when unknown or empty. */
export function profileWomenShare(profile: Profile, group: ProfileGroup): number | null {
  const counts = profileCounts(profile, group);
  if (!counts || counts.women + counts.men === 0) return null;
  return (100 * counts.women) / (counts.women + counts.men);
}

/** The sentence explaining why the profile meets this trigger, or null when it does not. */
export function profileReason(trigger: ProfileTrigger, profile: Profile): string | null {
  const share = profileWomenShare(profile, trigger.group);
  const counts = profileCounts(profile, trigger.group);
  if (share === null || counts === null || share >= trigger.threshold) return null;
  return `Les femmes représentent ${formatPercent(share)} ${GROUP_PHRASES[trigger.group](profile)} (${formatNumber(counts.women)} sur ${formatNumber(counts.women + counts.men)}), moins de ${formatPercent(trigger.threshold)}.`;
}

// ---------------------------------------------------------------------------------------------

/** Every trigger of the action that fires for this diagnostic, answers first, one per question, with its French reason. */
export function firedTriggers(action: CatalogueAction, input: DiagnosticInput): FiredTrigger[] {
  const fired = firedAnswerTriggers(action, input);
  if (input.mixity) {
    for (const trigger of action.triggers.mixity ?? []) {
      const reason = mixityReason(trigger, input.mixity, input.profile);
      if (reason) fired.push({ source: "mixity", reason });
    }
  }
  if (input.index) {
    for (const trigger of action.triggers.index ?? []) {
      const reason = indexReason(trigger, input.index, input.profile);
      if (reason) fired.push({ source: "index", reason });
    }
  }
  for (const trigger of action.triggers.profile ?? []) {
    const reason = profileReason(trigger, input.profile);
    if (reason) fired.push({ source: "profile", reason });
  }
  return dedupeReasons(fired);
}

function dedupeReasons(fired: FiredTrigger[]): FiredTrigger[] {
  const seen = new Set<string>();
  return fired.filter((f) => (seen.has(f.reason) ? false : (seen.add(f.reason), true)));
}
