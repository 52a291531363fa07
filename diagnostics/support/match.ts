/**
 * Which accompanying organisations fit a structure, and why, in plain French. An organisation is
 * proposed only where it works (its départements, or nationally) and when at least one reason holds;
 * with an unknown département only national organisations are proposed. Ordered by relevance (sum
 * of the weights of its reasons), then in directory order.
 */
import { getDomain } from "../domains.ts";
import { getQuestion, type AnswerValue, type Answers, type QuestionId } from "../questionnaire.ts";
import type { DiagnosticScores } from "../scoring.ts";
import type { DomainId, Profile, StructureType } from "../types.ts";
import { NBSP, joinFrench, quote } from "../plan/format.ts";
import {
  INDEX_PROGRESS_OBJECTIVES_BELOW,
  MIXITY_LOWER_PCT,
  type IndexSummary,
  type MixitySummary,
} from "../plan/inputs.ts";
import type { PlanKind } from "../plan/schema.ts";
import { classifiedJobs, profileWomenShare, usableAnswer } from "../plan/triggers.ts";
import { SUPPORT_ORGANIZATIONS, coversDepartement, type SupportOrganization, type SupportOrganizationId } from "./directory.ts";

/** What matchSupport reads from a diagnostic (a recommend() input is accepted as is). */
export interface SupportDiagnostic {
  readonly scores: DiagnosticScores;
  readonly answers?: Answers;
  readonly mixity?: MixitySummary | null;
  readonly index?: IndexSummary | null;
  /** The kind of plan being prepared, when known: « accord » means a negotiation. */
  readonly planKind?: PlanKind | null;
}

export interface SupportMatch {
  readonly organization: SupportOrganization;
  /** Why it fits, one French sentence each, strongest first. */
  readonly reasons: readonly string[];
  /** Sum of the weights of the reasons (REASON_WEIGHTS). */
  readonly relevance: number;
}

/** Weights of a reason: a direct fit (territory and situation), a useful offer, a general resource. */
export const REASON_WEIGHTS = { strong: 3, medium: 2, light: 1 } as const;

/** Structures d'insertion par l'activité économique (IAE). */
export const SIAE_TYPES: readonly StructureType[] = ["ACI", "EI", "ETTI", "AI"];

/**
 * Structure types treated as part of the social and solidarity economy (ESS): SIAE, EA and ESAT are
 * ESUS by right, GEIQ are mostly associations. « autre » is not assumed to be ESS.
 */
export const ESS_TYPES: readonly StructureType[] = ["ACI", "EI", "ETTI", "AI", "EA", "ESAT", "GEIQ"];

interface Reason {
  readonly text: string;
  readonly weight: number;
}

interface Context {
  readonly diagnostic: SupportDiagnostic;
  readonly profile: Profile;
}

function answerIs(ctx: Context, questionId: QuestionId, values: readonly string[]): boolean {
  const question = getQuestion(questionId);
  if (!question || !ctx.diagnostic.answers) return false;
  const value: AnswerValue | undefined = usableAnswer(question, ctx.diagnostic.answers[questionId], ctx.profile);
  if (value === undefined) return false;
  return Array.isArray(value) ? value.some((v) => values.includes(v)) : values.includes(String(value));
}

function weakDomains(ctx: Context): DomainId[] {
  return ctx.diagnostic.scores.domains.filter((d) => d.level === "a_engager").map((d) => d.domain);
}

function isWeak(ctx: Context, domain: DomainId): boolean {
  return weakDomains(ctx).includes(domain);
}

function domainList(domains: readonly DomainId[]): string {
  return joinFrench(domains.map((d) => quote(getDomain(d).shortLabel)));
}

function hasMasculineJobs(ctx: Context, population?: string): boolean {
  return !!ctx.diagnostic.mixity && classifiedJobs(ctx.diagnostic.mixity, population).some((j) => j.class === "masculin");
}

function sexismGaps(ctx: Context): boolean {
  return (
    isWeak(ctx, "conditions_travail") ||
    answerIs(ctx, "conditions_travail.procedure_signalement", ["non", "ne_sait_pas"]) ||
    answerIs(ctx, "sante_securite.traitement_signalements", ["rien", "discussion_sans_suite"]) ||
    answerIs(ctx, "formation.sensibilisation_encadrants", ["aucun"])
  );
}

function indexNeedsWork(ctx: Context): boolean {
  const index = ctx.diagnostic.index;
  const low = !!index && index.index.calculable && index.index.value !== null && index.index.value < INDEX_PROGRESS_OBJECTIVES_BELOW;
  return low || answerIs(ctx, "remuneration.index_publie", ["non", "calcule_non_publie", "ne_sait_pas"]);
}

const RULES: Readonly<Record<SupportOrganizationId, (ctx: Context) => Reason[]>> = {
  corif: (ctx) => {
    const reasons: Reason[] = [
      {
        text: "Le CORIF réalise des diagnostics égalité et forme les équipes des structures d'insertion et des entreprises adaptées des Hauts-de-France.",
        weight: REASON_WEIGHTS.medium,
      },
    ];
    if (sexismGaps(ctx)) {
      reasons.push({
        text: `Vos réponses montrent des manques sur le sexisme et le harcèlement${NBSP}: le CORIF forme les encadrants techniques et les CIP sur ces sujets, comme au Pôle Interm'aide (Nord).`,
        weight: REASON_WEIGHTS.medium,
      });
    }
    const weak = weakDomains(ctx);
    if (weak.length > 0) {
      reasons.push({
        text: `Il peut vous aider à démarrer dans vos domaines «${NBSP}à engager${NBSP}»${NBSP}: ${domainList(weak)}.`,
        weight: REASON_WEIGHTS.medium,
      });
    }
    if (hasMasculineJobs(ctx)) {
      reasons.push({
        text: `Vous avez des métiers à prédominance masculine${NBSP}: le CORIF accompagne les femmes vers ces métiers (guide anti-préjugés pour l'industrie, le BTP et les espaces verts).`,
        weight: REASON_WEIGHTS.medium,
      });
    }
    return reasons;
  },

  galilee: (ctx) => {
    if (!ESS_TYPES.includes(ctx.profile.structureType)) return [];
    const reasons: Reason[] = [
      {
        text: `Votre structure est dans le Pas-de-Calais${NBSP}: Galilée, association de l'ESS de Saint-Omer, accompagne sur mesure les structures de l'ESS sur l'égalité, du diagnostic au plan d'action, en passant par des ateliers avec l'équipe.`,
        weight: REASON_WEIGHTS.strong,
      },
    ];
    if (answerIs(ctx, "promotion.gouvernance_mixite", ["non", "objectif_fixe"])) {
      reasons.push({
        text: "Elle travaille aussi sur le projet associatif et la gouvernance, pour que l'égalité devienne un enjeu partagé.",
        weight: REASON_WEIGHTS.light,
      });
    }
    return reasons;
  },

  fete_scic: (ctx) => {
    const p = ctx.profile;
    if (p.headcountBand === "moins_50") return [];
    const reasons: Reason[] = [];
    if (p.hasDelegueSyndical) {
      reasons.push({
        text: `Vous avez 50 salariés ou plus et un délégué syndical${NBSP}: l'égalité professionnelle se négocie. La coopérative FETE accompagne cette négociation avec la direction et les syndicats, du diagnostic à la rédaction de l'accord et de ses indicateurs chiffrés.`,
        weight: REASON_WEIGHTS.strong,
      });
    } else if (ctx.diagnostic.planKind === "accord" || p.existingAgreement === "accord") {
      reasons.push({
        text: `Vous préparez ou renouvelez un accord sur l'égalité professionnelle${NBSP}: la coopérative FETE accompagne la négociation, du diagnostic à la rédaction de l'accord, et a aidé l'ACI Adermas (Aisne) à conclure un accord de méthode.`,
        weight: REASON_WEIGHTS.strong,
      });
    }
    if (reasons.length > 0 && indexNeedsWork(ctx)) {
      reasons.push({
        text: "Elle aide aussi à calculer et à publier l'Index de l'égalité professionnelle.",
        weight: REASON_WEIGHTS.medium,
      });
    }
    return reasons;
  },

  fete_association: (ctx) => {
    const reasons: Reason[] = [
      {
        text: "L'association FETE sensibilise et forme les équipes et les professionnels de l'emploi à l'égalité.",
        weight: REASON_WEIGHTS.light,
      },
    ];
    if (hasMasculineJobs(ctx)) {
      reasons.push({
        text: `Vous avez des métiers à prédominance masculine${NBSP}: elle accompagne les femmes vers ces métiers.`,
        weight: REASON_WEIGHTS.medium,
      });
    }
    if (sexismGaps(ctx)) {
      reasons.push({
        text: "Elle intervient aussi sur la prévention des violences sexistes et sexuelles.",
        weight: REASON_WEIGHTS.medium,
      });
    }
    return reasons;
  },

  cidff: (ctx) => {
    const reasons: Reason[] = [];
    const barriers: string[] = [];
    if (isWeak(ctx, "articulation") || answerIs(ctx, "articulation.solutions_garde_enfants", ["aucune", "ne_sait_pas"])) {
      barriers.push("la garde d'enfants");
    }
    if (answerIs(ctx, "articulation.aides_mobilite", ["aucune", "ne_sait_pas"]) || answerIs(ctx, "formation.permis_caces", ["non"])) {
      barriers.push("la mobilité");
    }
    if (answerIs(ctx, "sante_securite.violences_conjugales", ["non", "ne_sait_pas"])) barriers.push("les violences");
    if (barriers.length > 0) {
      reasons.push({
        text: `Pour lever les freins des femmes en parcours (${joinFrench(barriers)}), le CIDFF de votre département informe et accompagne les salariées et peut former votre CIP.`,
        weight: REASON_WEIGHTS.medium + barriers.length - 1,
      });
    }
    const parcoursShare = profileWomenShare(ctx.profile, "parcours");
    if (hasMasculineJobs(ctx, "parcours") || (parcoursShare !== null && parcoursShare < MIXITY_LOWER_PCT)) {
      reasons.push({
        text: "Il peut aussi vous orienter des candidates et participer à vos actions d'«\u00a0aller-vers\u00a0» (forums, visites).",
        weight: REASON_WEIGHTS.light,
      });
    }
    return reasons;
  },

  iriae_hdf: (ctx) => {
    if (!SIAE_TYPES.includes(ctx.profile.structureType)) return [];
    return [
      {
        text: `Vous êtes une structure d'insertion des Hauts-de-France${NBSP}: l'inter-réseau de l'IAE a lancé une démarche de sensibilisation à l'égalité professionnelle dans l'IAE, suivie par exemple par l'association CAPEP (Nord)${NBSP}; votre fédération peut vous y relier.`,
        weight: REASON_WEIGHTS.medium,
      },
    ];
  },

  drdfe_hdf: () => [
    {
      text: "La délégation régionale aux droits des femmes finance des projets pour l'égalité et peut vous orienter vers les actrices et acteurs de votre département.",
      weight: REASON_WEIGHTS.light,
    },
  ],

  apes_hdf: (ctx) =>
    ESS_TYPES.includes(ctx.profile.structureType)
      ? [
          {
            text: "Réseau régional de l'économie solidaire, l'APES a été partenaire d'ateliers égalité pour les structures de l'ESS (offre propre à confirmer).",
            weight: REASON_WEIGHTS.light,
          },
        ]
      : [],

  aract: (ctx) => {
    const reasons: Reason[] = [];
    const weak = (["conditions_travail", "sante_securite"] as const).filter((d) => isWeak(ctx, d));
    if (weak.length > 0) {
      reasons.push({
        text: `Votre score est «${NBSP}à engager${NBSP}» en ${domainList(weak)}${NBSP}: l'Aract de votre région propose des outils gratuits pour améliorer les conditions de travail en tenant compte des différences entre femmes et hommes.`,
        weight: REASON_WEIGHTS.strong,
      });
    }
    if (
      answerIs(ctx, "sante_securite.duerp_differencie", ["non", "ne_sait_pas"]) ||
      answerIs(ctx, "sante_securite.risques_metiers_feminises", ["non"])
    ) {
      reasons.push({
        text: `Votre évaluation des risques ne distingue pas encore les femmes et les hommes${NBSP}: le réseau Anact-Aract a des méthodes pour le faire, y compris pour les métiers féminisés.`,
        weight: REASON_WEIGHTS.medium,
      });
    }
    return reasons;
  },

  udes: (ctx) =>
    ESS_TYPES.includes(ctx.profile.structureType)
      ? [
          {
            text: "Le guide pratique de l'UDES aide les employeurs de l'ESS à passer de la conviction à l'action.",
            weight: REASON_WEIGHTS.light,
          },
        ]
      : [],

  hubertine_auclert: () => [
    {
      text: "Le Centre Hubertine Auclert propose des ressources sur l'égalité aux acteurs d'Île-de-France.",
      weight: REASON_WEIGHTS.light,
    },
  ],
};

/** The organisations that fit this structure, with the French reasons, most relevant first; organisations outside their territory are left out. */
export function matchSupport(diagnostic: SupportDiagnostic, profile: Profile): SupportMatch[] {
  const ctx: Context = { diagnostic, profile };
  const matches: (SupportMatch & { order: number })[] = [];
  SUPPORT_ORGANIZATIONS.forEach((organization, order) => {
    if (!coversDepartement(organization, profile.departement)) return;
    const reasons = [...RULES[organization.id](ctx)].sort((a, b) => b.weight - a.weight);
    if (reasons.length === 0) return;
    const relevance = reasons.reduce((sum, r) => sum + r.weight, 0);
    matches.push({ organization, reasons: reasons.map((r) => r.text), relevance, order });
  });
  matches.sort((a, b) => b.relevance - a.relevance || a.order - b.order);
  return matches.map(({ organization, reasons, relevance }) => ({ organization, reasons, relevance }));
}
