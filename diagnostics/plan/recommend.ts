/**
 * Recommended actions for one diagnostic: the catalogue actions its answers, mixity figures, Index
 * result and profile call for, each once, with the plain-French reasons and the domain's score.
 *
 * Order (RECOMMENDATION_ORDER):
 * 1. legal obligations first: rémunération effective actions called for by the Index, for structures
 *    of 50 salariés or more (the pay objectives of the accord or plan must take the Index indicators
 *    into account, R2242-2; corrective measures under 75 and progress objectives under 85, L1142-9
 *    and L1142-9-1);
 * 2. then by domain score, lowest first (domains without a score come after scored ones);
 * 3. then by number of triggers that fired, most first;
 * 4. then in catalogue order, so that the result is stable.
 */
import { getDomain } from "../domains.ts";
import { LEVEL_LABELS, type DomainScore, type Level } from "../scoring.ts";
import type { DomainId } from "../types.ts";
import { baselineSourceLabel, resolveBaseline } from "./baseline.ts";
import { ACTION_CATALOGUE } from "./catalogue.ts";
import type { DiagnosticInput } from "./inputs.ts";
import { firedTriggers, type FiredTrigger } from "./triggers.ts";
import type { CatalogueAction } from "./types.ts";

export interface RecommendationDomain {
  readonly id: DomainId;
  readonly label: string;
  readonly shortLabel: string;
  /** 0–100, or null when no answer of the domain counts. */
  readonly score: number | null;
  readonly level: Level | null;
  /** « À engager », « En cours », « Avancé », or null. */
  readonly levelLabel: string | null;
  readonly lowConfidence: boolean;
}

export interface Recommendation {
  readonly action: CatalogueAction;
  /** 1 for the first recommendation. */
  readonly rank: number;
  /** Called for by a legal obligation (see the module comment). */
  readonly legalObligation: boolean;
  /** Why the action is proposed, one French sentence per trigger that fired. */
  readonly reasons: readonly string[];
  readonly triggers: readonly FiredTrigger[];
  readonly domain: RecommendationDomain;
  /** Baseline of the indicator when the diagnostic holds it (1 decimal), else null. */
  readonly baselineValue: number | null;
  /** Where the baseline comes from, in French. */
  readonly baselineLabel: string;
}

/** The order of recommendations, in French, for the results page and the README. */
export const RECOMMENDATION_ORDER = [
  "Les actions sont classées ainsi\u00a0:",
  "1. d'abord les obligations légales\u00a0: à partir de 50 salariés, les actions sur la rémunération appelées par les résultats de l'Index de l'égalité professionnelle (indicateur sans tous ses points, note sous 85 ou sous 75)\u00a0;",
  "2. puis les domaines où votre score est le plus bas\u00a0;",
  "3. puis les actions appelées par le plus grand nombre de vos réponses et de vos chiffres.",
].join("\n");

function domainContext(domain: DomainId, scores: readonly DomainScore[]): RecommendationDomain {
  const d = getDomain(domain);
  const s = scores.find((x) => x.domain === domain);
  return {
    id: domain,
    label: d.label,
    shortLabel: d.shortLabel,
    score: s?.score ?? null,
    level: s?.level ?? null,
    levelLabel: s?.level ? LEVEL_LABELS[s.level] : null,
    lowConfidence: s?.lowConfidence ?? false,
  };
}

/** True when the action is a legal obligation for this diagnostic (≥ 50 salariés, rémunération, called for by the Index). */
export function isLegalObligation(action: CatalogueAction, triggers: readonly FiredTrigger[], input: DiagnosticInput): boolean {
  return (
    input.profile.headcountBand !== "moins_50" &&
    action.domain === "remuneration" &&
    triggers.some((t) => t.source === "index")
  );
}

function compareScores(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

/** The catalogue actions this diagnostic calls for, each once, ordered as RECOMMENDATION_ORDER says; [] when nothing calls for an action. */
export function recommend(diagnostic: DiagnosticInput): Recommendation[] {
  const candidates = ACTION_CATALOGUE.map((action, catalogueIndex) => {
    const triggers = firedTriggers(action, diagnostic);
    return { action, catalogueIndex, triggers };
  }).filter((c) => c.triggers.length > 0);

  const enriched = candidates.map((c) => ({
    ...c,
    legalObligation: isLegalObligation(c.action, c.triggers, diagnostic),
    domain: domainContext(c.action.domain, diagnostic.scores.domains),
  }));

  enriched.sort(
    (a, b) =>
      Number(b.legalObligation) - Number(a.legalObligation) ||
      compareScores(a.domain.score, b.domain.score) ||
      b.triggers.length - a.triggers.length ||
      a.catalogueIndex - b.catalogueIndex,
  );

  return enriched.map((c, i) => ({
    action: c.action,
    rank: i + 1,
    legalObligation: c.legalObligation,
    reasons: c.triggers.map((t) => t.reason),
    triggers: c.triggers,
    domain: c.domain,
    baselineValue: resolveBaseline(c.action.baseline, diagnostic),
    baselineLabel: baselineSourceLabel(c.action.baseline, diagnostic.profile),
  }));
}
