/**
 * Domain scores of the questionnaire. Pure functions: answers and profile in, plain results out.
 *
 * Formula (also in French in SCORING_EXPLANATION):
 * - each applicable question answered with a real value gets a value v in 0..1 (ynp: oui 1, en partie
 *   0.5, non 0; number / percentage: piecewise-linear points; choice: the option's contribution,
 *   contributions of a multiple choice added up and capped at 1);
 * - domain score = round(100 × Σ(weight × v) / Σ(weight)) over those questions, or null when none;
 * - « Je ne sais pas » counts as seen (progress) and is reported (`unknown`), never in the score;
 *   a « non concerné » option counts as answered and is left out of the score;
 * - level from the score with LEVEL_EN_COURS_MIN and LEVEL_AVANCE_MIN;
 * - `lowConfidence` when more than LOW_CONFIDENCE_UNKNOWN_SHARE of the domain's questions are
 *   « Je ne sais pas ».
 * This is a self-assessment of practices, not a legal compliance check.
 */
import {
  DONT_KNOW,
  answerSchemaFor,
  applicableQuestions,
  type AnswerValue,
  type Answers,
  type NumericScoring,
  type Question,
} from "./questionnaire.ts";
import { DOMAIN_IDS, type DomainId, type Profile } from "./types.ts";

/** Progress levels of a domain, worded as UX.md asks (« à engager », « en cours », « avancé »). */
export const LEVELS = ["a_engager", "en_cours", "avance"] as const;
export type Level = (typeof LEVELS)[number];

/**
 * Lowest score (0–100) of the « en cours » level: below, the domain is « à engager ».
 * Project choice: under 40, fewer than half of the expected practices are in place even counting
 * partial answers as half.
 */
export const LEVEL_EN_COURS_MIN = 40;

/**
 * Lowest score (0–100) of the « avancé » level. Project choice: from 70, most practices are in place
 * and the remaining ones are partial.
 */
export const LEVEL_AVANCE_MIN = 70;

/**
 * Share of « Je ne sais pas » among a domain's questions above which the result is flagged as fragile
 * (strictly more than half, as set by the project brief).
 */
export const LOW_CONFIDENCE_UNKNOWN_SHARE = 0.5;

/** Default values of a yes / partly / no answer. */
export const YNP_DEFAULT_VALUES = { oui: 1, en_partie: 0.5, non: 0 } as const;

export const LEVEL_LABELS: Record<Level, string> = {
  a_engager: "À engager",
  en_cours: "En cours",
  avance: "Avancé",
};

export const LEVEL_MEANINGS: Record<Level, string> = {
  a_engager:
    "Peu de pratiques sont en place dans ce domaine\u00a0: c'est un bon point de départ pour choisir une ou deux premières actions.",
  en_cours:
    "Une partie des pratiques est en place\u00a0; il reste à les compléter et à les suivre avec des chiffres.",
  avance:
    "La plupart des pratiques sont en place\u00a0: il s'agit de les faire durer et d'en mesurer les effets.",
};

export const LOW_CONFIDENCE_MESSAGE =
  "Plus de la moitié des réponses de ce domaine sont «\u00a0Je ne sais pas\u00a0»\u00a0: ce résultat est fragile. Chercher ces informations est déjà une première action.";

/** README-ready explanation of the scoring, in French. */
export const SCORING_EXPLANATION = [
  "Comment le score de chaque domaine est calculé",
  "",
  "Chaque réponse donne une valeur entre 0 et 1\u00a0: «\u00a0Oui\u00a0» vaut 1, «\u00a0En partie\u00a0» 0,5 et «\u00a0Non\u00a0» 0. Pour un nombre ou un pourcentage, la valeur dépend de la réponse (par exemple, des plannings connus 14 jours à l'avance valent 1). Pour un choix, chaque réponse a sa propre valeur\u00a0; quand plusieurs réponses peuvent être cochées, leurs valeurs s'additionnent sans dépasser 1.",
  "",
  "Le score du domaine est la moyenne de ces valeurs, multipliée par 100 et arrondie à l'entier le plus proche. Quelques questions qui traduisent une obligation légale importante comptent double (par exemple le document unique d'évaluation des risques ou l'augmentation au retour de congé de maternité).",
  "",
  "«\u00a0Je ne sais pas\u00a0» est une réponse honnête\u00a0: elle compte dans l'avancement du questionnaire, mais pas dans le score, et le nombre de «\u00a0Je ne sais pas\u00a0» est affiché. Quand plus de la moitié des questions d'un domaine ont cette réponse, le résultat est signalé comme fragile. Une réponse «\u00a0Non concerné\u00a0» compte aussi dans l'avancement, pas dans le score.",
  "",
  `Niveaux\u00a0: moins de ${LEVEL_EN_COURS_MIN}, «\u00a0${LEVEL_LABELS.a_engager}\u00a0»\u00a0; de ${LEVEL_EN_COURS_MIN} à ${LEVEL_AVANCE_MIN - 1}, «\u00a0${LEVEL_LABELS.en_cours}\u00a0»\u00a0; ${LEVEL_AVANCE_MIN} et plus, «\u00a0${LEVEL_LABELS.avance}\u00a0». Sans aucune réponse utilisable, le domaine n'a ni score ni niveau.`,
  "",
  "Ce score mesure les pratiques que vous déclarez\u00a0; ce n'est ni une note officielle ni un contrôle de conformité à la loi.",
].join("\n");

/** Level of a 0–100 score; null when the score is null. */
export function levelForScore(score: number | null): Level | null {
  if (score === null) return null;
  if (score >= LEVEL_AVANCE_MIN) return "avance";
  if (score >= LEVEL_EN_COURS_MIN) return "en_cours";
  return "a_engager";
}

/** Piecewise-linear value (0..1) of a numeric answer; clamped to the first and last points. */
export function interpolate(points: NumericScoring["points"], x: number): number {
  const first = points[0];
  const last = points[points.length - 1];
  if (x <= first[0]) return first[1];
  if (x >= last[0]) return last[1];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i];
    if (x <= x1) {
      const [x0, y0] = points[i - 1];
      return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    }
  }
  return last[1];
}

/**
 * Value in 0..1 of a valid answer to this question, or null when it does not count in the score
 * (« Je ne sais pas », « non concerné », no answer, or a value the question's schema refuses).
 */
export function answerScore(question: Question, value: AnswerValue | undefined): number | null {
  if (value === undefined || value === DONT_KNOW) return null;
  if (!answerSchemaFor(question).safeParse(value).success) return null;
  switch (question.kind) {
    case "ynp": {
      const values = question.scoring.values ?? YNP_DEFAULT_VALUES;
      return values[value as keyof typeof YNP_DEFAULT_VALUES];
    }
    case "number":
    case "percentage":
      return interpolate(question.scoring.points, value as number);
    case "single":
      return question.options.find((o) => o.value === value)?.score ?? null;
    case "multiple": {
      const chosen = question.options.filter((o) => (value as string[]).includes(o.value));
      const scored = chosen.filter((o) => o.score !== null);
      if (scored.length === 0) return null;
      return Math.min(1, scored.reduce((sum, o) => sum + (o.score ?? 0), 0));
    }
  }
}

export interface Progress {
  /** Questions answered with a real value (« non concerné » included). */
  answered: number;
  /** Questions answered « Je ne sais pas ». */
  unknown: number;
  /** Questions not answered yet (or whose stored answer is no longer valid). */
  unanswered: number;
  total: number;
  /** (answered + unknown) / total, in 0..1; 0 when there is no question. */
  progress: number;
  /** The same as an integer percentage, for display. */
  progressPercent: number;
}

export interface DomainScore extends Progress {
  domain: DomainId;
  /** 0–100 integer, or null when no answer counts in the score. */
  score: number | null;
  level: Level | null;
  /** More than half of the domain's questions are « Je ne sais pas ». */
  lowConfidence: boolean;
}

export interface DiagnosticScores {
  /** One entry per domain, in legal order (DOMAIN_IDS). */
  domains: DomainScore[];
  /** Progress over all applicable questions. */
  overall: Progress;
  /** Applicable questions whose stored answer fails the schema (counted as unanswered). */
  invalidAnswerIds: string[];
}

/** Rounds a 0..1 mean to a 0–100 integer (half up), immune to binary noise such as 0.695 × 100. */
export function toPercentScore(mean: number): number {
  return Math.round(Number((mean * 100).toFixed(6)));
}

function progressOf(answered: number, unknown: number, total: number): Progress {
  const progress = total === 0 ? 0 : (answered + unknown) / total;
  return {
    answered,
    unknown,
    unanswered: total - answered - unknown,
    total,
    progress,
    progressPercent: toPercentScore(progress),
  };
}

/**
 * Scores the nine domains for the questions that apply to this profile. Answers to questions that do
 * not apply, or to unknown ids, are ignored; invalid stored values count as unanswered and are listed.
 */
export function scoreDomains(answers: Answers, profile: Profile): DiagnosticScores {
  const questions = applicableQuestions(profile);
  const invalidAnswerIds: string[] = [];
  let allAnswered = 0;
  let allUnknown = 0;

  const domains = DOMAIN_IDS.map((domain): DomainScore => {
    let answered = 0;
    let unknown = 0;
    let weighted = 0;
    let weights = 0;
    const inDomain = questions.filter((q) => q.domain === domain);
    for (const question of inDomain) {
      const value = answers[question.id];
      if (value === undefined) continue;
      if (value === DONT_KNOW) {
        unknown++;
        continue;
      }
      if (!answerSchemaFor(question).safeParse(value).success) {
        invalidAnswerIds.push(question.id);
        continue;
      }
      answered++;
      const v = answerScore(question, value);
      if (v !== null) {
        weighted += question.scoring.weight * v;
        weights += question.scoring.weight;
      }
    }
    allAnswered += answered;
    allUnknown += unknown;
    const score = weights === 0 ? null : toPercentScore(weighted / weights);
    const total = inDomain.length;
    return {
      domain,
      score,
      level: levelForScore(score),
      lowConfidence: total > 0 && unknown / total > LOW_CONFIDENCE_UNKNOWN_SHARE,
      ...progressOf(answered, unknown, total),
    };
  });

  return { domains, overall: progressOf(allAnswered, allUnknown, questions.length), invalidAnswerIds };
}
