/**
 * The nine-domain questionnaire: question types, the question bank, applicability rules and the zod
 * schemas that validate a stored answer (forms and imports use the same schemas).
 * Pure module: no I/O, no framework.
 */
import { z } from "zod";
import { DOMAIN_IDS, type DomainId, type HeadcountBand, type Population, type Profile, type StructureType } from "./types.ts";
import { EMBAUCHE_QUESTIONS } from "./questions/embauche.ts";
import { FORMATION_QUESTIONS } from "./questions/formation.ts";
import { PROMOTION_QUESTIONS } from "./questions/promotion.ts";
import { QUALIFICATION_QUESTIONS } from "./questions/qualification.ts";
import { CLASSIFICATION_QUESTIONS } from "./questions/classification.ts";
import { CONDITIONS_TRAVAIL_QUESTIONS } from "./questions/conditions-travail.ts";
import { SANTE_SECURITE_QUESTIONS } from "./questions/sante-securite.ts";
import { REMUNERATION_QUESTIONS } from "./questions/remuneration.ts";
import { ARTICULATION_QUESTIONS } from "./questions/articulation.ts";

/** Stored value of the honest « Je ne sais pas » answer, the same for every kind of question. */
export const DONT_KNOW = "ne_sait_pas";
export type DontKnow = typeof DONT_KNOW;

export const YNP_VALUES = ["oui", "en_partie", "non", DONT_KNOW] as const;
export type YnpValue = (typeof YNP_VALUES)[number];

/** Conditions under which a question is asked. Every listed condition must hold; none → asked to all. */
export interface Applicability {
  /** Only for these structure types. */
  readonly structureTypes?: readonly StructureType[];
  /** Only for these legal headcount bands. */
  readonly headcountBands?: readonly HeadcountBand[];
  /** Only when the structure has a CSE (comité social et économique). */
  readonly requiresCse?: boolean;
  /** Only when a délégué syndical is designated. */
  readonly requiresDelegueSyndical?: boolean;
}

/** A yes / partly / no question: each answer maps to a value in 0..1 (default oui 1, en partie 0.5, non 0). */
export interface YnpScoring {
  readonly weight: number;
  readonly values?: Readonly<Record<Exclude<YnpValue, DontKnow>, number>>;
}

/**
 * Numeric answer → 0..1 by piecewise-linear interpolation between `points` ([answer, value] pairs,
 * sorted by answer); below the first point the first value applies, above the last the last value.
 */
export interface NumericScoring {
  readonly weight: number;
  readonly points: readonly (readonly [number, number])[];
}

/** Choice questions: each option carries its own contribution, the weight applies to the question. */
export interface ChoiceScoring {
  readonly weight: number;
}

export interface ChoiceOption {
  readonly value: string;
  readonly label: string;
  /**
   * Contribution in 0..1 when chosen. `null` = « non concerné »: the question counts as answered but
   * is left out of the score. For multiple choice, contributions of the ticked options add up (capped at 1).
   */
  readonly score: number | null;
  /** Multiple choice only: this option (« Aucune ») cannot be ticked with another. */
  readonly exclusive?: boolean;
}

interface QuestionBase {
  /** Stable id « <domain>.<snake_case> », stored in the database and referenced by actions. */
  readonly id: string;
  readonly domain: DomainId;
  /** The question, in plain French, ending with « ? ». */
  readonly text: string;
  /** Why it matters, with the legal rule when there is one. */
  readonly help: string;
  readonly legalReference?: string;
  /** Set when the question is only about permanent staff or only about people in pathways. */
  readonly population?: Population;
  readonly appliesTo?: Applicability;
}

export interface YnpQuestion extends QuestionBase {
  readonly kind: "ynp";
  readonly scoring: YnpScoring;
}

export interface NumberQuestion extends QuestionBase {
  readonly kind: "number";
  readonly min: number;
  readonly max: number;
  /** Unit shown beside the field, e.g. « jours ». */
  readonly unit: string;
  readonly integer?: boolean;
  readonly scoring: NumericScoring;
}

export interface PercentageQuestion extends QuestionBase {
  readonly kind: "percentage";
  readonly scoring: NumericScoring;
}

export interface SingleChoiceQuestion extends QuestionBase {
  readonly kind: "single";
  readonly options: readonly ChoiceOption[];
  readonly scoring: ChoiceScoring;
}

export interface MultipleChoiceQuestion extends QuestionBase {
  readonly kind: "multiple";
  readonly options: readonly ChoiceOption[];
  readonly scoring: ChoiceScoring;
}

export type Question =
  | YnpQuestion
  | NumberQuestion
  | PercentageQuestion
  | SingleChoiceQuestion
  | MultipleChoiceQuestion;

export type QuestionKind = Question["kind"];

const ALL_QUESTIONS = [
  ...EMBAUCHE_QUESTIONS,
  ...FORMATION_QUESTIONS,
  ...PROMOTION_QUESTIONS,
  ...QUALIFICATION_QUESTIONS,
  ...CLASSIFICATION_QUESTIONS,
  ...CONDITIONS_TRAVAIL_QUESTIONS,
  ...SANTE_SECURITE_QUESTIONS,
  ...REMUNERATION_QUESTIONS,
  ...ARTICULATION_QUESTIONS,
] as const;

/** Every question id, as a literal union: lets the action catalogue be checked at compile time. */
export type QuestionId = (typeof ALL_QUESTIONS)[number]["id"];

/** The question bank, in domain order (DOMAIN_IDS) then in reading order. */
export const QUESTIONS: readonly Question[] = ALL_QUESTIONS;

/** Minimum number of questions per domain (project requirement, checked by tests). */
export const MIN_QUESTIONS_PER_DOMAIN = 7;

const QUESTIONS_BY_ID: ReadonlyMap<string, Question> = new Map(QUESTIONS.map((q) => [q.id, q]));

/** The question with this id, or undefined when the id is unknown (e.g. a question since removed). */
export function getQuestion(id: string): Question | undefined {
  return QUESTIONS_BY_ID.get(id);
}

/** True when `id` names a question of the bank. */
export function isQuestionId(id: string): id is QuestionId {
  return QUESTIONS_BY_ID.has(id);
}

/** True when the question is asked to a structure with this profile (every `appliesTo` condition holds). */
export function isApplicable(question: Question, profile: Profile): boolean {
  const rule = question.appliesTo;
  if (!rule) return true;
  if (rule.structureTypes && !rule.structureTypes.includes(profile.structureType)) return false;
  if (rule.headcountBands && !rule.headcountBands.includes(profile.headcountBand)) return false;
  if (rule.requiresCse && !profile.hasCse) return false;
  if (rule.requiresDelegueSyndical && !profile.hasDelegueSyndical) return false;
  return true;
}

/** The questions asked to this structure, in domain order. */
export function applicableQuestions(profile: Profile): Question[] {
  return QUESTIONS.filter((q) => isApplicable(q, profile));
}

/** The questions of one domain asked to this structure, in reading order. */
export function questionsForDomain(domain: DomainId, profile: Profile): Question[] {
  return QUESTIONS.filter((q) => q.domain === domain && isApplicable(q, profile));
}

/** Domains in legal order with their applicable questions (handy for the questionnaire steps). */
export function questionsByDomain(profile: Profile): { domain: DomainId; questions: Question[] }[] {
  return DOMAIN_IDS.map((domain) => ({ domain, questions: questionsForDomain(domain, profile) }));
}

// ---------------------------------------------------------------------------------------------
// Wording adapted to the structure's population

/**
 * How the people of the « parcours » population are called in each kind of structure
 * (DOMAIN.md §1.3 and §6.1): RQTH workers in EA, « travailleurs accompagnés » in ESAT (not salariés),
 * alternants in GEIQ. Question texts are written for SIAE (« salariés en parcours »).
 */
export const PARCOURS_WORDING: Record<StructureType, { masculine: string; feminine: string }> = {
  ACI: { masculine: "salariés en parcours", feminine: "salariées en parcours" },
  EI: { masculine: "salariés en parcours", feminine: "salariées en parcours" },
  ETTI: { masculine: "salariés en parcours", feminine: "salariées en parcours" },
  AI: { masculine: "salariés en parcours", feminine: "salariées en parcours" },
  EA: { masculine: "salariés en situation de handicap", feminine: "salariées en situation de handicap" },
  ESAT: { masculine: "travailleurs accompagnés", feminine: "travailleuses accompagnées" },
  GEIQ: { masculine: "salariés en alternance", feminine: "salariées en alternance" },
  autre: { masculine: "salariés en parcours", feminine: "salariées en parcours" },
};

/** `text` with « salariés en parcours » replaced by the words used in this kind of structure. */
export function adaptWording(text: string, structureType: StructureType): string {
  const wording = PARCOURS_WORDING[structureType];
  return text
    .replaceAll("salariés en parcours", wording.masculine)
    .replaceAll("salariées en parcours", wording.feminine);
}

// ---------------------------------------------------------------------------------------------
// Answers: values, options, zod schemas, French form parsing

/**
 * A stored answer: a YnpValue for « ynp », a number for « number » and « percentage », an option
 * value for « single », an array of option values for « multiple »; DONT_KNOW for every kind.
 */
export type AnswerValue = number | string | string[];

/** Answers of one diagnostic, keyed by question id. Unknown ids are ignored by the scoring. */
export type Answers = Readonly<Record<string, AnswerValue>>;

export const DONT_KNOW_LABEL = "Je ne sais pas";

export const YNP_LABELS: Record<YnpValue, string> = {
  oui: "Oui",
  en_partie: "En partie",
  non: "Non",
  ne_sait_pas: DONT_KNOW_LABEL,
};

/** The choices to display for a ynp / single / multiple question, « Je ne sais pas » last; [] otherwise. */
export function answerOptions(question: Question): { value: string; label: string }[] {
  const dontKnow = { value: DONT_KNOW, label: DONT_KNOW_LABEL };
  switch (question.kind) {
    case "ynp":
      return YNP_VALUES.map((value) => ({ value, label: YNP_LABELS[value] }));
    case "single":
    case "multiple":
      return [...question.options.map(({ value, label }) => ({ value, label })), dontKnow];
    default:
      return [];
  }
}

const NBSP = "\u00a0";
const DK_QUOTED = `«${NBSP}${DONT_KNOW_LABEL}${NBSP}»`;

/** French error messages shared by forms and imports. */
export const ANSWER_MESSAGES = {
  ynp: `Choisissez «${NBSP}Oui${NBSP}», «${NBSP}En partie${NBSP}», «${NBSP}Non${NBSP}» ou ${DK_QUOTED}.`,
  choiceRequired: `Choisissez une réponse, ou ${DK_QUOTED}.`,
  choiceUnknown: "Choisissez une des réponses proposées.",
  multipleRequired: `Cochez au moins une réponse, ou ${DK_QUOTED}.`,
  multipleDuplicate: "Chaque réponse ne peut être cochée qu'une fois.",
  multipleWithDontKnow: `${DK_QUOTED} ne peut pas être cochée avec une autre réponse.`,
  numberRequired: `Indiquez un nombre, ou cochez ${DK_QUOTED}.`,
  numberFormat: "Indiquez un nombre en chiffres, par exemple 12 ou 12,5.",
  integer: "Indiquez un nombre entier, sans virgule.",
  unknownQuestion: "Cette question n'existe pas ou plus dans le questionnaire.",
} as const;

const FR_NUMBER = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

/** « Indiquez un nombre entre 0 et 100. » for a range. */
export function rangeMessage(min: number, max: number): string {
  return `Indiquez un nombre entre ${FR_NUMBER.format(min)} et ${FR_NUMBER.format(max)}.`;
}

/** « « Aucune » ne peut pas être cochée avec une autre réponse. » */
export function exclusiveMessage(label: string): string {
  return `«${NBSP}${label}${NBSP}» ne peut pas être cochée avec une autre réponse.`;
}

/** Bounds of a percentage answer. */
export const PERCENTAGE_MIN = 0;
export const PERCENTAGE_MAX = 100;

/**
 * `inner`, or the « Je ne sais pas » value. Unlike `z.union`, whose failure hides the inner issues
 * behind one message, this reports the inner schema's own French message (« nombre entier »…).
 */
function orDontKnow<T>(inner: z.ZodType<T>): z.ZodType<T | DontKnow> {
  return z.unknown().superRefine((value, ctx) => {
    if (value === DONT_KNOW) return;
    const result = inner.safeParse(value);
    if (result.success) return;
    for (const issue of result.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
  }) as unknown as z.ZodType<T | DontKnow>;
}

function numericSchema(min: number, max: number, integer: boolean): z.ZodType<number | DontKnow> {
  let num = z.number({ error: ANSWER_MESSAGES.numberRequired });
  if (integer) num = num.int({ error: ANSWER_MESSAGES.integer });
  num = num.min(min, { error: rangeMessage(min, max) }).max(max, { error: rangeMessage(min, max) });
  return orDontKnow(num);
}

function buildSchema(question: Question): z.ZodType<AnswerValue> {
  switch (question.kind) {
    case "ynp":
      return z.enum(YNP_VALUES, { error: ANSWER_MESSAGES.ynp });
    case "number":
      return numericSchema(question.min, question.max, question.integer === true);
    case "percentage":
      return numericSchema(PERCENTAGE_MIN, PERCENTAGE_MAX, false);
    case "single": {
      const values = question.options.map((o) => o.value);
      const accepted: [string, ...string[]] = [DONT_KNOW, ...values];
      return z.enum(accepted, { error: ANSWER_MESSAGES.choiceUnknown });
    }
    case "multiple": {
      const values = question.options.map((o) => o.value) as [string, ...string[]];
      const exclusive = question.options.filter((o) => o.exclusive);
      const list = z
        .array(z.enum(values, { error: ANSWER_MESSAGES.choiceUnknown }), { error: ANSWER_MESSAGES.multipleRequired })
        .min(1, { error: ANSWER_MESSAGES.multipleRequired })
        .superRefine((chosen, ctx) => {
          if (new Set(chosen).size !== chosen.length) {
            ctx.addIssue({ code: "custom", message: ANSWER_MESSAGES.multipleDuplicate });
            return;
          }
          if (chosen.length > 1) {
            const clash = exclusive.find((o) => chosen.includes(o.value));
            if (clash) ctx.addIssue({ code: "custom", message: exclusiveMessage(clash.label) });
          }
        });
      return orDontKnow(list);
    }
  }
}

const SCHEMAS = new Map<string, z.ZodType<AnswerValue>>();

/**
 * The zod schema of the stored value of this question: ynp value, number or DONT_KNOW, percentage
 * 0–100 or DONT_KNOW, one option value, or a non-empty array of distinct option values. Messages are
 * in French. Same schema for forms, imports and stored data.
 */
export function answerSchemaFor(question: Question): z.ZodType<AnswerValue> {
  let schema = SCHEMAS.get(question.id);
  if (!schema) {
    schema = buildSchema(question);
    SCHEMAS.set(question.id, schema);
  }
  return schema;
}

export type ParsedAnswer = { ok: true; value: AnswerValue } | { ok: false; message: string };

/** Lower-case ASCII token: accents dropped, spaces, apostrophes and dashes turned into « _ ». */
function token(input: string): string {
  return input
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim()
    .replace(/[\s\u00a0\u202f'’-]+/g, "_");
}

const DONT_KNOW_TOKENS = new Set([DONT_KNOW, "je_ne_sais_pas", "ne_sais_pas", "nsp"]);

function isDontKnowInput(input: string): boolean {
  return DONT_KNOW_TOKENS.has(token(input));
}

/**
 * Reads a number typed the French way: decimal comma or point, spaces as thousands separators,
 * an optional « % » or the question's unit after it (« 12,5 % », « 1 200 », « 14 jours »).
 * Returns null when the text is not a number.
 */
export function parseFrenchNumber(input: string, unit?: string): number | null {
  let s = input.trim().replace(/[\s\u00a0\u202f]+/g, "");
  s = s.replace(/%$/, "");
  if (unit) {
    const suffix = /[^\d.,]+$/.exec(s)?.[0];
    if (suffix) {
      const u = token(unit);
      const t = token(suffix);
      if (t === u || t === u.replace(/s$/, "")) s = s.slice(0, -suffix.length);
    }
  }
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(s)) return null;
  const n = Number(s.replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? ANSWER_MESSAGES.choiceUnknown;
}

function validate(question: Question, value: unknown): ParsedAnswer {
  const result = answerSchemaFor(question).safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, message: firstMessage(result.error) };
}

function matchOption(question: SingleChoiceQuestion | MultipleChoiceQuestion, input: string): string | null {
  const raw = input.trim();
  const t = token(raw);
  const found = question.options.find((o) => o.value === raw || token(o.value) === t || token(o.label) === t);
  return found ? found.value : null;
}

/**
 * Turns what a form (or an import cell) sent into a stored answer, accepting French input:
 * « Oui », « en partie », « Je ne sais pas », « 12,5 % », « 1 200 », option values or labels.
 * Several values of a multiple-choice question come as an array, or as one text separated by « ; ».
 * Returns the value, or a French message saying how to fix the answer.
 */
export function parseAnswerFromForm(question: Question, formValue: string | string[] | null): ParsedAnswer {
  const values = (formValue === null ? [] : Array.isArray(formValue) ? formValue : [formValue])
    .flatMap((v) => (question.kind === "multiple" ? v.split(/[;|]/) : [v]))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);

  switch (question.kind) {
    case "ynp": {
      if (values.length === 0) return { ok: false, message: ANSWER_MESSAGES.ynp };
      if (values.length > 1) return { ok: false, message: ANSWER_MESSAGES.ynp };
      const t = token(values[0]);
      if (isDontKnowInput(values[0])) return { ok: true, value: DONT_KNOW };
      const byLabel = YNP_VALUES.find((v) => v === t || token(YNP_LABELS[v]) === t);
      return validate(question, byLabel ?? t);
    }
    case "number":
    case "percentage": {
      if (values.length === 0) return { ok: false, message: ANSWER_MESSAGES.numberRequired };
      if (values.length > 1) return { ok: false, message: ANSWER_MESSAGES.numberFormat };
      if (isDontKnowInput(values[0])) return { ok: true, value: DONT_KNOW };
      const n = parseFrenchNumber(values[0], question.kind === "number" ? question.unit : undefined);
      if (n === null) {
        return {
          ok: false,
          message:
            question.kind === "percentage"
              ? rangeMessage(PERCENTAGE_MIN, PERCENTAGE_MAX)
              : ANSWER_MESSAGES.numberFormat,
        };
      }
      return validate(question, n);
    }
    case "single": {
      if (values.length === 0) return { ok: false, message: ANSWER_MESSAGES.choiceRequired };
      if (values.length > 1) return { ok: false, message: ANSWER_MESSAGES.choiceUnknown };
      if (isDontKnowInput(values[0])) return { ok: true, value: DONT_KNOW };
      const value = matchOption(question, values[0]);
      return value === null ? { ok: false, message: ANSWER_MESSAGES.choiceUnknown } : validate(question, value);
    }
    case "multiple": {
      if (values.length === 0) return { ok: false, message: ANSWER_MESSAGES.multipleRequired };
      const dontKnow = values.filter(isDontKnowInput);
      if (dontKnow.length > 0) {
        return dontKnow.length === values.length
          ? { ok: true, value: DONT_KNOW }
          : { ok: false, message: ANSWER_MESSAGES.multipleWithDontKnow };
      }
      const chosen: string[] = [];
      for (const v of values) {
        const value = matchOption(question, v);
        if (value === null) return { ok: false, message: ANSWER_MESSAGES.choiceUnknown };
        if (!chosen.includes(value)) chosen.push(value);
      }
      // Keep the bank's order so that equal answers are stored identically.
      const order = question.options.map((o) => o.value);
      chosen.sort((a, b) => order.indexOf(a) - order.indexOf(b));
      return validate(question, chosen);
    }
  }
}

export interface AnswerError {
  questionId: string;
  message: string;
}

/**
 * Validates raw stored or imported answers (question id → value) with the same schemas. Unknown
 * question ids and invalid values are reported, never silently kept. Values are stored values
 * (not form text): use parseAnswerFromForm first for text input.
 */
export function validateAnswers(raw: Readonly<Record<string, unknown>>): { answers: Answers; errors: AnswerError[] } {
  const answers: Record<string, AnswerValue> = {};
  const errors: AnswerError[] = [];
  for (const [questionId, value] of Object.entries(raw)) {
    const question = getQuestion(questionId);
    if (!question) {
      errors.push({ questionId, message: ANSWER_MESSAGES.unknownQuestion });
      continue;
    }
    const result = validate(question, value);
    if (result.ok) answers[questionId] = result.value;
    else errors.push({ questionId, message: result.message });
  }
  return { answers, errors };
}
