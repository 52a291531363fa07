import { getDomain } from "../../diagnostics/domains.ts";
import {
  actionsForDomain,
  baselineSourceLabel,
  draftPlanAction,
  isPlanMandatory,
  minDomainsFor,
  resolveBaseline,
  type CatalogueAction,
  type DiagnosticInput,
  type PlanAction,
  type Recommendation,
} from "../../diagnostics/plan/index.ts";
import { DOMAIN_IDS, type DomainId } from "../../diagnostics/types.ts";

/**
 * The actions offered when a plan is created: every recommendation of the diagnostic, the first ones
 * ticked. Project choice: PREFILL_TOP_ACTIONS ticked by rank — a plan a structure of 12 to 80 people
 * can carry in a year — then, if the law asks for more, the best-ranked action of each missing domain
 * (at least minDomainsFor(band) domains, R2242-2) and of rémunération effective from 50 salariés.
 * When the diagnostic recommends nothing in a domain that is needed, the catalogue's first action of
 * that domain is offered, ticked, and says why.
 */
export const PREFILL_TOP_ACTIONS = 4;

export interface ProposedAction {
  catalogueId: string;
  domain: DomainId;
  title: string;
  description: string;
  /** Why it is offered, in French (the recommendation's reasons, or the legal rule it fills). */
  reasons: string[];
  /** Ticked when the creation form opens. */
  proposed: boolean;
  /** Rank among the recommendations, null for an action added for the legal minimum. */
  rank: number | null;
  legalObligation: boolean;
  /** Baseline found in the diagnostic, else null; and where it comes from. */
  baselineValue: number | null;
  baselineLabel: string;
  unit: string;
}

const REASON_REMUNERATION =
  "À partir de 50 salariés, la rémunération effective doit figurer dans tout accord ou plan d'action (Code du travail, art. R2242-2).";
const reasonDomains = (min: number) =>
  `Ajoutée pour que le plan couvre au moins ${min} domaines, comme le demande le Code du travail (art. R2242-2)${"\u00a0"}: votre diagnostic ne propose pas d'action dans ce domaine.`;

function fromRecommendation(r: Recommendation, proposed: boolean): ProposedAction {
  return {
    catalogueId: r.action.id,
    domain: r.action.domain,
    title: r.action.title,
    description: r.action.description,
    reasons: [...r.reasons],
    proposed,
    rank: r.rank,
    legalObligation: r.legalObligation,
    baselineValue: r.baselineValue,
    baselineLabel: r.baselineLabel,
    unit: r.action.indicator.unit,
  };
}

function fromCatalogue(action: CatalogueAction, input: DiagnosticInput, reason: string): ProposedAction {
  return {
    catalogueId: action.id,
    domain: action.domain,
    title: action.title,
    description: action.description,
    reasons: [reason],
    proposed: true,
    rank: null,
    legalObligation: false,
    baselineValue: resolveBaseline(action.baseline, input),
    baselineLabel: baselineSourceLabel(action.baseline, input.profile),
    unit: action.indicator.unit,
  };
}

/** The domains still missing, lowest domain score first (domains without a score after, in legal order). */
function missingDomainsByScore(covered: Set<DomainId>, input: DiagnosticInput): DomainId[] {
  const score = (d: DomainId) => input.scores.domains.find((s) => s.domain === d)?.score ?? null;
  return DOMAIN_IDS.filter((d) => !covered.has(d)).sort((a, b) => {
    const sa = score(a);
    const sb = score(b);
    if (sa === sb) return DOMAIN_IDS.indexOf(a) - DOMAIN_IDS.indexOf(b);
    if (sa === null) return 1;
    if (sb === null) return -1;
    return sa - sb;
  });
}

/**
 * The actions offered at creation, ticked ones first (in the order they are added), then the other
 * recommendations in rank order. The ticked ones cover at least the legal number of domains and, from
 * 50 salariés, rémunération effective.
 */
export function proposePlanActions(recommendations: readonly Recommendation[], input: DiagnosticInput): ProposedAction[] {
  const band = input.profile.headcountBand;
  const minDomains = minDomainsFor(band);
  const ticked: ProposedAction[] = [];
  const tickedIds = new Set<string>();
  const covered = new Set<DomainId>();
  const tick = (p: ProposedAction) => {
    ticked.push(p);
    tickedIds.add(p.catalogueId);
    covered.add(p.domain);
  };

  for (const r of recommendations.slice(0, PREFILL_TOP_ACTIONS)) tick(fromRecommendation(r, true));

  if (isPlanMandatory(band) && !covered.has("remuneration")) {
    const r = recommendations.find((x) => x.action.domain === "remuneration");
    tick(r ? { ...fromRecommendation(r, true), reasons: [...r.reasons, REASON_REMUNERATION] } : fromCatalogue(actionsForDomain("remuneration")[0], input, REASON_REMUNERATION));
  }

  while (covered.size < minDomains) {
    const r = recommendations.find((x) => !covered.has(x.action.domain));
    if (r) {
      tick(fromRecommendation(r, true));
      continue;
    }
    const domain = missingDomainsByScore(covered, input)[0];
    tick(fromCatalogue(actionsForDomain(domain)[0], input, reasonDomains(minDomains)));
  }

  const others = recommendations.filter((r) => !tickedIds.has(r.action.id)).map((r) => fromRecommendation(r, false));
  return [...ticked, ...others];
}

/** The plan actions drafted from the ticked catalogue ids, with the baselines found in the diagnostic. */
export function draftActions(
  catalogueIds: readonly string[],
  offered: readonly ProposedAction[],
  period: { periodStart: string; periodEnd: string },
  input: DiagnosticInput,
  getAction: (id: string) => CatalogueAction | undefined,
): { action: PlanAction; catalogueId: string }[] {
  return catalogueIds.flatMap((id) => {
    const action = getAction(id);
    if (!action) return [];
    const known = offered.find((o) => o.catalogueId === id);
    const baseline = known ? known.baselineValue : resolveBaseline(action.baseline, input);
    return [{ action: draftPlanAction(action, { ...period, baseline }), catalogueId: id }];
  });
}

/** Domain label for group headings. */
export function domainLabel(domain: DomainId): string {
  return getDomain(domain).label;
}
