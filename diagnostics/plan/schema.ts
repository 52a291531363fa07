/**
 * zod schemas of an action plan (plan d'action or accord), shared by forms, imports and storage.
 * They check the shape of a draft, which may still be incomplete (an empty objective, no baseline):
 * checkPlan (check.ts) says what is missing before export. Messages are in French.
 */
import { z } from "zod";
import { BARRIERS, DOMAIN_IDS } from "../types.ts";

export const PLAN_KINDS = ["plan_action", "accord"] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export const PLAN_KIND_LABELS: Readonly<Record<PlanKind, string>> = {
  plan_action: "Plan d'action",
  accord: "Accord sur l'égalité professionnelle",
};

export const PLAN_ACTION_STATUSES = ["prevue", "en_cours", "realisee", "abandonnee"] as const;
export type PlanActionStatus = (typeof PLAN_ACTION_STATUSES)[number];

export const PLAN_ACTION_STATUS_LABELS: Readonly<Record<PlanActionStatus, string>> = {
  prevue: "Prévue",
  en_cours: "En cours",
  realisee: "Réalisée",
  abandonnee: "Abandonnée",
};

/** French messages of the plan schemas. */
export const PLAN_MESSAGES = {
  date: "Indiquez une date existante au format AAAA-MM-JJ, par exemple 2026-12-31.",
  kind: "Choisissez «\u00a0Plan d'action\u00a0» ou «\u00a0Accord\u00a0».",
  domain: "Choisissez un des neuf domaines d'action.",
  status: "Choisissez un état\u00a0: prévue, en cours, réalisée ou abandonnée.",
  barrier: "Choisissez un frein dans la liste proposée.",
  barrierDuplicate: "Chaque frein ne peut être coché qu'une fois.",
  id: "Cette action n'a pas d'identifiant\u00a0: rechargez la page et recommencez.",
  title: "Donnez un titre à l'action.",
  text: "Écrivez un texte (il peut rester vide pour l'instant).",
  number: "Indiquez un nombre en chiffres, par exemple 12 ou 12,5.",
  nonNegative: "Indiquez un nombre positif ou zéro.",
  support: "Choisissez un organisme dans la liste, ou aucun.",
  actions: "La liste des actions est invalide.",
} as const;

const isoDate = z.iso.date({ error: PLAN_MESSAGES.date });
const text = z.string({ error: PLAN_MESSAGES.text }).trim();
const measure = z.number({ error: PLAN_MESSAGES.number }).nullable();
const cost = z.number({ error: PLAN_MESSAGES.number }).min(0, { error: PLAN_MESSAGES.nonNegative }).nullable();

export const PlanIndicatorSchema = z.object({
  /** What is counted, e.g. « part de femmes parmi les embauches sur le poste d'agent d'espaces verts ». */
  label: text,
  /** « % », « personnes », « jours »… */
  unit: text,
  baseline: measure,
  target: measure,
});

export const PlanActionSchema = z.object({
  id: z.string({ error: PLAN_MESSAGES.id }).trim().min(1, { error: PLAN_MESSAGES.id }),
  domain: z.enum(DOMAIN_IDS, { error: PLAN_MESSAGES.domain }),
  title: z.string({ error: PLAN_MESSAGES.title }).trim().min(1, { error: PLAN_MESSAGES.title }),
  objective: text,
  indicator: PlanIndicatorSchema,
  deadline: isoDate.nullable(),
  /** Who leads the action: a function is enough (direction, CIP, encadrant technique). */
  owner: text,
  costEuros: cost,
  /** Staff time, in working days. */
  costDays: cost,
  barriers: z
    .array(z.enum(BARRIERS, { error: PLAN_MESSAGES.barrier }))
    .refine((list) => new Set(list).size === list.length, { error: PLAN_MESSAGES.barrierDuplicate }),
  /** An id of diagnostics/support/directory.ts, or null (unknown ids are reported by checkPlan). */
  supportOrganizationId: z.string({ error: PLAN_MESSAGES.support }).nullable(),
  status: z.enum(PLAN_ACTION_STATUSES, { error: PLAN_MESSAGES.status }),
  followUpNote: text,
  measuredValue: measure,
});

export const PlanSchema = z.object({
  kind: z.enum(PLAN_KINDS, { error: PLAN_MESSAGES.kind }),
  /** First day of the plan. */
  periodStart: isoDate,
  /** Last day of the plan, included. */
  periodEnd: isoDate,
  actions: z.array(PlanActionSchema, { error: PLAN_MESSAGES.actions }),
});

export type PlanIndicator = z.infer<typeof PlanIndicatorSchema>;
export type PlanAction = z.infer<typeof PlanActionSchema>;
export type Plan = z.infer<typeof PlanSchema>;
